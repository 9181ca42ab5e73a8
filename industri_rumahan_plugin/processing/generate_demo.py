"""``industrirumahan:generatedemo``: seeded demo enterprises and services inside any regions."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.compat import NumberType, SourceType, WkbType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class GenerateDemo(IndustriRumahanAlgorithm):
    ALG_ID = "generatedemo"
    GROUP = "data"
    TITLE = "Generate demo enterprises"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Membuat data contoh (sintetis, dengan benih acak tetap) di dalam poligon wilayah: "
            "jumlah usaha sebanding dengan penduduk, mengelompok di sekitar titik desa bila "
            "diberikan, dengan campuran sektor dan tahap, pemilik perempuan dan KRTP, izin dan "
            "pelatihan yang masuk akal; juga titik layanan. Nama, NIK dan telepon semuanya "
            "rekaan. Untuk pelatihan, uji dan tolok ukur, bukan data nyata."
        ),
        "en": (
            "Generates synthetic, seeded enterprises inside region polygons: counts in "
            "proportion to population, clustered around village points when given, with a "
            "plausible mix of sectors and stages, women owners and KRTP, permits and training; "
            "plus service points. Every name, NIK and phone number is made up. For training, "
            "tests and benchmarks, not real data."
        ),
    }
    REGIONS = "REGIONS"
    CODE_FIELD = "CODE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    VILLAGES = "VILLAGES"
    VILLAGE_CODE_FIELD = "VILLAGE_CODE_FIELD"
    COUNT = "COUNT"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_SERVICES = "OUTPUT_SERVICES"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.regions(self.REGIONS))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Region code field"), "kode", self.REGIONS))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Region name field"), "nama", self.REGIONS, optional=True))
        self.addParameter(params.population_field(self.POPULATION_FIELD, self.REGIONS))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VILLAGES, self.tr("Village points (cluster centres)"),
            [SourceType.POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.VILLAGE_CODE_FIELD, self.tr("Village code field"), "kode", self.VILLAGES,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.COUNT, self.tr("Number of enterprises"), NumberType.INTEGER,
            5000, minValue=0, maxValue=10_000_000))
        self.addParameter(params.seed(self.SEED, 20241231))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Demo enterprises"), SourceType.POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SERVICES, self.tr("Demo services"), SourceType.POINT,
            optional=True, createByDefault=True))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.adapters import demo_data
        from industri_rumahan_plugin.adapters.arrays import read_source
        from industri_rumahan_plugin.core import demo
        from industri_rumahan_plugin.core.demo_regions import demo_regions

        source = self.required_source(parameters, self.REGIONS, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        if name_field and source.fields().indexOf(name_field) < 0:
            name_field = ""  # the optional default is absent: names fall back to codes
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if pop_field and source.fields().indexOf(pop_field) < 0:
            feedback.pushWarning(self.tr(
                "Population field {field} not found: every region gets the same weight."
            ).format(field=pop_field))
            pop_field = ""
        wanted = [f for f in (code_field, name_field, pop_field) if f]
        regions_arr = read_source(source, wanted, context=context, feedback=feedback,
                                  progress_span=(0, 10))
        self.require(len(regions_arr), self.REGIONS, self.tr("The region layer has no features."))
        villages = demo_data.read_villages(
            self.parameterAsSource(parameters, self.VILLAGES, context),
            self.parameterAsString(parameters, self.VILLAGE_CODE_FIELD, context),
            context, feedback)
        regions = demo_regions(regions_arr.geometries, regions_arr.attributes, code_field,
                               name_field, pop_field, villages)
        check_cancel(feedback)
        count = self.parameterAsInt(parameters, self.COUNT, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        feedback.pushInfo(self.tr("Generating {n} enterprises in {r} regions…").format(
            n=count, r=len(regions)))
        enterprises, xy = demo.generate_enterprises(
            regions, demo.DemoOptions(count=count, seed=seed))
        feedback.setProgress(40)
        results = {}
        results[self.OUTPUT] = self._write(parameters, self.OUTPUT, "enterprises", enterprises,
                                           xy, context, feedback, (40, 90))
        if parameters.get(self.OUTPUT_SERVICES) is not None:
            services, sxy = demo.generate_services(regions, seed=seed + 1)
            results[self.OUTPUT_SERVICES] = self._write(
                parameters, self.OUTPUT_SERVICES, "services", services, sxy, context, feedback,
                (90, 100))
        return results

    def _write(self, parameters, key, role, frame, xy, context, feedback, span):
        """Thin glue: the schema's fields, the sink, the rows handed to the writer."""
        from industri_rumahan_plugin.adapters.arrays import WGS84
        from industri_rumahan_plugin.adapters.demo_data import write_points

        fields = qgs_fields(schema.LAYERS[role][2])
        sink, dest_id = self.required_sink(parameters, key, context, fields, WkbType.POINT,
                                           WGS84)
        if not write_points(sink, fields, frame, xy, feedback, span):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, key))
        return dest_id
