"""QGIS side of ``densitybyregion``: read the enterprises and assign them to regions (in
PostGIS when both layers are there, else through ``point_arrays`` and ``core.density``),
say what was not counted, and shape the long table and the enterprises outside."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.adapters.point_arrays import PointArrays, read_points
from industri_rumahan_plugin.adapters.postgis import density_sql
from industri_rumahan_plugin.adapters.region_stats import Regions
from industri_rumahan_plugin.core import density, schema

tr = toolbelt.tr


def present_categories(names: Sequence[str], fields: QgsFields,
                       feedback: QgsProcessingFeedback) -> list[str]:
    """The chosen category fields the enterprises have; the others are said and left out."""
    names = [n for n in names if n]
    for name in [n for n in names if fields.indexOf(n) < 0]:
        feedback.pushWarning(tr("Category field {field} not found in the enterprises; "
                                "left out.").format(field=name))
    return [n for n in names if fields.indexOf(n) >= 0]


def settle(prefetched: Future | None) -> None:
    """Wait for a started background read to end (its result unused): a run refused after
    ``point_arrays.prefetch`` must not leave GDAL reading while QGIS or ``qgis_process``
    exits (it crashed them)."""
    if prefetched is not None:
        prefetched.exception()


def read_and_assign(
    layer: QgsVectorLayer | None, value, source: QgsFeatureSource,
    regions_layer: QgsVectorLayer | None, regions_value, regions: Regions,
    fields: list[str], expression: str, context: QgsProcessingContext,
    feedback: QgsProcessingFeedback, prefetched: Future | None, *, pushdown: bool,
    want_outside: bool,
) -> tuple[PointArrays, density.Assignment, bool]:
    """(points, their regions, pushed down): counted in PostGIS when ``pushdown`` and both
    layers are in one database, else read (fast path when exact) and assigned by
    ``core.density.assign_points``; progress 0-80 %."""
    pushed = density_sql.try_pushdown(
        layer, value, regions_layer, regions_value, regions, fields, expression, want_outside,
        feedback) if pushdown else None
    points = pushed.points if pushed else read_points(
        layer, value, source, fields, regions.crs, context, feedback, expression, (0, 40),
        prefetched)
    check_cancel(feedback)
    feedback.pushInfo(tr("{n} enterprises read{fast}.").format(
        n=len(points), fast=tr(" (fast path)") if points.fast else ""))
    feedback.setProgressText(tr("Assigning enterprises to regions…"))

    def progress(fraction: float) -> bool:
        feedback.setProgress(40 + 40 * fraction)
        return feedback.isCanceled()

    assignment = pushed.assignment if pushed else density.assign_points(
        points.xy[:, 0], points.xy[:, 1], regions.geometries, progress)
    check_cancel(feedback)
    report(assignment, points, feedback)
    return points, assignment, pushed is not None


def report(assignment: density.Assignment, points: PointArrays,
           feedback: QgsProcessingFeedback) -> None:
    """Say which enterprises were not counted (no location, outside) or counted once."""
    missing = points.missing
    outside = assignment.outside - missing
    if missing:
        feedback.pushWarning(tr("{n} enterprises have no location and are not "
                                "counted.").format(n=missing))
    if outside:
        feedback.pushWarning(tr("{n} enterprises lie outside every region and are "
                                "not counted.").format(n=outside))
    if assignment.shared:
        feedback.pushInfo(tr(
            "{n} enterprises lie in more than one region (overlap or shared boundary; "
            "{b} exactly on a boundary): each was counted once.").format(
            n=assignment.shared, b=assignment.on_boundary))


def long_table(regions: Regions, tidy: pd.DataFrame, stats: pd.DataFrame,
               categories: Sequence[str]) -> pd.DataFrame:
    """``core.density.long_table`` keyed by each region's feature id, code and name."""
    def text(name: str) -> np.ndarray | None:
        values = regions.column(name)
        return np.asarray([None if v is None else str(v) for v in values],
                          dtype=object) if values else None

    return density.long_table(tidy, stats["jml_usaha"].to_numpy(), categories,
                              np.asarray([f.id() for f in regions.features]),
                              text("kode"), text("nama"))


def public_fields(fields: QgsFields) -> tuple[QgsFields, list[int]]:
    """``fields`` without the personal ones (``core.schema``), and the kept positions."""
    personal = set(schema.personal_fields())
    keep = [i for i, f in enumerate(fields) if f.name() not in personal]
    out = QgsFields()
    for i in keep:
        out.append(fields.at(i))
    return out, keep


def copy_features(source: QgsFeatureSource, sink: QgsFeatureSink, fields: QgsFields,
                  keep: list[int], fids: np.ndarray) -> None:
    """The features ``fids`` of ``source`` into ``sink``, only the attributes at ``keep``."""
    if not len(fids):
        return
    request = QgsFeatureRequest().setFilterFids([int(f) for f in fids])
    for feature in source.getFeatures(request):
        attrs = feature.attributes()
        feature.setFields(fields, False)
        feature.setAttributes([attrs[i] for i in keep])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
