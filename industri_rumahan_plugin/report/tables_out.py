"""The report's tables beside the PDF: one XLSX (three sheets, GDAL) and three CSVs (pandas).

The same cells as the PDF: small counts are "<3" when the report suppresses them, so the
spreadsheets can be shared like the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from industri_rumahan_plugin.adapters import xlsx as xlsx_io
from industri_rumahan_plugin.core import cell_safety
from industri_rumahan_plugin.core import report_tables as rt

SHEETS = {"ringkasan": "Ringkasan", "sektor_tahap": "Sektor x tahap", "layanan": "Layanan",
          "kenaikan_kelas": "Kenaikan kelas"}


def summary_frame(frame: pd.DataFrame, names: Sequence[str], suppress: bool,
                  lang: str) -> pd.DataFrame:
    summary = rt.region_summary(frame, names, lang)
    codes = [*(str(c) for c in frame.get("kode", [""] * len(frame))), ""]
    out = pd.DataFrame({"kode": codes})
    for col in summary.columns:
        if col == rt.word("region", lang):
            out[col] = summary[col]
        elif col.endswith("(%)") or col == rt.word("per1000", lang):
            n_col = col.replace("(%)", "(n)")
            values = summary[col].round(2)
            if n_col in summary and suppress:
                small = summary[n_col].between(1, rt.SMALL - 1)
                values = values.astype(object).where(~small, rt.HIDDEN)
            out[col] = values
        else:
            out[col] = [rt.count_cell(v, suppress) for v in summary[col]]
    return out


def sector_stage_frame(frame: pd.DataFrame, names: Sequence[str], stages: Sequence[str],
                       suppress: bool, lang: str) -> pd.DataFrame:
    """Long table: one row per region and sector (and the region's total row)."""
    rows = []
    codes = [str(c) for c in frame.get("kode", [""] * len(frame))]
    for i in range(len(frame)):
        table = rt.sector_stage_counts(frame.iloc[i], stages)
        for sector, values in table.iterrows():
            rows.append({
                "kode": codes[i], rt.word("region", lang): names[i], "sektor": sector,
                rt.word("sector", lang): rt.word("total", lang) if sector == rt.TOTAL
                else rt.sector_label(str(sector), lang),
                **{rt.stage_label(s, lang): rt.count_cell(values[s], suppress) for s in stages},
                rt.word("total", lang): rt.count_cell(values[rt.TOTAL], suppress),
            })
    return pd.DataFrame(rows)


def gap_frame(gap: pd.DataFrame, frame: pd.DataFrame, names: Sequence[str], threshold: float,
              suppress: bool, lang: str) -> pd.DataFrame:
    codes = [str(c) for c in frame.get("kode", [""] * len(frame))]
    out = gap.copy()
    out.insert(0, "kode", [codes[r] if r >= 0 else "" for r in out["region"]])
    out.insert(1, rt.word("region", lang),
               [names[r] if r >= 0 else rt.word("province", lang) for r in out["region"]])
    out["ambang_m"] = threshold
    small = out["n_luar"].between(1, rt.SMALL - 1) if suppress else False
    out["n_luar"] = [rt.count_cell(v, suppress) for v in out["n_luar"]]
    out["n_usaha"] = [rt.count_cell(v, suppress) for v in out["n_usaha"]]
    out["persen_luar"] = out["persen_luar"].round(2).astype(object).where(~small, rt.HIDDEN)
    out["jarak_rata_m"] = out["jarak_rata_m"].round(0)
    return out.drop(columns=["region"])


def write_tables(pdf_path: Path, frame: pd.DataFrame, names: Sequence[str],
                 stages: Sequence[str], gap: pd.DataFrame, threshold: float, suppress: bool,
                 lang: str, transitions: pd.DataFrame | None = None) -> dict[str, str]:
    """``<pdf stem>.xlsx`` and ``<pdf stem>_<table>.csv``; returns their paths.
    ``transitions`` (the Kenaikan kelas section's counts) adds a fourth table."""
    tables = {
        "ringkasan": summary_frame(frame, names, suppress, lang),
        "sektor_tahap": sector_stage_frame(frame, names, stages, suppress, lang),
        "layanan": gap_frame(gap, frame, names, threshold, suppress, lang),
    }
    if transitions is not None:
        tables["kenaikan_kelas"] = transitions
    xlsx = pdf_path.with_suffix(".xlsx")
    xlsx_io.write_sheets(xlsx, {SHEETS[key]: table for key, table in tables.items()})
    out = {"xlsx": str(xlsx)}
    for key, table in tables.items():
        path = pdf_path.with_name(f"{pdf_path.stem}_{key}.csv")
        cell_safety.neutralise_frame(table).to_csv(path, index=False, encoding="utf-8",
                                                   lineterminator="\r\n")
        out[f"csv_{key}"] = str(path)
    return out
