"""Heat map input and output in QGIS terms: the points in a metric CRS, the GeoTIFF."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors
from industri_rumahan_plugin.adapters.arrays import WGS84
from industri_rumahan_plugin.adapters.point_arrays import PointArrays, read_points, to_metric
from industri_rumahan_plugin.compat import Misc, Unit
from industri_rumahan_plugin.core.kde import Grid


def metric_crs(source: QgsFeatureSource) -> QgsCoordinateReferenceSystem | None:
    """The layer's own CRS when it is projected in metres (read as is), else None."""
    crs = source.sourceCrs()
    return crs if not crs.isGeographic() and crs.mapUnits() == Unit.METERS else None


def read_enterprises(layer: QgsVectorLayer | None, value, source: QgsFeatureSource,
                     fields: Sequence[str], context: QgsProcessingContext,
                     feedback: QgsProcessingFeedback, expression: str = ""
                     ) -> tuple[PointArrays, QgsCoordinateReferenceSystem | None]:
    """The points in the layer's metric CRS (returned), or on WGS84 (None returned)."""
    crs = metric_crs(source)
    points = read_points(layer, value, source, list(fields), crs or WGS84, context, feedback,
                         expression, (0, 40))
    return points, crs


def in_metres(xy: np.ndarray, crs: QgsCoordinateReferenceSystem | None
              ) -> tuple[np.ndarray, QgsCoordinateReferenceSystem]:
    """``xy`` already metric in ``crs``, or lon/lat projected to a metric CRS fitting them."""
    return (xy, crs) if crs is not None else to_metric(xy)


def write_geotiff(path: str, grid: Grid, crs: QgsCoordinateReferenceSystem,
                  alg: QgsProcessingAlgorithm | None = None, name: str = "OUTPUT") -> None:
    """Float32 GeoTIFF (deflate) in ``crs``, written with GDAL in one block."""
    from osgeo import gdal

    rows, cols = grid.shape
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(str(path), cols, rows, 1, gdal.GDT_Float32,
                       ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"])
    if ds is None:
        raise errors.parameter_error(alg, name, toolbelt.tr(
            "GDAL could not create {path}. Detail: {detail}").format(
            path=path, detail=gdal.GetLastErrorMsg() or "-"))
    ds.SetGeoTransform(grid.geotransform())
    ds.SetProjection(crs.toWkt(Misc.WKT2_2019))
    band = ds.GetRasterBand(1)
    band.WriteArray(np.asarray(grid.values, dtype=np.float32))  # no copy: already float32
    band.SetDescription("usaha_per_km2")
    band.FlushCache()
    ds = None
