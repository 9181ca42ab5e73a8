"""Cluster discs coloured by the class most of their members share, without reading a layer
in the render thread.

QGIS sets ``@cluster_color`` only when every member has the same colour; a mixed disc gets
the colour its expression gives for the one member QGIS draws it with. Here, in the main
thread, the clusters of the map canvas's view are formed again as QGIS forms them
(``core.clusters``) whenever the view moves or the enterprises change, and kept in a plain
dict: first member id -> majority class, for that exact view. The disc's colour asks
``ir_cluster_class(@layer_id, $id, @map_extent)``; another view (a print layout, a second
canvas) or a QGIS without the plugin (QField) gets NULL, and the disc keeps the colour of
its drawn member. (Reading the members in the render, with ``overlay_nearest(@layer)``,
crashed QGIS when layers were removed mid-render: tests/render_crash_probe.py.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from qgis.core import (
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsPointClusterRenderer,
    QgsPointXY,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
    qgsfunction,
)

from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import clusters as kernel
from industri_rumahan_plugin.styles import label_places
from industri_rumahan_plugin.styles.layer_watch import EDIT_SIGNALS, LayerWatch

FUNCTION = "ir_cluster_class"
#: More points than this in view: no majority (the main thread would stall on every pan).
MAX_POINTS = 20_000
#: Catalogue order breaks ties: a cluster with as many Pemula as Maju is Pemula.
ORDER = tuple(e.code for e in catalogue.STAGES) + tuple(e.code for e in catalogue.SECTORS)
#: layer id -> (view key, first member id -> majority class); replaced whole, never edited
_classes: dict[str, tuple[str, dict[int, object]]] = {}


@qgsfunction(args="auto", group="Industri Rumahan", referenced_columns=[], register=False)
def ir_cluster_class(layer_id, fid, extent, feature, parent):
    """<h3>ir_cluster_class(layer_id, fid, extent)</h3>The class most members of the cluster
    drawn with this enterprise share, in the map canvas's current view (Industri Rumahan
    plugin), or NULL when unknown."""
    entry = _classes.get(layer_id)
    if entry is None or extent is None:
        return None
    key, table = entry
    return table.get(fid) if key == view_key(extent.boundingBox()) else None


def colour_expression(field: str, entries: tuple[catalogue.Entry, ...], fallback: str) -> str:
    """The disc's colour: ``@cluster_color`` when all members share a class, else the colour
    of the majority class, else (unknown view, no plugin) the drawn member's class. The
    function is called through eval() in try(), so QGIS without it still parses the style."""
    cases = " ".join(f"WHEN @ir_class = '{e.code}' THEN '{e.color}'" for e in entries)
    member = (f"coalesce(try(eval('{FUNCTION}(@layer_id, $id, @map_extent)')), "
              f"\"{field}\")")
    return (f"coalesce(@cluster_color, with_variable('ir_class', {member}, "
            f"CASE {cases} ELSE '{fallback}' END))")


def view_key(rect) -> str:
    """The same string for the same view extent (the canvas's and the render's)."""
    return ",".join(f"{v:.12g}" for v in (rect.xMinimum(), rect.yMinimum(),
                                          rect.xMaximum(), rect.yMaximum()))


def class_field(layer: QgsVectorLayer) -> str | None:
    """The class field the layer's cluster discs are coloured by, when they use the
    majority function; else None."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsPointClusterRenderer) or renderer.clusterSymbol() is None:
        return None
    for symbol_layer in renderer.clusterSymbol().symbolLayers():
        for key in symbol_layer.dataDefinedProperties().propertyKeys():
            prop = symbol_layer.dataDefinedProperties().property(key)
            expression = prop.expressionString() if prop.isActive() else ""
            if FUNCTION in expression:
                columns = QgsExpression(expression).referencedColumns()
                names = [n for n in layer.fields().names() if n in columns]
                return names[0] if names else None
    return None


def view_points(layer: QgsVectorLayer, settings, field: str):
    """(ids and map points in drawing order, id -> class) of the layer's points in view, as
    the renderer requests them; None when more than ``MAX_POINTS``."""
    extent = settings.visibleExtent()
    request = QgsFeatureRequest().setFilterRect(settings.outputExtentToLayerExtent(layer,
                                                                                   extent))
    request.setSubsetOfAttributes([field], layer.fields())
    context = QgsRenderContext.fromMapSettings(settings)
    condition = layer.renderer().filter(layer.fields())
    if condition:
        request.setFilterExpression(condition)
        request.setSubsetOfAttributes(
            list({field, *QgsExpression(condition).referencedColumns()}), layer.fields())
    transform = QgsCoordinateTransform(layer.crs(), settings.destinationCrs(),
                                       QgsProject.instance())
    points, codes = [], {}
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty() or geometry.isMultipart():
            continue  # QGIS draws only single points as cluster members
        point = geometry.asPoint()
        if transform.isValid() and not transform.isShortCircuited():
            point = transform.transform(QgsPointXY(point))
        points.append((feature.id(), point.x(), point.y()))
        codes[feature.id()] = feature[field]
        if len(points) > MAX_POINTS:
            return None
    return points, codes, context


