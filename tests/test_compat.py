"""industri_rumahan_plugin.compat picks the spelling this QGIS wants, and QGIS takes it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsVectorLayer,
)

from industri_rumahan_plugin import compat
from industri_rumahan_plugin.compat import FieldType, LabelPlacement, NumberType, SourceType

REPO = Path(__file__).resolve().parent.parent
KINDS = ("string", "int", "int64", "double", "bool", "date", "datetime")


def test_every_table_entry_resolves_on_this_qgis_in_its_own_spelling():
    """A wrong version in the table shows here (on the matrix's QGIS), not as a failed start."""
    assert compat.MISSING == []


@pytest.mark.parametrize("kind", KINDS)
def test_fields_of_each_kind_survive_a_real_layer(kind, qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "t", "memory")
    assert layer.dataProvider().addAttributes([compat.new_field("f", kind)])
    layer.updateFields()
    field = layer.fields().field("f")
    assert compat.field_kind(field) == kind
    assert compat.field_kind(field.type()) == kind
    assert compat.is_numeric(field) == (kind in ("int", "int64", "double"))


def test_field_type_is_the_one_qgsfield_wants_here():
    """QMetaType.Type from QGIS 3.38 on (QVariant.Type is deprecated there, gone in PyQt6)."""
    wanted = "QMetaType.Type" if Qgis.versionInt() >= 33800 else "QVariant.Type"
    assert type(compat.field_type("double")).__qualname__ == wanted
    assert type(FieldType.STRING).__qualname__ == wanted
    assert compat.field_kind(FieldType.INT64) == "int64"
    assert compat.new_field("name", "string", 40).length() == 40


def test_label_placement_is_accepted_by_the_settings(qgis_app):
    """3.40 refuses QgsPalLayerSettings.OverPoint here ("a member of enum ... is expected")."""
    settings = QgsPalLayerSettings()
    settings.placement = LabelPlacement.OVER_POINT
    assert settings.placement == LabelPlacement.OVER_POINT
    settings.placement = LabelPlacement.AROUND_POINT
    assert settings.placement == LabelPlacement.AROUND_POINT
    assert LabelPlacement.OVER_POINT != LabelPlacement.AROUND_POINT


def test_processing_types_are_those_of_this_qgis():
    source = QgsProcessingParameterFeatureSource("IN", "in", [SourceType.POINT])
    assert source.dataTypes() == [SourceType.POINT]
    number = QgsProcessingParameterNumber("N", "n", NumberType.DOUBLE)
    assert number.dataType() == NumberType.DOUBLE
    if Qgis.versionInt() >= 33600:
        assert Qgis.ProcessingSourceType.VectorPoint == SourceType.POINT
    else:
        assert QgsProcessing.TypeVectorPoint == SourceType.POINT


def test_wkb_and_geometry_types_match_a_real_layer(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "t", "memory")
    assert layer.wkbType() == compat.WkbType.POINT
    assert layer.geometryType() == compat.GeometryType.POINT
    table = QgsVectorLayer("None", "t", "memory")
    assert table.wkbType() == compat.WkbType.NO_GEOMETRY
    assert table.geometryType() == compat.GeometryType.NULL


def test_moved_enums_are_only_spelled_in_compat():
    """``QgsProcessing.TypeVectorPoint`` & co. go through compat, not scattered tries."""
    assert len(compat.ROUTED) > 30
    offenders = []
    files = [*(REPO / "industri_rumahan_plugin").rglob("*.py"), *(REPO / "scripts").glob("*.py"),
             *(REPO / "tests").rglob("*.py")]
    for path in files:
        if path.name in ("compat.py", "test_compat.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                dotted = f"{node.value.id}.{node.attr}"
                if dotted in compat.ROUTED:
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno} {dotted}")
    assert not offenders, "use industri_rumahan_plugin.compat:\n" + "\n".join(offenders)
