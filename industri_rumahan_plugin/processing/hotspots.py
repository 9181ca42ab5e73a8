"""``industrirumahan:hotspots``: Getis-Ord Gi* on region or point values (esda definitions)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from industri_rumahan_plugin.compat import FieldDataType, GeometryType, NumberType, SourceType
from industri_rumahan_plugin.processing import enum_params
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
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), NumberType.INTEGER, 12345,
            minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Hot spots"), SourceType.VECTOR_ANY))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        import numpy as np
        import pandas as pd
        import shapely

        from industri_rumahan_plugin.adapters import region_stats
        from industri_rumahan_plugin.adapters.arrays import WGS84, read_source
        from industri_rumahan_plugin.adapters.point_arrays import to_metric
        from industri_rumahan_plugin.core import hotspots

        source = self.required_source(parameters, self.INPUT, context)
        field = self.parameterAsString(parameters, self.VALUE_FIELD, context)
        if source.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("Field {field} not found.").format(field=field))
        scheme = self.parameterAsEnumString(parameters, self.WEIGHTS, context) or "queen"
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.POLYGON
        if scheme == "queen" and not polygons:
            raise QgsProcessingException(self.tr("Queen contiguity needs polygons; choose a "
                                                 "distance band or k nearest for points."))
        features = list(source.getFeatures())
        arrays = read_source(source, [field], context=context, target_crs=WGS84,
                             feedback=feedback, progress_span=(0, 30))
        y = pd.to_numeric(arrays.attributes[field], errors="coerce").to_numpy(float)
        ok = np.isfinite(y) & ~shapely.is_missing(arrays.geometries)
        if ok.sum() < 3:
            raise QgsProcessingException(self.tr("Gi* needs at least 3 features with a value "
                                                 "and a geometry."))
        if (~ok).any():
            feedback.pushWarning(self.tr("{n} features without a value or geometry are left "
                                         "out.").format(n=int((~ok).sum())))
        geoms = arrays.geometries[ok]
        if scheme == "queen":
            w = hotspots.queen_weights(geoms)
        else:
            centres = shapely.get_coordinates(shapely.point_on_surface(geoms))
            xy, _crs = to_metric(centres)
            if scheme == "knn":
                w = hotspots.knn_weights(xy, self.parameterAsInt(parameters, self.NEIGHBOURS,
                                                                 context))
            else:
                w = hotspots.distance_band_weights(
                    xy, self.parameterAsDouble(parameters, self.DISTANCE, context))
        isolated = int((np.diff(w.indptr) == 0).sum())
        if isolated:
            feedback.pushWarning(self.tr("{n} features have no neighbour: their Gi* only "
                                         "reflects their own value.").format(n=isolated))
        check_cancel(feedback)
        result = hotspots.gi_star(y[ok], w)
        feedback.setProgress(50)
        stats = pd.DataFrame({"gi_z": np.full(len(y), np.nan), "gi_p": np.full(len(y), np.nan),
                              "gi_bin": np.zeros(len(y), dtype=np.int64)})
        stats.loc[ok, "gi_z"] = result["z"]
        stats.loc[ok, "gi_p"] = result["p"]
        stats.loc[ok, "gi_bin"] = result["bin"]
        perms = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        if perms:
            seed = self.parameterAsInt(parameters, self.SEED, context)
            p_sim = hotspots.permutation_p(y[ok], w, perms, seed, feedback.isCanceled)
            check_cancel(feedback)
            stats["gi_p_sim"] = np.nan
            stats.loc[ok, "gi_p_sim"] = p_sim
        fields, _renamed = region_stats.output_fields(source.fields(), stats)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        region_stats.write_features(sink, fields, features, stats, feedback)
        feedback.pushInfo(self.tr("Hot spots at 95 % or more: {hot}; cold spots: {cold}.")
                          .format(hot=int((result["bin"] >= 2).sum()),
                                  cold=int((result["bin"] <= -2).sum())))
        return {self.OUTPUT: dest}
