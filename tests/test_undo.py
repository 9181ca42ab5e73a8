"""Undo that works (issue 13): every form save or delete is ONE step; with the edit buffer
(auto-save off) QGIS's undo stack holds it until Save edits; with "save each change" Undo
change writes a new change that restores the file, and Redo change writes it again."""

from __future__ import annotations

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from tests import test_dock
from tests.test_dock import GOOD, INSIDE, file_count, fill

dock = test_dock.dock  # the dock on a copy of the demo, driven through its widgets


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def in_file(path, uid: str):
    layer = QgsVectorLayer(f"{path}|layername=usaha", "check", "ogr")
    return next(layer.getFeatures(f"\"uid\" = '{uid}'"), None)


def edit_name(dock, qtbot, row: int, name: str) -> tuple[int, str]:
    dock.browse.table.selectRow(row)
    fid = dock.selected_fids()[0]
    panel = dock.edit_selected()
    fill(qtbot, panel, {"nama_usaha": name})
    click(qtbot, panel.save_button)
    return fid, dock.layer.getFeature(fid)["uid"]


def test_buffer_one_step_per_save_and_undo_redo(dock, demo_copy, qtbot):
    browse = dock.browse
    browse.auto_commit.setChecked(False)
    assert "edit buffer" in browse.undo_hint.text()
    assert not browse.undo_button.isEnabled() and not browse.redo_button.isEnabled()
    stack = dock.layer.undoStack()
    first_fid = browse.model.fid_at(0)
    old_first = dock.layer.getFeature(first_fid)["nama_usaha"]
    edit_name(dock, qtbot, 0, "Satu")
    assert stack.count() == 1 and browse.undo_button.isEnabled()
    edit_name(dock, qtbot, 1, "Dua")
    assert stack.count() == 2
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    panel.set_point(INSIDE)
    click(qtbot, panel.save_button)
    assert stack.count() == 3  # the new enterprise with its geometry: one step
    names = {f["nama_usaha"] for f in dock.layer.getFeatures()}
    assert {"Satu", "Dua", GOOD["nama_usaha"]} <= names
    click(qtbot, browse.undo_button)  # the added enterprise goes, the two edits stay
    assert dock.layer.featureCount() == 3000
    names = {f["nama_usaha"] for f in dock.layer.getFeatures()}
    assert {"Satu", "Dua"} <= names and GOOD["nama_usaha"] not in names
    click(qtbot, browse.undo_button)
    click(qtbot, browse.undo_button)
    assert dock.layer.getFeature(first_fid)["nama_usaha"] == old_first
    assert not browse.undo_button.isEnabled() and browse.redo_button.isEnabled()
    click(qtbot, browse.redo_button)
    assert dock.layer.getFeature(first_fid)["nama_usaha"] == "Satu"
    assert file_count(demo_copy, "\"nama_usaha\" = 'Satu'") == 0  # nothing written yet
    click(qtbot, browse.commit_button)
    assert file_count(demo_copy, "\"nama_usaha\" = 'Satu'") == 1
    assert file_count(demo_copy, "\"nama_usaha\" = 'Dua'") == 0


def test_buffer_delete_can_be_undone_until_saved(dock, demo_copy, qtbot):
    browse = dock.browse
    browse.auto_commit.setChecked(False)
    asked = []
    dock.confirm = lambda text: asked.append(text) or True
    browse.table.selectRow(4)
    uid = dock.layer.getFeature(dock.selected_fids()[0])["uid"]
    click(qtbot, browse.delete_button)
    assert "until you save" in asked[0]
    assert dock.layer.featureCount() == 2999 == browse.model.rowCount()
    assert dock.layer.undoStack().count() == 1
    assert in_file(demo_copy, uid) is not None  # still in the file
    click(qtbot, browse.undo_button)
    assert dock.layer.featureCount() == 3000 == browse.model.rowCount()
    click(qtbot, browse.redo_button)
    click(qtbot, browse.commit_button)
    assert in_file(demo_copy, uid) is None and file_count(demo_copy) == 2999


def test_auto_save_delete_is_undone_by_a_restoring_change(dock, demo_copy, qtbot):
    browse = dock.browse
    assert browse.auto_commit.isChecked()
    assert "restores" in browse.undo_hint.text()
    asked = []
    dock.confirm = lambda text: asked.append(text) or True
    browse.table.selectRow(7)
    original = dock.layer.getFeature(dock.selected_fids()[0])
    uid = original["uid"]
    click(qtbot, browse.delete_button)
    assert "Undo change puts them back" in asked[0]
    assert in_file(demo_copy, uid) is None and file_count(demo_copy) == 2999
    assert browse.undo_button.isEnabled()  # was disabled with auto-save (issue 13)
    click(qtbot, browse.undo_button)
    back = in_file(demo_copy, uid)
    assert back is not None and file_count(demo_copy) == 3000
    for name in ("nama_usaha", "nik", "telepon", "tahap", "modal_rp", "kode_desa", "dibuat"):
        assert back[name] == original[name], name
    assert back.geometry().asPoint() == original.geometry().asPoint()
    assert browse.model.rowCount() == 3000
    assert dock.layer.selectedFeatureIds() == [back.id()]
    assert "Undone and saved" in browse.status.text()
    assert browse.redo_button.isEnabled()
    click(qtbot, browse.redo_button)
    assert in_file(demo_copy, uid) is None and file_count(demo_copy) == 2999
    assert not dock.layer.isModified()


def test_auto_save_edit_undo_redo_one_step_each(dock, demo_copy, qtbot):
    browse = dock.browse
    _fid, uid = edit_name(dock, qtbot, 2, "Nama Baru")
    old = None
    assert in_file(demo_copy, uid)["nama_usaha"] == "Nama Baru"
    _fid2, uid2 = edit_name(dock, qtbot, 3, "Nama Kedua")
    assert len(dock.saved_log.done) == 2
    click(qtbot, browse.undo_button)  # only the second save is undone
    assert in_file(demo_copy, uid2)["nama_usaha"] != "Nama Kedua"
    assert in_file(demo_copy, uid)["nama_usaha"] == "Nama Baru"
    click(qtbot, browse.undo_button)
    old = in_file(demo_copy, uid)["nama_usaha"]
    assert old != "Nama Baru"
    assert not browse.undo_button.isEnabled()
    click(qtbot, browse.redo_button)
    assert in_file(demo_copy, uid)["nama_usaha"] == "Nama Baru"
    assert in_file(demo_copy, uid2)["nama_usaha"] != "Nama Kedua"
    edit_name(dock, qtbot, 5, "Cabang Baru")  # a new change drops what could be redone
    assert not browse.redo_button.isEnabled()


def test_auto_save_new_enterprise_undo_removes_it(dock, demo_copy, qtbot):
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    panel.set_point(INSIDE)
    click(qtbot, panel.save_button)
    assert file_count(demo_copy) == 3001
    click(qtbot, dock.browse.undo_button)
    assert file_count(demo_copy) == 3000
    assert file_count(demo_copy, "\"nik\" = '1971045506900001'") == 0
