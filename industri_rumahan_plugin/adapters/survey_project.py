"""The ``.qgz`` of a field-survey package: what QField needs to collect offline.

QField opens a QGIS project with its data beside it. What makes one ready (as QFieldSync
documents it): relative paths, every layer a file in the project folder, the layers to
digitise in the project's CRS, attribute forms as drag-and-drop designer tabs, an
*Attachment* widget with relative storage for photos (QField saves them under ``DCIM/``,
named by the layer's ``QFieldSync/attachment_naming`` expression) and default values that
QField evaluates itself (``uuid()``, ``now()``, aggregates over other layers by name).
The enterprise form is the plugin's own (``form_config.configure_enterprise_layer``: the
schema is the one source); boundaries and services are read-only references.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsMapLayerStyle,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import form_config
from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.core import field_survey

#: Puts one of the plugin's named styles ("stage", "sector") on a layer.
StyleFunction = Callable[[QgsVectorLayer, str], object]
PHOTO_FOLDER = "DCIM"
#: QField names a new photo with this expression (relative to the project folder).
PHOTO_NAMING = (f"'{PHOTO_FOLDER}/' || \"uid\" || '_' || "
                "format_date(now(), 'yyyyMMdd_hhmmss') || '.jpg'")
#: The attachment widget of the photo field: image viewer, path relative to the project.
ATTACHMENT_CONFIG = {
    "DocumentViewer": 1, "DocumentViewerHeight": 0, "DocumentViewerWidth": 0,
    "FileWidget": True, "FileWidgetButton": True, "FileWidgetFilter": "",
    "RelativeStorage": 1, "StorageMode": 0, "UseLink": False, "FullUrl": False,
}
#: Region codes of a new or moved point, from the package's village layer (by layer name,
#: as QField recommends): the code stays as it was when the point is outside every village.
REGION_CODE_SOURCES = {"kode_desa": "kode", "kode_kecamatan": "kec_kode",
                       "kode_kabupaten": "kab_kode"}


def region_code_default(field: str, village_layer: str) -> str:
    column = REGION_CODE_SOURCES[field]
    return (f"coalesce(aggregate(layer:='{village_layer}', aggregate:='max', "
            f"expression:=\"{column}\", filter:=intersects($geometry, geometry(@parent))), "
            f"\"{field}\")")


def configure_survey_layer(layer: QgsVectorLayer, village_layer: str | None,
                           lang: str, style: StyleFunction) -> None:
    """The plugin's form, then what the field needs: the photo attachment, region codes
    that follow the point, styles by stage (current) and by sector."""
    form_config.configure_enterprise_layer(layer, lang)
    fields = layer.fields()
    photo = fields.indexOf(field_survey.PHOTO_FIELD)
    if photo >= 0:
        if layer.editorWidgetSetup(photo).type() != "ExternalResource":
            # form_config has no attachment setup (yet): the package sets it itself
            layer.setEditorWidgetSetup(photo, QgsEditorWidgetSetup(
                "ExternalResource", dict(ATTACHMENT_CONFIG)))
        naming = json.dumps({field_survey.PHOTO_FIELD: PHOTO_NAMING})
        layer.setCustomProperty("QFieldSync/attachment_naming", naming)
        layer.setCustomProperty("QFieldSync/photo_naming", naming)  # QField < 2.7
    if village_layer:
        for name in REGION_CODE_SOURCES:
            idx = fields.indexOf(name)
            if idx >= 0:
                layer.setDefaultValueDefinition(
                    idx, QgsDefaultValue(region_code_default(name, village_layer), True))
    _mark_packaged(layer)
    style(layer, "sector")
    by_sector = QgsMapLayerStyle()
    by_sector.readFromLayer(layer)
    style(layer, "stage")
    manager = layer.styleManager()
    manager.renameStyle(manager.currentStyle(), toolbelt.tr("Stage"))
    manager.addStyle(toolbelt.tr("Sector"), by_sector)


def _mark_packaged(layer: QgsVectorLayer) -> None:
    """QFieldSync's layer actions: the data already lives in the project folder."""
    layer.setCustomProperty("QFieldSync/action", "no_action")
    layer.setCustomProperty("QFieldSync/cloud_action", "no_action")


def _reference_layer(layer: QgsVectorLayer, outline: str) -> None:
    """Boundaries as outlines, services as they come; read-only in the field."""
    if layer.geometryType() == GeometryType.POLYGON:  # polygon: an outline, the map stays readable
        symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": outline,
                                             "outline_width": "0.5"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setReadOnly(True)
    _mark_packaged(layer)


def write_project(folder: Path, gpkg: Path, layer_names: dict[str, str],
                  lang: str, style: StyleFunction) -> Path:
    """Write ``<gpkg stem>.qgz`` in ``folder``; ``layer_names`` is role -> table in
    ``gpkg`` (enterprises first on the map). Returns the project's path."""
    path = folder / (gpkg.stem + ".qgz")
    project = QgsProject()
    project.setFileName(str(path))
    project.writeEntryBool("Paths", "/Absolute", False)  # QField needs relative paths
    project.setTitle(toolbelt.tr("Field survey of home enterprises"))
    titles = {"enterprises": toolbelt.tr("Home enterprises"),
              "services": toolbelt.tr("Services"), "villages": "desa",
              "districts": "kecamatan", "regencies": "kabupaten"}
    village_layer = titles["villages"] if "villages" in layer_names else None
    layers = []
    for role in ("enterprises", "services", "villages", "districts", "regencies"):
        table = layer_names.get(role)
        if not table:
            continue
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", titles[role], "ogr")
        if not layer.isValid():
            raise OSError(toolbelt.tr("Cannot open layer {name} of {path}").format(
                name=table, path=gpkg))
        if role == "enterprises":
            configure_survey_layer(layer, village_layer, lang, style)
            project.setCrs(layer.crs())  # QField digitises in the project's CRS
        else:
            _reference_layer(layer, "#444444" if role == "districts" else "#999999")
        layers.append(layer)
    project.addMapLayers(layers)
    attachment_dirs = [PHOTO_FOLDER]
    project.writeEntry("qfieldsync", "/attachmentDirs", attachment_dirs)
    project.writeEntry("IndustriRumahan", "/survey_format", field_survey.PACKAGE_FORMAT)
    if not project.write(str(path)):
        raise OSError(toolbelt.tr("Cannot write the project {path}: {error}").format(
            path=path, error=project.error()))
    return path


def enterprise_layer_name() -> str:
    """The enterprise layer's name in a package project (for tests and docs)."""
    return toolbelt.tr("Home enterprises")

