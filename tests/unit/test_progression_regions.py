"""core.progression.region_group_table: the region layer's sex and KRTP columns, by hand
from the hand-made histories of test_progression."""

from __future__ import annotations

import numpy as np
import pytest

from industri_rumahan_plugin.core import progression as pg
from tests.unit.test_progression import END, START, _tables


def _result():
    ent, hist = _tables()
    return pg.progression(pg.prepare_history(hist, ent["uid"]), ent, START, END, "kabupaten")


def test_naik_basis_and_share_by_sex_and_krtp():
    table = pg.region_group_table(_result()).set_index("wilayah")
    a, b = table.loc["19.01"], table.loc["19.02"]
    # 19.01 women: up1, up2, several up; after_end, on_start_day stayed; reopened entered
    assert (a["naik_p"], a["basis_p"]) == (3, 5)
    assert a["pct_naik_p"] == pytest.approx(60.0)
    # 19.01 men: stay stayed, new_then_closed closed (outside the base)
    assert (a["naik_l"], a["basis_l"], a["pct_naik_l"]) == (0, 1, 0.0)
    # 19.01 KRTP: up1 up, reopened entered
    assert (a["naik_krtp"], a["basis_krtp"], a["pct_naik_krtp"]) == (1, 1, 100.0)
    # 19.02 women: only "down" is active at both ends
    assert (b["naik_p"], b["basis_p"], b["pct_naik_p"]) == (0, 1, 0.0)
    assert b["basis_l"] == 0 and b["basis_krtp"] == 0
    assert table["naik_p"].dtype == np.int64
    # the plain region columns are those of region_table
    plain = _result().region_table().set_index("wilayah")
    assert table[plain.columns].equals(plain)


def test_an_absent_group_gives_zero_counts_and_no_share():
    result = _result()
    result.tallies.pop("krtp")
    table = pg.region_group_table(result)
    assert table["naik_krtp"].tolist() == [0, 0] and table["basis_krtp"].tolist() == [0, 0]
    assert table["pct_naik_krtp"].isna().all()
