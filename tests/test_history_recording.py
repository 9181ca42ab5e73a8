"""Stage history that records itself: dock, QGIS's own attribute table, commit and undo."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDualView, QgsGui
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QStyleOptionViewItem

from industri_rumahan_plugin.adapters import history_recorder
from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from tests.history_fixtures_hist import add_history_tables, history_rows
from tests.test_dock import GOOD, INSIDE, fill, open_dock

TODAY = dt.date.today()


@pytest.fixture
def history_copy(demo_copy):
    add_history_tables(demo_copy)
    return demo_copy


def _add_layers(path) -> QgsVectorLayer:
    project = QgsProject.instance()
    layers = {}
    for name in ("usaha", "kabupaten", "kecamatan", "desa"):
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        assert layer.isValid()
        project.addMapLayer(layer)
        layers[name] = layer
    return layers["usaha"]


@pytest.fixture
def dock(history_copy, qgis_iface, qgis_new_project, qtbot):
    _add_layers(history_copy)
    yield from open_dock(qgis_iface, qtbot)


def _other_stage(stage: str) -> str:
    return "maju" if stage != "maju" else "pemula"


def _pick(dock, row: int = 0):
    dock.browse.table.selectRow(row)
    fid = dock.selected_fids()[0]
    feature = dock.layer.getFeature(fid)
    return fid, feature["uid"], feature["tahap"]


def _day(value) -> dt.date:
    return value.date().toPyDate()


def test_edit_undo_then_save_leaves_no_row(dock, history_copy, qtbot):
    dock.browse.auto_commit.setChecked(False)
    fid, uid, stage = _pick(dock)
    before = history_rows(history_copy, uid)
    panel = dock.edit_selected()
    fill(qtbot, panel, {"tahap": _other_stage(stage)})
    assert panel.save()
    assert dock.layer.getFeature(fid)["tahap"] == _other_stage(stage)
    assert history_rows(history_copy, uid) == before  # in the buffer only: nothing yet
    qtbot.mouseClick(dock.browse.undo_button, Qt.MouseButton.LeftButton)
    assert dock.layer.getFeature(fid)["tahap"] == stage
    assert dock.commit()
    assert history_rows(history_copy, uid) == before


def test_edit_and_save_adds_one_row(dock, history_copy, qtbot):
    _fid, uid, stage = _pick(dock, 2)
    before = history_rows(history_copy, uid)
    panel = dock.edit_selected()
    fill(qtbot, panel, {"tahap": _other_stage(stage), "nama_usaha": "Nama Baru"})
    assert panel.save()  # auto-save: committed
    rows = history_rows(history_copy, uid)
    assert len(rows) == len(before) + 1
    new = rows[-1]
    assert (new["tahap"], new["sumber"], _day(new["tanggal_berlaku"])) == (
        _other_stage(stage), "edit", TODAY)
    assert new["pengguna"] == history_recorder.current_user() != ""
    # another edit that leaves the stage alone records nothing
    panel = dock.edit_selected()
    fill(qtbot, panel, {"nama_usaha": "Nama Lain"})
    assert panel.save()
    assert len(history_rows(history_copy, uid)) == len(before) + 1


def test_new_enterprise_gets_its_first_row(dock, history_copy, qtbot):
    panel = dock.add()
    fill(qtbot, panel, {**GOOD, "tahap": "berkembang"})
    panel.set_point(INSIDE)
    assert panel.save()
    uid = dock.layer.getFeature(panel.fid)["uid"]
    rows = history_rows(history_copy, uid)
    assert [(r["tahap"], r["sumber"], _day(r["tanggal_berlaku"])) for r in rows] == [
        ("berkembang", "edit", TODAY)]


def test_failed_commit_writes_no_row(dock, history_copy, qtbot):
    _fid, uid, stage = _pick(dock, 4)
    before = history_rows(history_copy, uid)
    panel = dock.edit_selected()
    fill(qtbot, panel, {"tahap": _other_stage(stage)})
    lock = sqlite3.connect(str(history_copy), timeout=0)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        assert not panel.save()
        assert "Could not save" in panel.messages.text()
    finally:
        lock.rollback()
        lock.close()
    assert history_rows(history_copy, uid) == before
    assert dock.commit()  # the change waited in the buffer: saved now, recorded once
    rows = history_rows(history_copy, uid)
    assert len(rows) == len(before) + 1 and rows[-1]["tahap"] == _other_stage(stage)


def _view_index(view_model, master, index):
    """The master model's index as the table view sees it (through its proxies)."""
    if view_model is master:
        return index
    return view_model.mapFromSource(_view_index(view_model.sourceModel(), master, index))


