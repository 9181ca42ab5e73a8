"""Enterprise (point) renderers built from ``core.catalogue``: stage, sector, stage × sector.

Colours come from the catalogue entries, marker shapes from the sector's ``group`` (one SVG per
group in ``resources/markers``), labels from the entries in the legend language. Adding a sector
or changing a colour in the catalogue changes every style and shipped ``.qml``. The SVG is
embedded (``base64:``) so a saved project or ``.qml`` works wherever the plugin is installed.
"""

from __future__ import annotations

import base64

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRenderer,
    QgsFontMarkerSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointClusterRenderer,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import LabelPlacement, Symbology, Unit
from industri_rumahan_plugin.core import catalogue, label_room
from industri_rumahan_plugin.styles import cluster_classes, label_places, neighbours

STAGE_FIELD = "tahap"
SECTOR_FIELD = "sektor"
NAME_FIELD = "nama_usaha"
OUTLINE = "#232323"
STAGE_SIZE_MM = 3.4
SECTOR_SIZE_MM = 4.6
CLUSTER_TOLERANCE_MM = 7.0
CLUSTER_COLOR = "#3d3d3d"
#: Labels only when zoomed in beyond 1:LABEL_MAX_SCALE (village scale).
LABEL_MAX_SCALE = 25_000.0
OTHER_COLOR = "#d9d9d9"
#: Label of the category for empty or unknown codes (shown in the legend).
OTHER_LABELS = {"id": "Tidak diisi / lainnya", "en": "Not filled in / other"}


def marker_path(group: str) -> str:
    """File of the SVG marker of a sector group (``lainnya.svg`` when the group has none)."""
    path = toolbelt.plugin_path("resources", "markers", f"{group}.svg")
    if not path.exists():
        path = toolbelt.plugin_path("resources", "markers", "lainnya.svg")
    return str(path)


def embedded_marker(group: str) -> str:
    """The group's SVG as a ``base64:`` path (portable in projects and ``.qml`` files)."""
    with open(marker_path(group), "rb") as handle:
        return "base64:" + base64.b64encode(handle.read()).decode("ascii")


def sector_groups() -> list[str]:
    """Sector groups in catalogue order, each once."""
    return list(dict.fromkeys(s.group for s in catalogue.SECTORS))


def _symbol(*layers: QgsSymbolLayer) -> QgsMarkerSymbol:
    """A marker symbol made of ``layers`` (bottom first); the symbol owns them."""
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, layers[0])
    for layer in layers[1:]:
        symbol.appendSymbolLayer(layer)
    return symbol


def circle_symbol(color: str, size: float = STAGE_SIZE_MM) -> QgsMarkerSymbol:
    layer = QgsSimpleMarkerSymbolLayer(Symbology.CIRCLE, size)
    layer.setColor(QColor(color))
    layer.setStrokeColor(QColor(OUTLINE))
    layer.setStrokeWidth(0.3)
    return _symbol(layer)


def svg_symbol(group: str, color: str, size: float = SECTOR_SIZE_MM) -> QgsMarkerSymbol:
    layer = QgsSvgMarkerSymbolLayer(embedded_marker(group), size)
    layer.setFillColor(QColor(color))
    layer.setStrokeColor(QColor(OUTLINE))
    layer.setStrokeWidth(0.25)
    return _symbol(layer)


def _known_codes_expression(field: str, entries: tuple[catalogue.Entry, ...]) -> str:
    """The field's value when it is a catalogue code, else '' (one 'other' category)."""
    codes = ", ".join(f"'{e.code}'" for e in entries)
    return f"if(\"{field}\" IN ({codes}), \"{field}\", '')"


def stage_renderer(field: str = STAGE_FIELD, lang: str = "id") -> QgsCategorizedSymbolRenderer:
    """Three ordered, colour-blind-safe colours (catalogue order), plus 'not filled in'."""
    categories = [
        QgsRendererCategory(s.code, circle_symbol(s.color), f"{s.level} {s.label(lang)}")
        for s in catalogue.STAGES
    ]
    categories.append(QgsRendererCategory("", circle_symbol(OTHER_COLOR), OTHER_LABELS[lang]))
    return QgsCategorizedSymbolRenderer(_known_codes_expression(field, catalogue.STAGES),
                                        categories)


