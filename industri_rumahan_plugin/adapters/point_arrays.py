"""Point layers -> (x, y) arrays and attribute columns, fast when the layer is a plain file.

For an OGR file layer (GeoPackage, Shapefile, GeoJSON…) read without a filter, selection or
subset, GDAL's Arrow stream (``Layer.GetArrowStreamAsNumPy``, GDAL ≥ 3.6, shipped with QGIS)
hands over whole columns: a million points in about a second instead of the ~20 s of a Python
loop over ``QgsFeature``. Anything else goes through ``adapters.arrays.read_source``.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters import gateway, gpkg_columns
from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.adapters.normalise import normalise_attributes
from industri_rumahan_plugin.compat import Misc


@dataclass
class PointArrays:
    """Point coordinates in the target CRS (NaN where missing) and the asked-for columns."""

    xy: np.ndarray
    attributes: pd.DataFrame
    fids: np.ndarray  # QGIS feature ids (for writing chosen input features back out)
    fast: bool = False  # read through the Arrow fast path

    def __len__(self) -> int:
        return len(self.xy)

    @property
    def missing(self) -> int:
        return int(np.isnan(self.xy).any(axis=1).sum())


def _plain_file(layer: QgsVectorLayer | None, value) -> tuple[str, str] | None:
    """(path, layer name) when the gateway allows a bulk read of the OGR file, else None."""
    decision = gateway.decide(layer, value, providers=("ogr",))
    return (decision.path, decision.layer_name) if decision.fast else None


def transform_xy(xy: np.ndarray, source: QgsCoordinateReferenceSystem,
               target: QgsCoordinateReferenceSystem) -> np.ndarray:
    """Reproject an (n, 2) array with GDAL/PROJ in one call (axis order: x = east)."""
    from osgeo import osr

    def srs(crs: QgsCoordinateReferenceSystem) -> osr.SpatialReference:
        ref = osr.SpatialReference()
        ref.ImportFromWkt(crs.toWkt(Misc.WKT2_2019))
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return ref

    ct = osr.CoordinateTransformation(srs(source), srs(target))
    ok = np.isfinite(xy).all(axis=1)
    out = np.full_like(xy, np.nan)
    if ok.any():
        done = np.asarray(ct.TransformPoints(xy[ok]), dtype=float)
        out[ok] = done[:, :2]
    return out


def _wkb_points(geom: np.ndarray) -> np.ndarray:
    """(n, 2) from an Arrow WKB column: fixed 21-byte 2-D points decoded without parsing."""
    if geom.dtype.kind == "V" and geom.dtype.itemsize == 21:
        raw = geom.view(np.uint8).reshape(-1, 21)
        if len(raw) and (raw[:, 0] == 1).all() and (raw[:, 1] == 1).all():
            return np.ascontiguousarray(raw[:, 5:21]).view("<f8").reshape(-1, 2)
    wkb = np.asarray([bytes(g) if g is not None and len(g) else None for g in geom],
                     dtype=object)
    shapes = shapely.from_wkb(wkb, on_invalid="ignore")
    xy = np.full((len(shapes), 2), np.nan)
    ok = ~(shapely.is_missing(shapes) | shapely.is_empty(shapes))
    if ok.any():
        xy[ok] = shapely.get_coordinates(shapely.centroid(shapes[ok]))
    return xy


def _read_arrow(path: str, layer_name: str, fields: Sequence[str]) -> tuple | None:
    from osgeo import ogr

    ds = ogr.Open(path)
    if ds is None:
        return None
    lyr = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    names = [lyr.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(lyr.GetLayerDefn().GetFieldCount())]
    if any(f not in names for f in fields):
        return None
    booleans = _boolean_fields(lyr, fields)
    batches = gpkg_columns.read_batches(ds, path, lyr, fields, booleans)
    cast = batches is not None  # the GeoPackage query reads booleans as integers
    if batches is None:
        lyr.SetIgnoredFields([n for n in names if n not in fields])
        batches = lyr.GetArrowStreamAsNumPy(options=gpkg_columns.BATCH_OPTIONS)
    geom_name = lyr.GetGeometryColumn() or "wkb_geometry"
    fid_name = lyr.GetFIDColumn() or "OGC_FID"
    xy_parts, fid_parts, cols = [], [], {f: [] for f in fields}
    for batch in batches:
        key = geom_name if geom_name in batch else next(
            (k for k, v in batch.items() if k not in cols and k not in ("fid", fid_name)
             and getattr(v, "dtype", None) is not None and v.dtype.kind in "VO"), None)
        if key is None:
            return None
        xy_parts.append(_wkb_points(batch[key]))
        fid_parts.append(batch.get(fid_name, batch.get(
            "fid", np.full(len(batch[key]), -1, dtype=np.int64))))
        for f in fields:
            cols[f].append(batch[f])
    xy = np.vstack(xy_parts) if xy_parts else np.empty((0, 2))
    data = {}
    fids = np.concatenate(fid_parts) if fid_parts else np.empty(0, dtype=np.int64)
    for f, parts in cols.items():
        if f in booleans and not cast:
            data[f] = _read_boolean(ds, lyr, f, fids)
            continue
        col = np.ma.concatenate(parts) if parts else np.ma.masked_array(np.empty(0, object))
        mask = np.ma.getmaskarray(col)
        col = np.ma.getdata(col)
        if f in booleans:  # integers from the query
            flags = np.full(len(col), None, dtype=object)
            flags[~mask] = col[~mask] != 0
            data[f] = flags
            continue
        if col.dtype.kind == "S":
            col = _decode_text(col)
        if mask.any():  # NULLs: the Arrow validity bitmap, not the placeholder values
            col = col.astype(object if col.dtype.kind in "OSU" else float)
            col[mask] = None if col.dtype == object else np.nan
        data[f] = col
    return xy, pd.DataFrame(data, columns=list(fields)), fids


def _decode_text(col: np.ndarray) -> np.ndarray:
    """Fixed-width UTF-8 bytes -> str objects, each distinct value decoded once.

    Distinct values are found by hashing each value's bytes as 64-bit words and factorising
    the hashes (``np.unique`` sorts a million byte strings in ~1 s; this takes ~0.1 s); a
    hash collision, checked for, falls back to ``np.unique``.
    """
    n, size = len(col), col.dtype.itemsize
    if n == 0 or size == 0:
        return np.full(n, "", dtype=object)
    raw = np.zeros((n, -(-size // 8) * 8), dtype=np.uint8)
    raw[:, :size] = col.view(np.uint8).reshape(n, size)
    words = raw.view(np.uint64)
    key = words[:, 0].copy()
    for j in range(1, words.shape[1]):
        key = key * np.uint64(0x9E3779B97F4A7C15) ^ words[:, j]
    codes, hashes = pd.factorize(key)
    row = np.empty(len(hashes), dtype=np.int64)
    row[codes] = np.arange(n)  # a row holding each hash
    distinct = col[row]
    if not np.array_equal(distinct[codes], col):
        distinct, codes = np.unique(col, return_inverse=True)
    decoded = np.empty(len(distinct), dtype=object)
    decoded[:] = [v.decode("utf-8", "replace") for v in distinct]
    return decoded[codes]
def _boolean_fields(lyr, fields: Sequence[str]) -> set[str]:
    from osgeo import ogr

    defn = lyr.GetLayerDefn()
    return {f for f in fields
            if defn.GetFieldDefn(defn.GetFieldIndex(f)).GetSubType() == ogr.OFSTBoolean}


def _read_boolean(ds, lyr, field: str, fids: np.ndarray) -> np.ndarray:
    """A boolean column read as integers: GDAL 3.6's Arrow-to-NumPy garbles boolean bits."""
    sql = f'SELECT CAST("{field}" AS INTEGER) AS v FROM "{lyr.GetName()}"'
    fid_column = lyr.GetFIDColumn()
    if fid_column:
        sql = f'SELECT "{fid_column}" AS k, CAST("{field}" AS INTEGER) AS v FROM "{lyr.GetName()}"'
    result = ds.ExecuteSQL(sql)
    try:
        keys, values = [], []
        for batch in result.GetArrowStreamAsNumPy():
            values.append(np.ma.filled(np.ma.asarray(batch["v"]).astype(float), np.nan))
            keys.append(np.asarray(batch["k"] if "k" in batch else batch.get("fid")))
    finally:
        ds.ReleaseResultSet(result)
    value = np.concatenate(values) if values else np.empty(0)
    key = np.concatenate(keys) if keys else np.empty(0, dtype=np.int64)
    order = np.argsort(key)
    pos = order[np.searchsorted(key, fids, sorter=order)] if len(key) else np.empty(0, int)
    out = np.full(len(fids), None, dtype=object)
    picked = value[pos] if len(pos) else np.empty(0)
    known = ~np.isnan(picked)
    out[known] = picked[known] != 0
    return out


