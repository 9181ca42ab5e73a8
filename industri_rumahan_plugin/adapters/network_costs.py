"""Road-network costs between enterprises and services with QGIS's network analysis library.

The line layer becomes a ``QgsGraph`` (``QgsVectorLayerDirector`` + ``QgsGraphBuilder``) in
EPSG:4326 with edge lengths measured on the WGS84 ellipsoid, so distances are metres whatever
the layer's CRS. Enterprises and services are tied to their nearest road segment (a new vertex
where they project onto it). Dijkstra (``QgsGraphAnalyzer.dijkstra``) runs once per service on
the *reversed* graph, which gives the cost from every enterprise to that service in one pass,
one-way roads included. The result is the same origin-destination frame as an imported OD table
(columns ``origin``, ``target``, ``cost`` with row positions), so the callers' nearest and
catchment code is unchanged.

Cost = the straight (geodesic) leg from the enterprise to its road + the road path + the leg
from the road to the service. Units: metres (shortest) or minutes (fastest; legs at the default
speed). Enterprises the network cannot connect to a service get no pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from qgis.analysis import (
    QgsGraph,
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsNetworkSpeedStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSource,
    QgsFeedback,
    QgsPointXY,
    QgsProcessingException,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core.geodesic import geodesic_distance

SHORTEST, FASTEST = 0, 1
WGS84_ELLIPSOID = "EPSG:7030"
METRES_PER_DEGREE = 111_320.0  # tolerance metres -> degrees (equator; Indonesia is within 11°)


@dataclass
class NetworkSettings:
    """How to turn the road layer into a graph (the algorithms' NETWORK_* parameters)."""

    strategy: int = SHORTEST
    speed_field: str = ""
    default_speed: float = 30.0  # km/h, also for roads without a valid speed and for the legs
    tolerance_m: float = 0.0  # road ends closer than this are joined
    direction_field: str = ""
    forward_value: str = ""
    backward_value: str = ""
    both_value: str = ""

    @property
    def unit(self) -> str:
        return "min" if self.strategy == FASTEST else "m"


@dataclass
class NetworkReport:
    """What the log should say about the network run."""

    vertices: int = 0
    edges: int = 0
    unreachable: int = 0  # enterprises with a point that reach no service at all
    leg_median_m: float = float("nan")
    leg_max_m: float = float("nan")
    messages: list[str] = field(default_factory=list)


class _SpeedStrategy(QgsNetworkSpeedStrategy):
    """QGIS's speed strategy, but a missing or non-positive speed uses the default speed.

    (QGIS 3.22 makes a NULL speed an impassable road: distance / 0.)
    """

    def __init__(self, field_index: int, default_kmh: float) -> None:
        super().__init__(field_index, default_kmh, 1000.0 / 60.0)  # km/h -> metres per minute
        self._index = field_index
        self._per_min = default_kmh * 1000.0 / 60.0

    def cost(self, distance: float, feature: QgsFeature):
        if self._index < 0:
            return distance / self._per_min
        try:
            speed = float(feature.attribute(self._index))
        except (TypeError, ValueError):
            speed = 0.0
        if not speed > 0.0 or speed != speed:
            return distance / self._per_min
        return distance / (speed * 1000.0 / 60.0)


def _child_feedback(feedback: QgsFeedback | None, span: tuple[float, float]) -> QgsFeedback:
    """A feedback for makeGraph whose 0-100 maps to ``span`` of the parent, cancel shared."""
    child = QgsFeedback()
    if feedback is not None:
        child.progressChanged.connect(
            lambda p: feedback.setProgress(span[0] + (span[1] - span[0]) * p / 100.0))
        feedback.canceled.connect(child.cancel)
        if feedback.isCanceled():
            child.cancel()
    return child


def _cancelled(feedback: QgsFeedback | None) -> None:
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(toolbelt.tr("Cancelled by the user; nothing was written."))


def build_graph(
    network: QgsFeatureSource,
    points: np.ndarray,
    settings: NetworkSettings,
    feedback: QgsFeedback | None = None,
    span: tuple[float, float] = (30.0, 45.0),
) -> tuple[QgsGraph, np.ndarray, np.ndarray]:
    """(graph, vertex of every point, its snapped lon/lat); ``points`` are (n, 2) lon/lat, finite.

    The graph is reversed (edges run against the road's direction) for one-to-all Dijkstra
    from the services.
    """
    fields = network.fields()
    direction = fields.indexOf(settings.direction_field) if settings.direction_field else -1
    if settings.direction_field and direction < 0:
        raise QgsProcessingException(toolbelt.tr(
            "Field(s) not found in the input layer: {fields}").format(
            fields=settings.direction_field))
    # swapped forward/backward values = the reversed graph
    director = QgsVectorLayerDirector(
        network, direction, settings.backward_value, settings.forward_value,
        settings.both_value, QgsVectorLayerDirector.Direction.DirectionBoth)
    if settings.strategy == FASTEST:
        speed = fields.indexOf(settings.speed_field) if settings.speed_field else -1
        if settings.speed_field and speed < 0:
            raise QgsProcessingException(toolbelt.tr(
                "Field(s) not found in the input layer: {fields}").format(
                fields=settings.speed_field))
        strategy = _SpeedStrategy(speed, settings.default_speed)
    else:
        strategy = QgsNetworkDistanceStrategy()
    director.addStrategy(strategy)
    builder = QgsGraphBuilder(QgsCoordinateReferenceSystem("EPSG:4326"), True,
                              settings.tolerance_m / METRES_PER_DEGREE, WGS84_ELLIPSOID)
    additional = [QgsPointXY(float(x), float(y)) for x, y in points]
    snapped = director.makeGraph(builder, additional, _child_feedback(feedback, span))
    _cancelled(feedback)
    graph = builder.graph()
    if graph.vertexCount() == 0 or graph.edgeCount() == 0:
        raise QgsProcessingException(toolbelt.tr(
            "The road network has no usable lines: costs cannot be computed on it."))
    lookup = {}
    for i in range(graph.vertexCount()):
        p = graph.vertex(i).point()
        lookup[(p.x(), p.y())] = i
    snapped_xy = np.array([(p.x(), p.y()) for p in snapped], dtype=float).reshape(-1, 2)
    vertex = np.array([lookup.get((p.x(), p.y()), -1) for p in snapped], dtype=np.int64)
    return graph, vertex, snapped_xy


def network_pairs(
    network: QgsFeatureSource,
    origins: np.ndarray,
    targets: np.ndarray,
    settings: NetworkSettings,
    *,
    max_cost: float | None = None,
    groups: np.ndarray | None = None,
    feedback: QgsFeedback | None = None,
    span: tuple[float, float] = (30.0, 70.0),
) -> tuple[pd.DataFrame, NetworkReport]:
    """Origin-destination costs over the road network (metres or minutes, see module doc).

    ``origins``/``targets`` are (n, 2) lon/lat (NaN = no point: no pair). ``max_cost`` drops
    farther pairs. With ``groups`` (a label per target, e.g. the service type), only the
    cheapest target per origin and group is kept (ties to the first target), which is all a
    nearest search needs and keeps memory at origins x groups instead of origins x targets.
    """
    origins = np.asarray(origins, dtype=float).reshape(-1, 2)
    targets = np.asarray(targets, dtype=float).reshape(-1, 2)
    ok_o = np.flatnonzero(np.isfinite(origins).all(axis=1))
    ok_t = np.flatnonzero(np.isfinite(targets).all(axis=1))
    report = NetworkReport()
    empty = pd.DataFrame({"origin": np.empty(0, np.int64), "target": np.empty(0, np.int64),
                          "cost": np.empty(0)})
    if len(ok_o) == 0 or len(ok_t) == 0:
        return empty, report
    a, b = span
    mid = a + 0.35 * (b - a)
    points = np.vstack([targets[ok_t], origins[ok_o]])
    graph, vertex, snapped = build_graph(network, points, settings, feedback, (a, mid))
    report.vertices, report.edges = graph.vertexCount(), graph.edgeCount()
    legs = geodesic_distance(points[:, 0], points[:, 1], snapped[:, 0], snapped[:, 1])
    report.leg_median_m = float(np.median(legs[len(ok_t):]))
    report.leg_max_m = float(legs[len(ok_t):].max())
    if settings.strategy == FASTEST:
        legs = legs / (settings.default_speed * 1000.0 / 60.0)
    t_vertex, o_vertex = vertex[:len(ok_t)], vertex[len(ok_t):]
    t_leg, o_leg = legs[:len(ok_t)], legs[len(ok_t):]
    limit = np.inf if max_cost is None else float(max_cost)

    reached = np.zeros(len(ok_o), dtype=bool)
    rows, cols, costs = [], [], []
    best: dict[object, tuple[np.ndarray, np.ndarray]] = {}
    for k, j in enumerate(ok_t):
        _cancelled(feedback)
        if t_vertex[k] < 0:
            continue
        _, cost_list = QgsGraphAnalyzer.dijkstra(graph, int(t_vertex[k]), 0)
        net = np.asarray(cost_list, dtype=float)[o_vertex]
        net[o_vertex < 0] = np.inf
        total = o_leg + net + t_leg[k]
        reached |= np.isfinite(net)
        if groups is None:
            hit = np.flatnonzero(total <= limit)
            rows.append(ok_o[hit])
            cols.append(np.full(len(hit), j, dtype=np.int64))
            costs.append(total[hit])
        else:
            cost_best, who = best.setdefault(
                groups[j], (np.full(len(ok_o), np.inf), np.full(len(ok_o), -1, np.int64)))
            better = (total < cost_best) & (total <= limit)
            cost_best[better] = total[better]
            who[better] = j
        if feedback is not None:
            feedback.setProgress(mid + (b - mid) * (k + 1) / len(ok_t))
    if groups is not None:
        for cost_best, who in best.values():
            hit = np.flatnonzero(who >= 0)
            rows.append(ok_o[hit])
            cols.append(who[hit])
            costs.append(cost_best[hit])
    report.unreachable = int((~reached).sum())
    if not rows:
        return empty, report
    frame = pd.DataFrame({"origin": np.concatenate(rows).astype(np.int64),
                          "target": np.concatenate(cols).astype(np.int64),
                          "cost": np.concatenate(costs)})
    return frame.sort_values(["origin", "target"], kind="stable").reset_index(drop=True), report
