"""Cluster discs take the class most of their members share (issue 13): the clusters formed
outside the render (core.clusters through styles.cluster_classes) are the ones QGIS draws, and
the canvas's discs show the majority colour, where the former style showed the colour of the
one member QGIS draws the disc with."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsGeometry,
    QgsMapRendererCustomPainterJob,
    QgsPointXY,
    QgsProperty,
    QgsRectangle,
    qgsfunction,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QImage, QPainter

from industri_rumahan_plugin.compat import Symbology
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import clusters as kernel
from industri_rumahan_plugin.styles import cluster_classes
from tests.canvas_support import styled_canvas

VIEWS = {  # Bangka Belitung at three scales where many discs mix stages
    "province": QgsRectangle(105.05, -3.45, 108.9, -1.45),
    "regency": QgsRectangle(105.9, -2.4, 106.5, -1.9),
    "town": QgsRectangle(106.05, -2.2, 106.2, -2.05),
}
STAGE = {s.code: s.color for s in catalogue.STAGES}
_drawn: list[tuple[int, int]] = []


@qgsfunction(args="auto", group="tests", referenced_columns=[], register=False)
def ir_test_record_cluster(fid, size, feature, parent):
    """Records (drawn member id, cluster size) of every disc QGIS draws."""
    _drawn.append((fid, size))
    return 5.0


@pytest.fixture
def canvas_layer(demo_gpkg, qgis_new_project):
    with styled_canvas(demo_gpkg, 600, 450) as (canvas, layer):
        yield canvas, layer


def _render(settings) -> QImage:
    """The map drawn in this thread, as the canvas draws it."""
    image = QImage(settings.deviceOutputSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return image


def _canvas_image(canvas) -> QImage:
    """What the canvas shows once its own render (started by refresh) has finished."""
    canvas.refresh()
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        QCoreApplication.processEvents()
    canvas.waitWhileRendering()
    QCoreApplication.processEvents()
    return canvas.grab().toImage()


def _ours(layer, settings) -> tuple[list[list[int]], dict]:
    points, codes, context = cluster_classes.view_points(layer, settings, "tahap")
    renderer = layer.renderer()
    tolerance = context.convertToMapUnits(renderer.tolerance(), renderer.toleranceUnit(),
                                          renderer.toleranceMapUnitScale())
    return kernel.clusters(points, tolerance), codes


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_clusters_are_those_qgis_draws(canvas_layer, view):
    """Every disc QGIS draws: the same drawn member and the same size as ours."""
    canvas, layer = canvas_layer
    canvas.setExtent(VIEWS[view])
    settings = canvas.mapSettings()
    groups, _codes = _ours(layer, settings)
    recorder = layer.renderer().clone()
    recorder.clusterSymbol().symbolLayer(0).setDataDefinedProperty(
        Symbology.PROPERTY_SIZE, QgsProperty.fromExpression("ir_test_record_cluster($id, "
                                                            "@cluster_size)"))
    layer.setRenderer(recorder)
    QgsExpression.registerFunction(ir_test_record_cluster)
    _drawn.clear()
    try:
        _render(settings)
    finally:
        QgsExpression.unregisterFunction("ir_test_record_cluster")
    theirs = dict(_drawn)
    assert len(theirs) == len(_drawn) > 10  # one call per disc, many discs
    assert theirs == {g[0]: len(g) for g in groups if len(g) > 1}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_canvas_discs_show_the_majority_stage(canvas_layer, view):
    canvas, layer = canvas_layer
    canvas.setExtent(VIEWS[view])  # the watch forms the clusters on this signal
    settings = canvas.mapSettings()
    key, table = cluster_classes._classes[layer.id()]
    assert key == cluster_classes.view_key(settings.visibleExtent())
    groups, codes = _ours(layer, settings)
    image = _canvas_image(canvas)
    centres = {g[0]: _centre(g, layer, settings) for g in groups if len(g) > 1}
    checked = changed = 0
    for group in (g for g in groups if len(g) > 1):
        expected = _majority(group, codes)
        assert table[group[0]] == expected
        x, y = centres[group[0]]
        radius = _radius_px(len(group), settings)
        if any(abs(x - ox) < 2.2 * radius and abs(y - oy) < 2.2 * radius
               for fid, (ox, oy) in centres.items() if fid != group[0]):
            continue  # another disc may cover this one
        pixel = image.pixelColor(round(x), round(y - 0.7 * radius)).name()  # above the count
        assert pixel == STAGE[expected], (group[0], expected)
        checked += 1
        changed += codes[group[0]] != expected
    assert checked >= 5 and changed >= 1  # the drawn member's colour would be wrong there


def _centre(group, layer, settings) -> tuple[float, float]:
    """Where QGIS draws the disc: the mean of the members, in pixels."""
    points = {f.id(): f.geometry().asPoint() for f in layer.getFeatures(group)}
    x = sum(points[fid].x() for fid in group) / len(group)
    y = sum(points[fid].y() for fid in group) / len(group)
    pixel = settings.mapToPixel().transform(QgsPointXY(x, y))
    return pixel.x(), pixel.y()


def _radius_px(size: int, settings) -> float:
    import math

    millimetres = min(7.5, 4 + 0.7 * math.log(size))
    return millimetres / 2 * settings.outputDpi() / 25.4


def test_another_view_keeps_the_drawn_member_colour(canvas_layer):
    """A render of another extent (a print layout) finds no table for its view and shows the
    drawn member's class, as QGIS without the plugin does; the canvas's view, the majority."""
    canvas, layer = canvas_layer
    canvas.setExtent(VIEWS["province"])
    groups, codes = _ours(layer, canvas.mapSettings())
    group = next(g for g in groups if len(g) > 2 and codes[g[0]] != _majority(g, codes))
    colour = QgsExpression(cluster_classes.colour_expression("tahap", catalogue.STAGES, "#999"))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(layer.getFeature(group[0]))
    scope = QgsExpressionContextScope()
    scope.setVariable("cluster_color", None)
    scope.setVariable("cluster_size", len(group))
    context.appendScope(scope)
    scope.setVariable("map_extent", QgsGeometry.fromRect(canvas.mapSettings().visibleExtent()))
    assert colour.evaluate(context) == STAGE[_majority(group, codes)]
    scope.setVariable("map_extent", QgsGeometry.fromRect(VIEWS["town"]))
    assert colour.evaluate(context) == STAGE[codes[group[0]]]


def _majority(group, codes) -> str:
    counts = Counter(codes[fid] for fid in group)
    return next(s.code for s in catalogue.STAGES if counts.get(s.code) == max(counts.values()))


def test_the_style_gallery_shows_the_majority_too(demo_gpkg, qgis_new_project):
    """The README's province map (styles.gallery) forms the discs' majorities for its own
    view, then leaves no table and no function behind."""
    from industri_rumahan_plugin.styles import gallery, preview, samples

    layers, extent = gallery.scene_layers(demo_gpkg, "stage_province")
    layer = layers[0]
    settings = preview.map_settings(layers, extent, samples.utm_crs(), gallery.MAP_SIZE)
    image = gallery.render(layers, extent)  # map on the left, legend on the right
    points, codes, context = cluster_classes.view_points(layer, settings, "tahap")
    renderer = layer.renderer()
    groups = kernel.clusters(points, context.convertToMapUnits(
        renderer.tolerance(), renderer.toleranceUnit(), renderer.toleranceMapUnitScale()))
    at = {fid: (x, y) for fid, x, y in points}
    centres = {}
    for group in (g for g in groups if len(g) > 1):
        x = sum(at[f][0] for f in group) / len(group)
        y = sum(at[f][1] for f in group) / len(group)
        centres[group[0]] = settings.mapToPixel().transform(QgsPointXY(x, y))
    checked = changed = 0
    for group in (g for g in groups if len(g) > 1):
        pixel, radius = centres[group[0]], _radius_px(len(group), settings)
        if any(abs(pixel.x() - other.x()) < 2.2 * radius and abs(pixel.y() - other.y())
               < 2.2 * radius for fid, other in centres.items() if fid != group[0]):
            continue
        seen = image.pixelColor(round(pixel.x()), round(pixel.y() - 0.7 * radius)).name()
        assert seen == STAGE[_majority(group, codes)], group[0]
        checked += 1
        changed += codes[group[0]] != _majority(group, codes)
    assert checked >= 5 and changed >= 1
    assert layer.id() not in cluster_classes._classes
    assert not QgsExpression.isFunctionName("ir_cluster_class")
