"""Geodesic distances and nearest-service search: hand-computed cases and pyproj.Geod."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from scipy.sparse import find
from scipy.spatial import cKDTree

from industri_rumahan_plugin.core.geodesic import geodesic_distance
from industri_rumahan_plugin.core.nearest import (
    NONE,
    OdTableError,
    nearest_from_pairs,
    nearest_geodesic,
    od_pairs,
    pairs_within,
)

GEOD = Geod(ellps="WGS84")


def test_geodesic_known_arcs():
    # a quarter of a degree of the equator is a * pi / 720; 0->1 deg of meridian is 110574.389 m
    d = geodesic_distance([0.0, 0.0], [0.0, 0.0], [0.25, 0.0], [0.0, 1.0])
    assert d[0] == pytest.approx(6378137.0 * np.pi / 720, abs=1e-5)
    assert d[1] == pytest.approx(110574.3886, abs=1e-3)
    assert geodesic_distance(106.1, -2.1, 106.1, -2.1) == 0.0


def test_geodesic_matches_pyproj_across_indonesia():
    rng = np.random.default_rng(3)
    n = 5000
    lon1, lon2 = rng.uniform(95, 141, (2, n))
    lat1, lat2 = rng.uniform(-11, 6, (2, n))
    ours = geodesic_distance(lon1, lat1, lon2, lat2)
    _, _, ref = GEOD.inv(lon1, lat1, lon2, lat2)
    assert np.max(np.abs(ours - ref)) < 1e-4  # metres, over up to 5,600 km
    near = geodesic_distance(lon1, lat1, lon1 + 1e-5, lat1 - 1e-5)
    _, _, ref = GEOD.inv(lon1, lat1, lon1 + 1e-5, lat1 - 1e-5)
    assert np.max(np.abs(near - ref)) < 1e-6


def test_nearest_tie_goes_to_first_service():
    origin = np.array([[106.0, 0.0]])
    # equidistant east and west on the equator; the west one is listed second
    services = np.array([[106.01, 0.0], [105.99, 0.0], [106.5, 0.0]])
    result = nearest_geodesic(origin, services)
    assert result.index[0] == 0
    assert result.distance[0] == pytest.approx(6378137.0 * np.pi / 18000, abs=1e-6)
    result = nearest_geodesic(origin, services[[1, 0, 2]])
    assert result.index[0] == 0


def test_nearest_keeps_colocated_and_handles_missing():
    origins = np.array([[106.1, -2.1], [np.nan, np.nan], [106.15, -2.16]])
    services = np.array([[106.3, -2.3], [106.1, -2.1]])
    result = nearest_geodesic(origins, services)
    assert list(result.index) == [1, NONE, 1]
    assert result.distance[0] == 0.0
    assert np.isnan(result.distance[1])
    _, _, ref = GEOD.inv(106.15, -2.16, 106.1, -2.1)
    assert result.distance[2] == pytest.approx(ref, abs=1e-4)
    none = nearest_geodesic(origins, np.empty((0, 2)))
    assert (none.index == NONE).all() and np.isnan(none.distance).all()


def test_nearest_max_distance_and_brute_force():
    rng = np.random.default_rng(11)
    origins = np.column_stack([rng.uniform(105, 108, 2000), rng.uniform(-3.5, -1.5, 2000)])
    services = np.column_stack([rng.uniform(105, 108, 150), rng.uniform(-3.5, -1.5, 150)])
    _, _, full = GEOD.inv(
        np.repeat(origins[:, 0], 150), np.repeat(origins[:, 1], 150),
        np.tile(services[:, 0], 2000), np.tile(services[:, 1], 2000),
    )
    full = full.reshape(2000, 150)
    result = nearest_geodesic(origins, services, k=2)
    np.testing.assert_array_equal(result.index, full.argmin(axis=1))
    np.testing.assert_allclose(result.distance, full.min(axis=1), atol=1e-4)
    capped = nearest_geodesic(origins, services, max_distance=6000.0)
    expected = np.where(full.min(axis=1) <= 6000.0, full.argmin(axis=1), NONE)
    np.testing.assert_array_equal(capped.index, expected)
    assert 0 < (expected != NONE).sum() < 2000


def test_pairs_within_keeps_zero_distances_unlike_scipy_sparse():
    origins = np.array([[106.0, -2.0], [106.0, -2.0], [106.05, -2.0]])
    targets = np.array([[106.0, -2.0], [107.0, -2.0]])
    pairs = pairs_within(origins, targets, 10_000.0)
    assert list(zip(pairs["origin"], pairs["target"])) == [(0, 0), (1, 0), (2, 0)]
    assert list(pairs["cost"][:2]) == [0.0, 0.0]
    _, _, ref = GEOD.inv(106.05, -2.0, 106.0, -2.0)
    assert pairs["cost"][2] == pytest.approx(ref, abs=1e-4)
    # the pitfall this avoids: scipy's sparse matrix silently drops the co-located pairs
    sparse = cKDTree(origins).sparse_distance_matrix(
        cKDTree(targets), 0.1, output_type="coo_matrix"
    )
    assert len(find(sparse)[0]) == 1


def test_od_pairs_reports_missing_and_unknown_ids():
    table = pd.DataFrame({
        "origin": ["a", "a", "b", "zz", "c", "a"],
        "dest": ["s1", "s2", "s1", "s1", "s9", "s1"],
        "cost": [5.0, 3.0, None, 1.0, 2.0, 4.0],
    })
    pairs, report = od_pairs(table, np.array(["a", "b", "c"]), np.array(["s1", "s2"]))
    assert report["unknown_origin"] == 1 and report["unknown_dest"] == 1
    assert report["bad_cost"] == 1 and report["pairs"] == 2
    assert report["origins_without_pair"] == 2  # b (no cost) and c (unknown service)
    assert pairs.to_dict("list") == {"origin": [0, 0], "target": [0, 1], "cost": [4.0, 3.0]}
    nearest = nearest_from_pairs(pairs, 3)
    assert list(nearest.index) == [1, NONE, NONE] and nearest.distance[0] == 3.0
    with pytest.raises(OdTableError):
        od_pairs(table, np.array(["x"]), np.array(["s1"]))
