"""Map helpers of the dock: a tool that picks one location for the enterprise form, the zoom
to a selected enterprise and rings that keep the selection visible above clusters."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
from qgis.gui import QgsMapCanvas, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal


class PointPickerTool(QgsMapToolEmitPoint):
    """Click once on the map: emits the point in the target (layer) CRS."""

    picked = pyqtSignal(QgsPointXY)

    def __init__(self, canvas: QgsMapCanvas, target_crs: QgsCoordinateReferenceSystem) -> None:
        super().__init__(canvas)
        self.target_crs = target_crs
        self.canvasClicked.connect(self._on_clicked)

    def to_target(self, point: QgsPointXY) -> QgsPointXY:
        source = self.canvas().mapSettings().destinationCrs()
        if not source.isValid() or source == self.target_crs:
            return QgsPointXY(point)
        transform = QgsCoordinateTransform(source, self.target_crs,
                                           QgsProject.instance().transformContext())
        return transform.transform(point)

    def _on_clicked(self, point: QgsPointXY, button) -> None:
        self.picked.emit(self.to_target(point))


#: the scale a single selected enterprise is shown at (a village street block)
ENTERPRISE_SCALE = 5000.0


def show_enterprises(canvas: QgsMapCanvas, layer, fids: list[int],
                     scale: float = ENTERPRISE_SCALE) -> None:
    """Zoom (not only pan) to selected enterprises: one at ``scale`` (or closer if the user
    already is), several to their extent; a province-wide view hid them in a cluster."""
    if not fids:
        return
    if len(fids) > 1:
        canvas.zoomToFeatureIds(layer, fids)
        canvas.refresh()
        return
    feature = layer.getFeature(fids[0])
    if not feature.hasGeometry() or feature.geometry().isEmpty():
        return
    transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance().transformContext())
    centre = transform.transform(feature.geometry().centroid().asPoint())
    canvas.setCenter(centre)
    if not canvas.scale() or canvas.scale() > scale * 1.01:
        canvas.zoomScale(scale)
    canvas.refresh()


class SelectionMarkers:
    """Bright rings over the selected enterprises, drawn above every layer (and cluster).

    A selected point inside a grey cluster disc was invisible (issue 13); the rings are
    canvas items, so no layer's renderer can hide them.
    """

    def __init__(self, canvas: QgsMapCanvas) -> None:
        self.canvas = canvas
        self.markers: list = []

    def show(self, layer, fids: list[int], limit: int = 200) -> None:
        from qgis.gui import QgsVertexMarker
        from qgis.PyQt.QtGui import QColor

        self.clear()
        if layer is None:
            return
        transform = QgsCoordinateTransform(layer.crs(),
                                           self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance().transformContext())
        for fid in fids[:limit]:
            feature = layer.getFeature(fid)
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                continue
            marker = QgsVertexMarker(self.canvas)
            marker.setCenter(transform.transform(feature.geometry().centroid().asPoint()))
            marker.setIconType(QgsVertexMarker.IconType.ICON_CIRCLE)
            marker.setIconSize(22)
            marker.setPenWidth(4)
            marker.setColor(QColor("#ffe600"))
            marker.setFillColor(QColor(215, 25, 28, 90))
            marker.setZValue(1000)
            self.markers.append(marker)

    def clear(self) -> None:
        scene = self.canvas.scene() if self.canvas is not None else None
        for marker in self.markers:
            if scene is not None:
                scene.removeItem(marker)
        self.markers = []
