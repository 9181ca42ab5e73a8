"""Road-network costs (NETWORK) for nearestservice and accessibility, in real QGIS.

A hand-made network: a river runs north-south at lon 106.10 with one bridge at lat -2.00.

    (106.08,-2.00) ==bridge R3== (106.12,-2.00)        C (bank) at the bridge's west end
         | R2 (60 km/h)                | R4 (speed NULL -> default)
    E (106.08,-2.05)                A (106.12,-2.05)   A = market east of the river
         | R1 (10 km/h, dirt track)
    B (106.08,-2.12)                                   B = market south, same bank as E

E is 4.4 km from A as the crow flies but 15.5 km by road; B is 7.7 km by road. A disconnected
road near X (106.30,-2.30) leaves X unreachable. Expected costs are sums of geodesic segment
lengths computed with pyproj.Geod over the path vertices, and one pair is checked against
QGIS's own native:shortestpathpointtopoint.
"""

from __future__ import annotations

import pytest
from pyproj import Geod, Transformer
from qgis import processing
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from tests.test_alg_gap_nearest import _by, points

GEOD = Geod(ellps="WGS84")
ROADS = [  # (vertices, speed km/h, oneway)
    ([(106.08, -2.12), (106.08, -2.05)], 10.0, None),                   # R1
    ([(106.08, -2.05), (106.08, -2.00)], 60.0, None),                   # R2
    ([(106.08, -2.00), (106.10, -2.00), (106.12, -2.00)], 60.0, "F"),   # R3 bridge
    ([(106.12, -2.00), (106.12, -2.05)], None, None),                   # R4
    ([(106.29, -2.30), (106.31, -2.30)], 30.0, None),                   # isolated
]
SERVICES = [
    (106.12, -2.05, "sA", "pasar", "Pasar Timur", 10),
    (106.08, -2.12, "sB", "pasar", "Pasar Selatan", 6),
    (106.08, -2.00, "sC", "bank_kur", "Bank Jembatan", 1),
]
ENTERPRISES = [  # lon/lat; written to the layer in UTM 48S
    ("uE", 106.08, -2.05),    # on a road vertex
    ("uF", 106.075, -2.02),   # 556 m west of road R2
    ("uG", 106.12, -2.03),    # east bank, on R4
    ("uX", 106.30, -2.30),    # on the isolated road
]


def _length(path: list[tuple[float, float]]) -> float:
    """Geodesic length (m) of a path over the given vertices (independent of QGIS)."""
    return GEOD.line_length([p[0] for p in path], [p[1] for p in path])


def _leg(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2]


@pytest.fixture
def layers(provider):
    roads = QgsVectorLayer("LineString?crs=EPSG:4326&field=kecepatan:double&field=arah:string",
                           "jalan", "memory")
    feats = []
    for vertices, speed, oneway in ROADS:
        f = QgsFeature(roads.fields())
        f.setAttributes([speed, oneway])
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in vertices]))
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    to_utm = Transformer.from_crs(4326, 32748, always_xy=True)
    usaha = points("EPSG:32748", [(*to_utm.transform(x, y), u) for u, x, y in ENTERPRISES],
                   "field=uid:string")
    layanan = points("EPSG:4326", SERVICES, "field=uid:string&field=jenis:string"
                     "&field=nama:string&field=kapasitas:double")
    return usaha, layanan, roads


class Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)


def _run(usaha, layanan, roads, feedback=None, **extra):
    params = {"INPUT": usaha, "SERVICES": layanan, "NETWORK": roads, "OUTPUT": "memory:"}
    params.update(extra)
    return _by(processing.run("industrirumahan:nearestservice", params,
                              feedback=feedback)["OUTPUT"], "uid")


