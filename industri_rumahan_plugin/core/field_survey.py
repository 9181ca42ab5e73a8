"""Field-survey packages (QField): what a package records and how a merge decides.

A package carries, per enterprise, a checksum of its values at packaging time. At merge time
the same checksum of the office's current record and of the field's record tells who changed
what since: only the field (update), only the office (keep the office's), both (a conflict
the user's rule decides), neither (nothing). Values are compared in a canonical form so that
the office file, the package and QGIS's reading of either agree (dates to the second, numbers
rounded, empty text as missing). Pure Python: no Qt, no QGIS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from industri_rumahan_plugin.core import schema

#: ``kunci``/``nilai`` table describing the package (format, source, time, fields).
MANIFEST_TABLE = "ir_survei"
#: One row per packaged enterprise: ``uid``, ``checksum`` at packaging time.
RECORDS_TABLE = "ir_survei_rekaman"
#: Created on demand in the office GeoPackage: the losing versions and deletions to review.
CONFLICTS_TABLE = "survei_konflik"
PACKAGE_FORMAT = "industri_rumahan_survei"
PACKAGE_FORMAT_VERSION = 1
#: Personal fields left out of a package unless asked for (phones get lost). The owner's name
#: and address stay: an officer needs them to find the household.
SENSITIVE_FIELDS: tuple[str, ...] = ("nik", "telepon")
#: Bookkeeping, not content: an edit that only touches these is no change.
BOOKKEEPING_FIELDS: frozenset[str] = frozenset({"dibuat", "diubah", "diubah_oleh"})
#: Conflict rules (parameter values, in order).
RULES: tuple[str, ...] = ("office", "field", "both")
PHOTO_FIELD = "foto"


def package_fields(include_personal: bool = False) -> list[str]:
    """The enterprise fields a package carries, in schema order."""
    return [f.name for f in schema.ENTERPRISE_FIELDS
            if include_personal or f.name not in SENSITIVE_FIELDS]


def safe_relative(path: str | None) -> str | None:
    """A stored relative path, or None for empty, absolute or escaping (``..``) paths."""
    if not path or not str(path).strip():
        return None
    text = str(path).strip().replace("\\", "/")
    pure = PurePosixPath(text)
    if pure.is_absolute() or ":" in pure.parts[0] or ".." in pure.parts:
        return None
    return str(pure)


def canonical(value: Any, kind: str) -> Any:
    """One value in the form both sides compare: JSON-safe, stable across readers."""
    if value is None:
        return None
    if kind == "string":
        text = str(value)
        return text if text.strip() else None
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "t", "yes")
        return bool(value)
    if kind in ("int", "int64"):
        try:
            return int(value)
        except (TypeError, ValueError):
            return str(value)
    if kind == "double":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        return None if number != number else round(number, 6)
    if kind == "datetime":
        return canonical_datetime(value)
    return str(value)


def canonical_datetime(value: Any) -> str | None:
    """``YYYY-MM-DDTHH:MM:SS`` from text (GeoPackage), ``datetime`` or ``date``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat() + "T00:00:00"
    text = str(value).strip().replace(" ", "T")
    if not text:
        return None
    if len(text) == 10:
        text += "T00:00:00"
    return text[:19]


def parse_datetime(value: Any) -> dt.datetime | None:
    """A stored date/time (any of the forms ``canonical_datetime`` reads) as ``datetime``."""
    text = canonical_datetime(value)
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None


def field_kinds(names: list[str]) -> dict[str, str]:
    """Schema type of each enterprise field (unknown names compare as text)."""
    known = {f.name: f.type for f in schema.ENTERPRISE_FIELDS}
    return {name: known.get(name, "string") for name in names}


