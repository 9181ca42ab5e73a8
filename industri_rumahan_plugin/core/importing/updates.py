"""A later survey's rows -> updates of the enterprises already there, and stage history.

``pipeline.prepare_import`` matches each row to an existing enterprise (uid, else NIK, else
name + village; ``ImportResult.matched``). Here a matched row's filled-in values are compared
with the stored ones: each difference is a change (an empty cell never blanks a stored value;
the location — point and region codes — is kept). A stage that differs is recorded in the
stage history with the survey date (``sumber = "impor"``), and the enterprise's ``tahap``
becomes the stage the history then ends with (``history_fields.current_stage``), so an older
survey imported after a newer edit records its observation without overwriting the newer
stage. A new enterprise gets its first history row. Rows already in the history (same uid,
stage and day) are not added again, so importing the same file twice changes nothing.
Pure pandas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.history_fields import current_stage
from industri_rumahan_plugin.core.importing.pipeline import APPROXIMATE_NOTE, ImportResult

#: Fields an import never changes on an existing enterprise (identity, bookkeeping, location).
KEPT = ("uid", "dibuat", "diubah", "diubah_oleh", "kode_desa", "kode_kecamatan",
        "kode_kabupaten")
CHANGE_COLUMNS = ["row", "fid", "uid", "nama_usaha", "field", "old", "new"]
HISTORY_COLUMNS = ["row", "uid", "tahap", "tanggal_berlaku"]
PERSONAL_SHOWN = "•••"


@dataclass
class UpdatePlan:
    """What an import changes besides adding rows."""

    changes: pd.DataFrame  # CHANGE_COLUMNS, one row per changed field
    history: pd.DataFrame  # HISTORY_COLUMNS, the stage-history rows to add (sumber "impor")

    def updated_rows(self) -> list[int]:
        return sorted(set(self.changes["row"]))

    def by_fid(self) -> dict[int, dict[str, object]]:
        """fid -> {field: new value} for the writer."""
        out: dict[int, dict[str, object]] = {}
        for fid, name, new in zip(self.changes["fid"], self.changes["field"],
                                  self.changes["new"]):
            out.setdefault(int(fid), {})[name] = new
        return out

    def report(self) -> pd.DataFrame:
        """Report rows (``pipeline.REPORT_COLUMNS``): every change and history row."""
        personal = set(schema.personal_fields())
        lines = []
        for row, name, field_name, old, new in zip(
                self.changes["row"], self.changes["nama_usaha"], self.changes["field"],
                self.changes["old"], self.changes["new"]):
            shown = (f"{PERSONAL_SHOWN} → {PERSONAL_SHOWN}" if field_name in personal
                     else f"{_text(old)} → {_text(new)}")
            lines.append((row, "", field_name, "changed", "updated", f"{name}: {shown}"))
        names = dict(zip(self.changes["uid"], self.changes["nama_usaha"]))
        for row, uid, stage, when in zip(self.history["row"], self.history["uid"],
                                         self.history["tahap"], self.history["tanggal_berlaku"]):
            name = names.get(uid, "")
            detail = f"{name}: {stage}, {when:%Y-%m-%d}" if name else f"{stage}, {when:%Y-%m-%d}"
            lines.append((row, "", "tahap", "stage_recorded", "recorded", detail))
        return pd.DataFrame(lines, columns=["row", "column", "field", "code", "severity",
                                            "detail"])


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (
        isinstance(value, str) and not value.strip())


def same_value(old: object, new: object, kind: str) -> bool:
    """Stored and imported values equal for the field's type (3 == 3.0, ' a' == 'a')."""
    if _empty(old):
        return _empty(new)
    try:
        if kind in ("int", "int64", "double"):
            return float(old) == float(new)
        if kind == "bool":
            return bool(old) == bool(new)
    except (TypeError, ValueError):
        return False
    return str(old).strip() == str(new).strip()


def _import_note(value: object) -> object:
    """The sheet's own note: the importer's approximate-location remark is not a change
    (an existing enterprise keeps its point)."""
    if _empty(value):
        return None
    text = str(value).replace(f" | {APPROXIMATE_NOTE}", "").replace(APPROXIMATE_NOTE, "")
    return text.strip() or None