def test_shortest_road_distance_differs_from_geodesic_nearest(layers):
    usaha, layanan, roads = layers
    geodesic = _by(processing.run("industrirumahan:nearestservice", {
        "INPUT": usaha, "SERVICES": layanan, "OUTPUT": "memory:"})["OUTPUT"], "uid")
    assert geodesic["uE"]["id_layanan_pasar"] == "sA"  # across the river, 4.4 km
    feedback = Collect()
    got = _run(usaha, layanan, roads, feedback)
    # by road the bridge detour makes the market on the same bank the nearest
    assert got["uE"]["id_layanan_pasar"] == "sB"
    assert got["uE"]["layanan_pasar"] == "Pasar Selatan"
    expected_e = _length([(106.08, -2.05), (106.08, -2.12)])
    assert got["uE"]["jarak_jalan_m_pasar"] == pytest.approx(expected_e, rel=1e-9)
    # off-road enterprise: straight leg to the road + road path
    snap_f = (106.08, -2.02)
    expected_f = _leg((106.075, -2.02), snap_f) + _length(
        [snap_f, (106.08, -2.05), (106.08, -2.12)])
    assert got["uF"]["id_layanan_pasar"] == "sB"
    assert got["uF"]["jarak_jalan_m_pasar"] == pytest.approx(expected_f, rel=1e-9)
    assert got["uF"]["jarak_jalan_m_pasar"] > geodesic["uF"]["jarak_m_pasar"]
    # the east-bank enterprise reaches the bank only over the bridge (bridge both ways here)
    expected_g = _length([(106.12, -2.03), (106.12, -2.00), (106.10, -2.00), (106.08, -2.00)])
    assert got["uG"]["jarak_jalan_m_bank_kur"] == pytest.approx(expected_g, rel=1e-9)
    # the disconnected road: no service, NULL fields and a warning with the count
    assert not got["uX"]["id_layanan_pasar"] and not got["uX"]["jarak_jalan_m_pasar"]
    assert any(w.startswith("1 enterprises cannot reach") for w in feedback.warnings)


def test_fastest_time_with_speed_field_and_default_speed(layers):
    usaha, layanan, roads = layers
    got = _run(usaha, layanan, roads, NETWORK_STRATEGY=1, SPEED_FIELD="kecepatan",
               DEFAULT_SPEED=60)

    def minutes(metres, kmh):
        return metres / (kmh * 1000 / 60)

    r1 = _length(ROADS[0][0])
    r2 = _length(ROADS[1][0])
    r3 = _length(ROADS[2][0])
    r4 = _length(ROADS[3][0])
    to_a = minutes(r2, 60) + minutes(r3, 60) + minutes(r4, 60)  # R4 has no speed: default
    to_b = minutes(r1, 10)
    assert to_a < to_b  # the bridge is slower by distance but faster by time
    assert got["uE"]["id_layanan_pasar"] == "sA"
    assert got["uE"]["waktu_menit_pasar"] == pytest.approx(to_a, rel=1e-9)
    assert "jarak_jalan_m_pasar" not in got["uE"].fields().names()
    # legs at the default speed
    leg = _leg((106.075, -2.02), (106.08, -2.02))
    expected_f = minutes(leg, 60) + minutes(_length([(106.08, -2.02), (106.08, -2.00)]), 60) \
        + minutes(r3 + r4, 60)
    assert got["uF"]["waktu_menit_pasar"] == pytest.approx(expected_f, rel=1e-9)
    # no speed field: the default speed everywhere
    flat = _run(usaha, layanan, roads, NETWORK_STRATEGY=1, DEFAULT_SPEED=45)
    assert flat["uE"]["id_layanan_pasar"] == "sB"
    assert flat["uE"]["waktu_menit_pasar"] == pytest.approx(minutes(r1, 45), rel=1e-9)
    # MAX_DISTANCE is in the cost unit (minutes here)
    capped = _run(usaha, layanan, roads, NETWORK_STRATEGY=1, SPEED_FIELD="kecepatan",
                  DEFAULT_SPEED=60, MAX_DISTANCE=15.0)
    assert to_a > 15.0 and not capped["uE"]["id_layanan_pasar"]
    assert capped["uG"]["id_layanan_pasar"] == "sA"


def test_one_way_bridge_is_travelled_from_the_enterprise_to_the_service(layers):
    usaha, layanan, roads = layers
    got = _run(usaha, layanan, roads, DIRECTION_FIELD="arah", VALUE_FORWARD="F",
               VALUE_BACKWARD="B", VALUE_BOTH="2")
    # the bridge runs west -> east only: the east bank cannot reach the bank on the west end
    assert not got["uG"]["id_layanan_bank_kur"]
    assert got["uG"]["id_layanan_pasar"] == "sA"
    # the west bank still crosses: uE's fastest to A uses the bridge eastwards
    east = _run(usaha, layanan, roads, DIRECTION_FIELD="arah", VALUE_FORWARD="F",
                SERVICE_TYPES="pasar", MAX_DISTANCE=0)
    assert east["uF"]["id_layanan_pasar"] == "sB"
    only_a = points("EPSG:4326", [SERVICES[0]], "field=uid:string&field=jenis:string"
                    "&field=nama:string&field=kapasitas:double")
    crossing = _run(usaha, only_a, roads, DIRECTION_FIELD="arah", VALUE_FORWARD="F")
    assert crossing["uE"]["jarak_jalan_m_pasar"] == pytest.approx(
        _length([(106.08, -2.05), (106.08, -2.00), (106.10, -2.00), (106.12, -2.00),
                 (106.12, -2.05)]), rel=1e-9)


