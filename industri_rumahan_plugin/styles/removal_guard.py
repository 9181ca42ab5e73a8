"""Keep a removed layer's style expressions alive while a render may still prepare them.

A render works on copies of the layer's renderer and labels, but the copies share each
data-defined expression with the layer's own. When the render thread prepares an expression
(QgsSymbol::startRender -> QgsExpression::detach) just as the main thread deletes the layer,
QGIS copies an expression whose last owner is freeing it, and crashes (QGIS 3.40; backtrace
in tests/render_crash_probe.py's history). The guard takes its own share of every such
expression just before a layer is deleted (layersWillBeRemoved) and lets go of it a while
later, when any render of the layer has long prepared its own copy.
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsProject, QgsProperty, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer

#: seconds the shares are kept after the layer is removed
KEEP_SECONDS = 30


def shared_properties(layer) -> list:
    """Copies (sharing the layer's expressions) of the data-defined properties of the layer's
    symbols (a cluster renderer's disc and its inner renderer's symbols) and labels."""
    if not isinstance(layer, QgsVectorLayer):
        return []
    shares: list = []

    def take(collection) -> None:  # while its owner lives: copies share the expressions
        # property() hands out the collection's own object: a copy is a share of its own
        shares.extend(QgsProperty(collection.property(key)) for key in collection.propertyKeys())

    renderer = layer.renderer()
    symbols = []
    if renderer is not None:
        for owner in (renderer, getattr(renderer, "embeddedRenderer", lambda: None)()):
            if owner is not None:
                symbols += owner.symbols(QgsRenderContext())
        for name in ("clusterSymbol", "centerSymbol"):
            symbol = getattr(renderer, name, lambda: None)()
            if symbol is not None:
                symbols.append(symbol)
    for symbol in symbols:
        take(symbol.dataDefinedProperties())
        for symbol_layer in symbol.symbolLayers():
            take(symbol_layer.dataDefinedProperties())
    labeling = layer.labeling()
    if labeling is not None:
        for provider in labeling.subProviders():
            settings = labeling.settings(provider)
            take(settings.dataDefinedProperties())
            text_format = settings.format()
            take(text_format.dataDefinedProperties())
    return shares


class RemovalGuard(QObject):
    """Holds the shared expressions of layers being removed for ``KEEP_SECONDS``."""

    def __init__(self, project: QgsProject | None = None) -> None:
        super().__init__()
        self.project = project or QgsProject.instance()
        self.kept: list[list] = []
        self.project.layersWillBeRemoved.connect(self._keep)

    def _keep(self, layer_ids) -> None:
        shares = []
        for layer_id in layer_ids:
            shares += shared_properties(self.project.mapLayer(layer_id))
        if shares:
            self.kept.append(shares)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(self._release_oldest)
            timer.timeout.connect(timer.deleteLater)
            timer.start(KEEP_SECONDS * 1000)

    def _release_oldest(self) -> None:
        if self.kept:
            self.kept.pop(0)

    def stop(self) -> None:
        """Let go of everything; call it when no render runs (the plugin stops the canvas)."""
        with contextlib.suppress(TypeError, RuntimeError):
            self.project.layersWillBeRemoved.disconnect(self._keep)
        self.kept.clear()
