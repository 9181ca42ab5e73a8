"""The plugin class: owns the actions, the provider and the dock, and removes all of them.

GUI modules are imported on first use, so loading the plugin (also in qgis_process) stays light
and works on a QGIS without numpy, pandas, scipy or shapely: what is missing is reported once
(``dependencies``), and the tools that need it say so instead of failing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QToolBar

from industri_rumahan_plugin import dependencies, toolbelt
from industri_rumahan_plugin.core import requirements
from industri_rumahan_plugin.processing.provider import PROVIDER_ID, IndustriRumahanProvider

MENU = "&Industri Rumahan"
#: Libraries the panel and the import dialog need (their modules import them at load).
GUI_REQUIRES = ("numpy", "pandas")


class IndustriRumahanPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: IndustriRumahanProvider | None = None
        self.translator = None
        self.actions: list[QAction] = []
        self.action_texts: list[tuple[QAction, Callable[[], str]]] = []
        self.action_language = None  # gui.action_language.ActionLanguage
        self.toolbar: QToolBar | None = None
        self.dock = None  # gui.dock.EnterpriseDock, created on first use (issue 3)
        self.dock_action: QAction | None = None
        self.history_watcher = None  # gui.history_watch.HistoryWatcher
        self.neighbour_watch = None  # styles.neighbours.NeighbourWatch (names beside discs)
        self.cluster_watch = None  # styles.cluster_classes.ClusterWatch (disc colours)
        self.removal_guard = None  # styles.removal_guard.RemovalGuard (QGIS's render race)

    # --- Processing -------------------------------------------------------------------
    def initProcessing(self) -> None:
        dependencies.report_missing()  # qgis_process: the log only; no-op after initGui's
        if self.provider is None:
            provider = IndustriRumahanProvider()
            # False when a provider with our id is already registered: it is not ours to remove.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # --- GUI ----------------------------------------------------------------------------
    def initGui(self) -> None:
        self.translator = toolbelt.install_translator(self)
        # QGIS's Options dialog may change the interface language while QGIS runs: the
        # translator follows, and Qt's LanguageChange retranslates the open panel
        from qgis.gui import QgsGui  # the desktop only (qgis_process loads this module too)

        QgsGui.instance().optionsChanged.connect(self.follow_language)
        dependencies.report_missing(self.iface)
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("Industri Rumahan")
        self.toolbar.setObjectName("IndustriRumahanToolbar")
        self.add_action(
            lambda: toolbelt.tr("Create enterprise database…"),
            lambda: self.open_algorithm("createdatabase"),
            object_name="IndustriRumahanCreateDatabase",
        )
        self.dock_action = self.add_action(
            lambda: toolbelt.tr("Home industries panel"),
            self.toggle_dock,
            object_name="IndustriRumahanDockToggle",
            checkable=True,
        )
        self.add_action(
            lambda: toolbelt.tr("Generate demo enterprises…"),
            lambda: self.open_algorithm("generatedemo"),
            object_name="IndustriRumahanGenerateDemo",
            toolbar=False,
        )
        self.add_action(
            lambda: toolbelt.tr("Import enterprises from a spreadsheet…"),
            self.show_import_dialog,
            object_name="IndustriRumahanImportSpreadsheet",
            toolbar=False,
        )
        self.add_action(
            lambda: toolbelt.tr("Export enterprises to a spreadsheet…"),
            lambda: self.open_algorithm("exportspreadsheet"),
            object_name="IndustriRumahanExportSpreadsheet",
            toolbar=False,
        )
        self.add_action(
            lambda: toolbelt.tr("Region report (PDF)…"),
            self.show_report_dialog,
            object_name="IndustriRumahanReport",
        )
        self.add_publish_actions()
        self.add_field_survey_actions()
        self.add_action(
            lambda: toolbelt.tr("Export product catalogue (PDF)…"),
            lambda: self.open_algorithm("exportcatalogue"),
            object_name="IndustriRumahanCatalogue",
            toolbar=False,
        )
        self.add_style_actions()
        self.watch_history()
        from industri_rumahan_plugin.gui.action_language import ActionLanguage

        self.action_language = ActionLanguage(self.iface.mainWindow(), self.retranslate_actions)

    def retranslate_actions(self) -> None:
        """Say the menu and toolbar texts again in the interface language of the moment."""
        from industri_rumahan_plugin.gui import field_survey

        for action, text_of in self.action_texts:
            action.setText(text_of())
        for action in self.actions:
            name = field_survey.entry_name(action.objectName())
            if name:
                field_survey.update_action(action, name)

    def add_action(
        self,
        text_of: Callable[[], str],
        callback: Callable[[], object],
        *,
        object_name: str,
        icon_name: str = "icon.svg",
        toolbar: bool = True,
        checkable: bool = False,
    ) -> QAction:
        """Create an action in the plugin menu (and toolbar); ``unload`` removes it. Its text
        is ``text_of()``, said again when the interface language changes."""
        action = QAction(toolbelt.icon(icon_name), text_of(), self.iface.mainWindow())
        self.action_texts.append((action, text_of))
        action.setObjectName(object_name)
        action.setCheckable(checkable)
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def add_publish_actions(self) -> None:
        """Publishing for the public (issue 16): the web map's Processing dialog."""
        self.add_action(
            lambda: toolbelt.tr("Publish web map and catalogue…"),
            lambda: self.open_algorithm("publishwebmap"),
            object_name="IndustriRumahanPublishWebMap",
            toolbar=False,
        )

    def add_field_survey_actions(self) -> None:
        """Prepare / merge a QField package, export the XLSForm (issue 15): each opens its
        Processing dialog on the panel's (else the project's) enterprise layer; disabled with
        a tooltip when its algorithm is not registered."""
        from industri_rumahan_plugin.gui import field_survey

        for name, object_name in field_survey.ENTRIES:
            action = self.add_action(
                lambda n=name: field_survey.entry_text(n),
                lambda _checked=False, n=name: field_survey.open_dialog(n, self.dock_layer()),
                object_name=object_name,
                toolbar=False,
            )
            field_survey.update_action(action, name)

    def dock_layer(self):
        """The enterprise layer the panel shows, if it is open."""
        return self.dock.layer if self.dock is not None else None

    def add_style_actions(self) -> None:
        """Style the active enterprise layer by stage, sector or stage × sector (issue 4)."""
        from industri_rumahan_plugin.styles.actions import ACTIONS, action_text, style_active_layer

        for style, (object_name, icon_name) in ACTIONS.items():
            self.add_action(
                lambda s=style: action_text(s),
                lambda _checked=False, s=style: style_active_layer(self.iface, s),
                object_name=object_name,
                icon_name=icon_name,
            )

    def toggle_dock(self, checked: bool = True) -> None:
        """Show or hide the enterprise panel (created, docked right, on first use)."""
        if self.dock is None and not self.libraries_present(GUI_REQUIRES):
            if self.dock_action is not None:
                self.dock_action.setChecked(False)
            return
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from industri_rumahan_plugin.gui.dock import EnterpriseDock

            self.dock = EnterpriseDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.first_use_size(self.iface.mainWindow())
            self.dock.setToggleVisibilityAction(self.dock_action)
        self.dock.setUserVisible(bool(checked))

    def watch_history(self) -> None:
        """Record committed stage changes of every enterprise layer (QGIS's own forms too)."""
        from industri_rumahan_plugin.gui.history_watch import HistoryWatcher

        self.history_watcher = HistoryWatcher()
        from industri_rumahan_plugin.styles.neighbours import NeighbourWatch

        self.neighbour_watch = NeighbourWatch()
        from industri_rumahan_plugin.styles.cluster_classes import ClusterWatch

        self.cluster_watch = ClusterWatch(self.iface.mapCanvas())
        from industri_rumahan_plugin.styles.removal_guard import RemovalGuard

        self.removal_guard = RemovalGuard()

    def libraries_present(self, names: tuple[str, ...]) -> bool:
        """True when ``names`` can be imported; else say in the message bar what to install."""
        lacking = requirements.missing(names)
        if lacking:
            dependencies.push_to_bar(self.iface, dependencies.algorithm_summary(lacking),
                                     lacking)
        return not lacking

    def show_import_dialog(self) -> None:
        if not self.libraries_present(GUI_REQUIRES):
            return
        from industri_rumahan_plugin.gui.import_dialog import show_import_dialog

        show_import_dialog(self.iface.mainWindow())

    def show_report_dialog(self) -> None:
        from industri_rumahan_plugin.processing.export_report import ExportReport

        if not self.libraries_present(ExportReport.REQUIRES):
            return
        from industri_rumahan_plugin.gui.report_dialog import show_report_dialog

        show_report_dialog(self.iface.mainWindow())

    def open_algorithm(self, name: str) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(f"{PROVIDER_ID}:{name}", {})

    def follow_language(self) -> None:
        """Install or remove the plugin's translator to match the interface language now."""
        toolbelt.sync_translator(self)

    def unload(self) -> None:
        if self.toolbar is not None:  # initGui ran: the desktop
            from qgis.gui import QgsGui

            with contextlib.suppress(TypeError, RuntimeError):
                QgsGui.instance().optionsChanged.disconnect(self.follow_language)
        if self.action_language is not None:
            self.action_language.stop()
            self.action_language = None
        if self.history_watcher is not None:
            self.history_watcher.stop()
            self.history_watcher = None
        if any(w is not None for w in (self.neighbour_watch, self.cluster_watch,
                                        self.removal_guard)):
            # a render may still call the functions: let the canvas finish before they go
            self.iface.mapCanvas().stopRendering()
        if self.neighbour_watch is not None:
            self.neighbour_watch.stop()
            self.neighbour_watch = None
        if self.cluster_watch is not None:
            self.cluster_watch.stop()
            self.cluster_watch = None
        if self.removal_guard is not None:
            self.removal_guard.stop()
            self.removal_guard = None
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.triggered.disconnect()
            action.deleteLater()
        self.actions.clear()
        self.action_texts.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        toolbelt.remove_translator(self.translator, self)
        self.translator = None