def test_agrees_with_native_shortest_path(layers):
    usaha, _layanan, roads = layers
    only_a = points("EPSG:4326", [SERVICES[0]], "field=uid:string&field=jenis:string"
                    "&field=nama:string&field=kapasitas:double")
    ours = _run(usaha, only_a, roads)
    context = QgsProcessingContext()
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32748"))  # native reports in map units
    context.setProject(project)
    context.setEllipsoid("EPSG:7030")
    common = {"INPUT": roads, "START_POINT": "106.08,-2.05 [EPSG:4326]",
              "END_POINT": "106.12,-2.05 [EPSG:4326]", "OUTPUT": "memory:"}
    dist = processing.run("native:shortestpathpointtopoint", {**common, "STRATEGY": 0},
                          context=context)["OUTPUT"]
    # time on a road with a speed (QGIS 3.22 makes a NULL speed impassable; we use the default)
    hours = processing.run("native:shortestpathpointtopoint", {
        **common, "END_POINT": "106.08,-2.12 [EPSG:4326]", "STRATEGY": 1,
        "SPEED_FIELD": "kecepatan", "DEFAULT_SPEED": 60}, context=context)["OUTPUT"]
    native_m = next(dist.getFeatures())["cost"]
    native_h = next(hours.getFeatures())["cost"]
    assert native_m > 15000
    assert ours["uE"]["jarak_jalan_m_pasar"] == pytest.approx(native_m, rel=1e-9)
    only_b = points("EPSG:4326", [SERVICES[1]], "field=uid:string&field=jenis:string"
                    "&field=nama:string&field=kapasitas:double")
    ours_t = _run(usaha, only_b, roads, NETWORK_STRATEGY=1, SPEED_FIELD="kecepatan",
                  DEFAULT_SPEED=60)
    assert native_h > 0.7  # 7.7 km at 10 km/h
    assert ours_t["uE"]["waktu_menit_pasar"] == pytest.approx(native_h * 60, rel=1e-9)


def test_accessibility_over_the_network(layers):
    usaha, layanan, roads = layers
    out = processing.run("industrirumahan:accessibility", {
        "INPUT": usaha, "SERVICES": layanan, "SERVICE_TYPES": "pasar", "METHOD": 0,
        "CATCHMENT": 10000, "NETWORK": roads, "OUTPUT": "memory:"})["OUTPUT"]
    got = {f["uid"]: f["akses_pasar"] for f in out.getFeatures()}
    # within 10 km by road: uE -> B (7.7 km) only, uG -> A (3.3 km) only; uF and uX none
    assert got == pytest.approx({"uE": 6.0, "uF": 0.0, "uG": 10.0, "uX": 0.0})


def test_clear_errors(layers):
    usaha, layanan, _roads = layers
    with pytest.raises(QgsProcessingException, match="road network layer"):
        processing.run("industrirumahan:nearestservice", {
            "INPUT": usaha, "SERVICES": layanan, "COST_SOURCE": 2, "OUTPUT": "memory:"})
    empty = QgsVectorLayer("LineString?crs=EPSG:4326", "kosong", "memory")
    with pytest.raises(QgsProcessingException, match="no usable lines"):
        _run(usaha, layanan, empty)


class CancelDuringDijkstra(QgsProcessingFeedback):
    """Cancels once the per-service Dijkstra phase reports progress (after the graph)."""

    def __init__(self):
        super().__init__()
        self.seen: list[float] = []

    def setProgress(self, progress):
        self.seen.append(progress)
        super().setProgress(progress)
        if progress > 50:
            self.cancel()


def test_progress_and_cancel_per_service(layers):
    usaha, layanan, roads = layers
    feedback = CancelDuringDijkstra()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        _run(usaha, layanan, roads, feedback)
    # graph building (makeGraph's own progress, mapped to 30-44) then one step per service
    assert any(30 <= p <= 44 for p in feedback.seen)
    assert max(feedback.seen) < 70  # stopped before the last service and before writing
