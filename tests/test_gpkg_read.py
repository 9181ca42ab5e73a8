"""The dock's direct GeoPackage read: same values as QGIS's request, and harmless to QGIS's file."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.adapters import gpkg_read
from industri_rumahan_plugin.core.enterprise_filter import LIST_FIELDS
from industri_rumahan_plugin.gui import enterprise_model


def test_direct_read_equals_the_qgis_request(demo_gpkg, qgis_app):
    layer = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "usaha", "ogr")
    names = [n for n in LIST_FIELDS if layer.fields().indexOf(n) >= 0]
    direct = enterprise_model._read_file_directly(layer, names)
    assert direct is not None
    layer.setSubsetString("1 = 1")  # a subset sends read_list_frame through QGIS's request
    fids, frame = enterprise_model.read_list_frame(layer)
    assert len(fids) == 3000
    assert (direct[0] == fids).all()
    assert direct[1].equals(frame)
    assert direct[1]["krtp"].dtype == bool


def test_reading_while_qgis_edits_keeps_the_file_readable(demo_copy, qgis_app):
    """The dock's undo/redo/save: pyogrio's own SQLite here broke the file on QGIS 3.40+."""
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    index = layer.fields().indexOf("nama_usaha")
    assert layer.startEditing()
    layer.beginEditCommand("rename")
    assert layer.changeAttributeValue(1, index, "Nama Baru")
    layer.endEditCommand()
    assert QgsVectorLayer(f"{demo_copy}|layername=usaha", "check", "ogr").isValid()
    layer.undoStack().undo()
    fids, frame = gpkg_read.read_columns(str(demo_copy), "usaha", ["nama_usaha"])
    assert frame["nama_usaha"][list(fids).index(1)] != "Nama Baru"
    layer.undoStack().redo()
    assert layer.commitChanges(False)  # QGIS's connection stays open (WAL mode)
    check = QgsVectorLayer(f"{demo_copy}|layername=usaha", "check", "ogr")
    assert check.isValid()  # with pyogrio: "disk I/O error" on 3.40 and 3.44
    assert check.getFeature(1)["nama_usaha"] == "Nama Baru"
