"""Put a named style on a layer: checks the layer, picks the field, sets renderer and labels.

One entry point for the toolbar actions, ``industrirumahan:applystyle`` and the layer
post-processor, so they always agree.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FeatureRequest, GeometryType
from industri_rumahan_plugin.styles import ENTERPRISE_STYLES, STYLE_TITLES, STYLES
from industri_rumahan_plugin.styles import enterprise_styles as es
from industri_rumahan_plugin.styles import region_styles as rs

#: What a ``.qml`` of ours holds: symbology, labels and their scale limits.
QML_CATEGORIES = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling


def style_title(style: str) -> str:
    """The style's name in the interface language, in quotes (never its code: "Gaya stage")."""
    return f"\u201c{toolbelt.tr(STYLE_TITLES[style])}\u201d" if style in STYLE_TITLES else style


class StyleError(ValueError):
    """A style that cannot go on this layer; the message is for the user."""


def style_field(layer: QgsVectorLayer, style: str, field: str | None = None) -> str:
    """The field the style classifies (given, or the default / best match); checked."""
    names = layer.fields().names()
    if not field:
        if style == "stage" or style == "stage_sector":
            field = es.STAGE_FIELD
        elif style == "sector":
            field = es.SECTOR_FIELD
        else:
            field = rs.default_field(style, names)
    if not field or field not in names:
        raise StyleError(
            toolbelt.tr("Layer {layer} has no field {field} for the style {style}.").format(
                layer=layer.name(), field=field or "?", style=style_title(style)
            )
        )
    return field


def apply_style(layer: QgsVectorLayer, style: str, field: str | None = None,
                lang: str | None = None) -> str:
    """Style ``layer`` in place (renderer, and enterprise name labels); returns the field used."""
    if style not in STYLES:
        raise StyleError(toolbelt.tr("Unknown style: {style}").format(style=style))
    lang = lang or toolbelt.language()
    geometry = layer.geometryType() if layer.isValid() else GeometryType.NULL
    wanted = GeometryType.POINT if style in ENTERPRISE_STYLES else (
        GeometryType.POLYGON)
    if geometry != wanted:
        kind = toolbelt.tr("point") if style in ENTERPRISE_STYLES else toolbelt.tr("polygon")
        raise StyleError(
            toolbelt.tr("The style {style} needs a {kind} layer; {layer} is not one.").format(
                style=style_title(style), kind=kind, layer=layer.name()
            )
        )
    used = style_field(layer, style, field)
    if style in ENTERPRISE_STYLES:
        if style == "stage_sector" and es.SECTOR_FIELD not in layer.fields().names():
            raise StyleError(toolbelt.tr("Layer {layer} has no field {field}.").format(
                layer=layer.name(), field=es.SECTOR_FIELD))
        layer.setRenderer(es.enterprise_renderer(style, used, lang))
        if es.NAME_FIELD in layer.fields().names():
            layer.setLabeling(es.name_labeling())
            layer.setLabelsEnabled(True)
    else:
        values = _all_values(layer, used)
        if style in ("density", "accessibility") and not values:
            raise StyleError(toolbelt.tr("Field {field} of {layer} holds no numbers.").format(
                field=used, layer=layer.name()))
        layer.setRenderer(rs.region_renderer(style, used, values, lang))
    layer.triggerRepaint()
    layer.emitStyleChanged()
    return used


def _all_values(layer: QgsVectorLayer, field: str) -> list[float]:
    """Every value of the field (classes weigh each region, not each distinct value)."""
    index = layer.fields().indexOf(field)
    request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
    request.setSubsetOfAttributes([index])
    return rs.clean_values(f.attributes()[index] for f in layer.getFeatures(request))


def show_feature_count(layer: QgsMapLayer, project: QgsProject | None = None) -> bool:
    """Turn on legend feature counts for the layer's node; False when it is not in a tree."""
    project = project or QgsProject.instance()
    node = project.layerTreeRoot().findLayer(layer.id())
    if node is None:
        return False
    node.setCustomProperty("showFeatureCount", True)
    return True


def qml_text(layer: QgsVectorLayer) -> str:
    """The layer's style as ``.qml`` XML (symbology and labels)."""
    doc = QDomDocument("qgis")
    error = layer.exportNamedStyle(doc, QgsReadWriteContext(), QML_CATEGORIES)
    if error:
        raise StyleError(error)
    return doc.toString(2)
