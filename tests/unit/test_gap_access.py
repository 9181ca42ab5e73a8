"""2SFCA, E2SFCA and gravity: hand-computed cases and agreement with PySAL ``access``."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest
from access import Access, weights

from industri_rumahan_plugin.core.access import (
    decay_weights,
    gaussian,
    gravity,
    gravity_access,
    step_weights,
    two_stage_fca,
    underserved,
)

logging.getLogger("access").setLevel(logging.ERROR)


def test_step_weights_match_pysal_doc_example():
    fn = weights.step_fn({20: 1, 40: 0.68, 60: 0.22})
    cost = np.arange(0, 71, 10)
    ours = step_weights(cost, [20, 40, 60], [1, 0.68, 0.22])
    assert list(ours) == [fn(c) for c in cost] == [1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0]
    assert gaussian(np.array([20.0]), 20)[0] == pytest.approx(weights.gaussian(20)(20))
    assert gravity(np.array([0.0, 2.0]), 20, -2, 1) == pytest.approx([400.0, 100.0])


def test_two_stage_hand_computed_with_zero_capacity():
    # origins 0,1,2 (demand 1,1,2); services A (cap 10), B (cap 0); B reached by 1 and 2
    pairs = pd.DataFrame({"origin": [0, 1, 1, 2], "target": [0, 0, 1, 1],
                          "cost": [0.0, 5.0, 1.0, 2.0]})
    access, ratio = two_stage_fca(pairs, np.array([1.0, 1.0, 2.0]), np.array([10.0, 0.0]))
    assert list(ratio) == [5.0, 0.0]  # 10 / (1 + 1); 0 / 3
    assert list(access) == [5.0, 5.0, 0.0]
    # a service nobody reaches has ratio 0, not a division by zero
    access, ratio = two_stage_fca(pairs.iloc[:1], np.ones(3), np.array([4.0, 7.0]))
    assert list(ratio) == [4.0, 0.0] and list(access) == [4.0, 0.0, 0.0]


def _pysal(pairs, demand, supply, method, catchment, weight_fn):
    demand_df = pd.DataFrame({"geoid": np.arange(len(demand)), "pop": demand})
    supply_df = pd.DataFrame({"geoid": np.arange(len(supply)), "cap": supply})
    cost_df = pairs.rename(columns={"target": "dest"})
    acc = Access(demand_df=demand_df, demand_index="geoid", demand_value="pop",
                 supply_df=supply_df, supply_index="geoid", supply_value="cap",
                 cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
    if method == "gravity":
        out = acc.weighted_catchment(name="a", weight_fn=weight_fn, max_cost=catchment)
    elif method == "e2sfca":
        out = acc.enhanced_two_stage_fca(name="a", weight_fn=weight_fn, max_cost=catchment)
    else:
        out = acc.two_stage_fca(name="a", weight_fn=weight_fn, max_cost=catchment)
    return out["a_cap"].reindex(np.arange(len(demand))).fillna(0.0).to_numpy()


def test_pysal_hospital_example_gravity_2sfca():
    """PySAL's published hospital example (tests/test_hospital_example.py), gridlock scenario."""
    demand = np.array([100.0, 50.0, 10.0])
    supply = np.array([15.0, 20.0, 100.0])
    pairs = pd.DataFrame({
        "origin": [0, 1, 2, 0, 1, 2, 2],
        "target": [0, 1, 2, 2, 2, 0, 1],
        "cost": [1.0, 1.0, 1.0, 40.0, 40.0, 40.0, 40.0],
    })
    w = gravity(pairs["cost"].to_numpy(), 1.0, -1.0)
    ours, _ = two_stage_fca(pairs, demand, supply, w, max_cost=61)
    expected = _pysal(pairs, demand, supply, "2sfca", 61, weights.gravity(1, -1))
    np.testing.assert_allclose(ours, expected, rtol=1e-12)
    # the example's own hand computation
    d = {j: sum(demand[i] / c for i, jj, c in pairs.itertuples(index=False) if jj == j)
         for j in range(3)}
    hand = [sum(supply[j] / d[j] / c for i, j, c in pairs.itertuples(index=False) if i == o)
            for o in range(3)]
    np.testing.assert_allclose(ours, hand, rtol=1e-12)


@pytest.mark.parametrize("method", ["2sfca", "e2sfca", "gaussian", "gravity"])
def test_agrees_with_pysal_on_random_case(method):
    rng = np.random.default_rng(5)
    n, m, catchment = 60, 12, 30.0
    origin = np.repeat(np.arange(n), m)
    target = np.tile(np.arange(m), n)
    cost = rng.uniform(0, 45, n * m).round(1)
    cost[:5] = 0.0  # co-located pairs
    pairs = pd.DataFrame({"origin": origin, "target": target, "cost": cost})
    pairs = pairs[cost <= catchment].reset_index(drop=True)
    demand = rng.integers(1, 5, n).astype(float)
    supply = rng.integers(0, 50, m).astype(float)
    supply[3] = 0.0
    w = decay_weights(pairs["cost"].to_numpy(), method, catchment, min_cost=1.0)
    fn = {
        "2sfca": None,
        "e2sfca": weights.step_fn({10: 1, 20: 0.68, 30: 0.22}),
        "gaussian": weights.gaussian(catchment / 2.0),
        "gravity": weights.gravity(catchment, -1.0, 1.0),
    }[method]
    if method == "gravity":
        ours = gravity_access(pairs, n, supply, w, max_cost=catchment)
        expected = _pysal(pairs, demand, supply, "gravity", catchment, fn)
    else:
        ours, _ = two_stage_fca(pairs, demand, supply, w, max_cost=catchment)
        expected = _pysal(pairs, demand, supply, method, catchment, fn)
    np.testing.assert_allclose(ours, expected, rtol=1e-10, atol=1e-15)
    assert ours.max() > 0


def test_underserved_flag():
    flags, threshold = underserved(np.array([0.0, 1.0, 2.0, 5.0]), 0.5)
    assert threshold == 1.0 and list(flags) == [True, False, False, False]
