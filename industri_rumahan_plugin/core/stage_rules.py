"""Stage suggestion (pemula / berkembang / maju) from rules that are data, not code.

No public source gives the indicators or thresholds between IR 1, IR 2 and IR 3 (Permen PPPA
2/2016 is only public as a preamble), so the office decides the stage and the plugin only
suggests one, with its reasons. The rules are a JSON-serialisable dict stored in the project
(or the GeoPackage) and edited in a small dialog. Each criterion adds points when all of its
conditions (and, if given, any of its ``any`` conditions) hold; the total against the
thresholds gives the suggestion.

Default rules (documented proxies, not official thresholds):
- permits, the progress measure KemenPPPA reports (PIRT, IUMK/NIB): NIB + PIRT 2 points,
  NIB alone 1, a halal certificate or BPOM registration 1;
- workers, after BPS (micro 1-4 workers, small 5-19): 5 or more 2 points, 2-4 1 point;
- monthly turnover: Rp25 million or more 2 points (about Rp300 million a year, below the
  Rp500 million SEHATI ceiling for micro/small), Rp5-25 million 1 point;
- market reach, one of KemenPPPA's five IR services: national or export 2 points,
  between regencies 1; selling online 1 point.
Thresholds: 3 points -> berkembang, 7 points -> maju (out of 10).
Pure Python with an optional vectorised pandas path for whole layers.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue, schema

OPERATORS = ("==", "!=", ">=", ">", "<=", "<", "in")

DEFAULT_RULES: dict[str, Any] = {
    "version": 1,
    "thresholds": {"berkembang": 3, "maju": 7},
    "criteria": [
        {"id": "nib_pirt", "points": 2,
         "all": [["izin_nib", "==", True], ["izin_pirt", "==", True]],
         "reason": {"id": "punya NIB dan PIRT", "en": "has NIB and PIRT"}},
        {"id": "nib", "points": 1,
         "all": [["izin_nib", "==", True], ["izin_pirt", "!=", True]],
         "reason": {"id": "punya NIB", "en": "has NIB"}},
        {"id": "halal_bpom", "points": 1,
         "any": [["izin_halal", "==", True], ["izin_bpom", "==", True]],
         "reason": {"id": "punya sertifikat halal atau izin edar BPOM",
                    "en": "has a halal certificate or BPOM registration"}},
        {"id": "pekerja_5", "points": 2, "all": [["jumlah_pekerja", ">=", 5]],
         "reason": {"id": "5 pekerja atau lebih", "en": "5 or more workers"}},
        {"id": "pekerja_2", "points": 1,
         "all": [["jumlah_pekerja", ">=", 2], ["jumlah_pekerja", "<", 5]],
         "reason": {"id": "2-4 pekerja", "en": "2-4 workers"}},
        {"id": "omzet_25jt", "points": 2, "all": [["omzet_bulanan_rp", ">=", 25_000_000]],
         "reason": {"id": "omzet Rp25 juta/bulan atau lebih",
                    "en": "turnover Rp25 million/month or more"}},
        {"id": "omzet_5jt", "points": 1,
         "all": [["omzet_bulanan_rp", ">=", 5_000_000], ["omzet_bulanan_rp", "<", 25_000_000]],
         "reason": {"id": "omzet Rp5-25 juta/bulan", "en": "turnover Rp5-25 million/month"}},
        {"id": "pasar_nasional", "points": 2, "all": [["pemasaran", "in", ["nasional", "ekspor"]]],
         "reason": {"id": "pemasaran nasional atau ekspor", "en": "national or export market"}},
        {"id": "pasar_antar_kabupaten", "points": 1,
         "all": [["pemasaran", "==", "antar_kabupaten"]],
         "reason": {"id": "pemasaran antar-kabupaten", "en": "sells between regencies"}},
        {"id": "online", "points": 1, "all": [["pemasaran_online", "==", True]],
         "reason": {"id": "pemasaran online", "en": "sells online"}},
    ],
}


class RulesError(ValueError):
    """Rules that cannot be used; ``args[0]`` is a list of (English, Indonesian) messages."""


@dataclass(frozen=True)
class Suggestion:
    stage: str
    score: float
    reasons: tuple[dict[str, str], ...]  # {"id": ..., "en": ...} per matched criterion
    thresholds: Mapping[str, float]

    def reason_text(self, lang: str = "id") -> str:
        return ", ".join(r.get(lang) or r.get("en", "") for r in self.reasons)


def default_rules() -> dict[str, Any]:
    return copy.deepcopy(DEFAULT_RULES)


def check_rules(rules: Any) -> list[tuple[str, str]]:
    """Problems with a rules dict as (English, Indonesian) messages; empty when usable."""
    problems: list[tuple[str, str]] = []
    if not isinstance(rules, Mapping):
        return [("The rules must be a JSON object.", "Aturan harus berupa objek JSON.")]
    names = set(schema.field_names())
    thresholds = rules.get("thresholds", {})
    try:
        low, high = float(thresholds["berkembang"]), float(thresholds["maju"])
        if not 0 <= low <= high:
            problems.append(("Thresholds must satisfy 0 <= berkembang <= maju.",
                             "Ambang harus memenuhi 0 <= berkembang <= maju."))
    except (KeyError, TypeError, ValueError):
        problems.append(("Thresholds for berkembang and maju must be numbers.",
                         "Ambang berkembang dan maju harus berupa angka."))
    criteria = rules.get("criteria")
    if not isinstance(criteria, list):
        return [*problems, ("'criteria' must be a list.", "'criteria' harus berupa daftar.")]
    for i, crit in enumerate(criteria, start=1):
        if not isinstance(crit, Mapping):
            problems.append((f"Criterion {i} is not an object.", f"Kriteria {i} bukan objek."))
            continue
        if not isinstance(crit.get("points"), (int, float)) or isinstance(crit["points"], bool):
            problems.append((f"Criterion {i}: points must be a number.",
                             f"Kriteria {i}: poin harus berupa angka."))
        conditions = list(crit.get("all", [])) + list(crit.get("any", []))
        if not conditions:
            problems.append((f"Criterion {i} has no condition.", f"Kriteria {i} tanpa syarat."))
        for cond in conditions:
            if (not isinstance(cond, (list, tuple)) or len(cond) != 3
                    or cond[0] not in names or cond[1] not in OPERATORS):
                problems.append((f"Criterion {i}: invalid condition {cond!r}.",
                                 f"Kriteria {i}: syarat tidak sah {cond!r}."))
    return problems


def from_json(text: str) -> dict[str, Any]:
    """Parse and check stored rules; raises ``RulesError`` with bilingual messages."""
    try:
        rules = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise RulesError([(f"Not valid JSON: {exc}", f"Bukan JSON yang sah: {exc}")]) from exc
    problems = check_rules(rules)
    if problems:
        raise RulesError(problems)
    return rules


def to_json(rules: Mapping[str, Any]) -> str:
    return json.dumps(rules, ensure_ascii=False, indent=1)


def _holds(value: Any, op: str, target: Any) -> bool:
    if value is None or (isinstance(value, float) and value != value):
        return op == "!=" and target is not None
    try:
        if op == "==":
            return value == target
        if op == "!=":
            return value != target
        if op == "in":
            return value in target
        number, limit = float(value), float(target)
    except (TypeError, ValueError):
        return False
    return {">=": number >= limit, ">": number > limit, "<=": number <= limit,
            "<": number < limit}[op]


def _matches(record: Mapping[str, Any], crit: Mapping[str, Any]) -> bool:
    if not all(_holds(record.get(f), op, t) for f, op, t in crit.get("all", [])):
        return False
    anys = crit.get("any", [])
    return not anys or any(_holds(record.get(f), op, t) for f, op, t in anys)


def stage_for_score(score: float, thresholds: Mapping[str, float]) -> str:
    if score >= float(thresholds["maju"]):
        return "maju"
    if score >= float(thresholds["berkembang"]):
        return "berkembang"
    return "pemula"


def suggest(record: Mapping[str, Any], rules: Mapping[str, Any] | None = None) -> Suggestion:
    """The suggested stage of one record with the reasons that gave it points."""
    rules = rules or DEFAULT_RULES
    matched = [c for c in rules["criteria"] if _matches(record, c)]
    score = float(sum(c["points"] for c in matched))
    reasons = tuple(dict(c.get("reason") or {"id": c["id"], "en": c["id"]}) for c in matched)
    thresholds = rules["thresholds"]
    return Suggestion(stage_for_score(score, thresholds), score, reasons, dict(thresholds))


def _condition_mask(frame: pd.DataFrame, cond: list) -> np.ndarray:
    name, op, target = cond
    column = frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index)
    if op in ("==", "!=", "in"):
        values = column.to_numpy(dtype=object)
        present = ~pd.isna(column).to_numpy()
        if op == "in":
            return present & np.isin(values, list(target))
        equal = present & (values == target)
        return equal if op == "==" else ~equal
    numbers = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        result = {">=": numbers >= target, ">": numbers > target, "<=": numbers <= target,
                  "<": numbers < target}[op]
    return result & ~np.isnan(numbers)


def suggest_frame(frame: pd.DataFrame, rules: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Vectorised ``suggest`` for a whole layer: columns ``score`` and ``stage``."""
    rules = rules or DEFAULT_RULES
    score = np.zeros(len(frame))
    for crit in rules["criteria"]:
        ok = np.ones(len(frame), dtype=bool)
        for cond in crit.get("all", []):
            ok &= _condition_mask(frame, cond)
        if crit.get("any"):
            any_ok = np.zeros(len(frame), dtype=bool)
            for cond in crit["any"]:
                any_ok |= _condition_mask(frame, cond)
            ok &= any_ok
        score += ok * float(crit["points"])
    t = rules["thresholds"]
    codes = np.asarray(catalogue.codes(catalogue.STAGES), dtype=object)
    level = (score >= float(t["berkembang"])).astype(int) + (score >= float(t["maju"]))
    return pd.DataFrame({"score": score, "stage": codes[level]}, index=frame.index)
