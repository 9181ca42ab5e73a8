"""The style of each Processing output of the plugin, chosen from the loaded layer itself.

Every output (density, service gap, accessibility, heatmap, hot spots, nearest service,
progression, nearest neighbour index, suggested sites, tables) is recognised by its fields and
geometry, so an output is styled whichever algorithm or runner made it, and a new algorithm
whose output carries a known indicator is styled too. ``postprocess`` applies these when QGIS
loads an output; ``style_output`` also serves tests and scripts.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFeatureRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.styles import enterprise_styles as es
from industri_rumahan_plugin.styles import region_styles as rs

#: Heatmap ramp (ColorBrewer YlOrRd), transparent where there is no enterprise.
HEAT_RAMP = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
#: Gi* classes: -3..3 -> colour (cold blue, neutral light grey, hot red).
HOTSPOT_COLOURS = {-3: "#2166ac", -2: "#67a9cf", -1: "#d1e5f0", 0: "#f7f7f7",
                   1: "#fddbc7", 2: "#ef8a62", 3: "#b2182b"}
HOTSPOT_WORDS = {
    "id": {"hot": "Titik panas", "cold": "Titik dingin", "none": "Tidak signifikan"},
    "en": {"hot": "Hot spot", "cold": "Cold spot", "none": "Not significant"},
}
CONFIDENCE = {3: "99 %", 2: "95 %", 1: "90 %"}
UNITS = {"id": {"heat": "usaha/km²", "metres": "m"}, "en": {"heat": "enterprises/km²",
                                                             "metres": "m"}}
#: Polygon indicator fields in order of preference -> (style, ramp) of the choropleth.
POLYGON_INDICATORS: tuple[tuple[str, str], ...] = (
    ("pct_naik", "accessibility"),
    ("persen_luar", "gap_share"),
    ("nni", "nni"),
    ("per_km2", "density"),
    ("per_1000_pddk", "density"),
)


def output_kind(layer: QgsMapLayer, output: str = "") -> str:
    """What the output is: "heatmap", "enterprises", "hotspots", "density", "gap_share",
    "progression", "nni", "access_points", "nearest_points", "points", "polygons", "table".

    ``output`` is the output parameter's name: "OUTPUT_OUTSIDE" (enterprises left out of an
    analysis) are "points", drawn as red crosses rather than like the enterprise layer."""
    if isinstance(layer, QgsRasterLayer):
        return "heatmap"
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return ""
    names = layer.fields().names()
    geometry = layer.geometryType()
    if geometry == GeometryType.NULL:
        return "table"
    if "gi_bin" in names:
        return "hotspots"
    if geometry == GeometryType.POINT:
        if any(n.startswith("akses_") for n in names):
            return "access_points"
        if any(n.startswith(("jarak_m_", "biaya_", "waktu_")) for n in names):
            return "nearest_points"
        role = schema.layer_role(names, QgsWkbTypes.displayString(layer.wkbType()))
        return "enterprises" if role == "enterprises" and "OUTSIDE" not in output else "points"
    if geometry == GeometryType.POLYGON:
        for field, style in POLYGON_INDICATORS:
            if field in names:
                return {"accessibility": "progression"}.get(style, style)
        return "polygons"
    return ""


def indicator_field(layer: QgsVectorLayer, kind: str) -> str | None:
    """The field the kind classifies (first matching one)."""
    names = layer.fields().names()
    if kind == "access_points":
        return next((n for n in names if n.startswith("akses_")), None)
    if kind == "nearest_points":
        return next((n for n in names if n.startswith(("jarak_m_", "biaya_", "waktu_"))), None)
    wanted = {"progression": "pct_naik", "gap_share": "persen_luar", "nni": "nni"}.get(kind)
    if wanted:
        return wanted
    if kind == "density":
        return next((f for f, s in POLYGON_INDICATORS if s == "density" and f in names), None)
    return None


def _values(layer: QgsVectorLayer, field: str) -> list[float]:
    from industri_rumahan_plugin.styles.apply import _all_values

    return _all_values(layer, field)


def hotspot_renderer(field: str = "gi_bin", lang: str = "id",
                     polygons: bool = True) -> QgsCategorizedSymbolRenderer:
    """Seven Gi* classes: hot and cold spots at 99/95/90 % confidence, and not significant."""
    words = HOTSPOT_WORDS[lang]
    categories = []
    for value in (3, 2, 1, 0, -1, -2, -3):
        colour = HOTSPOT_COLOURS[value]
        if value == 0:
            label = words["none"]
        else:
            label = f"{words['hot' if value > 0 else 'cold']} ({CONFIDENCE[abs(value)]})"
        symbol = rs.fill_symbol(colour) if polygons else es.circle_symbol(colour)
        categories.append(QgsRendererCategory(value, symbol, label))
    return QgsCategorizedSymbolRenderer(field, categories)


def as_points(renderer: QgsGraduatedSymbolRenderer) -> QgsGraduatedSymbolRenderer:
    """The same classes with circles instead of fills (indicators on enterprise points)."""
    for index, item in enumerate(renderer.ranges()):
        renderer.updateRangeSymbol(index, es.circle_symbol(item.symbol().color().name(), 2.6))
    return renderer


def heat_stops(path: str, count: int = len(HEAT_RAMP)) -> list[float]:
    """The transparent floor (the lowest quarter of the occupied pixels: the kernel's faint
    edges) and the colour stops at quantiles of the occupied pixels (the last at the maximum);
    a linear ramp would leave all but the densest town centre pale."""
    import numpy as np
    from osgeo import gdal

    dataset = gdal.Open(path)
    values = dataset.GetRasterBand(1).ReadAsArray() if dataset is not None else None
    dataset = None
    positive = values[values > 0] if values is not None else np.empty(0)
    if positive.size == 0:
        return [float(i) for i in range(count + 1)]
    shares = [0.25, 0.5, 0.75, 0.9, 0.97, 1.0][-count - 1:]
    stops = [float(np.quantile(positive, q)) for q in shares]
    for i in range(1, len(stops)):  # strictly increasing
        stops[i] = max(stops[i], stops[i - 1] * 1.0001 + 1e-12)
    return stops


def heatmap_renderer(layer: QgsRasterLayer, lang: str = "id") -> QgsSingleBandPseudoColorRenderer:
    """Transparent up to the floor, then five colours at quantiles of the occupied pixels."""
    floor, *stops = heat_stops(layer.source())
    top = stops[-1]
    unit = UNITS[lang]["heat"]
    items = [QgsColorRampShader.ColorRampItem(floor, QColor(255, 255, 255, 0), "")]
    for value, colour in zip(stops, HEAT_RAMP):
        decimals = rs.decimals_for([value])
        items.append(QgsColorRampShader.ColorRampItem(
            value, QColor(colour), f"{rs.format_number(value, decimals, lang)} {unit}"))
    ramp = QgsColorRampShader(0.0, top)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(top)
    return renderer


def _graduated(field: str, values: Sequence[float], ramp: str, lang: str):
    if ramp == "density":
        return rs.density_renderer(field, values, lang)
    if ramp == "gap_share":
        return rs.gap_share_renderer(field, values, lang, percent=True)
    return rs.accessibility_renderer(field, values, lang)


def vector_renderer(layer: QgsVectorLayer, kind: str, lang: str = "id") -> QgsFeatureRenderer:
    """The renderer of a vector output of ``kind`` (see ``output_kind``)."""
    if kind == "enterprises":
        return es.enterprise_renderer("stage", es.STAGE_FIELD, lang)
    if kind == "hotspots":
        return hotspot_renderer("gi_bin", lang, layer.geometryType() == GeometryType.POLYGON)
    field = indicator_field(layer, kind)
    values = _values(layer, field) if field else []
    if field and values:
        ramp = {"progression": "accessibility", "nni": "accessibility",
                "access_points": "accessibility", "nearest_points": "gap"}.get(kind, kind)
        if ramp == "gap":
            renderer = rs._classified(field, values, rs.GAP_RAMP, "quantile",
                                      UNITS[lang]["metres"], lang)
        else:
            renderer = _graduated(field, values, ramp, lang)
        return as_points(renderer) if kind.endswith("_points") else renderer
    if layer.geometryType() == GeometryType.POLYGON:
        return QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": rs.OUTLINE, "outline_width": "0.4"}))
    symbol = QgsMarkerSymbol.createSimple({"name": "cross2", "color": "#d7191c",
                                           "outline_color": "#d7191c", "size": "3.0"})
    return QgsSingleSymbolRenderer(symbol)


def style_output(layer: QgsMapLayer, lang: str = "id", output: str = "") -> str:
    """Style a loaded output in place; returns its kind ("" or "table": left as it is)."""
    kind = output_kind(layer, output)
    if kind == "heatmap":
        layer.setRenderer(heatmap_renderer(layer, lang))
        layer.setOpacity(0.8)
    elif kind and kind != "table":
        layer.setRenderer(vector_renderer(layer, kind, lang))
        if kind == "enterprises" and es.NAME_FIELD in layer.fields().names():
            layer.setLabeling(es.name_labeling())
            layer.setLabelsEnabled(True)
    if isinstance(layer, QgsVectorLayer) and kind:
        from industri_rumahan_plugin.adapters.display_names import set_display_expression

        set_display_expression(layer)
    layer.triggerRepaint()
    return kind
