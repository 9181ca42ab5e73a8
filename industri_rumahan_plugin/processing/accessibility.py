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

from industri_rumahan_plugin.compat import FieldDataType, FieldType, NumberType, SourceType
from industri_rumahan_plugin.processing import network_params, params
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
            "rata-rata). Dengan lapisan wilayah: ringkasan per wilayah. Peluruhan jarak boleh "
            "dipilih terpisah dari metode: setiap peluruhan (tanpa, bertingkat, Gaussian, "
            "pangkat) berlaku untuk 2SFCA maupun gravitasi."
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
            "(index below a share of the mean). With a region layer: a summary per region. "
            "The distance decay can be chosen apart from the method: every decay (none, "
            "steps, Gaussian, power) works with 2SFCA and with gravity."
        ),
    }

    def initAlgorithm(self, config=None):
        params.add_services(self, capacity=True)
        self.addParameter(QgsProcessingParameterField(
            "DEMAND_FIELD", self.tr("Enterprise demand weight field (empty = 1 each)"), None,
            "INPUT", FieldDataType.NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"),
            [self.tr("2SFCA"), self.tr("E2SFCA (step weights)"), self.tr("2SFCA, Gaussian decay"),
             self.tr("Gravity")], defaultValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            "DECAY", self.tr("Distance decay (any decay works with 2SFCA and gravity)"),
            [self.tr("As the method"), self.tr("None (uniform)"), self.tr("Steps"),
             self.tr("Gaussian"), self.tr("Power (gravity)")], defaultValue=0))
        self.addParameter(params.metres_parameter(
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
        params.add_od(self)
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
        from industri_rumahan_plugin.adapters import gap_io, region_stats
        from industri_rumahan_plugin.core import access

        source = self.parameterAsSource(parameters, "INPUT", context)
        services_src = self.parameterAsSource(parameters, "SERVICES", context)
        if source is None or services_src is None:
            raise QgsProcessingException(self.tr("Choose the enterprise and service layers."))
        s = {k: self.parameterAsString(parameters, k, context) for k in (
            "SERVICE_TYPE_FIELD", "SERVICE_ID_FIELD", "CAPACITY_FIELD", "DEMAND_FIELD",
            "INPUT_ID_FIELD", "SERVICE_TYPES", "REGION_CODE_FIELD")}
        if not s["SERVICE_TYPE_FIELD"] or not s["CAPACITY_FIELD"]:
            raise QgsProcessingException(self.tr("Choose the service type and capacity fields."))
        kind, decay = self.index_and_decay(parameters, context)
        cost_kind = network_params.cost_source(self, parameters, context, feedback)
        services = self.read_services(services_src, s, context, feedback)
        wanted = [f for f in (s["DEMAND_FIELD"], s["INPUT_ID_FIELD"]
                              if cost_kind == params.COST_OD else "") if f]
        fids, lonlat, frame = gap_io.read_lonlat(source, context, feedback, wanted)
        demand = gap_io.demand_weights(frame, s["DEMAND_FIELD"], len(fids))
        types = gap_io.chosen_types(services, s["SERVICE_TYPES"])
        pairs = self.type_pairs(parameters, context, feedback, cost_kind, s, services, types,
                                fids, lonlat, frame, decay.catchment)
        results = access.per_type(
            pairs, demand, kind, decay,
            self.parameterAsDouble(parameters, "UNDERSERVED_SHARE", context),
            step=lambda t: (check_cancel(feedback),
                            feedback.setProgress(30 + 40 * (t + 1) / max(len(types), 1))))
        extra, columns = [], []
        for r in results:
            suffix = gap_io.type_suffix(r.jenis)
            extra += [(f"akses_{suffix}", FieldType.DOUBLE), (f"kurang_{suffix}", FieldType.BOOL)]
            columns += [r.index, r.flags]
            feedback.pushInfo(self.tr(
                "{jenis}: {pairs} pairs within the catchment; mean index {mean:.6g}; "
                "{under} enterprises underserved (below {threshold:.6g}).").format(
                jenis=r.jenis, pairs=r.pairs, mean=float(r.index.mean()) if len(r.index)
                else 0.0, under=int(r.flags.sum()), threshold=r.threshold))
        fields = gap_io.new_fields(source.fields(), extra)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        gap_io.write_with_columns(source, sink, fids, columns, feedback)
        out = {"OUTPUT": dest}
        regions = self.parameterAsSource(parameters, "REGIONS", context)
        if regions is not None and parameters.get("OUTPUT_REGIONS") is not None:
            labels = gap_io.region_labels(regions, s["REGION_CODE_FIELD"] or "kode", lonlat,
                                          context)
            out["OUTPUT_REGIONS"] = region_stats.write_table_output(
                self, parameters, "OUTPUT_REGIONS", context,
                access.region_summary(labels, results))
        return out

    def index_and_decay(self, parameters, context):
        """The index (2SFCA or gravity) and the decay: the method's own, or the one chosen
        (any decay works with either index)."""
        from industri_rumahan_plugin.core import access

        kind, decay = access.METHODS[METHODS[self.parameterAsEnum(parameters, "METHOD",
                                                                   context)]]
        chosen = self.parameterAsEnum(parameters, "DECAY", context)
        if chosen > 0:
            decay = access.DECAYS[chosen - 1]
        catchment = self.parameterAsDouble(parameters, "CATCHMENT", context)
        if catchment <= 0:
            raise QgsProcessingException(self.tr("The catchment must be greater than 0."))
        text = self.parameterAsString(parameters, "STEP_WEIGHTS", context)
        try:
            steps = tuple(float(v) for v in text.replace(";", ",").split(",") if v.strip())
            access.step_weights([0.0], access.catchment_steps(catchment, steps), steps)
        except ValueError as error:
            raise QgsProcessingException(self.tr(
                "Step weights must be non-negative numbers separated by commas.")) from error
        return kind, access.DecaySpec(
            decay, catchment, steps,
            sigma=self.parameterAsDouble(parameters, "SIGMA", context) or None,
            alpha=self.parameterAsDouble(parameters, "GRAVITY_ALPHA", context),
            min_cost=self.parameterAsDouble(parameters, "GRAVITY_MIN_COST", context))

    def read_services(self, services_src, s: dict, context, feedback):
        """The services with their capacity; an invalid capacity counts as 0, said once."""
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io

        services = gap_io.read_services(services_src, context, feedback, s["SERVICE_TYPE_FIELD"],
                                        "", s["SERVICE_ID_FIELD"], s["CAPACITY_FIELD"])
        bad = ~np.isfinite(services.capacity) | (services.capacity < 0)
        if bad.any():
            feedback.pushWarning(self.tr("{n} services without a valid capacity count as 0.")
                                 .format(n=int(bad.sum())))
            services.capacity[bad] = 0.0
        return services

    def type_pairs(self, parameters, context, feedback, cost_kind, s, services, types, fids,
                   lonlat, frame, catchment):
        """(type, origin-target pairs within the catchment, supply) for each service type,
        from the geodesic distance, the OD table or the road network."""
        import numpy as np

        from industri_rumahan_plugin.adapters import gap_io
        from industri_rumahan_plugin.core.nearest import pairs_within

        all_pairs = None
        if cost_kind == params.COST_OD:
            table = self.parameterAsSource(parameters, "OD_TABLE", context)
            if table is None:
                raise QgsProcessingException(self.tr("Choose the origin-destination table."))
            all_pairs = gap_io.read_od_table(
                table, self.parameterAsString(parameters, "OD_ORIGIN_FIELD", context),
                self.parameterAsString(parameters, "OD_DEST_FIELD", context),
                self.parameterAsString(parameters, "OD_COST_FIELD", context),
                frame[s["INPUT_ID_FIELD"]].to_numpy(object) if s["INPUT_ID_FIELD"] else fids,
                services.ident, feedback)
        elif cost_kind == params.COST_NETWORK:
            all_pairs = network_params.pairs(self, parameters, context, feedback, lonlat,
                                             services, catchment)
        for jenis in types:
            members = services.of_type(jenis)
            if all_pairs is None:
                pairs = pairs_within(lonlat, services.lonlat[members], catchment)
            else:
                pairs = all_pairs[np.isin(all_pairs["target"], members)].copy()
                pairs["target"] = np.searchsorted(members, pairs["target"].to_numpy())
            yield jenis, pairs, services.capacity[members]
