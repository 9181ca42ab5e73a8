"""Parameters shared by the service-gap algorithms (same names everywhere, for batch users)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FieldDataType, NumberType, SourceType

tr = toolbelt.tr

COST_GEODESIC, COST_OD, COST_NETWORK = 0, 1, 2


# Field parameters are optional with a default: QGIS 3.22 rejects a missing non-optional field
# even when it has a default, which would force batch users to repeat "jenis" every time.


def add_services(alg: QgsProcessingAlgorithm, capacity: bool = False) -> None:
    """INPUT, SERVICES, SERVICE_TYPE_FIELD, SERVICE_TYPES, SERVICE_NAME_FIELD, SERVICE_ID_FIELD."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "INPUT", tr("Enterprises"), [SourceType.POINT]))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "SERVICES", tr("Services"), [SourceType.POINT]))
    alg.addParameter(QgsProcessingParameterField(
        "SERVICE_TYPE_FIELD", tr("Service type field"), "jenis", "SERVICES", optional=True))
    alg.addParameter(QgsProcessingParameterString(
        "SERVICE_TYPES", tr("Service types (comma-separated codes; empty = every type)"),
        "", optional=True))
    alg.addParameter(QgsProcessingParameterField(
        "SERVICE_NAME_FIELD", tr("Service name field"), "nama", "SERVICES", optional=True))
    alg.addParameter(QgsProcessingParameterField(
        "SERVICE_ID_FIELD", tr("Service id field"), "uid", "SERVICES", optional=True))
    if capacity:
        alg.addParameter(QgsProcessingParameterField(
            "CAPACITY_FIELD", tr("Service capacity field"), "kapasitas", "SERVICES",
            FieldDataType.NUMERIC, optional=True))


def add_od(alg: QgsProcessingAlgorithm) -> None:
    """COST_SOURCE, INPUT_ID_FIELD, OD_TABLE, OD_ORIGIN_FIELD, OD_DEST_FIELD, OD_COST_FIELD."""
    alg.addParameter(QgsProcessingParameterEnum(
        "COST_SOURCE", tr("Costs"),
        [tr("Geodesic distance on WGS84 (metres)"), tr("Origin-destination table"),
         tr("Road network (NETWORK layer)")],
        defaultValue=COST_GEODESIC))
    alg.addParameter(QgsProcessingParameterField(
        "INPUT_ID_FIELD", tr("Enterprise id field (for the origin-destination table)"), "uid",
        "INPUT", optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "OD_TABLE", tr("Origin-destination table (CSV or table layer)"),
        [SourceType.VECTOR], optional=True))
    for name, label in (("OD_ORIGIN_FIELD", tr("Origin id field")),
                        ("OD_DEST_FIELD", tr("Destination id field")),
                        ("OD_COST_FIELD", tr("Cost field"))):
        alg.addParameter(QgsProcessingParameterField(
            name, label, None, "OD_TABLE", optional=True))


def metres_parameter(name: str, label: str, default: float, optional: bool = False):
    """A distance in metres, always metres whatever the layers' CRSs (geodesic on WGS84)."""
    return QgsProcessingParameterNumber(
        name, label, NumberType.DOUBLE, default, optional, 0.0)
