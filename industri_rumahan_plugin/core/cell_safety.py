"""Text cells that a spreadsheet program would run as a formula are written as plain text.

A business name typed as ``=HYPERLINK("http://…","Klik")`` (or starting with ``+``, ``-``,
``@``, a tab or a carriage return) becomes a live formula when an export is opened in Excel
or LibreOffice: it can fetch a web page with the row's data or run a command. Every CSV/XLSX
writer of the plugin passes its frames through ``neutralise_frame``: such text gets a leading
apostrophe (OWASP's advice), numbers stay numbers. The import strips that apostrophe again
(``restore_text``), so an export re-imports unchanged. Pure: no Qt, no QGIS.
"""

from __future__ import annotations

import numbers

import pandas as pd

#: First characters that make a cell a formula (or a DDE command) in Excel/LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def neutralise_text(value: object) -> object:
    """``'=HYPERLINK(…)`` for formula-like text; every other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return QUOTE + value
    return value


def neutralise_frame(frame: pd.DataFrame, headers: bool = True) -> pd.DataFrame:
    """A copy with formula-like text cells (and, with ``headers``, column names) neutralised;
    numbers untouched. Sinks pass ``headers=False``: their field names are fixed."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
            continue
        texts = values.map(lambda v: isinstance(v, str) and not isinstance(v, numbers.Number)
                           and v.startswith(FORMULA_START))
        if texts.any():
            values = values.astype(object).copy()
            values[texts.astype(bool)] = QUOTE + values[texts.astype(bool)]
            out[column] = values
    if headers:
        out.columns = [neutralise_text(c) if isinstance(c, str) else c for c in out.columns]
    return out


def restore_text(values: pd.Series) -> pd.Series:
    """The import's inverse: ``'=x`` -> ``=x`` (only before a formula character)."""
    text = values.astype("string")
    quoted = text.str.match(r"^'[=+\-@\t\r]").fillna(False).astype(bool)
    if not quoted.any():
        return values
    out = values.astype(object).copy()
    out[quoted] = text[quoted].str.slice(1).astype(object)
    return out


def is_spreadsheet_path(path: str) -> bool:
    """Would a spreadsheet program open this output (by its suffix)?"""
    return str(path).split("|")[0].lower().endswith(SPREADSHEET_SUFFIXES)
