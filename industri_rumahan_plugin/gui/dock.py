"""The enterprise dock: QgsDockWidget + QgsPanelWidgetStack (browse panel, form panels).

Bound to the project's enterprise layer (recognised by its fields; a chooser when there are
several); it follows project open/close and layer removal, keeps the list and the map
selection in step, and routes add/edit/delete through the layer's edit buffer.
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsDockWidget, QgsPanelWidgetStack
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from qgis.PyQt.QtWidgets import QMessageBox

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import history_recorder, rule_store
from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer, is_configured
from industri_rumahan_plugin.adapters.regions import RegionLocator
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.gui import field_survey
from industri_rumahan_plugin.gui.browse_panel import BrowsePanel
from industri_rumahan_plugin.gui.form_panel import EnterpriseFormPanel

RELOAD_SIGNALS = ("featureAdded", "featuresDeleted", "attributeValueChanged",
                 "geometryChanged", "afterCommitChanges", "afterRollBack")


def enterprise_layers(project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """Every valid enterprise layer of the project, recognised by its schema."""
    project = project or QgsProject.instance()
    return [
        layer for layer in project.mapLayers().values()
        if isinstance(layer, QgsVectorLayer) and layer.isValid()
        and schema.layer_role(layer.fields().names(),
                              QgsWkbTypes.displayString(layer.wkbType())) == "enterprises"
    ]


class EnterpriseDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None) -> None:
        super().__init__(toolbelt.tr("Industri Rumahan"), parent)
        self.setObjectName("IndustriRumahanDock")
        self.iface = iface
        self.canvas = iface.mapCanvas() if iface is not None else None
        self.layer: QgsVectorLayer | None = None
        self.locator = RegionLocator({})
        self.form: EnterpriseFormPanel | None = None
        self.confirm = self._ask  # replaced in tests by a function returning True/False
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

        b = self.browse
        b.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        b.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        b.table.doubleClicked.connect(lambda _i: self.edit_selected())
        b.add_button.clicked.connect(self.add)
        b.edit_button.clicked.connect(self.edit_selected)
        b.delete_button.clicked.connect(self.delete_selected)
        b.undo_button.clicked.connect(self.undo)
        b.redo_button.clicked.connect(self.redo)
        b.commit_button.clicked.connect(self.commit)
        b.rules_button.clicked.connect(self.edit_rules)
        self.survey_button = field_survey.survey_button(b, lambda: self.layer)
        b.bottom_row.addWidget(self.survey_button)
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
        if layer is not None:
            if not is_configured(layer):
                configure_enterprise_layer(layer)
            # a committed stage change adds a riwayat_tahap row (shared with the project's
            # watcher: recorded once)
            history_recorder.attach(layer)
            self._connections = [(getattr(layer, n), self._reload_timer.start)
                                 for n in RELOAD_SIGNALS]
            self._connections.append((layer.selectionChanged, self._sync_from_layer))
            for signal, slot in self._connections:
                signal.connect(slot)
        self.locator = RegionLocator.from_project()
        self.browse.set_regions(self.locator.region_names("regencies"),
                                self.locator.region_names("districts"))
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
        self.browse.undo_button.setEnabled(bool(stack and stack.canUndo()))
        self.browse.redo_button.setEnabled(bool(stack and stack.canRedo()))
        pending = has and self.layer.isEditable() and self.layer.isModified()
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
            if len(fids) == 1:
                self.canvas.panToFeatureIds(self.layer, fids, False)
            else:
                self.canvas.zoomToFeatureIds(self.layer, fids)
            self.canvas.flashFeatureIds(self.layer, fids)

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

    def delete_selected(self) -> bool:
        fids = self.selected_fids()
        if self.layer is None or not fids:
            return False
        if not self.confirm(toolbelt.tr("Delete {n} enterprise(s)?").format(n=len(fids))):
            return False
        if not self.layer.isEditable() and not self.layer.startEditing():
            self.browse.status.setText(toolbelt.tr("The layer cannot be edited (read-only file "
                                                   "or data source). Nothing was written."))
            return False
        self.layer.beginEditCommand(toolbelt.tr("Delete enterprises"))
        if not self.layer.deleteFeatures(fids):
            self.layer.destroyEditCommand()
            return False
        self.layer.endEditCommand()
        return self._maybe_commit()

    def _maybe_commit(self) -> bool:
        ok = True
        if self.browse.auto_commit.isChecked():
            ok = self.commit()
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

    def undo(self) -> None:
        if self.layer is not None:
            self.layer.undoStack().undo()
            self.reload()

    def redo(self) -> None:
        if self.layer is not None:
            self.layer.undoStack().redo()
            self.reload()

    def edit_rules(self) -> None:
        from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

        StageRulesDialog(rule_store.load_rules(), self).exec()

    def _ask(self, text: str) -> bool:
        return QMessageBox.question(self, toolbelt.tr("Industri Rumahan"), text) == (
            QMessageBox.StandardButton.Yes)

    def show_in(self, main_window, area=Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        main_window.addDockWidget(area, self)
