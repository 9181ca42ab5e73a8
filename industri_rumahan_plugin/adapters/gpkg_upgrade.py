"""Upgrade a plugin GeoPackage of schema version 1 or 2 to the current version in place, safely.

Order: refuse what is not ours or is newer (never opened for writing); take the write lock;
copy the file beside it (``<name>.v1-backup-YYYYMMDD-HHMMSS.gpkg``, never over an existing
file); in ONE transaction: from version 1, create the history tables and lookups and seed them
from the single fields (core/history_seed.py); from version 1 or 2, add the enterprise columns
of version 3 (photo, business contact, consent: empty, so nobody has consented); set the
version; compare every record (every table's rows before and after over the columns it had,
the derived fields against the single fields); commit only when all is equal, else roll back
(the file is unchanged) and remove the backup. A dry run does the same work and rolls back.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.geopackage import DatabaseError, check_database
from industri_rumahan_plugin.adapters.gpkg_history import (
    LOOKUPS_V2,
    create_version2_tables,
    existing_tables,
    field_columns,
    gpkg_datetime,
    insert_rows,
    quote,
    set_schema_version,
)
from industri_rumahan_plugin.core import history_seed, schema

FROM_VERSIONS = (1, 2)
_VERSION_KEYS = ("schema_version", "skema_diubah")


class UpgradeError(DatabaseError):
    """The upgrade was refused or rolled back; the file is unchanged. Message for the user."""


@dataclass
class UpgradeReport:
    """What the upgrade did (or, in a dry run, would do)."""

    path: Path
    status: str  # "upgraded", "dry_run", "current"
    from_version: int
    to_version: int = schema.SCHEMA_VERSION
    backup: Path | None = None
    tables_created: list[str] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    history_rows: int = 0
    participation_rows: int = 0
    not_carried: dict[str, int] = field(default_factory=dict)
    records_compared: dict[str, int] = field(default_factory=dict)
    mismatches: dict[str, list[str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report for the log, translated."""
        tr = toolbelt.tr
        if self.status == "current":
            return [tr("{path} already uses schema version {v}; nothing to do, the file was "
                       "not changed.").format(path=self.path, v=self.from_version)]
        head = (tr("Dry run: nothing was written. The upgrade would:") if self.status ==
                "dry_run" else tr("Upgraded {path} from schema version {old} to {new}.").format(
                    path=self.path, old=self.from_version, new=self.to_version))
        out = [head]
        if self.backup is not None:
            out.append(tr("Backup copy: {path}").format(path=self.backup))
        if self.tables_created:
            out.append(tr("Tables created: {tables}").format(
                tables=", ".join(self.tables_created)))
        if self.columns_added:
            out.append(tr("Enterprise fields added (empty: nobody has consented to publication "
                          "yet): {fields}").format(fields=", ".join(self.columns_added)))
        if self.from_version < 2:
            out.append(tr("Stage history: {n} rows (one per enterprise, source 'impor'); "
                          "programme participation: {m} rows.").format(
                              n=self.history_rows, m=self.participation_rows))
        for table, n in self.records_compared.items():
            out.append(tr("Compared {n} records of {table}: all equal before and after.")
                       .format(n=n, table=table))
        for check, uids in self.mismatches.items():
            if not uids:
                out.append(tr("The history gives back the current {check} fields of every "
                              "enterprise.").format(check=check))
        skipped = {k: v for k, v in self.not_carried.items() if v}
        if skipped:
            out.append(tr("Not carried into the history (kept in the enterprise fields): "
                          "{items}").format(items=", ".join(f"{k} {v}" for k, v in
                                                            skipped.items())))
        return out


def backup_path(path: Path, now: dt.datetime, version: int = 1) -> Path:
    """``<name>.v<version>-backup-YYYYMMDD-HHMMSS.gpkg`` beside the file; ``-2``... if taken."""
    stem = f"{path.stem}.v{version}-backup-{now:%Y%m%d-%H%M%S}"
    candidate, n = path.with_name(stem + path.suffix), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{stem}-{n}{path.suffix}")
    return candidate


def _copy_exclusive(source: Path, target: Path) -> None:
    try:
        with open(source, "rb") as src, open(target, "xb") as dst:  # "x": never overwrite
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    except OSError:
        if target.exists() and target.stat().st_size < source.stat().st_size:
            target.unlink()  # a partial copy (disk full...) is no backup
        raise


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({quote(table)})")]


