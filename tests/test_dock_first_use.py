"""The dock on first use (issue 13): it fits 1366 x 768 with every control visible, stays
usable when squeezed under another dock (Processing Toolbox), a regency narrows the district
list, Enter opens the selected record, and the map zooms to the selected enterprise."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QPoint, QRect, Qt
from qgis.PyQt.QtWidgets import QAbstractButton, QLabel, QWidget

from industri_rumahan_plugin.gui.browse_panel import MIN_TABLE_HEIGHT
from industri_rumahan_plugin.gui.form_panel import EnterpriseFormPanel
from industri_rumahan_plugin.gui.map_tools import ENTERPRISE_SCALE
from tests import test_dock

dock = test_dock.dock  # the dock on a copy of the demo, driven through its widgets


def controls(dock) -> list[QWidget]:
    b = dock.browse
    return [b.layer_combo, b.search, *b.filters.values(), b.table, b.add_button, b.edit_button,
            b.delete_button, b.undo_button, b.redo_button, b.commit_button, b.auto_commit,
            b.rules_button]


def visible_rect(widget: QWidget, area: QWidget) -> QRect:
    """``widget``'s rectangle in ``area`` coordinates."""
    return QRect(widget.mapTo(area, QPoint(0, 0)), widget.size())


def text_fits(widget: QWidget) -> bool:
    if isinstance(widget, (QAbstractButton, QLabel)) and widget.text():
        return widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 6 <= (
            widget.width())
    return True


@pytest.fixture
def docked(dock, qgis_iface, qtbot):
    """The dock in a 1366 x 768 main window, placed as the plugin places it on first use."""
    window = qgis_iface.mainWindow()
    map_area = None
    if window.centralWidget() is None:  # pytest-qgis' window has no map in the middle
        map_area = QWidget()
        map_area.setMinimumSize(400, 300)
        window.setCentralWidget(map_area)
    window.resize(1366, 768)
    window.show()
    dock.show_in(window)
    dock.show()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.width() > 100)
    yield window
    window.removeDockWidget(dock)
    if map_area is not None:
        window.takeCentralWidget().deleteLater()
    window.hide()


def test_fits_1366x768_with_every_control_visible(dock, docked, qtbot):
    window = docked
    assert 380 <= dock.width() <= 1366 // 3 + 10  # not ~300 px, not half the map either
    qtbot.wait(50)
    viewport = dock.browse.scroll.viewport()
    shown = viewport.rect()
    for widget in controls(dock):
        assert widget.isVisible(), widget.objectName()
        rect = visible_rect(widget, viewport)
        assert shown.contains(rect), (widget.objectName() or widget.text(), rect, shown)
        assert text_fits(widget), widget.text()
    assert dock.browse.table.height() >= 150  # room for the list: five rows at least
    assert dock.geometry().bottom() <= window.height()
    # the form: Save and Cancel visible and whole
    dock.browse.table.selectRow(0)
    panel = dock.edit_selected()
    qtbot.waitUntil(lambda: panel.isVisible())
    for button in (panel.save_button, panel.cancel_button, panel.pick_button,
                   panel.centroid_button, panel.use_suggestion_button):
        assert button.isVisible()
        assert dock.rect().contains(visible_rect(button, dock)), button.text()
        assert text_fits(button), button.text()
    panel.cancel()


def test_usable_when_squeezed_under_another_dock(dock, docked, qtbot):
    window = docked
    toolbox = QgsDockWidget("Processing Toolbox", window)
    toolbox.setObjectName("StandInToolbox")
    toolbox.setWidget(QLabel("tools"))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, toolbox)
    window.splitDockWidget(toolbox, dock, Qt.Orientation.Vertical)
    window.resizeDocks([toolbox, dock], [520, 200], Qt.Orientation.Vertical)
    qtbot.wait(50)
    try:
        assert dock.height() < 330  # really squeezed
        scroll = dock.browse.scroll
        for widget in controls(dock):  # each control can be scrolled into view, whole
            scroll.ensureWidgetVisible(widget, 0, 0)
            qtbot.wait(10)
            rect = visible_rect(widget, scroll.viewport())
            if widget is dock.browse.table:
                assert rect.intersected(scroll.viewport().rect()).height() >= 60
            else:
                assert scroll.viewport().rect().contains(rect), widget.objectName()
        assert dock.browse.table.height() >= MIN_TABLE_HEIGHT
    finally:
        window.removeDockWidget(toolbox)


