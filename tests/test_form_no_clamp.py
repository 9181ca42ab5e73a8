"""The enterprise form never clamps a typed number: the value reaches the rules and the user
sees the rule's message (issue 13: 200 workers, 250 women workers and start year 2030 became
99, 99 and this year, silently)."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer, QgsVectorLayerUtils
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QDialogButtonBox, QWidget

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer, is_configured
from industri_rumahan_plugin.core import schema, validation
from tests import test_dock
from tests.test_dock import GOOD, INSIDE, file_count, fill

dock = test_dock.dock  # the dock on a copy of the demo, as tests/test_dock.py drives it

FUTURE = dt.date.today().year + 4
TYPED = {"jumlah_pekerja": 200, "pekerja_perempuan": 250, "tahun_mulai": FUTURE}
EXPECTED = [("jumlah_pekerja", "too_large"), ("pekerja_perempuan", "women_workers_exceed"),
            ("tahun_mulai", "year_future")]


def type_number(qtbot, widget: QAbstractSpinBox, value: int) -> None:
    """Select what the spin box shows and type the digits, as a user does."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, str(value))
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def spin(form: QWidget, name: str) -> QAbstractSpinBox:
    boxes = [w for w in form.findChildren(QAbstractSpinBox, name)]
    assert boxes, name
    return boxes[0]


def test_every_numeric_widget_is_wider_than_its_rule():
    for spec in schema.ENTERPRISE_FIELDS:
        if spec.type in ("int", "int64", "double") and not spec.catalogue:
            low, high = validation.input_limits(spec)
            assert high > max(spec.maximum or 0, dt.date.today().year) * 10
            assert low == 0 and (spec.minimum or 0) >= low
    assert validation.input_limits(schema.field("tahun_mulai"))[0] < 1945 - 1


def test_dock_form_reports_and_keeps_typed_values(dock, demo_copy, qtbot):
    before = file_count(demo_copy)
    panel = dock.add()
    fill(qtbot, panel, {k: v for k, v in GOOD.items()
                        if k not in ("jumlah_pekerja", "pekerja_perempuan")})
    for name, value in TYPED.items():
        type_number(qtbot, spin(panel.form, name), value)
    panel.set_point(INSIDE)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    found = [(i.field, i.key) for i in validation.errors(panel.last_issues)]
    for expected in EXPECTED:
        assert expected in found
    shown = panel.messages.text()
    assert panel.messages.isVisible()
    for issue in panel.last_issues:
        if (issue.field, issue.key) in EXPECTED:
            assert panel._issue_text(issue) in shown
    for name, value in TYPED.items():
        assert spin(panel.form, name).value() == value  # nothing clamped
        assert panel.record()[name] == value
    assert file_count(demo_copy) == before
    assert file_count(demo_copy, f'"tahun_mulai" = {FUTURE}') == 0


@pytest.fixture
def usaha_layer(demo_copy, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_copy}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert layer.isValid()
    configure_enterprise_layer(layer, "id")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


def test_qgis_attribute_form_refuses_and_keeps_typed_values(usaha_layer, qtbot):
    layer = usaha_layer
    before = layer.featureCount()
    layer.startEditing()
    feature = QgsVectorLayerUtils.createFeature(layer)
    dialog = QgsAttributeDialog(layer, feature, False, None, True)
    qtbot.addWidget(dialog)
    dialog.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
    dialog.show()
    form = dialog.attributeForm()
    for name, value in GOOD.items():
        if name not in TYPED and name not in ("jumlah_pekerja", "pekerja_perempuan"):
            form.changeAttribute(name, value)
    for name, value in TYPED.items():
        type_number(qtbot, spin(form, name), value)
    current = form.currentFormFeature()
    messages = {}
    for name, value in TYPED.items():
        assert spin(form, name).value() == value
        assert current[name] == value  # the typed value reached the form's feature
        ok, errors = QgsVectorLayerUtils.validateAttribute(
            layer, current, layer.fields().indexOf(name))
        assert not ok, name  # the layer's constraint refuses it
        messages[name] = " ".join(errors)
    assert "masa depan" in messages["tahun_mulai"] or "tahun ini" in messages["tahun_mulai"]
    assert "pekerja" in messages["pekerja_perempuan"].lower()
    assert "99" in messages["jumlah_pekerja"]
    # QGIS's own dialog refuses: OK stays disabled while a hard constraint fails
    ok_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()
    qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)
    assert layer.featureCount() == before
    # ... and only because of these values: plausible ones enable it
    for name, value in {"jumlah_pekerja": 3, "pekerja_perempuan": 2, "tahun_mulai": 2019}.items():
        type_number(qtbot, spin(form, name), value)
    assert ok_button.isEnabled()
    dialog.reject()
    layer.rollBack()
    assert sum(1 for _ in layer.getFeatures(
        QgsFeatureRequest().setFilterExpression(f'"tahun_mulai" = {FUTURE}'))) == 0


def test_a_project_with_the_old_clamping_limits_is_configured_again(usaha_layer):
    from qgis.core import QgsEditorWidgetSetup

    layer = usaha_layer
    configure_enterprise_layer(layer)  # in the interface language (else configured again)
    assert is_configured(layer)
    idx = layer.fields().indexOf("jumlah_pekerja")
    old = dict(layer.editorWidgetSetup(idx).config(), Max=99, Min=0)
    layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("Range", old))
    assert not is_configured(layer)


def test_an_early_year_is_reported_and_the_up_arrow_starts_at_zero(dock, qtbot):
    panel = dock.add()
    fill(qtbot, panel, GOOD)
    year = spin(panel.form, "tahun_mulai")
    type_number(qtbot, year, 1900)
    panel.set_point(INSIDE)
    assert not panel.save()
    assert ("tahun_mulai", "year_too_early") in [(i.field, i.key) for i in panel.last_issues]
    assert year.value() == 1900
    empty = spin(panel.form, "pelatihan_tahun")
    assert panel.record()["pelatihan_tahun"] is None
    empty.stepUp()  # from NULL: a plain 0 (QGIS 3.22) or 1 (3.44), not -2147483646
    assert empty.value() in (0, 1)