def test_qgis_attribute_table_edit_is_recorded(history_copy, qgis_iface, qgis_new_project,
                                               qtbot):
    from industri_rumahan_plugin.gui.history_watch import HistoryWatcher

    watcher = HistoryWatcher()
    try:
        layer = _add_layers(history_copy)
        assert layer.id() in watcher.attached
        feature = next(layer.getFeatures())
        uid, stage = feature["uid"], feature["tahap"]
        before = history_rows(history_copy, uid)
        configure_enterprise_layer(layer)  # the plugin's form: stage as a value map
        if not QgsGui.editorWidgetRegistry().factories():
            QgsGui.editorWidgetRegistry().initEditors()
        assert layer.startEditing()
        view = QgsDualView()
        view.init(layer, None)
        view.setView(QgsDualView.ViewMode.AttributeTable)
        table = view.tableView()
        model = view.masterModel()
        row = model.idToIndex(feature.id()).row()
        column = model.fieldIdx(layer.fields().indexOf("tahap"))
        index = _view_index(table.model(), model, model.index(row, column))
        delegate = table.itemDelegate(index)
        widget = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
        delegate.setEditorData(widget, index)
        combo = widget if isinstance(widget, QComboBox) else widget.findChild(QComboBox)
        combo.setCurrentIndex(combo.findData(_other_stage(stage)))
        delegate.setModelData(widget, table.model(), index)  # what the table does on leaving
        assert layer.getFeature(feature.id())["tahap"] == _other_stage(stage)
        assert history_rows(history_copy, uid) == before
        assert layer.commitChanges()
        rows = history_rows(history_copy, uid)
        assert len(rows) == len(before) + 1
        assert (rows[-1]["tahap"], rows[-1]["sumber"]) == (_other_stage(stage), "edit")
        # rolled back: nothing
        assert layer.startEditing()
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("tahap"), stage)
        assert layer.rollBack()
        assert len(history_rows(history_copy, uid)) == len(before) + 1
        del view
    finally:
        watcher.stop()
        QgsProject.instance().removeAllMapLayers()
    assert watcher.attached == set()


def test_version_one_database_records_nothing_and_saves(tmp_path, qgis_new_project):
    demo_copy = tmp_path / "v1.gpkg"  # an office's file from before the history tables
    shutil.copy(Path(__file__).parent / "data" / "schema_v1_demo.gpkg", demo_copy)
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        assert history_recorder.history_table(layer) is None
        recorder = history_recorder.attach(layer)
        feature = next(layer.getFeatures())
        assert layer.startEditing()
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("tahap"),
                                   _other_stage(feature["tahap"]))
        assert layer.commitChanges()
        assert recorder.pending == [] and recorder.last_error == ""
        fresh = QgsVectorLayer(f"{demo_copy}|layername=usaha", "c", "ogr")
        assert fresh.getFeature(feature.id())["tahap"] == _other_stage(feature["tahap"])
        history_recorder.release(layer.id())
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_qgis_attribute_form_edit_is_recorded(history_copy, qgis_new_project, qtbot):
    from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm

    from industri_rumahan_plugin.gui.history_watch import HistoryWatcher

    watcher = HistoryWatcher()
    try:
        layer = _add_layers(history_copy)
        configure_enterprise_layer(layer)
        if not QgsGui.editorWidgetRegistry().factories():
            QgsGui.editorWidgetRegistry().initEditors()
        feature = next(layer.getFeatures())
        uid, stage = feature["uid"], feature["tahap"]
        before = history_rows(history_copy, uid)
        assert layer.startEditing()
        form = QgsAttributeForm(layer, feature, QgsAttributeEditorContext())
        qtbot.addWidget(form)
        form.setMode(QgsAttributeEditorContext.Mode.SingleEditMode)
        form.changeAttribute("tahap", _other_stage(stage))
        assert form.save()
        assert history_rows(history_copy, uid) == before  # saved to the buffer only
        assert layer.commitChanges()
        rows = history_rows(history_copy, uid)
        assert len(rows) == len(before) + 1
        assert (rows[-1]["tahap"], rows[-1]["sumber"], _day(rows[-1]["tanggal_berlaku"])) == (
            _other_stage(stage), "edit", TODAY)
    finally:
        watcher.stop()
        QgsProject.instance().removeAllMapLayers()


def test_plugin_attaches_and_unload_detaches(history_copy, qgis_iface, qgis_new_project,
                                              monkeypatch):
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin

    plugin = IndustriRumahanPlugin(qgis_iface)
    monkeypatch.setattr(plugin, "initProcessing", lambda: None)
    plugin.initGui()
    try:
        layer = _add_layers(history_copy)
        recorder = history_recorder.recorder_of(layer.id())
        assert recorder is not None and recorder.users == 1
    finally:
        plugin.unload()
    assert history_recorder.recorder_of(layer.id()) is None
    feature = next(layer.getFeatures())
    before = history_rows(history_copy, feature["uid"])
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("tahap"),
                               _other_stage(feature["tahap"]))
    assert layer.commitChanges()
    assert history_rows(history_copy, feature["uid"]) == before  # unloaded: not recording
    QgsProject.instance().removeAllMapLayers()
