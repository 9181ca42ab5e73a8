"""A second year's survey imported over the first: updates, stage history, dry run, twice."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.history_fixtures_hist import add_history_tables, history_rows
from tests.unit.test_spreadsheet_import import OFFICE_HEADERS, _office_xlsx

HEADERS = [*OFFICE_HEADERS, "Tanggal Survei"]
SECOND_YEAR = [
    # 2: Kerupuk Bu Siti (same NIK): IR 1 -> IR 2, turnover up, own survey date
    [1, "Kerupuk Bu Siti", "Siti Aminah", "1901014101900001", "P", "Jl. Melati 1", "Kudai",
     "Sungailiat", "Makanan", "IR 2", "-1,8517", "106,0910", "0812 3456 789", "Rp 2.000.000",
     "Ya", "20/08/2025"],
    # 3: Pewter Timah Jaya (name + village): nothing new
    [2, "Pewter Timah Jaya", "Yanti", "", "wanita", "", "Sungailiat", "", "Kerajinan logam",
     "IR Maju", "-1.8578", "106.1222", "", "", "", "2025-08-21"],
    # 4: Kopiah Resam Ibu Dewi (name + village): berkembang -> maju, no date: SURVEY_DATE
    [3, "Kopiah Resam Ibu Dewi", "Dewi", "", "P", "", "Desa Kudai", "", "anyaman", "IR 3", "",
     "", "", "", "", ""],
    # 5: Tenun Cual Mentok (NIK): now has PIRT; the empty phone cell blanks nothing
    [4, "Tenun Cual Mentok", "Rohani", "1905014101900002", "P", "", "Tanjung", "Mentok",
     "tenun", "Pemula", "", "", "", "", "Ya", "22/08/2025"],
    # 6: a new enterprise
    [5, "Dodol Cempedak Ibu Ani", "Ani", "", "P", "", "Kudai", "Sungailiat", "makanan", "IR 1",
     "-1.852", "106.092", "", "", "", "23/08/2025"],
]


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


@pytest.fixture
def first_year(tmp_path, provider) -> str:
    """A v2-like database (history tables) holding the first year's survey of 2024."""
    uri = create_database(tmp_path / "ir.gpkg")["enterprises"]
    add_history_tables(tmp_path / "ir.gpkg")
    office = tmp_path / "survei_2024.xlsx"
    _office_xlsx(office)
    out = _run(INPUT=str(office), TARGET=uri, SURVEY_DATE="2024-08-15")
    assert (out["IMPORTED"], out["STAGES_RECORDED"]) == (5, 5)
    return uri


@pytest.fixture
def second_file(tmp_path):
    path = tmp_path / "survei_2025.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    for row in SECOND_YEAR:
        book.active.append(row)
    book.save(path)
    return path


def _run(**params):
    from qgis import processing

    return processing.run("industrirumahan:importspreadsheet", params)


def _gpkg(uri: str):
    from pathlib import Path

    return Path(uri.split("|")[0])


def _by_name(uri: str) -> dict:
    layer = QgsVectorLayer(uri, "check", "ogr")
    return {f["nama_usaha"]: {n: f[n] for n in layer.fields().names()} for f in
            layer.getFeatures()}


def _sheet(path) -> list[list]:
    return [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]


def _days(rows) -> list[tuple]:
    return [(r["tahap"], r["tanggal_berlaku"].date().toPyDate(), r["sumber"]) for r in rows]


def test_first_year_records_first_rows(first_year):
    rows = history_rows(_gpkg(first_year))
    assert len(rows) == 5
    assert {(r["sumber"], r["tanggal_berlaku"].date().toPyDate()) for r in rows} == {
        ("impor", dt.date(2024, 8, 15))}


def test_dry_run_lists_every_change_and_writes_nothing(first_year, second_file, tmp_path):
    before, rows_before = _by_name(first_year), history_rows(_gpkg(first_year))
    report = tmp_path / "laporan.xlsx"
    out = _run(INPUT=str(second_file), TARGET=first_year, DRY_RUN=True, REPORT=str(report),
               SURVEY_DATE="2025-09-01")
    assert (out["IMPORTED"], out["UPDATED"], out["STAGES_RECORDED"]) == (0, 0, 0)
    assert _by_name(first_year) == before and history_rows(_gpkg(first_year)) == rows_before
    lines = _sheet(report)[1:]
    changed = {(r[0], r[2]): r[3] for r in lines if str(r[3]).startswith("Changed:")}
    assert changed == {
        (2, "tahap"): "Changed: Kerupuk Bu Siti: pemula → berkembang",
        (2, "omzet_bulanan_rp"): "Changed: Kerupuk Bu Siti: 1500000 → 2000000",
        (4, "tahap"): "Changed: Kopiah Resam Ibu Dewi: berkembang → maju",
        (5, "izin_pirt"): "Changed: Tenun Cual Mentok: tidak → ya",
    }
    recorded = sorted((r[0], r[3]) for r in lines if "stage history" in str(r[3]))
    assert recorded == [
        (2, "Stage recorded in the stage history: Kerupuk Bu Siti: berkembang, 2025-08-20"),
        (4, "Stage recorded in the stage history: Kopiah Resam Ibu Dewi: maju, 2025-09-01"),
        (6, "Stage recorded in the stage history: pemula, 2025-08-23"),
    ]
    results = {r[0]: r[4] for r in lines if str(r[3]).startswith("Already")}
    assert results == {2: "updated", 3: "skipped", 4: "updated", 5: "updated"}


