"""What a style needs from a layer, computed in the main thread and kept for render threads.

A render thread must never read a layer (the main thread may delete it meanwhile: QGIS
crashed, tests/render_crash_probe.py). A watch computes what the style asks for when a layer
joins the project or its features change (one computation for a burst of edits), keeps it in
a plain dict the render threads only read, and forgets it when the layer leaves. Subclasses:
styles.neighbours (names beside lone enterprises), styles.cluster_classes (disc colours).
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsExpression, QgsProject
from qgis.PyQt.QtCore import QObject, QTimer

EDIT_SIGNALS = ("featureAdded", "featuresDeleted", "geometryChanged", "afterCommitChanges",
                "afterRollBack", "dataChanged", "subsetStringChanged")


class LayerWatch(QObject):
    """Calls ``compute(layer)`` for every layer ``wants`` in the project, again after edits."""

    #: the expression function the style calls (registered while the watch runs)
    function = None
    #: the layer signals after which the layer is computed again
    signals: tuple[str, ...] = EDIT_SIGNALS
    #: the dict the function reads: layer id -> what was computed
    store: dict = {}

    def __init__(self, project: QgsProject | None = None) -> None:
        super().__init__()
        self.project = project or QgsProject.instance()
        self.timers: dict[str, QTimer] = {}
        QgsExpression.registerFunction(self.function)
        self.project.layersAdded.connect(self._on_layers_added)
        self.project.layersWillBeRemoved.connect(self._on_layers_removed)
        self._on_layers_added(list(self.project.mapLayers().values()))

    def wants(self, layer) -> bool:
        raise NotImplementedError

    def compute(self, layer) -> None:
        raise NotImplementedError

    def added(self, layer, timer: QTimer) -> None:
        """A wanted layer joined: compute at once (a subclass may wait for the timer)."""
        self.compute(layer)

    def _on_layers_added(self, layers) -> None:
        for layer in layers:
            if self.wants(layer) and layer.id() not in self.timers:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(300)  # one computation for a burst of edits
                timer.timeout.connect(lambda lyr=layer: self._refresh(lyr))
                self.timers[layer.id()] = timer
                for name in self.signals:
                    getattr(layer, name).connect(lambda *_args, t=timer: t.start())
                self.added(layer, timer)

    def _refresh(self, layer) -> None:
        with contextlib.suppress(RuntimeError):  # removed meanwhile
            self.compute(layer)
            layer.triggerRepaint()

    def _on_layers_removed(self, layer_ids) -> None:
        for layer_id in layer_ids:
            timer = self.timers.pop(layer_id, None)
            if timer is not None:
                timer.stop()
                timer.deleteLater()
            self.store.pop(layer_id, None)

    def stop(self) -> None:
        """Forget everything and unregister the function; call it when no render runs (the
        plugin stops the canvas first: a running render may still call it)."""
        with contextlib.suppress(TypeError, RuntimeError):
            self.project.layersAdded.disconnect(self._on_layers_added)
            self.project.layersWillBeRemoved.disconnect(self._on_layers_removed)
        self._on_layers_removed(list(self.timers))
        self.store.clear()
        QgsExpression.unregisterFunction(self.function.name())
