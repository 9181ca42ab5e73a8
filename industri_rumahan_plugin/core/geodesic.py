"""Geodesic distances on the WGS84 ellipsoid, vectorised (numpy only).

The plugin must not depend on pyproj (it is not shipped with every QGIS), so distances use
Vincenty's inverse formula, iterated on whole arrays; tests check it against ``pyproj.Geod``.
Candidate searches run on unit-sphere coordinates: because both radii of curvature of the
ellipsoid lie between ``RADIUS_MIN`` and ``RADIUS_MAX``, a geodesic of length ``s`` between two
points is never shorter than ``RADIUS_MIN`` times their angle on the unit sphere, which gives
exact pruning bounds for KD-tree searches.
"""

from __future__ import annotations

import numpy as np

A = 6378137.0
F = 1 / 298.257223563
B = A * (1 - F)
#: Smallest / largest radius of curvature of WGS84 (meridian at the equator / at the poles).
RADIUS_MIN = B * B / A
RADIUS_MAX = A * A / B


def unit_xyz(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """(n, 3) points on the unit sphere for geodetic lon/lat in degrees."""
    lon_r = np.radians(np.asarray(lon, dtype=float))
    lat_r = np.radians(np.asarray(lat, dtype=float))
    cos_lat = np.cos(lat_r)
    return np.column_stack((cos_lat * np.cos(lon_r), cos_lat * np.sin(lon_r), np.sin(lat_r)))


def chord_for_distance(metres: np.ndarray | float) -> np.ndarray:
    """Unit-sphere chord that contains every point within ``metres`` of geodesic distance."""
    angle = np.minimum(np.asarray(metres, dtype=float) / RADIUS_MIN, np.pi)
    return 2.0 * np.sin(angle / 2.0) * (1 + 1e-12) + 1e-15


def geodesic_distance(
    lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray,
    max_iterations: int = 200,
) -> np.ndarray:
    """Geodesic distance in metres between point pairs (degrees), Vincenty's inverse formula.

    Sub-millimetre accurate; for the rare nearly antipodal pairs where the iteration does not
    converge the last iterate is used (never the case within Indonesia).
    """
    lon1, lat1, lon2, lat2 = (np.asarray(v, dtype=float) for v in (lon1, lat1, lon2, lat2))
    lon1, lat1, lon2, lat2 = np.broadcast_arrays(lon1, lat1, lon2, lat2)
    big_l = np.radians(lon2 - lon1)
    big_l = (big_l + np.pi) % (2 * np.pi) - np.pi
    u1 = np.arctan((1 - F) * np.tan(np.radians(lat1)))
    u2 = np.arctan((1 - F) * np.tan(np.radians(lat2)))
    sin_u1, cos_u1 = np.sin(u1), np.cos(u1)
    sin_u2, cos_u2 = np.sin(u2), np.cos(u2)
    lam = big_l.copy()
    active = np.ones(lam.shape, dtype=bool)
    sin_sigma = cos_sigma = sigma = cos_sq_alpha = cos_2sm = np.zeros_like(lam)
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(max_iterations):
            sin_lam, cos_lam = np.sin(lam), np.cos(lam)
            sin_sigma = np.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
            cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
            sigma = np.arctan2(sin_sigma, cos_sigma)
            sin_alpha = np.where(sin_sigma > 0, cos_u1 * cos_u2 * sin_lam / sin_sigma, 0.0)
            cos_sq_alpha = 1 - sin_alpha**2
            cos_2sm = np.where(
                cos_sq_alpha > 0, cos_sigma - 2 * sin_u1 * sin_u2 / cos_sq_alpha, 0.0
            )
            c = F / 16 * cos_sq_alpha * (4 + F * (4 - 3 * cos_sq_alpha))
            new_lam = big_l + (1 - c) * F * sin_alpha * (
                sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2))
            )
            moved = np.abs(new_lam - lam)
            lam = np.where(active, new_lam, lam)
            active &= moved > 1e-12
            if not active.any():
                break
        u_sq = cos_sq_alpha * (A * A - B * B) / (B * B)
        big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
        big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
        delta_sigma = big_b * sin_sigma * (
            cos_2sm + big_b / 4 * (
                cos_sigma * (-1 + 2 * cos_2sm**2)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)
            )
        )
        distance = B * big_a * (sigma - delta_sigma)
    return np.where(sin_sigma == 0, 0.0, distance)
