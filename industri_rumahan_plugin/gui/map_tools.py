"""A map tool that picks one location for the enterprise form."""

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
