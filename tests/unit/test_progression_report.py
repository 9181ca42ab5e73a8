"""Report figures of the Kenaikan kelas section, from the hand-made histories."""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core import progression as pg
from industri_rumahan_plugin.core import progression_report as pr
from tests.unit.test_progression import CASES, END, START, _tables


def _prepared():
    ent, hist = _tables()
    return ent, pg.prepare_history(hist, ent["uid"])


def test_transitions_by_hand():
    ent, history = _prepared()
    long = pr.transitions(history, ent, START, END)
    assert long.groupby("wilayah")["jumlah"].sum().to_dict() == {"19.01": 8, "19.02": 6,
                                                                 pg.ALL: len(CASES)}
    one = long.set_index(["wilayah", "awal", "akhir"])["jumlah"]
    # 19.01: up1, several and after_end... start pemula; up1 & several -> berkembang
    assert one[("19.01", "pemula", "berkembang")] == 2
    assert one[("19.01", "pemula", "maju")] == 1
    assert one[("19.01", "tutup", "pemula")] == 1  # reopened
    assert one[("19.01", "belum_tercatat", "tutup")] == 1  # new then closed
    assert one[(pg.ALL, "belum_tercatat", "belum_tercatat")] == 2  # no rows, later
    rows = pr.transition_table(long, "19.02", suppress=False)
    assert rows[0] == ["Awal \\ akhir", "Belum tercatat", "IR 1 Pemula", "IR 2 Berkembang",
                       "IR 3 Maju", "Tutup", "Jumlah"]
    assert rows[-1][-1] == "6"
    assert pr.transition_table(long, "19.02")[-1][-1] == "6"
    shown = pr.transition_table(long, "19.02")
    assert shown[1][-1] == "3"  # not recorded at the start: new, later, no_rows
    assert shown[2][-1] == "<3"  # IR 1 at the start: closed


def test_stage_trend_counts_each_year_end():
    ent, history = _prepared()
    trend = pr.stage_trend(history, ent, [2023, 2024, 2025])
    one = trend.set_index(["wilayah", "tahun", "tahap"])["jumlah"]
    # all regions, end of 2023: active pemula = up1, up2, closed, several, after_end,
    # on_start_day (6), berkembang = stay (1), maju = down (1); closed = closed_before, reopened
    assert [one[(pg.ALL, 2023, s)] for s in ("pemula", "berkembang", "maju", "tutup")] == [
        6, 1, 1, 2]
    assert one[(pg.ALL, 2025, "berkembang")] == 7
    assert set(trend["tahun"]) == {2023, 2024, 2025}


def test_headline_sentence():
    ent, history = _prepared()
    result = pg.progression(history, ent, START, END)
    head = pr.headline(result, suppress=False)
    assert (head["awal_maju"], head["akhir_maju"], head["naik"], head["basis"]) == (1, 1, 3, 7)
    assert head["text"] == ("IR 3 Maju: 1 → 1; 3 usaha naik kelas (42,9 % dari 7 usaha yang "
                            "aktif di awal dan akhir periode)")
    hidden = pr.headline(result)
    assert hidden["text"].startswith("IR 3 Maju: <3 → <3; 3 usaha naik kelas (42,9 %")
    assert pr.headline(result, lang="en", suppress=False)["text"].startswith(
        "IR 3 Advanced: 1 → 1; 3 enterprises moved up")
    assert isinstance(pd.DataFrame([head]), pd.DataFrame)
