"""The catalogue's print layouts: a cover and card pages (A4 portrait) built from blocks.

``core.product_catalogue.paginate`` decides what goes where; this module turns each page's
blocks into layout items (labels, shapes, pictures) with the report's fonts, colours and
helpers (``report.template_builder``, ``report.pages``). Only the card table's public columns
are ever read here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from industri_rumahan_plugin.compat import Unit
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import product_catalogue as pc
from industri_rumahan_plugin.core import report_tables as rt
from industri_rumahan_plugin.core.report_chart import stage_by_sector_svg
from industri_rumahan_plugin.report import pages
from industri_rumahan_plugin.report.template_builder import (
    ACCENT,
    ACCENT_LIGHT,
    FONT,
    INK,
    H,
    W,
    _label,
    _place,
    _table,
)

MUTED = "#5f5f5f"
CARD_STROKE = "#cfc2de"
BAND = 16.0  # header band height of a card page (mm)
PHOTO_W = 36.0  # photo width on a card (mm); its height is the card's less the margins
PAD = 3.0
WRAP_SAFETY = 0.99  # measured widths against the renderer's own wrapping
LINE_MM_PER_PT = 0.43  # line height (mm) per point of font size
CONTENTS_ID, CHART_ID = "katalog_daftar_isi", "katalog_grafik"


def new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    """An empty layout with one A4 portrait page."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.setName(name)
    return layout


def _rect(layout: QgsPrintLayout, rect: tuple, fill: str, stroke: str | None = None,
          radius: float = 0.0) -> QgsLayoutItemShape:
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    symbol = shape.symbol()
    symbol.setColor(QColor(fill))
    layer = symbol.symbolLayer(0)
    if stroke:
        layer.setStrokeColor(QColor(stroke))
        layer.setStrokeWidth(0.3)
    else:
        layer.setStrokeStyle(Qt.PenStyle.NoPen)
    shape.setSymbol(symbol)
    if radius:
        shape.setCornerRadius(QgsLayoutMeasurement(radius, Unit.LAYOUT_MM))
    layout.addLayoutItem(shape)
    _place(shape, 0, *rect, layout)
    return shape


def _text(layout: QgsPrintLayout, value: str, rect: tuple, size: float, bold: bool = False,
          color: str = INK, align=Qt.AlignmentFlag.AlignLeft,
          valign=Qt.AlignmentFlag.AlignTop, item_id: str = "") -> None:
    """A label showing ``value`` literally: a layout label evaluates ``[% … %]`` as an
    expression, so a business name holding one (``[% env('HOME') %]``) would print something
    else; an invisible zero-width space between ``[`` and ``%`` keeps it text."""
    value = value.replace("[%", "[\u200b%")
    label = _label(layout, item_id, value, 0, rect, size, bold, color, align)
    label.setVAlign(valign)
    label.setMarginX(0)
    label.setMarginY(0)


@lru_cache(maxsize=8)
def _measure(size: float, bold: bool) -> Callable[[str], float]:
    """Width (mm) of a text in the layout font at ``size`` points."""
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    known: dict[str, float] = {}

    def measure(value: str) -> float:
        if value not in known:
            known[value] = QgsLayoutUtils.textWidthMM(font, value)
        return known[value]

    return measure


def _picture(layout: QgsPrintLayout, path: str, rect: tuple) -> None:
    picture = QgsLayoutItemPicture(layout)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.Middle)
    picture.setPicturePath(path)
    layout.addLayoutItem(picture)
    _place(picture, 0, *rect, layout)


