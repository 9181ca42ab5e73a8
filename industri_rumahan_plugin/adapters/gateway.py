"""The one place that decides whether a layer may be read in bulk (GDAL file / SQL).

A bulk read (GDAL's Arrow stream, a threaded SQLite read, a PostGIS query) sees the table on
disk, not what the user sees in QGIS. It is exact only when the layer has no unsaved edits,
the input is not limited to selected features or a feature limit, carries no filter
expression of its own, and any subset string can be applied by the bulk path itself. Every
fast path asks ``decide`` once and otherwise goes through a QGIS feature request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt


@dataclass(frozen=True)
class BulkDecision:
    """Whether a bulk path may read the layer; where from; why not."""

    fast: bool
    reason: str = ""
    provider: str = ""
    path: str = ""  # file layers: the file
    layer_name: str = ""  # file layers: the table/layer inside the file
    subset: str = ""  # the subset string the bulk path must apply (only when allowed)

    def __bool__(self) -> bool:
        return self.fast


def has_pending_edits(layer: QgsVectorLayer) -> bool:
    """Unsaved additions, changes or deletions in the layer's edit buffer."""
    if layer.isModified():
        return True
    buffer = layer.editBuffer() if layer.isEditable() else None
    if buffer is None:
        return False
    return bool(buffer.addedFeatures() or buffer.deletedFeatureIds()
                or buffer.changedAttributeValues() or buffer.changedGeometries()
                or buffer.addedAttributes() or buffer.deletedAttributeIds())


def _definition_reason(value) -> str:
    if not isinstance(value, QgsProcessingFeatureSourceDefinition):
        return ""
    if value.selectedFeaturesOnly:
        return toolbelt.tr("a layer is limited to selected features")
    if value.featureLimit != -1:
        return toolbelt.tr("a layer has a feature limit")
    if getattr(value, "filterExpression", ""):  # QgsProcessingFeatureSourceDefinition ≥ 3.32
        return toolbelt.tr("a layer has its own filter expression")
    return ""


def decide(layer: QgsVectorLayer | None, value=None, *, subset_ok: bool = False,
           providers: tuple[str, ...] = ("ogr", "postgres"),
           storage: str = "") -> BulkDecision:
    """May a bulk path read ``layer`` (given as the Processing parameter ``value``)?

    ``subset_ok``: the caller applies ``decision.subset`` exactly itself (SQL paths); else a
    subset string means a QGIS read. A file (OGR) layer with a subset always reads in QGIS.
    ``storage``: require this OGR storage type ("GPKG").
    """
    def no(reason: str) -> BulkDecision:
        return BulkDecision(False, reason)

    if layer is None or not layer.isValid():
        return no(toolbelt.tr("the input is not a layer"))
    if has_pending_edits(layer):
        return no(toolbelt.tr("the layer has unsaved edits"))
    reason = _definition_reason(value)
    if reason:
        return no(reason)
    provider = layer.providerType()
    if provider not in providers:
        return no(toolbelt.tr("the layer is not a plain file or database table"))
    subset = layer.subsetString()
    if subset and not subset_ok:
        return no(toolbelt.tr("the layer has a subset filter"))
    if provider != "ogr":
        return BulkDecision(True, provider=provider, subset=subset)
    if storage and (layer.dataProvider() is None
                    or layer.dataProvider().storageType() != storage):
        return no(toolbelt.tr("the layer is not a plain file or database table"))
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or parts.get("subset") or (storage and not os.path.isfile(path)):
        return no(toolbelt.tr("the layer is not a plain file or database table"))
    return BulkDecision(True, provider=provider, path=path,
                        layer_name=parts.get("layerName") or "", subset=subset)


def check_inputs(alg, parameters: dict, context, category_parameters: tuple[str, ...] = ()
                 ) -> None:
    """Refuse wrong input before any read (see ``adapters.input_checks``): geometry types,
    multipart points, a geographic CRS with coordinates beyond ±180/±90, a damaged
    GeoPackage, filter expressions that do not parse, name missing fields or fail, and
    category fields outside the catalogue. Raises ``QgsProcessingException``."""
    from industri_rumahan_plugin.adapters import input_checks

    input_checks.check_parameters(alg, parameters, context, category_parameters)
