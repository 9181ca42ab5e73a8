"""Yes/no and category values of analysis inputs normalised against the catalogue.

Layers come from offices' own tools: ``krtp`` typed as "ya", sector "Makanan " with a trailing
space, typed in another case. Read as they are, such values are silently counted as "no" or split
into two columns with one name.
Every algorithm's reader passes its columns through here first. No Qt, no QGIS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core.importing.catalogue_match import lookup, value_key
from industri_rumahan_plugin.core.importing.values import parse_bool
from industri_rumahan_plugin.core.input_rules import fields_by_name


def slug(value: object) -> str:
    """An unknown value as a column-name fragment (the same rule as ``core.density.slug``)."""
    return re.sub(r"[^0-9a-z]+", "_", str(value).strip().lower()).strip("_") or "x"


@dataclass
class Normalised:
    """What normalising a column did: values changed to a code, values not in the catalogue."""

    field: str
    kind: str  # "category" or "boolean"
    changed: int = 0
    unknown: dict[str, int] = field(default_factory=dict)


def _uniques(values: Iterable) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values): each distinct value is judged once (a million rows hold
    a dozen sectors). Missing values get code -1."""
    array = np.asarray(values if isinstance(values, np.ndarray) else list(values), dtype=object)
    codes, uniques = pd.factorize(pd.Series(array, dtype=object), use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or \
        str(value).strip() == ""


def _spread(codes: np.ndarray, per_unique: list) -> np.ndarray:
    table = np.empty(len(per_unique) + 1, dtype=object)
    table[:-1] = per_unique
    table[-1] = None  # the NA sentinel -1 picks None
    return table[codes]


def _unknown_counts(codes: np.ndarray, uniques: np.ndarray, bad: list[bool]) -> dict[str, int]:
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    out: dict[str, int] = {}
    for value, is_bad, n in zip(uniques, bad, counts):
        if is_bad:
            key = str(value).strip()
            out[key] = out.get(key, 0) + int(n)
    return out


def normalise_category(values: Iterable, catalogue_name: str) -> tuple[np.ndarray, Normalised]:
    """Catalogue codes for codes and labels in any case and spacing ("Makanan ", "MAKANAN",
    "Food" -> ``makanan``); unknown values become one slug each, and are reported."""
    codes, uniques = _uniques(values)
    index = lookup(catalogue_name)
    mapped, bad = [], []
    for value in uniques:
        if _blank(value):
            mapped.append(None)
            bad.append(False)
            continue
        code = index.get(value_key(value))
        mapped.append(code if code is not None else slug(value))
        bad.append(code is None)
    report = Normalised("", "category")
    changed = np.asarray([m is not None and m != u for m, u in zip(mapped, uniques)] + [False])
    report.changed = int(changed[codes].sum())
    report.unknown = _unknown_counts(codes, uniques, bad)
    return _spread(codes, mapped), report


def _to_bool(value: object) -> tuple[bool | None, bool]:
    """(True/False/None, unknown) for one distinct value."""
    if _blank(value):
        return None, False
    if isinstance(value, (bool, np.bool_)):
        return bool(value), False
    if isinstance(value, (int, float, np.integer, np.floating)):
        return (bool(value), False) if value in (0, 1) else (None, True)
    parsed, bad = parse_bool(pd.Series([str(value)]))
    result = parsed.iloc[0]
    return (None if pd.isna(result) else bool(result)), bool(bad.iloc[0])


def normalise_bool(values: Iterable) -> tuple[np.ndarray, Normalised]:
    """True/False for booleans, 1/0 and the yes/no words offices type ("ya", "Tidak", "Y",
    "true", "1"); NULL stays None; anything else is None and reported."""
    codes, uniques = _uniques(values)
    judged = [_to_bool(v) for v in uniques]
    report = Normalised("", "boolean")
    changed = np.asarray([r is not None and not isinstance(u, (bool, np.bool_))
                          for (r, _), u in zip(judged, uniques)] + [False])
    report.changed = int(changed[codes].sum())
    report.unknown = _unknown_counts(codes, uniques, [b for _, b in judged])
    return _spread(codes, [r for r, _ in judged]), report


def normalise_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Normalised]]:
    """Normalise the catalogue and yes/no columns of the schema found in ``frame``."""
    known = fields_by_name()
    reports: list[Normalised] = []
    for name in frame.columns:
        spec = known.get(name)
        if spec is None or spec.personal:
            continue
        if spec.catalogue:
            values, report = normalise_category(frame[name].to_numpy(object), spec.catalogue)
        elif spec.type == "bool":
            values, report = normalise_bool(frame[name].to_numpy(object))
        else:
            continue
        frame[name] = values
        report.field = name
        reports.append(report)
    return frame, reports


def unknown_summary(report: Normalised, limit: int = 5) -> str:
    """'"kue basah" (3), "x" (1)': the most frequent unknown values, for a warning."""
    items = sorted(report.unknown.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f'"{k}" ({v})' for k, v in items[:limit])
    return shown + (", …" if len(items) > limit else "")
