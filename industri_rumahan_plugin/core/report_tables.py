"""The report's tables from the density output: sector × stage, region summary, service gap.

Every number comes from a ``densitybyregion`` row (``jml_<tahap>_<sektor>``, ``jml_tahap_*``,
``jml_perempuan``...) so a report always equals the density output. Cells are turned into text
here, once: counts of 1-2 become "<3" (``SMALL``) so no single enterprise can be singled out,
and shares built on such counts are hidden. Pure Python + pandas: no Qt, no QGIS.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.catalogue import UNFILLED

#: Counts below this (and above 0) are shown as "<SMALL".
SMALL = 3
TOTAL = "jumlah"
HIDDEN = "–"

_WORDS = {
    "id": {"sector": "Sektor", "total": "Jumlah", "region": "Wilayah", "women": "Milik perempuan",
           "krtp": "KRTP", "per1000": "Per 1.000 pddk", "perkm2": "Per km²",
           "service": "Jenis layanan",
           "beyond": "Usaha > {km} km", "share": "Bagian (%)", "mean": "Jarak rata-rata (km)",
           "province": "Provinsi"},
    "en": {"sector": "Sector", "total": "Total", "region": "Region", "women": "Women-owned",
           "krtp": "KRTP", "per1000": "Per 1,000 pop.", "perkm2": "Per km²",
           "service": "Service type",
           "beyond": "Enterprises > {km} km", "share": "Share (%)",
           "mean": "Mean distance (km)", "province": "Province"},
}


def word(key: str, lang: str = "id") -> str:
    return _WORDS["en" if lang == "en" else "id"][key]


def stage_codes(frame: pd.DataFrame | Mapping) -> list[str]:
    """The stage codes shown as columns: the catalogue's, then 'not filled in' when used."""
    codes = catalogue.codes(catalogue.STAGES)
    col = f"jml_tahap_{UNFILLED}"
    if col in frame and _as_array(frame[col]).sum() > 0:
        codes.append(UNFILLED)
    return codes


def stage_label(code: str, lang: str = "id") -> str:
    entry = catalogue.by_code(catalogue.STAGES, code)
    if entry is None:
        return catalogue.unfilled_label(lang)
    return f"{entry.level} {entry.label(lang)}"


def sector_label(code: str, lang: str = "id") -> str:
    entry = catalogue.by_code(catalogue.SECTORS, code)
    return catalogue.unfilled_label(lang) if entry is None else entry.label(lang)


def _as_array(values) -> np.ndarray:
    return np.atleast_1d(np.asarray(values, dtype=float))


def cross_column(stage: str, sector: str) -> str:
    """The density output's column for one stage × sector cell (``jml_pemula_makanan``)."""
    return f"jml_{stage}_{sector}"


def province_row(frame: pd.DataFrame) -> pd.Series:
    """All regions together: counts summed, shares and densities recomputed from the sums."""
    counts = frame[[c for c in frame.columns if c.startswith("jml_")]].sum(numeric_only=True)
    row = counts.astype(float)
    total = row.get("jml_usaha", 0.0)
    for name in ("perempuan", "krtp"):
        if f"jml_{name}" in row:
            row[f"pct_{name}"] = 100.0 * row[f"jml_{name}"] / total if total else np.nan
    if "penduduk_total" in frame:
        pop = pd.to_numeric(frame["penduduk_total"], errors="coerce").sum()
        row["per_1000_pddk"] = 1000.0 * total / pop if pop else np.nan
    if "luas_km2" in frame:
        area = pd.to_numeric(frame["luas_km2"], errors="coerce").sum()
        row["luas_km2"] = area
        row["per_km2"] = total / area if area else np.nan
    return row


def sector_stage_counts(row: Mapping, stages: Sequence[str]) -> pd.DataFrame:
    """Counts with one row per sector present (catalogue order, 'not filled in' last), one
    column per stage, a ``jumlah`` column and a ``jumlah`` row. Integers."""
    sectors = [*catalogue.codes(catalogue.SECTORS), UNFILLED]
    data = {
        stage: [int(_value(row, cross_column(stage, sector))) for sector in sectors]
        for stage in stages
    }
    table = pd.DataFrame(data, index=sectors)
    table[TOTAL] = [int(_value(row, f"jml_sektor_{s}")) for s in sectors]
    table = table[table[TOTAL] > 0]
    table.loc[TOTAL] = table.sum(axis=0)
    table.loc[TOTAL, TOTAL] = int(_value(row, "jml_usaha"))
    return table.astype(int)


def _value(row: Mapping, key: str) -> float:
    value = row.get(key) if hasattr(row, "get") else None
    if value is None:
        return 0.0
    value = float(value)
    return 0.0 if value != value else value


def count_text(value: float | None, suppress: bool = True, lang: str = "id") -> str:
    """A count as report text: "<3" for 1-2 when suppressing, thousands separators."""
    if value is None or value != value:
        return HIDDEN
    n = round(float(value))
    if suppress and 0 < n < SMALL:
        return f"<{SMALL}"
    text = f"{n:,}"
    return text.replace(",", ".") if lang != "en" else text


def number_text(value: float | None, decimals: int = 1, lang: str = "id") -> str:
    if value is None or value != value:
        return HIDDEN
    text = f"{float(value):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def share_text(share: float | None, count: float | None, suppress: bool = True,
               lang: str = "id") -> str:
    """A percentage; hidden when the count it is built on is a small count."""
    if suppress and count is not None and count == count and 0 < count < SMALL:
        return HIDDEN
    return number_text(share, 1, lang)


