"""Refuse wrong input before an algorithm reads it, whichever runner started it.

Called through ``gateway.check_inputs`` from ``IndustriRumahanAlgorithm.prepareAlgorithm``, so
the desktop dialog, ``processing.run``, batch runs and ``qgis_process`` (which on QGIS 3.22
does not enforce a parameter's declared geometry types) all get the same checks:
geometry type against the parameter's declared types, multipart points, the declared CRS
against the coordinates' range, a GeoPackage's integrity, filter expressions, and category
fields limited to the catalogue fields of the schema.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import urllib.parse

from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, integrity_cache
from industri_rumahan_plugin.compat import GeometryType, SourceType
from industri_rumahan_plugin.core import input_rules

tr = toolbelt.tr

#: (path, mtime, size) -> the quick_check message ("" when intact), so a file is checked once
#: per change, not once per algorithm of a model.
_INTEGRITY: dict[tuple[str, int, int], str] = {}
_LOCK = threading.Lock()


def _declared_geometry(param):
    """GeometryType.POINT/POLYGON when the parameter accepts only that, else None."""
    types = list(param.dataTypes())
    if types == [SourceType.POINT]:
        return GeometryType.POINT
    if types == [SourceType.POLYGON]:
        return GeometryType.POLYGON
    return None


def check_geometry(alg, name: str, source: QgsFeatureSource, wanted) -> None:
    """Polygons given as enterprises or points given as regions: refused, by name."""
    actual = QgsWkbTypes.geometryType(source.wkbType())
    if actual == wanted:
        return
    expected = tr("points") if wanted == GeometryType.POINT else tr("polygons")
    raise errors.parameter_error(alg, name, tr(
        "{layer} holds {actual} geometries, but this input needs {expected}. "
        "Choose the right layer.").format(
        layer=source.sourceName(), expected=expected,
        actual=QgsWkbTypes.displayString(source.wkbType()) or tr("no")))


def _edited_extent(layer: QgsVectorLayer | None) -> QgsRectangle:
    """The extent of unsaved added or moved geometries (the layer's extent is the file's)."""
    extent = QgsRectangle()
    buffer = layer.editBuffer() if layer is not None and layer.isEditable() else None
    if buffer is None:
        return extent
    geometries = [f.geometry() for f in buffer.addedFeatures().values()]
    geometries += list(buffer.changedGeometries().values())
    for geom in geometries:
        if not geom.isNull():
            box = geom.boundingBox()
            extent = QgsRectangle(box) if extent.isNull() else extent
            extent.combineExtentWith(box)
    return extent


def check_crs(alg, name: str, source: QgsFeatureSource,
              layer: QgsVectorLayer | None = None) -> None:
    """A geographic CRS with coordinates beyond ±180/±90: the layer's CRS is wrong."""
    crs = source.sourceCrs()
    if not crs.isValid() or not crs.isGeographic():
        return
    extent = QgsRectangle(source.sourceExtent())
    edited = _edited_extent(layer)
    if not edited.isNull():
        if extent.isNull():
            extent = edited
        else:
            extent.combineExtentWith(edited)
    if extent.isNull():
        return
    if input_rules.coordinates_fit_geographic(extent.xMinimum(), extent.yMinimum(),
                                               extent.xMaximum(), extent.yMaximum()):
        return
    raise errors.parameter_error(alg, name, tr(
        "the CRS of {layer} is wrong. It is declared as {crs} (degrees), but its "
        "coordinates reach {x:.0f}, {y:.0f}, beyond ±180/±90: they are probably metres of a "
        "projected CRS (e.g. UTM). Set the layer's real CRS (Layer properties › Source) or "
        "reproject it, then run again.").format(
        layer=source.sourceName(), crs=crs.authid() or crs.description(),
        x=max(abs(extent.xMinimum()), abs(extent.xMaximum())),
        y=max(abs(extent.yMinimum()), abs(extent.yMaximum()))))


def check_single_points(alg, name: str, source: QgsFeatureSource) -> None:
    """Multipoints with more than one part: their centre lies between the parts (at sea)."""
    if not QgsWkbTypes.isMultiType(source.wkbType()):
        return
    request = QgsFeatureRequest().setNoAttributes()
    bad: list[int] = []
    for feature in source.getFeatures(request):
        geom = feature.geometry()
        if not geom.isNull() and geom.constGet().numGeometries() > 1:
            bad.append(feature.id())
    if bad:
        shown = ", ".join(str(f) for f in bad[:10]) + (", …" if len(bad) > 10 else "")
        raise errors.parameter_error(alg, name, tr(
            "{n} features of {layer} have several points each (feature ids {ids}); "
            "an enterprise or service is one place. Split them with \"Multipart to "
            "singleparts\" or correct them, then run again.").format(
            n=len(bad), layer=source.sourceName(), ids=shown))


def gpkg_path(layer: QgsVectorLayer | None) -> str:
    """The GeoPackage file behind an OGR layer, or ""."""
    if layer is None or layer.providerType() != "ogr":
        return ""
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    return path if path.lower().endswith(".gpkg") and os.path.isfile(path) else ""


