"""Business names never touch a cluster disc on the canvas (issue 13): QGIS's labelling does not
see the discs, so the plugin gives each name only the sides clear of them
(styles/label_places.py). Checked on QGIS's own label boxes of a canvas render at village
scale, against the discs QGIS draws (the clusters of test_cluster_majority), with the former
labelling as the control."""

from __future__ import annotations

import time

import pytest
from qgis.core import (
    QgsPalLayerSettings,
    QgsProperty,
    QgsRectangle,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication

from industri_rumahan_plugin.core import clusters as kernel
from industri_rumahan_plugin.core import label_room
from industri_rumahan_plugin.styles import cluster_classes, neighbours
from tests.canvas_support import styled_canvas

CENTRES = [(106.11, -2.13), (106.14, -2.11), (106.1, -1.88), (107.65, -2.74)]  # towns of the demo


@pytest.fixture
def canvas_layer(demo_gpkg, qgis_new_project):
    with styled_canvas(demo_gpkg, 1000, 650) as (canvas, layer):
        yield canvas, layer


def _labels_and_discs(canvas, layer, centre) -> tuple[list, list]:
    x, y = centre
    canvas.setExtent(QgsRectangle(x - 0.02, y - 0.02, x + 0.02, y + 0.02))
    canvas.zoomScale(20_000)
    done = []
    canvas.mapCanvasRefreshed.connect(lambda: done.append(True))
    canvas.refresh()
    end = time.monotonic() + 30
    while not done and time.monotonic() < end:
        QCoreApplication.processEvents()
    canvas.waitWhileRendering()
    assert done and abs(canvas.scale() - 20_000) < 1
    settings = canvas.mapSettings()
    points, _codes, context = cluster_classes.view_points(layer, settings, "tahap")
    renderer = layer.renderer()
    groups = kernel.clusters(points, context.convertToMapUnits(
        renderer.tolerance(), renderer.toleranceUnit(), renderer.toleranceMapUnitScale()))
    discs = label_room.discs(groups, {fid: (x, y) for fid, x, y in points},
                             context.convertToMapUnits(1.0, renderer.toleranceUnit()))
    results = canvas.labelingResults()
    labels = [(p.featureId, p.labelRect) for p in results.allLabels()
              if p.layerID == layer.id()]
    return labels, discs


def _touching(labels, discs) -> list[int]:
    return [fid for fid, rect in labels if any(label_room.circle_meets_box(
        x, y, r, (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()))
        for x, y, r in discs)]


@pytest.mark.parametrize("centre", CENTRES)
def test_no_name_touches_a_disc(canvas_layer, centre):
    canvas, layer = canvas_layer
    labels, discs = _labels_and_discs(canvas, layer, centre)
    assert len(labels) >= 10 and len(discs) >= 2
    assert _touching(labels, discs) == []


def test_without_the_free_sides_names_touch_discs(canvas_layer):
    """The control: QGIS's own order of positions, names beside every lone enterprise (the
    labelling before this change) puts names on discs in the same views."""
    canvas, layer = canvas_layer
    settings = QgsPalLayerSettings(layer.labeling().settings())
    properties = settings.dataDefinedProperties()
    properties.setProperty(QgsPalLayerSettings.Property.PredefinedPositionOrder, QgsProperty())
    properties.setProperty(QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(
        neighbours.show_expression(7.0)))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    touching = []
    for centre in CENTRES:
        labels, discs = _labels_and_discs(canvas, layer, centre)
        touching += _touching(labels, discs)
    assert len(touching) >= 3
