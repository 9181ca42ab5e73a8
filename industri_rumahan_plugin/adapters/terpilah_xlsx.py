"""Write the data-terpilah tables to one XLSX: a sheet per table and a metadata sheet.

Through GDAL (``adapters.xlsx``), like every XLSX of the plugin, so openpyxl is not needed.
Headings are the tables' (Indonesian); the metadata sheet has one row per table with the
Satu Data fields of ``core.gender_tables.metadata``. Cells shown as "<3" sit in number
columns as text; the other cells stay numbers (``xlsx.write_sheets`` keeps mixed columns).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from industri_rumahan_plugin.adapters import xlsx

METADATA_SHEET = "metadata"
METADATA_HEADINGS = {
    "tabel": "Tabel (lembar)", "judul": "Judul", "konsep": "Konsep", "definisi": "Definisi",
    "klasifikasi": "Klasifikasi penyajian", "satuan": "Satuan", "sumber": "Sumber data",
    "periode": "Periode", "aturan_sel_kecil": "Aturan sel kecil",
}


def write_workbook(path: str | Path, tables: Mapping[str, pd.DataFrame],
                   metadata: Sequence[Mapping[str, str]] = ()) -> Path:
    """One sheet per table (sheet name = key, at most 31 characters), then ``metadata``."""
    sheets = {name[:31]: frame for name, frame in tables.items()}
    if metadata:
        meta = pd.DataFrame(list(metadata)).rename(columns=METADATA_HEADINGS)
        sheets[METADATA_SHEET] = meta
    return xlsx.write_sheets(path, sheets)
