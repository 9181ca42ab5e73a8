"""importspreadsheet / exportspreadsheet in real QGIS on a real plugin GeoPackage."""

from __future__ import annotations

import gc
import json
import sqlite3

import openpyxl
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.unit.test_spreadsheet_import import _office_xlsx


@pytest.fixture(autouse=True)
def _release_layers():
    """Free this test's layers while QGIS still runs (not at interpreter exit)."""
    yield
    gc.collect()


@pytest.fixture
def target(tmp_path, provider) -> str:
    """The enterprise layer's URI (layer objects passed to processing.run outlive QGIS)."""
    return create_database(tmp_path / "ir.gpkg")["enterprises"]


def _count(uri: str) -> int:
    return QgsVectorLayer(uri, "check", "ogr").featureCount()


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "data_ir_kabupaten.xlsx"
    _office_xlsx(path)
    return path


def _run(alg, **params):
    from qgis import processing

    return processing.run(f"industrirumahan:{alg}", params)


def _sheet_rows(path):
    sheet = openpyxl.load_workbook(path).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_dry_run_writes_nothing_but_reports(target, office_file, tmp_path):
    report = tmp_path / "laporan.xlsx"
    out = _run("importspreadsheet", INPUT=str(office_file), TARGET=target, DRY_RUN=True,
               REPORT=str(report))
    assert _count(target) == 0
    assert (out["IMPORTED"], out["SKIPPED"], out["REJECTED"]) == (0, 0, 5)
    rows = _sheet_rows(report)
    assert rows[0] == ["Row", "Column", "Field", "Problem", "Result"]
    by_row = {}
    for row, column, _field, problem, result in rows[1:]:
        by_row.setdefault(row, []).append((column, problem, result))
    assert ("NIK", "Same NIK as row 4", "not imported") in by_row[10]
    assert any("swapped" in p and r == "imported" for _, p, r in by_row[6])


def test_import_then_reimport_adds_nothing(target, office_file, tmp_path):
    out = _run("importspreadsheet", INPUT=str(office_file), TARGET=target,
               REPORT=str(tmp_path / "r1.csv"))
    assert (out["IMPORTED"], out["REJECTED"], out["APPROXIMATE"]) == (5, 5, 2)
    layer = QgsVectorLayer(target, "check", "ogr")
    assert layer.featureCount() == 5
    by_name = {f["nama_usaha"]: f for f in layer.getFeatures()}
    siti = by_name["Kerupuk Bu Siti"]
    assert (siti["sektor"], siti["tahap"], siti["nik"], siti["kode_desa"]) == (
        "makanan", "pemula", "1901014101900001", "19.01.01.1003")
    assert siti["diubah_oleh"] == "impor: data_ir_kabupaten.xlsx" and siti["dibuat"]
    point = siti.geometry().asPoint()
    assert (round(point.x(), 4), round(point.y(), 4)) == (106.091, -1.8517)
    pewter = by_name["Pewter Timah Jaya"].geometry().asPoint()  # swapped in the sheet
    assert (pewter.x(), pewter.y()) == (106.1222, -1.8578)
    assert by_name["Kopiah Resam Ibu Dewi"]["catatan"].startswith("Lokasi perkiraan")
    report = (tmp_path / "r1.csv").read_text(encoding="utf-8-sig").splitlines()
    assert report[0] == "Row;Column;Field;Problem;Result"
    assert "1901014101900001" not in "".join(report)  # no NIK in the report

    again = _run("importspreadsheet", INPUT=str(office_file), TARGET=target)
    assert (again["IMPORTED"], again["SKIPPED"]) == (0, 5)
    assert _count(target) == 5


def test_failure_writes_nothing(target, office_file):
    """One row refused by the database: the whole import is rolled back."""
    path = target.split("|")[0]
    with sqlite3.connect(path) as db:
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON usaha WHEN NEW.nama_usaha = "
                   "'Kopiah Resam Ibu Dewi' BEGIN SELECT RAISE(ABORT, 'ditolak'); END")
    with pytest.raises(QgsProcessingException, match="nothing was imported"):
        _run("importspreadsheet", INPUT=str(office_file), TARGET=target)
    assert _count(target) == 0


def test_mapping_overrides_and_bad_mapping(target, tmp_path):
    path = tmp_path / "lain.csv"
    path.write_text("Usaha;Ibu;Kelamin;Bidang;Level;Koordinat\n"
                    "Getas Ani;Ani;P;makanan;IR 3;-1,85; 106,1\n", encoding="utf-8")
    # the ';' inside the coordinates makes an extra column: map columns explicitly instead
    path.write_text("Usaha;Ibu;Kelamin;Bidang;Level;Koordinat\n"
                    "Getas Ani;Ani;P;makanan;IR 3;-1.85 106.1\n", encoding="utf-8")
    mapping = {"Ibu": "nama_pemilik", "Kelamin": "jenis_kelamin_pemilik", "Level": "tahap"}
    out = _run("importspreadsheet", INPUT=str(path), TARGET=target, MAPPING=json.dumps(mapping))
    assert out["IMPORTED"] == 1
    feature = next(QgsVectorLayer(target, "c", "ogr").getFeatures())
    assert (feature["nama_pemilik"], feature["tahap"]) == ("Ani", "maju")
    with pytest.raises(QgsProcessingException, match="Unknown field"):
        _run("importspreadsheet", INPUT=str(path), TARGET=target,
             MAPPING=json.dumps({"Ibu": "nama_ibu"}))
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        _run("importspreadsheet", INPUT=str(path), TARGET=target, MAPPING="{Ibu:")


def test_export_masks_nik_and_reimports_as_nothing_new(target, office_file, tmp_path):
    _run("importspreadsheet", INPUT=str(office_file), TARGET=target)
    out = _run("exportspreadsheet", INPUT=target, OUTPUT=str(tmp_path / "ekspor.xlsx"))
    assert out["COUNT"] == 5
    rows = _sheet_rows(out["OUTPUT"])
    header = rows[0]
    assert {"Nama usaha", "Nama pemilik", "NIK", "Tahap", "Lintang", "Bujur"} <= set(header)
    niks = {r[header.index("Nama usaha")]: r[header.index("NIK")] for r in rows[1:]}
    assert niks["Kerupuk Bu Siti"] == "190101******0001"
    stages = {r[header.index("Tahap")] for r in rows[1:]}
    assert stages <= {"Pemula", "Berkembang", "Maju"}
    again = _run("importspreadsheet", INPUT=out["OUTPUT"], TARGET=target)
    assert (again["IMPORTED"], again["SKIPPED"], again["REJECTED"]) == (0, 5, 0)
    full = _run("exportspreadsheet", INPUT=target, MASK_NIK=False,
                OUTPUT=str(tmp_path / "lengkap.xlsx"))
    rows = _sheet_rows(full["OUTPUT"])
    assert "1901014101900001" in [r[rows[0].index("NIK")] for r in rows[1:]]


def test_not_an_enterprise_layer_is_refused(tmp_path, office_file, provider):
    uris = create_database(tmp_path / "x.gpkg")
    with pytest.raises(QgsProcessingException, match="not an enterprise layer"):
        _run("importspreadsheet", INPUT=str(office_file), TARGET=uris["services"])