def integrity_problem(path: str) -> str:
    """SQLite's ``PRAGMA quick_check`` of a GeoPackage ("" when intact), cached by mtime.

    Corrupt pages make GDAL stop reading a table early without an error: 492 of 5,000
    enterprises counted, success reported. Read-only through Python's sqlite3 (the same
    library as QGIS's GDAL, see adapters/gpkg_read.py).
    """
    stat = os.stat(path)
    key = (os.path.abspath(path), int(stat.st_mtime_ns), int(stat.st_size))
    with _LOCK:
        if key in _INTEGRITY:
            return _INTEGRITY[key]
    if integrity_cache.known_intact(key):  # checked by an earlier process (qgis_process)
        with _LOCK:
            _INTEGRITY[key] = ""
        return ""
    uri = "file:" + urllib.parse.quote(key[0]) + "?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            rows = [str(r[0]) for r in con.execute("PRAGMA quick_check(5)")]
        finally:
            con.close()
        problem = "" if rows == ["ok"] else "; ".join(rows)
    except sqlite3.DatabaseError as error:
        problem = str(error)
    with _LOCK:
        _INTEGRITY[key] = problem
    if not problem:
        integrity_cache.remember_intact(key)
    return problem


def check_integrity(alg, name: str, layer: QgsVectorLayer | None) -> None:
    path = gpkg_path(layer)
    if not path:
        return
    problem = integrity_problem(path)
    if problem:
        raise errors.parameter_error(alg, name, tr(
            "the GeoPackage {path} is damaged, so part of its data cannot be read "
            "(nothing was analysed). Restore it from a backup, or repair a copy (e.g. "
            "\"sqlite3 file.gpkg .recover\"). Detail: {detail}").format(
            path=path, detail=problem))


def check_expression(alg, name: str, text: str, source: QgsFeatureSource | None, context) -> None:
    """A filter must parse, name existing fields and evaluate: never all or nothing silently."""
    if not text or not text.strip():
        return
    expression = QgsExpression(text)
    if expression.hasParserError():
        raise errors.parameter_error(alg, name, tr(
            "the filter expression has an error and was not used: {error}").format(
            error=expression.parserErrorString()))
    if source is None:
        return
    fields = source.fields()
    missing = sorted(c for c in expression.referencedColumns()
                     if c != QgsFeatureRequest.ALL_ATTRIBUTES and fields.indexOf(c) < 0)
    if missing:
        raise errors.parameter_error(alg, name, tr(
            "the filter expression names fields the layer does not have: {fields}. "
            "Available fields: {available}").format(
            fields=", ".join(missing), available=", ".join(fields.names())))
    expression_context = QgsExpressionContext(
        QgsExpressionContextUtils.globalProjectLayerScopes(None))
    if context is not None:
        expression_context = QgsExpressionContext(context.expressionContext())
    expression_context.setFields(fields)
    expression.prepare(expression_context)
    for feature in source.getFeatures(QgsFeatureRequest().setLimit(1)):
        expression_context.setFeature(feature)
        expression.evaluate(expression_context)
        if expression.hasEvalError():
            raise errors.parameter_error(alg, name, tr(
                "the filter expression cannot be evaluated: {error}").format(
                error=expression.evalErrorString()))


def check_categories(alg, name: str, fields: list[str]) -> None:
    """Only catalogue fields make columns: never uid, nik or owners' names."""
    refused = [f for f in fields if f and not input_rules.category_field_allowed(f)]
    if refused:
        raise errors.parameter_error(alg, name, tr(
            "{fields} cannot be category fields: each value would become an output "
            "column (names, identity numbers). Choose from: {allowed}").format(
            fields=", ".join(refused),
            allowed=", ".join(input_rules.catalogue_fields())))


def check_parameters(alg, parameters: dict, context, category_parameters=()) -> None:
    """Every check above for the feature sources, expressions and category fields of ``alg``."""
    sources: dict[str, QgsFeatureSource | None] = {}
    for param in alg.parameterDefinitions():
        name = param.name()
        if not isinstance(param, (QgsProcessingParameterFeatureSource,
                                  QgsProcessingParameterVectorLayer)):
            continue
        if parameters.get(name) in (None, ""):
            continue
        layer = alg.parameterAsVectorLayer(parameters, name, context)
        source = (alg.parameterAsSource(parameters, name, context)
                  if isinstance(param, QgsProcessingParameterFeatureSource) else layer)
        sources[name] = source
        if source is None:
            continue
        check_integrity(alg, name, layer)
        wanted = _declared_geometry(param)
        if wanted is not None:
            check_geometry(alg, name, source, wanted)
        if wanted == GeometryType.POINT:
            check_single_points(alg, name, source)
        if QgsWkbTypes.geometryType(source.wkbType()) != GeometryType.NULL:
            check_crs(alg, name, source, layer)
    for param in alg.parameterDefinitions():
        name = param.name()
        if isinstance(param, QgsProcessingParameterExpression):
            raw = parameters.get(name)
            # parameterAsExpression gives "" for an expression that does not parse: the
            # algorithm would then count everything, so the typed text is checked
            text = raw if isinstance(raw, str) else alg.parameterAsExpression(
                parameters, name, context)
            check_expression(alg, name, text, sources.get(param.parentLayerParameterName()),
                             context)
        elif isinstance(param, QgsProcessingParameterField) and name in category_parameters:
            check_categories(alg, name, list(alg.parameterAsFields(parameters, name, context)))
