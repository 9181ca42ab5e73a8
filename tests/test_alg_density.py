"""densitybyregion and nearestneighbourindex in the real QGIS, against hand counts and QGIS."""

from __future__ import annotations

import pytest
from qgis import processing
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from industri_rumahan_plugin.core.catalogue import UNFILLED

ALG = "industrirumahan:densitybyregion"


def _layer(kind: str, crs: str, fields: str, rows: list[tuple[str, list]]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs}&{fields}", "t", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def _squares(crs: str = "EPSG:4326", scale: float = 1.0, bowtie: bool = False) -> QgsVectorLayer:
    # two 0.01° squares near Pangkalpinang sharing the edge lon = 106.01
    def box(x0):
        x0, x1, y0, y1 = x0 * scale, (x0 + 0.01) * scale, -2.0 * scale, -1.99 * scale
        return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"

    second = box(106.01)
    if bowtie:  # self-intersecting: the same square's corners in a crossing order
        x0, x1, y0, y1 = 106.01, 106.02, -2.0, -1.99
        second = f"POLYGON(({x0} {y0},{x1} {y1},{x1} {y0},{x0} {y1},{x0} {y0}))"
    return _layer("Polygon", crs, "field=kode:string&field=nama:string&field=penduduk_total:int",
                  [(box(106.0), ["A", "Satu", 2000]), (second, ["B", "Dua", None])])


POINTS = [  # (lon, lat, sektor, tahap, jenis_kelamin_pemilik)
    (106.005, -1.995, "makanan", "pemula", "P"),
    (106.006, -1.994, None, "maju", "L"),
    (106.017, -1.995, "batik", "pemula", "P"),
    (106.01, -1.995, "makanan", "pemula", "P"),  # on the shared edge
    (106.05, -1.995, "makanan", "pemula", "P"),  # outside both
]


def _points(rows=POINTS) -> QgsVectorLayer:
    return _layer("Point", "EPSG:4326",
                  "field=sektor:string&field=tahap:string&field=jenis_kelamin_pemilik:string"
                  "&field=nama_pemilik:string",
                  [(f"POINT({x} {y})", [s, t, g, "Rahasia"]) for x, y, s, t, g in rows])


def _run(points, regions, **extra) -> dict:
    params = {"INPUT": points, "REGIONS": regions, "OUTPUT": "memory:", **extra}
    return processing.run(ALG, params)


def _values(layer: QgsVectorLayer, name: str) -> list:
    return [f[name] for f in layer.getFeatures()]


def test_hand_counts_boundary_outside_null_categories(provider):
    result = _run(_points(), _squares(), OUTPUT_OUTSIDE="memory:", OUTPUT_TABLE="memory:")
    out = result["OUTPUT"]
    assert _values(out, "jml_usaha") == [3, 1]  # the edge point goes to A (first)
    assert _values(out, "jml_sektor_makanan") == [2, 0]
    assert _values(out, f"jml_sektor_{UNFILLED}") == [1, 0]
    assert _values(out, "jml_pemula_makanan") == [2, 0]
    assert _values(out, "jml_perempuan") == [2, 1]
    assert result["OUTSIDE_COUNT"] == 1 and result["SHARED_COUNT"] == 1
    # 0.01° x 0.01° at 2° S: 1.1132 km x 1.1057 km on the ellipsoid
    assert _values(out, "luas_km2") == pytest.approx([1.2305, 1.2305], rel=2e-3)
    assert _values(out, "per_1000_pddk")[0] == pytest.approx(1.5)
    outside = result["OUTPUT_OUTSIDE"]
    assert outside.featureCount() == 1
    assert "nama_pemilik" not in outside.fields().names()  # personal data stays out
    tidy = result["OUTPUT_TABLE"]
    rows = {(f["kode_wilayah"], f["dimensi"], f["sektor"], f["tahap"]): f["jml_usaha"]
            for f in tidy.getFeatures()}
    assert rows[("A", "sektor", "makanan", "semua")] == 2
    assert rows[("A", "tahap_sektor", "makanan", "pemula")] == 2
    assert rows[("B", "total", "semua", "semua")] == 1
    # QGIS's own count loses the point on the shared edge
    native = processing.run("native:countpointsinpolygon", {
        "POLYGONS": _squares(), "POINTS": _points(), "FIELD": "NUMPOINTS",
        "OUTPUT": "memory:"})["OUTPUT"]
    assert _values(native, "NUMPOINTS") == [2, 1]


