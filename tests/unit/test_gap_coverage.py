"""Service gap per region, programme gap and greedy coverage: hand-computed cases."""

from __future__ import annotations

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core.coverage import (
    OUTSIDE,
    gap_table,
    greedy_coverage,
    programme_gap,
)


def test_gap_table_by_hand():
    region = np.array([0, 0, 0, 1, 1, OUTSIDE])
    distance = np.array([1000.0, 12000.0, np.nan, 10000.0, 3000.0, 50000.0])
    women = np.array([True, True, True, False, True, True])
    krtp = np.array([False, True, False, False, False, False])
    table = gap_table(region, distance, 10000.0, 2, women, krtp)
    assert list(table["region"]) == [0, 1, OUTSIDE]
    r0, r1, out = (table.iloc[i] for i in range(3))
    # region 0: one within, one beyond, one without any service (uncovered)
    assert (r0.n_usaha, r0.n_dalam, r0.n_luar) == (3, 1, 2)
    assert r0.persen_luar == 100 * 2 / 3
    assert (r0.luar_perempuan, r0.luar_krtp) == (2, 1)
    assert r0.jarak_rata_m == 6500.0
    assert r0.jarak_p90_m == 1000.0 + 0.9 * 11000.0
    # exactly at the threshold counts as covered
    assert (r1.n_dalam, r1.n_luar, r1.persen_luar) == (2, 0, 0.0)
    assert (r0.peringkat, r1.peringkat) == (1, 2)
    assert out.n_usaha == 1 and np.isnan(out.peringkat)


def test_gap_table_ranking_ties_and_empty_region():
    region = np.array([0, 1, 2, 2])
    distance = np.array([20000.0, 20000.0, 20000.0, 20000.0])
    table = gap_table(region, distance, 10000.0, 4)
    assert len(table) == 4  # no outside row when every enterprise is inside
    # all 100 % uncovered: more uncovered first (region 2), then layer order; empty last
    assert list(table["peringkat"]) == [2, 3, 1, 4]
    assert table.iloc[3].n_usaha == 0 and np.isnan(table.iloc[3].persen_luar)


def test_programme_gap():
    frame = pd.DataFrame({
        "kab": ["a", "a", "a", "b"],
        "pelatihan": [True, False, None, False],
        "bantuan": [False, False, None, True],
        "status_binaan": ["belum", "dibina", None, "belum"],
    })
    table = programme_gap(frame, ["kab"])
    a = table[table["kab"] == "a"].iloc[0]
    assert (a.n_usaha, a.n_tanpa_pelatihan, a.n_tanpa_bantuan, a.n_belum_dibina) == (3, 2, 3, 2)
    assert a.n_belum_tersentuh == 1  # only the all-missing one
    b = table[table["kab"] == "b"].iloc[0]
    assert b.n_belum_tersentuh == 0


def test_greedy_coverage_order_gain_and_ties():
    # candidate 0 covers {0,1,2}, 1 covers {2,3}, 2 covers {3,4}, 3 covers {0}
    pairs = pd.DataFrame({"origin": [0, 1, 2, 2, 3, 3, 4, 0],
                          "target": [0, 0, 0, 1, 1, 2, 2, 3]})
    chosen = greedy_coverage(pairs, np.ones(5), 3)
    assert list(chosen["candidate"]) == [0, 2]  # then nothing left to gain: stops at 2
    assert list(chosen["tambah_usaha"]) == [3, 2]
    assert list(chosen["kumulatif_usaha"]) == [3, 5]
    # tie between 1 and 2 after 0 is taken goes to the first; weights change the choice
    chosen = greedy_coverage(pairs, np.ones(5), 2, covered=np.array([0, 0, 0, 0, 1], bool))
    assert list(chosen["candidate"]) == [0, 1]
    weight = np.array([1.0, 1.0, 1.0, 5.0, 5.0])
    chosen = greedy_coverage(pairs, weight, 1)
    assert list(chosen["candidate"]) == [2] and chosen["tambah_bobot"][0] == 10.0
