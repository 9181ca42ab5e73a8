"""QGIS side of the service-gap algorithms: read points, services by type, OD tables; write.

Everything is read once into arrays (lon/lat on WGS84 whatever the layer CRS), handed to the
pure kernels (core.nearest, core.access, core.coverage), and the results written back in one
pass over the input features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, gateway
from industri_rumahan_plugin.adapters.arrays import WGS84, read_source
from industri_rumahan_plugin.adapters.point_arrays import read_points
from industri_rumahan_plugin.compat import FeatureRequest, FieldType, FieldTypeValue
from industri_rumahan_plugin.core.density import slug
from industri_rumahan_plugin.core.nearest import Nearest, OdTableError, labels_at, od_pairs


@dataclass
class Services:
    """Service points on WGS84 with their type, name, id and capacity."""

    lonlat: np.ndarray
    jenis: np.ndarray
    name: np.ndarray
    ident: np.ndarray
    capacity: np.ndarray

    def of_type(self, jenis: str) -> np.ndarray:
        return np.flatnonzero(self.jenis == jenis)


def read_lonlat(
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None,
    fields: Sequence[str] = (),
    span: tuple[float, float] = (0.0, 30.0),
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """(fids, (n, 2) lon/lat on WGS84 with NaN for missing geometry, attribute frame);
    ``fields`` may name a field twice or hold "" (a field not chosen)."""
    fields = [f for f in dict.fromkeys(fields) if f]
    arrays = read_source(source, fields, context=context, feedback=feedback,
                         progress_span=span, normalise=True)
    return arrays.fids, arrays.point_xy(), arrays.attributes


def read_lonlat_fast(
    layer: QgsVectorLayer | None,
    value,
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None,
    fields: Sequence[str] = (),
    span: tuple[float, float] = (0.0, 30.0),
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """``read_lonlat`` through GDAL's Arrow stream when the layer is a plain file (1M: ~1 s).

    Unsaved edits live only in QGIS, and a file without usable fids cannot be written back
    by fid: both go through ``read_lonlat``.
    """
    if gateway.decide(layer, value, providers=("ogr",)).fast:
        points = read_points(layer, value, source, list(fields), WGS84, context, feedback,
                             "", span)
        if not points.fast or len(points.fids) == 0 or (points.fids >= 0).all():
            return points.fids, points.xy, points.attributes
    return read_lonlat(source, context, feedback, fields, span)


def any_located(lonlat: np.ndarray) -> bool:
    """Whether any point of ``read_lonlat``'s (n, 2) lon/lat has a location."""
    return not np.isnan(lonlat[:, 0]).all()


def read_services(
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback | None,
    type_field: str,
    name_field: str = "",
    id_field: str = "",
    capacity_field: str = "",
) -> Services:
    fields = [f for f in (type_field, name_field, id_field, capacity_field) if f]
    fids, lonlat, frame = read_lonlat(source, context, None, list(dict.fromkeys(fields)))
    jenis = frame[type_field].astype(object).where(frame[type_field].notna(), "")
    name = frame[name_field].astype(object) if name_field else pd.Series(fids, dtype=object)
    ident = frame[id_field].astype(object) if id_field else pd.Series(fids, dtype=object)
    if capacity_field:
        capacity = pd.to_numeric(frame[capacity_field], errors="coerce").to_numpy(float)
    else:
        capacity = np.ones(len(fids))
    return Services(lonlat, jenis.astype(str).to_numpy(object), name.to_numpy(object),
                    ident.to_numpy(object), capacity)


def read_supply(
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    type_field: str,
    id_field: str,
    capacity_field: str,
) -> Services:
    """The services with their capacity; an invalid capacity counts as 0, said once."""
    services = read_services(source, context, feedback, type_field, "", id_field,
                             capacity_field)
    bad = ~np.isfinite(services.capacity) | (services.capacity < 0)
    if bad.any():
        feedback.pushWarning(toolbelt.tr("{n} services without a valid capacity count as 0.")
                             .format(n=int(bad.sum())))
        services.capacity[bad] = 0.0
    return services


def report_missing_types(services: Services, types: Sequence[str],
                         feedback: QgsProcessingFeedback, message: str) -> None:
    """Say ``message`` (translated, with ``{jenis}``) for each type without any service."""
    for jenis in types:
        if len(services.of_type(jenis)) == 0:
            feedback.reportError(message.format(jenis=jenis))


