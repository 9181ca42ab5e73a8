"""Validation of one enterprise record, and the same rules as QGIS constraint expressions.

One definition serves the dock's checks (``validate``) and the layer's own attribute form
(``constraint_expressions``), so QGIS's add-feature and attribute-table tools refuse exactly
what the panel refuses. Messages are keys with English and Indonesian texts: the GUI
translates; this module stays free of Qt and QGIS.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from industri_rumahan_plugin.core import catalogue, schema

ERROR = "error"
WARNING = "warning"

NIK_PATTERN = "^[0-9]{16}$"
PHONE_PATTERN = "^[+]?[0-9]{8,15}$"
YEAR_FIELDS = ("tahun_mulai", "pelatihan_tahun", "bantuan_tahun")

#: key -> (English source, Indonesian). Placeholders are filled with ``Issue.params``.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{label} is required.", "{label} wajib diisi."),
    "not_in_catalogue": ("{label}: '{value}' is not a valid choice.",
                         "{label}: '{value}' bukan pilihan yang sah."),
    "choose_from_list": ("{label} must be one of the listed choices.",
                         "{label} harus salah satu pilihan yang tersedia."),
    "too_long": ("{label} is longer than {length} characters.",
                 "{label} lebih dari {length} karakter."),
    "nik_format": ("NIK must be exactly 16 digits.", "NIK harus tepat 16 angka."),
    "nik_duplicate": ("This NIK is already recorded for another enterprise.",
                      "NIK ini sudah tercatat untuk usaha lain."),
    "phone_format": ("Phone must be 8 to 15 digits (optionally starting with +).",
                     "Telepon harus 8 sampai 15 angka (boleh diawali +)."),
    "not_a_number": ("{label} must be a number.", "{label} harus berupa angka."),
    "negative": ("{label} cannot be negative.", "{label} tidak boleh negatif."),
    "too_large": ("{label} above {maximum} is not plausible.",
                  "{label} di atas {maximum} tidak masuk akal."),
    "year_too_early": ("{label} cannot be before {minimum}.",
                       "{label} tidak boleh sebelum {minimum}."),
    "year_future": ("{label} cannot be in the future.",
                    "{label} tidak boleh di masa depan."),
    "range": ("{label} must be between {minimum} and {maximum}.",
              "{label} harus antara {minimum} dan {maximum}."),
    "year_range": ("{label} must be a year between {minimum} and this year.",
                   "{label} harus tahun antara {minimum} dan tahun ini."),
    "women_workers_exceed": ("Women workers cannot exceed the number of workers.",
                             "Pekerja perempuan tidak boleh melebihi jumlah pekerja."),
    "krtp_not_woman": ("A woman head of household (KRTP) owner must be a woman.",
                       "Pemilik KRTP (perempuan kepala rumah tangga) harus perempuan."),
    "no_location": ("The enterprise has no location yet.", "Usaha belum memiliki lokasi."),
    "outside_province": ("The location is outside every boundary of the province: check it "
                         "(islets and coasts may be missing from the boundaries).",
                         "Lokasi di luar semua batas wilayah provinsi: periksa kembali "
                         "(pulau kecil dan pesisir mungkin tidak tercakup batas wilayah)."),
}


@dataclass(frozen=True)
class Issue:
    """One problem with one field; ``severity`` error blocks saving, warning does not."""

    field: str
    key: str
    severity: str = ERROR
    params: Mapping[str, Any] = field(default_factory=dict)

    def template(self, lang: str = "id") -> str:
        en, id_ = MESSAGES[self.key]
        return en if lang == "en" else id_

    def text(self, lang: str = "id") -> str:
        return self.template(lang).format(**self.params)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _fmt(number: float) -> str:
    return f"{number:,.0f}".replace(",", ".")


def validate(
    record: Mapping[str, Any],
    *,
    other_niks: Collection[str] = (),
    today: dt.date | None = None,
    inside_province: bool | None = None,
    lang: str = "id",
) -> list[Issue]:
    """Every issue of ``record`` (field name -> value), errors and warnings.

    ``other_niks``: NIKs of the *other* enterprises in the layer (uniqueness).
    ``inside_province``: ``None`` when there is no point yet, else the point-in-boundary test.
    ``lang`` picks the field labels put into the messages.
    """
    year = (today or dt.date.today()).year
    issues: list[Issue] = []
    for spec in schema.ENTERPRISE_FIELDS:
        value = record.get(spec.name)
        label = spec.alias(lang)
        if _missing(value):
            if spec.required and spec.name not in ("uid",):
                issues.append(Issue(spec.name, "required", params={"label": label}))
            continue
        if spec.catalogue:
            if str(value) not in catalogue.codes(catalogue.CATALOGUES[spec.catalogue]):
                issues.append(Issue(spec.name, "not_in_catalogue",
                                    params={"label": label, "value": value}))
            continue
        if spec.type == "string" and spec.length and len(str(value)) > spec.length:
            issues.append(Issue(spec.name, "too_long",
                                params={"label": label, "length": spec.length}))
            continue
        if spec.type in ("int", "int64", "double"):
            issues.extend(_check_number(spec, value, label, year))
    nik = record.get("nik")
    if not _missing(nik):
        if not re.match(NIK_PATTERN, str(nik)):
            issues.append(Issue("nik", "nik_format"))
        elif str(nik) in set(other_niks):
            issues.append(Issue("nik", "nik_duplicate"))
    phone = record.get("telepon")
    if not _missing(phone) and not re.match(PHONE_PATTERN, str(phone)):
        issues.append(Issue("telepon", "phone_format"))
    workers = _number(record.get("jumlah_pekerja"))
    women = _number(record.get("pekerja_perempuan"))
    if workers is not None and women is not None and women > workers:
        issues.append(Issue("pekerja_perempuan", "women_workers_exceed"))
    if record.get("krtp") in (True, 1, "true", "1") and record.get("jenis_kelamin_pemilik") != "P":
        issues.append(Issue("krtp", "krtp_not_woman"))
    if inside_province is None:
        issues.append(Issue("lokasi", "no_location", WARNING))
    elif not inside_province:
        issues.append(Issue("lokasi", "outside_province", WARNING))
    return issues


def _check_number(spec: schema.Field, value: Any, label: str, year: int) -> list[Issue]:
    number = _number(value)
    if number is None:
        return [Issue(spec.name, "not_a_number", params={"label": label})]
    if spec.name in YEAR_FIELDS:
        if spec.minimum is not None and number < spec.minimum:
            return [Issue(spec.name, "year_too_early",
                          params={"label": label, "minimum": int(spec.minimum)})]
        if number > year:
            return [Issue(spec.name, "year_future", params={"label": label})]
        return []
    if number < 0:
        return [Issue(spec.name, "negative", params={"label": label})]
    if spec.maximum is not None and number > spec.maximum:
        return [Issue(spec.name, "too_large",
                      params={"label": label, "maximum": _fmt(spec.maximum)})]
    return []


#: The widest values an input widget can hold per field type (a QGIS range widget holds
#: 32-bit integers). See ``input_limits``.
_WIDGET_MAX: dict[str, float] = {"int": 2**31 - 1, "int64": 2**31 - 1, "double": 1e15}


def input_limits(spec: schema.Field) -> tuple[float, float]:
    """(minimum, maximum) an input widget offers for a numeric field.

    The widget must never clamp: a value the rules refuse (above ``spec.maximum``, before
    ``spec.minimum``, a year in the future) has to reach ``validate`` / the layer's constraints
    and be reported with the rule's message, never silently changed (issue 13: 200 workers
    became 99, year 2030 became this year). So the maximum is that of the storage type, far
    above every rule, and the minimum 0: every year before ``spec.minimum`` can be typed, and
    the up arrow of an empty field starts at 0, not at -2147483646 (QGIS puts NULL one step
    below the minimum). No field of the schema accepts negative numbers.
    """
    high = _WIDGET_MAX[spec.type]
    low = min(0.0, spec.minimum if spec.minimum is not None else 0.0)
    rule_high = spec.maximum if spec.maximum is not None else dt.date.today().year
    assert high > 10 * rule_high and (spec.minimum is None or low <= spec.minimum), spec.name
    return low, high


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == ERROR]


def by_field(issues: list[Issue], lang: str = "id") -> dict[str, list[str]]:
    """Messages grouped by field, for showing next to each widget."""
    grouped: dict[str, list[str]] = {}
    for issue in issues:
        grouped.setdefault(issue.field, []).append(issue.text(lang))
    return grouped


# --- The same rules as QGIS expressions (layer constraints) --------------------------------
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def constraint_expressions(lang: str = "id") -> dict[str, tuple[str, Issue]]:
    """``{field: (QGIS expression, issue describing it)}`` mirroring ``validate``.

    NIK uniqueness is a separate unique constraint; the location warning is not a constraint
    (it must not block saving).
    """
    out: dict[str, tuple[str, Issue]] = {}
    for spec in schema.ENTERPRISE_FIELDS:
        q = _quote(spec.name)
        label = {"label": spec.alias(lang)}
        empty = f"coalesce(to_string({q}), '') = ''" if spec.type == "string" else f"{q} IS NULL"
        if spec.catalogue:
            allowed = ", ".join(_literal(c) for c in
                                catalogue.codes(catalogue.CATALOGUES[spec.catalogue]))
            out[spec.name] = (f"{empty} OR {q} IN ({allowed})",
                              Issue(spec.name, "choose_from_list", params=label))
        elif spec.name in YEAR_FIELDS:
            out[spec.name] = (
                f"{q} IS NULL OR ({q} >= {int(spec.minimum or 0)} AND {q} <= year(now()))",
                Issue(spec.name, "year_range", params={**label, "minimum": int(spec.minimum or 0)}),
            )
        elif spec.type in ("int", "int64", "double") and spec.name != "pekerja_perempuan":
            upper = f" AND {q} <= {spec.maximum:.0f}" if spec.maximum is not None else ""
            maximum = _fmt(spec.maximum) if spec.maximum is not None else "∞"
            out[spec.name] = (f"{q} IS NULL OR ({q} >= 0{upper})",
                              Issue(spec.name, "range", params={**label, "minimum": 0,
                                                                "maximum": maximum}))
    out["nik"] = (f"coalesce(\"nik\", '') = '' OR regexp_match(\"nik\", '{NIK_PATTERN}')",
                  Issue("nik", "nik_format"))
    out["telepon"] = (
        f"coalesce(\"telepon\", '') = '' OR regexp_match(\"telepon\", '{PHONE_PATTERN}')",
        Issue("telepon", "phone_format"),
    )
    women_max = schema.field("pekerja_perempuan").maximum
    out["pekerja_perempuan"] = (
        f"\"pekerja_perempuan\" IS NULL OR (\"pekerja_perempuan\" >= 0 AND "
        f"\"pekerja_perempuan\" <= {women_max:.0f} AND "
        f"(\"jumlah_pekerja\" IS NULL OR \"pekerja_perempuan\" <= \"jumlah_pekerja\"))",
        Issue("pekerja_perempuan", "women_workers_exceed"),
    )
    out["krtp"] = ("NOT coalesce(\"krtp\", false) OR \"jenis_kelamin_pemilik\" = 'P'",
                   Issue("krtp", "krtp_not_woman"))
    return out


def required_fields() -> list[str]:
    """Fields that must be filled (``uid`` is filled by its default, not by the user)."""
    return [f.name for f in schema.ENTERPRISE_FIELDS if f.required and f.name != "uid"]
