"""Spreadsheet rows -> schema records, locations and a validation report.

Pure pandas: the Processing algorithm reads the file, calls ``prepare_import`` and writes the
rows whose status is ``ok`` in one edit session. Problems are reported as codes (translated by
the QGIS side) with severity ``error`` (row not imported), ``warning`` (imported, value fixed
or dropped) or ``skipped`` (already in the database: importing twice adds nothing). A row
already in the database is matched to its record (``ImportResult.matched``) so that
``updates.plan_updates`` can update it with a later survey's values.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import schema, validation
from industri_rumahan_plugin.core.importing import catalogue_match, coordinates, headers, values
from industri_rumahan_plugin.core.importing import villages as village_lookup

#: Namespace of the deterministic ids given to rows without one (same row -> same uid).
UID_NAMESPACE = uuid.UUID("5b0f2d7e-4c1a-4f52-9a57-1d2b3c4e5f60")
APPROXIMATE_NOTE = "Lokasi perkiraan: titik tengah desa/kelurahan"
REPORT_COLUMNS = ["row", "column", "field", "code", "severity", "detail"]
WRITER_DATES = ("dibuat", "diubah")  # set by the writer, never read from a sheet


@dataclass
class ImportResult:
    """Everything the writer and the report need; indexed by spreadsheet row number."""

    records: pd.DataFrame  # schema columns
    lon: pd.Series
    lat: pd.Series
    approximate: pd.Series  # location is a village centroid
    status: pd.Series  # "ok" | "error" | "exists"
    report: pd.DataFrame  # REPORT_COLUMNS
    mapping: dict[str, str] = field(default_factory=dict)
    #: row -> index of the existing record it matches (uid, else NIK, else name + village)
    matched: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    survey_date: pd.Series | None = None  # row -> the sheet's survey date (NaT: none)

    def accepted(self) -> pd.DataFrame:
        return self.records[self.status == "ok"]

    def counts(self) -> dict[str, int]:
        return {k: int((self.status == k).sum()) for k in ("ok", "error", "exists")}


class _Report:
    def __init__(self, columns: dict[str, str]) -> None:
        self.rows: list[pd.DataFrame] = []
        self.columns = columns  # target -> header

    def add(self, mask: pd.Series, target: str, code: str, severity: str,
            detail: pd.Series | str = "", *, detail_is_personal: bool = True) -> None:
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        idx = mask.index[mask.to_numpy()]
        spec = _spec(target)
        if isinstance(detail, pd.Series):
            detail = detail.loc[idx].astype("string").fillna("").astype(object)
        if spec is not None and spec.personal and detail_is_personal:
            detail = ""  # no personal data in reports
        self.rows.append(pd.DataFrame({
            "row": idx, "column": self.columns.get(target, ""), "field": target,
            "code": code, "severity": severity, "detail": detail,
        }))

    def frame(self) -> pd.DataFrame:
        if not self.rows:
            return pd.DataFrame(columns=REPORT_COLUMNS)
        out = pd.concat(self.rows, ignore_index=True)
        return out.sort_values(["row", "field"], kind="stable").reset_index(drop=True)


def _spec(target: str) -> schema.Field | None:
    try:
        return schema.field(target)
    except KeyError:
        return None


def prepare_import(
    frame: pd.DataFrame,
    mapping: Mapping[str, str] | None = None,
    village_table: pd.DataFrame | None = None,
    existing: pd.DataFrame | None = None,
    first_row: int | None = 2,
    lang: str = "id",
) -> ImportResult:
    """Turn a spreadsheet (all cells as text) into records ready to write.

    ``mapping`` header -> target overrides the automatic header matching; ``village_table``
    (``villages.COLUMNS``) gives codes and centroids; ``existing`` (uid, nik, nama_usaha,
    kode_desa) are the records already in the target, for idempotent re-imports.
    ``first_row`` is the spreadsheet row number of the first data row (for the report);
    ``None`` keeps the frame's index (``tables.read_table`` indexes by row number).
    """
    if first_row is not None:
        frame = frame.reset_index(drop=True)
        frame.index = frame.index + first_row
    matched = headers.match_headers(frame.columns, mapping)
    by_target = {t: h for h, t in matched.items()}
    report = _Report(by_target)
    n_index = frame.index
    empty = pd.Series("", index=n_index, dtype="string")

    def col(target: str) -> pd.Series:
        header = by_target.get(target)
        return frame[header].astype("string").fillna("") if header is not None else empty

    records = pd.DataFrame(index=n_index, columns=schema.field_names(), dtype=object)
    error = pd.Series(False, index=n_index)
    for spec in schema.ENTERPRISE_FIELDS:
        if spec.required and spec.name != "uid" and spec.name not in by_target:
            report.add(pd.Series(True, index=n_index), spec.name, "missing_column", "error")
            error |= True
        if spec.name not in by_target or spec.name in ("nik", "telepon"):
            continue
        raw = col(spec.name)
        if spec.catalogue:
            parsed, bad = catalogue_match.to_codes(raw, spec.catalogue)
            report.add(bad, spec.name, "not_in_catalogue",
                       "error" if spec.required else "warning", raw)
            error |= bad & spec.required
        elif spec.type in ("int", "int64", "double"):
            parsed, bad = values.parse_number(raw)
            report.add(bad, spec.name, "not_a_number", "warning", raw)
            out = ~values.in_range(parsed, spec.minimum, spec.maximum)
            report.add(out, spec.name, "out_of_range", "warning", raw)
            parsed = parsed.where(~out)
            if spec.type != "double":
                frac = parsed.notna() & (parsed != parsed.round())
                report.add(frac, spec.name, "not_whole_number", "warning", raw)
                parsed = parsed.round()
            parsed = parsed.astype(object).where(parsed.notna(), None)
        elif spec.type == "bool":
            parsed, bad = values.parse_bool(raw)
            report.add(bad, spec.name, "not_yes_no", "warning", raw)
        elif spec.type == "string":
            parsed = values.clean_text(raw)
            if spec.length:
                long = parsed.fillna("").astype(str).str.len() > spec.length
                report.add(long, spec.name, "truncated", "warning", str(spec.length))
                parsed = parsed.where(~long, parsed.fillna("").astype(str).str[: spec.length])
        elif spec.type == "datetime" and spec.name not in WRITER_DATES:
            parsed, bad = values.parse_datetime(raw)  # a consent's date, as ODK/KoBo write it
            report.add(bad, spec.name, "not_a_datetime", "warning", raw)
        else:
            continue  # created / modified are set by the writer
        records[spec.name] = parsed

    if "nik" in by_target:
        nik, bad, rounded = values.parse_nik(col("nik"))
        report.add(rounded, "nik", "nik_rounded", "warning")
        report.add(bad & ~rounded, "nik", "nik_invalid", "warning")
        records["nik"] = nik
    if "telepon" in by_target:
        phone, bad = values.parse_phone(col("telepon"))
        report.add(bad, "telepon", "phone_invalid", "warning")
        records["telepon"] = phone

    lon, lat, approximate = _locate(col, by_target, records, village_table, report, error)
    no_location = lon.isna()
    report.add(no_location & ~error, "_lokasi", "no_location", "error")
    error |= no_location

    for name in ("nama_usaha", "nama_pemilik", "sektor", "tahap", "jenis_kelamin_pemilik"):
        if name in by_target:
            missing = records[name].isna() & values.blank(col(name))
            report.add(missing, name, "required", "error")
            error |= missing

    records["uid"] = _uids(records, col("uid") if "uid" in by_target else None)
    approx_note = np.where(approximate, APPROXIMATE_NOTE, None)
    records["catatan"] = _join_notes(records["catatan"], pd.Series(approx_note, index=n_index))

    survey_date = None
    if headers.SURVEY_DATE in by_target:
        survey_date, bad = values.parse_date(col(headers.SURVEY_DATE))
        report.add(bad, headers.SURVEY_DATE, "not_a_date", "warning", col(headers.SURVEY_DATE))

    status = pd.Series(np.where(error, "error", "ok"), index=n_index, dtype=object)
    _record_rules(records, status, report, lang)
    _duplicates_in_file(records, status, col(headers.VILLAGE_NAME), report)
    found = pd.Series(np.nan, index=n_index)
    if existing is not None and len(existing):
        found = _already_there(records, status, existing, report)
    return ImportResult(records, lon, lat, approximate, status, report.frame(), matched,
                        found, survey_date)


def _locate(col, by_target, records, village_table, report, error):
    """Coordinates when usable, else the village centroid (approximate)."""
    index = records.index
    if headers.LATLON in by_target:
        lat_raw, lon_raw = coordinates.split_latlon(col(headers.LATLON))
        lat_raw, lon_raw = lat_raw.fillna(col(headers.LATLON)), lon_raw.fillna("")
        coord_target = headers.LATLON
    else:
        lat_raw, lon_raw = col(headers.LAT), col(headers.LON)
        coord_target = headers.LAT
    points = coordinates.resolve_points(lat_raw, lon_raw)
    shown = lat_raw.astype(str) + " ; " + lon_raw.astype(str)
    report.add(points["problem"].eq("swapped"), coord_target, "coords_swapped", "warning", shown)
    report.add(points["problem"].eq("outside"), coord_target, "coords_outside", "warning", shown)
    report.add(points["problem"].eq("unreadable"), coord_target, "coords_unreadable", "warning",
               shown)

    found = pd.DataFrame({"kode_desa": None, "kode_kecamatan": None, "kode_kabupaten": None,
                          "lon": np.nan, "lat": np.nan, "problem": "none"}, index=index)
    if village_table is not None and len(village_table):
        found = village_lookup.resolve(col("kode_desa"), col(headers.VILLAGE_NAME),
                                       col(headers.DISTRICT_NAME), col(headers.REGENCY_NAME),
                                       village_table)
        village_target = "kode_desa" if "kode_desa" in by_target else headers.VILLAGE_NAME
        shown_village = col("kode_desa").where(col("kode_desa").ne(""),
                                               col(headers.VILLAGE_NAME))
        for problem in ("unknown_code", "unknown_name", "ambiguous"):
            report.add(found["problem"].eq(problem), village_target, f"village_{problem}",
                       "warning", shown_village)
    for name in ("kode_desa", "kode_kecamatan", "kode_kabupaten"):
        given = records[name] if name in by_target else pd.Series(None, index=index)
        records[name] = found[name].where(found[name].notna(), given)

    lon = points["lon"].where(points["lon"].notna(), found["lon"])
    lat = points["lat"].where(points["lat"].notna(), found["lat"])
    approximate = points["lon"].isna() & found["lon"].notna()
    report.add(approximate & ~error, headers.VILLAGE_NAME, "approximate_location", "warning")
    return lon.astype(float), lat.astype(float), approximate.astype(bool)


def _record_rules(records: pd.DataFrame, status: pd.Series, report: _Report, lang: str) -> None:
    """The dock's own record rules (``core.validation``) on the rows still accepted: an import
    refuses what the form refuses (women workers above workers, KRTP owner not a woman...)."""
    workers = pd.to_numeric(records["jumlah_pekerja"], errors="coerce")
    women = pd.to_numeric(records["pekerja_perempuan"], errors="coerce")
    years = records[list(validation.YEAR_FIELDS)].apply(pd.to_numeric, errors="coerce")
    suspect = (
        (women > workers)
        | (records["krtp"].eq(True) & records["jenis_kelamin_pemilik"].ne("P"))
        | (years > pd.Timestamp.now().year).any(axis=1)
    )
    ok_rows = records[status.eq("ok") & suspect.to_numpy()]  # only rows a rule can refuse
    for row, record in zip(ok_rows.index, ok_rows.to_dict("records")):
        for issue in validation.validate(record, inside_province=True, lang=lang):
            if issue.severity != validation.ERROR:
                continue
            mask = pd.Series(records.index == row, index=records.index)
            report.add(mask, issue.field, f"rule_{issue.key}", "error", issue.text(lang))
            status[row] = "error"


def _uids(records: pd.DataFrame, given: pd.Series | None) -> pd.Series:
    """Given valid UUIDs are kept; others get a uuid5 of name, owner, village and NIK."""
    parts = [village_lookup.name_keys(records[c]) for c in ("nama_usaha", "nama_pemilik")]
    parts.append(records["kode_desa"].fillna("").astype(str))
    key = parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + records["nik"].fillna("").astype(str)
    made = key.map(lambda k: str(uuid.uuid5(UID_NAMESPACE, k)))
    if given is None:
        return made
    ok = given.str.fullmatch(
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    ).fillna(False).astype(bool)
    return given.str.lower().astype(object).where(ok, made)


def _join_notes(notes: pd.Series, extra: pd.Series) -> pd.Series:
    has_note, has_extra = notes.notna(), extra.notna()
    joined = notes.fillna("").astype(str) + np.where(has_note & has_extra, " | ", "") + \
        extra.fillna("").astype(str)
    return joined.where(has_note | has_extra, None).str[:500]


def name_village_key(names: pd.Series, village_codes: pd.Series, village_names: pd.Series
                     ) -> pd.Series:
    """'nama usaha|village' for duplicate detection ('' when name or village is missing)."""
    name = village_lookup.name_keys(names)
    village = village_codes.fillna("").astype(str)
    village = village.where(village.ne(""), village_lookup.name_keys(village_names))
    return (name + "|" + village).where(name.ne("") & village.ne(""), "")


def _duplicates_in_file(records, status, village_names, report) -> None:
    """Later rows repeating an earlier row's NIK or name+village are not imported."""
    candidates = status.eq("ok")
    for code, key in (
        ("duplicate_nik", records["nik"].fillna("").astype(str)),
        ("duplicate_name_village",
         name_village_key(records["nama_usaha"], records["kode_desa"], village_names)),
        ("duplicate_uid", records["uid"].astype(str)),
    ):
        usable = candidates & key.ne("")
        sub = key[usable]
        rows = sub.index.to_series()
        first_row = rows.groupby(sub.to_numpy()).transform("first")
        dup = rows.ne(first_row)
        dup_rows = dup[dup].index
        mask = pd.Series(False, index=records.index)
        mask[dup_rows] = True
        field_name = {"duplicate_nik": "nik", "duplicate_uid": "uid"}.get(code, "nama_usaha")
        report.add(mask, field_name, code, "error",
                   first_row.reindex(records.index).astype("Int64").astype("string"),
                   detail_is_personal=False)  # a row number
        status[mask] = "error"
        candidates = candidates & ~mask


