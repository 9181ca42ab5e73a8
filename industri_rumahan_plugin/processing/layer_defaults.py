"""Defaults of the layer parameters from the recognised layers of the current project.

QGIS fills an empty layer parameter with whatever layer comes first, so the dialogs offered an
old analysis output as regions and the enterprise layer as services. Each algorithm instance
the dialog creates gets, at ``initAlgorithm`` time, the project's enterprise layer as
enterprises, a boundary layer of the schema (never an analysis output) as regions and the
services layer as services (``IndustriRumahanAlgorithm.addParameter``). Runs outside the
desktop (qgis_process, a project without such layers) see no default, as before.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from industri_rumahan_plugin.compat import ProcessingFlag, SourceType
from industri_rumahan_plugin.core import schema

#: Parameter name -> role of the layer it defaults to.
ROLES = {"INPUT": "enterprises", "REGIONS": "regions", "SERVICES": "services"}
#: Boundary roles in order of preference for "regions".
REGION_ROLES = ("regencies", "districts", "villages")


def _tree_order(project: QgsProject) -> list[QgsVectorLayer]:
    ids = [node.layerId() for node in project.layerTreeRoot().findLayers()]
    rest = [i for i in project.mapLayers() if i not in ids]
    layers = (project.mapLayer(i) for i in ids + rest)
    return [x for x in layers if isinstance(x, QgsVectorLayer) and x.isValid()]


def _rank(layer: QgsVectorLayer) -> tuple:
    """Stored layers before scratch outputs, then the fuller one (the whole enterprise table
    rather than an output listing some enterprises)."""
    return (layer.providerType() != "memory", layer.featureCount())


def recognised_layers(project: QgsProject | None = None) -> dict[str, QgsVectorLayer]:
    """"enterprises", "services", "regions" -> the project's layer for that role."""
    project = project or QgsProject.instance()
    by_role: dict[str, list[QgsVectorLayer]] = {}
    for layer in _tree_order(project):
        role = schema.layer_role(layer.fields().names(),
                                 QgsWkbTypes.displayString(layer.wkbType()))
        if role:
            by_role.setdefault(role, []).append(layer)
    found = {}
    for role in ("enterprises", "services"):
        if by_role.get(role):
            found[role] = max(by_role[role], key=_rank)  # max keeps the first of equals
    regions = next((by_role[r] for r in REGION_ROLES if by_role.get(r)), [])
    if regions:
        found["regions"] = max(regions, key=_rank)
    return found


def _in_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def apply_default(param: QgsProcessingParameterDefinition,
                  project: QgsProject | None = None) -> bool:
    """Give a required enterprise/regions/services layer parameter the recognised layer."""
    role = ROLES.get(param.name())
    if role is None or param.defaultValue() is not None or not _in_main_thread():
        return False
    if not isinstance(param, (QgsProcessingParameterFeatureSource,
                              QgsProcessingParameterVectorLayer)):
        return False
    if param.flags() & ProcessingFlag.OPTIONAL:
        return False
    types = list(param.dataTypes())
    if role == "regions" and types != [SourceType.POLYGON]:
        return False
    if role != "regions" and types != [SourceType.POINT]:
        return False
    layer = recognised_layers(project).get(role)
    if layer is None:
        return False
    param.setDefaultValue(layer.id())
    return True
