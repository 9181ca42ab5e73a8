"""No "NULL" in the form's photo path (issue 13): QGIS writes its NULL text straight into
that editor whenever it refills the form. A closed form is retired at once (before, it lived
until Qt deleted it and kept following the layer: after a delete and undo its photo path
read "NULL"), and an open form blanks the text again after a refill."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt import sip

from tests.test_dock import dock  # noqa: F401  (fixture)


def _photo_text(panel) -> str:
    return panel.form.findChildren(QgsFileWidget)[0].lineEdit().text()


def _record_without_photo(layer) -> int:
    return next(f.id() for f in layer.getFeatures("\"foto\" IS NULL"))


def test_a_closed_form_is_retired_at_once(dock):  # noqa: F811
    layer = dock.layer
    layer.selectByIds([_record_without_photo(layer)])
    panel = dock.edit_selected()
    form = panel.form
    assert _photo_text(panel) == ""
    panel.cancel()
    assert sip.isdeleted(form)  # not left to a later deleteLater
    layer.selectByIds([_record_without_photo(layer)])
    panel = dock.edit_selected()
    form = panel.form
    assert panel.save()  # unchanged record: saved, closed
    assert sip.isdeleted(form)


def test_an_open_form_blanks_the_photo_after_the_layer_changes_the_record(dock):  # noqa: F811
    layer = dock.layer
    fid = _record_without_photo(layer)
    layer.selectByIds([fid])
    panel = dock.edit_selected()
    index = layer.fields().indexOf("produk_utama")
    old = layer.getFeature(fid)["produk_utama"]
    assert layer.isEditable()  # the dock started editing for the form
    layer.changeAttributeValue(fid, index, "Diubah di tabel atribut", old)  # elsewhere
    assert QgsApplication.nullRepresentation() == "NULL"  # what QGIS would write
    assert _photo_text(panel) == ""
    assert panel.record()["foto"] is None  # still NULL, shown empty
    layer.rollBack()
    panel.cancel()