def chosen_types(services: Services, text: str) -> list[str]:
    """The service types asked for (comma separated codes), or every type in the layer."""
    present = sorted({j for j in services.jenis if j})
    if not text.strip():
        return present
    asked = [t.strip() for t in text.split(",") if t.strip()]
    return list(dict.fromkeys(asked))


def type_suffix(jenis: str) -> str:
    """A service type as a field-name suffix (``galeri_dekranasda``)."""
    return slug(jenis) or "lainnya"


def read_od_table(
    source: QgsFeatureSource,
    origin_field: str,
    dest_field: str,
    cost_field: str,
    origin_ids: np.ndarray,
    dest_ids: np.ndarray,
    feedback: QgsProcessingFeedback | None,
    alg: QgsProcessingAlgorithm | None = None,
) -> pd.DataFrame:
    """An origin-destination table matched to positions; unusable rows are reported.

    Refusals name the parameter (OD_TABLE, OD_*_FIELD) of ``alg`` (``adapters.errors``)."""
    for name, parameter in ((origin_field, "OD_ORIGIN_FIELD"), (dest_field, "OD_DEST_FIELD"),
                            (cost_field, "OD_COST_FIELD")):
        if not name or source.fields().indexOf(name) < 0:
            raise errors.parameter_error(alg, parameter, toolbelt.tr(
                "Choose a field of the origin-destination table."))
    arrays = read_source(source, [origin_field, dest_field, cost_field], target_crs=None)
    table = arrays.attributes.rename(
        columns={origin_field: "origin", dest_field: "dest", cost_field: "cost"}
    )
    try:
        pairs, report = od_pairs(table, origin_ids, dest_ids)
    except OdTableError as error:
        raise errors.parameter_error(
            alg, "OD_TABLE", toolbelt.tr(
                "The origin-destination table cannot be used ({reason}): its origin ids must be "
                "the enterprises' id field and its destination ids the services' id field."
            ).format(reason=str(error))
        ) from error
    if feedback is not None:
        feedback.pushInfo(toolbelt.tr(
            "Origin-destination table: {rows} rows, {pairs} usable pairs; skipped "
            "{uo} rows with unknown origin ids, {ud} with unknown destination ids, {bc} without "
            "a valid cost; {none} enterprises have no pair."
        ).format(rows=report["rows"], pairs=report["pairs"], uo=report["unknown_origin"],
                 ud=report["unknown_dest"], bc=report["bad_cost"],
                 none=report["origins_without_pair"]))
    return pairs


def new_fields(base: QgsFields, extra: Sequence[tuple[str, FieldTypeValue]],
               alg: QgsProcessingAlgorithm | None = None) -> QgsFields:
    """``base`` and the ``extra`` fields; refused (naming INPUT) when a name is taken."""
    fields = QgsFields(base)
    for name, kind in extra:
        if fields.indexOf(name) >= 0:
            raise errors.parameter_error(alg, "INPUT", toolbelt.tr(
                "The layer already has a field named {name}; rename it first.").format(
                name=name))
        fields.append(QgsField(name, kind))
    return fields


def write_with_columns(
    source: QgsFeatureSource,
    sink: QgsFeatureSink,
    fids: np.ndarray,
    columns: Sequence[np.ndarray],
    feedback: QgsProcessingFeedback | None,
    span: tuple[float, float] = (70.0, 100.0),
) -> int:
    """Copy every input feature to ``sink`` with extra attribute columns (aligned to ``fids``)."""
    values = [_plain_list(c) for c in columns]
    position = {int(f): i for i, f in enumerate(fids)}
    total = max(len(fids), 1)
    batch: list[QgsFeature] = []
    written = 0
    request = QgsFeatureRequest().setInvalidGeometryCheck(FeatureRequest.NO_GEOMETRY_CHECK)
    base = len(source.fields())
    for count, feature in enumerate(source.getFeatures(request)):
        i = position.get(feature.id())
        # pad + set only the new values: 4x faster than a round trip of every attribute
        feature.padAttributes(len(values))
        if i is not None:
            for j, column in enumerate(values):
                feature.setAttribute(base + j, column[i])
        batch.append(feature)
        if len(batch) == 10000:
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
            written += len(batch)
            batch = []
            if feedback is not None:
                if feedback.isCanceled():
                    return written
                feedback.setProgress(span[0] + (span[1] - span[0]) * count / total)
    if batch:
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        written += len(batch)
    return written


