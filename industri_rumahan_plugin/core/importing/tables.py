"""Read the offices' XLSX/CSV files as text, and write reports and exports.

Every cell is read as text so the parsers see what the office typed (a NIK stays 16 digits, a
phone keeps its 0). The header row is found among the first rows (offices put a title above
their table); CSV separators ``;``, ``,`` and tab are detected from the header line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue, cell_safety, publication, schema
from industri_rumahan_plugin.core.importing import headers, sniff

MAX_TITLE_ROWS = 10
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
#: Photos leave the database only with the owner's consent to publication.
PHOTO_FIELDS = ("foto",)


class TableError(Exception):
    """A file that cannot be read as a table; the message names the file.

    ``kind`` (one of ``sniff.KINDS``) says why, for a translated message; ``detail`` keeps
    the library's own words.
    """

    def __init__(self, message: str, kind: str = "unreadable", detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


def _sniff_separator(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, errors="replace") as handle:
        lines = [handle.readline() for _ in range(MAX_TITLE_ROWS)]
    best, best_score = ",", -1
    for sep in (";", "\t", ",", "|"):
        score = max((line.count(sep) for line in lines), default=0)
        # ';' files usually hold comma decimals: prefer ';' on a tie
        if score > best_score:
            best, best_score = sep, score
    return best


def _read_raw(path: Path, sheet: str | int | None,
              excel_reader: Callable[[Path, str | int | None], pd.DataFrame] | None = None,
              ) -> pd.DataFrame:
    if path.suffix.lower() in EXCEL_SUFFIXES and excel_reader is not None:
        return excel_reader(path, sheet)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return pd.read_excel(path, sheet_name=sheet if sheet not in (None, "") else 0,
                             header=None, dtype=str, keep_default_na=False)
    if path.stat().st_size == 0:
        raise TableError(f"{path.name}: the file is empty", "empty_file")
    encoding = sniff.text_encoding(path)
    for attempt in dict.fromkeys((encoding, sniff.latin_fallback(encoding))):
        try:
            sep = _sniff_separator(path, attempt)
            return pd.read_csv(path, sep=sep, header=None, dtype=str, keep_default_na=False,
                               encoding=attempt, skip_blank_lines=True, engine="python")
        except UnicodeError:
            continue
        except pd.errors.EmptyDataError as exc:
            raise TableError(f"{path.name}: the file is empty", "empty_file",
                             str(exc)) from exc
    raise TableError(f"{path.name}: unknown text encoding", "encoding")


def _excel_check(path: Path) -> None:
    if path.suffix.lower() not in EXCEL_SUFFIXES:
        return
    kind = sniff.excel_problem(path)
    if kind == "old_excel" and path.suffix.lower() == ".xls":
        return  # a real Excel 97-2003 file: pandas reads it when xlrd is installed
    if kind:
        raise TableError(f"{path.name}: {kind.replace('_', ' ')}", kind)


def read_table(
    path: str | Path, sheet: str | int | None = None,
    excel_reader: Callable[[Path, str | int | None], pd.DataFrame] | None = None,
) -> tuple[pd.DataFrame, int]:
    """The table as text, indexed by spreadsheet row number (blank rows dropped), and the
    row number of the header's next row.

    ``excel_reader(path, sheet)`` reads a workbook's cells as text without a header (the
    plugin passes GDAL's, ``adapters.xlsx.read_raw``); by default pandas with openpyxl.
    """
    path = Path(path)
    if not path.is_file():
        raise TableError(f"{path}: file not found", "not_found")
    try:
        _excel_check(path)
        raw = _read_raw(path, sheet, excel_reader)
    except TableError:
        raise
    except ImportError as exc:  # .xls without xlrd
        raise TableError(f"{path.name}: {exc}", "old_excel", str(exc)) from exc
    except Exception as exc:  # any library's failure becomes a named, reported one
        raise TableError(f"{path.name}: {exc}", "unreadable",
                         f"{type(exc).__name__}: {exc}") from exc
    if raw.empty:
        raise TableError(f"{path.name}: the table is empty", "empty_file")
    top = raw.head(MAX_TITLE_ROWS)
    scores = [headers.header_score(row) for row in top.itertuples(index=False)]
    header_at = max(range(len(scores)), key=lambda i: (scores[i], -i))
    if scores[header_at] == 0:
        header_at = 0
    names = [str(c).strip() or f"kolom_{i + 1}" for i, c in enumerate(raw.iloc[header_at])]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):  # duplicate headers get a suffix
        if name in seen:
            seen[name] += 1
            names[i] = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
    body = raw.iloc[header_at + 1:].copy()
    for column in body.columns:  # an export's neutralised '=… back to what was typed
        body[column] = cell_safety.restore_text(body[column])
    body.columns = names
    first_row = header_at + 2
    body.index = range(first_row, first_row + len(body))
    keep = body.apply(lambda c: c.fillna("").astype(str).str.strip().ne("")).any(axis=1)
    if not keep.any():
        raise TableError(f"{path.name}: a header row but no data rows", "no_rows")
    return body[keep], first_row


def write_table(frame: pd.DataFrame, path: str | Path, sheet: str = "Data") -> Path:
    """XLSX (by suffix) or CSV with ';' (opens in an Indonesian-locale Excel); formula-like
    text neutralised (``core.cell_safety``)."""
    path = Path(path)
    frame = cell_safety.neutralise_frame(frame)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name=sheet, index=False)
            sheet_obj = writer.sheets[sheet]
            for i, column in enumerate(frame.columns, start=1):
                width = max([len(str(column)), *frame[column].astype(str).str.len().head(200)])
                sheet_obj.column_dimensions[sheet_obj.cell(1, i).column_letter].width = min(
                    max(width + 2, 8), 60)
    else:
        # CRLF rows, as Excel writes them: a CR or LF inside a cell is then quoted
        frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path


def mask_nik(nik: pd.Series) -> pd.Series:
    """'1901014101900001' -> '190101******0001': region code and last digits only."""
    text = nik.astype("string")
    masked = text.str[:6] + "******" + text.str[-4:]
    return masked.where(text.str.len() == 16, text).astype(object).where(text.notna(), None)


def without_unconsented(photos: pd.Series, records: pd.DataFrame) -> pd.Series:
    """Photo paths only where the owner agreed to publication (``izin_publikasi`` true);
    without a consent column, none (``core.publication``'s rule)."""
    agreed = publication.consented(records).reindex(photos.index, fill_value=False)
    return photos.astype(object).where(agreed.to_numpy(dtype=bool), None)


def export_frame(
    records: pd.DataFrame, lon: pd.Series, lat: pd.Series, *, mask: bool = True,
    lang: str = "id",
) -> pd.DataFrame:
    """Records with headers and catalogue labels in ``lang``, NIK masked unless ``mask=False``,
    photos only of owners who agreed to publication.

    The headers are the schema aliases, which ``headers.match_headers`` reads back, so an
    export re-imports cleanly (and adds nothing: the uid column matches).
    """
    out = pd.DataFrame(index=records.index)
    for spec in schema.ENTERPRISE_FIELDS:
        if spec.name not in records.columns:
            continue
        column = records[spec.name]
        if spec.catalogue:
            labels = catalogue.label_map(catalogue.CATALOGUES[spec.catalogue], lang)
            column = column.map(labels).where(column.notna(), None)
        elif spec.type == "bool":
            yes, no = ("Ya", "Tidak") if lang == "id" else ("Yes", "No")
            flag = column.astype(object)
            column = pd.Series(np.where(flag.astype(bool), yes, no), index=flag.index,
                               dtype=object).where(flag.notna(), None)
        elif spec.name == "nik" and mask:
            column = mask_nik(column)
        elif spec.name in PHOTO_FIELDS:
            column = without_unconsented(column, records)
        out[spec.alias(lang)] = column
    out["Lintang" if lang == "id" else "Latitude"] = lat.round(6)
    out["Bujur" if lang == "id" else "Longitude"] = lon.round(6)
    return out.reset_index(drop=True)
