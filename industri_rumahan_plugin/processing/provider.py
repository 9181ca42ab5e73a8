"""The ``industrirumahan`` Processing provider: lists its algorithms explicitly."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.metadata import plugin_version

PROVIDER_ID = "industrirumahan"


def algorithm_classes() -> list[type]:
    """Every algorithm of the provider, in toolbox order (explicit: no discovery by name)."""
    from industri_rumahan_plugin.processing.create_database import CreateDatabase
    from industri_rumahan_plugin.processing.generate_demo import GenerateDemo

    return [
        CreateDatabase,
        GenerateDemo,
    ]


class IndustriRumahanProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "Industri Rumahan"

    def longName(self) -> str:
        return f"Industri Rumahan {plugin_version()}"

    def versionInfo(self) -> str:
        return plugin_version()

    def icon(self) -> QIcon:
        return toolbelt.icon()

    def svgIconPath(self) -> str:
        return toolbelt.icon_path()

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
