"""The enterprise dock: QgsDockWidget + QgsPanelWidgetStack (browse panel, form panels).

Bound to the project's enterprise layer (recognised by its fields; a chooser when there are
several); it follows project open/close and layer removal, keeps the list and the map
selection in step, and routes add/edit/delete through the layer's edit buffer.
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsPanelWidgetStack
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from qgis.PyQt.QtWidgets import QMessageBox

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import history_recorder, rule_store, undo_log
from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer, is_configured
from industri_rumahan_plugin.adapters.regions import RegionLocator
from industri_rumahan_plugin.gui import field_survey
from industri_rumahan_plugin.gui.browse_panel import BrowsePanel
from industri_rumahan_plugin.gui.buttons import translate_buttons
from industri_rumahan_plugin.gui.dock_language import DockLanguage, language_timer
from industri_rumahan_plugin.gui.dock_undo import DockUndo
from industri_rumahan_plugin.gui.form_panel import EnterpriseFormPanel
from industri_rumahan_plugin.gui.history_watch import is_enterprise_layer
from industri_rumahan_plugin.gui.map_tools import SelectionMarkers, show_enterprises

#: the height the panel needs to show its filters, a useful list and every button
FIRST_USE_HEIGHT = 560
RELOAD_SIGNALS = ("featureAdded", "featuresDeleted", "attributeValueChanged",
                 "geometryChanged", "afterCommitChanges", "afterRollBack")


def enterprise_layers(project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """Every valid enterprise layer of the project, recognised by its schema."""
    return [layer for layer in (project or QgsProject.instance()).mapLayers().values()
            if is_enterprise_layer(layer)]


class EnterpriseDock(DockLanguage, DockUndo, QgsDockWidget):
    def __init__(self, iface=None, parent=None) -> None:
        super().__init__(toolbelt.tr("Industri Rumahan"), parent)
        self.setObjectName("IndustriRumahanDock")
        self.iface = iface
        self.canvas = iface.mapCanvas() if iface is not None else None
        self.layer: QgsVectorLayer | None = None
        self.locator = RegionLocator({})
        self.form: EnterpriseFormPanel | None = None
        self.confirm = self._ask  # replaced in tests by a function returning True/False
        self.saved_log = undo_log.UndoLog()
        self.markers = SelectionMarkers(self.canvas) if self.canvas is not None else None
        if self.canvas is not None:  # rings are placed in map coordinates
            self.canvas.destinationCrsChanged.connect(self._mark_selection)
        self._syncing = False
        self._connections: list = []
        self.stack = QgsPanelWidgetStack(self)
        self.browse = BrowsePanel(self.stack)
        self.browse.setDockMode(True)
        self.stack.setMainPanel(self.browse)
        self.setWidget(self.stack)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(200)
        self._reload_timer.timeout.connect(self.reload)
        self._language_timer = language_timer(self)

        b = self.browse
        b.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        b.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        b.table.doubleClicked.connect(lambda _i: self.edit_selected())
        b.table.activated_record.connect(self.edit_selected)
        b.add_button.clicked.connect(self.add)
        b.edit_button.clicked.connect(self.edit_selected)
        b.delete_button.clicked.connect(self.delete_selected)
        b.undo_button.clicked.connect(self.undo)
        b.redo_button.clicked.connect(self.redo)
        b.commit_button.clicked.connect(self.commit)
        b.rules_button.clicked.connect(self.edit_rules)
        self.survey_button = field_survey.survey_button(b, lambda: self.layer)
        b.tool_row.addWidget(self.survey_button)
        project = QgsProject.instance()
        project.layersAdded.connect(self._on_layers_changed)
        project.layersWillBeRemoved.connect(self._on_layers_will_be_removed)
        project.cleared.connect(self._on_project_cleared)
        project.readProject.connect(self._on_layers_changed)
        self.refresh_layers()

    # --- project and layer tracking --------------------------------------------------------
    def cleanup(self) -> None:
        """Disconnect from the project and the layer (the plugin calls this in unload)."""
        project = QgsProject.instance()
        for signal, slot in ((project.layersAdded, self._on_layers_changed),
                             (project.layersWillBeRemoved, self._on_layers_will_be_removed),
                             (project.cleared, self._on_project_cleared),
                             (project.readProject, self._on_layers_changed)):
            with contextlib.suppress(TypeError):
                signal.disconnect(slot)
        if self.canvas is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.canvas.destinationCrsChanged.disconnect(self._mark_selection)
        self.bind(None)

    def refresh_layers(self) -> None:
        combo = self.browse.layer_combo
        current = self.layer.id() if self.layer is not None else None
        layers = enterprise_layers()
        combo.blockSignals(True)
        combo.clear()
        for layer in layers:
            combo.addItem(layer.name(), layer.id())
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if layers else -1))
        combo.blockSignals(False)
        self._on_layer_chosen()

    def _on_layers_changed(self, *args) -> None:
        self.refresh_layers()

    def _on_layers_will_be_removed(self, layer_ids) -> None:
        if self.layer is not None and self.layer.id() in layer_ids:
            self.bind(None)
        combo = self.browse.layer_combo
        combo.blockSignals(True)
        for layer_id in layer_ids:
            index = combo.findData(layer_id)
            if index >= 0:
                combo.removeItem(index)
        combo.blockSignals(False)
        QTimer.singleShot(0, self.refresh_layers)

    def _on_project_cleared(self) -> None:
        self.bind(None)
        self.browse.layer_combo.clear()

    def _on_layer_chosen(self, *args) -> None:
        layer_id = self.browse.layer_combo.currentData()
        layer = QgsProject.instance().mapLayer(layer_id) if layer_id else None
        if layer is not self.layer:
            self.bind(layer)

    def bind(self, layer: QgsVectorLayer | None) -> None:
        """Follow ``layer`` (or nothing): close forms, rewire signals, reload the list."""
        self.stack.acceptAllPanels()
        if self.layer is not None:
            for signal, slot in self._connections:
                with contextlib.suppress(TypeError, RuntimeError):
                    signal.disconnect(slot)
            with contextlib.suppress(RuntimeError):
                history_recorder.release(self.layer.id())
        self._connections = []
        self.layer = layer
        self.saved_log = undo_log.UndoLog(layer)
        if self.markers is not None:
            self.markers.clear()
        if layer is not None:
            if not is_configured(layer):
                configure_enterprise_layer(layer)
            # a committed stage change adds a riwayat_tahap row (shared with the project's
            # watcher: recorded once)
            history_recorder.attach(layer)
            self._connections = [(getattr(layer, n), self._reload_timer.start)
                                 for n in RELOAD_SIGNALS]
            self._connections.append((layer.selectionChanged, self._sync_from_layer))
            self._connections.append((layer.selectionChanged, self._mark_selection))
            self._connections.append((layer.undoStack().indexChanged, self._update_buttons))
            for signal, slot in self._connections:
                signal.connect(slot)
        self.locator = RegionLocator.from_project()
        self.browse.set_regions(self.locator.region_names("regencies"),
                                self.locator.region_names("districts"),
                                self.locator.district_regencies())
        self.reload()

    def reload(self) -> None:
        """Read the layer again (one request) and re-apply the search and filters."""
        self._reload_timer.stop()
        village_names = self.locator.village_names() if self.layer is not None else {}
        self.browse.model.load(self.layer, village_names)
        self.browse.model.set_query(self.browse.query())
        self.browse.update_counts()
        self._update_buttons()
        self._sync_from_layer()

    def _update_buttons(self) -> None:
        has = self.layer is not None
        stack = self.layer.undoStack() if has else None
        for button in (self.browse.add_button, self.browse.edit_button,
                       self.browse.delete_button, self.browse.rules_button):
            button.setEnabled(has)
        can_undo = bool(stack and stack.canUndo()) or (has and self.saved_log.can_undo())
        can_redo = bool(stack and stack.canRedo()) or (has and self.saved_log.can_redo())
        self.browse.undo_button.setEnabled(can_undo)
        self.browse.redo_button.setEnabled(can_redo)
        undo_text = stack.undoText() if stack and stack.canUndo() else (
            self.saved_log.undo_text() if has else "")
        redo_text = stack.redoText() if stack and stack.canRedo() else (
            self.saved_log.redo_text() if has else "")
        self.browse.undo_button.setToolTip(undo_text)
        self.browse.redo_button.setToolTip(redo_text)
        # the edit buffer's own flag: layer.isModified() makes an open QgsAttributeForm save
        buffer = self.layer.editBuffer() if has else None
        pending = has and self.layer.isEditable() and buffer is not None and buffer.isModified()
        self.browse.commit_button.setEnabled(bool(pending))

    # --- selection sync -------------------------------------------------------------------
    def selected_fids(self) -> list[int]:
        rows = sorted({i.row() for i in self.browse.table.selectionModel().selectedRows()})
        return [self.browse.model.fid_at(r) for r in rows]

    def _on_table_selection(self, *args) -> None:
        if self._syncing or self.layer is None:
            return
        fids = self.selected_fids()
        self._syncing = True
        try:
            self.layer.selectByIds(fids)
        finally:
            self._syncing = False
        if fids and self.canvas is not None:
            show_enterprises(self.canvas, self.layer, fids)
            self.canvas.flashFeatureIds(self.layer, fids)
        self._mark_selection()

    def _mark_selection(self, *args) -> None:
        if self.markers is not None and self.layer is not None:
            self.markers.show(self.layer, self.layer.selectedFeatureIds())

    def _sync_from_layer(self, *args) -> None:
        if self._syncing or self.layer is None:
            return
        model, table = self.browse.model, self.browse.table
        selection = QItemSelection()
        for fid in self.layer.selectedFeatureIds():
            row = model.row_of_fid(fid)
            if row >= 0:
                selection.select(model.index(row, 0),
                                 model.index(row, model.columnCount() - 1))
        self._syncing = True
        try:
            table.selectionModel().select(selection,
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if not selection.isEmpty():
                table.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False

    # --- editing ----------------------------------------------------------------------------
    def open_form(self, fid: int | None) -> EnterpriseFormPanel | None:
        if self.layer is None:
            return None
        started = False
        if not self.layer.isEditable():
            # QgsAttributeForm only edits an editable layer; we stop editing again on cancel
            started = self.layer.startEditing()
            if not started:
                self.browse.status.setText(toolbelt.tr(
                    "The layer cannot be edited (read-only file or data source)."))
                return None
        self.form = EnterpriseFormPanel(
            self.layer, fid, self.locator, rule_store.load_rules(), canvas=self.canvas,
            auto_commit=self.browse.auto_commit.isChecked())
        self.form.started_editing = started
        self.form.saved.connect(self._on_saved)
        self.form.committed.connect(self._on_committed)
        self.browse.openPanel(self.form)
        return self.form

    def add(self) -> EnterpriseFormPanel | None:
        return self.open_form(None)

    def edit_selected(self) -> EnterpriseFormPanel | None:
        fids = self.selected_fids()
        return self.open_form(fids[0]) if fids else None

    def _on_saved(self, fid: int) -> None:
        self.reload()
        self.layer.selectByIds([fid])
        self.browse.status.setText(self.form.messages.text() if self.form else "")

    def delete_question(self, n: int) -> str:
        """The question before a delete, saying honestly how it can be undone."""
        text = toolbelt.tr("Delete {n} enterprise(s)?").format(n=n)
        if self.browse.auto_commit.isChecked():
            return text + "\n\n" + toolbelt.tr(
                "They are removed from the file at once; Undo change puts them back (as a "
                "new change).")
        return text + "\n\n" + toolbelt.tr(
            "This can be undone (Undo change) until you save the edits.")

    def delete_selected(self) -> bool:
        fids = self.selected_fids()
        if self.layer is None or not fids:
            return False
        if not self.confirm(self.delete_question(len(fids))):
            return False
        before = [undo_log.snapshot(f) for f in self.layer.getFeatures(
            QgsFeatureRequest().setFilterFids(fids))]
        if not self.layer.isEditable() and not self.layer.startEditing():
            self.browse.status.setText(toolbelt.tr("The layer cannot be edited (read-only file "
                                                   "or data source). Nothing was written."))
            return False
        self.layer.beginEditCommand(toolbelt.tr("Delete enterprises"))
        if not self.layer.deleteFeatures(fids):
            self.layer.destroyEditCommand()
            return False
        self.layer.endEditCommand()
        ok = True
        if self.browse.auto_commit.isChecked():
            ok = self.commit()
            if ok:
                step = undo_log.Step(toolbelt.tr("Delete enterprises"))
                for snap in before:
                    if snap is not None:
                        step.before[snap.uid], step.after[snap.uid] = snap, None
                self.saved_log.record(step)
        self.reload()
        return ok

    def commit(self) -> bool:
        if self.layer is None or not self.layer.isEditable():
            return True
        if self.layer.commitChanges(False):
            self.browse.status.setText(toolbelt.tr("Saved."))
            self.reload()
            return True
        self.browse.status.setText(toolbelt.tr(
            "Could not save to the file: {reasons}. The changes are kept as unsaved edits."
        ).format(reasons="; ".join(self.layer.commitErrors())))
        self._update_buttons()
        return False

    def edit_rules(self) -> None:
        from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

        StageRulesDialog(rule_store.load_rules(), self).exec()

    def _ask(self, text: str) -> bool:
        """A yes/no question with buttons in the interface language (Ya/Tidak)."""
        box = QMessageBox(QMessageBox.Icon.Question, toolbelt.tr("Industri Rumahan"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        translate_buttons(box)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.question_box = box  # tests read its texts
        return box.exec() == QMessageBox.StandardButton.Yes

    def show_in(self, main_window, area=Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        main_window.addDockWidget(area, self)
        self.first_use_size(main_window)

    def first_use_size(self, main_window) -> None:
        """A first-use place that shows every filter and button beside the map (1366 x 768).

        Stacked under another dock of the same side (the Processing Toolbox) the panel got
        under 100 px of height (issue 13): when the window is not tall enough for both, it
        is tabbed with the tallest of them instead, and raised.
        """
        from qgis.PyQt.QtWidgets import QDockWidget

        from industri_rumahan_plugin.gui.browse_panel import FIRST_USE_WIDTH

        area = main_window.dockWidgetArea(self)
        others = [d for d in main_window.findChildren(QDockWidget)
                  if d is not self and d.isVisible() and not d.isFloating()
                  and main_window.dockWidgetArea(d) == area]
        if others and main_window.height() < 2 * FIRST_USE_HEIGHT:
            tallest = max(others, key=lambda d: d.height())
            main_window.tabifyDockWidget(tallest, self)
            self.show()
            self.raise_()
        screen = main_window.width() or FIRST_USE_WIDTH * 3
        width = max(300, min(FIRST_USE_WIDTH, screen // 3))
        main_window.resizeDocks([self], [width], Qt.Orientation.Horizontal)
