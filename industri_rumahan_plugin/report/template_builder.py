"""Builds the shipped ``laporan_wilayah.qpt`` (three A4 portrait pages) in code.

Run ``python -m industri_rumahan_plugin.report.template_builder`` to regenerate the file after a
design change; offices restyle the ``.qpt`` itself in the layout designer. Item ids are the
contract with ``report.template``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from industri_rumahan_plugin.compat import Layout, Symbology, Unit
from industri_rumahan_plugin.report import template as t
from industri_rumahan_plugin.report.texts import text

ACCENT = "#5b2a86"  # header band
ACCENT_LIGHT = "#efe7f5"  # table headers
INK = "#222222"
FONT = "DejaVu Sans"
W, H = 210.0, 297.0


def _format(size: float, bold: bool = False, color: str = INK) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(Unit.RENDER_POINTS)
    fmt.setColor(QColor(color))
    return fmt


def _place(item, page: int, x: float, y: float, w: float, h: float, layout) -> None:
    item.attemptResize(QgsLayoutSize(w, h, Unit.LAYOUT_MM))
    item.attemptMove(QgsLayoutPoint(x, y, Unit.LAYOUT_MM), page=page)


def _label(layout, item_id: str, text: str, page: int, rect: tuple, size: float = 9,
           bold: bool = False, color: str = INK,
           align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setFontColor(QColor(color))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    layout.addLayoutItem(label)
    _place(label, page, *rect, layout)
    return label


def _band(layout, page: int) -> None:
    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    band.setId(f"kepala_{page}")
    symbol = band.symbol()
    symbol.setColor(QColor(ACCENT))
    symbol.symbolLayer(0).setStrokeStyle(Qt.PenStyle.NoPen)
    band.setSymbol(symbol)
    layout.addLayoutItem(band)
    _place(band, page, 0, 0, W, 26, layout)
    logo = QgsLayoutItemPicture(layout)  # empty: the office puts its logo here
    logo.setId(f"logo_{page}")
    layout.addLayoutItem(logo)
    _place(logo, page, 182, 3, 20, 20, layout)


def _map(layout, item_id: str, page: int, rect: tuple, atlas: bool) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#888888"))
    item.setBackgroundColor(QColor("#dcebf5"))  # sea
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    x, y, w, h = rect
    item.setExtent(QgsRectangle(105.0, -3.5, 105.0 + 4.0 * w / h, 0.5))  # placeholder
    layout.addLayoutItem(item)
    _place(item, page, *rect, layout)
    item.setExtent(QgsRectangle(105.0, -3.5, 105.0 + 4.0 * w / h, 0.5))
    if atlas:
        item.setAtlasDriven(True)
        item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
        item.setAtlasMargin(0.08)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId(f"{item_id}_skala")
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(Unit.KILOMETERS)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setHeight(1.5)
    bar.setTextFormat(_format(7))
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(bar)
    bar.applyDefaultSize(Unit.KILOMETERS)
    bar.setSegmentSizeMode(Layout.SCALEBAR_FIT_WIDTH)
    bar.setMinimumBarWidth(15)
    bar.setMaximumBarWidth(35)
    _place(bar, page, x + 2, y + h - 11, 42, 9, layout)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId(f"{item_id}_utara")
    arrow.setPicturePath(_north_arrow())
    arrow.setLinkedMap(item)
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(arrow)
    _place(arrow, page, x + w - 12, y + 2, 10, 13, layout)
    return item


def _north_arrow() -> str:
    """The plugin's own arrow ("U" for utara); the generator re-points it at install time."""
    return str(t.NORTH_ARROW)