@dataclass
class Record:
    """One enterprise as stored: raw values by field and the point (or None)."""

    uid: str
    values: dict[str, Any]
    xy: tuple[float, float] | None = None

    def content(self, names: list[str]) -> dict[str, Any]:
        """The canonical values that count as content (no bookkeeping), with the point."""
        kinds = field_kinds(names)
        out: dict[str, Any] = {n: canonical(self.values.get(n), kinds[n])
                               for n in names if n not in BOOKKEEPING_FIELDS}
        out["__xy__"] = None if self.xy is None else [round(self.xy[0], 7),
                                                      round(self.xy[1], 7)]
        return out

    def checksum(self, names: list[str]) -> str:
        text = json.dumps(self.content(names), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Difference:
    """One field that differs between the office's record and the field's."""

    name: str
    office: Any
    field: Any


@dataclass
class MergePlan:
    """Every decision of a merge, before anything is written."""

    added: list[str] = field(default_factory=list)
    updated: dict[str, list[Difference]] = field(default_factory=dict)
    #: uid -> (differences, winner: "office" | "field" | "both")
    conflicts: dict[str, tuple[list[Difference], str]] = field(default_factory=dict)
    #: packaged but missing from the package: deleted in the field (never applied)
    deleted: list[str] = field(default_factory=list)
    #: changed in the field but deleted in the office since packaging (not re-added)
    deleted_in_office: list[str] = field(default_factory=list)
    #: new in the field, but the office already has the uid with other values
    already_present: list[str] = field(default_factory=list)
    unchanged: int = 0
    office_newer: int = 0

    def writes_field_version(self, uid: str) -> bool:
        """Whether the office record becomes the field's (update or conflict won by field)."""
        if uid in self.updated:
            return True
        return uid in self.conflicts and self.conflicts[uid][1] == "field"

    def is_empty(self) -> bool:
        return not (self.added or self.updated or self.conflicts or self.deleted
                    or self.deleted_in_office)


def differences(office: Record, field_record: Record, names: list[str]) -> list[Difference]:
    """Content fields (and the point, as ``lokasi``) whose canonical values differ."""
    a, b = office.content(names), field_record.content(names)
    out = [Difference("lokasi" if k == "__xy__" else k, a[k], b[k])
           for k in a if a[k] != b[k]]
    return out


def plan_merge(packaged: dict[str, str], field_records: dict[str, Record],
               office: dict[str, Record], names: list[str], rule: str) -> MergePlan:
    """Decide every record: ``packaged`` uid -> checksum at packaging time, the package's
    records now, the office's records (at least those with these uids) now."""
    if rule not in RULES:
        raise ValueError(rule)
    plan = MergePlan()
    for uid in sorted(field_records):
        record = field_records[uid]
        current = office.get(uid)
        base = packaged.get(uid)
        field_sum = record.checksum(names)
        if current is None:
            if base is None:
                plan.added.append(uid)
            elif field_sum != base:
                plan.deleted_in_office.append(uid)
            continue
        office_sum = current.checksum(names)
        if office_sum == field_sum:
            plan.unchanged += 1
            continue
        if base is None:
            plan.already_present.append(uid)
            continue
        field_changed, office_changed = field_sum != base, office_sum != base
        diffs = differences(current, record, names)
        if field_changed and not office_changed:
            plan.updated[uid] = diffs
        elif office_changed and not field_changed:
            plan.office_newer += 1
        else:
            plan.conflicts[uid] = (diffs, rule)
    plan.deleted = sorted(uid for uid in packaged
                          if uid not in field_records and uid in office)
    return plan


def stage_change(office: Record | None, field_record: Record) -> str | None:
    """The field's stage when it differs from the office's (or the first one of a new
    record); None when the stage did not change or is empty."""
    new = canonical(field_record.values.get("tahap"), "string")
    old = None if office is None else canonical(office.values.get("tahap"), "string")
    return new if new and new != old else None


def field_date(field_record: Record, fallback: dt.datetime) -> dt.datetime:
    """When the field saw the record: its ``diubah`` (set by the form on every save), else
    ``dibuat``, else ``fallback``."""
    for name in ("diubah", "dibuat"):
        when = parse_datetime(field_record.values.get(name))
        if when is not None:
            return when
    return fallback


def version_json(record: Record, names: list[str]) -> str:
    """A record's values (all package fields, with the point) as JSON for the review table."""
    kinds = field_kinds(names)
    values = {n: canonical(record.values.get(n), kinds[n]) for n in names}
    values["x"], values["y"] = (record.xy if record.xy is not None else (None, None))
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def photo_target(folder: str, uid: str, relative: str) -> str:
    """Where a photo coming back from the field goes, relative to the database's folder:
    ``<folder>/<uid>_<file name>`` (one name per enterprise and photo, so merging twice
    finds it in place)."""
    name = relative.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{folder}/{uid}_{name}"


#: Levels of a Kemendagri code by its number of parts: 19.01 / 19.01.02 / 19.01.02.2007.
CODE_LEVELS = {2: "regencies", 3: "districts", 4: "villages"}
#: Enterprise field holding the code of each level.
LEVEL_FIELDS = {"regencies": "kode_kabupaten", "districts": "kode_kecamatan",
                "villages": "kode_desa"}


def parse_codes(text: str) -> tuple[dict[str, set[str]], list[str]]:
    """Codes typed by the user (comma, semicolon or space separated) by level, and the
    ones that are no Kemendagri region code."""
    levels: dict[str, set[str]] = {level: set() for level in LEVEL_FIELDS}
    bad = []
    for code in (c.strip() for c in text.replace(";", ",").replace(" ", ",").split(",")):
        if not code:
            continue
        parts = code.split(".")
        level = CODE_LEVELS.get(len(parts))
        if level is None or not all(p.isdigit() for p in parts):
            bad.append(code)
        else:
            levels[level].add(code)
    return levels, bad


def in_area(values: dict[str, Any], levels: dict[str, set[str]]) -> bool:
    """Whether an enterprise (its region-code fields) lies in any chosen region."""
    return any(str(values.get(LEVEL_FIELDS[level]) or "") in codes
               for level, codes in levels.items() if codes)