def _already_there(records, status, existing, report) -> pd.Series:
    """Rows already in the target (same uid, else NIK, else name+village) are not added;
    returns row -> the index of the existing record matched (NaN: none)."""
    ex = existing.reindex(columns=["uid", "nik", "nama_usaha", "kode_desa"])
    empty = pd.Series("", index=ex.index)
    checks = (
        ("exists_uid", "uid", records["uid"].astype(str), ex["uid"].fillna("").astype(str)),
        ("exists_nik", "nik", records["nik"].fillna("").astype(str),
         ex["nik"].fillna("").astype(str)),
        ("exists_name_village", "nama_usaha",
         name_village_key(records["nama_usaha"], records["kode_desa"],
                          pd.Series("", index=records.index)),
         name_village_key(ex["nama_usaha"], ex["kode_desa"], empty)),
    )
    found = pd.Series(np.nan, index=records.index)
    todo = status.eq("ok")
    for code, field_name, key, known in checks:
        lookup = pd.Series(known.index, index=known.to_numpy())
        lookup = lookup[lookup.index != ""]
        lookup = lookup[~lookup.index.duplicated()]
        hit = todo & key.isin(lookup.index) & key.ne("")
        report.add(hit, field_name, code, "skipped")
        status[hit] = "exists"
        found[hit] = key[hit].map(lookup).astype(float)
        todo &= ~hit
    return found
