"""One place for what differs between the QGIS versions we support (3.22 to 3.44, and 4 on Qt6).

Field types: QGIS 3.38 moved ``QgsField`` from ``QVariant.Type`` to ``QMetaType.Type``, and
PyQt6 (QGIS 4) has no ``QVariant.Int`` at all. QGIS enums: many moved from their classes into
the ``Qgis`` namespace (``QgsProcessing.TypeVectorPoint`` -> ``Qgis.ProcessingSourceType``); the
old names are aliases there, but some setters (label placement on 3.40) refuse them. Every such
member is picked here once, by ``Qgis.versionInt()``, so the rest of the code has no ``try``.
"""

from __future__ import annotations

import importlib
from typing import Any

from qgis.core import Qgis, QgsField
from qgis.PyQt.QtCore import QMetaType, QVariant

QGIS_VERSION = Qgis.versionInt()
METATYPE_FIELDS = QGIS_VERSION >= 33800  # QgsField(name, QMetaType.Type) since 3.38

# Kind -> (QMetaType.Type member, QVariant.Type member); same numbers in both enums.
_FIELD_TYPES = {
    "string": ("QString", "String"),
    "int": ("Int", "Int"),
    "int64": ("LongLong", "LongLong"),
    "uint": ("UInt", "UInt"),
    "uint64": ("ULongLong", "ULongLong"),
    "double": ("Double", "Double"),
    "bool": ("Bool", "Bool"),
    "date": ("QDate", "Date"),
    "datetime": ("QDateTime", "DateTime"),
}
NUMERIC_KINDS = frozenset({"int", "int64", "uint", "uint64", "double"})
INTEGER_KINDS = frozenset({"int", "int64", "uint", "uint64"})

#: What ``field_type`` and ``QgsField.type()`` give on this QGIS (QMetaType.Type or QVariant.Type).
FieldTypeValue = Any


def field_type(kind: str) -> FieldTypeValue:
    """The type ``QgsField(name, type)`` wants on this QGIS for a kind such as "double"."""
    metatype, variant = _FIELD_TYPES[kind]
    if METATYPE_FIELDS:
        return getattr(QMetaType.Type, metatype)
    return getattr(QVariant, variant)


class FieldType:
    """Field types as constants, for tables of (name, type): ``FieldType.DOUBLE``."""

    STRING = field_type("string")
    INT = field_type("int")
    INT64 = field_type("int64")
    DOUBLE = field_type("double")
    BOOL = field_type("bool")
    DATETIME = field_type("datetime")


def new_field(name: str, kind: str, length: int = 0) -> QgsField:
    """A ``QgsField`` of a kind ("string", "int", "int64", "double", "bool", "datetime"...)."""
    field = QgsField(name, field_type(kind))
    if length:
        field.setLength(length)
    return field


def _number(value: Any) -> int:
    """QVariant.Type, QMetaType.Type (PyQt5 ints, PyQt6 enums) -> the shared Qt type number."""
    return int(getattr(value, "value", value))


_KIND_BY_NUMBER = {_number(field_type(kind)): kind for kind in _FIELD_TYPES}


def field_kind(field_or_type: QgsField | FieldTypeValue) -> str:
    """The kind of a field or field type ("string", "double"...; "other" for the rest)."""
    value = field_or_type.type() if isinstance(field_or_type, QgsField) else field_or_type
    return _KIND_BY_NUMBER.get(_number(value), "other")


def is_numeric(field_or_type: QgsField | FieldTypeValue) -> bool:
    """Whether SQL and statistics can treat the field as a number."""
    return field_kind(field_or_type) in NUMERIC_KINDS


# --- QGIS enums that moved into ``Qgis`` between 3.22 and 3.44 --------------------------------

#: Scoped members that a QGIS at or past their version lacked (a wrong table entry); a test
#: asserts it stays empty. Users still get the other spelling instead of a failed start.
MISSING: list[str] = []
#: Legacy spelling -> scoped spelling of every member picked here (a test keeps the legacy
#: spellings out of the rest of the code).
ROUTED: dict[str, str] = {}


def _resolve(dotted: str) -> Any:
    module_name = "qgis.core"
    if dotted.startswith(("gui:", "analysis:")):
        module, dotted = dotted.split(":", 1)
        module_name = f"qgis.{module}"
    obj: Any = importlib.import_module(module_name)
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def qgis_enum(scoped: str, legacy: str, since: int) -> Any:
    """``scoped`` (e.g. "Qgis.LabelPlacement.OverPoint") from QGIS ``since`` on, else ``legacy``.

    Names are resolved in qgis.core ("gui:" or "analysis:" prefix for the other modules).
    """
    ROUTED[legacy] = scoped
    first, second = (scoped, legacy) if since <= QGIS_VERSION else (legacy, scoped)
    try:
        return _resolve(first)
    except AttributeError:
        MISSING.append(first)
        return _resolve(second)


