"""Product photos (issue 15, item 3): the dock's form shows them from a path relative to the
database's folder; exports carry them only for owners who agreed to publication; the PDF
report never embeds one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from qgis import processing
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemPicture,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsExternalResourceWidget
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QLabel

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from industri_rumahan_plugin.compat import Unit
from industri_rumahan_plugin.core import schema
from tests.test_dock import open_dock

PHOTO_SIZE = (173, 97)  # a size no map, chart or icon of the report has


def make_photo(path: Path, color: str = "#ff00ff") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(*PHOTO_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def set_photos(gpkg: Path, consent: dict[int, bool]) -> dict[str, tuple[str, bool]]:
    """fid -> consent: give those enterprises a photo file beside the database and a
    relative path; returns uid -> (path, consent)."""
    layer = QgsVectorLayer(f"{gpkg}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    fields = layer.fields()
    changes, out = {}, {}
    for fid, agreed in consent.items():
        feature = layer.getFeature(fid)
        relative = f"{gpkg.stem}_foto/{feature['uid']}_produk.png"
        make_photo(gpkg.parent / relative)
        changes[fid] = {fields.indexOf("foto"): relative,
                        fields.indexOf("izin_publikasi"): agreed}
        out[feature["uid"]] = (relative, agreed)
    assert layer.dataProvider().changeAttributeValues(changes)
    return out


@pytest.fixture
def photo_copy(demo_copy):
    fids = sorted(QgsVectorLayer(f"{demo_copy}|layername=usaha", "u", "ogr").allFeatureIds())
    chosen = {fids[3]: True, fids[10]: False, fids[25]: True, fids[40]: False}
    return demo_copy, set_photos(demo_copy, chosen), chosen


def pixmaps(widget) -> list:
    """The images the widget's viewer labels show."""
    return [label.pixmap() for label in widget.findChildren(QLabel)
            if label.pixmap() is not None and not label.pixmap().isNull()]


def test_the_docks_form_shows_the_photo(photo_copy, qgis_iface, qgis_new_project, qtbot):
    gpkg, photos, chosen = photo_copy
    layer = QgsVectorLayer(f"{gpkg}|layername=usaha", "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    fid = next(iter(chosen))
    relative, _ = photos[layer.getFeature(fid)["uid"]]
    for dock in open_dock(qgis_iface, qtbot):
        panel = dock.open_form(fid)
        widget = panel.form.findChildren(QgsExternalResourceWidget)
        assert len(widget) == 1
        widget = widget[0]
        assert widget.documentPath() == relative  # stored relative, as QField stores it
        setup = layer.editorWidgetSetup(layer.fields().indexOf("foto"))
        assert setup.type() == "ExternalResource" and setup.config()["DocumentViewer"] == 1
        # the viewer shows the file found beside the database, without a saved project
        qtbot.waitUntil(lambda w=widget: bool(pixmaps(w)), timeout=3000)
        assert pixmaps(widget)[0].toImage().pixelColor(5, 5) == QColor("#ff00ff")
        panel.cancel_button.click()


def test_form_widget_resolves_relative_to_the_database(demo_copy, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    configure_enterprise_layer(layer, "id")
    setup = layer.editorWidgetSetup(layer.fields().indexOf("foto"))
    config = setup.config()
    assert (config["RelativeStorage"], config["StorageMode"]) == (2, 0)
    root = config["PropertyCollection"]["properties"]["propertyRootPath"]["expression"]
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    assert Path(QgsExpression(root).evaluate(context)) == demo_copy.parent


def test_spreadsheet_export_keeps_photos_of_consenting_owners_only(photo_copy, provider,
                                                                   tmp_path):
    gpkg, photos, _ = photo_copy
    out = processing.run("industrirumahan:exportspreadsheet", {
        "INPUT": f"{gpkg}|layername=usaha", "OUTPUT": str(tmp_path / "usaha.xlsx")})
    sheet = openpyxl.load_workbook(out["OUTPUT"]).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    uid_col, photo_col = header.index("ID unik"), header.index(schema.field("foto").alias_id)
    exported = {row[uid_col]: row[photo_col] for row in rows[1:]}
    for uid, (relative, agreed) in photos.items():
        assert exported[uid] == (relative if agreed else None), uid
    assert sum(1 for v in exported.values() if v) == 2


def pdf_image_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Width and height of every image embedded in a PDF (poppler's pdfimages -list)."""
    lines = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [(int(parts[3]), int(parts[4])) for parts in (line.split() for line in lines)]


def test_pdf_report_embeds_no_photo(photo_copy, provider, tmp_path):
    gpkg, photos, _ = photo_copy
    # the check finds a photo when a layout does embed one
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(str(gpkg.parent / next(iter(photos.values()))[0]))
    layout.addLayoutItem(picture)
    picture.attemptResize(QgsLayoutSize(60, 40, Unit.LAYOUT_MM))
    control = tmp_path / "control.pdf"
    result = QgsLayoutExporter(layout).exportToPdf(str(control),
                                                   QgsLayoutExporter.PdfExportSettings())
    assert result == QgsLayoutExporter.ExportResult.Success
    assert PHOTO_SIZE in pdf_image_sizes(control)

    out = tmp_path / "laporan.pdf"
    result = processing.run("industrirumahan:exportreport", {
        "INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
        "SERVICES": f"{gpkg}|layername=layanan", "YEAR": 0, "OUTPUT": str(out)})
    assert result["PAGES"] > 1
    assert PHOTO_SIZE not in pdf_image_sizes(out)
    tables = openpyxl.load_workbook(result["XLSX"])
    for sheet in tables:
        cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c}
        assert not any(relative in cells for relative, _ in photos.values())
        assert not cells & {"foto", schema.field("foto").alias_id, schema.field("foto").alias_en}
