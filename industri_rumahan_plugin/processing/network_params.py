"""Road-network cost parameters shared by nearestservice and accessibility (same names as
QGIS's own network algorithms where they exist, for batch users)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import FieldDataType, NumberType, ProcessingFlag, SourceType
from industri_rumahan_plugin.processing import params

# numpy, pandas and the network adapters are imported when an algorithm runs: listing the
# provider (every QGIS and qgis_process start) must not need them.
if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from industri_rumahan_plugin.adapters.gap_io import Services
    from industri_rumahan_plugin.adapters.network_costs import NetworkSettings

tr = toolbelt.tr


def add_network(alg: QgsProcessingAlgorithm) -> None:
    """NETWORK, NETWORK_STRATEGY, SPEED_FIELD, DEFAULT_SPEED; advanced: TOLERANCE, direction."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "NETWORK", tr("Road network (line layer; for road-network costs)"),
        [SourceType.LINE], optional=True))
    alg.addParameter(QgsProcessingParameterEnum(
        "NETWORK_STRATEGY", tr("Road-network cost"),
        [tr("Shortest (distance in metres)"), tr("Fastest (travel time in minutes)")],
        defaultValue=0))
    alg.addParameter(QgsProcessingParameterField(
        "SPEED_FIELD", tr("Speed field (km/h; empty = default speed everywhere)"), None,
        "NETWORK", FieldDataType.NUMERIC, optional=True))
    alg.addParameter(QgsProcessingParameterNumber(
        "DEFAULT_SPEED", tr("Default speed (km/h)"), NumberType.DOUBLE,
        30.0, minValue=0.001))
    advanced = [
        QgsProcessingParameterNumber(
            "TOLERANCE", tr("Topology tolerance (metres; road ends closer than this are joined)"),
            NumberType.DOUBLE, 0.0, minValue=0.0),
        QgsProcessingParameterField(
            "DIRECTION_FIELD", tr("Direction field (empty = every road both ways)"), None,
            "NETWORK", optional=True),
        QgsProcessingParameterString(
            "VALUE_FORWARD", tr("Value for one-way roads in line direction"), "", optional=True),
        QgsProcessingParameterString(
            "VALUE_BACKWARD", tr("Value for one-way roads against line direction"), "",
            optional=True),
        QgsProcessingParameterString(
            "VALUE_BOTH", tr("Value for two-way roads"), "", optional=True),
    ]
    for param in advanced:
        param.setFlags(param.flags() | ProcessingFlag.ADVANCED)
        alg.addParameter(param)


def cost_source(
    alg: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
) -> int:
    """COST_SOURCE, where giving a NETWORK layer with the default geodesic choice means network."""
    chosen = alg.parameterAsEnum(parameters, "COST_SOURCE", context)
    has_network = alg.parameterAsSource(parameters, "NETWORK", context) is not None
    if chosen == params.COST_NETWORK and not has_network:
        raise alg.input_error("NETWORK", tr("Choose the road network layer for road-network "
                                            "costs."))
    if chosen == params.COST_GEODESIC and has_network:
        feedback.pushInfo(tr("A road network is given: costs come from the road network."))
        return params.COST_NETWORK
    if chosen == params.COST_OD and has_network:
        feedback.pushWarning(tr(
            "Costs come from the origin-destination table; the road network is not used."))
    return chosen


def settings(alg: QgsProcessingAlgorithm, parameters: dict,
             context: QgsProcessingContext) -> NetworkSettings:
    from industri_rumahan_plugin.adapters.network_costs import NetworkSettings

    return NetworkSettings(
        strategy=alg.parameterAsEnum(parameters, "NETWORK_STRATEGY", context),
        speed_field=alg.parameterAsString(parameters, "SPEED_FIELD", context),
        default_speed=alg.parameterAsDouble(parameters, "DEFAULT_SPEED", context),
        tolerance_m=alg.parameterAsDouble(parameters, "TOLERANCE", context),
        direction_field=alg.parameterAsString(parameters, "DIRECTION_FIELD", context),
        forward_value=alg.parameterAsString(parameters, "VALUE_FORWARD", context),
        backward_value=alg.parameterAsString(parameters, "VALUE_BACKWARD", context),
        both_value=alg.parameterAsString(parameters, "VALUE_BOTH", context),
    )