def read_points(
    layer: QgsVectorLayer | None,
    parameter_value,
    source,
    fields: Sequence[str],
    target_crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None = None,
    expression: str = "",
    progress_span: tuple[float, float] = (0.0, 100.0),
    prefetched: Future | None = None,
) -> PointArrays:
    """Points of ``source`` in ``target_crs`` with ``fields``; the fast path when possible.

    ``prefetched``: what ``prefetch`` started for the same layer, fields and expression.
    Catalogue and yes/no columns come out normalised (``core.input_values``).
    """
    fields = [f for f in fields if f]
    plain = None if expression else _plain_file(layer, parameter_value)
    if plain is not None:
        try:
            got = (prefetched.result() if prefetched is not None
                   else _read_arrow(plain[0], plain[1], fields))
        except (RuntimeError, ValueError, TypeError):
            got = None
        if got is not None:
            xy, frame, fids = got
            if layer.crs() != target_crs:
                xy = transform_xy(xy, layer.crs(), target_crs)
            return PointArrays(xy, normalise_attributes(frame, feedback), fids, fast=True)
    arrays = read_source(source, fields, context=context, target_crs=target_crs,
                         expression=expression, feedback=feedback, progress_span=progress_span,
                         normalise=True)
    return PointArrays(arrays.point_xy(), arrays.attributes, arrays.fids)


