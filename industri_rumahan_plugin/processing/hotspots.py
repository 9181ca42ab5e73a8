"""``industrirumahan:hotspots``: Getis-Ord Gi* on region or point values (esda definitions)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from industri_rumahan_plugin.compat import FieldDataType, GeometryType, NumberType, SourceType
from industri_rumahan_plugin.processing import enum_params, params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

# scipy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.

WEIGHTS = ("queen", "distance_band", "knn")


class Hotspots(IndustriRumahanAlgorithm):
    ALG_ID = "hotspots"
    GROUP = "density"
    TITLE = "Hot spots (Getis-Ord Gi*)"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Mencari titik panas dan titik dingin: wilayah (atau titik) yang bersama "
            "tetangganya bernilai jauh di atas atau di bawah rata-rata, misalnya kecamatan "
            "dengan kepadatan usaha tinggi yang berkelompok. Pilih lapisan hasil analisis "
            "kepadatan dan kolom nilainya. Tetangga: wilayah yang berbatasan, semua yang "
            "berada dalam jarak tertentu (meter), atau sejumlah tetangga terdekat. Hasil: "
            "kolom gi_bin (+3/+2/+1 = titik panas dengan keyakinan 99/95/90 %, -3/-2/-1 = "
            "titik dingin, 0 = tidak signifikan), gi_z dan gi_p; peta dimuat dengan warna "
            "merah (panas) dan biru (dingin). Metode: Getis-Ord Gi*, sama dengan PySAL esda."
        ),
        "en": (
            "Finds hot and cold spots: regions (or points) that, together with their "
            "neighbours, are far above or below the average, e.g. clusters of districts with a "
            "high enterprise density. Choose an output of the density analysis and its value "
            "field. Neighbours: regions sharing a border, everything within a distance "
            "(metres), or a fixed number of nearest neighbours. Result: the gi_bin column "
            "(+3/+2/+1 = hot spot at 99/95/90 % confidence, -3/-2/-1 = cold spot, 0 = not "
            "significant), gi_z and gi_p; the map loads in red (hot) and blue (cold). Method: "
            "Getis-Ord Gi*, as PySAL's esda."
        ),
    }
    INPUT = "INPUT"
    VALUE_FIELD = "VALUE_FIELD"
    WEIGHTS = "WEIGHTS"
    DISTANCE = "DISTANCE"
    NEIGHBOURS = "NEIGHBOURS"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Regions or points with a value"),
            [SourceType.POLYGON, SourceType.POINT]))
        self.addParameter(QgsProcessingParameterField(
            self.VALUE_FIELD, self.tr("Value field"), "per_1000_pddk", self.INPUT,
            FieldDataType.NUMERIC))
        self.addParameter(enum_params.labelled_enum(
            self.WEIGHTS, self.tr("Neighbours"), enum_params.weights_choices(), "queen"))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Distance band (metres)"),
            NumberType.DOUBLE, 50000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEIGHBOURS, self.tr("Number of nearest neighbours"),
            NumberType.INTEGER, 8, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERMUTATIONS, self.tr("Permutations (0 = none)"),
            NumberType.INTEGER, 0, minValue=0, maxValue=99999))
        self.addParameter(params.seed(self.SEED, 12345))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Hot spots"), SourceType.VECTOR_ANY))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.adapters import hotspot_io, region_stats
        from industri_rumahan_plugin.adapters.arrays import WGS84, read_source
        from industri_rumahan_plugin.core import hotspots

        source = self.required_source(parameters, self.INPUT, context)
        field = self.parameterAsString(parameters, self.VALUE_FIELD, context)
        self.require(source.fields().indexOf(field) >= 0, self.VALUE_FIELD,
                     self.tr("Field {field} not found.").format(field=field))
        scheme = self.parameterAsEnumString(parameters, self.WEIGHTS, context) or "queen"
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.POLYGON
        self.require(scheme != "queen" or polygons, self.WEIGHTS, self.tr(
            "Queen contiguity needs polygons; choose a distance band or k nearest for points."))
        features = list(source.getFeatures())
        arrays = read_source(source, [field], context=context, target_crs=WGS84,
                             feedback=feedback, progress_span=(0, 30))
        y, ok = hotspots.usable_values(arrays.attributes[field], arrays.geometries)
        self.require(ok.sum() >= 3, self.VALUE_FIELD, self.tr(
            "Gi* needs at least 3 features with a value and a geometry."))
        if (~ok).any():
            feedback.pushWarning(self.tr("{n} features without a value or geometry are left "
                                         "out.").format(n=int((~ok).sum())))
        w = hotspot_io.neighbours(
            scheme, arrays.geometries[ok],
            self.parameterAsInt(parameters, self.NEIGHBOURS, context),
            self.parameterAsDouble(parameters, self.DISTANCE, context))
        isolated = hotspots.isolated(w)
        if isolated:
            feedback.pushWarning(self.tr("{n} features have no neighbour: their Gi* only "
                                         "reflects their own value.").format(n=isolated))
        check_cancel(feedback)
        stats, bins = hotspots.gi_star_table(
            y, ok, w, self.parameterAsInt(parameters, self.PERMUTATIONS, context),
            self.parameterAsInt(parameters, self.SEED, context), feedback.isCanceled)
        check_cancel(feedback)
        feedback.setProgress(50)
        fields, _renamed = region_stats.output_fields(source.fields(), stats)
        sink, dest = self.required_sink(parameters, self.OUTPUT, context, fields,
                                        source.wkbType(), source.sourceCrs())
        region_stats.write_features(sink, fields, features, stats, feedback)
        feedback.pushInfo(self.tr("Hot spots at 95 % or more: {hot}; cold spots: {cold}.")
                          .format(hot=int((bins >= 2).sum()), cold=int((bins <= -2).sum())))
        return {self.OUTPUT: dest}
