""""The input layer plus new columns" written to a GeoPackage in bulk, without the feature sink.

Why: for a million enterprises, QGIS's feature sink costs about a minute (a Python loop over
``QgsFeature`` plus the writer's own finishing), while SQLite copies the same rows in a few
seconds. Used when the input is an unfiltered GeoPackage layer and the output a GeoPackage
file; every other case (memory layers, Shapefiles, PostGIS, filters, selections) goes through
the sink, and so does any case this module does not recognise or fails on.

Steps: GDAL creates the output layer with the input's schema and CRS but no rows; the new
columns are added through OGR; one ``INSERT … SELECT`` inside SQLite copies every input row,
keeping its fid, joined to the new values (staged in a temporary table); finally GDAL builds
the spatial index, as QGIS's writer does.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters import gateway
from industri_rumahan_plugin.compat import FieldTypeValue, field_kind

_SQL_TYPE = {"string": "TEXT", "double": "REAL", "int": "INTEGER", "int64": "INTEGER"}


@dataclass
class GpkgTarget:
    """Where the bulk writer goes: a GeoPackage file, and what QGIS loads after."""

    path: str
    load_name: str = ""  # non-empty: add to the project on completion under this name
    project: object = None


def gpkg_input(layer: QgsVectorLayer | None, value) -> tuple[str, str] | None:
    """(path, layer name) when the gateway allows a bulk read of the whole GeoPackage layer."""
    decision = gateway.decide(layer, value, providers=("ogr",), storage="GPKG")
    if not decision.fast or not decision.path.lower().endswith(".gpkg"):
        return None
    return decision.path, decision.layer_name


def gpkg_destination(parameters: dict, name: str, context: QgsProcessingContext,
                     default_name: str) -> GpkgTarget | None:
    """The output as a GeoPackage file path, or None when the feature sink must be used.

    A temporary output becomes a temporary GeoPackage (QGIS would make a memory layer, which
    for a million features is slower and held in memory).
    """
    value = parameters.get(name)
    project, load_name = None, ""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        project, load_name = value.destinationProject, value.destinationName
        sink = value.sink
        if isinstance(sink, QgsProperty):
            got = sink.valueAsString(context.expressionContext(), "")
            sink = got[0] if isinstance(got, tuple) else got
        value = sink
    if not isinstance(value, str):
        return None
    dest = value.strip()
    if not dest or dest == QgsProcessing.TEMPORARY_OUTPUT:
        dest = QgsProcessingUtils.generateTempFilename("nearest_service.gpkg")
    if "|" in dest or not dest.lower().endswith(".gpkg") or dest.lower().startswith(
        ("ogr:", "memory:", "postgres:", "postgis:", "spatialite:")
    ):
        return None
    if project is not None:
        load_name = load_name or default_name
    return GpkgTarget(dest, load_name, project)


def write_output(
    alg: QgsProcessingAlgorithm,
    parameters: dict,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None,
    fids: np.ndarray,
    extra: Sequence[tuple[str, FieldTypeValue]],
    columns: Sequence[np.ndarray],
    span: tuple[float, float] = (70.0, 100.0),
) -> str | None:
    """INPUT with ``columns`` to the OUTPUT GeoPackage in bulk; its path, or None: use the sink.

    Like ``parameterAsSink``, the written layer is added to the project on completion when
    the output asks for it.
    """
    layer = alg.parameterAsVectorLayer(parameters, "INPUT", context)
    source = gpkg_input(layer, parameters.get("INPUT"))
    output = alg.parameterDefinition("OUTPUT")
    target = gpkg_destination(parameters, "OUTPUT", context,
                              output.description() if output is not None else "OUTPUT")
    if source is None or target is None:
        return None
    final = target.path
    writes = getattr(alg, "writes", None)
    if writes is not None:  # staged beside the target, moved into place when the run succeeds
        target.path = writes.staged(final)
    if not write_gpkg_with_columns(source, target, fids, extra, columns, feedback, span):
        return None
    if target.project is not None:
        context.addLayerToLoadOnCompletion(final, QgsProcessingContext.LayerDetails(
            target.load_name, target.project, "OUTPUT"))
    return final


def write_gpkg_with_columns(
    source: tuple[str, str],
    target: GpkgTarget,
    fids: np.ndarray,
    extra: Sequence[tuple[str, FieldTypeValue]],
    columns: Sequence[np.ndarray],
    feedback: QgsProcessingFeedback | None = None,
    span: tuple[float, float] = (70.0, 100.0),
) -> bool:
    """Copy the GeoPackage layer ``source`` to ``target`` with ``columns`` added (by fid).

    ``fids`` are the input's fids (those QGIS and OGR give for GeoPackage layers), aligned with
    ``columns``. The output layer keeps the input layer's name. Returns False, leaving no file
    behind, when the bulk copy is not possible: the caller then writes through the sink.
    """
    src_path, src_layer = source
    if os.path.exists(target.path) and os.path.samefile(target.path, src_path):
        return False
    _remove(target.path)
    done = False
    try:
        layer, alone = _layer_of(src_path, src_layer)
        if layer is not None:
            copy = _copy_file if alone else _copy_rows
            done = copy(src_path, layer, target.path, fids, extra, columns, feedback, span)
    except (RuntimeError, sqlite3.Error, OSError, ValueError):
        done = False
    if not done:
        _remove(target.path)
    return done


def _layer_of(path: str, layer: str) -> tuple[str | None, bool]:
    """(the layer's table name, whether it is the file's only table) from the GeoPackage."""
    con = sqlite3.connect(_uri(path, "ro"), uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'gpkg%' "
            "AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'rtree%'")]
    finally:
        con.close()
    found = next((t for t in tables if t.lower() == layer.lower()), None) if layer else (
        tables[0] if tables else None)
    # a write-ahead log may hold rows the main file does not have yet: copy rows, not the file
    wal = os.path.exists(path + "-wal") and os.path.getsize(path + "-wal") > 0
    alone = found is not None and len(tables) == 1 and names == [found] and not wal
    return found, alone


def _copy_file(src_path, layer, path, fids, extra, columns, feedback, span) -> bool:
    """The input is the file's only layer: copy the file, add the columns, one UPDATE."""
    shutil.copyfile(src_path, path)
    if _progress(feedback, span, 0.1):
        return False
    con = _connect(path)
    try:
        con.execute("BEGIN")
        for name, kind in extra:
            con.execute(f"ALTER TABLE {_q(layer)} ADD COLUMN {_q(name)} "
                        f"{_SQL_TYPE.get(field_kind(kind), 'TEXT')}")
        values, joins = _stage(con, fids, extra, columns)
        if _progress(feedback, span, 0.4):
            return False
        fid = _fid_column(con, layer)
        targets = ", ".join(_q(name) for name, _ in extra)
        con.execute(f"UPDATE {_q(layer)} SET ({targets}) = ({', '.join(values)}) "
                    f"FROM {joins} WHERE {_q(layer)}.{_q(fid)} = v.fid")
        con.execute("COMMIT")
    finally:
        con.close()
    _progress(feedback, span, 1.0)
    return True