def sector_renderer(field: str = SECTOR_FIELD, lang: str = "id") -> QgsCategorizedSymbolRenderer:
    """A qualitative colour per sector and an SVG marker per sector group."""
    categories = [
        QgsRendererCategory(s.code, svg_symbol(s.group, s.color), s.label(lang))
        for s in catalogue.SECTORS
    ]
    categories.append(
        QgsRendererCategory("", svg_symbol("lainnya", OTHER_COLOR), OTHER_LABELS[lang])
    )
    return QgsCategorizedSymbolRenderer(_known_codes_expression(field, catalogue.SECTORS),
                                        categories)


#: Short legend names of the sector groups (a new group falls back to its sectors' labels).
GROUP_LABELS = {
    "pangan": {"id": "Pangan (makanan, minuman)", "en": "Food & beverages"},
    "tekstil": {"id": "Tekstil & pakaian", "en": "Textiles & clothing"},
    "anyaman": {"id": "Anyaman", "en": "Woven crafts"},
    "logam": {"id": "Pewter & logam", "en": "Pewter & metal"},
    "perhiasan": {"id": "Perhiasan & aksesoris", "en": "Jewellery & accessories"},
    "kayu": {"id": "Kerajinan kayu", "en": "Woodcraft"},
}
FALLBACK_GROUP = "lainnya"
SECTOR_OTHER_LABELS = {"id": "Sektor lain / tidak diisi", "en": "Other sector / not filled in"}
STAGE_OTHER_LABELS = {"id": "Tahap tidak diisi / lainnya", "en": "Stage not filled in / other"}


def group_labels(lang: str = "id") -> dict[str, str]:
    """Legend label of each sector group with its own marker (the fallback group excluded)."""
    labels: dict[str, list[str]] = {}
    for s in catalogue.SECTORS:
        if s.group != FALLBACK_GROUP:
            labels.setdefault(s.group, []).append(s.label(lang))
    return {group: GROUP_LABELS.get(group, {}).get(lang) or ", ".join(names)
            for group, names in labels.items()}


def _rule(symbol: QgsMarkerSymbol | None, expression: str, label: str, key: str,
          else_rule: bool = False) -> QgsRuleBasedRenderer.Rule:
    """A rule with a stable key (legend key), so saved styles do not change on every export."""
    rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label, "", else_rule)
    rule.setRuleKey(key)
    return rule


def stage_sector_renderer(
    stage_field: str = STAGE_FIELD, sector_field: str = SECTOR_FIELD, lang: str = "id"
) -> QgsRuleBasedRenderer:
    """Colour by stage, marker by sector group: one legend branch per stage.

    Sectors of the fallback group, empty or unknown sectors get the fallback marker; an empty
    or unknown stage one grey entry.
    """
    root = _rule(None, "", "", "root")
    groups = group_labels(lang)
    for stage in catalogue.STAGES:
        branch = _rule(None, f"\"{stage_field}\" = '{stage.code}'",
                       f"{stage.level} {stage.label(lang)}", stage.code)
        for group, label in groups.items():
            codes = ", ".join(f"'{s.code}'" for s in catalogue.SECTORS if s.group == group)
            branch.appendChild(_rule(svg_symbol(group, stage.color),
                                     f"\"{sector_field}\" IN ({codes})", label,
                                     f"{stage.code}.{group}"))
        branch.appendChild(_rule(svg_symbol(FALLBACK_GROUP, stage.color), "",
                                 SECTOR_OTHER_LABELS[lang], f"{stage.code}.{FALLBACK_GROUP}",
                                 else_rule=True))
        root.appendChild(branch)
    root.appendChild(_rule(circle_symbol(OTHER_COLOR), "", STAGE_OTHER_LABELS[lang], "other",
                           else_rule=True))
    return QgsRuleBasedRenderer(root)


def cluster_colour_expression(field: str, entries: tuple[catalogue.Entry, ...]) -> str:
    """The colour of a cluster disc: the class most of its members share (computed outside
    the render by ``styles.cluster_classes``), grey for unknown codes."""
    return cluster_classes.colour_expression(field, entries, CLUSTER_COLOR)


