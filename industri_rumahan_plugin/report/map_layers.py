"""The report's map layers and legend, in a private project (the user's project is untouched).

Enterprises are drawn with the plugin's stage × sector style (colour = stage, marker = sector
group) without clusters; the legend shows two compact keys (stages, sector groups) instead of
the full stage × sector tree, then the services and the boundaries. The region of an atlas page
is outlined, its neighbours greyed.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QFont

from industri_rumahan_plugin.compat import LabelPlacement
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.report.texts import text
from industri_rumahan_plugin.styles import enterprise_styles as es

ACCENT = "#5b2a86"
#: True on the atlas page's own region, and on every region when no atlas page is rendered.
CURRENT = "coalesce(@atlas_featureid, $id) = $id"


def enterprise_renderer(lang: str) -> QgsRuleBasedRenderer:
    renderer = es.stage_sector_renderer(lang=lang)
    for rule in renderer.rootRule().descendants():
        symbol = rule.symbol()
        if symbol is not None:
            symbol.setSize(1.9)
    return renderer


def region_renderer(lang: str) -> QgsRuleBasedRenderer:
    own_label, other_label = text("region_own", lang), text("region_other", lang)
    root = QgsRuleBasedRenderer.Rule(None)
    own = QgsFillSymbol.createSimple({"color": "255,255,255,255", "outline_color": ACCENT,
                                      "outline_width": "0.6"})
    other = QgsFillSymbol.createSimple({"color": "#eeeeee", "outline_color": "#9a9a9a",
                                        "outline_width": "0.25"})
    root.appendChild(QgsRuleBasedRenderer.Rule(own, 0, 0, CURRENT, own_label))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "", other_label, "", True))
    return QgsRuleBasedRenderer(root)


def region_labels() -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = "nama"
    settings.placement = LabelPlacement.OVER_POINT
    font = QFont("DejaVu Sans")
    font.setItalic(True)
    settings.setFormat(es.halo_text(font, 7, "#4a4a4a"))
    return QgsVectorLayerSimpleLabeling(settings)


def service_symbol() -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": "square", "color": "#ffffff",
                                         "outline_color": "#1a1a1a", "outline_width": "0.35",
                                         "size": "1.8"})


def _legend_layer(name: str, renderer) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=k:string", name, "memory")
    layer.setRenderer(renderer)
    return layer


def stage_key(lang: str) -> QgsVectorLayer:
    cats = [QgsRendererCategory(s.code, es.circle_symbol(s.color, 3.0), f"{s.level} "
                                f"{s.label(lang)}") for s in catalogue.STAGES]
    return _legend_layer(text("stage_legend", lang), QgsCategorizedSymbolRenderer("k", cats))


def sector_key(lang: str) -> QgsVectorLayer:
    cats = [QgsRendererCategory(group, es.svg_symbol(group, "#777777", 3.4), label)
            for group, label in es.group_labels(lang).items()]
    return _legend_layer(text("sector_legend", lang), QgsCategorizedSymbolRenderer("k", cats))


def build_project(regions: QgsVectorLayer, enterprises: QgsVectorLayer,
                  services: QgsVectorLayer | None, lang: str) -> tuple[QgsProject, list]:
    """A private project holding the map layers; returns it and the map's layer list."""
    project = QgsProject()
    regions.setName(text("regions", lang))
    regions.setRenderer(region_renderer(lang))
    regions.setLabeling(region_labels())
    regions.setLabelsEnabled(True)
    enterprises.setRenderer(enterprise_renderer(lang))
    enterprises.setLabelsEnabled(False)
    map_layers = [enterprises]
    project.addMapLayer(regions)  # the legend lists layers added later above earlier ones
    if services is not None:
        # a copy of what the user sees (unsaved edits, subset): the private project owns it
        service_layer = services.materialize(QgsFeatureRequest())
        service_layer.setName(text("services", lang))
        service_layer.setRenderer(QgsSingleSymbolRenderer(service_symbol()))
        project.addMapLayer(service_layer)
        map_layers.append(service_layer)
    map_layers.append(regions)
    project.addMapLayer(sector_key(lang))
    project.addMapLayer(stage_key(lang))
    project.addMapLayer(enterprises, False)  # drawn; the legend shows it through the keys
    return project, map_layers
