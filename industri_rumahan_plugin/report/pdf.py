"""Page setup shared by the plugin's PDFs: layout pages rendered one by one into one file.

QGIS 3.22 has no single export call for pages of different layouts (or of one layout filled
again for each region or card page), so each page is rendered with
``QgsLayoutExporter.renderPage`` into one ``QPdfWriter``. Text stays text (searchable, and
``pdftotext`` reads it), vectors stay vectors.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsLayoutExporter, QgsPrintLayout
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter

from industri_rumahan_plugin.compat import Layout

CREATOR = "Industri Rumahan (QGIS)"


def prepare(layout: QgsPrintLayout, dpi: int) -> QgsLayoutExporter:
    """Render settings of every PDF page (text as text, vector output) and an exporter."""
    context = layout.renderContext()
    context.setDpi(dpi)
    context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
    context.setFlag(Layout.ADVANCED_EFFECTS, True)
    context.setFlag(Layout.FORCE_VECTOR, True)
    return QgsLayoutExporter(layout)


def open_writer(path: str | Path, layout: QgsPrintLayout, page: int, dpi: int,
                title: str) -> tuple[QPdfWriter, QPainter]:
    """A PDF writer with the size of ``layout``'s page ``page`` and a painter on it; the
    caller ends the painter (which closes the file)."""
    size = layout.convertToLayoutUnits(layout.pageCollection().page(page).pageSize())
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setPageSize(QPageSize(QSizeF(size.width(), size.height()),
                                 QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    return writer, QPainter(writer)
