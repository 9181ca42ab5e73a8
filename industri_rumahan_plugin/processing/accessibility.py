"""industrirumahan:accessibility — 2SFCA, E2SFCA, Gaussian 2SFCA and gravity accessibility,
defined as in PySAL ``access`` (see core.access)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import FieldDataType, NumberType, SourceType
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
        self.addParameter(params.regions(optional=True))
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

        source = self.required_source(parameters, "INPUT", context)
        services_src = self.required_source(parameters, "SERVICES", context)
        s = {k: self.parameterAsString(parameters, k, context) for k in (
            "SERVICE_TYPE_FIELD", "SERVICE_ID_FIELD", "CAPACITY_FIELD", "DEMAND_FIELD",
            "INPUT_ID_FIELD", "SERVICE_TYPES", "REGION_CODE_FIELD")}
        self.require(s["SERVICE_TYPE_FIELD"], "SERVICE_TYPE_FIELD", self.tr("Choose a field."))
        self.require(s["CAPACITY_FIELD"], "CAPACITY_FIELD", self.tr("Choose a field."))
        kind, decay = self.index_and_decay(parameters, context)
        cost_kind = network_params.cost_source(self, parameters, context, feedback)
        services = gap_io.read_supply(services_src, context, feedback, s["SERVICE_TYPE_FIELD"],
                                      s["SERVICE_ID_FIELD"], s["CAPACITY_FIELD"])
        wanted = [f for f in (s["DEMAND_FIELD"], s["INPUT_ID_FIELD"]
                              if cost_kind == params.COST_OD else "") if f]
        enterprises = gap_io.read_lonlat(source, context, feedback, wanted)
        fids, lonlat, frame = enterprises
        types = gap_io.chosen_types(services, s["SERVICE_TYPES"])
        all_pairs = network_params.cost_pairs(self, parameters, context, feedback, cost_kind,
                                              enterprises, services, decay.catchment)
        results = access.per_type(
            access.pairs_by_type(lonlat, services.lonlat, services.jenis, services.capacity,
                                 types, decay.catchment, all_pairs),
            gap_io.demand_weights(frame, s["DEMAND_FIELD"], len(fids)), kind, decay,
            self.parameterAsDouble(parameters, "UNDERSERVED_SHARE", context),
            step=lambda t: (check_cancel(feedback),
                            feedback.setProgress(30 + 40 * (t + 1) / max(len(types), 1))))
        extra, columns = gap_io.access_columns(results, feedback)
        fields = gap_io.new_fields(source.fields(), extra)
        sink, dest = self.required_sink(parameters, "OUTPUT", context, fields,
                                        source.wkbType(), source.sourceCrs())
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
        self.require(catchment > 0, "CATCHMENT", self.tr("Give a catchment greater than 0."))
        try:
            steps = access.parse_steps(
                self.parameterAsString(parameters, "STEP_WEIGHTS", context), catchment)
        except ValueError as error:
            raise self.input_error("STEP_WEIGHTS", self.tr(
                "Step weights must be non-negative numbers separated by commas.")) from error
        return kind, access.DecaySpec(
            decay, catchment, steps,
            sigma=self.parameterAsDouble(parameters, "SIGMA", context) or None,
            alpha=self.parameterAsDouble(parameters, "GRAVITY_ALPHA", context),
            min_cost=self.parameterAsDouble(parameters, "GRAVITY_MIN_COST", context))
