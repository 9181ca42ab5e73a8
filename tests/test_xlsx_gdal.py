"""XLSX through GDAL (adapters.xlsx) gives the same cells as pandas with openpyxl did, so the
plugin needs no openpyxl: read as text, written with the same headers, values and sheets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from industri_rumahan_plugin.adapters import xlsx
from industri_rumahan_plugin.core.importing import tables
from tests.unit.test_spreadsheet_import import _office_xlsx

REPO = Path(__file__).resolve().parent.parent


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "Nama usaha": ["Kerupuk", "Tenun", None],
        "NIK": ["190101******0001", None, "0812"],
        "Jumlah": [12, 3, 7],
        "Persen (%)": [12.5, np.nan, 0.1 + 0.2],
        "Usaha (n)": [5, "<3", 7],  # a report column: counts, small ones hidden
        "PIRT": [True, False, None],
        "Dibuat": [pd.Timestamp("2024-01-05 10:30"), None, pd.Timestamp("2024-02-01")],
        "Kosong": [None, None, None],
    })


def test_reading_equals_pandas_with_openpyxl(tmp_path):
    path = tmp_path / "data_ir.xlsx"
    _office_xlsx(path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Kedua").append(["Nama Usaha", "Tahap"])
    book["Kedua"].append(["Batik", "IR 1"])
    book.save(path)
    for sheet in (None, 0, "Kedua", 1):
        by_pandas, first = tables.read_table(path, sheet)
        by_gdal, first_gdal = xlsx.read_table(path, sheet)
        assert first_gdal == first
        pd.testing.assert_frame_equal(by_gdal, by_pandas)
    assert by_gdal.to_dict("list") == {"Nama Usaha": ["Batik"], "Tahap": ["IR 1"]}
    with pytest.raises(tables.TableError, match="Ketiga"):
        xlsx.read_table(path, "Ketiga")


def test_writing_equals_pandas_with_openpyxl(tmp_path):
    frame = _frame()
    ours = xlsx.write_sheets(tmp_path / "gdal.xlsx", {"Ringkasan": frame, "Kedua": frame[:1]})
    with pd.ExcelWriter(tmp_path / "pandas.xlsx", engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Ringkasan", index=False)
        frame[:1].to_excel(writer, sheet_name="Kedua", index=False)
    got = pd.read_excel(ours, sheet_name=None)
    expected = pd.read_excel(tmp_path / "pandas.xlsx", sheet_name=None)
    assert list(got) == list(expected) == ["Ringkasan", "Kedua"]
    for name in got:
        pd.testing.assert_frame_equal(got[name], expected[name])
    cells = [[c.value for c in row] for row in openpyxl.load_workbook(ours)["Ringkasan"].rows]
    assert cells[1][:6] == ["Kerupuk", "190101******0001", 12, 12.5, 5, True]
    assert cells[2][4] == "<3"


def test_write_table_keeps_the_widths_and_reads_back_through_gdal(tmp_path):
    frame = _frame()
    ours = xlsx.write_table(frame, tmp_path / "ekspor.xlsx", sheet="Usaha")
    before = tables.write_table(frame, tmp_path / "lama.xlsx", sheet="Usaha")
    widths = [{k: v.width for k, v in openpyxl.load_workbook(p)["Usaha"].column_dimensions.items()}
              for p in (ours, before)]
    assert widths[0] == widths[1] and widths[0]["A"] == 12
    back, first_row = xlsx.read_table(ours)
    assert first_row == 2 and list(back.columns) == list(frame.columns)
    assert back["Nama usaha"].tolist() == ["Kerupuk", "Tenun", ""]
    assert back["Usaha (n)"].tolist() == ["5", "<3", "7"]


def test_without_openpyxl_gdal_alone_writes_and_reads(tmp_path):
    code = (
        "import sys, pandas as pd\n"
        "from industri_rumahan_plugin.adapters import xlsx\n"
        "frame = pd.DataFrame({'Nama usaha': ['A', 'B'], 'Jumlah': [12, 3],\n"
        "                      'Usaha (n)': [5, '<3'], 'Lintang': [-1.8517, None]})\n"
        f"path = xlsx.write_table(frame, {str(tmp_path / 'x.xlsx')!r}, sheet='Laporan')\n"
        "back, first = xlsx.read_table(path, 'Laporan')\n"
        "import zipfile\n"
        "xml = zipfile.ZipFile(path).read('xl/worksheets/sheet1.xml').decode()\n"
        "print('<c r=\"C2\"><v>5</v></c>' in xml, 'width=\"12\"' in xml)\n"
        "print('openpyxl' in sys.modules, first, back.to_dict('list'))\n"
    )
    env = {**os.environ, "IR_HIDE_MODULES": "openpyxl",
           "PYTHONPATH": os.pathsep.join([str(REPO / "tests" / "hide_modules"), str(REPO)])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-2] == "True True"  # a number cell, widths
    assert done.stdout.strip().splitlines()[-1] == (
        "False 2 {'Nama usaha': ['A', 'B'], 'Jumlah': ['12', '3'], "
        "'Usaha (n)': ['5', '<3'], 'Lintang': ['-1.8517', '']}")
