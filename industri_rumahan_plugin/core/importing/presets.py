"""Column presets for exports of data-collection servers: KoBoToolbox and ODK Central.

A submissions export of the plugin's XLSForm (``core.xlsform``) names its columns after the
questions, which are the schema's field names, but adds what the servers add: group prefixes
("bagian_usaha/nama_usaha" in KoBo, "bagian_usaha-nama_usaha" in ODK Central), the GPS point
split into ``_lokasi_latitude`` / ``lokasi-Latitude`` and so on, and bookkeeping columns
(``_uuid``, ``_submission_time``, ``KEY``, ``SubmissionDate``...). Recognised by those columns,
such a file maps itself: no manual column mapping. ``_uuid`` would otherwise be read as the
enterprise's uid (its key is "uuid"), so bookkeeping columns are ignored explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from industri_rumahan_plugin.core import schema, xlsform
from industri_rumahan_plugin.core.importing import headers

KOBO = "kobo"
ODK_CENTRAL = "odk_central"
NAMES = {KOBO: "KoBoToolbox", ODK_CENTRAL: "ODK Central"}
_KOBO_MARKERS = {"_uuid", "_submission_time", "_index", "_validation_status", "_submitted_by",
                 "__version__"}
_ODK_MARKERS = {"KEY", "SubmissionDate", "meta-instanceID", "SubmitterID", "ReviewState"}
#: Fields the device fills (XLSForm start/end/username) and the writer sets on import.
_WRITER_FIELDS = ("dibuat", "diubah", "diubah_oleh")
_KOBO_POINT = re.compile(r"^_(?:.*/)?(?P<name>[^/]+)_(?P<part>latitude|longitude|altitude|"
                         r"precision)$")
_ODK_POINT = re.compile(r"^(?:.*-)?(?P<name>[^-]+)-(?P<part>Latitude|Longitude|Altitude|"
                        r"Accuracy)$")
_SUBMISSION_TIME = {KOBO: "_submission_time", ODK_CENTRAL: "SubmissionDate"}


def detect(columns: Iterable[object]) -> str | None:
    """``KOBO``, ``ODK_CENTRAL`` or ``None`` from a table's column names."""
    names = {str(c).strip() for c in columns}
    if len(names & _KOBO_MARKERS) >= 2 or any(_KOBO_POINT.match(n) for n in names
                                               if n.startswith(f"_{xlsform.GEOPOINT}")):
        return KOBO
    if len(names & _ODK_MARKERS) >= 2:
        return ODK_CENTRAL
    return None


def _leaf(column: str, preset: str) -> str:
    return column.rsplit("/" if preset == KOBO else "-", 1)[-1]


def mapping(columns: Iterable[object]) -> dict[str, str]:
    """``{column: target}`` for a KoBo / ODK Central export ("" ignores a column); ``{}``
    for any other table (the usual header matching then applies)."""
    names = [str(c).strip() for c in columns]
    preset = detect(names)
    if preset is None:
        return {}
    point = _KOBO_POINT if preset == KOBO else _ODK_POINT
    fields = set(schema.field_names())
    out: dict[str, str] = {}
    for column in names:
        match = point.match(column)
        leaf = _leaf(column, preset)
        if match and match["name"] == xlsform.GEOPOINT:
            part = match["part"].lower()
            out[column] = {"latitude": headers.LAT, "longitude": headers.LON}.get(part, "")
        elif leaf in fields:
            out[column] = "" if leaf in _WRITER_FIELDS else leaf
        elif leaf == xlsform.SURVEY_DATE:
            out[column] = headers.SURVEY_DATE
        else:
            out[column] = ""  # bookkeeping, the raw GPS text, attachment URLs, groups' notes
    if headers.SURVEY_DATE not in out.values() and _SUBMISSION_TIME[preset] in out:
        out[_SUBMISSION_TIME[preset]] = headers.SURVEY_DATE
    return out


def photo_paths(names: pd.Series, folder: str) -> pd.Series:
    """A server export holds the photo's file name only ("1723456789.jpg"): the office puts
    the downloaded attachments into ``folder`` beside the database (``<database>_foto``, as
    mergefieldsurvey does), so the stored path is ``folder/name``. Paths kept as they are."""
    text = names.astype(object)
    bare = text.map(lambda v: isinstance(v, str) and bool(v) and "/" not in v
                    and "\\" not in v)
    return text.where(~bare.astype(bool), folder + "/" + text.astype(str))
