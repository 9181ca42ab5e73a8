"""Fill the template's items (found by id) with one page's text, tables and chart."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemPicture,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsTableCell,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from industri_rumahan_plugin.report import template as t

TOTAL_FILL = "#efe7f5"
#: Millimetres per table row per point of font size (cell margins included), to fit tables.
ROW_MM_PER_PT = 0.45


def set_text(layout: QgsPrintLayout, item_id: str, value: str) -> bool:
    item = t.find(layout, item_id)
    if not isinstance(item, QgsLayoutItemLabel):
        return False
    item.setText(value)
    return True


def set_table(layout: QgsPrintLayout, item_id: str, rows: list[list[str]],
              total_last: bool = False, first_left: bool = True) -> bool:
    """Header row + body rows into a manual table; numbers right-aligned, total row shaded.

    The body font shrinks (down to 5 pt) when the rows would not fit the frame's height.
    """
    table = t.find(layout, item_id)
    if not isinstance(table, QgsLayoutItemManualTable) or not rows:
        return False
    header, body = rows[0], rows[1:]
    _fit(table, len(body) + 1)
    widths = _widths(table, rows)
    columns = []
    for j, heading in enumerate(header):
        column = QgsLayoutTableColumn(heading)
        if widths:
            column.setWidth(widths[j])
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if (j == 0 and first_left)
                             else Qt.AlignmentFlag.AlignRight)
        columns.append(column)
    table.setHeaders(columns)
    contents = []
    for i, row in enumerate(body):
        cells = []
        for j, value in enumerate(row):
            cell = QgsTableCell(value)
            cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignLeft if (j == 0 and first_left)
                                        else Qt.AlignmentFlag.AlignRight)
            if total_last and i == len(body) - 1:
                cell.setBackgroundColor(QColor(TOTAL_FILL))
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    if widths:
        table.setColumnWidths(widths)
    table.recalculateFrameSizes()
    return True


def _widths(table: QgsLayoutItemManualTable, rows: list[list[str]]) -> list[float]:
    """Column widths that fit the frame: numbers as wide as their longest value (or the
    longest word of their heading, headings wrap), the first column gets the rest and wraps."""
    frames = table.frames()
    if not frames or not rows:
        return []
    frame_width = frames[0].rect().width()
    char_mm = table.contentTextFormat().size() * 0.3528 * 0.64
    margin = 2 * table.cellMargin() + table.gridStrokeWidth()
    n = len(rows[0])
    need = []
    for j in range(1, n):
        body = max((len(r[j]) for r in rows[1:] if j < len(r)), default=1)
        word = max((len(w) for w in rows[0][j].split()), default=1)
        need.append(max(body, word * 1.2) * char_mm + margin)  # headings are bold
    first = frame_width - sum(need) - margin * 1.5
    if first < frame_width * 0.3 and need:
        scale = (frame_width * 0.7 - margin * 1.5) / sum(need)
        need = [w * scale for w in need]
        first = frame_width * 0.3
    return [max(first - margin, 5.0), *(w - margin for w in need)]


def _fit(table: QgsLayoutItemManualTable, n_rows: int) -> None:
    frames = table.frames()
    if not frames:
        return
    height = frames[0].rect().height()
    fmt = table.contentTextFormat()
    size = fmt.size()
    while size > 5.0 and n_rows * (size * ROW_MM_PER_PT + 2 * table.cellMargin()) > height:
        size -= 0.5
    if size != fmt.size():
        fmt.setSize(size)
        table.setContentTextFormat(fmt)
        header = table.headerTextFormat()
        header.setSize(min(header.size(), size))
        table.setHeaderTextFormat(header)


def set_picture(layout: QgsPrintLayout, item_id: str, svg: str, folder: Path) -> bool:
    item = t.find(layout, item_id)
    if not isinstance(item, QgsLayoutItemPicture):
        return False
    path = folder / f"{item_id}_{abs(hash(svg))}.svg"
    path.write_text(svg, encoding="utf-8")
    item.setPicturePath(str(path))
    item.refreshPicture()
    return True


def fix_north_arrows(layout: QgsPrintLayout) -> None:
    """Re-point north arrows whose picture file is missing (template moved between machines)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemPicture) and item.id().endswith("_utara"):
            path = item.picturePath()
            if not path or (not path.startswith(":") and not Path(path).exists()):
                item.setPicturePath(str(t.NORTH_ARROW))


def set_legend_title(layout: QgsPrintLayout, item_id: str, title: str) -> None:
    item = t.find(layout, item_id)
    if isinstance(item, QgsLayoutItemLegend):
        item.setTitle(title)
        item.setAutoUpdateModel(True)
        item.updateLegend()