def plan_updates(
    result: ImportResult,
    existing: pd.DataFrame,
    survey_dates: pd.Series,
    history: pd.DataFrame | None = None,
) -> UpdatePlan:
    """Changes to matched enterprises and the history rows to add.

    ``existing``: the enterprise layer's records (``fid`` plus schema columns), indexed as
    ``result.matched`` refers to them; ``survey_dates``: the date each spreadsheet row was
    surveyed (``datetime``); ``history``: the stored stage history (``uid, tahap,
    tanggal_berlaku``), ``None`` when the database has no history table (then no history
    rows are planned and a changed stage is written as it is).
    """
    mapped = set(result.mapping.values())
    fields = [f for f in schema.ENTERPRISE_FIELDS
              if f.name in mapped and f.name not in KEPT and f.name in existing.columns]
    known: set = set()
    rows_of: dict = {}  # uid -> positions of its history rows
    if history is not None and len(history):
        history = history.reset_index(drop=True)
        days = pd.to_datetime(history["tanggal_berlaku"], errors="coerce").dt.normalize()
        known = set(zip(history["uid"].astype(str), history["tahap"].astype(str), days))
        rows_of = history.groupby(history["uid"].astype(str)).indices
    changes: list[tuple] = []
    new_history: list[tuple] = []
    matched = result.matched[result.status.eq("exists")].dropna()
    for row, position in matched.items():
        stored = existing.loc[int(position)]
        record = result.records.loc[row]
        uid = str(stored["uid"])
        when = pd.Timestamp(survey_dates[row])
        for spec in fields:
            new = record[spec.name]
            if spec.name == "catatan":
                new = _import_note(new)
            if _empty(new) or spec.name == "tahap":
                continue
            if not same_value(stored[spec.name], new, spec.type):
                changes.append((row, stored["fid"], uid, stored["nama_usaha"], spec.name,
                                stored[spec.name], new))
        stage = record["tahap"] if "tahap" in mapped else None
        if _empty(stage) or stage == stored["tahap"]:
            continue
        target = stage
        if history is not None:
            if (uid, str(stage), when.normalize()) in known:
                continue  # recorded by an earlier import of this survey
            new_history.append((row, uid, stage, when.to_pydatetime()))
            own = history.iloc[rows_of.get(uid, [])] if len(history) else history
            target = _stage_after(own, uid, stage, when, stored["tahap"])
        if target != stored["tahap"]:
            changes.append((row, stored["fid"], uid, stored["nama_usaha"], "tahap",
                            stored["tahap"], target))
    if history is not None:
        for row, record in result.accepted().iterrows():
            if not _empty(record["tahap"]):
                new_history.append((row, str(record["uid"]), record["tahap"],
                                    pd.Timestamp(survey_dates[row]).to_pydatetime()))
    changes_frame = pd.DataFrame(changes, columns=CHANGE_COLUMNS)
    history_frame = pd.DataFrame(new_history, columns=HISTORY_COLUMNS).sort_values(
        "row", kind="stable").reset_index(drop=True)
    return UpdatePlan(changes_frame, history_frame)


def _stage_after(own: pd.DataFrame, uid: str, stage: str, when: pd.Timestamp,
                 stored: object) -> object:
    """The enterprise's stage once the new row is in its history (``own``: its rows)."""
    own = own[["uid", "tahap", "tanggal_berlaku"]].assign(uid=uid)
    added = pd.DataFrame({"uid": [uid], "tahap": [stage], "tanggal_berlaku": [when]})
    frame = pd.concat([own, added], ignore_index=True)
    frame["tanggal_berlaku"] = pd.to_datetime(frame["tanggal_berlaku"], errors="coerce")
    derived = current_stage(frame)
    return derived.get(uid, stored)


def survey_dates(given: pd.Series | None, default: dt.date, index: pd.Index) -> pd.Series:
    """Each row's survey date: the sheet's date where readable, else ``default``."""
    fallback = pd.Timestamp(default)
    if given is None:
        return pd.Series(fallback, index=index)
    return given.reindex(index).where(given.reindex(index).notna(), fallback)