def prefetch(layer: QgsVectorLayer | None, parameter_value, fields: Sequence[str],
             expression: str = "") -> Future | None:
    """Start the fast read in the background; None when ``read_points`` could not use it.

    GDAL releases the GIL while it reads, so the caller can meanwhile read its regions in
    QGIS; ``read_points(..., prefetched=...)`` collects the result.
    """
    plain = None if expression else _plain_file(layer, parameter_value)
    if plain is None:
        return None
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(_read_arrow, plain[0], plain[1], [f for f in fields if f])
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task


def to_metric(lonlat: np.ndarray) -> tuple[np.ndarray, QgsCoordinateReferenceSystem]:
    """WGS 84 lon/lat -> metres in the CRS ``core.projection.metric_crs`` picks for them."""
    from industri_rumahan_plugin.adapters.arrays import WGS84
    from industri_rumahan_plugin.core.projection import metric_crs

    ok = np.isfinite(lonlat).all(axis=1)
    if not ok.any():
        raise ValueError("no located points")
    lo = np.nanmin(lonlat[ok], axis=0)
    hi = np.nanmax(lonlat[ok], axis=0)
    definition = metric_crs(lo[0], lo[1], hi[0], hi[1])
    target = (QgsCoordinateReferenceSystem(definition) if definition.startswith("EPSG:")
              else QgsCoordinateReferenceSystem.fromProj(definition))
    return transform_xy(lonlat, WGS84, target), target
