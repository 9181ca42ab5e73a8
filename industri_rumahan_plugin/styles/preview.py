"""Render styled layers (and their legend) to an image, and compare images with a tolerance.

Used for the reference images under ``docs/styles`` and their tests; no GUI needed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGraduatedSymbolRenderer,
    QgsLayerTree,
    QgsLayerTreeModel,
    QgsLegendRenderer,
    QgsLegendSettings,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointClusterRenderer,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from industri_rumahan_plugin.compat import Symbology

DPI = 96


def map_settings(layers: Sequence[QgsMapLayer], extent: QgsRectangle,
                 crs: QgsCoordinateReferenceSystem, size: QSize) -> QgsMapSettings:
    """Map settings for ``layers`` (top first) over ``extent`` given in ``crs``."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(crs)
    settings.setOutputSize(size)
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setExtent(extent)
    settings.setFlag(Qgis.MapSettingsFlag.Antialiasing, True)
    settings.setFlag(Qgis.MapSettingsFlag.DrawLabeling, True)
    settings.setTransformContext(QgsProject.instance().transformContext())
    # @map_scale and the other map variables, as on the canvas (cluster colours use them)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(None))
    context.appendScope(QgsExpressionContextUtils.mapSettingsScope(settings))
    settings.setExpressionContext(context)
    return settings


def extent_in(layer: QgsMapLayer, crs: QgsCoordinateReferenceSystem,
              margin: float = 0.03) -> QgsRectangle:
    """The layer's extent in ``crs`` with a small margin."""
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    extent = transform.transformBoundingBox(layer.extent())
    extent.grow(max(extent.width(), extent.height()) * margin)
    return extent


def render_map(settings: QgsMapSettings) -> QImage:
    image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32)
    image.fill(settings.backgroundColor())
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return image


def count_symbols(layers: Sequence[QgsMapLayer]) -> None:
    """Count features per legend entry now (QGIS counts in a background task otherwise)."""
    for layer in layers:
        if isinstance(layer, QgsVectorLayer):
            counter = layer.countSymbolFeatures()
            if counter is not None:
                counter.waitForFinished()
    QCoreApplication.processEvents()


def render_legend(layers: Sequence[QgsMapLayer], title: str = "",
                  feature_counts: bool = True) -> QImage:
    """The legend of ``layers`` (with feature counts) as an image."""
    root = QgsLayerTree()
    if feature_counts:
        count_symbols(layers)
    for layer in layers:
        node = root.addLayer(layer)
        node.setCustomProperty("showFeatureCount", feature_counts)
    model = QgsLayerTreeModel(root)
    settings = QgsLegendSettings()
    settings.setTitle(title)
    for style in (Symbology.LEGEND_TITLE, Symbology.LEGEND_GROUP, Symbology.LEGEND_SUBGROUP,
                  Symbology.LEGEND_SYMBOL_LABEL):
        font = QFont("Sans Serif")
        font.setPointSizeF(11 if style == Symbology.LEGEND_TITLE else 8.5)
        font.setBold(style in (Symbology.LEGEND_TITLE, Symbology.LEGEND_SUBGROUP))
        legend_style = settings.style(style)
        legend_style.setFont(font)
        settings.setStyle(style, legend_style)
    renderer = QgsLegendRenderer(model, settings)
    scale = DPI / 25.4  # pixels per mm
    size_mm = renderer.minimumSize()
    image = QImage(int(size_mm.width() * scale) + 8, int(size_mm.height() * scale) + 8,
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(scale)
    context.setRendererScale(1000)
    painter.translate(4, 4)
    painter.scale(scale, scale)  # the legend draws in millimetres
    renderer.drawLegend(context)
    painter.end()
    return image


def side_by_side(left: QImage, right: QImage) -> QImage:
    """The map with its legend on the right (top aligned, white background)."""
    image = QImage(left.width() + right.width(), max(left.height(), right.height()),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.drawImage(0, 0, left)
    painter.drawImage(left.width(), 0, right)
    painter.setPen(QColor("#bdbdbd"))
    painter.drawRect(0, 0, left.width() - 1, left.height() - 1)
    painter.end()
    return image


def difference(a: QImage, b: QImage, threshold: int = 48) -> float:
    """Share of pixels whose colour differs by more than ``threshold`` in any channel (1.0
    when the sizes differ)."""
    if a.size() != b.size():
        return 1.0

    def pixels(image: QImage):
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        data = image.constBits().asarray(image.sizeInBytes())
        stride = image.bytesPerLine()
        array = np.frombuffer(bytes(data), dtype=np.uint8).reshape(image.height(), stride)
        return array[:, : image.width() * 4].reshape(image.height(), image.width(), 4)

    delta = np.abs(pixels(a).astype(np.int16) - pixels(b).astype(np.int16)).max(axis=2)
    return float((delta > threshold).mean())



def palette(layer: QgsVectorLayer) -> list[str]:
    """The fill colours (``#rrggbb``) a layer's renderer gives its classes, in legend order.

    Clusters give their disc's colour, then their members' (the embedded renderer); rule-based
    renderers list their rules. Used to compare what different QGIS versions draw, class by class.
    """
    renderer = layer.renderer()
    colours: list[str] = []
    if isinstance(renderer, QgsPointClusterRenderer):
        colours.append(renderer.clusterSymbol().color().name())
        renderer = renderer.embeddedRenderer()
    # keep the category/range copies alive while their symbols are read
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        items = renderer.categories()
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        items = renderer.ranges()
    elif isinstance(renderer, QgsRuleBasedRenderer):
        items = [r for r in renderer.rootRule().descendants() if r.symbol()]
    else:
        items = []
    symbols = ([item.symbol() for item in items] if items
               else renderer.symbols(QgsRenderContext()))
    for symbol in symbols:
        layer0 = symbol.symbolLayer(0)
        fill = layer0.fillColor() if hasattr(layer0, "fillColor") else symbol.color()
        if fill.name() not in colours:
            colours.append(fill.name())
    return colours


def colour_shares(image: QImage, colours: Sequence[str], width: int | None = None,
                  height: int | None = None) -> dict[str, float]:
    """Share of the pixels (of the top-left ``width`` × ``height`` part) that are exactly each
    colour: anti-aliased edges and text do not count, filled class interiors do."""
    image = image.copy(0, 0, width or image.width(), height or image.height())
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    stride = image.bytesPerLine() // 4
    data = np.frombuffer(bytes(image.constBits().asarray(image.sizeInBytes())), dtype=np.uint32)
    rgb = data.reshape(image.height(), stride)[:, : image.width()] & 0xFFFFFF
    total = rgb.size
    return {c: float((rgb == (QColor(c).rgb() & 0xFFFFFF)).sum()) / total for c in colours}
