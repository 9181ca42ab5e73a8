"""Business names at village scale in the real QGIS desktop (Xvfb): only enterprises drawn
alone are named, never one drawn inside a cluster disc, and no name touches a disc (issue 13:
names overlapped the discs at 1:25,000). The plugin computes clusters and free sides outside
the render; the test checks QGIS's own labels against the clusters of the view.
Screenshot: docs/desktop_names.png."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from tests.desktop_support import DESKTOP_MARKS, REPO, desktop_session

pytestmark = DESKTOP_MARKS
CENTRE = (106.11, -2.13)  # Pangkalpinang, the demo's densest part
SCALE = 20_000.0

COLLECT = r'''
from qgis.core import QgsExpression, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QRect
from qgis.PyQt.QtWidgets import QApplication

GPKG, CANVAS_SHOT, CENTRE, SCALE = @GPKG@, @CANVAS_SHOT@, @CENTRE@, @SCALE@


def wait(ms):
    from qgis.PyQt.QtCore import QEventLoop
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def collect(window, result):
    window.setGeometry(QRect(0, 0, 1366, 768))
    project = QgsProject.instance()
    desa = QgsVectorLayer(f"{GPKG}|layername=desa", "desa", "ogr")
    desa.renderer().symbol().setColor(QColor("#f4f1ea"))
    project.addMapLayer(desa)
    usaha = QgsVectorLayer(f"{GPKG}|layername=usaha", "usaha", "ogr")
    project.addMapLayer(usaha)  # on top
    from industri_rumahan_plugin.styles import apply
    apply.apply_style(usaha, "stage")
    canvas = qgis.utils.iface.mapCanvas()
    wait(1500)  # QGIS zooms to the first layer on its own; then ours
    canvas.setDestinationCrs(usaha.crs())
    canvas.setCenter(QgsPointXY(*CENTRE))
    canvas.zoomScale(SCALE)
    wait(1000)
    canvas.refreshAllLayers()
    wait(500)
    canvas.waitWhileRendering()
    wait(500)
    result["function"] = QgsExpression.isFunctionName("ir_neighbour_m")
    result["scale"] = canvas.scale()
    results = canvas.labelingResults()
    result["labels"] = [[l.featureId, l.labelText] for l in results.allLabels()
                        if l.layerID == usaha.id()] if results else []
    result["boxes"] = [[l.labelRect.xMinimum(), l.labelRect.yMinimum(), l.labelRect.xMaximum(),
                        l.labelRect.yMaximum()] for l in results.allLabels()
                       if l.layerID == usaha.id()] if results else []
    # the clusters QGIS draws in this view (tests/test_cluster_majority.py checks they are)
    from industri_rumahan_plugin.core import clusters, label_room
    from industri_rumahan_plugin.styles import cluster_classes
    settings = canvas.mapSettings()
    points, _codes, context = cluster_classes.view_points(usaha, settings, "tahap")
    renderer = usaha.renderer()
    groups = clusters.clusters(points, context.convertToMapUnits(
        renderer.tolerance(), renderer.toleranceUnit(), renderer.toleranceMapUnitScale()))
    result["alone"] = [g[0] for g in groups if len(g) == 1]
    result["discs"] = label_room.discs(groups, {fid: (x, y) for fid, x, y in points},
                                       context.convertToMapUnits(1.0, renderer.toleranceUnit()))
    extent = canvas.extent()
    result["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                        extent.yMaximum()]
    canvas.grab().save(CANVAS_SHOT, "PNG")


from qgis.PyQt.QtGui import QColor
'''



@pytest.fixture(scope="module")
def village(tmp_path_factory, demo_gpkg) -> dict:
    work = tmp_path_factory.mktemp("desktop_names")
    return desktop_session(work, COLLECT, gpkg=demo_gpkg, values={
        "CANVAS_SHOT": str(work / "canvas.png"), "CENTRE": CENTRE, "SCALE": SCALE},
        shots={"canvas.png": "desktop_names.png"})


def test_no_error(village):
    assert "probe_error" not in village, village["probe_error"]
    assert village["python_errors"] == [], "\n".join(village["python_errors"])
    assert village["function"] is True


def test_only_enterprises_drawn_alone_are_named(village, qgis_app):
    named = {fid for fid, _text in village["labels"]}
    assert len(named) >= 10, village["labels"]
    assert named <= set(village["alone"])
    # and the view really holds clustered enterprises whose names were left out
    layer = QgsVectorLayer(f"{village['_gpkg']}|layername=usaha", "u", "ogr")
    x0, y0, x1, y1 = village["extent"]
    inside = [f.id() for f in layer.getFeatures()
              if x0 <= f.geometry().asPoint().x() <= x1 and y0 <= f.geometry().asPoint().y() <= y1]
    assert len(inside) > len(named) + 10 and len(village["discs"]) >= 10


def test_no_name_touches_a_disc(village):
    from industri_rumahan_plugin.core.label_room import circle_meets_box

    touching = [box for box in village["boxes"]
                if any(circle_meets_box(x, y, r, tuple(box)) for x, y, r in village["discs"])]
    assert len(village["boxes"]) >= 10 and touching == []


def test_screenshot_saved(village, qgis_app):
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(REPO / "docs" / "desktop_names.png"))
    assert not image.isNull() and image.width() > 500
