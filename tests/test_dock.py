"""The enterprise dock, driven through its real widgets on a copy of the demo GeoPackage."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsFeatureRequest, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QWidget

from industri_rumahan_plugin.gui.dock import EnterpriseDock


def file_count(path, where: str = "") -> int:
    """Features really in the file (a fresh layer, not the edited one)."""
    layer = QgsVectorLayer(f"{path}|layername=usaha", "check", "ogr")
    request = QgsFeatureRequest()
    if where:
        request.setFilterExpression(where)
    return sum(1 for _ in layer.getFeatures(request))


@pytest.fixture
def dock(demo_copy, qgis_iface, qgis_new_project, qtbot):
    project = QgsProject.instance()
    for name in ("usaha", "kabupaten", "kecamatan", "desa"):
        layer = QgsVectorLayer(f"{demo_copy}|layername={name}", name, "ogr")
        assert layer.isValid()
        project.addMapLayer(layer)
    yield from open_dock(qgis_iface, qtbot)


def open_dock(iface, qtbot):
    """The panel on the current project (which yes-answers its questions); closed after."""
    widget = EnterpriseDock(iface)
    widget.confirm = lambda _text: True
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.cleanup()
    QgsProject.instance().removeAllMapLayers()


def editor(form_panel, name: str) -> QWidget:
    widgets = [w for w in form_panel.form.findChildren(QWidget, name) if type(w) is not QWidget]
    assert widgets, name
    return widgets[0]


def fill(qtbot, panel, values: dict) -> None:
    """Type and pick values in the real form widgets, as a user would."""
    for name, value in values.items():
        widget = editor(panel, name)
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            assert index >= 0, (name, value)
            widget.setCurrentIndex(index)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif hasattr(widget, "setValue") and not hasattr(widget, "setText"):
            widget.setValue(value)
        else:
            widget.clear()
            qtbot.keyClicks(widget, str(value))


GOOD = {"nama_usaha": "Getas Ibu Rina", "sektor": "makanan", "tahap": "pemula",
        "nama_pemilik": "Rina Susanto", "jenis_kelamin_pemilik": "P",
        "nik": "1971045506900001", "telepon": "081377788899", "jumlah_pekerja": 3,
        "pekerja_perempuan": 2}
INSIDE = QgsPointXY(106.11, -2.13)  # Kota Pangkalpinang


def test_list_counts_and_masks(dock):
    model = dock.browse.model
    assert dock.layer.name() == "usaha"
    assert model.rowCount() == dock.layer.featureCount() == 3000
    women = sum(1 for _ in dock.layer.getFeatures("\"jenis_kelamin_pemilik\" = 'P'"))
    assert f"women-owned {women:,}" in dock.browse.counts_label.text()  # English: 2,446
    first = dock.layer.getFeature(model.fid_at(0))
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first["nik"] not in cells and first["telepon"] not in cells
    assert cells[6] == first["nik"][:4] + "••••••••" + first["nik"][-4:]


def test_search_and_filters_match_qgis_expressions(dock, qtbot):
    browse = dock.browse
    qtbot.keyClicks(browse.search, "kerupuk")
    qtbot.waitUntil(lambda: browse.model.rowCount() < 3000, timeout=3000)
    villages = [f["kode"] for f in dock.locator.layers["villages"].getFeatures(
        "\"nama\" ILIKE '%kerupuk%'")]
    expression = " OR ".join(f"\"{f}\" ILIKE '%kerupuk%'"
                             for f in ("nama_usaha", "nama_pemilik", "produk_utama"))
    if villages:
        expression += f" OR \"kode_desa\" IN ({','.join(repr(v) for v in villages)})"
    expected = sum(1 for _ in dock.layer.getFeatures(expression))
    assert browse.model.rowCount() == expected > 0
    browse.search.clear()
    browse.apply_query()
    combo = browse.filters["sektor"]
    combo.setCurrentIndex(combo.findData("makanan"))
    krtp = browse.filters["krtp"]
    krtp.setCurrentIndex(krtp.findData("true"))
    kab = browse.filters["kabupaten"]
    kab.setCurrentIndex(kab.findData("19.71"))
    expected = sum(1 for _ in dock.layer.getFeatures(
        "\"sektor\" = 'makanan' AND \"krtp\" AND \"kode_kabupaten\" = '19.71'"))
    assert browse.model.rowCount() == expected > 0
    assert browse.counts_label.text().startswith(f"{expected} of 3,000")


def test_selection_follows_both_ways(dock, qtbot):
    table = dock.browse.table
    table.selectRow(3)
    fid = dock.browse.model.fid_at(3)
    assert dock.layer.selectedFeatureIds() == [fid]
    other = dock.browse.model.fid_at(10)
    dock.layer.selectByIds([other])
    assert dock.selected_fids() == [other]


def test_add_with_form_fills_regions_and_writes_file(dock, demo_copy, qtbot):
    before = file_count(demo_copy)
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    panel.set_point(INSIDE)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.last_issues == [] or all(i.severity == "warning" for i in panel.last_issues)
    assert file_count(demo_copy) == before + 1
    saved = next(QgsVectorLayer(f"{demo_copy}|layername=usaha", "c", "ogr").getFeatures(
        "\"nik\" = '1971045506900001'"))
    assert saved["nama_usaha"] == "Getas Ibu Rina"
    assert (saved["kode_desa"], saved["kode_kecamatan"], saved["kode_kabupaten"]) == (
        "19.71.04.1005", "19.71.04", "19.71")
    assert len(saved["uid"]) == 36 and not saved["dibuat"].isNull()
    assert dock.browse.model.rowCount() == before + 1
    assert dock.layer.selectedFeatureIds() == [saved.id()]


@pytest.mark.parametrize(
    ("changes", "field_name", "key"),
    [
        ({"nama_usaha": ""}, "nama_usaha", "required"),
        ({"nik": "19710455"}, "nik", "nik_format"),
        ({"telepon": "12ab"}, "telepon", "phone_format"),
        ({"jumlah_pekerja": 1}, "pekerja_perempuan", "women_workers_exceed"),
        ({"jenis_kelamin_pemilik": "L", "krtp": True}, "krtp", "krtp_not_woman"),
    ],
)
def test_each_bad_input_is_refused_with_its_message(dock, demo_copy, qtbot, changes,
                                                    field_name, key):
    before = file_count(demo_copy)
    panel = dock.add()
    fill(qtbot, panel, {**GOOD, **changes})
    panel.set_point(INSIDE)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert (field_name, key) in [(i.field, i.key) for i in panel.last_issues]
    assert panel.messages.isVisible() and panel.messages.text()
    assert editor(panel, field_name).toolTip()  # the message sits on the field too
    assert file_count(demo_copy) == before
    assert not dock.layer.isModified()


def test_duplicate_nik_is_refused(dock, demo_copy, qtbot):
    taken = next(dock.layer.getFeatures())["nik"]
    panel = dock.add()
    fill(qtbot, panel, {**GOOD, "nik": taken})
    panel.set_point(INSIDE)
    assert not panel.save()
    assert ("nik", "nik_duplicate") in [(i.field, i.key) for i in panel.last_issues]


def test_indonesian_messages(dock, qtbot):
    from qgis.core import QgsSettings

    QgsSettings().setValue("IndustriRumahan/language", "id")
    try:
        panel = dock.add()
        fill(qtbot, panel, {**GOOD, "nik": "123"})
        panel.set_point(INSIDE)
        assert not panel.save()
        assert "NIK harus tepat 16 angka." in panel.messages.text()
    finally:
        QgsSettings().remove("IndustriRumahan/language")


def test_outside_province_warns_but_saves(dock, demo_copy, qtbot):
    before = file_count(demo_copy)
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    panel.set_point(QgsPointXY(107.9, -1.2))  # open sea north of Belitung
    assert "outside" in panel.location_label.text()
    assert panel.save()
    assert ("lokasi", "outside_province") in [(i.field, i.key) for i in panel.last_issues]
    assert file_count(demo_copy) == before + 1


def test_village_centroid_and_stage_suggestion(dock, qtbot):
    panel = dock.add()
    fill(qtbot, panel, {**GOOD, "kode_desa": "19.71.04.1005", "izin_nib": True,
                        "izin_pirt": True, "pemasaran": "antar_kabupaten"})
    qtbot.mouseClick(panel.centroid_button, Qt.MouseButton.LeftButton)
    assert panel.location.codes["kode_desa"] == "19.71.04.1005"
    assert "has NIB and PIRT" in panel.suggestion_label.text()
    qtbot.mouseClick(panel.use_suggestion_button, Qt.MouseButton.LeftButton)
    assert editor(panel, "tahap").currentData() == "berkembang"


def test_edit_undo_redo_then_save(dock, demo_copy, qtbot):
    dock.browse.auto_commit.setChecked(False)
    dock.browse.table.selectRow(0)
    fid = dock.selected_fids()[0]
    old = dock.layer.getFeature(fid)["nama_usaha"]
    panel = dock.edit_selected()
    fill(qtbot, panel, {"nama_usaha": "Nama Baru"})
    assert panel.save()
    assert dock.layer.getFeature(fid)["nama_usaha"] == "Nama Baru"
    assert file_count(demo_copy, f"\"nama_usaha\" = '{old}'") >= 1  # not yet in the file
    assert dock.layer.undoStack().count() == 1
    qtbot.mouseClick(dock.browse.undo_button, Qt.MouseButton.LeftButton)
    assert dock.layer.getFeature(fid)["nama_usaha"] == old
    qtbot.mouseClick(dock.browse.redo_button, Qt.MouseButton.LeftButton)
    assert dock.layer.getFeature(fid)["nama_usaha"] == "Nama Baru"
    qtbot.mouseClick(dock.browse.commit_button, Qt.MouseButton.LeftButton)
    assert file_count(demo_copy, "\"nama_usaha\" = 'Nama Baru'") == 1


def test_delete(dock, demo_copy, qtbot):
    dock.browse.table.selectRow(5)
    uid = dock.layer.getFeature(dock.selected_fids()[0])["uid"]
    qtbot.mouseClick(dock.browse.delete_button, Qt.MouseButton.LeftButton)
    assert file_count(demo_copy, f"\"uid\" = '{uid}'") == 0
    assert file_count(demo_copy) == 2999 == dock.browse.model.rowCount()


def test_failed_commit_keeps_the_input_and_loses_nothing(dock, demo_copy, qtbot):
    before = file_count(demo_copy)
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    panel.set_point(INSIDE)
    lock = sqlite3.connect(str(demo_copy), timeout=0)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        assert not panel.save()
        assert "Could not save" in panel.messages.text()
        assert dock.stack.currentPanel() is panel  # still open, input kept
        assert editor(panel, "nama_usaha").text() == GOOD["nama_usaha"]
        assert dock.layer.isModified()  # the record waits in the edit buffer
    finally:
        lock.rollback()
        lock.close()
    assert panel.save()  # retry once the file is free: written exactly once
    assert file_count(demo_copy) == before + 1
    assert file_count(demo_copy, "\"nik\" = '1971045506900001'") == 1


def test_follows_layer_removal_and_project_clear(dock, demo_copy):
    project = QgsProject.instance()
    project.removeMapLayer(dock.layer.id())
    assert dock.layer is None and dock.browse.model.rowCount() == 0
    assert not dock.browse.add_button.isEnabled()
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha again", "ogr")
    project.addMapLayer(layer)
    assert dock.layer is layer and dock.browse.model.rowCount() == 3000
    project.clear()
    assert dock.layer is None and dock.browse.layer_combo.count() == 0


def test_cancel_writes_nothing(dock, demo_copy, qtbot):
    dock.browse.table.selectRow(1)
    fid = dock.selected_fids()[0]
    old = dock.layer.getFeature(fid)["nama_usaha"]
    panel = dock.edit_selected()
    fill(qtbot, panel, {"nama_usaha": "Tidak jadi"})
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not dock.layer.isEditable() and dock.layer.getFeature(fid)["nama_usaha"] == old
    assert file_count(demo_copy, "\"nama_usaha\" = 'Tidak jadi'") == 0


def test_plugin_toggles_the_dock_and_unload_removes_it(qgis_iface, qgis_new_project,
                                                       monkeypatch):
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin

    plugin = IndustriRumahanPlugin(qgis_iface)
    # the session's provider fixture already registered the provider: do not register twice
    monkeypatch.setattr(plugin, "initProcessing", lambda: None)
    qgis_iface.mainWindow().show()  # pytest-qgis' iface does not dock: show the parent
    plugin.initGui()
    try:
        action = plugin.dock_action
        assert action.isCheckable()
        action.trigger()
        assert plugin.dock is not None and plugin.dock.isUserVisible()
        action.trigger()
        assert not plugin.dock.isUserVisible()
    finally:
        plugin.unload()
        qgis_iface.mainWindow().hide()
    assert plugin.dock is None and plugin.actions == []


def test_rules_dialog_stores_rules_in_the_project(qgis_new_project, qtbot):
    from industri_rumahan_plugin.adapters import rule_store
    from industri_rumahan_plugin.core import stage_rules
    from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

    dialog = StageRulesDialog(rule_store.load_rules())
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("{broken")
    dialog.accept()
    assert dialog.error.text() and rule_store.load_rules() == stage_rules.DEFAULT_RULES
    rules = stage_rules.default_rules()
    rules["thresholds"] = {"berkembang": 1, "maju": 2}
    dialog.editor.setPlainText(stage_rules.to_json(rules))
    dialog.accept()
    assert rule_store.load_rules()["thresholds"] == {"berkembang": 1, "maju": 2}
    rule_store.reset_rules()
    assert rule_store.load_rules() == stage_rules.DEFAULT_RULES
