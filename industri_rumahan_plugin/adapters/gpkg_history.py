"""The schema-version-2 tables of a GeoPackage (stage history, programme register, lookups).

Written with SQL on an open ``sqlite3`` connection, so that ``createdatabase`` and the in-place
upgrade create exactly the same tables, and the upgrade can do everything in one transaction
(all or nothing). Tables are laid out as GDAL writes attribute tables (``fid`` INTEGER
PRIMARY KEY AUTOINCREMENT, ``TEXT(n)``, ``MEDIUMINT``, ``DATETIME``...), registered in
``gpkg_contents`` and ``gpkg_ogr_contents`` with GDAL's feature-count triggers, so QGIS and
GDAL read and edit them like any other table.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from industri_rumahan_plugin.core import catalogue, schema

SQL_TYPES = {"string": "TEXT", "int": "MEDIUMINT", "int64": "INTEGER", "double": "REAL",
             "bool": "BOOLEAN", "datetime": "DATETIME"}
#: Lookup tables added by schema version 2: name -> (catalogue, extra columns).
LOOKUPS_V2: dict[str, tuple[tuple[catalogue.Entry, ...], tuple[str, ...]]] = {
    "ref_program": (catalogue.PROGRAMMES, ()),
    "ref_jenis_partisipasi": (catalogue.PARTICIPATION_KINDS, ()),
    "ref_sumber_riwayat": (catalogue.HISTORY_SOURCES, ()),
    "ref_tahap_riwayat": (catalogue.HISTORY_STAGES, ()),
}
#: Indexes of the history tables: name -> (table, columns).
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "riwayat_tahap_uid_tanggal_idx": (schema.STAGE_HISTORY, ("uid", "tanggal_berlaku")),
    "partisipasi_program_uid_idx": (schema.PROGRAMME_REGISTER, ("uid",)),
}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def gpkg_datetime(value: Any) -> Any:
    """A date/time -> GeoPackage DATETIME text (``YYYY-MM-DDTHH:MM:SS.SSSZ``); text as is."""
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if isinstance(value, dt.date):
        return value.isoformat() + "T00:00:00.000Z"
    return value


def _plain(value: Any) -> Any:
    """numpy scalars and pandas' missing markers -> what sqlite3 accepts."""
    if value is None or str(value) == "NaT":
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return gpkg_datetime(value)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return gpkg_datetime(value)


def create_attribute_table(db: sqlite3.Connection, name: str,
                           columns: Sequence[tuple[str, str]]) -> None:
    """An empty attribute table ``(fid, columns...)`` registered like GDAL registers one."""
    cols = ", ".join(f"{quote(c)} {t}" for c, t in columns)
    q = quote(name)
    db.execute(f"CREATE TABLE {q} ( {quote('fid')} INTEGER PRIMARY KEY AUTOINCREMENT "
               f"NOT NULL, {cols})")
    db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
               "last_change) VALUES (?, 'attributes', ?, '', strftime('%Y-%m-%dT%H:%M:%fZ', "
               "'now'))", (name, name))
    has_ogr = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'gpkg_ogr_contents'").fetchone()
    if has_ogr:
        db.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES (?, 0)",
                   (name,))
        literal = "'" + name.replace("'", "''") + "'"
        for op, sign in (("INSERT", "+"), ("DELETE", "-")):
            db.execute(f"CREATE TRIGGER {quote(f'trigger_{op.lower()}_feature_count_{name}')} "
                       f"AFTER {op} ON {q} BEGIN UPDATE gpkg_ogr_contents SET feature_count = "
                       f"feature_count {sign} 1 WHERE lower(table_name) = lower({literal}); END")


def insert_rows(db: sqlite3.Connection, name: str, columns: Sequence[str],
                rows: Iterable[Sequence[Any]]) -> int:
    """Append rows; returns how many."""
    sql = (f"INSERT INTO {quote(name)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    cursor = db.executemany(sql, ([_plain(v) for v in row] for row in rows))
    return max(cursor.rowcount, 0)


def field_columns(specs: Sequence[schema.Field]) -> list[tuple[str, str]]:
    return [(s.name, SQL_TYPES[s.type] + (f"({s.length})" if s.type == "string" and s.length
                                           else "")) for s in specs]


def existing_tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def drop_version2_tables(db: sqlite3.Connection) -> None:
    """Remove the version-2 tables (``createdatabase`` over the plugin's own file empties it)."""
    present = existing_tables(db)
    for table in (*(t for t, _g, _s in schema.TABLES.values()), *LOOKUPS_V2):
        if table in present:
            db.execute(f"DROP TABLE {quote(table)}")
            db.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))
            if "gpkg_ogr_contents" in present:
                db.execute("DELETE FROM gpkg_ogr_contents WHERE table_name = ?", (table,))


def create_version2_tables(db: sqlite3.Connection) -> list[str]:
    """The history tables (empty) with their indexes, and the new lookup tables (filled).

    Returns the tables created. Refuses (``sqlite3.OperationalError``) a name already taken.
    """
    created = []
    for table, _geometry, specs in schema.TABLES.values():
        create_attribute_table(db, table, field_columns(specs))
        created.append(table)
    for index, (table, cols) in INDEXES.items():
        db.execute(f"CREATE INDEX {quote(index)} ON {quote(table)} "
                   f"({', '.join(quote(c) for c in cols)})")
    for table, (entries, extra) in LOOKUPS_V2.items():
        names = ("kode", "label_id", "label_en", *extra)
        create_attribute_table(db, table, [(n, "TEXT") for n in names])
        insert_rows(db, table, names, ([e.code, e.label_id, e.label_en,
                                        *(str(getattr(e, x)) for x in extra)]
                                       for e in entries))
        created.append(table)
    return created


def set_schema_version(db: sqlite3.Connection, version: int) -> None:
    """Write ``schema_version`` (and ``skema_diubah``, when) in ``ir_metadata``."""
    table = quote(schema.METADATA_TABLE)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for key, value in (("schema_version", str(version)), ("skema_diubah", now)):
        if db.execute(f"UPDATE {table} SET nilai = ? WHERE kunci = ?", (value, key)).rowcount:
            continue
        db.execute(f"INSERT INTO {table} (kunci, nilai) VALUES (?, ?)", (key, value))
