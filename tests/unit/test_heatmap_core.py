"""core.heatmap.chosen_points: sector, stage, weights and unlocated points, by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core.heatmap import ALL, chosen_points

XY = np.array([[0.0, 0.0], [1.0, 1.0], [np.nan, 2.0], [3.0, 3.0], [4.0, 4.0]])
ATTRS = pd.DataFrame({
    "sektor": ["batik", "kuliner", "batik", "batik", "kuliner"],
    "tahap": ["pemula", "pemula", "pemula", "maju", "maju"],
    "bobot": [2.0, None, 5.0, 3.0, 1.5],
})


def test_every_located_point_counts_once():
    xy, w = chosen_points(XY, ATTRS)
    assert xy.tolist() == [[0.0, 0.0], [1.0, 1.0], [3.0, 3.0], [4.0, 4.0]]
    assert w is None


def test_sector_and_stage_together():
    xy, _ = chosen_points(XY, ATTRS, sector="batik", stage=ALL)
    assert xy.tolist() == [[0.0, 0.0], [3.0, 3.0]]  # the unlocated batik point is left out
    xy, _ = chosen_points(XY, ATTRS, sector="batik", stage="maju")
    assert xy.tolist() == [[3.0, 3.0]]


def test_weights_follow_the_points_and_missing_counts_zero():
    xy, w = chosen_points(XY, ATTRS, weight="bobot")
    assert len(xy) == len(w) == 4
    assert w.tolist() == [2.0, 0.0, 3.0, 1.5]
    _, w = chosen_points(XY, ATTRS, stage="maju", weight="bobot")
    assert w.tolist() == [3.0, 1.5]


def test_nothing_chosen_gives_empty_arrays():
    xy, w = chosen_points(XY, ATTRS, sector="tenun", weight="bobot")
    assert xy.shape == (0, 2) and w.shape == (0,)


def test_the_algorithm_spells_every_sector_as_the_core_does():
    """processing/heatmap.py repeats ALL so that listing it imports no numpy."""
    from industri_rumahan_plugin.processing import heatmap

    assert heatmap.ALL == ALL
