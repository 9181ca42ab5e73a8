"""Schema fields (pure core) -> QGIS fields."""

from __future__ import annotations

from qgis.core import QgsField, QgsFields
from qgis.PyQt.QtCore import QVariant

from industri_rumahan_plugin.core.schema import Field

QVARIANT_TYPES = {
    "string": QVariant.String,
    "int": QVariant.Int,
    "int64": QVariant.LongLong,
    "double": QVariant.Double,
    "bool": QVariant.Bool,
    "datetime": QVariant.DateTime,
}


def qgs_field(spec: Field, lang: str = "id") -> QgsField:
    qfield = QgsField(spec.name, QVARIANT_TYPES[spec.type])
    if spec.type == "string" and spec.length:
        qfield.setLength(spec.length)
    qfield.setAlias(spec.alias(lang))
    return qfield


def qgs_fields(specs: tuple[Field, ...], lang: str = "id") -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(qgs_field(spec, lang))
    return fields
