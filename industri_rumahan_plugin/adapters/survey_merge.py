"""Merge a field-survey package into the office GeoPackage: all or nothing.

Every write (new enterprises, updated ones, stage-history rows, the review table
``survei_konflik`` created on demand) happens in ONE SQLite transaction on the office file;
photos are copied into a hidden staging folder first and moved into ``<db>_foto/`` only
once the transaction has committed. A dry run plans the same and writes nothing. Merging the
same package again finds every record equal (or its losing version already kept): nothing
changes, not one byte.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import survey_gpkg
from industri_rumahan_plugin.adapters.geopackage import check_database
from industri_rumahan_plugin.adapters.gpkg_history import (
    create_attribute_table,
    gpkg_datetime,
    insert_rows,
)
from industri_rumahan_plugin.adapters.survey_open import Package, PackageError
from industri_rumahan_plugin.core import catalogue, field_survey, schema, validation
from industri_rumahan_plugin.core.field_survey import MergePlan, Record

q = survey_gpkg.quote
CONFLICT_COLUMNS = [("paket_id", "TEXT(36)"), ("uid", "TEXT(36)"), ("jenis", "TEXT(16)"),
                    ("aturan", "TEXT(8)"), ("versi", "TEXT(8)"), ("checksum", "TEXT(64)"),
                    ("nilai", "TEXT"), ("dicatat", "DATETIME"), ("pengguna", "TEXT(60)")]


@dataclass
class MergeReport:
    """What a merge did (or, in a dry run, would do): one line per change."""

    plan: MergePlan
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    photos: list[tuple[Path, Path]] = field(default_factory=list)  # (package file, target)
    history: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    reviews: list[tuple] = field(default_factory=list)
    written: bool = False
    standing: int = 0  # conflicts/deletions already kept for review by an earlier merge


def photo_folder(database: Path) -> str:
    """The folder beside the database that receives the photos, relative to its folder."""
    return f"{database.stem}_foto"


def _rewrite_photos(package: Package, database: Path, report: MergeReport) -> None:
    """Photos taken in the field go to ``<db>_foto/<uid>_<name>``; ``foto`` is rewritten
    relative to the database. A path the office already holds with the same file stays."""
    base = database.parent
    for uid, record in package.records.items():
        raw = record.values.get(field_survey.PHOTO_FIELD)
        relative = field_survey.safe_relative(raw)
        if relative is None:
            if raw:
                report.warnings.append(toolbelt.tr("{uid}: photo path {path} refused (absolute "
                                                   "or outside the package)").format(
                                                       uid=uid, path=raw))
                record.values[field_survey.PHOTO_FIELD] = None
            continue
        source = package.root / relative
        if not source.is_file():
            if not (base / relative).is_file():
                report.warnings.append(toolbelt.tr("{uid}: photo {path} is not in the "
                                                   "package").format(uid=uid, path=relative))
            continue
        if (base / relative).is_file() and filecmp.cmp(source, base / relative, shallow=False):
            continue
        target = field_survey.photo_target(photo_folder(database), uid, relative)
        record.values[field_survey.PHOTO_FIELD] = target
        if not ((base / target).is_file() and filecmp.cmp(source, base / target,
                                                          shallow=False)):
            report.photos.append((source, base / target))


def _kept_reviews(con: sqlite3.Connection, package_id: str) -> set[tuple[str, str, str]]:
    """(uid, kind, checksum) already kept for this package by an earlier merge."""
    name = field_survey.CONFLICTS_TABLE
    if name not in survey_gpkg.tables(con):
        return set()
    return {(str(u), str(k), str(c)) for u, k, c in con.execute(
        f"SELECT uid, jenis, checksum FROM {q(name)} WHERE paket_id = ?", (package_id,))}


def _drop_standing(report: MergeReport, package: Package, office: dict[str, Record],
                   kept: set[tuple[str, str, str]]) -> None:
    """A conflict or deletion this package already left for review changes nothing now."""
    plan, names = report.plan, package.names

    def standing(uid: str, kind: str, record: Record) -> bool:
        found = (uid, kind, record.checksum(names)) in kept
        report.standing += found
        return found

    plan.conflicts = {u: c for u, c in plan.conflicts.items() if c[1] == "field" or not
                      standing(u, "konflik", package.records[u])}
    plan.deleted = [u for u in plan.deleted if not standing(u, "hapus", office[u])]
    plan.deleted_in_office = [u for u in plan.deleted_in_office
                              if not standing(u, "hapus_kantor", package.records[u])]
    plan.already_present = [u for u in plan.already_present
                            if not standing(u, "sudah_ada", package.records[u])]


def _label(record: Record | None) -> str:
    if record is None:
        return ""
    return str(record.values.get("nama_usaha") or "")


def prepare_merge(package: Package, database: Path, rule: str,
                  user: str) -> tuple[MergeReport, dict[str, Record], str, str | None]:
    """Check the office database, plan every change, list it. Writes nothing.

    Returns the report, the office's records concerned, the enterprise table and the
    stage-history table (None when the database has none)."""
    status, message = check_database(database)
    if status != "ok":
        raise PackageError(message)
    with closing(survey_gpkg.connect(str(database), readonly=True)) as con:
        table = survey_gpkg.enterprise_table(con)
        if table is None:
            raise PackageError(toolbelt.tr("{path} has no enterprise layer. Nothing was "
                                           "written.").format(path=database))
        missing = [n for n in package.names if n not in survey_gpkg.columns(con, table)]
        if missing:
            raise PackageError(toolbelt.tr(
                "The office database lacks the fields {fields} of the package: upgrade it "
                "(upgradedatabase). Nothing was written.").format(fields=", ".join(missing)))
        geometry = survey_gpkg.geometry_column(con, table)
        office_srs = survey_gpkg.srs_identity(con, geometry[1]) if geometry else None
        if package.srs != office_srs:
            raise PackageError(toolbelt.tr(
                "The package's coordinate system ({a}) differs from the database's ({b}). "
                "Nothing was written.").format(a=package.srs, b=office_srs))
        uids = sorted(set(package.packaged) | set(package.records))
        office, _blobs = survey_gpkg.read_records(con, table, package.names, uids)
        history = next((t for t in survey_gpkg.tables(con) if schema.layer_role(
            survey_gpkg.columns(con, t)) == "stage_history"), None)
        kept = _kept_reviews(con, package.package_id)
    if package.packaged and not set(package.packaged) & set(office):
        raise PackageError(toolbelt.tr(
            "None of the package's enterprises is in {path}: the package was made from "
            "another database ({source}). Nothing was written.").format(
                path=database, source=package.manifest.get("sumber_basis_data", "?")))
    report = MergeReport(MergePlan())
    _rewrite_photos(package, database, report)
    report.plan = field_survey.plan_merge(package.packaged, package.records, office,
                                          package.names, rule)
    _drop_standing(report, package, office, kept)
    _list(report, package, office, rule, user)
    return report, office, table, history


def _list(report: MergeReport, package: Package, office: dict[str, Record], rule: str,
          user: str) -> None:
    plan, tr = report.plan, toolbelt.tr
    source = "survei" if "survei" in catalogue.codes(catalogue.HISTORY_SOURCES) else "impor"
    for uid in plan.added:
        rec = package.records[uid]
        report.lines.append(tr("add {uid} {name}").format(uid=uid, name=_label(rec)))
        _stage_row(report, None, rec, package, source, user)
    for uid, diffs in plan.updated.items():
        for d in diffs:
            report.lines.append(tr("update {uid} {name}: {field} {old} → {new}").format(
                uid=uid, name=_label(office[uid]), field=d.name, old=d.office, new=d.field))
        _stage_row(report, office[uid], package.records[uid], package, source, user)
    for uid, (diffs, winner) in plan.conflicts.items():
        changed = ", ".join(d.name for d in diffs)
        report.lines.append(tr("conflict {uid} {name} ({fields}): rule {rule}").format(
            uid=uid, name=_label(office[uid]), fields=changed, rule=winner))
        losing = office[uid] if winner == "field" else package.records[uid]
        report.reviews.append((uid, "konflik", winner,
                               "kantor" if winner == "field" else "lapangan", losing))
        if winner == "field":
            _stage_row(report, office[uid], package.records[uid], package, source, user)
    for uid in plan.deleted:
        report.lines.append(tr("deleted in the field (not applied, to review) {uid} "
                               "{name}").format(uid=uid, name=_label(office[uid])))
        report.reviews.append((uid, "hapus", rule, "kantor", office[uid]))
    for uid in plan.deleted_in_office:
        report.lines.append(tr("edited in the field but deleted in the office (not re-added, "
                               "to review) {uid}").format(uid=uid))
        report.reviews.append((uid, "hapus_kantor", rule, "lapangan", package.records[uid]))
    for uid in plan.already_present:
        report.lines.append(tr("new in the field but already in the office with other "
                               "values (kept, to review) {uid}").format(uid=uid))
        report.reviews.append((uid, "sudah_ada", rule, "lapangan", package.records[uid]))
    _check_rules(report, package, [*plan.added, *plan.updated, *(
        u for u, (_d, winner) in plan.conflicts.items() if winner == "field")])
    for src, target in report.photos:
        report.lines.append(tr("photo {src} → {target}").format(src=src.name, target=target))
    for uid, stage, when, _source, _user in report.history:
        report.lines.append(tr("stage history {uid}: {stage} on {date}").format(
            uid=uid, stage=stage, date=when))


def _check_rules(report: MergeReport, package: Package, uids: list[str]) -> None:
    """The plugin's rules on what the field sends (QField enforces the form's constraints,
    but a GeoPackage can be edited by other tools): errors are reported, not blocking."""
    lang = toolbelt.language()
    for uid in uids:
        record = package.records[uid]
        values = {**record.values, "uid": uid}
        for issue in validation.errors(validation.validate(values, lang=lang)):
            report.warnings.append(toolbelt.tr("{uid} {name}: {problem}").format(
                uid=uid, name=_label(record), problem=issue.text(lang)))


def _stage_row(report: MergeReport, office: Record | None, record: Record, package: Package,
               source: str, user: str) -> None:
    stage = field_survey.stage_change(office, record)
    if stage is None:
        return
    when = field_survey.field_date(record, package.saved)
    who = str(record.values.get("diubah_oleh") or user)[:60]
    report.history.append((record.uid, stage, gpkg_datetime(when), source, who))


def apply_merge(report: MergeReport, package: Package, database: Path, table: str,
                history: str | None, user: str) -> None:
    """Write the plan in one transaction; photos into place after the commit."""
    staging = database.parent / f".{database.stem}_foto_{uuid.uuid4().hex[:8]}"
    staged: list[tuple[Path, Path]] = []
    try:
        for source, target in report.photos:
            staging.mkdir(exist_ok=True)
            temp = staging / f"{len(staged)}_{target.name}"
            shutil.copy2(source, temp)
            staged.append((temp, target))
        with closing(survey_gpkg.connect(str(database))) as con:
            try:
                con.execute("BEGIN IMMEDIATE")
                changed = _write(con, report, package, table, history, user)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        report.written = changed
        for temp, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
    except sqlite3.Error as error:
        raise PackageError(toolbelt.tr("The database refused the merge ({error}). Nothing "
                                       "was written.").format(error=error)) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write(con: sqlite3.Connection, report: MergeReport, package: Package, table: str,
           history: str | None, user: str) -> bool:
    plan, names = report.plan, package.names
    geometry = survey_gpkg.geometry_column(con, table)
    geom = geometry[0] if geometry else None
    changed = False
    for uid in plan.added:
        rec = package.records[uid]
        cols = [*names, *([geom] if geom else [])]
        values = [rec.values.get(n) for n in names] + ([package.blobs.get(uid)] if geom else [])
        con.execute(f"INSERT INTO {q(table)} ({', '.join(q(c) for c in cols)}) VALUES "
                    f"({', '.join('?' for _ in cols)})", values)
        changed = True
    for uid in [*plan.updated, *(u for u, (_d, w) in plan.conflicts.items() if w == "field")]:
        rec = package.records[uid]
        cols = [n for n in names if n != "uid"]
        values = [rec.values.get(n) for n in cols]
        if geom:
            cols.append(geom)
            values.append(package.blobs.get(uid))
        con.execute(f"UPDATE {q(table)} SET {', '.join(f'{q(c)} = ?' for c in cols)} "
                    f"WHERE uid = ?", [*values, uid])
        changed = True
    if history is not None and report.history:
        insert_rows(con, history, ("uid", "tahap", "tanggal_berlaku", "sumber", "pengguna"),
                    report.history)
        changed = True
    changed |= _write_reviews(con, report, package, user)
    if changed and geom:
        _update_extent(con, table, geom)
    return changed


def _write_reviews(con: sqlite3.Connection, report: MergeReport, package: Package,
                   user: str) -> bool:
    """The losing versions and deletions, once per package, record, kind and version."""
    if not report.reviews:
        return False
    name = field_survey.CONFLICTS_TABLE
    if name not in survey_gpkg.tables(con):
        create_attribute_table(con, name, CONFLICT_COLUMNS)
    now = gpkg_datetime(dt.datetime.now().replace(microsecond=0))
    rows = []
    for uid, kind, rule, version, record in report.reviews:
        checksum = record.checksum(package.names)
        seen = con.execute(f"SELECT 1 FROM {q(name)} WHERE paket_id = ? AND uid = ? AND "
                           "jenis = ? AND checksum = ?",
                           (package.package_id, uid, kind, checksum)).fetchone()
        if seen is None:
            rows.append((package.package_id, uid, kind, rule, version, checksum,
                         field_survey.version_json(record, package.names), now, user[:60]))
    if rows:
        insert_rows(con, name, [c for c, _t in CONFLICT_COLUMNS], rows)
    return bool(rows)


def _update_extent(con: sqlite3.Connection, table: str, geom: str) -> None:
    rtree = f"rtree_{table}_{geom}"
    if rtree not in survey_gpkg.tables(con):
        return
    box = con.execute(f"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {q(rtree)}"
                      ).fetchone()
    if box and box[0] is not None:
        con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                    "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                    "WHERE lower(table_name) = lower(?)", (*box, table))
