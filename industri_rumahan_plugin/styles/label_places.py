"""Business names beside lone enterprises placed clear of the cluster discs, in the canvas's view.

Computed in the main thread with the clusters of the view (styles.cluster_classes): for each
enterprise drawn alone, the positions around it (QGIS's cartographic placement) whose label
box clears every disc (core.label_room), kept in a plain dict. The label's position order and
Show property ask ``ir_label_positions(@layer_id, $id, @map_extent)``: "" hides a name (the
enterprise is in a cluster, or no side is free); another view, or QGIS without the plugin,
gets NULL and keeps QGIS's own order and the neighbour-distance rule (styles.neighbours).
"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsPalLayerSettings,
    QgsRenderContext,
    QgsTextRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    qgsfunction,
)

from industri_rumahan_plugin.compat import Unit
from industri_rumahan_plugin.core import label_room

FUNCTION = "ir_label_positions"
#: layer id -> (view key, enterprise id -> free positions "TR,TL,…" or "" for no name)
_positions: dict[str, tuple[str, dict[int, str]]] = {}
#: margin around a name's box, in millimetres (QGIS's placement differs by a fraction)
MARGIN_MM = 0.6


@qgsfunction(args="auto", group="Industri Rumahan", referenced_columns=[], register=False)
def ir_label_positions(layer_id, fid, extent, feature, parent):
    """<h3>ir_label_positions(layer_id, fid, extent)</h3>Where the enterprise's name may go
    without touching a cluster disc in the map canvas's current view ("" for nowhere), as a
    position order (Industri Rumahan plugin), or NULL when unknown."""
    from industri_rumahan_plugin.styles.cluster_classes import view_key

    entry = _positions.get(layer_id)
    if entry is None or extent is None:
        return None
    key, table = entry
    return table.get(fid) if key == view_key(extent.boundingBox()) else None


def _call() -> str:
    return f"try(eval('{FUNCTION}(@layer_id, $id, @map_extent)'))"


def show_expression(neighbour_rule: str) -> str:
    """Show a name when the view's table allows it, else (another view) by ``neighbour_rule``."""
    return f"with_variable('ir_places', {_call()}, if(@ir_places IS NULL, {neighbour_rule}, " \
           f"@ir_places <> ''))"


def order_expression() -> str:
    return f"coalesce(nullif({_call()}, ''), '{','.join(label_room.ORDER)}')"


def name_settings(layer: QgsVectorLayer) -> QgsPalLayerSettings | None:
    """The layer's name labels when they ask the function for their positions."""
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling) or not layer.labelsEnabled():
        return None
    settings = labeling.settings()
    prop = settings.dataDefinedProperties().property(
        QgsPalLayerSettings.Property.PredefinedPositionOrder)
    return settings if FUNCTION in prop.expressionString() else None


def update(layer: QgsVectorLayer, settings, groups: list[list[int]],
           points: dict[int, tuple[float, float]], key: str) -> None:
    """Free positions of every enterprise of the view (main thread); swapped whole."""
    label = name_settings(layer)
    if label is None or (label.scaleVisibility and settings.scale() > label.minimumScale):
        _positions.pop(layer.id(), None)  # no names at this scale
        return
    context = QgsRenderContext.fromMapSettings(settings)
    per_mm = context.convertToMapUnits(1.0, Unit.RENDER_MM)
    per_pixel = context.mapToPixel().mapUnitsPerPixel()
    discs = label_room.discs(groups, points, per_mm)
    alone = [g[0] for g in groups if len(g) == 1]
    table = {fid: "" for g in groups if len(g) > 1 for fid in g}
    text_format = label.format()
    halo = text_format.buffer().size() if text_format.buffer().enabled() else 0.0
    # QGIS measures the distance from the point itself unless told to from the symbol
    symbol_radius = _symbol_radius_mm(layer, context) * per_mm if _from_symbol(label) else 0.0
    request = QgsFeatureRequest().setFilterFids(alone).setNoAttributes()
    request.setSubsetOfAttributes([label.fieldName], layer.fields())
    reach = max((d[2] for d in discs), default=0.0)
    for feature in layer.getFeatures(request):
        text = str(feature[label.fieldName] or "")
        if not text:
            continue
        width = QgsTextRenderer.textWidth(context, text_format, [text]) * per_pixel
        height = QgsTextRenderer.textHeight(context, text_format, [text]) * per_pixel
        x, y = points[feature.id()]
        span = width + height + symbol_radius + (label.dist + MARGIN_MM) * per_mm + reach
        near = [d for d in discs if abs(d[0] - x) <= span and abs(d[1] - y) <= span]
        boxes = label_room.boxes(width, height, symbol_radius, label.dist * per_mm)
        table[feature.id()] = ",".join(label_room.free_positions(  # the halo is ink too
            x, y, boxes, (halo + MARGIN_MM) * per_mm, near))
    _positions[layer.id()] = (key, table)


def _from_symbol(label: QgsPalLayerSettings) -> bool:
    """True when the label distance counts from the symbol's edge (not from the point)."""
    offset = label.offsetType
    return "SymbolBounds" in str(offset) or getattr(offset, "value", offset) == 1


def _symbol_radius_mm(layer: QgsVectorLayer, context: QgsRenderContext) -> float:
    """Half the largest point symbol of the layer's style, in millimetres."""
    renderer = layer.renderer()
    inner = renderer.embeddedRenderer() if hasattr(renderer, "embeddedRenderer") else renderer
    sizes = [symbol.size() for symbol in (inner.symbols(context) if inner else [])
             if hasattr(symbol, "size")]
    return max(sizes, default=3.4) / 2
