"""Region layers in and out of the analysis kernels: read, repair, measure, write with stats.

Regions are few (7 to 7,285), so they are read as ``QgsFeature`` objects and written back with
their own attributes untouched and the statistics appended; the points go through
``adapters.point_arrays``.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.geopackage import to_variant
from industri_rumahan_plugin.compat import FeatureRequest, ProcessingFlag, WkbType, new_field
from industri_rumahan_plugin.core import density

#: Suffix given to a region field whose name a statistic uses (e.g. the BIG ``luas_km2``).
RENAMED_SUFFIX = "_asal"


@dataclass
class Regions:
    features: list[QgsFeature]
    geometries: np.ndarray  # shapely, repaired (None: unusable)
    invalid: np.ndarray  # bool: the input geometry was invalid
    crs: QgsCoordinateReferenceSystem
    fields: QgsFields

    def __len__(self) -> int:
        return len(self.features)

    def column(self, name: str) -> list:
        idx = self.fields.indexOf(name)
        return [to_plain(f.attributes()[idx]) for f in self.features] if idx >= 0 else []

    def label(self, i: int) -> str:
        for name in ("nama", "kode"):
            if self.fields.indexOf(name) >= 0:
                return str(self.features[i][name])
        return f"#{self.features[i].id()}"


def to_plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def read_regions(
    source, repair: bool, feedback: QgsProcessingFeedback | None = None
) -> Regions:
    """Every region feature, its geometry as shapely, invalid ones repaired or dropped."""
    request = QgsFeatureRequest().setInvalidGeometryCheck(FeatureRequest.NO_GEOMETRY_CHECK)
    if isinstance(source, QgsProcessingFeatureSource):  # our own repair rule, not Processing's
        features = list(source.getFeatures(
            request, ProcessingFlag.SKIP_GEOMETRY_CHECKS))
    else:
        features = list(source.getFeatures(request))
    wkb = [None if not f.hasGeometry() or f.geometry().isEmpty()
           else bytes(f.geometry().asWkb()) for f in features]
    geoms = np.asarray(shapely.from_wkb(np.asarray(wkb, dtype=object), on_invalid="ignore"),
                       dtype=object).reshape(-1)
    geoms, invalid = density.repair_polygons(geoms, repair=repair)
    regions = Regions(features, geoms, invalid, source.sourceCrs(), source.fields())
    if feedback is not None:
        for i in np.flatnonzero(invalid):
            feedback.pushWarning(
                (toolbelt.tr("Invalid geometry of region {name} repaired.") if repair and
                 geoms[i] is not None else
                 toolbelt.tr("Invalid geometry of region {name} skipped: it counts nothing."))
                .format(name=regions.label(i)))
    return regions


def ellipsoid_areas_km2(regions: Regions, context: QgsProcessingContext) -> np.ndarray:
    """Area of each region on the ellipsoid (the project's, or WGS 84), whatever the CRS."""
    return _measure_areas(regions, *_area_setup(context))


def start_ellipsoid_areas(regions: Regions, context: QgsProcessingContext) -> Future:
    """``ellipsoid_areas_km2`` as a finished ``Future``.

    Measured in the calling thread: QGIS 3.22's CRS and PROJ objects used from a plain Python
    worker thread crashed ``qgis_process`` (exportreport running densitybyregion as a child).
    """
    future: Future = Future()
    future.set_result(ellipsoid_areas_km2(regions, context))
    return future


def _area_setup(context: QgsProcessingContext) -> tuple:
    ellipsoid = context.ellipsoid() if context.ellipsoid() not in ("", "NONE") else "EPSG:7030"
    return QgsCoordinateTransformContext(context.transformContext()), ellipsoid


def _measure_areas(regions: Regions, transform_context, ellipsoid: str) -> np.ndarray:
    measure = QgsDistanceArea()
    measure.setSourceCrs(regions.crs, transform_context)
    if not measure.setEllipsoid(ellipsoid):
        measure.setEllipsoid("WGS84")
    out = np.full(len(regions), np.nan)
    for i, geom in enumerate(regions.geometries):
        if geom is None:
            continue
        if regions.invalid[i]:  # measure the repaired shape
            qgeom = QgsGeometry()
            qgeom.fromWkb(shapely.to_wkb(geom))
        else:
            qgeom = QgsGeometry(regions.features[i].geometry())
        out[i] = measure.measureArea(qgeom) / 1e6
    return out


_KINDS = {"i": "int64", "u": "int64", "f": "double", "b": "bool"}


def frame_fields(frame: pd.DataFrame) -> list[QgsField]:
    """A QGIS field for each column, typed from the column's dtype."""
    out = []
    for name in frame.columns:
        kind = frame[name].dtype.kind
        out.append(new_field(str(name), _KINDS.get(kind, "string")))
    return out


def output_fields(base: QgsFields, stats: pd.DataFrame) -> tuple[QgsFields, list[str]]:
    """The region fields (renamed when a statistic takes the name) then the statistics."""
    taken = set(stats.columns)
    fields = QgsFields()
    renamed = []
    for f in base:
        copy = QgsField(f)
        if f.name() in taken:
            copy.setName(f.name() + RENAMED_SUFFIX)
            renamed.append(f.name())
        fields.append(copy)
    for f in frame_fields(stats):
        fields.append(f)
    return fields, renamed


def statistics_fields(base: QgsFields, stats: pd.DataFrame,
                      feedback: QgsProcessingFeedback) -> QgsFields:
    """``output_fields``, each renamed region field said in the log."""
    fields, renamed = output_fields(base, stats)
    for name in renamed:
        feedback.pushInfo(toolbelt.tr("Region field {field} renamed {new}: the statistic of "
                                      "that name is computed here.").format(
            field=name, new=name + RENAMED_SUFFIX))
    return fields


def frame_values(frame: pd.DataFrame) -> list[list]:
    """Rows of plain Python values, NaN -> NULL (numeric columns converted whole, not per cell)."""
    cols = []
    for name in frame.columns:
        values = frame[name].to_numpy()
        if values.dtype.kind in "fiub":
            plain = values.astype(object)  # numpy scalars -> Python float / int / bool
            if values.dtype.kind == "f":
                plain[np.isnan(values)] = None
            cols.append(plain.tolist())
        else:
            cols.append([v if v is None or type(v) is str else to_variant(v) for v in values])
    return [list(row) for row in zip(*cols)] if cols else [[] for _ in range(len(frame))]


def write_features(
    sink: QgsFeatureSink,
    fields: QgsFields,
    base: Sequence[QgsFeature],
    stats: pd.DataFrame,
    feedback: QgsProcessingFeedback | None = None,
) -> None:
    """Each base feature (geometry, attributes) with its row of statistics appended."""
    for feature, extra in zip(base, frame_values(stats)):
        if feedback is not None and feedback.isCanceled():
            return
        out = QgsFeature(fields)
        if feature.hasGeometry():
            out.setGeometry(feature.geometry())
        out.setAttributes([*feature.attributes(), *extra])
        if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(toolbelt.tr("Could not write a feature to the output."))


def write_table(sink: QgsFeatureSink, fields: QgsFields, frame: pd.DataFrame,
                feedback: QgsProcessingFeedback | None = None, batch: int = 4096) -> None:
    """Rows without geometry, handed to the sink in batches (fewer calls into QGIS)."""
    rows = frame_values(frame)
    for start in range(0, len(rows), batch):
        if feedback is not None and feedback.isCanceled():
            return
        features = []
        for row in rows[start:start + batch]:
            out = QgsFeature(fields)
            out.setAttributes(row)
            features.append(out)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(toolbelt.tr("Could not write a feature to the output."))


def write_table_output(algorithm, parameters: dict, name: str, context: QgsProcessingContext,
                       frame: pd.DataFrame) -> str:
    """``frame`` as the geometry-less table output ``name`` of ``algorithm``; its id.

    Written to a CSV/XLSX file, formula-like text is neutralised (``core.cell_safety``).
    """
    from industri_rumahan_plugin.core import cell_safety

    if cell_safety.is_spreadsheet_path(
            algorithm.parameterAsOutputLayer(parameters, name, context) or ""):
        frame = cell_safety.neutralise_frame(frame, headers=False)
    fields = QgsFields()
    for field in frame_fields(frame):
        fields.append(field)
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields,
                                           WkbType.NO_GEOMETRY)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    write_table(sink, fields, frame)
    return dest