def _tint(color: str, amount: float = 0.78) -> str:
    """``color`` mixed with white (placeholders readable whatever the sector colour)."""
    c = QColor(color)
    mix = [round(v + (255 - v) * amount) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


def photo_size(geometry: pc.Geometry) -> tuple[float, float]:
    """Width and height (mm) of a card's photo frame."""
    return PHOTO_W, geometry.card_height - 2 * PAD


def cover(project: QgsProject, table: pd.DataFrame, contents: list[list[str]], total: int,
          texts: dict[str, str], logo: str, lang: str, folder: Path) -> QgsPrintLayout:
    """Page 1: title, office, logo, date and source, the table of contents and a chart."""
    layout = new_layout(project, texts["title"])
    _rect(layout, (0, 0, W, 58), ACCENT)
    _text(layout, texts["title"], (12, 12, 150, 24), 24, True, "#ffffff",
          valign=Qt.AlignmentFlag.AlignBottom)
    _text(layout, texts["office"], (12, 38, 150, 14), 13, False, "#f1e9f8")
    if logo:
        _rect(layout, (166, 10, 34, 38), "#ffffff", radius=2)
        _picture(layout, logo, (168, 12, 30, 34))
    _text(layout, pc.text("count", lang, n=len(table)), (12, 66, 186, 9), 14, True, ACCENT)
    printed = pc.text("printed", lang, date=texts["date"])
    source = pc.text("source", lang, source=texts["source"])
    _text(layout, f"{printed}\n{source}", (12, 76, 186, 12), 9, False, MUTED)
    if not len(table):
        _text(layout, pc.text("empty", lang), (12, 100, 186, 12), 12, False, INK)
    else:
        rows = len(contents)
        height = min(2.0 + 4.9 * rows, 110.0)
        _text(layout, pc.text("contents", lang), (12, 94, 186, 8), 12, True, ACCENT)
        _table(layout, CONTENTS_ID, 0, (12, 103, 186, height), 9)
        pages.set_table(layout, CONTENTS_ID, contents, total_last=True)
        top = 103 + height + 8
        _text(layout, pc.text("chart", lang), (12, top, 186, 8), 12, True, ACCENT)
        counts = rt.sector_stage_counts(pc.stage_counts(table),
                                        rt.stage_codes(pc.stage_counts(table)))
        chart_h = max(min(268 - top - 9, 90.0), 30.0)
        svg = stage_by_sector_svg(counts, 186, chart_h, suppress=False, lang=lang)
        _picture_svg(layout, svg, (12, top + 9, 186, chart_h), folder)
    _text(layout, pc.text("privacy", lang), (12, 272, 186, 14), 8, False, MUTED)
    _footer(layout, 1, total, lang, "")
    return layout


def _picture_svg(layout: QgsPrintLayout, svg: str, rect: tuple, folder: Path) -> None:
    picture = QgsLayoutItemPicture(layout)
    picture.setId(CHART_ID)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(picture)
    _place(picture, 0, *rect, layout)
    pages.set_picture(layout, CHART_ID, svg, folder)


def _footer(layout: QgsPrintLayout, number: int, total: int, lang: str, left: str) -> None:
    _rect(layout, (10, H - 11.5, W - 20, 0.3), CARD_STROKE)
    if left:
        _text(layout, left, (10, H - 10, 150, 6), 7, False, MUTED)
    _text(layout, pc.text("page_of", lang, n=number, m=total), (150, H - 10, 50, 6), 7,
          False, MUTED, Qt.AlignmentFlag.AlignRight)


def card_page(project: QgsProject, blocks: list[pc.Block], table: pd.DataFrame,
              photos: dict[int, str], number: int, total: int, texts: dict[str, str],
              lang: str, geometry: pc.Geometry) -> QgsPrintLayout:
    """One page of headings and cards."""
    layout = new_layout(project, f"{texts['title']} {number}")
    _rect(layout, (0, 0, W, BAND), ACCENT)
    _text(layout, texts["title"], (10, 3, 120, 10), 12, True, "#ffffff",
          valign=Qt.AlignmentFlag.AlignVCenter)
    _text(layout, texts["office"], (120, 3, 80, 10), 9, False, "#f1e9f8",
          Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignVCenter)
    for block in blocks:
        if block.kind == "h1":
            _rect(layout, (block.x, block.y + 1, block.w, block.h - 3), ACCENT_LIGHT, radius=1)
            _text(layout, block.text, (block.x + 3, block.y + 1, block.w - 6, block.h - 3),
                  13, True, ACCENT, valign=Qt.AlignmentFlag.AlignVCenter)
        elif block.kind == "h2":
            _rect(layout, (block.x, block.y + 1.5, 1.2, block.h - 3.5), ACCENT)
            _text(layout, block.text, (block.x + 3, block.y + 1, block.w - 3, block.h - 2.5),
                  10.5, True, INK, valign=Qt.AlignmentFlag.AlignVCenter)
        else:
            card(layout, block, table.loc[block.row], photos.get(block.row, ""), lang,
                 geometry)
    _footer(layout, number, total, lang, texts["footer"])
    return layout


def card(layout: QgsPrintLayout, block: pc.Block, row: pd.Series, photo: str, lang: str,
         geometry: pc.Geometry) -> None:
    """A card: photo (or a tinted placeholder) left, the public facts right."""
    x, y, w, h = block.x, block.y, block.w, block.h
    _rect(layout, (x, y, w, h), "#ffffff", CARD_STROKE, radius=2)
    pw, ph = photo_size(geometry)
    sector = catalogue.by_code(catalogue.SECTORS, row["sector"])
    if photo:
        _picture(layout, photo, (x + PAD, y + PAD, pw, ph))
    else:
        _rect(layout, (x + PAD, y + PAD, pw, ph), _tint(sector.color if sector else "#bbbbbb"),
              radius=1.5)
        _text(layout, pc.text("no_photo", lang), (x + PAD, y + PAD, pw, ph), 7, False, MUTED,
              Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignVCenter)
    tx, tw = x + PAD + pw + 3.5, w - pw - 2 * PAD - 3.5
    line = y + 3.0

    def put(value: str, most: int, size: float, bold: bool = False, color: str = INK,
            indent: float = 0.0, gap: float = 1.3) -> None:
        nonlocal line
        width = tw - indent
        value, count = pc.fit(value, width * WRAP_SAFETY, most, _measure(size, bold))
        if not value:
            return
        height = count * size * LINE_MM_PER_PT
        _text(layout, value, (tx + indent, line, width, height + 0.8), size, bold, color)
        line += height + gap

    put(row["name"], 2, 10, True, gap=2.0)
    put(row["product"], 2, 8, False, MUTED, gap=2.0)
    put(row["sector_label"], 1, 7.5, True, ACCENT)
    stage = catalogue.by_code(catalogue.STAGES, row["stage"])
    if stage is not None:
        _rect(layout, (tx, line + 0.3, 2.8, 2.8), stage.color, "#777777", radius=0.6)
        put(row["stage_label"], 1, 7.5, indent=4.2, gap=2.0)
    place = []
    if row["village"]:
        place.append(f"{pc.text('village', lang)} {row['village']}")
    if row["district"]:
        place.append(f"{pc.text('district', lang)} {row['district']}")
    put(", ".join(place), 2, 7.5, gap=2.0)
    if row["contact"]:
        put(f"{pc.text('contact', lang)}: {row['contact']}", 1, 7.5, True)
    if row["owner"]:
        put(f"{pc.text('owner', lang)}: {row['owner']}", 1, 7.5)
