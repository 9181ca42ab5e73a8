"""QGIS feature sources -> numpy / shapely / pandas arrays for the pure analysis kernels.

One request per source, geometry out as WKB and parsed in bulk by shapely; attributes into a
DataFrame. Invalid or empty geometries are counted and left out, never a crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FeatureRequest

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


@dataclass
class FeatureArrays:
    """Features of one source: ids, shapely geometries (target CRS) and attributes."""

    fids: np.ndarray  # int64 feature ids
    geometries: np.ndarray  # shapely geometry objects; None where missing/empty
    attributes: pd.DataFrame  # one row per feature, same order
    skipped_empty: int = 0  # features without usable geometry

    def __len__(self) -> int:
        return len(self.fids)

    def point_xy(self) -> np.ndarray:
        """(n, 2) coordinates of point geometries (NaN where missing)."""
        xy = np.full((len(self.geometries), 2), np.nan)
        ok = ~shapely.is_missing(self.geometries)
        if ok.any():
            xy[ok] = shapely.get_coordinates(shapely.centroid(self.geometries[ok]))
        return xy


def read_source(
    source: QgsFeatureSource,
    fields: Sequence[str] | None = None,
    *,
    context: QgsProcessingContext | None = None,
    target_crs: QgsCoordinateReferenceSystem | None = WGS84,
    expression: str = "",
    feedback: QgsProcessingFeedback | None = None,
    progress_span: tuple[float, float] = (0.0, 100.0),
    normalise: bool = False,
) -> FeatureArrays:
    """Read a source once: geometries reprojected to ``target_crs`` and chosen attributes.

    ``fields=None`` reads every attribute. A filter ``expression`` is evaluated by QGIS.
    ``normalise``: catalogue and yes/no columns of the schema normalised, unknown values
    reported (analysis inputs; exports keep the stored values).
    """
    request = QgsFeatureRequest()
    source_fields = source.fields()
    names = list(source_fields.names()) if fields is None else [f for f in fields if f]
    missing = [f for f in names if source_fields.indexOf(f) < 0]
    if missing:
        raise QgsProcessingException(
            toolbelt.tr("Field(s) not found in the input layer: {fields}").format(
                fields=", ".join(missing)
            )
        )
    request.setSubsetOfAttributes([source_fields.indexOf(f) for f in names])
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            raise QgsProcessingException(
                toolbelt.tr("The filter expression is invalid: {error}").format(
                    error=parsed.parserErrorString()
                )
            )
        request.setFilterExpression(expression)
        if context is not None:
            request.setExpressionContext(context.expressionContext())
    if target_crs is not None and target_crs.isValid():
        transform_context = (
            context.transformContext() if context is not None else None
        )
        if transform_context is not None:
            request.setDestinationCrs(target_crs, transform_context)
        else:
            from qgis.core import QgsProject

            request.setDestinationCrs(target_crs, QgsProject.instance().transformContext())
    request.setInvalidGeometryCheck(FeatureRequest.NO_GEOMETRY_CHECK)

    total = max(source.featureCount(), 1)
    start, end = progress_span
    fids: list[int] = []
    wkbs: list[bytes | None] = []
    rows: list[list] = []
    index = [source_fields.indexOf(f) for f in names]
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and i % 10000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(start + (end - start) * i / total)
        fids.append(feature.id())
        geom = feature.geometry()
        wkbs.append(None if geom.isNull() or geom.isEmpty() else bytes(geom.asWkb()))
        attrs = feature.attributes()
        rows.append([_plain(attrs[j]) for j in index])
    geometries = shapely.from_wkb(np.asarray(wkbs, dtype=object), on_invalid="ignore")
    geometries = np.asarray(geometries, dtype=object)
    empty = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    geometries[empty] = None
    frame = pd.DataFrame(rows, columns=names)
    if normalise:
        from industri_rumahan_plugin.adapters.normalise import normalise_attributes

        frame = normalise_attributes(frame, feedback)
    return FeatureArrays(np.asarray(fids, dtype=np.int64), geometries, frame, int(empty.sum()))


def _plain(value):
    """QVariant NULLs -> None; other values as Python gives them."""
    if value is None:
        return None
    try:
        from qgis.PyQt.QtCore import QVariant

        if isinstance(value, QVariant) and value.isNull():
            return None
    except ImportError:  # pragma: no cover
        pass
    if hasattr(value, "isNull") and callable(value.isNull) and value.isNull():
        return None
    return value
