"""The ``industrirumahan`` Processing provider: lists its algorithms explicitly."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.metadata import plugin_version

PROVIDER_ID = "industrirumahan"


def algorithm_classes() -> list[type]:
    """Every algorithm of the provider, in toolbox order (explicit: no discovery by name)."""
    from industri_rumahan_plugin.processing.accessibility import Accessibility
    from industri_rumahan_plugin.processing.apply_style import ApplyStyle
    from industri_rumahan_plugin.processing.create_database import CreateDatabase
    from industri_rumahan_plugin.processing.create_shared_database import (
        CreateSharedDatabase,
    )
    from industri_rumahan_plugin.processing.density_by_region import DensityByRegion
    from industri_rumahan_plugin.processing.export_catalogue import ExportCatalogue
    from industri_rumahan_plugin.processing.export_report import ExportReport
    from industri_rumahan_plugin.processing.export_spreadsheet import ExportSpreadsheet
    from industri_rumahan_plugin.processing.export_xlsform import ExportXlsform
    from industri_rumahan_plugin.processing.gender_disaggregated_tables import (
        GenderDisaggregatedTables,
    )
    from industri_rumahan_plugin.processing.generate_demo import GenerateDemo
    from industri_rumahan_plugin.processing.heatmap import Heatmap
    from industri_rumahan_plugin.processing.hotspots import Hotspots
    from industri_rumahan_plugin.processing.import_spreadsheet import ImportSpreadsheet
    from industri_rumahan_plugin.processing.merge_field_survey import MergeFieldSurvey
    from industri_rumahan_plugin.processing.nearest_neighbour_index import NearestNeighbourIndex
    from industri_rumahan_plugin.processing.nearest_service import NearestService
    from industri_rumahan_plugin.processing.prepare_field_survey import PrepareFieldSurvey
    from industri_rumahan_plugin.processing.publish_to_postgis import PublishToPostgis
    from industri_rumahan_plugin.processing.publish_web_map import PublishWebMap
    from industri_rumahan_plugin.processing.service_gap import ServiceGap
    from industri_rumahan_plugin.processing.stage_progression import StageProgression
    from industri_rumahan_plugin.processing.suggest_service_sites import SuggestServiceSites
    from industri_rumahan_plugin.processing.upgrade_database import UpgradeDatabase

    return [
        CreateDatabase,
        UpgradeDatabase,
        GenerateDemo,
        ImportSpreadsheet,
        ExportSpreadsheet,
        PrepareFieldSurvey,
        MergeFieldSurvey,
        ExportXlsform,
        CreateSharedDatabase,
        PublishToPostgis,
        DensityByRegion,
        StageProgression,
        Heatmap,
        Hotspots,
        NearestNeighbourIndex,
        NearestService,
        ServiceGap,
        Accessibility,
        SuggestServiceSites,
        ApplyStyle,
        ExportReport,
        ExportCatalogue,
        GenderDisaggregatedTables,
        PublishWebMap,
    ]


class IndustriRumahanProvider(QgsProcessingProvider):
    """The plugin's algorithms; installs the plugin's translator when loaded, so that
    ``qgis_process`` and batch runs (which never start the desktop plugin) speak the
    interface language too."""

    def __init__(self) -> None:
        super().__init__()
        self._translator = None

    def load(self) -> bool:
        if self._translator is None:
            self._translator = toolbelt.install_translator(self)
        return super().load()

    def unload(self) -> None:
        toolbelt.remove_translator(self._translator, self)
        self._translator = None
        super().unload()

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

    def style_outputs(self, context) -> int:
        """Attach the output-style post-processor to every output of a run to be loaded."""
        from industri_rumahan_plugin.styles.postprocess import attach_output_styles

        return attach_output_styles(context)