def _legend(layout, item_id: str, page: int, rect: tuple, linked) -> None:
    legend = QgsLayoutItemLegend(layout)
    legend.setId(item_id)
    legend.setTitle("Legenda")
    legend.setLinkedMap(linked)
    legend.setColumnCount(1)
    legend.setSymbolWidth(4)
    legend.setSymbolHeight(3.2)
    legend.setBoxSpace(1.5)
    for style, size, bold in ((Symbology.LEGEND_TITLE, 9, True),
                              (Symbology.LEGEND_GROUP, 7.5, True),
                              (Symbology.LEGEND_SUBGROUP, 7.5, True),
                              (Symbology.LEGEND_SYMBOL_LABEL, 7, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.setStyleMargin(Symbology.LEGEND_GROUP, QgsLegendStyle.Side.Top, 1.5)
    legend.setStyleMargin(Symbology.LEGEND_SUBGROUP, QgsLegendStyle.Side.Top, 1.0)
    legend.setStyleMargin(Symbology.LEGEND_SYMBOL, QgsLegendStyle.Side.Top, 0.8)
    legend.setResizeToContents(False)
    legend.setFrameEnabled(False)
    layout.addLayoutItem(legend)
    _place(legend, page, *rect, layout)


def _table(layout, item_id: str, page: int, rect: tuple, size: float = 7.5) -> None:
    table = QgsLayoutItemManualTable.create(layout)
    table.setHeaderTextFormat(_format(size, bold=True))
    table.setContentTextFormat(_format(size))
    table.setIncludeTableHeader(True)
    table.setHeaderMode(QgsLayoutItemManualTable.HeaderMode.FirstFrame)
    table.setHeaderHAlignment(QgsLayoutItemManualTable.HeaderHAlignment.FollowColumn)
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b9b9b9"))
    table.setVerticalGrid(False)
    table.setBackgroundColor(QColor("#ffffff"))
    table.setWrapBehavior(QgsLayoutItemManualTable.WrapBehavior.WrapText)
    table.setResizeMode(QgsLayoutItemManualTable.ResizeMode.UseExistingFrames)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    table.addFrame(frame)
    _place(frame, page, *rect, layout)


def _picture(layout, item_id: str, page: int, rect: tuple) -> None:
    pic = QgsLayoutItemPicture(layout)
    pic.setId(item_id)
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(pic)
    _place(pic, page, *rect, layout)


def _header(layout, page: int, title_id: str, subtitle_id: str) -> None:
    _band(layout, page)
    _label(layout, title_id, "Judul", page, (10, 3, 168, 12), 17, True, "#ffffff")
    _label(layout, subtitle_id, "Subjudul", page, (10, 14, 168, 10), 9, False, "#f1e9f8")


def _progression_page(layout) -> None:
    """Page 3: the region's Kenaikan kelas section (printed only when there is a history)."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().addPage(page)
    _header(layout, 2, t.P_TITLE, t.P_SUBTITLE)
    _label(layout, t.P_HEADLINE, "Kenaikan kelas", 2, (10, 29, 190, 12), 9.5, True, ACCENT)
    _label(layout, "h_naik_transisi", text("h_naik_transisi"), 2, (10, 43, 190, 6), 10, True,
           ACCENT)
    _table(layout, t.P_TRANSITIONS, 2, (10, 49, 190, 40), 7.5)
    _label(layout, "h_naik_grafik", text("h_naik_grafik"), 2, (10, 93, 90, 6), 10, True,
           ACCENT)
    _picture(layout, t.P_CHART, 2, (10, 99, 90, 72))
    _label(layout, "h_naik_kelas", text("h_naik_kelas"), 2, (104, 93, 96, 6), 10, True, ACCENT)
    _table(layout, t.P_CLASSES, 2, (104, 99, 96, 72), 7)
    _label(layout, "h_naik_program", text("h_naik_program"), 2, (10, 176, 190, 6), 10, True,
           ACCENT)
    _table(layout, t.P_PROGRAMMES, 2, (10, 182, 190, 100), 7)
    _label(layout, t.P_SOURCE, "Sumber", 2, (10, 288, 190, 7), 6.5, False, "#555555")


def build(path: str | Path = t.TEMPLATE) -> Path:
    """Build the three-page template and write it to ``path``."""
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()  # one A4 landscape page: portrait before adding the second
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().addPage(page)
    layout.setName(t.PROJECT_LAYOUT_NAME)

    # page 1: province summary
    _header(layout, 0, t.S_TITLE, t.S_SUBTITLE)
    _label(layout, t.S_HEADLINE, "", 0, (10, 27.5, 190, 9.5), 9, True, ACCENT)
    smap = _map(layout, t.S_MAP, 0, (10, 38, 132, 84), atlas=False)
    _legend(layout, t.S_LEGEND, 0, (145, 38, 57, 84), smap)
    _label(layout, "h_ringkasan_wilayah", "Usaha per wilayah", 0, (10, 125, 190, 6), 10, True,
           ACCENT)
    _table(layout, t.S_REGIONS, 0, (10, 131, 190, 50), 7)
    _label(layout, "h_ringkasan_sektor", "Sektor × tahap", 0, (10, 182, 105, 6), 10, True,
           ACCENT)
    _table(layout, t.S_TABLE, 0, (10, 188, 105, 52), 6.5)
    _label(layout, "h_ringkasan_grafik", "Tahap per sektor", 0, (120, 182, 80, 6), 10, True,
           ACCENT)
    _picture(layout, t.S_CHART, 0, (120, 188, 80, 52))
    _label(layout, "h_ringkasan_layanan", "Kesenjangan layanan", 0, (10, 241, 190, 6), 10, True,
           ACCENT)
    _table(layout, t.S_GAP, 0, (10, 247, 190, 40), 6.5)
    _label(layout, t.S_SOURCE, "Sumber", 0, (10, 288, 190, 7), 6.5, False, "#555555")

    # page 2: one region (atlas page)
    _header(layout, 1, t.TITLE, t.SUBTITLE)
    rmap = _map(layout, t.MAP, 1, (10, 30, 132, 110), atlas=True)
    _legend(layout, t.LEGEND, 1, (145, 30, 57, 110), rmap)
    _label(layout, "h_sektor_tahap", "Usaha per sektor dan tahap", 1, (10, 143, 108, 6), 10,
           True, ACCENT)
    _table(layout, t.TABLE, 1, (10, 149, 108, 76), 7)
    _label(layout, "h_angka", "Angka kunci", 1, (122, 143, 78, 6), 10, True, ACCENT)
    _table(layout, t.FIGURES, 1, (122, 149, 78, 32), 7)
    _label(layout, "h_grafik", "Tahap per sektor", 1, (122, 181, 78, 6), 10, True, ACCENT)
    _picture(layout, t.CHART, 1, (122, 187, 78, 60))
    _label(layout, "h_layanan", "Kesenjangan layanan", 1, (10, 228, 108, 6), 10, True, ACCENT)
    _table(layout, t.GAP, 1, (10, 234, 108, 52), 6.5)
    _label(layout, t.SOURCE, "Sumber", 1, (10, 288, 190, 7), 6.5, False, "#555555")

    _progression_page(layout)

    atlas = layout.atlas()
    atlas.setPageNameExpression('"nama"')
    atlas.setEnabled(True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise OSError(f"cannot write {path}")
    return path


if __name__ == "__main__":  # pragma: no cover - a developer tool
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    print(build())
    app.exitQgis()
