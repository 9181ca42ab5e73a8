"""Parse the free-typed cells of a spreadsheet: numbers, yes/no, NIK, phone numbers, text.

Every parser takes a string Series and returns ``(values, bad)``: parsed values (missing where
empty or unusable) and a boolean mask of cells that held something unusable, so the pipeline
can report them. Vectorised with pandas string methods.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_TRUE = {"ya", "y", "yes", "ada", "sudah", "punya", "memiliki", "1", "true", "benar", "v", "x",
         "✓", "pernah", "online", "iya"}
_FALSE = {"tidak", "tdk", "t", "no", "n", "belum", "blm", "tidak ada", "0", "false", "salah",
          "-", "belum ada", "tidak punya", "offline", "tidakpernah", "tidak pernah"}


def blank(text: pd.Series) -> pd.Series:
    """True where a cell is empty (or only spaces)."""
    return text.astype("string").fillna("").str.strip().eq("").astype(bool)


def clean_text(text: pd.Series) -> pd.Series:
    """Trimmed text with inner runs of spaces collapsed; empty cells -> None."""
    out = text.astype("string").fillna("").str.strip().str.replace(r"\s+", " ", regex=True)
    return out.astype(object).where(out.ne(""), None)


def parse_number(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'Rp 1.500.000', '1,5', '2.5 juta', '12 orang' -> float.

    Dots between groups of three digits are Indonesian thousands separators; a comma is the
    decimal mark, unless it separates thousands in an English-typed '1,500,000'.
    """
    t = text.astype("string").fillna("").str.lower().str.strip()
    t = t.str.replace(r"^rp\.?\s*", "", regex=True).str.replace(r"\s*(orang|org)$", "", regex=True)
    factor = pd.Series(1.0, index=t.index)
    for word, mult in (("ribu", 1e3), ("rb", 1e3), ("juta", 1e6), ("jt", 1e6), ("miliar", 1e9),
                       ("m", 1e9)):
        has = t.str.fullmatch(rf"[-\d.,]+\s*{word}").fillna(False).astype(bool)
        factor[has] = mult
        t = t.where(~has, t.str.replace(rf"\s*{word}$", "", regex=True))
    t = t.str.replace(" ", "", regex=False)
    thousands_dot = t.str.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?").fillna(False).astype(bool)
    thousands_comma = t.str.fullmatch(r"-?\d{1,3}(,\d{3}){2,}(\.\d+)?").fillna(False).astype(bool)
    t = t.where(~thousands_dot, t.str.replace(".", "", regex=False))
    t = t.where(~thousands_comma, t.str.replace(",", "", regex=False))
    t = t.str.replace(",", ".", regex=False)
    values = pd.to_numeric(t.where(t.str.fullmatch(r"-?\d+(\.\d+)?").fillna(False)),
                           errors="coerce") * factor
    bad = values.isna() & ~blank(text)
    return values.astype(float), bad


def parse_bool(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'Ya'/'Sudah'/'Ada'/'1' -> True, 'Tidak'/'Belum'/'0' -> False; missing stays None."""
    key = text.astype("string").fillna("").str.strip().str.lower().str.rstrip(".")
    values = pd.Series(None, index=text.index, dtype=object)
    values[key.isin(_TRUE).astype(bool)] = True
    values[key.isin(_FALSE).astype(bool)] = False
    bad = values.isna() & key.ne("").astype(bool)
    return values, bad


def parse_nik(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """NIK as 16 digits; returns (nik, bad, rounded).

    ``rounded`` marks NIKs Excel stored as a number in scientific notation (its last digits
    are lost: the column must be formatted as text).
    """
    t = text.astype("string").fillna("").str.strip().str.replace(r"^'", "", regex=True)
    rounded = t.str.contains(r"[eE]\+?\d+$", regex=True).fillna(False).astype(bool)
    t = t.str.replace(r"\.0+$", "", regex=True).str.replace(r"[\s.\-]", "", regex=True)
    ok = t.str.fullmatch(r"\d{16}").fillna(False).astype(bool) & ~rounded
    values = t.astype(object).where(ok, None)
    bad = ~ok & t.ne("").astype(bool)
    return values, bad, rounded


def parse_phone(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Indonesian phone numbers: '+62 812-3456-789', '0812 3456 789', '8123456789' (Excel
    dropped the 0) -> '08123456789'."""
    t = text.astype("string").fillna("").str.strip().str.replace(r"\.0+$", "", regex=True)
    t = t.str.replace(r"[\s\-().]", "", regex=True)
    t = t.str.replace(r"^(\+?62)", "0", regex=True)
    t = t.where(~t.str.fullmatch(r"8\d{7,11}").fillna(False).astype(bool), "0" + t)
    ok = t.str.fullmatch(r"0\d{6,13}").fillna(False).astype(bool)
    return t.astype(object).where(ok, None), ~ok & t.ne("").astype(bool)


def in_range(values: pd.Series, minimum: float | None, maximum: float | None) -> pd.Series:
    """True where a number is missing or within [minimum, maximum]."""
    ok = pd.Series(True, index=values.index)
    v = values.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        if minimum is not None:
            ok &= ~(v < minimum)
        if maximum is not None:
            ok &= ~(v > maximum)
    return ok


def parse_date(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'2025-08-15', '15/08/2025', '15-8-2025', '2025-08-15 00:00:00' or an Excel day number
    (45884) -> Timestamp (day first, as Indonesia writes dates); unusable -> NaT."""
    t = text.astype("string").fillna("").str.strip()
    out = pd.Series(pd.NaT, index=t.index, dtype="datetime64[ns]")
    iso = t.str.match(r"^\d{4}-\d{1,2}-\d{1,2}").fillna(False).astype(bool)
    out[iso] = pd.to_datetime(t[iso].str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    dmy = t.str.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$").fillna(False).astype(bool)
    parts = t[dmy].str.replace(r"[/.]", "-", regex=True)
    out[dmy] = pd.to_datetime(parts, errors="coerce", format="%d-%m-%Y")
    serial = t.str.fullmatch(r"\d{5}(\.0+)?").fillna(False).astype(bool)
    days = pd.to_numeric(t[serial], errors="coerce")
    out[serial] = pd.Timestamp("1899-12-30") + pd.to_timedelta(days, unit="D")
    bad = t.ne("") & out.isna()
    return out, bad


def parse_datetime(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'2025-08-15T10:11:12.000+07:00' (ODK/KoBo), '2025-08-15 10:11', or any date
    ``parse_date`` reads -> ``datetime`` (None where empty or unusable). The clock time is
    kept as written: the offset is dropped, not converted (the office's own time zone)."""
    t = text.astype("string").fillna("").str.strip()
    iso = t.str.match(r"^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}").fillna(False).astype(bool)
    wall = t[iso].str.replace(r"(Z|[+-]\d{2}:?\d{2})$", "", regex=True).str.replace("T", " ")
    out = pd.Series(pd.NaT, index=t.index, dtype="datetime64[ns]")
    out[iso] = pd.to_datetime(wall, errors="coerce", format="ISO8601")
    dates, _bad = parse_date(t.where(~iso, ""))
    out = out.where(iso, dates)
    bad = t.ne("") & out.isna()
    values = pd.Series([None if pd.isna(v) else v.to_pydatetime().replace(microsecond=0)
                        for v in out], index=t.index, dtype=object)
    return values, bad
