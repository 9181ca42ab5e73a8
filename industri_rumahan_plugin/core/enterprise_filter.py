"""Search, filters, counts and masking for the enterprise list (vectorised, pure core).

The dock reads the layer once into a DataFrame; every keystroke in the search box and every
filter change is one vectorised pass here, so the list stays responsive at 100,000 rows.
NIK and phone are masked for the list: only the form shows them in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

#: Columns the list needs (one request reads only these).
LIST_FIELDS = (
    "nama_usaha", "nama_pemilik", "produk_utama", "sektor", "tahap", "jenis_kelamin_pemilik",
    "krtp", "status_binaan", "kode_desa", "kode_kecamatan", "kode_kabupaten", "nik", "telepon",
)
SEARCH_FIELDS = ("nama_usaha", "nama_pemilik", "produk_utama", "nama_desa")
#: filter name -> column; values compared as strings ("true"/"false" for booleans).
FILTER_COLUMNS = {
    "kabupaten": "kode_kabupaten", "kecamatan": "kode_kecamatan", "sektor": "sektor",
    "tahap": "tahap", "krtp": "krtp", "perempuan": "jenis_kelamin_pemilik",
    "status_binaan": "status_binaan",
}


@dataclass
class Query:
    """What the user asked for: free text and exact-match filters (``None`` = any)."""

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)


def mask_nik(nik: Any) -> str:
    """'1971014506880001' -> '1971••••••••0001' (region code and serial stay readable)."""
    if nik is None or (isinstance(nik, float) and nik != nik) or str(nik) == "":
        return ""
    text = str(nik)
    if len(text) <= 8:
        return "•" * len(text)
    return text[:4] + "•" * (len(text) - 8) + text[-4:]


def mask_phone(phone: Any) -> str:
    """'081234567890' -> '0812••••7890'."""
    return mask_nik(phone)


def prepare(frame: pd.DataFrame, village_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Add the lower-case search text and normalised filter columns (done once per load).

    Built column by column into a new frame (no copy/consolidation of the input blocks).
    """
    n = len(frame)
    columns: dict[str, Any] = {c: frame[c].to_numpy() for c in frame.columns}
    codes = frame["kode_desa"] if "kode_desa" in frame else pd.Series([None] * n, dtype=object)
    columns["nama_desa"] = codes.map(dict(village_names or {})).fillna("").to_numpy(object)
    haystack = None
    for name in SEARCH_FIELDS:
        part = (pd.Series(columns[name], dtype=object).fillna("").astype(str)
                if name in columns else pd.Series([""] * n, dtype=object))
        haystack = part if haystack is None else haystack + "\u0001" + part
    columns["_search"] = haystack.str.lower().to_numpy(object)
    for name, column in FILTER_COLUMNS.items():
        if column not in columns:
            columns[f"_f_{name}"] = np.full(n, "", dtype=object)
            continue
        values = pd.Series(columns[column], dtype=object)
        if name == "krtp":
            truth = values.map(lambda v: v is not None and v == v and bool(v)).to_numpy(bool)
            columns[f"_f_{name}"] = np.where(truth, "true", "false")
        elif name == "perempuan":
            columns[f"_f_{name}"] = np.where(values.to_numpy(object) == "P", "true", "false")
        else:
            columns[f"_f_{name}"] = values.fillna("").astype(str).to_numpy(object)
    return pd.DataFrame(columns)


def matches(prepared: pd.DataFrame, query: Query) -> np.ndarray:
    """Boolean mask of rows matching the text (all words, any search field) and filters."""
    mask = np.ones(len(prepared), dtype=bool)
    for name, wanted in query.filters.items():
        if wanted is None or wanted == "" or name not in FILTER_COLUMNS:
            continue
        if isinstance(wanted, bool):
            wanted = "true" if wanted else "false"
        mask &= (prepared[f"_f_{name}"] == str(wanted)).to_numpy()
    for word in query.text.lower().split():
        if not mask.any():
            break
        hay = prepared["_search"].to_numpy()[mask]
        hit = pd.Series(hay).str.contains(word, regex=False).to_numpy()
        idx = np.flatnonzero(mask)
        mask[idx[~hit]] = False
    return mask


def counts(prepared: pd.DataFrame, mask: np.ndarray) -> dict[str, int]:
    """Shown, total, women-owned and KRTP counts for the status line."""
    women = prepared["_f_perempuan"].to_numpy()[mask] == "true"
    krtp = prepared["_f_krtp"].to_numpy()[mask] == "true"
    return {"total": len(prepared), "shown": int(mask.sum()), "women": int(women.sum()),
            "krtp": int(krtp.sum())}
