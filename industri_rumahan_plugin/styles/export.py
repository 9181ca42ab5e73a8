"""Every style as ``.qml`` text, for ``resources/styles`` (users load them by hand).

Enterprise styles need no data. Region styles are built for the sample indicator fields of the
demo GeoPackage (``samples``): data-driven classes (density, accessibility) hold the demo
breaks; users press *Classify* in the layer properties to recompute them for their data.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from xml.etree import ElementTree

from qgis.core import QgsPointClusterRenderer, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.styles import ENTERPRISE_STYLES, REGION_STYLES, apply, samples

STYLES_DIR = toolbelt.plugin_path("resources", "styles")
LANGS = ("id", "en")
#: region style -> the sample field its shipped .qml classifies
REGION_FIELDS = {
    "density": "per_km2",
    "location_quotient": f"lq_{samples.LQ_SECTOR}",
    "gap_share": "share_uncovered",
    "accessibility": "accessibility",
}


def enterprise_layer() -> QgsVectorLayer:
    """An empty point layer with the enterprise schema (the fields the styles refer to)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "usaha", "memory")
    layer.dataProvider().addAttributes(qgs_fields(schema.ENTERPRISE_FIELDS).toList())
    layer.updateFields()
    return layer


def qml_files(demo_gpkg: str | Path) -> dict[str, str]:
    """``{file name: qml text}`` for every style and language."""
    files: dict[str, str] = {}
    points = enterprise_layer()
    regions = samples.district_indicators(demo_gpkg)
    for lang in LANGS:
        for style in ENTERPRISE_STYLES:
            apply.apply_style(points, style, None, lang)
            files[f"{style}_{lang}.qml"] = apply.qml_text(points)
        for style in REGION_STYLES:
            apply.apply_style(regions, style, REGION_FIELDS[style], lang)
            files[f"{style}_{lang}.qml"] = apply.qml_text(regions)
    return files


def comparable(qml: str) -> str:
    """Canonical XML (sorted attributes, no QGIS version stamp), for up-to-date checks: Qt
    writes attributes in hash order, which changes from one run to the next, also inside the
    XML that QGIS stores in some attribute values (callout symbols)."""
    body = re.sub(r"<!DOCTYPE[^>]*>", "", qml, count=1)
    root = ElementTree.fromstring(body)
    root.attrib.pop("version", None)
    for element in root.iter():
        for key, value in list(element.attrib.items()):
            if value.startswith("<"):
                with contextlib.suppress(ElementTree.ParseError):
                    element.set(key, ElementTree.canonicalize(value, strip_text=True))
    return ElementTree.canonicalize(ElementTree.tostring(root, encoding="unicode"),
                                    strip_text=True)


def write_qml_files(demo_gpkg: str | Path, target: Path = STYLES_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in qml_files(demo_gpkg).items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def meaning(qml: str, style: str) -> list[str]:
    """What a ``.qml`` draws, as the running QGIS reads it: renderer type and classes (values,
    labels, symbols and colours), cluster disc, labels. Another QGIS writes other XML for the
    same style; this compares across versions where ``comparable`` cannot."""
    if style in ENTERPRISE_STYLES:
        layer = enterprise_layer()
    else:
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "wilayah", "memory")
    document = QDomDocument()
    document.setContent(qml)
    ok, message = layer.importNamedStyle(document)
    if not ok:
        raise ValueError(message)
    renderer = layer.renderer()
    parts = [renderer.type()]
    if isinstance(renderer, QgsPointClusterRenderer):
        parts += [renderer.clusterSymbol().dump(), f"{renderer.tolerance():g}"]
        renderer = renderer.embeddedRenderer()
    parts.append(renderer.dump())
    if layer.labelsEnabled() and layer.labeling() is not None:
        settings = layer.labeling().settings()
        parts += [settings.fieldName, str(settings.isExpression)]
    return parts
