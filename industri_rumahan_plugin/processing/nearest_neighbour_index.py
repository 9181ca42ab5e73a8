"""``industrirumahan:nearestneighbourindex``: Clark-Evans R per region, with the region's area."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
)

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

# scipy, pandas, shapely and the adapters built on them are imported in processAlgorithm:
# every qgis_process start loads the provider, and most runs never call this algorithm.


class NearestNeighbourIndex(IndustriRumahanAlgorithm):
    ALG_ID = "nearestneighbourindex"
    GROUP = "density"
    TITLE = "Nearest neighbour index by region (Clark-Evans)"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Indeks tetangga terdekat Clark-Evans per wilayah: nni < 1 mengelompok, > 1 menyebar. "
            "Luas yang dipakai adalah luas wilayah pada elipsoid, bukan kotak pembatas titik "
            "seperti native:nearestneighbouranalysis QGIS (nni_bbox diberikan untuk "
            "perbandingan). Titik dibagi ke wilayah dengan aturan batas yang sama dengan "
            "densitybyregion. Jarak dalam meter."
        ),
        "en": (
            "Clark-Evans nearest neighbour index per region: nni < 1 clustered, > 1 dispersed. "
            "The area is the region's ellipsoidal area, not the points' bounding box used by "
            "QGIS's native:nearestneighbouranalysis (nni_bbox is given for comparison). Points "
            "go to regions by the same boundary rule as densitybyregion. Distances in metres."
        ),
    }
    INPUT = "INPUT"
    REGIONS = "REGIONS"
    FILTER = "FILTER"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        self.addParameter(params.regions(self.REGIONS))
        self.addParameter(params.filter_expression(self.FILTER, self.INPUT))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Regions with nearest neighbour index"),
            SourceType.POLYGON))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        import numpy as np

        from industri_rumahan_plugin.adapters import region_stats
        from industri_rumahan_plugin.adapters.arrays import WGS84
        from industri_rumahan_plugin.adapters.point_arrays import (
            read_points,
            to_metric,
            transform_xy,
        )
        from industri_rumahan_plugin.core import density, nni

        source = self.required_source(parameters, self.INPUT, context)
        region_source = self.required_source(parameters, self.REGIONS, context)
        regions = region_stats.read_regions(region_source, True, feedback)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        expression = self.parameterAsExpression(parameters, self.FILTER, context)
        points = read_points(layer, parameters.get(self.INPUT), source, [], regions.crs,
                             context, feedback, expression, (0, 40))
        check_cancel(feedback)
        assignment = density.assign_points(points.xy[:, 0], points.xy[:, 1], regions.geometries)
        areas_m2 = region_stats.ellipsoid_areas_km2(regions, context) * 1e6
        lonlat = (points.xy if regions.crs == WGS84
                  else transform_xy(points.xy, regions.crs, WGS84))
        inside = assignment.region >= 0
        self.require(inside.any(), self.INPUT, self.tr("No enterprise lies in any region."))
        xy = np.full_like(lonlat, np.nan)
        xy[inside], crs = to_metric(lonlat[inside])
        feedback.pushInfo(self.tr("Distances measured in {crs}.").format(
            crs=crs.authid() or crs.toProj()))
        stats = nni.clark_evans_by_region(xy[inside], assignment.region[inside], areas_m2,
                                          feedback.isCanceled)
        check_cancel(feedback)
        fields, _renamed = region_stats.output_fields(regions.fields, stats)
        sink, dest = self.required_sink(parameters, self.OUTPUT, context, fields,
                                        region_source.wkbType(), regions.crs)
        region_stats.write_features(sink, fields, regions.features, stats, feedback)
        return {self.OUTPUT: dest}
