"""Columns of a GeoPackage table in one SQL read, safe beside QGIS's own open connection.

Through Python's ``sqlite3``, which uses the same SQLite library as QGIS's GDAL. A reader with
its own copy of SQLite (pyogrio's wheel bundles one) must not touch a file that QGIS holds
open in WAL mode: closing its handle drops QGIS's POSIX locks and deletes the ``-shm`` index
under QGIS's feet; on QGIS 3.40+ every later connection then fails with "disk I/O error".
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse

import numpy as np
import pandas as pd


def read_columns(path: str, table: str, names: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """(fids, frame of ``names``) of a GeoPackage table; BOOLEAN columns as True/False/None.

    Values are what QGIS gives for the same fields (str, int, float, bool, None), so callers
    can use this or a QGIS feature request interchangeably. Raises ``sqlite3.Error``,
    ``KeyError`` (unknown column) or ``OSError`` when the file cannot be read this way.
    """
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    try:
        info = {row[1]: row for row in con.execute(f"PRAGMA table_info({_q(table)})")}
        if not info:
            raise KeyError(table)
        fid = next(name for name, row in info.items() if row[5] == 1)  # INTEGER PRIMARY KEY
        missing = [n for n in names if n not in info]
        if missing:
            raise KeyError(", ".join(missing))
        columns = ", ".join(_q(n) for n in [fid, *names])
        rows = con.execute(f"SELECT {columns} FROM {_q(table)} ORDER BY {_q(fid)}").fetchall()
    finally:
        con.close()
    frame = pd.DataFrame.from_records(rows, columns=["__fid", *names])
    for name in names:
        if str(info[name][2]).upper() == "BOOLEAN":
            frame[name] = pd.Series([None if v is None else bool(v) for v in frame[name]])
    fids = frame.pop("__fid").to_numpy(dtype=np.int64)
    return fids, frame


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
