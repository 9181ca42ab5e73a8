"""Write the catalogue PDF: all pages into a temporary file, moved into place only at the end.

A cancelled or failed run leaves no file (and never a half-written one where the old
catalogue was). Photos are cropped to the card's frame and re-encoded: smaller PDFs, and no
EXIF metadata (a phone photo's GPS position) is carried into a published file.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from qgis.core import QgsProcessingFeedback, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage, QImageReader, QPainter

from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.core import product_catalogue as pc
from industri_rumahan_plugin.report import catalogue_layout as cl
from industri_rumahan_plugin.report import pdf

PHOTO_DPI = 250


@dataclass
class CatalogueOptions:
    office: str = "DP3A"
    title: str = ""  # empty: "Katalog Produk Industri Rumahan"
    logo: str = ""  # picture file (SVG, PNG, JPEG); empty: none
    date: str = ""  # empty: today
    source: str = ""  # empty: the office's home industry database
    lang: str = "id"
    order: str = pc.SECTOR_FIRST
    section_new_page: bool = True
    dpi: int = 150


def resolve_photo(value: str, roots: list[Path]) -> Path | None:
    """The photo file of a ``foto`` value: absolute, or relative to the database's or the
    project's folder (as QField stores it); None when no such file exists."""
    if not value:
        return None
    path = Path(value)
    candidates = [path] if path.is_absolute() else [root / path for root in roots]
    return next((c for c in candidates if c.is_file()), None)


def prepare_photo(source: Path, target: Path, size_mm: tuple[float, float]) -> bool:
    """Crop the middle of the photo to the frame's proportions, scale it for print and save
    it as JPEG without metadata; False when the file is no readable picture."""
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)  # EXIF orientation, before the metadata is dropped
    image = reader.read()
    if image.isNull():
        return False
    ratio = size_mm[0] / size_mm[1]
    w, h = image.width(), image.height()
    if w / h > ratio:
        cw, ch = round(h * ratio), h
    else:
        cw, ch = w, round(w / ratio)
    # painted into a new image: QImage.copy would keep the source's text metadata (JPEG
    # comments, PNG text), which QImage.save writes out again
    clean = QImage(cw, ch, QImage.Format.Format_RGB32)
    clean.fill(QColor("#ffffff"))
    painter = QPainter(clean)
    painter.drawImage(0, 0, image, (w - cw) // 2, (h - ch) // 2, cw, ch)
    painter.end()
    width_px = round(size_mm[0] / 25.4 * PHOTO_DPI)
    if clean.width() > width_px:
        clean = clean.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation)
    return clean.save(str(target), "JPEG", 85)


def _texts(options: CatalogueOptions) -> dict[str, str]:
    lang = options.lang
    source = options.source or (
        f"basis data industri rumahan {options.office}" if lang != "en"
        else f"home industry database of {options.office}")
    title = options.title or pc.text("title", lang)
    return {"title": title, "office": options.office, "source": source,
            "date": options.date or pc.long_date(*dt.date.today().timetuple()[:3], lang),
            "footer": f"{title} · {options.office}"}


def export_catalogue(table: pd.DataFrame, pdf_path: str | Path, photo_roots: list[Path],
                     options: CatalogueOptions, feedback: QgsProcessingFeedback
                     ) -> dict[str, object]:
    """Write the PDF of the card table (``product_catalogue.cards``); returns counts."""
    lang = options.lang
    target = Path(pdf_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    geometry = pc.Geometry()
    blocks = pc.paginate(table, geometry, lang, options.section_new_page)
    total = 1 + len(blocks)
    contents = pc.contents_rows(pc.contents(table, blocks), options.order, lang)
    texts = _texts(options)
    project = QgsProject()
    handle, part = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part",
                                    dir=target.parent)
    os.close(handle)
    painter = None
    try:
        with tempfile.TemporaryDirectory(prefix="ir_katalog_") as tmp:
            folder = Path(tmp)
            photos, missing = _photos(table, photo_roots, folder, geometry, feedback)
            layout = cl.cover(project, table, contents, total, texts, options.logo, lang,
                              folder)
            exporter = pdf.prepare(layout, options.dpi)
            writer, painter = pdf.open_writer(part, layout, 0, options.dpi,
                                              f"{texts['title']} — {options.office}")
            exporter.renderPage(painter, 0)
            for number, page_blocks in enumerate(blocks, start=2):
                check_cancel(feedback)
                layout = cl.card_page(project, page_blocks, table, photos, number, total,
                                      texts, lang, geometry)
                writer.newPage()
                pdf.prepare(layout, options.dpi).renderPage(painter, 0)
                feedback.setProgress(30 + 70 * (number - 1) / max(total - 1, 1))
            check_cancel(feedback)
            painter.end()
            painter = None
        if Path(part).stat().st_size == 0:
            raise OSError(f"nothing was written to {part}")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(part, 0o666 & ~mask)  # mkstemp's file is private; the catalogue is not
        os.replace(part, target)
    finally:
        if painter is not None:
            painter.end()
        if os.path.exists(part):
            os.remove(part)
    return {"pdf": str(target), "pages": total, "count": len(table),
            "photos": len(photos), "missing_photos": missing}


def _photos(table: pd.DataFrame, roots: list[Path], folder: Path, geometry: pc.Geometry,
            feedback: QgsProcessingFeedback) -> tuple[dict[int, str], int]:
    """Prepared photo files by card row, and the number of ``foto`` values without a
    readable file (their cards show the placeholder)."""
    size = cl.photo_size(geometry)
    photos: dict[int, str] = {}
    missing = 0
    wanted = [(i, v) for i, v in zip(table.index, table["photo"]) if v]
    for k, (index, value) in enumerate(wanted):
        check_cancel(feedback)
        source = resolve_photo(value, roots)
        target = folder / f"foto_{index}.jpg"
        if source is not None and prepare_photo(source, target, size):
            photos[int(index)] = str(target)
        else:
            missing += 1
        feedback.setProgress(10 + 20 * (k + 1) / len(wanted))
    return photos, missing