def sector_stage_text(table: pd.DataFrame, suppress: bool = True,
                      lang: str = "id") -> list[list[str]]:
    """Header + rows of text for the sector × stage table."""
    stages = [c for c in table.columns if c != TOTAL]
    header = [word("sector", lang), *(stage_label(s, lang) for s in stages), word("total", lang)]
    rows = [header]
    for code, values in table.iterrows():
        label = word("total", lang) if code == TOTAL else sector_label(str(code), lang)
        rows.append([label, *(count_text(values[c], suppress, lang) for c in table.columns)])
    return rows


def key_figures(row: Mapping, suppress: bool = True, lang: str = "id") -> list[list[str]]:
    """Label / value pairs: total, women-owned and KRTP (count and share), densities."""
    out = [[word("total", lang), count_text(_value(row, "jml_usaha"), suppress, lang)]]
    for name, key in (("perempuan", "women"), ("krtp", "krtp")):
        n = _value(row, f"jml_{name}")
        share = share_text(row.get(f"pct_{name}"), n, suppress, lang)
        out.append([word(key, lang), f"{count_text(n, suppress, lang)} ({share}%)"
                    if share != HIDDEN else count_text(n, suppress, lang)])
    if row.get("per_1000_pddk") is not None:
        out.append([word("per1000", lang), number_text(row.get("per_1000_pddk"), 2, lang)])
    if row.get("per_km2") is not None:
        out.append([word("perkm2", lang), number_text(row.get("per_km2"), 2, lang)])
    return out


def region_summary(frame: pd.DataFrame, names: Sequence[str], lang: str = "id") -> pd.DataFrame:
    """Numbers per region and the province (last row): total, stages, women and KRTP shares."""
    stages = stage_codes(frame)
    rows = [frame.iloc[i] for i in range(len(frame))] + [province_row(frame)]
    labels = [*names, word("province", lang)]
    data = {word("region", lang): labels,
            word("total", lang): [_value(r, "jml_usaha") for r in rows]}
    for s in stages:
        data[stage_label(s, lang)] = [_value(r, f"jml_tahap_{s}") for r in rows]
    for name, key in (("perempuan", "women"), ("krtp", "krtp")):
        data[f"{word(key, lang)} (n)"] = [_value(r, f"jml_{name}") for r in rows]
        data[f"{word(key, lang)} (%)"] = [r.get(f"pct_{name}", np.nan) for r in rows]
    data[word("per1000", lang)] = [r.get("per_1000_pddk", np.nan) for r in rows]
    return pd.DataFrame(data)


def region_summary_text(summary: pd.DataFrame, suppress: bool = True,
                        lang: str = "id") -> list[list[str]]:
    """Header + rows of text; women and KRTP shown as "n (x%)" in one column each."""
    cols = list(summary.columns)
    count_cols = [c for c in cols[1:] if not c.endswith(("(n)", "(%)")) and
                  c != word("per1000", lang)]
    header = [cols[0], *count_cols, word("women", lang), word("krtp", lang),
              word("per1000", lang)]
    rows = [header]
    for _, r in summary.iterrows():
        cells = [str(r[cols[0]]), *(count_text(r[c], suppress, lang) for c in count_cols)]
        for key in ("women", "krtp"):
            n, pct = r[f"{word(key, lang)} (n)"], r[f"{word(key, lang)} (%)"]
            share = share_text(pct, n, suppress, lang)
            cells.append(count_text(n, suppress, lang) +
                         ("" if share == HIDDEN else f" ({share}%)"))
        cells.append(number_text(r[word("per1000", lang)], 2, lang))
        rows.append(cells)
    return rows


def gap_text(gap: pd.DataFrame, threshold_m: float, suppress: bool = True,
             lang: str = "id") -> list[list[str]]:
    """Service-gap rows (one per service type): enterprises beyond, share, mean distance."""
    km = number_text(threshold_m / 1000.0, 0 if threshold_m % 1000 == 0 else 1, lang)
    rows = [[word("service", lang), word("beyond", lang).format(km=km), word("share", lang),
             word("mean", lang)]]
    for _, r in gap.iterrows():
        entry = catalogue.by_code(catalogue.SERVICE_TYPES, r["jenis"])
        label = entry.label(lang) if entry else str(r["jenis"])
        rows.append([label, count_text(r["n_luar"], suppress, lang),
                     share_text(r["persen_luar"], r["n_luar"], suppress, lang),
                     number_text(r["jarak_rata_m"] / 1000.0, 1, lang)])
    return rows


def count_cell(value: float | None, suppress: bool = True) -> int | str:
    """A count for a spreadsheet: an integer, or "<3" when it is a suppressed small count."""
    if value is None or value != value:
        return ""
    n = round(float(value))
    return f"<{SMALL}" if suppress and 0 < n < SMALL else n


def gap_matrix_text(gap: pd.DataFrame, regions: Sequence[int], names: Sequence[str],
                    suppress: bool = True, lang: str = "id") -> list[list[str]]:
    """Rows = regions (and all regions, ``-1``), columns = service types: share beyond (%)."""
    types = list(dict.fromkeys(gap["jenis"]))
    header = [word("region", lang)]
    for kind in types:
        entry = catalogue.by_code(catalogue.SERVICE_TYPES, kind)
        header.append(entry.label(lang) if entry else str(kind))
    rows = [header]
    indexed = gap.set_index(["region", "jenis"])
    for region, name in zip(regions, names):
        cells = [name]
        for kind in types:
            if (region, kind) in indexed.index:
                r = indexed.loc[(region, kind)]
                cells.append(share_text(r["persen_luar"], r["n_luar"], suppress, lang))
            else:
                cells.append(HIDDEN)
        rows.append(cells)
    return rows
