"""Clark-Evans nearest neighbour index per region, with the region's own area (pure).

R = observed mean nearest-neighbour distance / expected 0.5 / sqrt(n / A), z = (d_obs - d_exp)
/ SE with SE = 0.26136 / sqrt(n² / A), as QGIS's native:nearestneighbouranalysis, but A is
the region's area rather than the points' bounding box (which biases R for irregular regions).
R < 1: clustered, R > 1: dispersed. The bounding-box variant is reported alongside.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

SE_FACTOR = 0.26136


def clark_evans(xy: np.ndarray, area: float) -> dict[str, float]:
    """Clark-Evans statistics for one set of metric points in an area (same units²)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    nan = float("nan")
    if n < 2 or not area or area <= 0:
        return {"n": n, "d_obs": nan, "d_exp": nan, "r": nan, "z": nan}
    dist, _ = cKDTree(xy).query(xy, k=2)
    d_obs = float(dist[:, 1].mean())
    d_exp = 0.5 / np.sqrt(n / area)
    se = SE_FACTOR / np.sqrt(n * n / area)
    return {"n": n, "d_obs": d_obs, "d_exp": float(d_exp), "r": d_obs / d_exp,
            "z": float((d_obs - d_exp) / se)}


def clark_evans_by_region(
    xy: np.ndarray,
    region: np.ndarray,
    areas: np.ndarray,
    cancelled: Callable[[], bool] | None = None,
) -> pd.DataFrame:
    """One row per region: n, observed/expected distance (m), R and z with the region's area,
    and R with the points' bounding box (QGIS's choice) for comparison."""
    region = np.asarray(region)
    order = np.argsort(region, kind="stable")
    bounds = np.searchsorted(region[order], np.arange(len(areas) + 1))
    rows = []
    for r in range(len(areas)):
        if cancelled is not None and cancelled():
            break
        pts = xy[order[bounds[r]:bounds[r + 1]]]
        stats = clark_evans(pts, float(areas[r]))
        box = np.nan
        if len(pts) >= 2:
            span = pts.max(axis=0) - pts.min(axis=0)
            box = clark_evans(pts, float(span[0] * span[1]))["r"]
        rows.append({
            "jml_usaha": stats["n"], "jarak_amatan_m": stats["d_obs"],
            "jarak_harapan_m": stats["d_exp"], "nni": stats["r"], "nni_z": stats["z"],
            "nni_bbox": box,
        })
    return pd.DataFrame(rows, columns=["jml_usaha", "jarak_amatan_m", "jarak_harapan_m",
                                       "nni", "nni_z", "nni_bbox"])
