"""Name features by what officers know them by (business, service or region name), not by UUID.

QGIS names a feature by the layer's display expression (status bar identify, the attribute
table's form view list, the identify results, relation widgets). Without one it guesses a
field, and for the enterprise layer it guesses ``uid``. The plugin sets the expression when it
recognises one of its layers; an expression the user chose is kept.
"""

from __future__ import annotations

from qgis.core import QgsVectorLayer

#: Name fields in order of preference: the first one a layer has becomes its display field.
NAME_FIELDS = ("nama_usaha", "nama", "nama_wilayah")
#: Expressions QGIS guesses or leaves (identifiers): replaced; anything else is the user's.
GUESSED = {"", "uid", "fid", "kode", "id", "ogc_fid"}


def name_field(layer: QgsVectorLayer) -> str | None:
    """The layer's name field, if it has one of ``NAME_FIELDS``."""
    names = layer.fields().names()
    return next((f for f in NAME_FIELDS if f in names), None)


def set_display_expression(layer: QgsVectorLayer) -> bool:
    """Name the layer's features by their name field; False when kept as it was."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    field = name_field(layer)
    if field is None:
        return False
    current = layer.displayExpression().strip().strip('"')
    if current not in GUESSED:
        return False
    layer.setDisplayExpression(f'"{field}"')
    return True