class LabelPlacement:
    """``QgsPalLayerSettings.placement`` (Qgis.LabelPlacement since 3.26)."""

    OVER_POINT = qgis_enum("Qgis.LabelPlacement.OverPoint", "QgsPalLayerSettings.OverPoint",
                           32600)
    AROUND_POINT = qgis_enum("Qgis.LabelPlacement.OrderedPositionsAroundPoint",
                             "QgsPalLayerSettings.OrderedPositionsAroundPoint", 32600)


class SourceType:
    """Processing layer types (Qgis.ProcessingSourceType since 3.36)."""

    VECTOR = qgis_enum("Qgis.ProcessingSourceType.Vector", "QgsProcessing.TypeVector", 33600)
    VECTOR_ANY = qgis_enum("Qgis.ProcessingSourceType.VectorAnyGeometry",
                           "QgsProcessing.TypeVectorAnyGeometry", 33600)
    POINT = qgis_enum("Qgis.ProcessingSourceType.VectorPoint", "QgsProcessing.TypeVectorPoint",
                      33600)
    LINE = qgis_enum("Qgis.ProcessingSourceType.VectorLine", "QgsProcessing.TypeVectorLine",
                     33600)
    POLYGON = qgis_enum("Qgis.ProcessingSourceType.VectorPolygon",
                        "QgsProcessing.TypeVectorPolygon", 33600)


class ProcessingFlag:
    """Algorithm, parameter and feature-source flags (Qgis.Processing*Flag since 3.36)."""

    NO_THREADING = qgis_enum("Qgis.ProcessingAlgorithmFlag.NoThreading",
                             "QgsProcessingAlgorithm.FlagNoThreading", 33600)
    ADVANCED = qgis_enum("Qgis.ProcessingParameterFlag.Advanced",
                         "QgsProcessingParameterDefinition.FlagAdvanced", 33600)
    OPTIONAL = qgis_enum("Qgis.ProcessingParameterFlag.Optional",
                         "QgsProcessingParameterDefinition.FlagOptional", 33600)
    SKIP_GEOMETRY_CHECKS = qgis_enum(
        "Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks",
        "QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks", 33600)


class FileBehavior:
    """``QgsProcessingParameterFile`` behaviour (Qgis.ProcessingFileParameterBehavior, 3.36)."""

    FOLDER = qgis_enum("Qgis.ProcessingFileParameterBehavior.Folder",
                       "QgsProcessingParameterFile.Folder", 33600)


class NumberType:
    """``QgsProcessingParameterNumber`` types (Qgis.ProcessingNumberParameterType since 3.36)."""

    DOUBLE = qgis_enum("Qgis.ProcessingNumberParameterType.Double",
                       "QgsProcessingParameterNumber.Double", 33600)
    INTEGER = qgis_enum("Qgis.ProcessingNumberParameterType.Integer",
                        "QgsProcessingParameterNumber.Integer", 33600)


class FieldDataType:
    """``QgsProcessingParameterField`` types (Qgis.ProcessingFieldParameterDataType, 3.36)."""

    NUMERIC = qgis_enum("Qgis.ProcessingFieldParameterDataType.Numeric",
                        "QgsProcessingParameterField.Numeric", 33600)


class DateTimeType:
    """``QgsProcessingParameterDateTime`` types (Qgis.ProcessingDateTimeParameterDataType, 3.36)."""

    DATE = qgis_enum("Qgis.ProcessingDateTimeParameterDataType.Date",
                     "QgsProcessingParameterDateTime.Date", 33600)


class WkbType:
    """Geometry types of layers and sinks (Qgis.WkbType since 3.30)."""

    POINT = qgis_enum("Qgis.WkbType.Point", "QgsWkbTypes.Point", 33000)
    MULTI_POLYGON = qgis_enum("Qgis.WkbType.MultiPolygon", "QgsWkbTypes.MultiPolygon", 33000)
    NO_GEOMETRY = qgis_enum("Qgis.WkbType.NoGeometry", "QgsWkbTypes.NoGeometry", 33000)


class GeometryType:
    """Point/line/polygon families (Qgis.GeometryType since 3.30)."""

    POINT = qgis_enum("Qgis.GeometryType.Point", "QgsWkbTypes.PointGeometry", 33000)
    POLYGON = qgis_enum("Qgis.GeometryType.Polygon", "QgsWkbTypes.PolygonGeometry", 33000)
    NULL = qgis_enum("Qgis.GeometryType.Null", "QgsWkbTypes.NullGeometry", 33000)