def _plain_list(values: np.ndarray) -> list:
    """numpy values -> Python values with NaN/None as NULL."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f":
        return [None if v != v else v for v in arr.tolist()]
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in arr.tolist()]


def demand_weights(frame: pd.DataFrame, field: str, n: int) -> np.ndarray:
    """Each enterprise's demand: the field's value (missing and negative count as 0), else 1."""
    if not field:
        return np.ones(n)
    values = pd.to_numeric(frame[field], errors="coerce").to_numpy(float)
    return np.nan_to_num(values, nan=0.0).clip(min=0.0)


def access_columns(results: Sequence, feedback: QgsProcessingFeedback
                   ) -> tuple[list[tuple[str, FieldTypeValue]], list[np.ndarray]]:
    """The output columns of ``core.access.per_type``'s results (akses_<type>,
    kurang_<type>), each type's figures said in the log."""
    extra, columns = [], []
    for r in results:
        suffix = type_suffix(r.jenis)
        extra += [(f"akses_{suffix}", FieldType.DOUBLE), (f"kurang_{suffix}", FieldType.BOOL)]
        columns += [r.index, r.flags]
        feedback.pushInfo(toolbelt.tr(
            "{jenis}: {pairs} pairs within the catchment; mean index {mean:.6g}; "
            "{under} enterprises underserved (below {threshold:.6g}).").format(
            jenis=r.jenis, pairs=r.pairs, mean=float(r.index.mean()) if len(r.index)
            else 0.0, under=int(r.flags.sum()), threshold=r.threshold))
    return extra, columns


def nearest_columns(services: Services, jenis: str, found: Nearest, prefix: str
                    ) -> tuple[list[tuple[str, FieldTypeValue]], list[np.ndarray]]:
    """The output columns of one type's nearest services (``core.nearest.nearest_among``):
    id_layanan_<type>, layanan_<type> and <prefix>_<type> (distance or cost)."""
    suffix = type_suffix(jenis)
    return ([(f"id_layanan_{suffix}", FieldType.STRING), (f"layanan_{suffix}", FieldType.STRING),
             (f"{prefix}_{suffix}", FieldType.DOUBLE)],
            [labels_at(found.index, services.ident), labels_at(found.index, services.name),
             found.distance])


@dataclass
class RegionIndex:
    """The regions (geometries on WGS84, code and name per region) and, per point, the
    region it lies in (``core.density.OUTSIDE`` outside every region or without location)."""

    geometries: np.ndarray
    codes: np.ndarray
    labels: np.ndarray
    region: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def outside(self) -> int:
        """How many points lie in no region (or have no location)."""
        from industri_rumahan_plugin.core.density import OUTSIDE

        return int((self.region == OUTSIDE).sum())


def locate_in_regions(regions: QgsFeatureSource, code_field: str, name_field: str,
                      lonlat: np.ndarray, context: QgsProcessingContext) -> RegionIndex:
    """The region of each point (``core.density.assign_points``'s rule); the names are the
    codes when no name field is given."""
    from industri_rumahan_plugin.core.density import OUTSIDE, assign_points

    table = read_source(regions, [code_field] + ([name_field] if name_field else []),
                        context=context)
    region = assign_points(lonlat[:, 0], lonlat[:, 1], list(table.geometries)).region
    region[np.isnan(lonlat[:, 0])] = OUTSIDE
    codes = table.attributes[code_field].to_numpy(object)
    labels = table.attributes[name_field].to_numpy(object) if name_field else codes
    return RegionIndex(table.geometries, codes, labels, region)


def region_labels(regions: QgsFeatureSource, code_field: str, lonlat: np.ndarray,
                  context: QgsProcessingContext) -> np.ndarray:
    """The code of the region each point lies in, None outside every region or without a
    location."""
    from industri_rumahan_plugin.core.density import OUTSIDE

    located = locate_in_regions(regions, code_field, "", lonlat, context)
    return np.array([located.codes[r] if r != OUTSIDE else None for r in located.region],
                    dtype=object)


def present_fields(names: Sequence[str], fields: QgsFields,
                   feedback: QgsProcessingFeedback) -> list[str]:
    """``names`` with "" for a field the layer lacks (said once each: it is not used)."""
    out = []
    for name in names:
        if name and fields.indexOf(name) < 0:
            feedback.pushWarning(toolbelt.tr("Field {name} not found: not used.")
                                 .format(name=name))
            name = ""
        out.append(name)
    return out