def column_prefix(alg: QgsProcessingAlgorithm, parameters: dict,
                  context: QgsProcessingContext, cost: int = params.COST_NETWORK) -> str:
    """The name of the cost columns: ``jarak_m`` (geodesic), ``biaya`` (OD table), road
    network ``jarak_jalan_m`` (shortest) or ``waktu_menit`` (fastest)."""
    from industri_rumahan_plugin.adapters.network_costs import FASTEST

    if cost != params.COST_NETWORK:
        return "biaya" if cost == params.COST_OD else "jarak_m"
    fastest = alg.parameterAsEnum(parameters, "NETWORK_STRATEGY", context) == FASTEST
    return "waktu_menit" if fastest else "jarak_jalan_m"


def pairs(
    alg: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
    feedback: QgsProcessingFeedback, lonlat: np.ndarray, services: Services,
    max_cost: float | None = None, nearest_only: bool = False,
) -> pd.DataFrame:
    """Enterprise-service costs over NETWORK as an OD frame (origin, target, cost positions)."""
    from industri_rumahan_plugin.adapters.network_costs import FASTEST, network_pairs

    network = alg.parameterAsSource(parameters, "NETWORK", context)
    alg.require(network is not None, "NETWORK", tr("Choose the road network layer for "
                                                   "road-network costs."))
    chosen = settings(alg, parameters, context)
    alg.require(chosen.default_speed > 0, "DEFAULT_SPEED", tr("Give a speed greater than 0."))
    frame, report = network_pairs(
        network, lonlat, services.lonlat, chosen, max_cost=max_cost,
        groups=services.jenis if nearest_only else None, feedback=feedback)
    feedback.pushInfo(tr(
        "Road network: {vertices} vertices, {edges} edges; {pairs} enterprise-service costs "
        "(unit: {unit}). Distance from the enterprises to the nearest road: median {median:.0f} "
        "m, maximum {maximum:.0f} m.").format(
        vertices=report.vertices, edges=report.edges, pairs=len(frame),
        unit=tr("minutes") if chosen.strategy == FASTEST else tr("metres"),
        median=report.leg_median_m, maximum=report.leg_max_m))
    if report.unreachable:
        feedback.pushWarning(tr(
            "{n} enterprises cannot reach any service over the road network (roads not "
            "connected): their fields stay empty.").format(n=report.unreachable))
    return frame


def cost_pairs(
    alg: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
    feedback: QgsProcessingFeedback, cost: int, enterprises: tuple, services: Services,
    max_cost: float | None = None, nearest_only: bool = False,
) -> pd.DataFrame | None:
    """The enterprise-service costs of COST_SOURCE as an OD frame (origin, target positions,
    cost), or None for geodesic distances (the kernels compute those themselves).

    ``enterprises``: (fids, lon/lat, attribute frame) as read; an OD table matches its origin
    ids to INPUT_ID_FIELD when given, else to the enterprises' feature ids."""
    from industri_rumahan_plugin.adapters import gap_io

    fids, lonlat, frame = enterprises
    if cost == params.COST_NETWORK:
        return pairs(alg, parameters, context, feedback, lonlat, services, max_cost,
                     nearest_only)
    if cost != params.COST_OD:
        return None
    table = alg.parameterAsSource(parameters, "OD_TABLE", context)
    alg.require(table is not None, "OD_TABLE", tr("Choose the origin-destination table."))
    input_id = alg.parameterAsString(parameters, "INPUT_ID_FIELD", context)
    return gap_io.read_od_table(
        table, *(alg.parameterAsString(parameters, name, context)
                 for name in ("OD_ORIGIN_FIELD", "OD_DEST_FIELD", "OD_COST_FIELD")),
        frame[input_id].to_numpy(object) if input_id else fids, services.ident, feedback, alg)