def _snapshot(db: sqlite3.Connection, columns: dict[str, list[str]]
              ) -> dict[str, dict[int, bytes]]:
    """Every record of every table over the given columns: rowid -> digest of its stored
    values (type included). Columns the upgrade adds are left out, so they cannot mask it."""
    out = {}
    for table, names in columns.items():
        rows = {}
        select = ", ".join(quote(c) for c in names)
        for row in db.execute(f"SELECT rowid, {select} FROM {quote(table)}"):
            rows[row[0]] = hashlib.blake2b(repr(row[1:]).encode("utf-8"),
                                           digest_size=16).digest()
        out[table] = rows
    return out


def _user_tables(db: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents ORDER BY 1")]
    return [n for n in names if n != schema.METADATA_TABLE]


def _version(db: sqlite3.Connection) -> int:
    row = db.execute(f"SELECT nilai FROM {quote(schema.METADATA_TABLE)} "
                     "WHERE kunci = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError:
        return 0


def enterprise_table(db: sqlite3.Connection) -> str | None:
    """The enterprise table, recognised by its fields like every layer."""
    for table in _user_tables(db):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({quote(table)})")]
        if schema.layer_role(cols) == "enterprises":
            return table
    return None


def _frame(db: sqlite3.Connection, table: str,
           columns: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The columns of a table; a column the table lacks reads as NULL."""
    present = {r[1] for r in db.execute(f"PRAGMA table_info({quote(table)})")}
    select = ", ".join(quote(c) if c in present else f"NULL AS {quote(c)}" for c in columns)
    cursor = db.execute(f"SELECT {select} FROM {quote(table)}")
    return pd.DataFrame(cursor.fetchall(), columns=list(columns))


def upgrade_database(path: str | Path, user: str | None = None, dry_run: bool = False,
                     progress: Callable[[float, str], None] | None = None) -> UpgradeReport:
    """Upgrade a version-1 GeoPackage in place (see module docstring); raises UpgradeError."""
    path = Path(path)
    status, message = check_database(path)
    if status in ("missing", "foreign", "newer"):
        raise UpgradeError(message)
    step = progress or (lambda _pct, _text: None)
    try:
        with closing(sqlite3.connect(path, isolation_level=None, timeout=10)) as db:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("BEGIN IMMEDIATE")  # the write lock: nobody writes while we copy
            try:
                return _upgrade_locked(db, path, user, dry_run, step)
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
    except (sqlite3.Error, OSError) as error:
        raise UpgradeError(toolbelt.tr(
            "The upgrade of {path} failed and was rolled back; the file is unchanged: "
            "{error}").format(path=path, error=error)) from error


def _upgrade_locked(db: sqlite3.Connection, path: Path, user: str | None, dry_run: bool,
                    step: Callable[[float, str], None]) -> UpgradeReport:
    version = _version(db)
    if version >= schema.SCHEMA_VERSION:
        return UpgradeReport(path, "current", version)
    if version not in FROM_VERSIONS:
        raise UpgradeError(toolbelt.tr(
            "{path} uses schema version {found}; only version {known} can be upgraded. "
            "The file was not changed.").format(
                path=path, found=version, known=" / ".join(map(str, FROM_VERSIONS))))
    usaha = enterprise_table(db)
    if usaha is None:
        raise UpgradeError(toolbelt.tr(
            "{path} has no enterprise layer; it cannot be upgraded. The file was not "
            "changed.").format(path=path))
    taken = existing_tables(db) & {*(t for t, _g, _s in schema.TABLES.values()), *LOOKUPS_V2}
    if taken and version < 2:
        raise UpgradeError(toolbelt.tr(
            "{path} already has a table named {tables}; rename it first. The file was not "
            "changed.").format(path=path, tables=", ".join(sorted(taken))))
    now = dt.datetime.now()
    report = UpgradeReport(path, "dry_run" if dry_run else "upgraded", version)
    if not dry_run:
        report.backup = backup_path(path, now, version)
        _copy_exclusive(path, report.backup)
    step(10, toolbelt.tr("Reading every record…"))
    try:
        _write_and_check(db, usaha, user, now, report, step)
        if dry_run:
            db.execute("ROLLBACK")
        else:
            db.execute("COMMIT")
    except Exception:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if report.backup is not None:
            report.backup.unlink(missing_ok=True)
            report.backup = None
        raise
    step(100, "")
    return report


def _write_and_check(db: sqlite3.Connection, usaha: str, user: str | None,
                     now: dt.datetime, report: UpgradeReport,
                     step: Callable[[float, str], None]) -> None:
    columns = {t: _columns(db, t) for t in _user_tables(db)}
    before = _snapshot(db, columns)
    meta_sql = (f"SELECT rowid, kunci, nilai FROM {quote(schema.METADATA_TABLE)} "
                f"WHERE kunci NOT IN {_VERSION_KEYS!r} ORDER BY rowid")
    meta_before = db.execute(meta_sql).fetchall()
    enterprises = _frame(db, usaha, history_seed.SOURCE_FIELDS)
    if report.from_version < 2:
        step(30, toolbelt.tr("Creating the history tables…"))
        _seed_history(db, enterprises, user, now, report)
    report.columns_added = add_enterprise_columns(db, usaha)
    set_schema_version(db, schema.SCHEMA_VERSION)
    step(60, toolbelt.tr("Comparing every record…"))
    after = _snapshot(db, columns)
    changed = [t for t in columns if before[t] != after[t]]
    if db.execute(meta_sql).fetchall() != meta_before:
        changed.append(schema.METADATA_TABLE)
    if changed:
        raise UpgradeError(toolbelt.tr(
            "The upgrade would change existing records of {tables}; it was rolled back and "
            "the file is unchanged.").format(tables=", ".join(changed)))
    report.records_compared = {t: len(after[t]) for t in columns}
    if _version(db) != schema.SCHEMA_VERSION:
        raise UpgradeError(toolbelt.tr("The schema version was not written; rolled back."))
    if report.from_version >= 2:
        return
    stored_history = _frame(db, schema.STAGE_HISTORY,
                            schema.field_names(schema.STAGE_HISTORY_FIELDS))
    stored_part = _frame(db, schema.PROGRAMME_REGISTER,
                         schema.field_names(schema.PROGRAMME_FIELDS))
    report.mismatches = history_seed.compare(enterprises, stored_history, stored_part)
    bad = {k: v for k, v in report.mismatches.items() if v}
    if bad:
        raise UpgradeError(toolbelt.tr(
            "After seeding, the history does not give back the current fields of some "
            "enterprises (duplicated uid?): {items}. The upgrade was rolled back and the file "
            "is unchanged.").format(items="; ".join(
                f"{k}: {', '.join(v[:5])}" for k, v in bad.items())))


def _seed_history(db: sqlite3.Connection, enterprises: pd.DataFrame, user: str | None,
                  now: dt.datetime, report: UpgradeReport) -> None:
    """Version 1 -> 2: the history tables, seeded from the single fields."""
    who = user or _login_name()
    history = history_seed.stage_rows(enterprises, gpkg_datetime(
        now.astimezone(dt.timezone.utc)), who)
    participation = history_seed.participation_rows(enterprises)
    report.tables_created = create_version2_tables(db)
    report.history_rows = insert_rows(db, schema.STAGE_HISTORY, list(history.columns),
                                      history.itertuples(index=False, name=None))
    report.participation_rows = insert_rows(
        db, schema.PROGRAMME_REGISTER, list(participation.columns),
        participation.itertuples(index=False, name=None))
    report.not_carried = history_seed.not_carried(enterprises)


def add_enterprise_columns(db: sqlite3.Connection, usaha: str) -> list[str]:
    """Add the schema's enterprise fields the table lacks (version 3: photo, business contact,
    consent), empty. Returns their names."""
    present = set(_columns(db, usaha))
    added = []
    for name, sql_type in field_columns(schema.ENTERPRISE_FIELDS):
        if name not in present:
            db.execute(f"ALTER TABLE {quote(usaha)} ADD COLUMN {quote(name)} {sql_type}")
            added.append(name)
    return added


def _login_name() -> str:
    """Who ran the upgrade: QGIS's user account name, else the OS login."""
    try:
        from qgis.core import QgsApplication

        name = QgsApplication.userLoginName()
    except Exception:
        name = ""
    return name or getpass.getuser()
