"""Parameters several algorithms share, declared once: the same name always means the same
label, type and default across the provider (batch users and models rely on it;
tests/test_shared_parameters.py checks every algorithm against these factories)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FieldDataType, NumberType, SourceType

tr = toolbelt.tr

COST_GEODESIC, COST_OD, COST_NETWORK = 0, 1, 2


# Field parameters are optional with a default: QGIS 3.22 rejects a missing non-optional field
# even when it has a default, which would force batch users to repeat "jenis" every time.


def enterprises(name: str = "INPUT") -> QgsProcessingParameterFeatureSource:
    """The enterprise points (a feature source: the dialog offers "selected features only")."""
    return QgsProcessingParameterFeatureSource(name, tr("Enterprises"), [SourceType.POINT])


def regions(name: str = "REGIONS", optional: bool = False, layer: bool = False):
    """Boundary polygons; ``layer`` when the algorithm needs the layer itself (its style or
    its database), not only its features."""
    kind = QgsProcessingParameterVectorLayer if layer else QgsProcessingParameterFeatureSource
    return kind(name, tr("Regions (kabupaten/kota or kecamatan)"), [SourceType.POLYGON],
                optional=optional)


def services(name: str = "SERVICES", optional: bool = False, layer: bool = False):
    """Service points (training centres, banks, markets...)."""
    kind = QgsProcessingParameterVectorLayer if layer else QgsProcessingParameterFeatureSource
    return kind(name, tr("Services"), [SourceType.POINT], optional=optional)


def filter_expression(name: str = "FILTER", parent: str = "INPUT"
                      ) -> QgsProcessingParameterExpression:
    return QgsProcessingParameterExpression(
        name, tr("Filter enterprises (expression)"), "", parent, optional=True)


def population_field(name: str = "POPULATION_FIELD", parent: str = "REGIONS",
                     women: bool = False) -> QgsProcessingParameterField:
    """A numeric population column of the regions (the boundary layers carry both)."""
    label = tr("Women population field") if women else tr("Population field")
    default = "penduduk_wanita" if women else "penduduk_total"
    return QgsProcessingParameterField(name, label, default, parent, FieldDataType.NUMERIC,
                                       optional=True)


def threshold(name: str = "THRESHOLD", default: float = 10_000.0):
    """The distance beyond which an enterprise counts as unserved."""
    return metres_parameter(name, tr("Service gap threshold (metres)"), default)


def office(name: str = "OFFICE") -> QgsProcessingParameterString:
    return QgsProcessingParameterString(name, tr("Office (shown in the output)"), "DP3A")


def logo(name: str = "LOGO") -> QgsProcessingParameterFile:
    return QgsProcessingParameterFile(name, tr("Office logo (PNG, JPEG or SVG)"),
                                      optional=True,
                                      fileFilter=tr("Images (*.png *.jpg *.jpeg *.svg)"))


def language(name: str = "LANGUAGE") -> QgsProcessingParameterEnum:
    """The language of a document (0 Indonesian, 1 English), whatever the interface's."""
    return QgsProcessingParameterEnum(name, tr("Language of the output"),
                                      [tr("Indonesian"), tr("English")], defaultValue=0)


def dry_run(name: str = "DRY_RUN") -> QgsProcessingParameterBoolean:
    return QgsProcessingParameterBoolean(name, tr("Dry run (check and list only, write nothing)"),
                                         False)


def seed(name: str = "SEED", default: int = 12345) -> QgsProcessingParameterNumber:
    """A random seed, so a run can be repeated exactly."""
    return QgsProcessingParameterNumber(name, tr("Random seed"), NumberType.INTEGER, default,
                                        minValue=0)  # numpy's generators refuse negatives


def add_services(alg: QgsProcessingAlgorithm, capacity: bool = False) -> None:
    """INPUT, SERVICES, SERVICE_TYPE_FIELD, SERVICE_TYPES, SERVICE_NAME_FIELD, SERVICE_ID_FIELD."""
    alg.addParameter(enterprises())
    alg.addParameter(services())
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
