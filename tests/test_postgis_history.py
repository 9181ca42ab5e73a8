"""The shared database's history tables: upgrade of a version-1 schema, RLS, no reader access."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.core import schema
from tests.pg_server import running

pytestmark = pytest.mark.postgis
CONNECTION = "ir_test_history"
DATA = Path(__file__).parent / "data"
# the enterprise fields of version 1 (schema 3 appended photo, contact and consent)
ENTERPRISE_COLUMNS = schema.field_names()[:schema.field_names().index("foto")]


@pytest.fixture(scope="module")
def pg(provider):
    with running(CONNECTION) as server:
        yield server


def _run(alg: str, **params) -> dict:
    from qgis import processing

    return processing.run(f"industrirumahan:{alg}", params)


def _load_v1(pg, name: str) -> None:
    """The version-1 schema as the v1 plugin made it, filled with the v1 demo enterprises."""
    pg.sql((DATA / "postgis_schema_v1.sql").read_text(encoding="utf-8").replace("{schema}", name))
    _insert_enterprises(pg, name)


def _insert_enterprises(pg, name: str) -> None:
    layer = QgsVectorLayer(f"{DATA / 'schema_v1_demo.gpkg'}|layername=usaha", "usaha", "ogr")
    bools = {f.name for f in schema.ENTERPRISE_FIELDS if f.type == "bool"}
    rows = []
    for f in layer.getFeatures():
        values = []
        for n in ENTERPRISE_COLUMNS:
            v = f[n]
            v = None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
            if v is not None and hasattr(v, "toPyDateTime"):
                v = v.toPyDateTime().replace(tzinfo=None)
            values.append(bool(v) if n in bools and v is not None else v)
        rows.append((*values, f.geometry().asWkt()))
    conn = pg.admin(pg.dbname)
    try:
        with conn, conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO {name}.usaha ({', '.join(ENTERPRISE_COLUMNS)}, geom) VALUES "
                f"({', '.join(['%s'] * len(ENTERPRISE_COLUMNS))}, ST_GeomFromText(%s, 4326))",
                rows)
    finally:
        conn.close()


def _enterprises(pg, name: str) -> list[tuple]:
    return pg.sql(f"SELECT fid, {', '.join(ENTERPRISE_COLUMNS)}, ST_AsBinary(geom)::text "
                  f"FROM {name}.usaha ORDER BY fid")


def test_createshareddatabase_upgrades_a_version_1_schema_without_loss(pg, tmp_path):
    _load_v1(pg, "satu")
    assert pg.sql("SELECT versi FROM satu.schema_version") == [(1,)]
    before = _enterprises(pg, "satu")
    assert len(before) == 300
    out = _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="satu",
               REGENCIES="19.01,19.02")
    assert out["VERSION"] == schema.SCHEMA_VERSION == 3
    assert _enterprises(pg, "satu") == before
    assert pg.sql("SELECT versi FROM satu.schema_version ORDER BY versi") == [(1,), (3,)]
    # one history row per enterprise: its stage, dated diubah else dibuat, source impor
    history = pg.sql("SELECT u.tahap, r.tahap, r.tanggal_berlaku, coalesce(u.diubah, u.dibuat), "
                     "r.sumber, r.pengguna FROM satu.usaha u JOIN satu.riwayat_tahap r "
                     "ON r.uid = u.uid")
    assert len(history) == 300
    for stage, seeded, effective, date, source, who in history:
        assert (seeded, source, who) == (stage, "impor", "postgres")
        assert date is None or effective == date
    # the programme rows equal what the GeoPackage upgrade writes from the same enterprises
    gpkg = tmp_path / "v1.gpkg"
    shutil.copy(DATA / "schema_v1_demo.gpkg", gpkg)
    _run("upgradedatabase", INPUT=str(gpkg))
    with sqlite3.connect(gpkg) as db:
        expected = sorted(db.execute("SELECT uid, jenis, program, tahun, penyelenggara "
                                     "FROM partisipasi_program").fetchall(), key=repr)
    published = pg.sql("SELECT uid, jenis, program, tahun, penyelenggara "
                       "FROM satu.partisipasi_program")
    assert sorted(published, key=repr) == expected and len(expected) > 200
    # indexes, lookups, row-level security on the new tables
    indexes = {r[0] for r in pg.sql("SELECT indexname FROM pg_indexes WHERE schemaname='satu'")}
    assert {"riwayat_tahap_uid_tanggal_idx", "partisipasi_program_uid_idx"} <= indexes
    assert pg.sql("SELECT count(*) FROM satu.ref_program") == [(7,)]
    policies = set(pg.sql("SELECT tablename, policyname FROM pg_policies "
                          "WHERE schemaname = 'satu'"))
    for table in ("riwayat_tahap", "partisipasi_program"):
        assert {(table, "provinsi_semua"), (table, "kabupaten_sendiri")} <= policies
    # running it again adds nothing
    _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="satu", REGENCIES="19.01,19.02")
    assert pg.sql("SELECT count(*) FROM satu.riwayat_tahap") == [(300,)]
    assert pg.sql("SELECT count(*) FROM satu.partisipasi_program") == [(len(expected),)]
    assert pg.sql("SELECT versi FROM satu.schema_version ORDER BY versi") == [(1,), (3,)]


def _as(pg, user: str, sql: str, params=None):
    import psycopg2

    conn = psycopg2.connect(pg.uri(user))
    try:
        with conn, conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else cur.rowcount
    finally:
        conn.close()


def test_history_rows_follow_the_enterprise_regency(pg):
    import psycopg2

    _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="ir", REGENCIES="19.01,19.02")
    _insert_enterprises(pg, "ir")
    for user, role in (("staf_bangka", "ir_kab_1901"), ("staf_provinsi", "ir_provinsi"),
                       ("analis", "ir_pembaca")):
        pg.sql(f"CREATE ROLE {user} LOGIN IN ROLE {role}")
    pg.sql("INSERT INTO ir.riwayat_tahap (uid, tahap, tanggal_berlaku, sumber) "
           "SELECT uid, tahap, now(), 'survei' FROM ir.usaha")
    pg.sql("INSERT INTO ir.partisipasi_program (uid, jenis, program, tahun) "
           "SELECT uid, 'pendampingan', 'prima', 2025 FROM ir.usaha")
    per_regency = dict(pg.sql("SELECT kode_kabupaten, count(*) FROM ir.usaha GROUP BY 1"))
    own = per_regency["19.01"]
    for table in ("riwayat_tahap", "partisipasi_program"):
        assert _as(pg, "staf_bangka", f"SELECT count(*) FROM ir.{table}") == [(own,)]
        assert _as(pg, "staf_bangka", f"SELECT count(*) FROM ir.{table} t JOIN ir.usaha u "
                                       "ON u.uid = t.uid WHERE u.kode_kabupaten <> '19.01'"
                   ) == [(0,)]
        assert _as(pg, "staf_provinsi", f"SELECT count(*) FROM ir.{table}") == [
            (sum(per_regency.values()),)]
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _as(pg, "analis", f"SELECT count(*) FROM ir.{table}")
    mine = pg.sql("SELECT uid FROM ir.usaha WHERE kode_kabupaten = '19.01' LIMIT 1")[0][0]
    theirs = pg.sql("SELECT uid FROM ir.usaha WHERE kode_kabupaten = '19.02' LIMIT 1")[0][0]
    insert = ("INSERT INTO ir.riwayat_tahap (uid, tahap, tanggal_berlaku, sumber, pengguna) "
              "VALUES (%s, 'maju', now(), 'edit', current_user)")
    assert _as(pg, "staf_bangka", insert, (mine,)) == 1
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):  # WITH CHECK of the policy
        _as(pg, "staf_bangka", insert, (theirs,))
    assert _as(pg, "staf_bangka", "UPDATE ir.partisipasi_program SET tahun = 2024 "
                                  "WHERE uid = %s", (theirs,)) == 0  # not visible: untouched
    assert pg.sql("SELECT tahun FROM ir.partisipasi_program WHERE uid = %s", (theirs,)) == [
        (2025,)]
    assert pg.sql("SELECT count(*) FROM ir.riwayat_tahap WHERE uid = %s AND sumber = 'edit'",
                  (mine,)) == [(1,)]
