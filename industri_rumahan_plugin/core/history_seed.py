"""Seed the history tables from a version-1 database's single fields, and check the result.

Upgrading to schema version 2 turns each enterprise's ``tahap`` into one stage-history row
(dated ``diubah``, else ``dibuat``, else the upgrade time; source ``impor``) and its
``pelatihan*`` / ``bantuan*`` fields into programme-register rows (free text -> catalogue code,
unknown -> ``lainnya``, the text kept in ``penyelenggara``), as core/demo_history.py does for
the demo. ``compare`` then checks that the derived fields (core/history_fields.py) give back
exactly the single fields, so nothing that reads them changes. Pure core: pandas.
"""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core import catalogue, history_fields, schema
from industri_rumahan_plugin.core.programme_text import KINDS, known_texts, programme_code

__all__ = ["KINDS", "SOURCE_FIELDS", "compare", "known_texts", "not_carried",
           "participation_rows", "programme_code", "stage_rows", "valid_stage"]

#: Enterprise fields the seeding reads.
SOURCE_FIELDS = ("uid", "tahap", "dibuat", "diubah",
                 *(f"{k}{s}" for k in KINDS for s in ("", "_program", "_tahun")))


def _flag(values: pd.Series) -> pd.Series:
    return values.map(lambda v: bool(v) if v is not None and v == v else False).astype(bool)


def valid_stage(enterprises: pd.DataFrame) -> pd.Series:
    """Enterprises with a uid and a catalogue stage (only they get a history row)."""
    return (enterprises["tahap"].isin(catalogue.codes(catalogue.STAGES))
            & enterprises["uid"].notna())


def stage_rows(enterprises: pd.DataFrame, fallback_date: str, user: str) -> pd.DataFrame:
    """One ``riwayat_tahap`` row per enterprise with a valid stage (schema field order)."""
    rows = enterprises[valid_stage(enterprises)]
    date = rows["diubah"].where(rows["diubah"].notna(), rows["dibuat"])
    date = date.where(date.notna(), fallback_date)
    frame = pd.DataFrame({"uid": rows["uid"].to_numpy(object),
                          "tahap": rows["tahap"].to_numpy(object),
                          "tanggal_berlaku": date.to_numpy(object),
                          "sumber": "impor", "pengguna": user})
    return frame[schema.field_names(schema.STAGE_HISTORY_FIELDS)]


def _has_row(enterprises: pd.DataFrame, kind: str) -> pd.Series:
    return (_flag(enterprises[kind]) & enterprises[f"{kind}_tahun"].notna()
            & enterprises["uid"].notna())


def participation_rows(enterprises: pd.DataFrame) -> pd.DataFrame:
    """``partisipasi_program`` rows from ``pelatihan*`` / ``bantuan*`` (a year is required)."""
    parts = []
    for kind in KINDS:
        rows = enterprises[_has_row(enterprises, kind)]
        text = rows[f"{kind}_program"].astype(object)
        parts.append(pd.DataFrame({
            "uid": rows["uid"].to_numpy(object), "jenis": kind,
            "program": [programme_code(t) for t in text],
            "tahun": rows[f"{kind}_tahun"].astype(int).to_numpy(),
            "penyelenggara": text.where(text.notna(), None).to_numpy(object),
            "catatan": None}))
    frame = pd.concat(parts, ignore_index=True)
    return frame[schema.field_names(schema.PROGRAMME_FIELDS)]


def not_carried(enterprises: pd.DataFrame) -> dict[str, int]:
    """What the single fields hold that the history cannot: counted for the report."""
    out = {"tanpa_uid": int(enterprises["uid"].isna().sum()),
           "tahap_tidak_valid": int((~enterprises["tahap"].isin(
               catalogue.codes(catalogue.STAGES))).sum())}
    for kind in KINDS:
        out[f"{kind}_tanpa_tahun"] = int((_flag(enterprises[kind])
                                          & enterprises[f"{kind}_tahun"].isna()).sum())
    return out


def compare(enterprises: pd.DataFrame, history: pd.DataFrame,
            participation: pd.DataFrame) -> dict[str, list[str]]:
    """uids whose derived fields differ from the single fields, per check (empty = equal).

    ``tahap``: the latest history stage must equal ``tahap`` (enterprises with a valid stage);
    ``pelatihan`` / ``bantuan``: the latest row of the kind must give back the year and the
    programme text (``penyelenggara``), and there must be no row where the fields say none.
    """
    out: dict[str, list[str]] = {}
    enterprises = enterprises[enterprises["uid"].notna()]
    by_uid = enterprises.drop_duplicates("uid", keep=False).set_index("uid")
    duplicated = sorted(set(enterprises["uid"]) - set(by_uid.index))
    derived = history_fields.current_stage(history)
    expected = by_uid["tahap"][valid_stage(by_uid.reset_index()).to_numpy()]
    got = derived.reindex(expected.index)
    bad = expected.index[(got != expected).to_numpy()]
    extra = derived.index.difference(expected.index)
    out["tahap"] = sorted({*map(str, bad), *map(str, extra), *duplicated})
    for kind in KINDS:
        last = history_fields.last_participation(participation, kind)
        has = by_uid[_has_row(by_uid.reset_index(), kind).to_numpy()]
        merged = has[[f"{kind}_program", f"{kind}_tahun"]].join(last, how="left")
        text, given = merged[f"{kind}_program"], merged["penyelenggara"]
        same_text = (text.isna() & given.isna()) | (text.astype(object) == given.astype(object))
        same_year = (pd.to_numeric(merged["tahun"], errors="coerce")
                     == pd.to_numeric(merged[f"{kind}_tahun"], errors="coerce"))
        wrong = [str(u) for u in merged.index[~(same_text & same_year).to_numpy()]]
        wrong += [str(u) for u in last.index.difference(has.index)]
        out[kind] = sorted(set(wrong) | set(duplicated))
    return out
