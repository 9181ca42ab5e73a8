"""``industrirumahan:generatedemo``: seeded demo enterprises and services inside any regions."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.geopackage import to_variant
from industri_rumahan_plugin.compat import FieldDataType, NumberType, SourceType, WkbType
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
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field (weights the counts)"),
            "penduduk_total", self.REGIONS, FieldDataType.NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VILLAGES, self.tr("Village points (cluster centres)"),
            [SourceType.POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.VILLAGE_CODE_FIELD, self.tr("Village code field"), "kode", self.VILLAGES,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.COUNT, self.tr("Number of enterprises"), NumberType.INTEGER,
            5000, minValue=0, maxValue=10_000_000))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), NumberType.INTEGER, 20241231,
            minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Demo enterprises"), SourceType.POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SERVICES, self.tr("Demo services"), SourceType.POINT,
            optional=True, createByDefault=True))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        import numpy as np
        import shapely

        from industri_rumahan_plugin.adapters.arrays import read_source
        from industri_rumahan_plugin.core import demo

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
        if len(regions_arr) == 0:
            raise QgsProcessingException(self.tr("The region layer has no features."))
        villages = self._villages(parameters, context, feedback)
        regions = []
        frame = regions_arr.attributes
        for i, geom in enumerate(regions_arr.geometries):
            if geom is None:
                continue
            if not shapely.is_valid(geom):
                geom = shapely.make_valid(geom)
            code = str(frame[code_field].iloc[i])
            centres = codes = None
            if villages is not None:
                vxy, vcodes = villages
                mask = shapely.contains_xy(geom, vxy[:, 0], vxy[:, 1])
                if mask.any():
                    centres, codes = vxy[mask], [vcodes[j] for j in np.flatnonzero(mask)]
            pop = frame[pop_field].iloc[i] if pop_field else 1.0
            regions.append(demo.Region(
                code=code, name=str(frame[name_field].iloc[i]) if name_field else code,
                geometry=geom, weight=float(pop) if pop is not None else 0.0,
                centres=centres, centre_codes=codes))
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

    def _villages(self, parameters, context, feedback):
        import numpy as np

        from industri_rumahan_plugin.adapters.arrays import WGS84, read_source

        source = self.parameterAsSource(parameters, self.VILLAGES, context)
        if source is None:
            return None
        code_field = self.parameterAsString(parameters, self.VILLAGE_CODE_FIELD, context)
        arr = read_source(source, [code_field] if code_field else [], context=context,
                          target_crs=WGS84, feedback=feedback, progress_span=(10, 20))
        xy = arr.point_xy()
        ok = ~np.isnan(xy[:, 0])
        codes = (arr.attributes[code_field].astype(str).tolist() if code_field
                 else [None] * len(arr))
        return xy[ok], [c for c, keep in zip(codes, ok) if keep]

    def _write(self, parameters, key, role, frame, xy, context, feedback, span):
        from industri_rumahan_plugin.adapters.arrays import WGS84
        from industri_rumahan_plugin.adapters.demo_data import frame_rows, point_geometries

        _table, _geometry, specs = schema.LAYERS[role]
        fields = qgs_fields(specs)
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields,
                                             WkbType.POINT, WGS84)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        total = max(len(frame), 1)
        for i, (row, geom) in enumerate(zip(frame_rows(frame), point_geometries(xy))):
            if i % 5000 == 0:
                check_cancel(feedback)
                feedback.setProgress(span[0] + (span[1] - span[0]) * i / total)
            feature = QgsFeature(fields)
            feature.setAttributes([to_variant(v) for v in row])
            feature.setGeometry(geom)
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, key))
        return dest_id
