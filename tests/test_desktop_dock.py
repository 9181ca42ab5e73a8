"""The dock in the real QGIS desktop (Xvfb, 1366 x 768, Processing Toolbox open), once in
Indonesian and once in English: every control visible, a regency narrows the districts, Enter
opens the record and the map zooms to it, a delete is asked in the interface language and
undone, and no text of the other language; screenshots go to docs/ (issue 13)."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from tests.desktop_support import DESKTOP_MARKS, REPO, desktop_session
from tests.language_support import foreign_texts

pytestmark = DESKTOP_MARKS

SHOTS = {"id": ("dock.png", "dock-list.png"), "en": ("dock-en.png", "dock-list-en.png")}

# Run inside QGIS (tests/desktop_support.py's probe frame); @GPKG@, @REPO@, @LIST_SHOT@ filled in.
COLLECT = r'''
sys.path.insert(0, @REPO@)
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEventLoop, QPoint, QRect, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox
from tests.language_support import widget_texts

GPKG, LIST_SHOT = @GPKG@, @LIST_SHOT@


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def file_count(where=""):
    layer = QgsVectorLayer(f"{GPKG}|layername=usaha", "check", "ogr")
    return sum(1 for _ in (layer.getFeatures(where) if where else layer.getFeatures()))


def fits(widget):
    if isinstance(widget, (QAbstractButton, QLabel)) and widget.text():
        return widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 6 <= (
            widget.width())
    return True


def controls(dock):
    b = dock.browse
    return [b.layer_combo, b.search, *b.filters.values(), b.table, b.add_button,
            b.edit_button, b.delete_button, b.undo_button, b.redo_button, b.commit_button,
            b.auto_commit, b.rules_button]


def collect(window, result):
    window.setGeometry(QRect(0, 0, 1366, 768))
    project = QgsProject.instance()
    for name in ("usaha", "kabupaten", "kecamatan", "desa"):
        project.addMapLayer(QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr"))
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32748"))
    canvas = qgis.utils.iface.mapCanvas()
    canvas.zoomToFullExtent()
    processing_plugin = qgis.utils.plugins.get("processing")
    toolbox = getattr(processing_plugin, "toolbox", None)
    if toolbox is not None:
        toolbox.show()
    wait(1500)
    result["toolbox_open"] = bool(toolbox is not None and toolbox.isVisible())
    plugin = qgis.utils.plugins["industri_rumahan_plugin"]
    plugin.toggle_dock(True)
    wait(2500)
    dock = plugin.dock
    browse = dock.browse
    result["window"] = [window.width(), window.height()]
    result["dock"] = [dock.width(), dock.height(), not dock.visibleRegion().isEmpty()]
    viewport = browse.scroll.viewport()
    result["controls"] = [
        [w.objectName() or w.text(), w.isVisible(),
         viewport.rect().contains(QRect(w.mapTo(viewport, QPoint(0, 0)), w.size())), fits(w)]
        for w in controls(dock)]
    result["table_height"] = browse.table.height()
    window.grab().save(LIST_SHOT, "PNG")
    texts = widget_texts(dock)

    # a regency narrows the districts
    regency, district = browse.filters["kabupaten"], browse.filters["kecamatan"]
    result["districts_all"] = district.count() - 1
    regency.setCurrentIndex(regency.findData("19.71"))
    wait(300)
    result["districts_offered"] = [district.itemData(i) for i in range(1, district.count())]
    result["rows_in_regency"] = browse.model.rowCount()
    regency.setCurrentIndex(0)
    wait(300)

    # Enter opens the selected record; the map zooms to it
    scale_before = canvas.scale()
    browse.table.setFocus()
    browse.table.selectRow(3)
    fid = browse.model.fid_at(3)
    wait(800)
    point = canvas.mapSettings().layerToMapCoordinates(
        dock.layer, dock.layer.getFeature(fid).geometry().asPoint())
    result["zoom"] = [scale_before, canvas.scale(), canvas.extent().contains(point),
                      len(dock.markers.markers)]
    QTest.keyClick(browse.table, Qt.Key.Key_Return)
    wait(800)
    panel = dock.stack.currentPanel()
    result["enter_opened"] = [type(panel).__name__, getattr(panel, "fid", None) == fid]
    texts += widget_texts(panel)
    result["form_buttons"] = [
        [b.text(), b.isVisible(), dock.rect().contains(QRect(b.mapTo(dock, QPoint(0, 0)),
                                                            b.size())), fits(b)]
        for b in (panel.save_button, panel.cancel_button)]
    QTest.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    wait(500)

    # delete: asked in the interface language, then undone
    browse.table.selectRow(5)
    uid = dock.layer.getFeature(browse.model.fid_at(5))["uid"]
    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, answer)
            return
        asked.extend(widget_texts(box))
        asked.append(["yes", box.button(QMessageBox.StandardButton.Yes).text()])
        asked.append(["no", box.button(QMessageBox.StandardButton.No).text()])
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(300, answer)
    QTest.mouseClick(browse.delete_button, Qt.MouseButton.LeftButton)
    wait(800)
    result["question"] = asked
    texts += asked
    deleted = [file_count(), file_count(f"\"uid\" = '{uid}'")]
    result["undo_enabled"] = browse.undo_button.isEnabled()
    QTest.mouseClick(browse.undo_button, Qt.MouseButton.LeftButton)
    wait(800)
    result["delete_undo"] = deleted + [file_count(), file_count(f"\"uid\" = '{uid}'")]
    texts += widget_texts(dock)

    # the edit form stays open for the screenshot
    browse.table.selectRow(3)
    QTest.keyClick(browse.table, Qt.Key.Key_Return)
    wait(1500)
    result["texts"] = [list(t) for t in texts]
'''


@pytest.fixture(scope="module", params=["id", "en"])
def desktop(request, tmp_path_factory, demo_gpkg) -> dict:
    lang = request.param
    work = tmp_path_factory.mktemp(f"desktop_dock_{lang}")
    data = desktop_session(work, COLLECT, lang=lang, gpkg=demo_gpkg,
                           values={"LIST_SHOT": str(work / "dock-list.png")},
                           shots=dict(zip(("dock.png", "dock-list.png"), SHOTS[lang])),
                           window_shot=work / "dock.png")
    data["_lang"] = lang
    return data


def test_no_error(desktop):
    assert "probe_error" not in desktop, desktop["probe_error"]
    assert desktop["python_errors"] == [], "\n".join(desktop["python_errors"])


def test_fits_1366x768_under_the_toolbox(desktop):
    assert desktop["window"] == [1366, 768]
    width, height, shown = desktop["dock"]
    assert shown and 380 <= width <= 470 and height >= 560
    hidden = [c for c in desktop["controls"] if not all(c[1:])]
    assert hidden == []
    assert desktop["table_height"] >= 150  # five rows and the header at least
    assert [b[1:] for b in desktop["form_buttons"]] == [[True, True, True]] * 2


def test_regency_narrows_districts(desktop, qgis_app):
    layer = QgsVectorLayer(f"{desktop['_gpkg']}|layername=kecamatan", "k", "ogr")
    expected = sorted(f["kode"] for f in layer.getFeatures("\"kab_kode\" = '19.71'"))
    assert sorted(desktop["districts_offered"]) == expected
    assert desktop["districts_all"] == layer.featureCount() > len(expected)
    usaha = QgsVectorLayer(f"{desktop['_gpkg']}|layername=usaha", "u", "ogr")
    assert desktop["rows_in_regency"] == sum(
        1 for _ in usaha.getFeatures("\"kode_kabupaten\" = '19.71'"))


def test_enter_opens_and_the_map_zooms(desktop):
    assert desktop["enter_opened"] == ["EnterpriseFormPanel", True]
    before, after, inside, rings = desktop["zoom"]
    assert before > 100_000 and after == pytest.approx(5000, rel=0.02) and inside
    assert rings == 1


def test_delete_asked_in_the_language_and_undone(desktop):
    lang = desktop["_lang"]
    buttons = dict(tuple(t) for t in desktop["question"] if t[0] in ("yes", "no"))
    assert buttons == ({"yes": "Ya", "no": "Tidak"} if lang == "id"
                       else {"yes": "Yes", "no": "No"})
    assert desktop["undo_enabled"]
    assert desktop["delete_undo"] == [2999, 0, 3000, 1]


def test_one_language_in_the_desktop(desktop):
    texts = [tuple(t) for t in desktop["texts"]]
    assert len(texts) > 100
    found = foreign_texts(texts, desktop["_lang"])
    assert found == [], "\n".join(map(str, found))
    # no editor is let off: the photo path's "NULL" was in the form closed before the delete
    # and undo, alive until Qt deleted it; the panel now retires its form when it closes
    assert not [t for t in texts if t[1].strip() == "NULL"]


def test_screenshots_saved(desktop, qgis_app):
    from qgis.PyQt.QtGui import QImage

    for name in SHOTS[desktop["_lang"]]:
        image = QImage(str(REPO / "docs" / name))
        assert not image.isNull() and (image.width(), image.height()) == (1366, 768)
