"""A map canvas (offscreen) over the styled demo enterprises, with the plugin's watches running
as in QGIS: for the tests of cluster colours and name places."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas

from industri_rumahan_plugin.styles import apply, cluster_classes, neighbours


@contextmanager
def styled_canvas(gpkg, width: int, height: int) -> Iterator[tuple[QgsMapCanvas, QgsVectorLayer]]:
    """(canvas, enterprise layer in the stage style), labels drawn; everything stopped after."""
    layer = QgsVectorLayer(f"{gpkg}|layername=usaha", "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    apply.apply_style(layer, "stage", lang="id")
    canvas = QgsMapCanvas()
    canvas.resize(width, height)
    canvas.show()  # its size is final before any extent is set
    canvas.setDestinationCrs(layer.crs())
    canvas.setMapSettingsFlags(canvas.mapSettings().flags() | Qgis.MapSettingsFlag.DrawLabeling)
    watches = [neighbours.NeighbourWatch(), cluster_classes.ClusterWatch(canvas)]
    canvas.setLayers([layer])
    try:
        yield canvas, layer
    finally:
        canvas.setLayers([])
        for watch in watches:
            watch.stop()
        QgsProject.instance().removeAllMapLayers()
