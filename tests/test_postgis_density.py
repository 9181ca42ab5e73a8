"""densitybyregion pushed down to PostGIS equals the in-process count (real PostgreSQL 15)."""

from __future__ import annotations

import math

import pytest
from qgis import processing
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters.postgis import density_sql
from industri_rumahan_plugin.core import schema
from tests.pg_server import running

pytestmark = pytest.mark.postgis
ALG = "industrirumahan:densitybyregion"
CONNECTION = "ir_test_density"
PUSHED = "Aggregation pushed down to PostGIS"
STATS = ("jml_", "pct_", "per_", "lq_", "peringkat_", "luas_km2")


@pytest.fixture(scope="module")
def published(provider, demo_gpkg):
    """A test server with the demo GeoPackage published in schema 'ir' by the plugin."""
    with running(CONNECTION, postgis_first=True) as pg:
        processing.run("industrirumahan:createshareddatabase",
                       {"DATABASE": CONNECTION, "SCHEMA": "ir"})
        processing.run("industrirumahan:publishtopostgis",
                       {"INPUT": str(demo_gpkg), "DATABASE": CONNECTION, "SCHEMA": "ir"})
        yield pg


class Log(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:
        self.lines.append(info)
        super().pushInfo(info)


def _pg(pg, schema_name: str, table: str, subset: str = "") -> QgsVectorLayer:
    uri = QgsDataSourceUri(pg.uri())
    uri.setDataSource(schema_name, table, "geom", subset, "fid")
    layer = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


def _gpkg(path, table: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid()
    return layer


def _run(points, regions, pushdown: bool, **extra) -> tuple[dict, list[str]]:
    log = Log()
    params = {"INPUT": points, "REGIONS": regions, "OUTPUT": "memory:",
              "OUTPUT_TABLE": "memory:", "PUSHDOWN": pushdown, **extra}
    return processing.run(ALG, params, feedback=log), log.lines


def _plain(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def _by_region(layer: QgsVectorLayer) -> dict[str, dict]:
    names = [n for n in layer.fields().names()
             if n.startswith(STATS) and not n.endswith("_asal")]
    return {str(f["kode"]): {n: _plain(f[n]) for n in names} for f in layer.getFeatures()}


def _tidy(layer: QgsVectorLayer) -> dict[tuple, tuple]:
    out = {}
    for f in layer.getFeatures():
        key = (str(f["kode_wilayah"]), f["dimensi"], f["sektor"], f["tahap"])
        out[key] = (f["jml_usaha"], _plain(f["pct_wilayah"]))
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _assert_equal(left: dict, right: dict) -> None:
    assert left.keys() == right.keys()
    for key in left:
        a, b = left[key], right[key]
        if isinstance(a, dict):
            assert a.keys() == b.keys(), key
            bad = {n: (a[n], b[n]) for n in a if not _same(a[n], b[n])}
        else:
            bad = {i: (x, y) for i, (x, y) in enumerate(zip(a, b)) if not _same(x, y)}
        assert not bad, (key, bad)


@pytest.mark.parametrize("regions", ["kabupaten", "kecamatan"])
def test_pushdown_equals_in_process_and_geopackage(published, demo_gpkg, regions):
    points, polygons = _pg(published, "ir", "usaha"), _pg(published, "ir", regions)
    sql, sql_log = _run(points, polygons, True)
    local, local_log = _run(points, polygons, False)
    gpkg, _ = _run(_gpkg(demo_gpkg, "usaha"), _gpkg(demo_gpkg, regions), True)
    assert sql["PUSHED_DOWN"] and PUSHED + "." in sql_log
    assert not local["PUSHED_DOWN"] and not gpkg["PUSHED_DOWN"]
    assert not any(PUSHED in line for line in local_log)
    stats = _by_region(sql["OUTPUT"])
    assert sum(r["jml_usaha"] for r in stats.values()) + sql["OUTSIDE_COUNT"] == 3000
    assert len(stats) == polygons.featureCount()
    for other in (local, gpkg):
        _assert_equal(stats, _by_region(other["OUTPUT"]))
        _assert_equal(_tidy(sql["OUTPUT_TABLE"]), _tidy(other["OUTPUT_TABLE"]))
        assert (sql["OUTSIDE_COUNT"], sql["SHARED_COUNT"]) == (
            other["OUTSIDE_COUNT"], other["SHARED_COUNT"])
    if regions == "kecamatan":  # the real district boundaries overlap: the deepest rule ran
        assert sql["SHARED_COUNT"] > 0


def test_translatable_filter_is_pushed_and_others_fall_back(published):
    points, polygons = _pg(published, "ir", "usaha"), _pg(published, "ir", "kabupaten")
    expression = "\"sektor\" = 'makanan' AND (\"tahap\" IN ('pemula', 'maju') " \
                 "OR \"jumlah_pekerja\" >= 3) AND \"kode_desa\" IS NOT NULL"
    sql, _ = _run(points, polygons, True, FILTER=expression)
    local, _ = _run(points, polygons, False, FILTER=expression)
    assert sql["PUSHED_DOWN"]
    stats = _by_region(sql["OUTPUT"])
    _assert_equal(stats, _by_region(local["OUTPUT"]))
    total = sum(r["jml_usaha"] for r in stats.values())
    assert 0 < total == sum(r["jml_sektor_makanan"] for r in stats.values()) < 3000
    fallback, log = _run(points, polygons, True, FILTER="length(\"nama_usaha\") > 12")
    assert not fallback["PUSHED_DOWN"]
    assert any("not pushed down" in line and "filter" in line for line in log)
    # a subset string on the enterprises is applied in SQL too
    subset = _pg(published, "ir", "usaha", "\"kode_kabupaten\" = '19.01'")
    sql, _ = _run(subset, polygons, True)
    local, _ = _run(subset, polygons, False)
    assert sql["PUSHED_DOWN"]
    _assert_equal(_by_region(sql["OUTPUT"]), _by_region(local["OUTPUT"]))
    assert sum(r["jml_usaha"] for r in _by_region(sql["OUTPUT"]).values()) + \
        sql["OUTSIDE_COUNT"] == subset.featureCount()


# Three regions: A and B share the edge lon = 106.5; C overlaps B in [106.75, 107] x
# [-1.75, -1.5]. A is inserted with the larger key, so the layer order differs from the
# key order and the tie rule must follow the order QGIS reads.
REGIONS = [(2, "A", 106.0, 106.5, -2.0, -1.5), (1, "B", 106.5, 107.0, -2.0, -1.5),
           (3, "C", 106.75, 107.25, -1.75, -1.25)]
POINTS = [  # uid, lon, lat, sektor, tahap, jenis_kelamin_pemilik, krtp
    ("edge", 106.5, -1.75, "makanan", "pemula", "P", True),  # shared edge A|B: tie
    ("overlap", 106.8, -1.6, "batik", None, "L", None),  # in B and C, deeper in B
    ("corner", 106.75, -1.5, "", "maju", "P", False),  # on B's and C's boundary: tie
    ("inside", 106.2, -1.8, None, "pemula", None, True),  # in A only
    ("rim", 106.0, -1.75, "makanan", "maju", "P", None),  # on A's outer edge only
    ("outside", 105.0, -1.0, "makanan", "pemula", "P", True),
    ("nowhere", None, None, "makanan", "pemula", "L", False),  # no location
]


@pytest.fixture(scope="module")
def hand(published):
    published.sql(
        "CREATE SCHEMA uji; "
        "CREATE TABLE uji.wilayah (fid integer PRIMARY KEY, kode text, nama text, "
        "geom geometry(Polygon, 4326)); "
        "CREATE TABLE uji.usaha (fid serial PRIMARY KEY, uid text, sektor text, tahap text, "
        "jenis_kelamin_pemilik text, krtp boolean, nik text, geom geometry(Point, 4326)); "
        "CREATE INDEX ON uji.wilayah USING gist (geom)")
    for key, code, x0, x1, y0, y1 in REGIONS:
        published.sql("INSERT INTO uji.wilayah VALUES (%s, %s, %s, "
                      "ST_MakeEnvelope(%s, %s, %s, %s, 4326))",
                      (key, code, "Wilayah " + code, x0, y0, x1, y1))
    for uid, x, y, *values in POINTS:
        published.sql("INSERT INTO uji.usaha (uid, sektor, tahap, jenis_kelamin_pemilik, "
                      "krtp, nik, geom) VALUES (%s, %s, %s, %s, %s, '1901010101010001', "
                      "CASE WHEN %s::float8 IS NULL THEN NULL "
                      "ELSE ST_SetSRID(ST_Point(%s, %s), 4326) END)",
                      (uid, *values, x, x, y))
    return published


def test_hand_made_edge_overlap_outside_equal_in_sql_and_in_process(hand):
    points, regions = _pg(hand, "uji", "usaha"), _pg(hand, "uji", "wilayah")
    order = [f["kode"] for f in regions.getFeatures()]
    assert order == ["A", "B", "C"]  # QGIS reads in table order, not key order
    sql, log = _run(points, regions, True, OUTPUT_OUTSIDE="memory:")
    local, _ = _run(points, regions, False, OUTPUT_OUTSIDE="memory:")
    assert sql["PUSHED_DOWN"] and PUSHED + "." in log
    stats = _by_region(sql["OUTPUT"])
    _assert_equal(stats, _by_region(local["OUTPUT"]))
    _assert_equal(_tidy(sql["OUTPUT_TABLE"]), _tidy(local["OUTPUT_TABLE"]))
    # by hand: A gets inside, rim and the A|B edge point (A is read first); B the overlap
    # point (0.1° from B's edge, 0.05° from C's) and the B/C corner (tie, B read first)
    assert {k: v["jml_usaha"] for k, v in stats.items()} == {"A": 3, "B": 2, "C": 0}
    assert stats["A"]["jml_sektor_makanan"] == 2 and stats["A"]["jml_sektor_tidak_diisi"] == 1
    assert stats["B"]["jml_sektor_batik"] == 1 and stats["B"]["jml_sektor_tidak_diisi"] == 1
    assert stats["B"]["jml_tahap_tidak_diisi"] == 1 and stats["B"]["jml_maju_tidak_diisi"] == 1
    assert (stats["A"]["jml_perempuan"], stats["B"]["jml_perempuan"]) == (2, 1)
    assert (stats["A"]["jml_krtp"], stats["B"]["jml_krtp"]) == (2, 0)
    assert (sql["OUTSIDE_COUNT"], sql["SHARED_COUNT"]) == (2, 3)
    assert (local["OUTSIDE_COUNT"], local["SHARED_COUNT"]) == (2, 3)
    assert any("3 enterprises lie in more than one region" in line and "2 exactly" in line
               for line in log)
    for result in (sql, local):
        outside = result["OUTPUT_OUTSIDE"]
        assert sorted(f["uid"] for f in outside.getFeatures()) == ["nowhere", "outside"]
        assert "nik" not in outside.fields().names()


def test_region_subset_and_tie_order_follow_what_qgis_reads(hand):
    points = _pg(hand, "uji", "usaha")
    only_bc = _pg(hand, "uji", "wilayah", "\"kode\" <> 'A'")
    sql, _ = _run(points, only_bc, True)
    local, _ = _run(points, only_bc, False)
    assert sql["PUSHED_DOWN"]
    stats = _by_region(sql["OUTPUT"])
    _assert_equal(stats, _by_region(local["OUTPUT"]))
    assert {k: v["jml_usaha"] for k, v in stats.items()} == {"B": 3, "C": 0}


def test_query_never_selects_personal_fields(hand):
    points, regions = _pg(hand, "uji", "usaha"), _pg(hand, "uji", "wilayah")
    sql = density_sql.build_sql(points, regions, ["2", "1", "3"],
                                ["sektor", "tahap", "jenis_kelamin_pemilik", "krtp"], "", True)
    assert not any(f'"{name}"' in sql for name in schema.personal_fields())
    rows = hand.sql(sql)
    assert sum(r[-1] for r in rows) == len(POINTS)
    # a personal field asked as a category is refused before anything is read (issue 17:
    # it would have made one column per NIK)
    with pytest.raises(QgsProcessingException, match="cannot be category fields"):
        _run(points, regions, True, CATEGORY_FIELDS=["nik"])


def test_points_in_another_crs_are_reprojected_in_sql(published):
    published.sql("CREATE TABLE ir.usaha_utm AS SELECT fid, sektor, tahap, "
                  "jenis_kelamin_pemilik, krtp, ST_Transform(geom, 32748)::geometry(Point, 32748) "
                  "AS geom FROM ir.usaha; ALTER TABLE ir.usaha_utm ADD PRIMARY KEY (fid)")
    points, polygons = _pg(published, "ir", "usaha_utm"), _pg(published, "ir", "kecamatan")
    assert points.crs().authid() == "EPSG:32748"
    sql, _ = _run(points, polygons, True)
    local, _ = _run(points, polygons, False)
    assert sql["PUSHED_DOWN"] and not local["PUSHED_DOWN"]
    _assert_equal(_by_region(sql["OUTPUT"]), _by_region(local["OUTPUT"]))
    assert sql["SHARED_COUNT"] == local["SHARED_COUNT"] > 0


def test_filter_translation_only_when_the_meaning_is_the_same(hand):
    from industri_rumahan_plugin.adapters.postgis.expression_sql import to_sql

    fields = _pg(hand, "ir", "usaha").fields()
    assert to_sql("\"sektor\" = 'mak''anan' AND NOT \"jumlah_pekerja\" < -2", fields) == (
        "((\"sektor\" = 'mak''anan') AND (NOT (\"jumlah_pekerja\" < -2)))")
    assert to_sql("\"tahap\" NOT IN ('maju') OR \"nik\" IS NULL", fields) == (
        "((\"tahap\" NOT IN ('maju')) OR (\"nik\" IS NULL))")
    for untranslatable in ("\"sektor\" > 'a'", "\"jumlah_pekerja\" = '3'", "\"krtp\" = true",
                           "upper(\"sektor\") = 'A'", "\"sektor\" LIKE 'mak%'",
                           "\"tidak_ada\" = 1", "1 = 1", "\"sektor\" = @var", "(("):
        assert to_sql(untranslatable, fields) is None, untranslatable


def test_unsaved_edits_are_not_pushed_down(published):
    """The database does not know the edit buffer: with unsaved edits QGIS reads the layer."""
    points, polygons = _pg(published, "ir", "usaha"), _pg(published, "ir", "kabupaten")
    fids = sorted(f.id() for f in points.getFeatures())
    sektor = points.fields().indexOf("sektor")
    assert points.startEditing()
    try:
        assert points.deleteFeatures(fids[:200])
        for fid in fids[200:300]:
            assert points.changeAttributeValue(fid, sektor, "batik")
        edited, log = _run(points, polygons, True)
        local, _ = _run(points, polygons, False)
        assert not edited["PUSHED_DOWN"]
        assert any("not pushed down" in line and "unsaved edits" in line for line in log)
        stats = _by_region(edited["OUTPUT"])
        _assert_equal(stats, _by_region(local["OUTPUT"]))
        assert sum(r["jml_usaha"] for r in stats.values()) + edited["OUTSIDE_COUNT"] == 2800
    finally:
        points.rollBack()
