"""Raw GeoPackage access for field-survey packages: records as stored, point blobs, and the
geometry functions GeoPackage R-tree triggers call.

The merge reads and writes the office file with ``sqlite3`` inside ONE transaction (all or
nothing, a failed merge leaves no trace). Geometries are copied as the GeoPackage blobs the
field wrote, so no coordinate is re-encoded; the R-tree triggers GDAL puts on a layer call
``ST_IsEmpty``/``ST_MinX``..., which plain SQLite lacks: they are given here for points.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import urllib.parse
from typing import Any

from industri_rumahan_plugin.core.field_survey import Record


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: BEGIN ... COMMIT)."""
    mode = "ro" if readonly else "rw"
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + f"?mode={mode}"
    con = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
    for name, function in (("ST_IsEmpty", st_is_empty), ("ST_MinX", _x), ("ST_MaxX", _x),
                           ("ST_MinY", _y), ("ST_MaxY", _y)):
        con.create_function(name, 1, function, deterministic=True)
    return con


def _header(blob: bytes) -> tuple[bool, int, bool]:
    """(little endian, offset of the WKB, empty flag) of a GeoPackage geometry blob."""
    if not blob or len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = (flags >> 1) & 0x07
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope)
    if size is None:
        raise ValueError("bad envelope")
    return bool(flags & 0x01), 8 + size, bool(flags & 0x10)


def point_xy(blob: bytes | None) -> tuple[float, float] | None:
    """x, y of a GeoPackage point blob; None for NULL or empty."""
    if blob is None:
        return None
    _little, offset, empty = _header(bytes(blob))
    if empty:
        return None
    wkb = bytes(blob)[offset:]
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack(order + "I", wkb[1:5])[0]
    if kind % 1000 != 1 and kind & 0xFF != 1:
        raise ValueError("not a point")
    x, y = struct.unpack(order + "dd", wkb[5:21])
    if x != x or y != y:  # NaN coordinates: an empty point
        return None
    return x, y


def st_is_empty(blob: bytes | None) -> int | None:
    if blob is None:
        return None
    return int(point_xy(blob) is None)


def _x(blob: bytes | None) -> float | None:
    xy = point_xy(blob)
    return None if xy is None else xy[0]


def _y(blob: bytes | None) -> float | None:
    xy = point_xy(blob)
    return None if xy is None else xy[1]


def columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f"PRAGMA table_info({quote(table)})")]


def tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def geometry_column(con: sqlite3.Connection, table: str) -> tuple[str, int] | None:
    row = con.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns "
                      "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
    return None if row is None else (row[0], int(row[1]))


def srs_identity(con: sqlite3.Connection, srs_id: int) -> tuple[str, int] | None:
    row = con.execute("SELECT upper(organization), organization_coordsys_id FROM "
                      "gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))


def fid_column(con: sqlite3.Connection, table: str) -> str:
    rows = list(con.execute(f"PRAGMA table_info({quote(table)})"))
    return next((r[1] for r in rows if r[5] == 1), "fid")


def enterprise_table(con: sqlite3.Connection) -> str | None:
    """The point table with the enterprise signature (recognised by fields, not name)."""
    from industri_rumahan_plugin.core import schema

    rows = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
    for (name,) in rows:
        if schema.layer_role(columns(con, name), "Point") == "enterprises":
            return name
    return None


def read_records(con: sqlite3.Connection, table: str, names: list[str],
                 uids: list[str] | None = None) -> tuple[dict[str, Record], dict[str, bytes]]:
    """Records by uid (raw stored values) and their geometry blobs; ``uids`` limits the
    read (the office may hold a million)."""
    geom = geometry_column(con, table)
    present = set(columns(con, table))
    picked = [n for n in names if n in present]
    select = ", ".join(quote(n) for n in picked)
    geom_sql = f", {quote(geom[0])}" if geom else ", NULL"
    sql = f"SELECT {select}{geom_sql} FROM {quote(table)}"
    if uids is not None:
        con.execute("CREATE TEMP TABLE IF NOT EXISTS ir_uids (uid TEXT PRIMARY KEY)")
        con.execute("DELETE FROM temp.ir_uids")
        con.executemany("INSERT OR IGNORE INTO temp.ir_uids VALUES (?)", ((u,) for u in uids))
        sql += " WHERE uid IN (SELECT uid FROM temp.ir_uids)"
    records: dict[str, Record] = {}
    blobs: dict[str, bytes] = {}
    for row in con.execute(sql):
        values: dict[str, Any] = dict(zip(picked, row[:-1]))
        uid = values.get("uid")
        if not uid:
            continue
        blob = row[-1]
        records[str(uid)] = Record(str(uid), values, point_xy(blob))
        if blob is not None:
            blobs[str(uid)] = bytes(blob)
    if uids is not None:
        con.execute("DELETE FROM temp.ir_uids")
    return records, blobs


def read_key_values(con: sqlite3.Connection, table: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in con.execute(
        f"SELECT kunci, nilai FROM {quote(table)}")}
