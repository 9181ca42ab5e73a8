"""Getis-Ord Gi* hot spots with the definitions of PySAL's esda (pure numpy/scipy).

Binary weights with the region itself included (``esda.G_Local(y, w, transform="B",
star=True)``), so z equals esda's ``Zs``. Our ``p`` is two-sided (2 x esda's one-sided
``p_norm``) and the confidence bins follow the usual ±90/95/99 % two-sided levels. The
permutation test is esda's conditional randomisation with folded counts, seeded.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import shapely
from scipy import sparse, stats
from scipy.spatial import cKDTree

#: (two-sided p threshold, bin value): 3 = hot spot at 99 %, -3 = cold spot at 99 %, 0 = none.
LEVELS = ((0.01, 3), (0.05, 2), (0.10, 1))


def _binary(rows: np.ndarray, cols: np.ndarray, n: int) -> sparse.csr_matrix:
    data = np.ones(len(rows))
    w = sparse.csr_matrix((data, (rows, cols)), shape=(n, n))
    w.data[:] = 1.0  # duplicates summed -> back to binary
    return w


def queen_weights(geoms: np.ndarray, tolerance: float = 0.0) -> sparse.csr_matrix:
    """Polygons sharing at least a point (or overlapping) are neighbours (no self-links).

    ``tolerance`` (CRS units) also links polygons separated by slivers of the simplified
    boundaries.
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    present = ~shapely.is_missing(geoms)
    idx = np.flatnonzero(present)
    tree = shapely.STRtree(geoms[idx])
    if tolerance > 0:
        a, b = tree.query(geoms[idx], predicate="dwithin", distance=tolerance)
    else:
        a, b = tree.query(geoms[idx], predicate="intersects")
    keep = a != b
    return _binary(idx[a[keep]], idx[b[keep]], n)


def distance_band_weights(xy: np.ndarray, threshold: float) -> sparse.csr_matrix:
    """Points within ``threshold`` of each other are neighbours (binary, no self-links)."""
    pairs = cKDTree(xy).query_pairs(threshold, output_type="ndarray")
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    return _binary(rows, cols, len(xy))


def knn_weights(xy: np.ndarray, k: int) -> sparse.csr_matrix:
    """Each point's ``k`` nearest other points are its neighbours (not symmetric)."""
    n = len(xy)
    k = min(k, n - 1)
    _, nbr = cKDTree(xy).query(xy, k=k + 1)
    nbr = nbr.reshape(n, -1)
    keep = nbr != np.arange(n)[:, None]
    keep[keep.all(axis=1), -1] = False  # duplicates pushed self out: drop the farthest
    rows = np.repeat(np.arange(n), k + 1).reshape(n, -1)[keep]
    w = _binary(rows, nbr[keep], n)
    return w


def with_self(w: sparse.csr_matrix) -> sparse.csr_matrix:
    """The star weights: every observation is its own neighbour (diagonal 1)."""
    w = sparse.csr_matrix(w, copy=True)
    w.setdiag(1.0)
    return w


def gi_star(y: np.ndarray, w: sparse.csr_matrix) -> dict[str, np.ndarray]:
    """Gi*, its expectation, variance, z, two-sided p and confidence bin (esda G_Local star)."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    ws = with_self(w)
    statistic = (ws @ y) / y.sum()
    mean = y.sum() / n
    variance = (y**2).sum() / n - mean**2
    card = np.asarray(ws.sum(axis=1)).ravel()
    expected = card / n
    var_g = card * (n - card) / (n - 1) / n**2 * variance / mean**2
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (statistic - expected) / np.sqrt(var_g)
    p = 2.0 * stats.norm.sf(np.abs(z))
    return {"g": statistic, "e_g": expected, "v_g": var_g, "z": z, "p": p,
            "bin": confidence_bin(z, p)}


def confidence_bin(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """±3/2/1 for significance at 99/95/90 % (sign of z), 0 otherwise."""
    out = np.zeros(len(z), dtype=np.int64)
    for level, value in reversed(LEVELS):
        out[np.nan_to_num(p, nan=1.0) <= level] = value
    return out * np.sign(np.nan_to_num(z)).astype(np.int64)


def permutation_p(
    y: np.ndarray,
    w: sparse.csr_matrix,
    permutations: int = 999,
    seed: int = 12345,
    cancelled: Callable[[], bool] | None = None,
) -> np.ndarray:
    """Pseudo p-values by conditional randomisation (esda's ``p_sim``, folded, seeded).

    For each observation its own value stays; its neighbours' values are drawn at random from
    the others. p = (min(larger, P - larger) + 1) / (P + 1).
    """
    y = np.asarray(y, dtype=float)
    n = len(y)
    ws = with_self(w).tocsr()
    observed = (ws @ y) / y.sum()
    card = np.diff(w.tocsr().indptr)  # neighbours without self
    kmax = int(card.max()) if n else 0
    rng = np.random.default_rng(seed)
    # one random draw of kmax distinct "others" per permutation, as esda does
    rids = np.argsort(rng.random((permutations, max(n - 1, 1))), axis=1)[:, :kmax]
    larger = np.zeros(n)
    for i in range(n):
        if cancelled is not None and i % 256 == 0 and cancelled():
            break
        k = card[i]
        if k == 0:
            larger[i] = permutations
            continue
        pick = rids[:, :k]
        pick = pick + (pick >= i)  # skip i itself
        sims = (y[pick].sum(axis=1) + y[i]) / y.sum()
        larger[i] = (sims >= observed[i]).sum()
    fold = (permutations - larger) < larger
    larger[fold] = permutations - larger[fold]
    return (larger + 1.0) / (permutations + 1.0)


def usable_values(values, geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The values as floats (NaN where not a number) and which features have both a value
    and a geometry: only those take part in Gi*."""
    y = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(float)
    ok = np.isfinite(y) & ~shapely.is_missing(np.asarray(geometries, dtype=object))
    return y, ok


def centres(geoms: np.ndarray) -> np.ndarray:
    """(n, 2) points on the surface of each geometry (a point's own coordinates): where
    distance bands and nearest neighbours are measured from."""
    return shapely.get_coordinates(shapely.point_on_surface(np.asarray(geoms, dtype=object)))


def isolated(w: sparse.csr_matrix) -> int:
    """How many observations have no neighbour at all (their Gi* is their own value)."""
    return int((np.diff(sparse.csr_matrix(w).indptr) == 0).sum())


def gi_star_table(
    y: np.ndarray,
    ok: np.ndarray,
    w: sparse.csr_matrix,
    permutations: int = 0,
    seed: int = 12345,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per feature (``w`` links the ``ok`` ones): gi_z, gi_p, gi_bin (0 and NaN
    where left out), gi_p_sim when ``permutations``; and the bins of the ``ok`` features."""
    n = len(y)
    y_ok = np.asarray(y, dtype=float)[ok]
    result = gi_star(y_ok, w)
    stats = pd.DataFrame({"gi_z": np.full(n, np.nan), "gi_p": np.full(n, np.nan),
                          "gi_bin": np.zeros(n, dtype=np.int64)})
    stats.loc[ok, "gi_z"] = result["z"]
    stats.loc[ok, "gi_p"] = result["p"]
    stats.loc[ok, "gi_bin"] = result["bin"]
    if permutations:
        p_sim = permutation_p(y_ok, w, permutations, seed, cancelled)
        stats["gi_p_sim"] = np.nan
        stats.loc[ok, "gi_p_sim"] = p_sim
    return stats, result["bin"]
