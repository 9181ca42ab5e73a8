"""industrirumahan:accessibility — 2SFCA, E2SFCA, Gaussian 2SFCA and gravity accessibility,
defined as in PySAL ``access`` (see core.access)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import FieldDataType, FieldType, NumberType, SourceType, WkbType
from industri_rumahan_plugin.processing import gap_params, network_params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

METHODS = ("2sfca", "e2sfca", "gaussian", "gravity")


class Accessibility(IndustriRumahanAlgorithm):
    ALG_ID = "accessibility"
    GROUP = "services"
    TITLE = "Service accessibility (2SFCA, E2SFCA, gravity)"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Indeks aksesibilitas per usaha dan per jenis layanan, persis seperti paket PySAL "
            "access. Permintaan = usaha (boleh diberi bobot dari kolom), penawaran = kapasitas "
            "layanan. 2SFCA (Luo &amp; Wang): R_j = S_j / jumlah D_i dalam jangkauan, A_i = "
            "jumlah R_j dalam jangkauan. E2SFCA (Luo &amp; Qi): bobot bertingkat pada sepertiga "
            "jangkauan, bawaan 1; 0,68; 0,22 (bawaan PySAL untuk 10/20/30). Gaussian: "
            "exp(-c²/2σ²), σ bawaan = setengah jangkauan. Gravitasi: A_i = jumlah S_j "
            "(max(c, c_min)/skala)^alfa. Biaya: jarak geodesik (meter), tabel asal-tujuan, "
            "atau jaringan jalan (lapisan jalan: jarak jalan dalam meter atau waktu tempuh dalam "
            "menit). "
            "Kolom akses_&lt;jenis&gt; dan kurang_&lt;jenis&gt; (indeks di bawah bagian dari "
            "rata-rata). Dengan lapisan wilayah: ringkasan per wilayah."
        ),
        "en": (
            "Accessibility index per enterprise and service type, exactly as PySAL's access "
            "package. Demand = enterprises (optionally weighted by a field), supply = service "
            "capacity. 2SFCA (Luo &amp; Wang): R_j = S_j / sum of D_i in the catchment, A_i = "
            "sum of R_j in the catchment. E2SFCA (Luo &amp; Qi): step weights on thirds of the "
            "catchment, default 1, 0.68, 0.22 (PySAL's default for 10/20/30). Gaussian: "
            "exp(-c²/2σ²), σ defaults to half the catchment. Gravity: A_i = sum S_j "
            "(max(c, c_min)/scale)^alpha. Costs: geodesic distance (metres), an "
            "origin-destination table, or a road network (the road layer: road distance in metres "
            "or "
            "travel time in minutes). Columns akses_&lt;type&gt; and kurang_&lt;type&gt; "
            "(index below a share of the mean). With a region layer: a summary per region."
        ),
    }

    def initAlgorithm(self, config=None):
        gap_params.add_services(self, capacity=True)
        self.addParameter(QgsProcessingParameterField(
            "DEMAND_FIELD", self.tr("Enterprise demand weight field (empty = 1 each)"), None,
            "INPUT", FieldDataType.NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"),
            [self.tr("2SFCA"), self.tr("E2SFCA (step weights)"), self.tr("2SFCA, Gaussian decay"),
             self.tr("Gravity")], defaultValue=1))
        self.addParameter(gap_params.metres_parameter(
            "CATCHMENT", self.tr("Catchment (metres, or the cost unit of the OD table or the "
                                 "road network)"), 10000.0))
        self.addParameter(QgsProcessingParameterString(
            "STEP_WEIGHTS", self.tr("E2SFCA step weights (equal steps up to the catchment)"),
            "1, 0.68, 0.22"))
        self.addParameter(QgsProcessingParameterNumber(
            "SIGMA", self.tr("Gaussian sigma (0 = half the catchment)"),
            NumberType.DOUBLE, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "GRAVITY_ALPHA", self.tr("Gravity exponent alpha (negative = decay)"),
            NumberType.DOUBLE, -1.0))
        self.addParameter(QgsProcessingParameterNumber(
            "GRAVITY_MIN_COST", self.tr("Gravity minimum cost (avoids infinity at 0)"),
            NumberType.DOUBLE, 100.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "UNDERSERVED_SHARE", self.tr("Underserved below this share of the mean index"),
            NumberType.DOUBLE, 0.5, minValue=0.0))
        gap_params.add_od(self)
        network_params.add_network(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "REGIONS", self.tr("Regions for a summary (optional)"),
            [SourceType.POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "REGION_CODE_FIELD", self.tr("Region code field"), "kode", "REGIONS", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Enterprises with accessibility")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_REGIONS", self.tr("Accessibility by region"), SourceType.VECTOR,
            optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io
        from industri_rumahan_plugin.core import access
        from industri_rumahan_plugin.core.nearest import pairs_within

        source = self.parameterAsSource(parameters, "INPUT", context)
        services_src = self.parameterAsSource(parameters, "SERVICES", context)
        if source is None or services_src is None:
            raise QgsProcessingException(self.tr("Choose the enterprise and service layers."))
        s = {k: self.parameterAsString(parameters, k, context) for k in (
            "SERVICE_TYPE_FIELD", "SERVICE_ID_FIELD", "CAPACITY_FIELD", "DEMAND_FIELD",
            "INPUT_ID_FIELD", "STEP_WEIGHTS", "SERVICE_TYPES", "REGION_CODE_FIELD")}
        if not s["SERVICE_TYPE_FIELD"] or not s["CAPACITY_FIELD"]:
            raise QgsProcessingException(self.tr("Choose the service type and capacity fields."))
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        catchment = self.parameterAsDouble(parameters, "CATCHMENT", context)
        if catchment <= 0:
            raise QgsProcessingException(self.tr("The catchment must be greater than 0."))
        try:
            steps = [float(v) for v in s["STEP_WEIGHTS"].replace(";", ",").split(",") if v.strip()]
            access.step_weights([0.0], access.catchment_steps(catchment, steps), steps)
        except ValueError as error:
            raise QgsProcessingException(self.tr(
                "Step weights must be non-negative numbers separated by commas.")) from error
        share = self.parameterAsDouble(parameters, "UNDERSERVED_SHARE", context)
        cost_kind = network_params.cost_source(self, parameters, context, feedback)
        use_od = cost_kind == gap_params.COST_OD

        services = gap_io.read_services(services_src, context, feedback, s["SERVICE_TYPE_FIELD"],
                                        "", s["SERVICE_ID_FIELD"], s["CAPACITY_FIELD"])
        bad_capacity = ~np.isfinite(services.capacity) | (services.capacity < 0)
        if bad_capacity.any():
            feedback.pushWarning(self.tr("{n} services without a valid capacity count as 0.")
                                 .format(n=int(bad_capacity.sum())))
            services.capacity[bad_capacity] = 0.0
        wanted = [f for f in (s["DEMAND_FIELD"], s["INPUT_ID_FIELD"] if use_od else "") if f]
        fids, lonlat, frame = gap_io.read_lonlat(source, context, feedback, wanted)
        demand = np.ones(len(fids))
        if s["DEMAND_FIELD"]:
            demand = np.nan_to_num(
                frame[s["DEMAND_FIELD"]].astype(float).to_numpy(), nan=0.0).clip(min=0.0)
        if use_od:
            table = self.parameterAsSource(parameters, "OD_TABLE", context)
            if table is None:
                raise QgsProcessingException(self.tr("Choose the origin-destination table."))
            all_pairs = gap_io.read_od_table(
                table, self.parameterAsString(parameters, "OD_ORIGIN_FIELD", context),
                self.parameterAsString(parameters, "OD_DEST_FIELD", context),
                self.parameterAsString(parameters, "OD_COST_FIELD", context),
                frame[s["INPUT_ID_FIELD"]].to_numpy(object) if s["INPUT_ID_FIELD"] else fids,
                services.ident, feedback)
        elif cost_kind == gap_params.COST_NETWORK:
            all_pairs = network_params.pairs(self, parameters, context, feedback, lonlat,
                                             services, catchment)
        types = gap_io.chosen_types(services, s["SERVICE_TYPES"])
        extra, columns, summaries = [], [], []
        for t, jenis in enumerate(types):
            check_cancel(feedback)
            members = services.of_type(jenis)
            if use_od or cost_kind == gap_params.COST_NETWORK:
                pairs = all_pairs[np.isin(all_pairs["target"], members)].copy()
                pairs["target"] = np.searchsorted(members, pairs["target"].to_numpy())
            else:
                pairs = pairs_within(lonlat, services.lonlat[members], catchment)
            pairs = pairs[pairs["cost"] <= catchment]
            cost = pairs["cost"].to_numpy(float)
            weights = access.decay_weights(
                cost, method, catchment, steps,
                sigma=self.parameterAsDouble(parameters, "SIGMA", context) or None,
                alpha=self.parameterAsDouble(parameters, "GRAVITY_ALPHA", context),
                min_cost=self.parameterAsDouble(parameters, "GRAVITY_MIN_COST", context))
            supply = services.capacity[members]
            if method == "gravity":
                index = access.gravity_access(pairs, len(fids), supply, weights)
            else:
                index, _ = access.two_stage_fca(pairs, demand, supply, weights)
            flags, threshold = access.underserved(index, share)
            suffix = gap_io.type_suffix(jenis)
            extra += [(f"akses_{suffix}", FieldType.DOUBLE), (f"kurang_{suffix}", FieldType.BOOL)]
            columns += [index, flags]
            summaries.append((jenis, index, flags))
            feedback.pushInfo(self.tr(
                "{jenis}: {pairs} pairs within the catchment; mean index {mean:.6g}; "
                "{under} enterprises underserved (below {threshold:.6g}).").format(
                jenis=jenis, pairs=len(pairs), mean=float(index.mean()) if len(index) else 0.0,
                under=int(flags.sum()), threshold=threshold))
            feedback.setProgress(30 + 40 * (t + 1) / max(len(types), 1))
        fields = gap_io.new_fields(source.fields(), extra)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        gap_io.write_with_columns(source, sink, fids, columns, feedback)
        results = {"OUTPUT": dest}
        regions_src = self.parameterAsSource(parameters, "REGIONS", context)
        if regions_src is not None and parameters.get("OUTPUT_REGIONS") is not None:
            results["OUTPUT_REGIONS"] = self._regions(
                parameters, context, regions_src, s["REGION_CODE_FIELD"] or "kode", lonlat,
                summaries)
        return results

    def _regions(self, parameters, context, regions_src, code_field, lonlat, summaries):
        import numpy as np
        import pandas as pd
        from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields

        from industri_rumahan_plugin.adapters.arrays import read_source
        from industri_rumahan_plugin.core.density import OUTSIDE, assign_points

        regions = read_source(regions_src, [code_field], context=context)
        region = assign_points(lonlat[:, 0], lonlat[:, 1], list(regions.geometries)).region
        codes = regions.attributes[code_field].astype(object).to_numpy()
        label = np.array([codes[r] if r != OUTSIDE else None for r in region], dtype=object)
        fields = QgsFields()
        for name, kind in (("kode", FieldType.STRING), ("jenis", FieldType.STRING),
                           ("n_usaha", FieldType.INT), ("akses_rata", FieldType.DOUBLE),
                           ("akses_median", FieldType.DOUBLE), ("n_kurang", FieldType.INT),
                           ("persen_kurang", FieldType.DOUBLE)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_REGIONS", context, fields,
                                          WkbType.NO_GEOMETRY)
        for jenis, index, flags in summaries:
            frame = pd.DataFrame({"kode": label, "a": index, "k": flags.astype(int)})
            table = frame.groupby("kode", dropna=False).agg(
                n=("a", "size"), mean=("a", "mean"), median=("a", "median"), k=("k", "sum"))
            for kode, row in table.iterrows():
                feature = QgsFeature(fields)
                feature.setAttributes([
                    None if kode is None or kode != kode else str(kode), jenis, int(row.n),
                    float(row["mean"]), float(row["median"]), int(row.k),
                    100.0 * float(row.k) / float(row.n)])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