def test_regency_narrows_districts(dock):
    browse, districts = dock.browse, dock.locator.layers["districts"]
    regency, district = browse.filters["kabupaten"], browse.filters["kecamatan"]
    all_districts = district.count() - 1
    assert all_districts == districts.featureCount()
    regency.setCurrentIndex(regency.findData("19.71"))
    expected = {f["kode"] for f in districts.getFeatures("\"kab_kode\" = '19.71'")}
    offered = {district.itemData(i) for i in range(1, district.count())}
    assert offered == expected and 0 < len(expected) < all_districts
    district.setCurrentIndex(1)
    chosen = district.currentData()
    count = sum(1 for _ in dock.layer.getFeatures(
        f"\"kode_kabupaten\" = '19.71' AND \"kode_kecamatan\" = '{chosen}'"))
    assert browse.model.rowCount() == count > 0
    # another regency: the district of the first one cannot stay chosen with it
    regency.setCurrentIndex(regency.findData("19.01"))
    assert district.currentData() is None
    offered = {district.itemData(i) for i in range(1, district.count())}
    assert offered == {f["kode"] for f in districts.getFeatures("\"kab_kode\" = '19.01'")}
    # a district chosen under "(all)" regencies brings its regency along
    regency.setCurrentIndex(0)
    assert district.count() - 1 == all_districts
    district.setCurrentIndex(district.findData(chosen))
    assert regency.currentData() == "19.71" and district.currentData() == chosen
    assert browse.model.rowCount() == count


def test_enter_opens_the_selected_record(dock, qtbot):
    table = dock.browse.table
    table.setFocus()
    table.selectRow(4)
    fid = dock.browse.model.fid_at(4)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    panel = dock.stack.currentPanel()
    assert isinstance(panel, EnterpriseFormPanel) and panel.fid == fid
    assert panel.record()["uid"] == dock.layer.getFeature(fid)["uid"]
    panel.cancel()
    table.selectRow(6)
    qtbot.keyClick(table, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert dock.stack.currentPanel().fid == dock.browse.model.fid_at(6)


def test_map_zooms_to_the_selected_enterprise(dock, qgis_iface, qtbot):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(900, 700)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32748"))
    layer = dock.layer
    canvas.setLayers([layer])
    province = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
    canvas.setExtent(province)
    canvas.refresh()
    assert canvas.scale() > 100_000
    dock.browse.table.selectRow(9)
    fid = dock.browse.model.fid_at(9)
    point = canvas.mapSettings().layerToMapCoordinates(layer, layer.getFeature(fid).geometry()
                                                       .asPoint())
    assert canvas.scale() == pytest.approx(ENTERPRISE_SCALE, rel=0.02)  # zoomed, not panned
    assert canvas.extent().contains(QgsPointXY(point))
    centre = canvas.extent().center()
    assert abs(centre.x() - point.x()) < 1 and abs(centre.y() - point.y()) < 1
    rings = dock.markers.markers
    assert len(rings) == 1 and rings[0].isVisible()
    assert rings[0].toMapCoordinates(rings[0].pos().toPoint()).distance(QgsPointXY(point)) < 5
    # already closer than the enterprise scale: the map keeps the user's scale
    canvas.zoomScale(1000)
    dock.browse.table.selectRow(12)
    assert canvas.scale() == pytest.approx(1000, rel=0.02)
    # several: their extent
    dock.browse.table.selectRow(20)
    dock.browse.table.selectionModel().select(
        dock.browse.model.index(40, 0), dock.browse.table.selectionModel().SelectionFlag.Select
        | dock.browse.table.selectionModel().SelectionFlag.Rows)
    extent = QgsRectangle(canvas.extent())
    for row in (20, 40):
        p = canvas.mapSettings().layerToMapCoordinates(
            layer, layer.getFeature(dock.browse.model.fid_at(row)).geometry().asPoint())
        assert extent.contains(QgsPointXY(p))
    assert len(dock.markers.markers) == 2
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))


def test_double_click_opens_and_negative_coordinates_are_typed(dock, qtbot):
    table = dock.browse.table
    table.selectRow(2)
    rect = table.visualRect(dock.browse.model.index(2, 0))
    # a real double-click is press, release, double-click (QTest alone sends only the last)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = dock.stack.currentPanel()
    assert isinstance(panel, EnterpriseFormPanel) and panel.fid == dock.browse.model.fid_at(2)
    # south of the equator: the latitude box takes a typed minus sign
    panel.y_edit.setFocus()
    panel.y_edit.selectAll()
    qtbot.keyClicks(panel.y_edit, "-2.130000")
    qtbot.keyClick(panel.y_edit, Qt.Key.Key_Tab)
    assert panel.y_edit.value() == pytest.approx(-2.13)
    panel.cancel()
