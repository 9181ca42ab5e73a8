"""The add/edit panel: QGIS's own QgsAttributeForm (configured by adapters/form_config.py)
with the plugin's checks on top, the location tools and the stage suggestion.

Nothing is written while a check fails; a save goes through the layer's edit buffer as one
undoable command, and with auto-save the buffer is committed. A failed commit leaves the
input in the form and the change in the buffer, and says why: no record is lost.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui, QgsPanelWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import undo_log
from industri_rumahan_plugin.adapters.form_config import constraint_text
from industri_rumahan_plugin.adapters.regions import Location, RegionLocator
from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import catalogue, schema, stage_rules, validation
from industri_rumahan_plugin.gui import form_layout, form_widgets

ERROR_STYLE = "border: 2px solid #d7191c;"


def plain(value: Any) -> Any:
    """Form values -> Python: NULL, '' and the NULL text of line edits all become None."""
    if value is None:
        return None
    if hasattr(value, "isNull") and callable(value.isNull) and value.isNull():
        return None
    if isinstance(value, str) and value.strip() in ("", QgsApplication.nullRepresentation()):
        return None
    return value


class EnterpriseFormPanel(QgsPanelWidget):
    """Add (``fid`` None) or edit one enterprise."""

    saved = pyqtSignal(int)  # feature id in the layer (or edit buffer)
    committed = pyqtSignal(object, object)  # undo_log snapshots before/after, once in the file

    def __init__(self, layer: QgsVectorLayer, fid: int | None, locator: RegionLocator,
                 rules: dict, *, canvas=None, auto_commit: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.layer, self.fid, self.locator, self.rules = layer, fid, locator, rules
        self.canvas, self.auto_commit = canvas, auto_commit
        self.lang = toolbelt.language()
        self.location = Location()
        self.last_issues: list[validation.Issue] = []
        self._marked: list[QWidget] = []
        self.started_editing = False  # set by the dock: stop editing when we are done
        if fid is None:
            feature = QgsVectorLayerUtils.createFeature(
                layer, context=layer.createExpressionContext())
            mode = QgsAttributeEditorContext.Mode.AddFeatureMode
        else:
            feature = layer.getFeature(fid)
            mode = QgsAttributeEditorContext.Mode.SingleEditMode
        self.original = QgsFeature(feature)
        # where the undo stack stood when the form opened (see _drop_form_commands)
        self.start_index = layer.undoStack().index()
        if not QgsGui.editorWidgetRegistry().factories():
            QgsGui.editorWidgetRegistry().initEditors()  # bare QgsApplication (scripts, tests)
        context = QgsAttributeEditorContext()
        if canvas is not None:
            context.setMapCanvas(canvas)
        self.form = QgsAttributeForm(layer, feature, context, self)
        self.form.setMode(mode)
        self.form.hideButtonBox()
        form_widgets.finish(self.form, self.lang)
        self._build()
        self.form.widgetValueChanged.connect(self._on_value_changed)
        geometry = feature.geometry()
        if geometry is not None and not geometry.isEmpty():
            point = geometry.asPoint()
            self.set_point(QgsPointXY(point.x(), point.y()), fill_codes=False)
        self.update_suggestion()

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        form_layout.build(self)

    def retranslate(self, feature: QgsFeature | None = None) -> None:
        """Every text and the attribute form again in the interface language, keeping the
        input (``feature``: what was typed, read before the layer was configured again)."""
        self.lang = toolbelt.language()
        form_layout.set_texts(self)
        form_layout.rebuild_form(self, feature)
        point = self.point()
        if point is not None:
            self.set_point(point, fill_codes=False)
        else:
            self.location_label.setText(toolbelt.tr("No location yet."))
        self.update_suggestion()
        self._mark(self.last_issues)
        if self.messages.isVisible() and self.last_issues:
            errors = validation.errors(self.last_issues)
            self._show_messages([self._issue_text(i) for i in errors or self.last_issues],
                                error=bool(errors))

    # --- values ------------------------------------------------------------------------------
    def record(self) -> dict[str, Any]:
        """The form's current values by field name (plain Python)."""
        feature = self.form.currentFormFeature()
        names = self.layer.fields().names()
        record = {n: plain(v) for n, v in zip(names, feature.attributes())}
        for spec in schema.ENTERPRISE_FIELDS:
            if spec.type == "bool" and spec.name in record and record[spec.name] is None:
                record[spec.name] = False
        return record

    def set_value(self, name: str, value: Any) -> None:
        self.form.changeAttribute(name, value)

    def point(self) -> QgsPointXY | None:
        if self.x_edit.value() == self.x_edit.minimum() and self.y_edit.value() == (
                self.y_edit.minimum()):
            return None
        return QgsPointXY(self.x_edit.value(), self.y_edit.value())

    def set_point(self, point: QgsPointXY, fill_codes: bool = True) -> None:
        """Place the enterprise (layer CRS) and fill region codes from the boundaries."""
        for edit, value in ((self.x_edit, point.x()), (self.y_edit, point.y())):
            edit.blockSignals(True)
            edit.setValue(value)
            edit.blockSignals(False)
        self.location = self.locator.locate(point, self.layer.crs())
        if self.location.inside:
            if fill_codes:
                for name, code in self.location.codes.items():
                    self.set_value(name, code)
            names = [self.location.names[k] for k in ("kode_desa", "kode_kecamatan",
                                                      "kode_kabupaten") if k in self.location.names]
            self.location_label.setText(", ".join(names))
            self.location_label.setStyleSheet("")
        else:
            self.location_label.setText(self._issue_text(
                validation.Issue("lokasi", "outside_province", validation.WARNING)))
            self.location_label.setStyleSheet("color: #b35806;")

    def _on_coordinates_typed(self) -> None:
        point = self.point()
        if point is not None:
            self.set_point(point)

    def use_village_centroid(self) -> None:
        code = self.record().get("kode_desa")
        centre = self.locator.village_centroid(str(code or ""), self.layer.crs())
        if centre is None:
            self._show_messages([toolbelt.tr("Unknown village code: fill in a valid code "
                                             "first.")])
            return
        self.set_point(centre)

    def _toggle_pick(self, on: bool) -> None:
        if self.canvas is None:
            return
        from industri_rumahan_plugin.gui.map_tools import PointPickerTool

        if on:
            self._picker = PointPickerTool(self.canvas, self.layer.crs())
            self._picker.picked.connect(self._on_picked)
            self._picker.deactivated.connect(lambda: self.pick_button.setChecked(False))
            self.canvas.setMapTool(self._picker)
        elif self._picker is not None and self.canvas.mapTool() is self._picker:
            self.canvas.unsetMapTool(self._picker)

    def _on_picked(self, point: QgsPointXY) -> None:
        self.set_point(point)
        self.pick_button.setChecked(False)

    # --- stage suggestion ----------------------------------------------------------------
    def _on_value_changed(self, *args) -> None:
        self.update_suggestion()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._blank_nulls)  # after QGIS's own

    def _blank_nulls(self) -> None:
        # from a timer: the panel, its form or its layer may be gone by now
        if not any(sip.isdeleted(o) for o in (self, self.form, self.layer)):
            form_widgets.blank_nulls(self.form)

    def update_suggestion(self) -> stage_rules.Suggestion:
        self.suggestion = stage_rules.suggest(self.record(), self.rules)
        label = catalogue.by_code(catalogue.STAGES, self.suggestion.stage).label(self.lang)
        reasons = self.suggestion.reason_text(self.lang) or toolbelt.tr("no criterion met")
        self.suggestion_label.setText(toolbelt.tr("Suggested stage: {stage} ({reasons})").format(
            stage=label, reasons=reasons))
        return self.suggestion

    def use_suggestion(self) -> None:
        self.set_value("tahap", self.update_suggestion().stage)

    # --- checking and saving -------------------------------------------------------------
    def _issue_text(self, issue: validation.Issue) -> str:
        return constraint_text(issue, self.lang)

    def check(self) -> list[validation.Issue]:
        """The core's issues plus any QGIS constraint the core does not know about."""
        record = self.record()
        other = set()
        nik = record.get("nik")
        if nik:
            escaped = str(nik).replace("'", "''")
            uid = str(record.get("uid") or "").replace("'", "''")
            request = QgsFeatureRequest().setFilterExpression(
                f"\"nik\" = '{escaped}' AND coalesce(\"uid\", '') <> '{uid}'")
            request.setFlags(FeatureRequest.NO_GEOMETRY).setLimit(1)
            if any(True for _ in self.layer.getFeatures(request)):
                other.add(str(nik))
        inside = None if self.point() is None else self.location.inside
        issues = validation.validate(record, other_niks=other, inside_province=inside,
                                     lang=self.lang)
        flagged = {i.field for i in issues}
        feature = self._feature_to_write(record)
        for i, qfield in enumerate(self.layer.fields()):
            ok, _errors = QgsVectorLayerUtils.validateAttribute(self.layer, feature, i)
            if not ok and qfield.name() not in flagged:
                issues.append(validation.Issue(qfield.name(), "required",
                                               params={"label": qfield.displayName()}))
        return issues

    def _feature_to_write(self, record: dict[str, Any]) -> QgsFeature:
        feature = QgsFeature(self.form.currentFormFeature())
        for name, value in record.items():
            if name != "fid":
                feature[name] = value
        point = self.point()
        if point is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(point))
        return feature

    def _mark(self, issues: list[validation.Issue]) -> None:
        for widget in self._marked:
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._marked = []
        grouped: dict[str, list[str]] = {}
        for issue in issues:
            grouped.setdefault(issue.field, []).append(self._issue_text(issue))
        for name, texts in grouped.items():
            for widget in self.form.findChildren(QWidget, name):
                if type(widget) is QWidget:
                    continue  # the container, not the editor
                widget.setStyleSheet(ERROR_STYLE if name != "lokasi" else "")
                widget.setToolTip("\n".join(texts))
                self._marked.append(widget)

    def _show_messages(self, texts: list[str], error: bool = True) -> None:
        self.messages.setText("\n".join(f"• {t}" for t in texts))
        self.messages.setStyleSheet("color: #d7191c;" if error else "color: #b35806;")
        self.messages.setVisible(bool(texts))

    def save(self) -> bool:
        """Check, then write through the edit buffer (and commit with auto-save)."""
        issues = self.check()
        self.last_issues = issues
        self._mark(issues)
        errors = validation.errors(issues)
        if errors:
            self._show_messages([self._issue_text(i) for i in errors])
            return False
        warnings = [self._issue_text(i) for i in issues if i.severity == validation.WARNING]
        layer = self.layer
        if not layer.isEditable() and not layer.startEditing():
            self._show_messages([toolbelt.tr("The layer cannot be edited (read-only file or "
                                             "data source). Nothing was written.")])
            return False
        record = self.record()
        feature = self._feature_to_write(record)
        before = undo_log.snapshot(self.original) if self.fid is not None else None
        # QgsAttributeForm saves its own copy of the input whenever anything asks the layer
        # isModified() (beforeModifiedCheck): a second undo step, or in add mode a second
        # feature. In identify mode its save does nothing; we write the one command ourselves.
        mode = self.form.mode()
        self.form.setMode(QgsAttributeEditorContext.Mode.IdentifyMode)
        form_widgets.drop_form_commands(self.layer, self.start_index)
        layer.beginEditCommand(toolbelt.tr("Enterprise {name}").format(
            name=record.get("nama_usaha") or ""))
        if self.fid is None:
            ok = layer.addFeature(feature)
            if ok:
                self.fid = feature.id()
        else:
            changes = {i: feature.attributes()[i] for i in range(len(feature.attributes()))
                       if layer.fields().at(i).name() != "fid"
                       and plain(feature.attributes()[i]) != plain(self.original.attributes()[i])}
            old = {i: self.original.attributes()[i] for i in changes}
            ok = layer.changeAttributeValues(self.fid, changes, old)
            if ok and feature.hasGeometry() and not feature.geometry().equals(
                    self.original.geometry()):
                ok = layer.changeGeometry(self.fid, feature.geometry())
        if not ok:
            layer.destroyEditCommand()
            self.form.setMode(mode)
            self._show_messages([toolbelt.tr("The edit buffer refused the change. Nothing was "
                                             "written.")])
            return False
        layer.endEditCommand()
        self.original = QgsFeature(layer.getFeature(self.fid))
        # the form's own baseline = what we wrote, so QgsAttributeForm never saves it again
        self.form.setMode(QgsAttributeEditorContext.Mode.SingleEditMode)
        self.form.setFeature(self.original)
        form_widgets.blank_nulls(self.form)
        stop = self.started_editing and not self._buffer_has_other_edits()
        if self.auto_commit and not layer.commitChanges(stop):
            reasons = "; ".join(layer.commitErrors())
            self._show_messages([toolbelt.tr("Could not save to the file: {reasons}. Your input "
                                             "is kept here and in the layer's unsaved edits; "
                                             "fix the cause and save again.").format(
                                                 reasons=reasons)])
            return False
        if self.auto_commit:
            found = undo_log.find(layer, str(record.get("uid") or ""))
            self.fid = found.id() if found is not None else self.fid  # new fid once written
            after = undo_log.snapshot(layer.getFeature(self.fid))
            if after is not None:
                self.committed.emit(before, after)
        self._show_messages(warnings, error=False)
        self.saved.emit(int(self.fid))
        self._close()
        return True

    def _buffer_has_other_edits(self) -> bool:
        return False  # the dock started editing for this form: the buffer holds only ours

    def cancel(self) -> None:
        self._toggle_pick(False)
        self.form.setMode(QgsAttributeEditorContext.Mode.IdentifyMode)
        form_widgets.drop_form_commands(self.layer, self.start_index)
        self.form.resetValues()  # QgsAttributeForm must not save the abandoned input
        buffer = self.layer.editBuffer()
        if self.started_editing and self.layer.isEditable() and not (
                buffer is not None and buffer.isModified()):
            self.layer.rollBack()
        self._close()

    def _close(self) -> None:
        """Close the panel and retire its attribute form at once. A closed panel lives on
        until Qt deletes it (only once control is back in the event loop that asked), and
        its form meanwhile followed the layer: after a delete and undo, QGIS refilled the
        closed form's photo path with "NULL" (signals blocked)."""
        self.acceptPanel()
        if not sip.isdeleted(self.form):
            self.form.setMode(QgsAttributeEditorContext.Mode.IdentifyMode)
            self.form.hide()
            sip.delete(self.form)