def _copy_rows(src_path, layer, path, fids, extra, columns, feedback, span) -> bool:
    """Other layers share the file: a new file, the rows copied by one INSERT … SELECT."""
    from osgeo import gdal, ogr

    src = ogr.Open(src_path, 0)
    lyr = None if src is None else src.GetLayerByName(layer)
    if lyr is None:
        return False
    src_fid, src_geom = lyr.GetFIDColumn(), lyr.GetGeometryColumn()
    src = lyr = None
    # the input's schema and CRS, no rows, no spatial index yet (built after the copy)
    out = gdal.VectorTranslate(
        path, src_path, format="GPKG", layers=[layer], layerName=layer,
        options=["-where", "0 = 1"], layerCreationOptions=["SPATIAL_INDEX=NO"])
    if out is None:
        return False
    out_lyr = out.GetLayer(0)
    for name, kind in extra:
        field = ogr.FieldDefn(name, ogr.OFTReal if field_kind(kind) == "double" else
                              ogr.OFTInteger64 if field_kind(kind) in ("int", "int64")
                              else ogr.OFTString)
        if out_lyr.CreateField(field) != 0:
            return False
    out_fid, out_geom = out_lyr.GetFIDColumn(), out_lyr.GetGeometryColumn()
    out_lyr = out = None
    if _progress(feedback, span, 0.1):
        return False
    con = _connect(path)
    try:
        con.execute("ATTACH DATABASE ? AS src", (_uri(src_path, "ro"),))
        if not _same_srs(con, layer):
            return False
        src_cols = _columns(con, "src", layer)
        new_names = [name for name, _ in extra]
        out_cols = [c for c in _columns(con, "main", layer) if c not in new_names]
        picks = []
        for col in out_cols:
            pick = src_fid if col == out_fid else src_geom if col == out_geom else col
            if pick not in src_cols:
                return False
            picks.append(pick)
        if len(set(picks)) != len(src_cols):
            return False
        con.execute("BEGIN")
        values, joins = _stage(con, fids, extra, columns)
        if _progress(feedback, span, 0.4):
            return False
        names = ", ".join(_q(c) for c in [*out_cols, *new_names])
        chosen = ", ".join([*(f"s.{_q(c)}" for c in picks), *values])
        con.execute(
            f"INSERT INTO main.{_q(layer)} ({names}) SELECT {chosen} "
            f"FROM src.{_q(layer)} AS s LEFT JOIN ({joins}) ON v.fid = s.{_q(src_fid)} "
            f"ORDER BY s.{_q(src_fid)}")
        # same rows, same geometries: the input's extent is the output's
        con.execute(
            "UPDATE main.gpkg_contents SET (min_x, min_y, max_x, max_y) = "
            "(SELECT min_x, min_y, max_x, max_y FROM src.gpkg_contents "
            " WHERE lower(table_name) = lower(?1)) WHERE lower(table_name) = lower(?1)",
            (layer,))
        con.execute("COMMIT")
        con.execute("DETACH DATABASE src")
    finally:
        con.close()
    if _progress(feedback, span, 0.7):
        return False
    out = ogr.Open(path, 1)
    if out is None:
        return False
    # R-tree and its triggers, as QGIS's writer leaves them (slow for millions of rows)
    done = out.ExecuteSQL(f"SELECT CreateSpatialIndex('{layer}', '{out_geom}')")
    if done is not None:
        out.ReleaseResultSet(done)
    out.GetLayer(0).GetFeatureCount()  # records the count in gpkg_ogr_contents
    out = None
    _progress(feedback, span, 1.0)
    return True


