"""The plugin class: owns the actions, the provider and (later) the dock; removes all of them."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QToolBar

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.processing.provider import PROVIDER_ID, IndustriRumahanProvider

MENU = "&Industri Rumahan"


class IndustriRumahanPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: IndustriRumahanProvider | None = None
        self.translator = None
        self.actions: list[QAction] = []
        self.toolbar: QToolBar | None = None

    # --- Processing -------------------------------------------------------------------
    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = IndustriRumahanProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI ----------------------------------------------------------------------------
    def initGui(self) -> None:
        self.translator = toolbelt.install_translator()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("Industri Rumahan")
        self.toolbar.setObjectName("IndustriRumahanToolbar")
        self.add_action(
            toolbelt.tr("Create enterprise database…"),
            lambda: self.open_algorithm("createdatabase"),
            object_name="IndustriRumahanCreateDatabase",
        )
        self.add_action(
            toolbelt.tr("Generate demo enterprises…"),
            lambda: self.open_algorithm("generatedemo"),
            object_name="IndustriRumahanGenerateDemo",
            toolbar=False,
        )

    def add_action(
        self,
        text: str,
        callback: Callable[[], object],
        *,
        object_name: str,
        icon_name: str = "icon.svg",
        toolbar: bool = True,
        checkable: bool = False,
    ) -> QAction:
        """Create an action in the plugin menu (and toolbar); ``unload`` removes it."""
        action = QAction(toolbelt.icon(icon_name), text, self.iface.mainWindow())
        action.setObjectName(object_name)
        action.setCheckable(checkable)
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def open_algorithm(self, name: str) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(f"{PROVIDER_ID}:{name}", {})

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.triggered.disconnect()
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        toolbelt.remove_translator(self.translator)
        self.translator = None
