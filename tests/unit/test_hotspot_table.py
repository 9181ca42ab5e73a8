"""core.hotspots: the per-feature Gi* table and its helpers, checked by hand."""

from __future__ import annotations

import numpy as np
import shapely
from scipy import sparse, stats

from industri_rumahan_plugin.core import hotspots


def test_usable_values_need_a_number_and_a_geometry():
    geoms = np.array([shapely.Point(0, 0), None, shapely.Point(2, 2), shapely.Point(3, 3)],
                     dtype=object)
    y, ok = hotspots.usable_values([1, 2, "x", None], geoms)
    assert np.isnan(y[2]) and np.isnan(y[3]) and y[:2].tolist() == [1.0, 2.0]
    assert ok.tolist() == [True, False, False, False]


def test_centres_of_points_and_a_square():
    geoms = np.array([shapely.Point(5, 6), shapely.box(0, 0, 2, 2)], dtype=object)
    xy = hotspots.centres(geoms)
    assert xy[0].tolist() == [5.0, 6.0]
    assert shapely.box(0, 0, 2, 2).contains(shapely.Point(xy[1]))


def test_isolated_counts_rows_without_neighbours():
    w = sparse.csr_matrix(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], dtype=float))
    assert hotspots.isolated(w) == 1


def test_gi_star_table_by_hand():
    # a chain 0-1-2-3 of four usable features, feature 4 left out
    y = np.array([1.0, 2.0, 3.0, 10.0, np.nan])
    ok = np.array([True, True, True, True, False])
    links = [(0, 1), (1, 2), (2, 3)]
    dense = np.zeros((4, 4))
    for a, b in links:
        dense[a, b] = dense[b, a] = 1.0
    w = sparse.csr_matrix(dense)
    table, bins = hotspots.gi_star_table(y, ok, w)
    # independent Gi* (Getis & Ord 1995, star form, binary weights with self)
    yy = y[:4]
    n, mean = 4, yy.mean()
    s = np.sqrt((yy**2).mean() - mean**2)
    ws = dense + np.eye(4)
    for i in range(4):
        wi = ws[i].sum()
        z = ((ws[i] @ yy) - mean * wi) / (s * np.sqrt((n * wi - wi**2) / (n - 1)))
        assert np.isclose(table["gi_z"].iloc[i], z)
        assert np.isclose(table["gi_p"].iloc[i], 2 * stats.norm.sf(abs(z)))
    assert np.isnan(table["gi_z"].iloc[4]) and table["gi_bin"].iloc[4] == 0
    assert table["gi_bin"].iloc[:4].tolist() == bins.tolist()
    assert "gi_p_sim" not in table


def test_gi_star_table_permutations_are_seeded():
    rng = np.random.default_rng(1)
    y = rng.random(12)
    ok = np.ones(12, bool)
    ok[5] = False
    xy = rng.random((11, 2))
    w = hotspots.knn_weights(xy, 3)
    a, _ = hotspots.gi_star_table(y, ok, w, permutations=99, seed=7)
    b, _ = hotspots.gi_star_table(y, ok, w, permutations=99, seed=7)
    assert np.isnan(a["gi_p_sim"].iloc[5])
    assert a["gi_p_sim"].equals(b["gi_p_sim"])
    expected = hotspots.permutation_p(y[ok], w, 99, 7)
    assert np.allclose(a["gi_p_sim"].to_numpy()[ok], expected)