class Unit:
    """Distance, area, layout and render units (Qgis.*Unit since 3.30)."""

    METERS = qgis_enum("Qgis.DistanceUnit.Meters", "QgsUnitTypes.DistanceMeters", 33000)
    KILOMETERS = qgis_enum("Qgis.DistanceUnit.Kilometers", "QgsUnitTypes.DistanceKilometers",
                           33000)
    SQUARE_KILOMETERS = qgis_enum("Qgis.AreaUnit.SquareKilometers",
                                  "QgsUnitTypes.AreaSquareKilometers", 33000)
    LAYOUT_MM = qgis_enum("Qgis.LayoutUnit.Millimeters", "QgsUnitTypes.LayoutMillimeters",
                          33000)
    RENDER_MM = qgis_enum("Qgis.RenderUnit.Millimeters", "QgsUnitTypes.RenderMillimeters",
                          33000)
    RENDER_POINTS = qgis_enum("Qgis.RenderUnit.Points", "QgsUnitTypes.RenderPoints", 33000)


class FeatureRequest:
    """``QgsFeatureRequest`` flags and checks (Qgis.FeatureRequestFlag etc. since 3.36)."""

    NO_GEOMETRY = qgis_enum("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.NoGeometry",
                            33600)
    NO_GEOMETRY_CHECK = qgis_enum("Qgis.InvalidGeometryCheck.NoCheck",
                                  "QgsFeatureRequest.GeometryNoCheck", 33600)


class LayerFilter:
    """Layer combo box filters (Qgis.LayerFilter since 3.34)."""

    POINT = qgis_enum("Qgis.LayerFilter.PointLayer", "QgsMapLayerProxyModel.PointLayer", 33400)
    POLYGON = qgis_enum("Qgis.LayerFilter.PolygonLayer", "QgsMapLayerProxyModel.PolygonLayer",
                        33400)


class Symbology:
    """Marker shapes, data-defined symbol properties and legend parts."""

    CIRCLE = qgis_enum("Qgis.MarkerShape.Circle", "QgsSimpleMarkerSymbolLayerBase.Circle", 32400)
    PROPERTY_SIZE = qgis_enum("QgsSymbolLayer.Property.Size", "QgsSymbolLayer.PropertySize",
                              33600)
    PROPERTY_CHARACTER = qgis_enum("QgsSymbolLayer.Property.Character",
                                   "QgsSymbolLayer.PropertyCharacter", 33600)
    PROPERTY_FILL_COLOR = qgis_enum("QgsSymbolLayer.Property.FillColor",
                                    "QgsSymbolLayer.PropertyFillColor", 33600)
    LEGEND_TITLE = qgis_enum("Qgis.LegendComponent.Title", "QgsLegendStyle.Title", 34400)
    LEGEND_GROUP = qgis_enum("Qgis.LegendComponent.Group", "QgsLegendStyle.Group", 34400)
    LEGEND_SUBGROUP = qgis_enum("Qgis.LegendComponent.Subgroup", "QgsLegendStyle.Subgroup",
                                34400)
    LEGEND_SYMBOL = qgis_enum("Qgis.LegendComponent.Symbol", "QgsLegendStyle.Symbol", 34400)
    LEGEND_SYMBOL_LABEL = qgis_enum("Qgis.LegendComponent.SymbolLabel",
                                    "QgsLegendStyle.SymbolLabel", 34400)


class Layout:
    """Layout and export settings that moved into ``Qgis``."""

    SCALEBAR_FIT_WIDTH = qgis_enum("Qgis.ScaleBarSegmentSizeMode.FitWidth",
                                   "QgsScaleBarSettings.SegmentSizeFitWidth", 34000)
    FORCE_VECTOR = qgis_enum("Qgis.LayoutRenderFlag.ForceVectorOutput",
                             "QgsLayoutRenderContext.FlagForceVectorOutput", 34400)
    ADVANCED_EFFECTS = qgis_enum("Qgis.LayoutRenderFlag.UseAdvancedEffects",
                                 "QgsLayoutRenderContext.FlagUseAdvancedEffects", 34400)


class Misc:
    """Form layout and CRS WKT flavour."""

    FORM_DRAG_AND_DROP = qgis_enum("Qgis.AttributeFormLayout.DragAndDrop",
                                   "QgsEditFormConfig.TabLayout", 33200)
    WKT2_2019 = qgis_enum("Qgis.CrsWktVariant.Wkt2_2019", "QgsCoordinateReferenceSystem.WKT2_2019",
                          33600)
