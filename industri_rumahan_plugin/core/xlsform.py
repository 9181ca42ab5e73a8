"""An XLSForm (ODK Collect, KoBoToolbox, Enketo) generated from the schema and the catalogues.

Offices that run ODK or KoBo collect with the same fields, choices and rules as the plugin's
form: one question per enterprise field the form shows, named as the field, so a KoBo or ODK
submissions export imports through ``importspreadsheet`` without a column mapping
(``core.importing.presets``). Pure Python: rows as dicts, written by ``adapters/xlsx.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from industri_rumahan_plugin.core import catalogue, schema, validation

#: (code, XLSForm language column suffix), the default language first.
LANGUAGES: tuple[tuple[str, str], ...] = (("id", "Bahasa Indonesia (id)"), ("en", "English (en)"))
FORM_ID = "industri_rumahan"
FORM_TITLE = "Pendataan industri rumahan"
#: The geopoint question: KoBo splits it into ``_lokasi_latitude``, ``_lokasi_longitude``...
GEOPOINT = "lokasi"
GEOPOINT_LABELS = {"id": "Lokasi usaha (GPS)", "en": "Enterprise location (GPS)"}
#: The survey day (XLSForm ``today``): the stage-history date of the import.
SURVEY_DATE = "tanggal_survei"
#: Groups are named ``bagian_<section>`` so that no group shares a name with a field.
GROUP_PREFIX = "bagian_"
YES, NO = "ya", "tidak"
YES_NO_LIST = "ya_tidak"
YES_NO_LABELS = {"id": ("Ya", "Tidak"), "en": ("Yes", "No")}
#: Fields filled by the device, not asked: XLSForm metadata types and the uid's calculation.
METADATA: dict[str, str] = {"dibuat": "start", "diubah": "end", "diubah_oleh": "username"}
UID_CALCULATION = "once(uuid())"
MULTILINE = ("catatan", "alamat")
NUMERIC_TEXT = ("nik", "kode_desa", "kode_kecamatan", "kode_kabupaten")
#: Village choices: (list name, parent column, field) from regency to village.
CASCADE = (("kabupaten", "", "kode_kabupaten"), ("kecamatan", "kab", "kode_kecamatan"),
           ("desa", "kec", "kode_desa"))
PHOTO_PARAMETERS = "max-pixels=1600"
#: When the consent was given: asked only when it was (and then required by the rule).
CONSENT_DATE, CONSENT = "izin_publikasi_tanggal", "izin_publikasi"


@dataclass(frozen=True)
class Region:
    """A region offered as a choice (village cascade): its code, name and parent code."""

    code: str
    name: str
    parent: str = ""


def _lang_columns(prefix: str) -> list[str]:
    return [f"{prefix}::{suffix}" for _, suffix in LANGUAGES]


SURVEY_COLUMNS: list[str] = [
    "type", "name", *_lang_columns("label"), *_lang_columns("hint"), "required",
    *_lang_columns("required_message"), "constraint", *_lang_columns("constraint_message"),
    "relevant", "appearance", "choice_filter", "parameters", "calculation",
]
CHOICE_COLUMNS: list[str] = ["list_name", "name", *_lang_columns("label"), "kab", "kec"]
SETTINGS_COLUMNS: list[str] = ["form_title", "form_id", "version", "default_language",
                               "instance_name", "style"]


def _texts(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}::{suffix}": texts[code] for code, suffix in LANGUAGES}


def _labels(spec: schema.Field) -> dict[str, str]:
    return _texts("label", {code: spec.alias(code) for code, _ in LANGUAGES})


def _message(issue: validation.Issue, spec: schema.Field, prefix: str) -> dict[str, str]:
    """The plugin's own message for a rule, with the field's label in each language."""
    texts = {}
    for code, _ in LANGUAGES:
        params = dict(issue.params)
        if "label" in params:
            params["label"] = spec.alias(code)
        texts[code] = issue.template(code).format(**params)
    return _texts(prefix, texts)


def _number_constraint(spec: schema.Field) -> str:
    """The bounds ``validation`` checks, as an XPath expression on the answer."""
    if spec.name in validation.YEAR_FIELDS:
        return (f". >= {int(spec.minimum or 0)} and "
                ". <= number(format-date(today(), '%Y'))")
    low = spec.minimum if spec.minimum is not None else 0
    text = f". >= {low:.0f}"
    if spec.maximum is not None:
        text += f" and . <= {spec.maximum:.0f}"
    if spec.name == "pekerja_perempuan":
        text += " and (string-length(${jumlah_pekerja}) = 0 or . <= ${jumlah_pekerja})"
    return text


def _constraint(spec: schema.Field, villages: bool) -> tuple[str, validation.Issue | None]:
    """(XPath constraint, the plugin's issue whose message explains it) for one field."""
    rules = validation.constraint_expressions("en")
    if spec.name == "nik":
        return f"regex(., '{validation.NIK_PATTERN}')", rules["nik"][1]
    if spec.name == "telepon":
        return f"regex(., '{validation.PHONE_PATTERN}')", rules["telepon"][1]
    if spec.name == "krtp":
        return f". = '{NO}' or ${{jenis_kelamin_pemilik}} = 'P'", rules["krtp"][1]
    if spec.type in ("int", "int64", "double"):
        return _number_constraint(spec), rules[spec.name][1]
    if spec.type == "string" and spec.length and not spec.catalogue and not (
            villages and spec.name in {f for _, _, f in CASCADE}):
        return (f"string-length(.) <= {spec.length}",
                validation.Issue(spec.name, "too_long",
                                 params={"label": spec.name, "length": spec.length}))
    return "", None


def question(spec: schema.Field, villages: bool = False) -> dict[str, str]:
    """The survey row of one enterprise field."""
    if spec.name == "uid":
        return {"type": "calculate", "name": "uid", "calculation": UID_CALCULATION}
    if spec.name in METADATA:
        return {"type": METADATA[spec.name], "name": spec.name}
    cascade = {field: i for i, (_, _, field) in enumerate(CASCADE)}
    row: dict[str, str] = {"name": spec.name, **_labels(spec)}
    if spec.catalogue:
        row["type"] = f"select_one {spec.catalogue}"
    elif villages and spec.name in cascade:
        level = cascade[spec.name]
        name, parent, _ = CASCADE[level]
        row["type"] = f"select_one {name}"
        if parent:  # the choices of the region chosen one level up
            row["choice_filter"] = f"{parent}=${{{CASCADE[level - 1][2]}}}"
    elif spec.type == "bool":
        row["type"] = f"select_one {YES_NO_LIST}"
    elif spec.type in ("int", "int64"):
        row["type"] = "integer"
    elif spec.type == "double":
        row["type"] = "decimal"
    elif spec.type == "datetime":
        row["type"] = "dateTime"
    elif spec.name == "foto":
        row.update(type="image", parameters=PHOTO_PARAMETERS)
    else:
        row["type"] = "text"
        if spec.name in MULTILINE:
            row["appearance"] = "multiline"
        elif spec.name in NUMERIC_TEXT:
            row["appearance"] = "numbers"
    if spec.unit:
        row.update(_texts("hint", {code: spec.unit for code, _ in LANGUAGES}))
    if spec.name in validation.required_fields():
        row["required"] = "yes"
        row.update(_message(validation.Issue(spec.name, "required", params={"label": ""}),
                            spec, "required_message"))
    constraint, issue = _constraint(spec, villages)
    if constraint and issue is not None:
        row["constraint"] = constraint
        row.update(_message(issue, spec, "constraint_message"))
    if spec.name == CONSENT_DATE:
        row["relevant"] = f"${{{CONSENT}}} = '{YES}'"
    return row


def _group(section: str, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    label_id, label_en = schema.SECTIONS[section]
    texts = {"id": label_id, "en": label_en}
    begin = {"type": "begin_group", "name": GROUP_PREFIX + section, "appearance": "field-list",
             **_texts("label", texts)}
    return [begin, *rows, {"type": "end_group", "name": GROUP_PREFIX + section}]


def form_fields(shown: Iterable[str] | None = None) -> list[schema.Field]:
    """The enterprise fields the form asks: those ``shown`` (default: every schema field)."""
    names = set(shown) if shown is not None else set(schema.field_names())
    return [spec for spec in schema.ENTERPRISE_FIELDS if spec.name in names]


def survey_rows(fields: Sequence[schema.Field], villages: bool = False) -> list[dict[str, str]]:
    """Device-filled metadata first, then one group per form section (the plugin's tabs)."""
    rows: list[dict[str, str]] = [{"type": "today", "name": SURVEY_DATE}]
    rows += [question(spec) for spec in fields if spec.name == "uid" or spec.name in METADATA]
    asked = [spec for spec in fields if spec.name != "uid" and spec.name not in METADATA]
    for section in schema.SECTIONS:
        specs = [spec for spec in asked if spec.section == section]
        if section == "lokasi" and villages:  # the cascade goes from regency to village
            order = {field: i for i, (_, _, field) in enumerate(CASCADE)}
            specs.sort(key=lambda s: order.get(s.name, -1))
        body = [question(spec, villages) for spec in specs]
        if section == "lokasi":
            body.insert(0, {"type": "geopoint", "name": GEOPOINT, "required": "yes",
                            **_texts("label", GEOPOINT_LABELS),
                            **_texts("required_message", {
                                "id": "Lokasi wajib diisi.", "en": "The location is required."})})
        if body:
            rows += _group(section, body)
    return rows


def choice_rows(fields: Sequence[schema.Field],
                regions: dict[str, Sequence[Region]] | None = None) -> list[dict[str, str]]:
    """Every list the questions use: catalogues (codes as names), yes/no, village cascade."""
    rows: list[dict[str, str]] = []
    used = [spec.catalogue for spec in fields if spec.catalogue]
    for name in dict.fromkeys(used):
        for entry in catalogue.CATALOGUES[name]:
            rows.append({"list_name": name, "name": entry.code,
                         **_texts("label", {code: entry.label(code) for code, _ in LANGUAGES})})
    if any(spec.type == "bool" for spec in fields):
        for i, value in enumerate((YES, NO)):
            rows.append({"list_name": YES_NO_LIST, "name": value,
                         **_texts("label", {c: YES_NO_LABELS[c][i] for c, _ in LANGUAGES})})
    for name, parent, _field in CASCADE if regions else ():
        for region in regions.get(name, ()):
            row = {"list_name": name, "name": region.code,
                   **_texts("label", {code: region.name for code, _ in LANGUAGES})}
            if parent:
                row[parent] = region.parent
            rows.append(row)
    return rows


def settings_row(version: str) -> dict[str, str]:
    return {"form_title": FORM_TITLE, "form_id": FORM_ID, "version": version,
            "default_language": LANGUAGES[0][1],
            "instance_name": "concat(${nama_usaha}, ' – ', ${" + SURVEY_DATE + "})",
            "style": "pages"}


def build(version: str, shown: Iterable[str] | None = None,
          regions: dict[str, Sequence[Region]] | None = None
          ) -> dict[str, list[dict[str, str]]]:
    """The three sheets (survey, choices, settings) as rows of ``{column: text}``.

    ``shown``: the field names the plugin's form shows (``adapters.form_config``); ``regions``
    ({"kabupaten"|"kecamatan"|"desa": [Region]}) turns the region codes into cascading choices.
    """
    fields = form_fields(shown)
    villages = bool(regions) and all(regions.get(name) for name, _, _ in CASCADE)
    return {
        "survey": survey_rows(fields, villages),
        "choices": choice_rows(fields, regions if villages else None),
        "settings": [settings_row(version)],
    }


def columns(sheet: str, rows: list[dict[str, str]]) -> list[str]:
    """The sheet's columns in the usual XLSForm order, only those some row fills."""
    order = {"survey": SURVEY_COLUMNS, "choices": CHOICE_COLUMNS,
             "settings": SETTINGS_COLUMNS}[sheet]
    filled = {key for row in rows for key, value in row.items() if value != ""}
    unknown = filled - set(order)
    assert not unknown, f"{sheet}: columns {sorted(unknown)} not in the XLSForm order"
    return [column for column in order if column in filled]
