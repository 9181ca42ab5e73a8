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
            "Seberapa mudah setiap usaha menjangkau layanan dari setiap jenis (pusat pelatihan, "
            "pasar, bank/KUR...), dengan memperhitungkan bukan hanya jarak tetapi juga daya "
            "tampung layanan dan berapa banyak usaha lain yang ikut memakainya. Indeks tinggi "
            "berarti akses baik; bandingkan nilai dalam satu jenis layanan, bukan antarjenis."
            "<br>"
            "Permintaan: setiap usaha dihitung satu, atau diberi bobot dari salah satu kolomnya "
            "(misalnya jumlah pekerja). Penawaran: kapasitas setiap layanan (misalnya jumlah "
            "kursi pelatihan per tahun).<br>"
            "Metode, persis seperti paket PySAL access. 2SFCA (Luo &amp; Wang): kapasitas "
            "setiap layanan dibagi di antara usaha dalam jangkauannya, lalu setiap usaha "
            "menjumlahkan bagian dari layanan yang dapat dijangkaunya. E2SFCA (Luo &amp; Qi): "
            "sama, tetapi layanan yang lebih dekat berbobot lebih besar: jangkauan dibagi "
            "menjadi tahap yang sama panjang, bobot bawaan 1; 0,68; 0,22. 2SFCA Gaussian: bobot "
            "menurun halus menurut jarak, exp(-c²/2σ²), σ bawaan setengah jangkauan. "
            "Gravitasi: jumlah kapasitas semua layanan yang terjangkau, masing-masing dibobot "
            "(jarak / jangkauan)^alfa sehingga layanan yang jauh berpengaruh lebih kecil (jarak "
            "minimum mencegah nilai tak hingga di jarak nol); tanpa persaingan antarusaha.<br>"
            "Peluruhan jarak boleh dipilih terpisah dari metode: setiap peluruhan (tanpa, "
            "bertingkat, Gaussian, pangkat) berlaku untuk 2SFCA maupun gravitasi.<br>"
            "Jarak: bawaan jarak geodesik garis lurus dalam meter; atau biaya dari tabel "
            "asal-tujuan (misalnya waktu tempuh yang sudah Anda miliki); atau melalui jaringan "
            "jalan (lapisan garis jalan): jarak jalan dalam meter atau waktu tempuh dalam menit. "
            "Jangkauan memakai satuan yang sama dengan biaya.<br>"
            "Hasil: lapisan usaha dengan, per jenis layanan, kolom akses_&lt;jenis&gt; (indeks) "
            "dan kurang_&lt;jenis&gt; (benar bila indeks di bawah bagian tertentu dari "
            "rata-rata, bawaan setengah: usaha kurang terlayani). Dengan lapisan wilayah: tabel "
            "per wilayah dan jenis layanan berisi jumlah usaha, indeks rata-rata dan median, "
            "jumlah serta persen usaha kurang terlayani — untuk melihat kecamatan mana yang "
            "perlu didahulukan."
        ),
        "en": (
            "How easily each enterprise reaches a service of each type (training centre, "
            "market, bank/KUR...), counting not only the distance but also how much each "
            "service can offer and how many other enterprises share it. A high index means good "
            "access; compare values within one service type, not across types.<br>"
            "Demand: each enterprise counts once, or by a weight from one of its fields (for "
            "example its number of workers). Supply: each service's capacity (for example "
            "training places per year).<br>"
            "Methods, exactly as PySAL's access package. 2SFCA (Luo &amp; Wang): each service's "
            "capacity is shared among the enterprises within its catchment, and each enterprise "
            "adds up the shares of the services it can reach. E2SFCA (Luo &amp; Qi): the same, "
            "but nearer services weigh more: the catchment is cut into equal steps, weighted "
            "1, 0.68 and 0.22 by default. Gaussian 2SFCA: the weight falls smoothly with "
            "distance, exp(-c²/2σ²), σ by default half the catchment. Gravity: the capacities of "
            "every reachable service added up, each weighted by (distance / catchment)^alpha so "
            "that farther services count less (a minimum distance avoids infinity at zero); "
            "enterprises do not compete.<br>"
            "The distance decay can be chosen apart from the method: every decay (none, steps, "
            "Gaussian, power) works with 2SFCA and with gravity.<br>"
            "Distances: straight-line geodesic distance in metres by default; or costs from an "
            "origin-destination table (for example travel times you already have); or along a "
            "road network (a road line layer): road distance in metres or travel time in "
            "minutes. The catchment is in the same unit as the costs.<br>"
            "Result: the enterprise layer with, per service type, akses_&lt;type&gt; (the index) "
            "and kurang_&lt;type&gt; (true when the index is below a chosen share of the mean, "
            "half by default: underserved enterprises). With a region layer: a table per region "
            "and service type with the number of enterprises, the mean and median index, and "
            "the number and percentage underserved — to see which kecamatan to serve first."
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
        fields = gap_io.new_fields(source.fields(), extra, self)
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
