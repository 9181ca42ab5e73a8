"""Broken spreadsheets give a clear, translated message, never a traceback, and write nothing;
odd but readable ones (UTF-16, Latin-1, semicolons) are read correctly (issue 17)."""

from __future__ import annotations

import gc
import hashlib
import sqlite3
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import QgsProcessingException

from industri_rumahan_plugin.adapters import spreadsheet_errors, xlsx
from industri_rumahan_plugin.adapters.geopackage import create_database
from industri_rumahan_plugin.core.importing import sniff, tables
from tests import spreadsheet_samples as samples


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


@pytest.fixture
def target(tmp_path, provider) -> str:
    return create_database(tmp_path / "ir.gpkg")["enterprises"]


def _rows(target: str) -> list[tuple]:
    path = target.split("|")[0]
    with sqlite3.connect(path) as con:
        return con.execute("SELECT nama_usaha, sektor, tahap FROM usaha ORDER BY nama_usaha"
                           ).fetchall()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _broken(kind: str, folder: Path) -> Path:
    """One broken file per kind, named as the office would name it."""
    if kind == "empty_csv":
        path = folder / "data_ir.csv"
        path.write_bytes(b"")
    elif kind == "header_only_csv":
        path = folder / "data_ir.csv"
        path.write_text(samples.csv_text(rows=[]), encoding="utf-8")
    elif kind == "blank_lines_csv":
        path = folder / "data_ir.csv"
        path.write_text(samples.csv_text(rows=[]) + ";;;\r\n\r\n", encoding="utf-8")
    elif kind == "password_xlsx":
        path = samples.encrypted_xlsx(folder / "data_ir.xlsx")
    elif kind == "truncated_xlsx":
        path = samples.truncated_xlsx(folder / "data_ir.xlsx")
    elif kind == "half_zip_xlsx":
        path = samples.truncated_xlsx(folder / "data_ir.xlsx", keep=0.95)
    elif kind == "picture_xlsx":
        path = folder / "data_ir.xlsx"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    elif kind == "docx_xlsx":
        import zipfile

        path = folder / "data_ir.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
    elif kind == "empty_xlsx":
        path = folder / "data_ir.xlsx"
        path.write_bytes(b"")
    else:
        raise ValueError(kind)
    return path


EXPECTED = {
    "empty_csv": ("empty_file", "is empty"),
    "header_only_csv": ("no_rows", "no data rows"),
    "blank_lines_csv": ("no_rows", "no data rows"),
    "password_xlsx": ("encrypted", "protected by a password"),
    "truncated_xlsx": ("truncated", "damaged or incomplete"),
    "half_zip_xlsx": ("truncated", "damaged or incomplete"),
    "picture_xlsx": ("not_spreadsheet", "is not a spreadsheet"),
    "docx_xlsx": ("not_spreadsheet", "is not a spreadsheet"),
    "empty_xlsx": ("empty_file", "is empty"),
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_the_reader_names_what_is_wrong(kind, tmp_path):
    path = _broken(kind, tmp_path)
    with pytest.raises(tables.TableError) as caught:
        xlsx.read_table(path)
    assert caught.value.kind == EXPECTED[kind][0]
    said = spreadsheet_errors.message(caught.value, path.name, path.suffix)
    assert EXPECTED[kind][1] in said and path.name in said


@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_import_refuses_broken_files_and_writes_nothing(kind, dry_run, target, tmp_path):
    path = _broken(kind, tmp_path)
    database = Path(target.split("|")[0])
    rows_before, file_before = _rows(target), _digest(path)
    report = tmp_path / "laporan.xlsx"
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("industrirumahan:importspreadsheet", {
            "INPUT": str(path), "TARGET": target, "DRY_RUN": dry_run, "REPORT": str(report)})
    message = str(caught.value)
    assert "Traceback" not in message and "Error" not in message.split("Detail:")[0]
    assert EXPECTED[kind][1] in message
    assert _rows(target) == rows_before == []
    assert _digest(path) == file_before and database.exists()
    assert not report.exists()


def _readable(kind: str, folder: Path) -> Path:
    path = folder / "data_ir.csv"
    if kind == "utf16_bom":
        path.write_bytes(samples.csv_text().encode("utf-16"))
    elif kind == "utf16be_bom":
        path.write_bytes(b"\xfe\xff" + samples.csv_text().encode("utf-16-be"))
    elif kind == "utf16_no_bom":
        path.write_bytes(samples.csv_text().encode("utf-16-le"))
    elif kind == "latin1":
        path.write_bytes(samples.csv_text().encode("latin-1"))
    elif kind == "semicolon_utf8_bom":
        path.write_bytes(samples.csv_text(";").encode("utf-8-sig"))
    elif kind == "comma":
        path.write_text(samples.csv_text(","), encoding="utf-8")
    elif kind == "tab":
        path.write_text(samples.csv_text("\t"), encoding="utf-8")
    elif kind == "xlsx":
        path = samples.good_xlsx(folder / "data_ir.xlsx")
    return path


@pytest.mark.parametrize("kind", ["utf16_bom", "utf16be_bom", "utf16_no_bom", "latin1",
                                  "semicolon_utf8_bom", "comma", "tab", "xlsx"])
def test_odd_but_readable_files_import_correctly(kind, target, tmp_path):
    path = _readable(kind, tmp_path)
    assert _rows(target) == []
    out = processing.run("industrirumahan:importspreadsheet", {
        "INPUT": str(path), "TARGET": target})
    assert out["IMPORTED"] == 2 and out["REJECTED"] == 0
    # independent: the two rows as written in the samples, stages mapped to codes
    assert _rows(target) == [("Kerupuk Ikan Mak Rós", "makanan", "berkembang"),
                             ("Kue Bu Siti", "makanan", "pemula")]


def test_encodings_are_detected_from_the_bytes(tmp_path):
    text = samples.csv_text()
    for encoding, expected in (("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                               ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8-sig"),
                               ("utf-8", "utf-8"), ("latin-1", "cp1252")):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        assert sniff.text_encoding(path) == expected, encoding


def test_a_real_old_xls_is_not_called_encrypted(tmp_path):
    path = tmp_path / "lama.xlsx"
    data = bytearray(samples.encrypted_xlsx(path).read_bytes())
    data = data.replace(sniff.ENCRYPTED_STREAM, "WorkbookXXXXXXXX".encode("utf-16-le"))
    path.write_bytes(bytes(data))
    with pytest.raises(tables.TableError) as caught:
        xlsx.read_table(path)
    assert caught.value.kind == "old_excel"
    assert ".xls" in spreadsheet_errors.message(caught.value, path.name, ".xlsx")


def test_a_missing_worksheet_is_named(tmp_path):
    path = samples.good_xlsx(tmp_path / "data_ir.xlsx")
    with pytest.raises(tables.TableError) as caught:
        xlsx.read_table(path, "Lembar9")
    assert caught.value.kind == "sheet_missing" and "Data" in caught.value.detail


def test_the_import_dialog_shows_the_reason(qgis_iface, tmp_path, target):
    from qgis.core import QgsProject, QgsVectorLayer

    from industri_rumahan_plugin.gui.import_dialog import ImportDialog

    layer = QgsVectorLayer(target, "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = ImportDialog(qgis_iface.mainWindow())
        dialog.load_file(str(samples.encrypted_xlsx(tmp_path / "kunci.xlsx")))
        assert "protected by a password" in dialog.summary.text()
        assert not dialog.run_button.isEnabled()
        dialog.load_file(str(_readable("utf16_bom", tmp_path)))
        assert dialog.table.rowCount() == len(samples.HEADER)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
