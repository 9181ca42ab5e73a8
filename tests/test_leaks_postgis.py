"""The PostGIS reader role (ir_pembaca) gets aggregates and consented records at village
precision only, checked with a real login as that role (issue 17)."""

from __future__ import annotations

import gc

import pytest
from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer

from industri_rumahan_plugin.core import schema
from tests.pg_server import running

pytestmark = pytest.mark.postgis
CONNECTION = "ir_test_leaks"


def _run(alg, **params):
    from qgis import processing

    return processing.run(f"industrirumahan:{alg}", params)


@pytest.fixture(scope="module")
def shared(provider, demo_gpkg):
    """The demo published to a real PostGIS, with an analyst login in ir_pembaca."""
    with running() as pg:
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        metadata.saveConnection(metadata.createConnection(
            pg.uri(), {"saveUsername": True, "savePassword": True}), CONNECTION)
        _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="ir")
        pg.sql("CREATE ROLE analis LOGIN IN ROLE ir_pembaca")
        pg.sql("CREATE ROLE staf LOGIN IN ROLE ir_provinsi")
        _run("publishtopostgis", INPUT=str(demo_gpkg), DATABASE=CONNECTION, SCHEMA="ir")
        yield pg
        gc.collect()
        metadata.deleteConnection(CONNECTION)


def _as(pg, user: str, statement: str) -> list:
    import psycopg2

    conn = psycopg2.connect(pg.uri(user))
    try:
        with conn.cursor() as cur:
            cur.execute(statement)
            return cur.fetchall()
    finally:
        conn.close()


def _denied(pg, user: str, statement: str) -> None:
    import psycopg2

    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _as(pg, user, statement)


@pytest.mark.parametrize("statement", [
    "SELECT nama_usaha FROM ir.usaha LIMIT 1",
    "SELECT ST_AsText(geom) FROM ir.usaha LIMIT 1",
    "SELECT count(*) FROM ir.usaha",
    "SELECT nama_usaha, geom FROM ir.usaha_umum LIMIT 1",
    "SELECT * FROM ir.riwayat_tahap LIMIT 1",
    "SELECT * FROM ir.partisipasi_program LIMIT 1",
])
def test_the_reader_cannot_read_records_names_or_homes(shared, statement):
    _denied(shared, "analis", statement)


def test_the_reader_gets_aggregates_that_add_up(shared):
    total = shared.sql("SELECT count(*) FROM ir.usaha")[0][0]
    assert _as(shared, "analis", "SELECT sum(jumlah) FROM ir.ringkasan_kabupaten")[0][0] == total
    by_sector = dict(_as(shared, "analis", "SELECT sektor, sum(jumlah) FROM "
                                           "ir.ringkasan_kabupaten GROUP BY sektor"))
    assert by_sector == dict(shared.sql("SELECT sektor, count(*) FROM ir.usaha GROUP BY sektor"))


def test_the_reader_sees_consented_records_at_village_precision(shared):
    consented = shared.sql("SELECT count(*) FROM ir.usaha WHERE izin_publikasi")[0][0]
    total = shared.sql("SELECT count(*) FROM ir.usaha")[0][0]
    assert 0 < consented < total  # the demo: about a third consent
    seen = _as(shared, "analis", "SELECT * FROM ir.usaha_publik LIMIT 0")
    assert seen == []
    import psycopg2

    conn = psycopg2.connect(shared.uri("analis"))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT * FROM ir.usaha_publik")
            columns = [d.name for d in cur.description]
            rows = cur.fetchall()
    finally:
        conn.close()
    assert len(rows) == consented
    assert not set(columns) & {"nik", "telepon", "alamat", "uid"}
    # an independent check, as the superuser: where the exact point was not agreed, the
    # published point is the village's, never the home
    wrong = shared.sql("""
        SELECT count(*) FROM ir.usaha_publik p JOIN ir.usaha u USING (fid)
        WHERE NOT coalesce(u.izin_lokasi_tepat, false)
          AND (ST_Equals(p.geom, u.geom) OR NOT ST_Equals(p.geom,
               (SELECT ST_PointOnSurface(d.geom) FROM ir.desa d WHERE d.kode = u.kode_desa
                ORDER BY d.fid LIMIT 1)))""")[0][0]
    assert wrong == 0
    names = shared.sql("""
        SELECT count(*) FROM ir.usaha_publik p JOIN ir.usaha u USING (fid)
        WHERE p.nama_pemilik IS NOT NULL AND NOT coalesce(u.izin_nama_pemilik, false)""")
    assert names[0][0] == 0
    exact = shared.sql("SELECT count(*) FROM ir.usaha WHERE izin_publikasi AND "
                       "izin_lokasi_tepat")[0][0]
    assert _as(shared, "analis", "SELECT count(*) FROM ir.usaha_publik WHERE lokasi_tepat"
               )[0][0] == exact


def test_hidden_rows_cannot_be_probed_through_errors(shared):
    """A condition that fails on one hidden row would tell that the row exists (a leaky
    view). The view is a security barrier, so its own filter always runs first (without it,
    PostgreSQL may order the conditions by cost: this query then happens to pass too, so the
    test guards the outcome, ``test_the_reader_view_shows_the_fields_publication_allows``
    the barrier itself)."""
    hidden = shared.sql("SELECT nama_usaha FROM ir.usaha WHERE NOT coalesce(izin_publikasi, "
                        "false) ORDER BY fid LIMIT 1")[0][0].replace("'", "''")
    probe = (f"SELECT count(*) FROM ir.usaha_publik WHERE "
             f"(CASE WHEN nama_usaha = '{hidden}' THEN 1 / (fid - fid) ELSE 0 END) = 0")
    counted = _as(shared, "analis", probe)[0][0]
    assert counted == shared.sql("SELECT count(*) FROM ir.usaha_publik WHERE nama_usaha "
                                 f"IS DISTINCT FROM '{hidden}'")[0][0]


def test_qgis_as_the_reader_sees_the_public_view_only(shared):
    uri = QgsDataSourceUri(shared.uri("analis"))
    uri.setDataSource("ir", "usaha", "geom", "", "fid")
    records = QgsVectorLayer(uri.uri(False), "usaha", "postgres")
    assert not records.isValid() or records.featureCount() in (-1, 0) or \
        sum(1 for _ in records.getFeatures()) == 0
    uri.setDataSource("ir", "usaha_publik", "geom", "", "fid")
    public = QgsVectorLayer(uri.uri(False), "publik", "postgres")
    assert public.isValid()
    assert sum(1 for _ in public.getFeatures()) == shared.sql(
        "SELECT count(*) FROM ir.usaha WHERE izin_publikasi")[0][0]
    assert not set(public.fields().names()) & (set(schema.personal_fields()) - {"nama_pemilik"})


def test_an_older_database_is_closed_on_upgrade(shared):
    """Databases made before issue 17 let readers into usaha_umum: the upgrade revokes it."""
    shared.sql("GRANT SELECT ON ir.usaha_umum TO ir_pembaca")
    assert _as(shared, "analis", "SELECT count(*) FROM ir.usaha_umum")[0][0] > 0
    _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="ir")
    _denied(shared, "analis", "SELECT count(*) FROM ir.usaha_umum")
    assert _as(shared, "staf", "SELECT count(*) FROM ir.usaha_umum")[0][0] == shared.sql(
        "SELECT count(*) FROM ir.usaha")[0][0]