def cluster_symbol(colour_expression: str | None = None) -> QgsMarkerSymbol:
    """A disc growing with the count, the count written in white with a dark outline; the
    disc takes the colour of ``colour_expression`` (its members' class), else dark grey."""
    disc = QgsSimpleMarkerSymbolLayer(Symbology.CIRCLE, 5.0)
    disc.setColor(QColor(CLUSTER_COLOR))
    if colour_expression:
        disc.setDataDefinedProperty(Symbology.PROPERTY_FILL_COLOR,
                                    QgsProperty.fromExpression(colour_expression))
    disc.setStrokeColor(QColor("#ffffff"))
    disc.setStrokeWidth(label_room.DISC_OUTLINE_MM)
    disc.setDataDefinedProperty(
        Symbology.PROPERTY_SIZE,
        QgsProperty.fromExpression(f"min({label_room.DISC_MAX_MM}, {label_room.DISC_MIN_MM} + "
                                   f"{label_room.DISC_GROWTH_MM} * ln(@cluster_size))"),
    )
    count = QgsFontMarkerSymbolLayer("Sans Serif", "", 2.6)
    count.setColor(QColor("#ffffff"))
    count.setStrokeColor(QColor(OUTLINE))
    count.setStrokeWidth(0.25)
    count.setFontStyle("Bold")
    count.setDataDefinedProperty(
        Symbology.PROPERTY_CHARACTER, QgsProperty.fromExpression("@cluster_size")
    )
    return _symbol(disc, count)


def with_clusters(renderer: QgsFeatureRenderer,
                  colour_expression: str | None = None) -> QgsPointClusterRenderer:
    """Aggregate nearby points at small scales; they split apart when zoomed in."""
    clusters = QgsPointClusterRenderer()
    clusters.setEmbeddedRenderer(renderer)
    clusters.setTolerance(CLUSTER_TOLERANCE_MM)
    clusters.setToleranceUnit(Unit.RENDER_MM)
    clusters.setClusterSymbol(cluster_symbol(colour_expression))
    return clusters


def name_labeling(field: str = NAME_FIELD) -> QgsVectorLayerSimpleLabeling:
    """Enterprise names, only at village scale (larger than 1:25,000), with a halo, and only
    for enterprises not drawn inside a cluster (labels never cover a cluster's disc)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = False
    settings.scaleVisibility = True
    settings.minimumScale = LABEL_MAX_SCALE  # most zoomed-out scale showing labels
    settings.maximumScale = 0.0
    settings.placement = LabelPlacement.AROUND_POINT
    settings.dist = 1.0
    settings.setFormat(halo_text(QFont("Sans Serif"), 8, "#1a1a1a"))
    # a clustered enterprise is drawn as its cluster's disc: no name beside the disc (the
    # distances come from styles/neighbours.py, computed outside the render)
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(
            label_places.show_expression(neighbours.show_expression(CLUSTER_TOLERANCE_MM))))
    # and only on a side clear of the cluster discs (styles/label_places.py, canvas view)
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Property.PredefinedPositionOrder,
        QgsProperty.fromExpression(label_places.order_expression()))
    settings.priority = 3  # below other layers' labels (default 5): names give way
    settings.obstacleSettings().setIsObstacle(True)  # no other label over an enterprise
    settings.obstacleSettings().setFactor(2.0)
    return QgsVectorLayerSimpleLabeling(settings)


def halo_text(font: QFont, size: float, colour: str) -> QgsTextFormat:
    """Label text with a white halo, readable over points and fills (map and report)."""
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    return text


def enterprise_renderer(
    style: str, field: str | None = None, lang: str = "id", clusters: bool = True
) -> QgsFeatureRenderer:
    """The renderer of an enterprise style; ``field`` overrides the stage or sector field."""
    if style == "stage":
        inner: QgsFeatureRenderer = stage_renderer(field or STAGE_FIELD, lang)
    elif style == "sector":
        inner = sector_renderer(field or SECTOR_FIELD, lang)
    elif style == "stage_sector":
        inner = stage_sector_renderer(field or STAGE_FIELD, SECTOR_FIELD, lang)
    else:
        raise ValueError(style)
    if not clusters:
        return inner
    if style == "sector":
        colour = cluster_colour_expression(field or SECTOR_FIELD, catalogue.SECTORS)
    else:
        colour = cluster_colour_expression(field or STAGE_FIELD, catalogue.STAGES)
    return with_clusters(inner, colour)
