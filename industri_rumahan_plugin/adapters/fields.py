"""Schema fields (pure core) -> QGIS fields."""

from __future__ import annotations

from qgis.core import QgsField, QgsFields

from industri_rumahan_plugin.compat import new_field
from industri_rumahan_plugin.core.schema import Field


def qgs_field(spec: Field, lang: str = "id") -> QgsField:
    qfield = new_field(spec.name, spec.type, spec.length if spec.type == "string" else 0)
    qfield.setAlias(spec.alias(lang))
    return qfield


def qgs_fields(specs: tuple[Field, ...], lang: str = "id") -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(qgs_field(spec, lang))
    return fields
