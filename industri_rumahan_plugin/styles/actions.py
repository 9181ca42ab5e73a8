"""Toolbar / menu actions: style the active enterprise layer, report in the message bar."""

from __future__ import annotations

from qgis.core import Qgis, QgsProject, QgsVectorLayer

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.styles import STYLE_TITLES
from industri_rumahan_plugin.styles.apply import StyleError, apply_style, show_feature_count

#: style -> (action object name, icon file in resources/icons)
ACTIONS: dict[str, tuple[str, str]] = {
    "stage": ("IndustriRumahanStyleStage", "style_stage.svg"),
    "sector": ("IndustriRumahanStyleSector", "style_sector.svg"),
    "stage_sector": ("IndustriRumahanStyleStageSector", "style_stage_sector.svg"),
}


def action_text(style: str) -> str:
    return toolbelt.tr("Style active layer: {title}").format(title=toolbelt.tr(STYLE_TITLES[style]))


def style_active_layer(iface, style: str) -> bool:
    """Apply ``style`` to the active layer; a warning (not an error) when it does not fit."""
    layer = iface.activeLayer()
    bar = iface.messageBar()
    if not isinstance(layer, QgsVectorLayer):
        bar.pushMessage("Industri Rumahan",
                        toolbelt.tr("Select an enterprise point layer in the Layers panel first."),
                        Qgis.MessageLevel.Warning, 6)
        return False
    try:
        apply_style(layer, style)
    except StyleError as error:
        bar.pushMessage("Industri Rumahan", str(error), Qgis.MessageLevel.Warning, 6)
        return False
    show_feature_count(layer, QgsProject.instance())
    iface.layerTreeView().refreshLayerSymbology(layer.id())
    bar.pushMessage("Industri Rumahan", toolbelt.tr("{layer}: {title}").format(
        layer=layer.name(), title=toolbelt.tr(STYLE_TITLES[style])), Qgis.MessageLevel.Success, 3)
    return True