def test_second_year_updates_and_records_then_changes_nothing(first_year, second_file):
    out = _run(INPUT=str(second_file), TARGET=first_year, SURVEY_DATE="2025-09-01")
    assert (out["IMPORTED"], out["UPDATED"], out["SKIPPED"], out["STAGES_RECORDED"]) == (
        1, 3, 1, 3)
    now = _by_name(first_year)
    siti, dewi = now["Kerupuk Bu Siti"], now["Kopiah Resam Ibu Dewi"]
    assert (siti["tahap"], siti["omzet_bulanan_rp"], siti["telepon"]) == (
        "berkembang", 2_000_000, "08123456789")
    assert siti["diubah_oleh"] == "impor: survei_2025.xlsx"
    assert dewi["tahap"] == "maju"
    assert now["Tenun Cual Mentok"]["izin_pirt"] is True
    assert now["Tenun Cual Mentok"]["telepon"] == "081234567890"  # empty cell: kept
    assert now["Pewter Timah Jaya"]["diubah_oleh"] == "impor: survei_2024.xlsx"  # untouched
    path = _gpkg(first_year)
    assert _days(history_rows(path, siti["uid"])) == [
        ("pemula", dt.date(2024, 8, 15), "impor"), ("berkembang", dt.date(2025, 8, 20), "impor")]
    assert _days(history_rows(path, dewi["uid"]))[-1] == ("maju", dt.date(2025, 9, 1), "impor")
    assert _days(history_rows(path, now["Dodol Cempedak Ibu Ani"]["uid"])) == [
        ("pemula", dt.date(2025, 8, 23), "impor")]
    assert len(history_rows(path)) == 8

    again = _run(INPUT=str(second_file), TARGET=first_year, SURVEY_DATE="2025-09-01")
    assert (again["IMPORTED"], again["UPDATED"], again["SKIPPED"], again["STAGES_RECORDED"]) == (
        0, 0, 5, 0)
    assert _by_name(first_year) == now and len(history_rows(path)) == 8


def test_an_older_survey_records_but_keeps_the_newer_stage(first_year, second_file, tmp_path):
    _run(INPUT=str(second_file), TARGET=first_year, SURVEY_DATE="2025-09-01")
    older = tmp_path / "survei_2023.csv"
    older.write_text("Nama Usaha;NIK;Nama Pemilik;Jenis Kelamin;Jenis Usaha;Tahap;Desa;"
                     "Tanggal Survei\nKerupuk Bu Siti;1901014101900001;Siti Aminah;P;Makanan;"
                     "IR 3;Kudai;01/08/2023\n", encoding="utf-8")
    out = _run(INPUT=str(older), TARGET=first_year)
    assert (out["UPDATED"], out["STAGES_RECORDED"]) == (0, 1)
    siti = _by_name(first_year)["Kerupuk Bu Siti"]
    assert siti["tahap"] == "berkembang"  # the 2025 stage is still the latest
    assert ("maju", dt.date(2023, 8, 1), "impor") in _days(history_rows(_gpkg(first_year),
                                                                         siti["uid"]))


def test_a_refused_history_row_writes_nothing(first_year, second_file):
    before, rows_before = _by_name(first_year), history_rows(_gpkg(first_year))
    with sqlite3.connect(_gpkg(first_year)) as db:
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON riwayat_tahap WHEN NEW.tahap = "
                   "'maju' BEGIN SELECT RAISE(ABORT, 'ditolak'); END")
    with pytest.raises(QgsProcessingException, match="nothing was imported"):
        _run(INPUT=str(second_file), TARGET=first_year, SURVEY_DATE="2025-09-01")
    assert _by_name(first_year) == before
    assert history_rows(_gpkg(first_year)) == rows_before


def test_version_one_database_updates_without_history(tmp_path, second_file, provider):
    v1 = tmp_path / "v1.gpkg"  # an office's file from before the history tables
    shutil.copy(Path(__file__).parent / "data" / "schema_v1_demo.gpkg", v1)
    uri = f"{v1}|layername=usaha"
    office = tmp_path / "survei_2024.xlsx"
    _office_xlsx(office)
    _run(INPUT=str(office), TARGET=uri)
    out = _run(INPUT=str(second_file), TARGET=uri)
    assert (out["IMPORTED"], out["UPDATED"], out["STAGES_RECORDED"]) == (1, 3, 0)
    assert _by_name(uri)["Kerupuk Bu Siti"]["tahap"] == "berkembang"


def test_bad_survey_date_is_refused(first_year, second_file):
    with pytest.raises(QgsProcessingException, match="not a date"):
        _run(INPUT=str(second_file), TARGET=first_year, SURVEY_DATE="kemarin")


def test_dialog_dry_run_then_second_year(first_year, second_file, qgis_new_project, qtbot):
    from qgis.core import QgsProject

    from industri_rumahan_plugin.gui.import_dialog import ImportDialog

    layer = QgsVectorLayer(first_year, "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = ImportDialog()
        qtbot.addWidget(dialog)
        dialog.file_widget.setFilePath(str(second_file))
        assert dialog.mapping()["Tanggal Survei"] == "_tanggal_survei"
        dialog.survey_date.setText("01/09/2025")
        dialog.dry_run.setChecked(True)
        dry = dialog.run()
        assert (dry["CHANGES"], dry["UPDATED"]) == (7, 0)  # 4 field changes + 3 stage rows
        assert "7 changes to enterprises already present" in dialog.summary.text()
        dialog.dry_run.setChecked(False)
        done = dialog.run()
        assert (done["UPDATED"], done["STAGES_RECORDED"]) == (3, 3)
        assert "3 enterprises updated, 3 stage changes recorded" in dialog.summary.text()
        dewi = _by_name(first_year)["Kopiah Resam Ibu Dewi"]
        assert _days(history_rows(_gpkg(first_year), dewi["uid"]))[-1] == (
            "maju", dt.date(2025, 9, 1), "impor")
    finally:
        QgsProject.instance().removeAllMapLayers()
