"""Exact natural breaks and quantiles, checked against brute force and numpy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from industri_rumahan_plugin.core import classify


def _brute_force(values, k):
    """Every split of the sorted values into k non-empty runs; the smallest sum of squares."""
    x = np.sort(np.asarray(values, dtype=float))
    best, best_uppers = np.inf, None
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        parts = np.split(x, cuts)
        total = sum(((p - p.mean()) ** 2).sum() for p in parts)
        if total < best - 1e-12:
            best, best_uppers = total, [float(p[-1]) for p in parts]
    return best_uppers, best


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_natural_breaks_are_optimal(seed):
    rng = np.random.default_rng(seed)
    values = np.round(rng.gamma(1.5, 2.0, 13), 3)
    expected, best = _brute_force(values, 4)
    uppers = classify.natural_breaks(values, 4)
    assert uppers == pytest.approx(expected)
    assert classify.within_sum_of_squares(values, uppers) == pytest.approx(best)


def test_natural_breaks_on_a_skewed_case_and_edge_cases():
    values = [0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 1.7, 5.1, 7.4, 12.9]
    assert classify.natural_breaks(values, 3) == pytest.approx([1.7, 7.4, 12.9])
    assert classify.natural_breaks([3.0, 3.0, 1.0, float("nan")], 5) == [1.0, 3.0]
    assert classify.natural_breaks([], 5) == []


def test_quantile_breaks_match_numpy():
    values = np.arange(1.0, 101.0)
    assert classify.quantile_breaks(values, 4) == pytest.approx(
        np.quantile(values, [0.25, 0.5, 0.75, 1.0]))
    assert classify.quantile_breaks([2.0, 2.0, 2.0], 4) == [2.0]
