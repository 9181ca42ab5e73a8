"""Naik kelas: hand-made histories with every kind of move, and a plain-Python oracle."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from industri_rumahan_plugin.core import progression as pg

START, END = "2024-01-01", "2024-12-31"
# uid -> (kabupaten, sex, krtp, sector, [(stage, date), ...], expected class)
CASES = {
    "up1": ("19.01", "P", True, "makanan", [("pemula", "2023-06-01"), ("berkembang", "2024-06-01")],
            "naik_1"),
    "up2": ("19.01", "P", False, "batik", [("pemula", "2023-06-01"), ("maju", "2024-06-01")],
            "naik_2"),
    "stay": ("19.01", "L", False, "makanan", [("berkembang", "2023-06-01"),
                                              ("berkembang", "2024-07-01")], "tetap"),
    "down": ("19.02", "P", False, "makanan", [("maju", "2023-06-01"),
                                              ("berkembang", "2024-06-01")], "turun"),
    "new": ("19.02", "P", True, "makanan", [("berkembang", "2024-03-01")], "masuk"),
    "closed": ("19.02", "L", False, "batik", [("pemula", "2023-06-01"), ("tutup", "2024-05-01")],
               "tutup"),
    "several": ("19.01", "P", False, "makanan",
                [("pemula", "2023-06-01"), ("berkembang", "2024-03-01"), ("maju", "2024-06-01"),
                 ("berkembang", "2024-09-01")], "naik_1"),
    "after_end": ("19.01", "P", False, "batik", [("pemula", "2023-06-01"),
                                                 ("berkembang", "2025-02-01")], "tetap"),
    "later": ("19.02", "P", False, "batik", [("pemula", "2025-03-01")], "tidak_aktif"),
    "closed_before": ("19.02", "P", False, "batik", [("pemula", "2022-06-01"),
                                                     ("tutup", "2023-05-01")], "tidak_aktif"),
    "no_rows": ("19.02", "L", False, "makanan", [], "tidak_aktif"),
    "on_start_day": ("19.01", "P", False, "makanan", [("pemula", "2023-06-01"),
                                                      ("berkembang", "2024-01-01")], "tetap"),
    "reopened": ("19.01", "P", True, "makanan", [("pemula", "2022-06-01"), ("tutup", "2023-01-01"),
                                                 ("pemula", "2024-04-01")], "masuk"),
    "new_then_closed": ("19.01", "L", False, "makanan", [("pemula", "2024-02-01"),
                                                         ("tutup", "2024-10-01")], "tutup"),
}


def _tables(cases=CASES):
    ent = pd.DataFrame(
        [(uid, kab, kab + ".01", sex, krtp, sector)
         for uid, (kab, sex, krtp, sector, _rows, _exp) in cases.items()],
        columns=["uid", "kode_kabupaten", "kode_kecamatan", "jenis_kelamin_pemilik", "krtp",
                 "sektor"])
    rows = [(uid, stage, date, "survei", "test")
            for uid, (*_, hist, _exp) in cases.items() for stage, date in hist]
    hist = pd.DataFrame(rows, columns=["uid", "tahap", "tanggal_berlaku", "sumber", "pengguna"])
    return ent, hist


def test_every_kind_of_move_by_hand():
    ent, hist = _tables()
    # rows the kernel must ignore: an unknown enterprise, an unknown stage, no date
    junk = pd.DataFrame({"uid": ["ghost", "up1", "up1"], "tahap": ["maju", "IR 9", "maju"],
                         "tanggal_berlaku": ["2024-02-01", "2024-02-01", None],
                         "sumber": "edit", "pengguna": "x"})
    history = pg.prepare_history(pd.concat([hist, junk]), ent["uid"])
    assert history.ignored == 3
    klass, s0, s1 = pg.classify(history, START, END)
    got = dict(zip(ent["uid"], (pg.CLASSES[k] for k in klass)))
    assert got == {uid: case[-1] for uid, case in CASES.items()}
    state = dict(zip(ent["uid"], zip(s0.tolist(), s1.tolist())))
    assert state["several"] == (1, 2)
    assert state["closed"] == (1, pg.CLOSED_STATE)
    assert state["no_rows"] == (0, 0)


def test_the_period_decides_which_changes_count():
    ent, hist = _tables()
    history = pg.prepare_history(hist, ent["uid"])
    klass, _, _ = pg.classify(history, "2024-12-31", "2025-12-31")
    got = dict(zip(ent["uid"], (pg.CLASSES[k] for k in klass)))
    assert got["after_end"] == "naik_1"  # its change now falls in the period
    assert got["up1"] == "tetap" and got["later"] == "masuk"
    assert got["closed"] == "tidak_aktif"  # closed before this period
    with pytest.raises(ValueError):
        pg.classify(history, END, START)


def test_region_and_group_tallies_by_hand():
    ent, hist = _tables()
    part = pd.DataFrame({"uid": ["up1", "up2", "stay", "down", "later"],
                         "jenis": ["pelatihan", "pelatihan", "pendampingan", "pelatihan",
                                   "pelatihan"],
                         "program": ["p2wkss", "p2wkss", "prima", "p2wkss", "p2wkss"],
                         "tahun": [2023, 2024, 2022, 2025, 2024]})
    history = pg.prepare_history(hist, ent["uid"])
    result = pg.progression(history, ent, START, END, "kabupaten", participation=part)
    regions = result.region_table().set_index("wilayah")
    a = regions.loc["19.01"]
    # 19.01: up1, up2, stay, several(naik_1), after_end(tetap), on_start_day(tetap),
    # reopened(masuk), new_then_closed(tutup)
    assert (a["naik_1"], a["naik_2"], a["tetap"], a["turun"]) == (2, 1, 3, 0)
    assert (a["masuk"], a["tutup"], a["tidak_aktif"], a["basis"]) == (1, 1, 0, 6)
    assert a["pct_naik"] == pytest.approx(50.0)
    assert (a["awal_pemula"], a["akhir_maju"], a["aktif_awal"]) == (4, 1, 6)
    b = regions.loc["19.02"]
    assert (b["turun"], b["masuk"], b["tutup"], b["tidak_aktif"], b["basis"]) == (1, 1, 1, 3, 1)
    assert b["pct_naik"] == 0.0
    sex = result.group_table("jenis_kelamin_pemilik").set_index("nilai_kelompok")
    assert sex.loc["P", "naik"] == 3 and sex.loc["P", "basis"] == 6
    assert sex.loc["L", "basis"] == 1 and sex.loc["L", "tutup"] == 2
    krtp = result.group_table("krtp").set_index("nilai_kelompok")
    assert krtp.loc["ya", "naik_1"] == 1 and krtp.loc["ya", "masuk"] == 2
    comp = result.programme_comparison().set_index(["jenis", "kode"])
    p2 = comp.loc[("program", "p2wkss")]
    # took part by 2024: up1, up2 (both up) and 'later' (not in the base); 'down' only in 2025
    assert (p2["basis_ikut"], p2["naik_ikut"], p2["pct_naik_ikut"]) == (2, 2, 100.0)
    assert (p2["basis_tidak"], p2["naik_tidak"]) == (5, 1)
    assert comp.loc[("program", "prima"), "basis_ikut"] == 1
    assert comp.loc[("kegiatan", "semua"), "basis_ikut"] == 3
    long = result.long_table()
    assert list(long.columns) == pg.LONG_COLUMNS
    one = long[(long["wilayah"] == "semua") & (long["kelompok"] == "sektor")
               & (long["nilai_kelompok"] == "batik") & (long["ukuran"] == "tutup")]
    assert one["nilai"].tolist() == [1.0]


def _oracle_state(rows, day):
    """Plain Python: the state on ``day`` (0 not recorded, -1 closed, 1..3 stage)."""
    order = {"pemula": 1, "berkembang": 2, "maju": 3, "tutup": -1}
    state, since = 0, None
    for stage, date in sorted(rows, key=lambda r: r[1]):
        if date <= day:
            state, since = order[stage], date
    return state, since


def _oracle_class(rows, start, end):
    s0, _ = _oracle_state(rows, start)
    s1, since = _oracle_state(rows, end)
    if s0 > 0 and s1 > 0:
        d = s1 - s0
        return "naik_1" if d == 1 else "naik_2" if d >= 2 else "tetap" if d == 0 else "turun"
    if s1 > 0:
        return "masuk"
    if s1 == -1 and since > start:
        return "tutup"
    return "tidak_aktif"


def test_random_histories_match_a_plain_python_oracle():
    rng = np.random.default_rng(5)
    n = 400
    stages = ["pemula", "berkembang", "maju", "tutup"]
    base = dt.date(2022, 1, 1)
    cases = {}
    for i in range(n):
        k = int(rng.integers(0, 5))
        days = sorted({int(d) for d in rng.integers(0, 1400, k)})
        rows = [(stages[int(rng.choice(4, p=[0.35, 0.3, 0.25, 0.1]))],
                 base + dt.timedelta(days=d)) for d in days]
        cases[f"e{i}"] = (f"19.0{i % 3 + 1}", "PL"[i % 2], bool(i % 5 == 0),
                          ["makanan", "batik", None][i % 3], rows, None)
    ent, hist = _tables(cases)
    history = pg.prepare_history(hist, ent["uid"])
    start, end = dt.date(2023, 3, 1), dt.date(2024, 8, 31)
    result = pg.progression(history, ent, start, end)
    expected = {uid: _oracle_class(c[4], start, end) for uid, c in cases.items()}
    got = dict(zip(ent["uid"], (pg.CLASSES[k] for k in result.classes)))
    assert got == expected
    table = result.region_table().set_index("wilayah")
    for region in ("19.01", "19.02", "19.03"):
        counted = Counter(expected[u] for u, c in cases.items() if c[0] == region)
        for name in pg.CLASSES:
            assert table.loc[region, name] == counted[name], (region, name)
    sector = result.group_table("sektor").set_index("nilai_kelompok")
    counted = Counter(expected[u] for u, c in cases.items() if c[3] is None)
    assert sector.loc["tidak_diisi", "naik_1"] == counted["naik_1"]
    assert int(table[list(pg.CLASSES)].to_numpy().sum()) == n


def test_bad_input_is_refused_clearly():
    ent, hist = _tables()
    with pytest.raises(ValueError, match="more than once"):
        pg.prepare_history(hist, [*ent["uid"], "up1"])
    history = pg.prepare_history(hist, ent["uid"])
    with pytest.raises(ValueError, match="not a date"):
        pg.classify(history, "kemarin", END)
    with pytest.raises(ValueError, match="not those"):
        pg.progression(history, ent.iloc[:3], START, END)
