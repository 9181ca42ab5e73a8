"""``industrirumahan:genderdisaggregatedtables``: the XLSX read back (GDAL and openpyxl), its
totals equal to independent counts, the small-count rule, and no personal data."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl
import pytest
from qgis import processing

from industri_rumahan_plugin.adapters import terpilah_xlsx, xlsx
from industri_rumahan_plugin.core import gender_tables as gt
from tests import history_fixtures as hf
from tests.test_alg_progression import _day, classify

ALG = "industrirumahan:genderdisaggregatedtables"


def _run(gpkg, path, **extra) -> dict:
    params = {"INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
              "OUTPUT": str(path)}
    params.update(extra)
    return processing.run(ALG, params)


def _sheet(book, name) -> list[dict]:
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.fixture(scope="module")
def workbook(demo_gpkg, tmp_path_factory):
    import shutil

    folder = tmp_path_factory.mktemp("terpilah")
    gpkg = folder / "demo.gpkg"
    shutil.copy(demo_gpkg, gpkg)
    history, participation = hf.add_demo_history(gpkg)
    ent = hf.read_enterprises(gpkg)
    out = _run(gpkg, folder / "terpilah.xlsx", START="2023-12-31", END="2025-12-31")
    plain = _run(gpkg, folder / "terpilah_penuh.xlsx", START="2023-12-31", END="2025-12-31",
                 SUPPRESS=False)
    return out, plain, ent, history, participation, gpkg


def test_sheets_headings_and_metadata(workbook):
    out, _plain, *_ = workbook
    assert out["TABLES"] == 5
    book = openpyxl.load_workbook(out["OUTPUT"], read_only=True)
    assert book.sheetnames == [*gt.SHEETS, terpilah_xlsx.METADATA_SHEET]
    first = list(book["usaha_jk_sektor_tahap"].iter_rows(values_only=True))
    assert first[0][:2] == (gt.REGION, gt.SECTOR) and first[0][-1] == gt.TOTAL
    meta = _sheet(book, terpilah_xlsx.METADATA_SHEET)
    assert [m["Tabel (lembar)"] for m in meta] == list(gt.SHEETS)
    assert all(m["Periode"] == "2023-12-31 s.d. 2025-12-31" for m in meta)
    assert all("<3" in m["Aturan sel kecil"] for m in meta)
    # GDAL reads it too (what the plugin's own import uses)
    raw = xlsx.read_raw(out["OUTPUT"], "krtp")
    assert list(raw.iloc[0])[:2] == [gt.REGION, "Usaha milik perempuan"]


def test_totals_equal_independent_counts(workbook):
    _out, plain, ent, history, participation, gpkg = workbook
    book = openpyxl.load_workbook(plain["OUTPUT"], read_only=True)
    usaha = _sheet(book, "usaha_jk_sektor_tahap")
    total = next(r for r in usaha if r[gt.REGION] == gt.ALL_REGIONS and r[gt.SECTOR] == gt.TOTAL)
    assert total[gt.TOTAL] == len(ent)
    by_sex = Counter(ent["jenis_kelamin_pemilik"])
    assert total[f"Perempuan – {gt.TOTAL}"] == by_sex["P"]
    assert total[f"Laki-laki – {gt.TOTAL}"] == by_sex["L"]
    for code, name in _region_names(gpkg).items():
        row = next(r for r in usaha if r[gt.REGION] == name and r[gt.SECTOR] == gt.TOTAL)
        assert row[gt.TOTAL] == int((ent["kode_kabupaten"] == code).sum())
    workers = _sheet(book, "pekerja_jk")
    row = next(r for r in workers if r[gt.REGION] == gt.ALL_REGIONS and r[gt.SEX] == gt.TOTAL)
    known = ent["jumlah_pekerja"].notna() & ent["pekerja_perempuan"].notna()
    assert row["Pekerja perempuan"] == int(ent.loc[known, "pekerja_perempuan"].sum())
    assert row["Jumlah pekerja"] == int(ent.loc[known, "jumlah_pekerja"].sum())
    krtp = _sheet(book, "krtp")[-1]
    women = ent["jenis_kelamin_pemilik"] == "P"
    assert krtp["Usaha milik perempuan"] == int(women.sum())
    assert krtp[f"KRTP – {gt.TOTAL}"] == int((women & (ent["krtp"] == True)).sum())  # noqa: E712
    programmes = _sheet(book, "program_jk")
    row = next(r for r in programmes if r[gt.REGION] == gt.ALL_REGIONS
               and r[gt.PROGRAMME] == gt.TOTAL)
    took = set(participation.loc[participation["tahun"].between(2023, 2025), "uid"])
    assert row[gt.TOTAL] == len(took & set(ent["uid"]))
    progression = _sheet(book, "naik_kelas_jk")
    rows = {}
    for uid, stage, when in zip(history["uid"], history["tahap"], history["tanggal_berlaku"]):
        rows.setdefault(uid, []).append((_day(when), stage))
    classes = Counter((sex, classify(rows.get(uid, []), dt.date(2023, 12, 31),
                                     dt.date(2025, 12, 31)))
                      for uid, sex in zip(ent["uid"], ent["jenis_kelamin_pemilik"]))
    for sex, label in (("P", "Perempuan"), ("L", "Laki-laki")):
        row = next(r for r in progression if r[gt.REGION] == gt.ALL_REGIONS
                   and r[gt.SEX] == label)
        assert row["Naik satu kelas"] == classes[(sex, "naik_1")]
        assert row["Turun kelas"] == classes[(sex, "turun")]
        assert row["Tutup"] == classes[(sex, "tutup")]
        assert row["Naik kelas"] == classes[(sex, "naik_1")] + classes[(sex, "naik_2")]


def _region_names(gpkg) -> dict[str, str]:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=kabupaten", "kab", "ogr")
    return {f["kode"]: f["nama"] for f in layer.getFeatures()}


def test_small_counts_and_no_personal_data(workbook):
    out, plain, ent, *_ = workbook
    book = openpyxl.load_workbook(out["OUTPUT"], read_only=True)
    cells = [v for name in book.sheetnames for row in book[name].iter_rows(values_only=True)
             for v in row if v is not None]
    assert "<3" in cells
    assert not any(v in (1, 2) for name in gt.SHEETS if name != "krtp"
                   for v in _counts(book, name))
    full = openpyxl.load_workbook(plain["OUTPUT"], read_only=True)
    assert "<3" not in [v for name in full.sheetnames for row in full[name].iter_rows(
        values_only=True) for v in row]
    personal = {str(v) for col in ("nik", "nama_pemilik", "telepon", "nama_usaha", "alamat")
                if col in ent for v in ent[col].dropna()}
    assert personal and not personal & {str(v) for v in cells}
    assert not any(str(v).lower() in ("nik", "telepon", "uid") for v in cells)


def _counts(book, name) -> list:
    rows = list(book[name].iter_rows(values_only=True))
    heads = rows[0]
    keep = [j for j, h in enumerate(heads) if h and "%" not in str(h)
            and "pekerja" not in str(h).lower()]
    return [r[j] for r in rows[1:] for j in keep if isinstance(r[j], int)]


def test_without_history_the_other_tables_are_written(demo_copy, tmp_path):
    hf.drop_history(demo_copy)  # once the demo carries them
    out = _run(demo_copy, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(out["OUTPUT"], read_only=True)
    assert book.sheetnames == ["usaha_jk_sektor_tahap", "pekerja_jk", "krtp",
                               terpilah_xlsx.METADATA_SHEET]
    meta = _sheet(book, terpilah_xlsx.METADATA_SHEET)
    assert meta[0]["Periode"] == "semua data"
