"""Write the data-terpilah tables to one XLSX: a sheet per table and a metadata sheet.

Pure core (pandas + openpyxl, no QGIS) so that the processing algorithm stays thin and the
workbook can be tested without QGIS. Headings are the tables' (Indonesian); the metadata
sheet has one row per table with the Satu Data fields of ``gender_tables.metadata``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

METADATA_SHEET = "metadata"
METADATA_HEADINGS = {
    "tabel": "Tabel (lembar)", "judul": "Judul", "konsep": "Konsep", "definisi": "Definisi",
    "klasifikasi": "Klasifikasi penyajian", "satuan": "Satuan", "sumber": "Sumber data",
    "periode": "Periode", "aturan_sel_kecil": "Aturan sel kecil",
}


def write_workbook(path: str | Path, tables: Mapping[str, pd.DataFrame],
                   metadata: Sequence[Mapping[str, str]] = ()) -> Path:
    """One sheet per table (sheet name = key, at most 31 characters), then ``metadata``.

    Columns are widened to their content (capped) and the heading row is frozen.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in tables.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
        if metadata:
            meta = pd.DataFrame(list(metadata))
            meta = meta.rename(columns=METADATA_HEADINGS)
            meta.to_excel(writer, sheet_name=METADATA_SHEET, index=False)
        for sheet in writer.sheets.values():
            sheet.freeze_panes = "A2"
            for column in sheet.columns:
                width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width, 8) + 2,
                                                                             60)
    return path
