"""Parse latitude/longitude as offices type them, and check they fall in Indonesia.

Handles decimal degrees with a comma ("-1,8578"), degrees-minutes-seconds with hemisphere
letters in English or Indonesian (``1°51'28" LS``, ``106 7 20 BT``, ``S 1 51 28``), one column
holding both ("-1.85, 106.12"), swapped columns, and points outside Indonesia. Vectorised with
pandas string methods.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# Indonesia with a margin for its outer islands (Rondo, Miangas, Rote, Merauke).
BBOX = (94.0, -11.5, 141.5, 6.5)  # lon min, lat min, lon max, lat max

_NUM = r"\d+(?:[.,]\d+)?"
_DMS = (
    r"^\s*(?P<pre>[NSEWUTB]|LU|LS|BT|BB)?\s*(?P<sign>-)?\s*"
    rf"(?P<d>{_NUM})\s*(?:°|º|˚|deg|d|:|\s)\s*"
    rf"(?:(?P<m>{_NUM})\s*(?:'|′|’|m|:|\s)?\s*)?"
    rf"(?:(?P<s>{_NUM})\s*(?:\"|″|''|”|s)?\s*)?"
    r"(?P<post>[NSEWUTB]|LU|LS|BT|BB)?\s*$"
)
_NEGATIVE = {"S", "W", "B", "LS", "BB"}


def _decimal(text: pd.Series) -> pd.Series:
    """'106,12' and '106.12' -> float; anything else NaN."""
    cleaned = text.str.strip().str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned.where(cleaned.str.fullmatch(r"[-+]?\d+(?:\.\d+)?")),
                         errors="coerce")


def parse_degrees(values: pd.Series) -> pd.Series:
    """Decimal or DMS strings -> decimal degrees (float, NaN when unreadable)."""
    text = values.astype("string").fillna("").str.upper()
    result = _decimal(text)
    todo = result.isna() & text.str.strip().ne("")
    if todo.any():
        parts = text[todo].str.extract(_DMS)
        num = {
            k: pd.to_numeric(parts[k].str.replace(",", ".", regex=False), errors="coerce")
            for k in ("d", "m", "s")
        }
        minutes, seconds = num["m"].fillna(0.0), num["s"].fillna(0.0)
        ok = (num["d"].notna() & (minutes < 60) & (seconds < 60)).fillna(False).astype(bool)
        value = num["d"] + minutes / 60.0 + seconds / 3600.0
        hemi = parts["post"].fillna(parts["pre"])
        negative = (hemi.isin(_NEGATIVE) | parts["sign"].eq("-")).fillna(False)
        value = value.where(~negative.astype(bool), -value)
        result.loc[todo] = value.where(ok)
    return result.astype(float)


def split_latlon(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """One column "lat, lon" (or "lat; lon", "lat lon", "-1,85; 106,12") -> two strings."""
    text = values.astype("string").fillna("").str.strip()
    # ";" or "/" or "|" first; then comma followed by space; then a lone comma if dots are
    # the decimals; then whitespace between two plain numbers.
    pattern = (
        r"^\s*(?P<a>.+?)\s*(?:[;/|]|,\s+)\s*(?P<b>.+?)\s*$"
    )
    parts = text.str.extract(pattern)
    dots = text.str.fullmatch(r"\s*-?\d+\.\d+\s*,\s*-?\d+\.\d+\s*")
    alt = text.str.extract(r"^\s*(?P<a>-?\d+\.\d+)\s*,\s*(?P<b>-?\d+\.\d+)\s*$")
    parts.loc[dots.fillna(False), ["a", "b"]] = alt.loc[dots.fillna(False), ["a", "b"]]
    spaced = text.str.extract(r"^\s*(?P<a>-?\d+(?:[.,]\d+)?)\s+(?P<b>-?\d+(?:[.,]\d+)?)\s*$")
    missing = parts["a"].isna() & spaced["a"].notna()
    parts.loc[missing, ["a", "b"]] = spaced.loc[missing, ["a", "b"]]
    return parts["a"], parts["b"]


def in_indonesia(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    xmin, ymin, xmax, ymax = BBOX
    return (lon >= xmin) & (lon <= xmax) & (lat >= ymin) & (lat <= ymax)


def resolve_points(lat: pd.Series, lon: pd.Series) -> pd.DataFrame:
    """Decide each row's lon/lat and what was wrong.

    Returns columns ``lon``, ``lat`` (NaN when unusable) and ``problem``: "" (fine),
    "swapped" (columns were swapped; corrected), "outside" (not in Indonesia), "unreadable"
    (text that is not a coordinate), "missing" (empty).
    """
    la = parse_degrees(lat).to_numpy(dtype=float)
    lo = parse_degrees(lon).to_numpy(dtype=float)
    raw_lat = lat.astype("string").fillna("").str.strip().ne("").to_numpy()
    raw_lon = lon.astype("string").fillna("").str.strip().ne("").to_numpy()
    readable = ~np.isnan(la) & ~np.isnan(lo)
    with np.errstate(invalid="ignore"):
        straight = readable & in_indonesia(lo, la)
        swapped = readable & ~straight & in_indonesia(la, lo)
    out_lon = np.where(straight, lo, np.where(swapped, la, np.nan))
    out_lat = np.where(straight, la, np.where(swapped, lo, np.nan))
    problem = np.full(len(la), "", dtype=object)
    problem[~raw_lat & ~raw_lon] = "missing"
    problem[(raw_lat | raw_lon) & ~readable] = "unreadable"
    problem[readable & ~straight & ~swapped] = "outside"
    problem[swapped] = "swapped"
    return pd.DataFrame({"lon": out_lon, "lat": out_lat, "problem": problem}, index=lat.index)