def update(layer: QgsVectorLayer, settings) -> None:
    """Form the clusters of the view again (main thread), with the majority class of each
    and the free places of the names beside lone enterprises; the tables are swapped whole."""
    field = class_field(layer)
    read = view_points(layer, settings, field) if field else None
    if read is None:
        _classes.pop(layer.id(), None)
        label_places._positions.pop(layer.id(), None)
        return
    points, codes, context = read
    renderer = layer.renderer()
    tolerance = context.convertToMapUnits(renderer.tolerance(), renderer.toleranceUnit(),
                                          renderer.toleranceMapUnitScale())
    groups = kernel.clusters(points, tolerance)
    key = view_key(settings.visibleExtent())
    _classes[layer.id()] = (key, kernel.majority_by_first(groups, codes, ORDER))
    label_places.update(layer, settings, groups, {fid: (x, y) for fid, x, y in points}, key)


@contextlib.contextmanager
def computed_for(settings, layers) -> Iterator[None]:
    """Majorities and name places for one render outside the canvas (the style gallery): the
    functions registered and the tables filled for its view while it renders; afterwards
    everything as it was (the canvas's tables, the functions of a running plugin)."""
    functions = [f for f in (ir_cluster_class, label_places.ir_label_positions)
                 if not QgsExpression.isFunctionName(f.name())]
    saved = {layer.id(): (_classes.get(layer.id()), label_places._positions.get(layer.id()))
             for layer in layers}
    for function in functions:
        QgsExpression.registerFunction(function)
    try:
        for layer in layers:
            if isinstance(layer, QgsVectorLayer) and layer.geometryType() == GeometryType.POINT:
                update(layer, settings)
        yield
    finally:
        for layer_id, (classes, places) in saved.items():
            for table, value in ((_classes, classes), (label_places._positions, places)):
                if value is None:
                    table.pop(layer_id, None)
                else:
                    table[layer_id] = value
        for function in functions:
            QgsExpression.unregisterFunction(function.name())


class ClusterWatch(LayerWatch):
    """Keeps ``_classes`` for the canvas's view of every clustered enterprise layer."""

    function = ir_cluster_class
    store = _classes
    signals = (*EDIT_SIGNALS, "attributeValueChanged", "rendererChanged", "styleChanged")

    def __init__(self, canvas, project: QgsProject | None = None) -> None:
        self.canvas = canvas
        QgsExpression.registerFunction(label_places.ir_label_positions)
        super().__init__(project)
        # before the canvas starts the render it schedules on these
        canvas.extentsChanged.connect(self.refresh_view)
        canvas.layersChanged.connect(self.refresh_view)
        canvas.destinationCrsChanged.connect(self.refresh_view)

    def wants(self, layer) -> bool:
        return (isinstance(layer, QgsVectorLayer) and layer.isValid()
                and layer.geometryType() == GeometryType.POINT)

    def added(self, layer, timer) -> None:
        timer.start()  # the canvas may show it only later (layersChanged computes then)

    def compute(self, layer: QgsVectorLayer) -> None:
        if layer.id() in {shown.id() for shown in self.canvas.layers()}:
            update(layer, self.canvas.mapSettings())

    def refresh_view(self) -> None:
        with contextlib.suppress(RuntimeError):  # the canvas is being deleted
            settings = self.canvas.mapSettings()
            for layer in self.canvas.layers():
                if self.wants(layer):
                    update(layer, settings)

    def _on_layers_removed(self, layer_ids) -> None:
        super()._on_layers_removed(layer_ids)
        for layer_id in layer_ids:
            label_places._positions.pop(layer_id, None)

    def stop(self) -> None:
        with contextlib.suppress(TypeError, RuntimeError):
            self.canvas.extentsChanged.disconnect(self.refresh_view)
            self.canvas.layersChanged.disconnect(self.refresh_view)
            self.canvas.destinationCrsChanged.disconnect(self.refresh_view)
        super().stop()
        label_places._positions.clear()
        QgsExpression.unregisterFunction(label_places.FUNCTION)