def test_mixed_crs_gives_the_same_counts_and_areas(provider):
    merc = processing.run("native:reprojectlayer", {
        "INPUT": _squares(), "TARGET_CRS": "EPSG:3857", "OUTPUT": "memory:"})["OUTPUT"]
    rows = [p for p in POINTS if p[0] != 106.01]  # no exact-edge point after reprojection
    out = _run(_points(rows), merc)["OUTPUT"]
    assert _values(out, "jml_usaha") == [2, 1]
    assert _values(out, "luas_km2") == pytest.approx([1.2305, 1.2305], rel=2e-3)


def test_filter_expression_and_empty_layer(provider):
    out = _run(_points(), _squares(), FILTER="\"tahap\" = 'pemula'")["OUTPUT"]
    assert _values(out, "jml_usaha") == [2, 1]
    empty = _run(_points([]), _squares())["OUTPUT"]
    assert _values(empty, "jml_usaha") == [0, 0]
    assert _values(empty, "per_km2") == [0.0, 0.0]


def test_invalid_region_repaired_or_skipped_never_a_crash(provider):
    regions = _squares(bowtie=True)
    assert regions.featureCount() == 2
    repaired = _run(_points(), regions)["OUTPUT"]
    assert sum(_values(repaired, "jml_usaha")) == 4  # the bow-tie still counts its half
    skipped = _run(_points(), _squares(bowtie=True), REPAIR_REGIONS=False)["OUTPUT"]
    assert _values(skipped, "jml_usaha")[1] == 0
    assert not _values(skipped, "luas_km2")[1]  # NULL: a skipped region has no area


@pytest.mark.parametrize("table", ["kabupaten", "kecamatan"])
def test_demo_equals_native_count_apart_from_the_overlap_rule(provider, demo_gpkg, table):
    points = f"{demo_gpkg}|layername=usaha"
    regions = f"{demo_gpkg}|layername={table}"
    result = _run(points, regions)
    ours = _values(result["OUTPUT"], "jml_usaha")
    native = _values(processing.run("native:countpointsinpolygon", {
        "POLYGONS": regions, "POINTS": points, "FIELD": "NUMPOINTS",
        "OUTPUT": "memory:"})["OUTPUT"], "NUMPOINTS")
    # independent: every (point, region) pair QGIS finds with 'intersects'
    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": points, "JOIN": regions, "PREDICATE": [0], "METHOD": 0,
        "JOIN_FIELDS": ["kode"], "DISCARD_NONMATCHING": True, "OUTPUT": "memory:"})["OUTPUT"]
    uids = _values(joined, "uid")
    duplicates = len(uids) - len(set(uids))
    total = QgsVectorLayer(points, "p", "ogr").featureCount()
    assert sum(ours) + result["OUTSIDE_COUNT"] == total
    assert sum(ours) == len(set(uids))
    # no demo point lies exactly on an edge: QGIS counts overlaps twice, we once
    assert sum(native) - sum(ours) == duplicates == result["SHARED_COUNT"]
    assert all(0 <= n - o <= result["SHARED_COUNT"] for n, o in zip(native, ours))


def test_nearest_neighbour_index_on_a_lattice(provider):
    # 10 x 10 lattice, 100 m apart, in a 1 km² UTM square: R = 100 / (0.5 * sqrt(1e6/100)) = 2
    x0, y0 = 600000.0, 9770000.0
    square = _layer("Polygon", "EPSG:32748", "field=nama:string", [(
        f"POLYGON(({x0} {y0},{x0 + 1000} {y0},{x0 + 1000} {y0 + 1000},{x0} {y0 + 1000},"
        f"{x0} {y0}))", ["Kotak"])])
    pts = _layer("Point", "EPSG:32748", "field=sektor:string", [
        (f"POINT({x0 + 50 + 100 * i} {y0 + 50 + 100 * j})", ["makanan"])
        for i in range(10) for j in range(10)])
    out = processing.run("industrirumahan:nearestneighbourindex", {
        "INPUT": pts, "REGIONS": square, "OUTPUT": "memory:"})["OUTPUT"]
    f = next(out.getFeatures())
    assert f["jml_usaha"] == 100
    assert f["jarak_amatan_m"] == pytest.approx(100.0, rel=2e-3)
    assert f["nni"] == pytest.approx(2.0, rel=3e-3)
    assert f["nni_bbox"] == pytest.approx(100 / 45.0, rel=3e-3)  # QGIS's bbox: 900 m x 900 m
    assert f["nni_z"] > 10