def _stage(con: sqlite3.Connection, fids, extra, columns) -> tuple[list[str], str]:
    """The new values in a temporary table keyed by fid; text as codes into small lookups.

    Returns the SQL value of each new column and the FROM clause (alias ``v``) that gives them.
    """
    slots, values, joins, rows = [], [], ["temp.ir_values AS v"], []
    for j, ((_, kind), column) in enumerate(zip(extra, columns)):
        arr = np.asarray(column)
        if arr.dtype.kind in "OUS":
            codes, uniques = pd.factorize(pd.Series(arr, dtype=object))  # None -> -1
            con.execute(f"CREATE TEMP TABLE ir_lookup_{j} (k INTEGER PRIMARY KEY, v TEXT)")
            con.executemany(f"INSERT INTO ir_lookup_{j} VALUES (?, ?)",
                            enumerate(str(u) for u in uniques))
            slots.append(f"c{j} INTEGER")
            rows.append([None if c < 0 else c for c in codes.tolist()])
            joins.append(f"LEFT JOIN temp.ir_lookup_{j} AS l{j} ON l{j}.k = v.c{j}")
            values.append(f"l{j}.v")
        else:
            slots.append(f"c{j} {_SQL_TYPE.get(field_kind(kind), 'REAL')}")
            rows.append(_plain(arr))
            values.append(f"v.c{j}")
    con.execute(f"CREATE TEMP TABLE ir_values (fid INTEGER PRIMARY KEY, {', '.join(slots)})")
    marks = ", ".join("?" * (len(extra) + 1))
    con.executemany(f"INSERT INTO ir_values VALUES ({marks})",
                    zip(np.asarray(fids, dtype=np.int64).tolist(), *rows))
    return values, " ".join(joins)


def _progress(feedback, span, fraction: float) -> bool:
    """Report progress; True when the user cancelled."""
    if feedback is None:
        return False
    feedback.setProgress(span[0] + (span[1] - span[0]) * fraction)
    return feedback.isCanceled()


def _connect(path: str) -> sqlite3.Connection:
    con = sqlite3.connect(_uri(path, "rw"), uri=True, isolation_level=None)
    # GeoPackage triggers name these functions (GDAL's); none of them fires when only new
    # attribute columns change, and if one ever did, the error sends the caller to the sink
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        con.create_function(name, 1, _not_here)
    # a new file, removed on any failure: no journal, no fsync, a big page cache
    for pragma in ("synchronous = OFF", "journal_mode = OFF", "cache_size = -262144"):
        con.execute(f"PRAGMA {pragma}")
    return con


def _not_here(_blob):
    raise ValueError("geometry function not available here")


def _uri(path: str, mode: str) -> str:
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + f"?mode={mode}"


def _fid_column(con: sqlite3.Connection, table: str) -> str:
    rows = list(con.execute(f"PRAGMA table_info({_q(table)})"))
    return next(r[1] for r in rows if r[5] == 1)  # the INTEGER PRIMARY KEY


def _same_srs(con: sqlite3.Connection, layer: str) -> bool:
    """Geometry blobs carry an srs_id: copy them only when both files use the same one."""
    query = "SELECT srs_id FROM {db}.gpkg_geometry_columns WHERE lower(table_name) = lower(?)"
    a = con.execute(query.format(db="src"), (layer,)).fetchone()
    b = con.execute(query.format(db="main"), (layer,)).fetchone()
    return a is not None and b is not None and a[0] == b[0]


def _columns(con: sqlite3.Connection, db: str, table: str) -> list[str]:
    return [row[1] for row in con.execute(f"PRAGMA {db}.table_info({_q(table)})")]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _plain(values: np.ndarray) -> list:
    """numpy values -> Python values SQLite binds, NaN/None as NULL."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f":
        return [None if v != v else v for v in arr.tolist()]
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in arr.tolist()]


def _remove(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
