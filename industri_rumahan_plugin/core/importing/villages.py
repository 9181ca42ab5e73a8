"""Find a row's village (desa/kelurahan) by code or name, for its codes and centroid.

Offices write "Desa Kudai", "KEL. SUNGAILIAT", "1901011003" or "19.01.01.1003". Names repeat
across districts (15 names in Bangka Belitung alone), so a name is disambiguated by the
district and regency columns when present; a name that stays ambiguous is reported, never
guessed. A centroid is an approximate location, flagged as such by the pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

COLUMNS = ("kode", "nama", "kec_kode", "kec_nama", "kab_kode", "kab_nama", "lon", "lat")
# Same place, two spellings (see data/README.md traps).
_ALIASES = {"muntok": "mentok", "pangkalpinang": "pangkalpinang"}
_PREFIX = re.compile(
    r"^(desa|kelurahan|kel|ds|dusun|kecamatan|kec|kabupaten|kab|kota|adm)\b\.?\s*"
)


def name_key(value: object) -> str:
    """'KEL. Sungai-Liat' -> 'sungailiat' (prefixes and punctuation dropped)."""
    text = str(value).lower().strip()
    for _ in range(2):
        text = _PREFIX.sub("", text).strip()
    key = re.sub(r"[^a-z0-9]", "", text)
    return _ALIASES.get(key, key)


def name_keys(values: pd.Series) -> pd.Series:
    """``name_key`` for a whole column (vectorised)."""
    text = values.fillna("").astype(str).str.lower().str.strip()
    for _ in range(2):
        text = text.str.replace(_PREFIX, "", regex=True).str.strip()
    keys = text.str.replace(r"[^a-z0-9]", "", regex=True)
    return keys.replace(_ALIASES)


def code_key(value: object) -> str:
    """'1901011003', '19.01.01.1003', '19.01.01.1003.0' -> '19.01.01.1003' ('' if not a code)."""
    digits = re.sub(r"\D", "", re.sub(r"\.0$", "", str(value).strip()))
    if len(digits) == 10:
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return ""


def load_village_table(path: str | Path) -> pd.DataFrame:
    """The repository's village table (``babel_desa_kelurahan_kode_centroid.csv`` layout)."""
    raw = pd.read_csv(path, dtype=str)
    table = pd.DataFrame({
        "kode": raw["kode"], "nama": raw["nama"], "kec_kode": raw["kec_kode"],
        "kec_nama": raw["kec_nama"], "kab_kode": raw["kab_kode"], "kab_nama": raw["kab_nama"],
        "lon": raw["centroid_lng"].astype(float), "lat": raw["centroid_lat"].astype(float),
    })
    return table


def resolve(
    code: pd.Series, village: pd.Series, district: pd.Series, regency: pd.Series,
    table: pd.DataFrame,
) -> pd.DataFrame:
    """Per row: ``kode_desa``, ``kode_kecamatan``, ``kode_kabupaten``, ``lon``, ``lat`` and
    ``problem`` ("" found, "none" nothing given, "unknown_code", "unknown_name", "ambiguous")."""
    index = code.index
    t = table.reset_index(drop=True).copy()
    t["k_nama"] = name_keys(t["nama"])
    t["k_kec"] = name_keys(t["kec_nama"])
    t["k_kab"] = name_keys(t["kab_nama"])
    rows = pd.DataFrame({
        "row": index,
        "k_code": code.fillna("").map(code_key),
        "raw_code": code.fillna("").astype(str).str.strip(),
        "k_nama": name_keys(village),
        "k_kec": name_keys(district),
        "k_kab": name_keys(regency),
    })
    out = pd.DataFrame({
        "kode_desa": None, "kode_kecamatan": None, "kode_kabupaten": None,
        "lon": float("nan"), "lat": float("nan"), "problem": "none",
    }, index=index)
    # 1. by code
    by_code = rows.merge(t, left_on="k_code", right_on="kode", how="inner")
    by_code = by_code.set_index("row")
    _fill(out, by_code)
    has_code = rows["raw_code"].ne("").to_numpy()
    unknown_code = has_code & ~out.index.isin(by_code.index)
    # 2. by name, narrowed by district then regency when that leaves fewer candidates
    todo = rows[~out.index.isin(by_code.index) & rows["k_nama"].ne("").to_numpy()]
    cand = todo.merge(t, on="k_nama", how="left", suffixes=("", "_t"), indicator=True)
    found = cand[cand["_merge"] == "both"].copy()
    for level in ("k_kec", "k_kab"):
        given = found[level].ne("")
        match = found[level] == found[f"{level}_t"]
        # a candidate survives if the row gave no name at this level, or it matches
        keep = ~given | match
        # ...but never drop every candidate of a row because of a misspelt district
        survivors = keep.groupby(found["row"]).transform("sum")
        found = found[keep | (survivors == 0)]
    counts = found.groupby("row")["kode"].nunique()
    unique_rows = counts[counts == 1].index
    _fill(out, found[found["row"].isin(unique_rows)].drop_duplicates("row").set_index("row"))
    out.loc[counts[counts > 1].index, "problem"] = "ambiguous"
    named = todo["row"]
    out.loc[named[~named.isin(counts.index)], "problem"] = "unknown_name"
    out.loc[unknown_code & out["problem"].isin(["none", "unknown_name"]).to_numpy(),
            "problem"] = "unknown_code"
    return out


def _fill(out: pd.DataFrame, matched: pd.DataFrame) -> None:
    if matched.empty:
        return
    idx = matched.index
    out.loc[idx, "kode_desa"] = matched["kode"].to_numpy()
    out.loc[idx, "kode_kecamatan"] = matched["kec_kode"].to_numpy()
    out.loc[idx, "kode_kabupaten"] = matched["kab_kode"].to_numpy()
    out.loc[idx, "lon"] = matched["lon"].to_numpy(dtype=float)
    out.loc[idx, "lat"] = matched["lat"].to_numpy(dtype=float)
    out.loc[idx, "problem"] = ""
