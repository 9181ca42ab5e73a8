"""Data terpilah: every cell and total equals an independent plain-Python count."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import pytest
import shapely

from industri_rumahan_plugin.core import demo, demo_history
from industri_rumahan_plugin.core import gender_tables as gt
from industri_rumahan_plugin.core import progression as pg
from industri_rumahan_plugin.core import report_tables as rt

NAMES = {"19.01": "Bangka", "19.02": "Belitung"}
SEX = {"P": "Perempuan", "L": "Laki-laki", None: "Tidak diisi"}


@pytest.fixture(scope="module")
def data():
    regions = [demo.Region("19.01", "A", shapely.box(105.0, -2.0, 106.0, -1.0), 3.0),
               demo.Region("19.02", "B", shapely.box(107.0, -3.0, 108.0, -2.0), 1.0)]
    ent, _xy = demo.generate_enterprises(regions, demo.DemoOptions(count=1500, seed=3))
    ent = ent.copy()
    ent.loc[ent.index[:7], "jenis_kelamin_pemilik"] = None  # gaps the tables must show
    ent.loc[ent.index[5:12], "tahap"] = None
    ent.loc[ent.index[20:30], "jumlah_pekerja"] = None
    part = demo_history.generate_participation(ent, seed=1)
    hist = demo_history.generate_history(ent.assign(tahap=ent["tahap"].fillna("pemula")), part,
                                         seed=1)
    result = pg.progression(pg.prepare_history(hist, ent["uid"]), ent, "2023-12-31",
                            "2025-12-31", participation=part)
    return ent, part, result


def _records(ent):
    return [dict(zip(ent.columns, row)) for row in ent.itertuples(index=False)]


def test_enterprises_by_sex_sector_stage(data):
    ent, _, _ = data
    table = gt.enterprises_by_sex_sector_stage(ent, names=NAMES)
    cells = Counter()
    for r in _records(ent):
        sex = SEX[r["jenis_kelamin_pemilik"]]
        stage = rt.stage_label(r["tahap"] or "tidak_diisi")
        for region in (NAMES[r["kode_kabupaten"]], gt.ALL_REGIONS):
            for sector in (rt.sector_label(r["sektor"]), gt.TOTAL):
                cells[(region, sector, f"{sex} – {stage}")] += 1
                cells[(region, sector, f"{sex} – {gt.TOTAL}")] += 1
                cells[(region, sector, gt.TOTAL)] += 1
    value_cols = list(table.columns[2:])
    assert "Tidak diisi – IR 1 Pemula" in value_cols and "Perempuan – Tidak diisi" in value_cols
    checked = 0
    for row in table.itertuples(index=False):
        for col, value in zip(value_cols, row[2:]):
            assert value == cells[(row[0], row[1], col)], (row[0], row[1], col)
            checked += 1
    assert checked == len(table) * len(value_cols)
    last = table.iloc[-1]
    assert (last[gt.REGION], last[gt.SECTOR], last[gt.TOTAL]) == (gt.ALL_REGIONS, gt.TOTAL,
                                                                   len(ent))
    shown = gt.enterprises_by_sex_sector_stage(ent, names=NAMES, suppress=True)
    flat = shown[value_cols].to_numpy().ravel()
    raw = table[value_cols].to_numpy().ravel()
    assert all(s == "<3" for s, v in zip(flat, raw) if v in (1, 2))
    assert all(s == v for s, v in zip(flat, raw) if v not in (1, 2))


def test_workers_by_sex(data):
    ent, _, _ = data
    table = gt.workers_by_sex(ent, names=NAMES).set_index([gt.REGION, gt.SEX])
    sums = defaultdict(lambda: [0, 0, 0, 0])  # enterprises, without data, women, men
    for r in _records(ent):
        for key in ((NAMES[r["kode_kabupaten"]], SEX[r["jenis_kelamin_pemilik"]]),
                    (NAMES[r["kode_kabupaten"]], gt.TOTAL),
                    (gt.ALL_REGIONS, SEX[r["jenis_kelamin_pemilik"]]), (gt.ALL_REGIONS, gt.TOTAL)):
            sums[key][0] += 1
            if pd.isna(r["jumlah_pekerja"]) or pd.isna(r["pekerja_perempuan"]):
                sums[key][1] += 1
            else:
                sums[key][2] += r["pekerja_perempuan"]
                sums[key][3] += r["jumlah_pekerja"] - r["pekerja_perempuan"]
    assert len(table) == len(sums)
    for key, (n, missing, women, men) in sums.items():
        row = table.loc[key]
        assert (row["Jumlah usaha"], row["Usaha tanpa data pekerja"]) == (n, missing)
        assert (row["Pekerja perempuan"], row["Pekerja laki-laki"]) == (women, men)
        assert row["Jumlah pekerja"] == women + men


def test_krtp(data):
    ent, _, _ = data
    table = gt.krtp_table(ent, names=NAMES).set_index(gt.REGION)
    women, krtp = Counter(), Counter()
    for r in _records(ent):
        for region in (NAMES[r["kode_kabupaten"]], gt.ALL_REGIONS):
            if r["jenis_kelamin_pemilik"] == "P":
                women[region] += 1
                if r["krtp"]:
                    krtp[(region, r["tahap"] or "tidak_diisi")] += 1
                    krtp[region] += 1
    for region in (*NAMES.values(), gt.ALL_REGIONS):
        row = table.loc[region]
        assert row["Usaha milik perempuan"] == women[region]
        assert row["KRTP – IR 2 Berkembang"] == krtp[(region, "berkembang")]
        assert row["KRTP – Jumlah"] == krtp[region]
        assert row["KRTP (% usaha milik perempuan)"] == pytest.approx(
            round(100 * krtp[region] / women[region], 1))


def test_participation_by_sex_counts_each_enterprise_once(data):
    ent, part, _ = data
    table = gt.participation_by_sex(ent, part, years=(2023, 2025), names=NAMES)
    table = table.set_index([gt.REGION, gt.PROGRAMME])
    info = {r["uid"]: r for r in _records(ent)}
    seen = defaultdict(set)
    for r in _records(part):
        if not 2023 <= r["tahun"] <= 2025:
            continue
        e = info[r["uid"]]
        label = gt.catalogue.by_code(gt.catalogue.PROGRAMMES, r["program"]).label("id")
        for region in (NAMES[e["kode_kabupaten"]], gt.ALL_REGIONS):
            for prog in (label, gt.TOTAL):
                seen[(region, prog, SEX[e["jenis_kelamin_pemilik"]])].add(r["uid"])
                seen[(region, prog, gt.TOTAL)].add(r["uid"])
    for (region, prog, sex), uids in seen.items():
        assert table.loc[(region, prog), sex] == len(uids), (region, prog, sex)
    programmes = table.drop(index=gt.TOTAL, level=1)
    # an enterprise in two programmes is counted in each, but once in Jumlah
    assert programmes.loc[gt.ALL_REGIONS, gt.TOTAL].sum() > table.loc[
        (gt.ALL_REGIONS, gt.TOTAL), gt.TOTAL]


def test_progression_by_sex_and_metadata(data):
    ent, _, result = data
    table = gt.progression_by_sex(result, NAMES).set_index([gt.REGION, gt.SEX])
    classes = Counter()
    for r, k in zip(_records(ent), result.classes):
        for key in ((NAMES[r["kode_kabupaten"]], SEX[r["jenis_kelamin_pemilik"]]),
                    (gt.ALL_REGIONS, SEX[r["jenis_kelamin_pemilik"]]),
                    (NAMES[r["kode_kabupaten"]], gt.TOTAL), (gt.ALL_REGIONS, gt.TOTAL)):
            classes[(*key, pg.CLASSES[k])] += 1
    for (region, sex, name), n in classes.items():
        assert table.loc[(region, sex), pg.CLASS_LABELS[name][0]] == n
    row = table.loc[(gt.ALL_REGIONS, gt.TOTAL)]
    up = classes[(gt.ALL_REGIONS, gt.TOTAL, "naik_1")] + classes[(gt.ALL_REGIONS, gt.TOTAL,
                                                                   "naik_2")]
    assert row["Naik kelas"] == up
    assert row["Naik kelas (%)"] == pytest.approx(round(100 * up / row.iloc[8], 1))
    tables = gt.standard_tables(ent, *data[1:], names=NAMES)
    assert list(tables) == list(gt.SHEETS)
    meta = gt.metadata("2023-12-31 s.d. 2025-12-31", "Pendataan DP3A (demo)")
    assert [m["tabel"] for m in meta] == list(gt.SHEETS)
    for m in meta:
        assert set(m) == {"tabel", "judul", "konsep", "definisi", "klasifikasi", "satuan",
                          "sumber", "periode", "aturan_sel_kecil"}
        assert all(isinstance(v, str) and v for v in m.values())
    assert "<3" in meta[0]["aturan_sel_kecil"]
    assert np.isfinite(float(tables["naik_kelas_jk"].iloc[-1]["Naik kelas (%)"]))
