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
import sqlite3
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

_SQL_TYPE = {QVariant.String: "TEXT", QVariant.Double: "REAL", QVariant.Int: "INTEGER",
             QVariant.LongLong: "INTEGER"}


@dataclass
class GpkgTarget:
    """Where the bulk writer goes: a GeoPackage file, its layer name, what QGIS loads after."""

    path: str
    layer: str
    load_name: str = ""  # non-empty: add to the project on completion under this name
    project: object = None


def gpkg_input(layer: QgsVectorLayer | None, value) -> tuple[str, str] | None:
    """(path, layer name) when ``layer`` is a whole GeoPackage layer (no filter, selection)."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.selectedFeaturesOnly or value.featureLimit != -1
        or getattr(value, "filterExpression", "")
    ):
        return None
    if layer.dataProvider() is None or layer.dataProvider().storageType() != "GPKG":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or parts.get("subset") or not os.path.isfile(path):
        return None
    return path, parts.get("layerName") or ""


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
    return GpkgTarget(dest, os.path.splitext(os.path.basename(dest))[0], load_name, project)


def write_gpkg_with_columns(
    source: tuple[str, str],
    target: GpkgTarget,
    fids: np.ndarray,
    extra: Sequence[tuple[str, QVariant.Type]],
    columns: Sequence[np.ndarray],
    feedback: QgsProcessingFeedback | None = None,
    span: tuple[float, float] = (70.0, 100.0),
) -> bool:
    """Copy the GeoPackage layer ``source`` to ``target`` with ``columns`` added (by fid).

    ``fids`` are the input's fids (those QGIS and OGR give for GeoPackage layers), aligned with
    ``columns``. Returns False, leaving no file behind, when the bulk copy is not possible: the
    caller then writes through the feature sink.
    """
    src_path, src_layer = source
    if os.path.exists(target.path) and os.path.samefile(target.path, src_path):
        return False
    _remove(target.path)
    try:
        done = _copy(src_path, src_layer, target, fids, extra, columns, feedback, span)
    except (RuntimeError, sqlite3.Error, OSError, ValueError):
        done = False
    if not done:
        _remove(target.path)
    return done


def _progress(feedback, span, fraction: float) -> bool:
    """Report progress; True when the user cancelled."""
    if feedback is None:
        return False
    feedback.setProgress(span[0] + (span[1] - span[0]) * fraction)
    return feedback.isCanceled()


def _copy(src_path, src_layer, target, fids, extra, columns, feedback, span) -> bool:
    from osgeo import gdal, ogr

    src = ogr.Open(src_path, 0)
    lyr = None if src is None else (
        src.GetLayerByName(src_layer) if src_layer else src.GetLayer(0))
    if lyr is None:
        return False
    src_layer = lyr.GetName()
    src_fid, src_geom = lyr.GetFIDColumn(), lyr.GetGeometryColumn()
    src = lyr = None
    # the input's schema and CRS, no rows, no spatial index yet (built after the copy)
    out = gdal.VectorTranslate(
        target.path, src_path, format="GPKG", layers=[src_layer],
        layerName=target.layer, options=["-where", "0 = 1"],
        layerCreationOptions=["SPATIAL_INDEX=NO"])
    if out is None:
        return False
    out_lyr = out.GetLayer(0)
    for name, kind in extra:
        field = ogr.FieldDefn(name, ogr.OFTReal if kind == QVariant.Double else
                              ogr.OFTInteger64 if kind in (QVariant.Int, QVariant.LongLong)
                              else ogr.OFTString)
        if out_lyr.CreateField(field) != 0:
            return False
    out_fid, out_geom = out_lyr.GetFIDColumn(), out_lyr.GetGeometryColumn()
    out_lyr = out = None
    if _progress(feedback, span, 0.1):
        return False
    uri = "file:" + urllib.parse.quote(os.path.abspath(target.path)) + "?mode=rw"
    src_uri = "file:" + urllib.parse.quote(os.path.abspath(src_path)) + "?mode=ro"
    con = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        # a new file, removed on any failure: no journal, no fsync, a big page cache
        for pragma in ("synchronous = OFF", "journal_mode = OFF", "cache_size = -262144"):
            con.execute(f"PRAGMA {pragma}")
        con.execute("ATTACH DATABASE ? AS src", (src_uri,))
        if not _same_srs(con, src_layer, target.layer):
            return False
        src_cols = _columns(con, "src", src_layer)
        new_names = [name for name, _ in extra]
        out_cols = [c for c in _columns(con, "main", target.layer) if c not in new_names]
        picks = []
        for col in out_cols:
            pick = src_fid if col == out_fid else src_geom if col == out_geom else col
            if pick not in src_cols:
                return False
            picks.append(pick)
        if len(set(picks)) != len(src_cols):
            return False
        con.execute("BEGIN")
        slots = ", ".join(f"c{j} {_SQL_TYPE.get(kind, 'TEXT')}"
                          for j, (_, kind) in enumerate(extra))
        con.execute(f"CREATE TEMP TABLE ir_values (fid INTEGER PRIMARY KEY, {slots})")
        rows = zip(np.asarray(fids, dtype=np.int64).tolist(), *(_plain(c) for c in columns))
        marks = ", ".join("?" * (len(extra) + 1))
        con.executemany(f"INSERT INTO ir_values VALUES ({marks})", rows)
        if _progress(feedback, span, 0.4):
            con.execute("ROLLBACK")
            return False
        names = ", ".join(_q(c) for c in [*out_cols, *new_names])
        chosen = ", ".join([*(f"s.{_q(c)}" for c in picks),
                            *(f"v.c{j}" for j in range(len(extra)))])
        con.execute(
            f"INSERT INTO main.{_q(target.layer)} ({names}) SELECT {chosen} "
            f"FROM src.{_q(src_layer)} AS s LEFT JOIN temp.ir_values AS v "
            f"ON v.fid = s.{_q(src_fid)} ORDER BY s.{_q(src_fid)}")
        # same rows, same geometries: the input's extent is the output's
        con.execute(
            "UPDATE main.gpkg_contents SET (min_x, min_y, max_x, max_y) = "
            "(SELECT min_x, min_y, max_x, max_y FROM src.gpkg_contents "
            " WHERE lower(table_name) = lower(?)) WHERE lower(table_name) = lower(?)",
            (src_layer, target.layer))
        con.execute("COMMIT")
        con.execute("DETACH DATABASE src")
    finally:
        con.close()
    if _progress(feedback, span, 0.7):
        return False
    cache = gdal.GetConfigOption("OGR_SQLITE_CACHE")
    gdal.SetConfigOption("OGR_SQLITE_CACHE", "512")  # MB: the R-tree build is cache bound
    out = ogr.Open(target.path, 1)
    gdal.SetConfigOption("OGR_SQLITE_CACHE", cache)
    if out is None:
        return False
    # bulk-built R-tree (and its triggers), like QGIS's writer leaves it
    done = out.ExecuteSQL(f"SELECT CreateSpatialIndex('{target.layer}', '{out_geom}')")
    if done is not None:
        out.ReleaseResultSet(done)
    out.GetLayer(0).GetFeatureCount()  # records the count in gpkg_ogr_contents
    out = None
    _progress(feedback, span, 1.0)
    return True


def _same_srs(con: sqlite3.Connection, src_layer: str, out_layer: str) -> bool:
    """Geometry blobs carry an srs_id: copy them only when both files use the same one."""
    query = ("SELECT srs_id FROM {db}.gpkg_geometry_columns WHERE lower(table_name) = lower(?)")
    a = con.execute(query.format(db="src"), (src_layer,)).fetchone()
    b = con.execute(query.format(db="main"), (out_layer,)).fetchone()
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
