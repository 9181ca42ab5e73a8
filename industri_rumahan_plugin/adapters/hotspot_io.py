"""The neighbours of Gi* in metres: distance bands and nearest neighbours are measured in a
metric CRS chosen for the data (``to_metric`` needs GDAL's transformations, hence here)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from industri_rumahan_plugin.adapters.point_arrays import to_metric
from industri_rumahan_plugin.core import hotspots


def neighbours(scheme: str, geoms: np.ndarray, k: int, distance: float) -> sparse.csr_matrix:
    """Binary weights of ``scheme`` ("queen", "knn" or "distance_band") between the
    geometries (lon/lat on WGS84); ``k`` neighbours or ``distance`` metres."""
    if scheme == "queen":
        return hotspots.queen_weights(geoms)
    xy, _crs = to_metric(hotspots.centres(geoms))
    if scheme == "knn":
        return hotspots.knn_weights(xy, k)
    return hotspots.distance_band_weights(xy, distance)
