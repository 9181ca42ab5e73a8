"""The shared database on a real PostgreSQL 15 + PostGIS started on loopback by the tests."""

from __future__ import annotations

import gc

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from industri_rumahan_plugin.core import schema
from tests.pg_server import running

pytestmark = pytest.mark.postgis
CONNECTION = "ir_test_shared"
SAVE_USER = {"saveUsername": True, "savePassword": True}


@pytest.fixture(scope="module")
def pg():
    with running() as server:
        yield server


@pytest.fixture(scope="module")
def shared(pg, provider):
    """A saved QGIS connection to the test server and the schema 'ir' with its roles."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(pg.uri(), SAVE_USER), CONNECTION)
    _run("createshareddatabase", DATABASE=CONNECTION, SCHEMA="ir")
    for user, role in (("staf_bangka", "ir_kab_1901"), ("staf_belitung", "ir_kab_1902"),
                       ("staf_provinsi", "ir_provinsi"), ("analis", "ir_pembaca")):
        pg.sql(f"CREATE ROLE {user} LOGIN IN ROLE {role}")
    yield pg
    gc.collect()
    metadata.deleteConnection(CONNECTION)


def _run(alg, **params):
    from qgis import processing

    return processing.run(f"industrirumahan:{alg}", params)


def _layer(pg, table: str, user: str = "postgres", geometry: bool = True) -> QgsVectorLayer:
    uri = QgsDataSourceUri(pg.uri(user))
    uri.setDataSource("ir", table, "geom" if geometry else None, "", "fid")
    layer = QgsVectorLayer(uri.uri(False), f"{table}_{user}", "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


def _rows(layer: QgsVectorLayer, key: str, names: list[str]) -> dict:
    out = {}
    for f in layer.getFeatures():
        values = []
        for n in names:
            v = f[n]
            values.append(None if v is None or (hasattr(v, "isNull") and v.isNull()) else
                          (v.toPyDateTime() if hasattr(v, "toPyDateTime") else v))
        out[str(f[key])] = (values, f.geometry().asWkb().data())
    return out


def _table_rows(layer: QgsVectorLayer, names: list[str]) -> list[tuple]:
    """Every row of an attribute table, sorted (a multiset: history rows have no key)."""
    rows = []
    for f in layer.getFeatures():
        values = []
        for n in names:
            v = f[n]
            values.append(None if v is None or (hasattr(v, "isNull") and v.isNull()) else
                          (v.toPyDateTime().replace(tzinfo=None) if hasattr(v, "toPyDateTime")
                           else v))
        rows.append(tuple(values))
    return sorted(rows, key=repr)


def test_create_upgrades_an_older_schema_without_loss(pg, provider):
    pg.sql("CREATE EXTENSION IF NOT EXISTS postgis; CREATE SCHEMA lama; "
           "CREATE TABLE lama.usaha (fid serial PRIMARY KEY, geom geometry(Point, 4326), "
           "uid varchar(36), nama_usaha varchar(120), kode_kabupaten varchar(5)); "
           "CREATE TABLE lama.schema_version (versi integer NOT NULL, "
           "dipasang timestamptz NOT NULL DEFAULT now(), catatan text); "
           "INSERT INTO lama.schema_version (versi) VALUES (0); "
           "INSERT INTO lama.usaha (geom, uid, nama_usaha, kode_kabupaten) VALUES "
           "(ST_SetSRID(ST_Point(106.1, -1.85), 4326), 'u-1', 'Kerupuk Lama', '19.01')")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(pg.uri(), SAVE_USER), "ir_test_old")
    try:
        out = _run("createshareddatabase", DATABASE="ir_test_old", SCHEMA="lama",
                   SECURITY=False)
        again = _run("createshareddatabase", DATABASE="ir_test_old", SCHEMA="lama",
                     SECURITY=False)
    finally:
        metadata.deleteConnection("ir_test_old")
    assert out["VERSION"] == again["VERSION"] == schema.SCHEMA_VERSION
    columns = {r[0] for r in pg.sql("SELECT column_name FROM information_schema.columns "
                                    "WHERE table_schema = 'lama' AND table_name = 'usaha'")}
    assert set(schema.field_names()) <= columns
    assert pg.sql("SELECT uid, nama_usaha, kode_kabupaten, ST_AsText(geom) FROM lama.usaha") == [
        ("u-1", "Kerupuk Lama", "19.01", "POINT(106.1 -1.85)")]
    assert pg.sql("SELECT versi FROM lama.schema_version ORDER BY versi") == [
        (0,), (schema.SCHEMA_VERSION,)]
    assert pg.sql("SELECT kode FROM lama.ref_tahap ORDER BY \"order\"") == [
        ("pemula",), ("berkembang",), ("maju",)]
    indexes = {r[0] for r in pg.sql("SELECT indexname FROM pg_indexes WHERE schemaname='lama'")}
    assert {"usaha_geom_idx", "usaha_uid_idx", "usaha_kab_idx"} <= indexes


def test_publish_round_trip_is_equal(shared, demo_gpkg):
    from industri_rumahan_plugin.adapters.geopackage import recognised_layers

    out = _run("publishtopostgis", INPUT=str(demo_gpkg), DATABASE=CONNECTION, SCHEMA="ir")
    sources = recognised_layers(demo_gpkg)
    assert {"stage_history", "programme_register"} <= set(sources)
    assert out["COPIED"] == sum(layer.featureCount() for layer in sources.values())
    for role, (table, _geometry, specs) in schema.LAYERS.items():
        names = [s.name for s in specs]
        key = "uid" if role in ("enterprises", "services") else "kode"
        assert _rows(sources[role], key, names) == _rows(_layer(shared, table), key, names), table
    for role, (table, _geometry, specs) in schema.TABLES.items():
        names = [s.name for s in specs]
        published = _table_rows(_layer(shared, table, geometry=False), names)
        assert published == _table_rows(sources[role], names), table
        assert len(published) == sources[role].featureCount() > 1000
    again = _run("publishtopostgis", INPUT=str(demo_gpkg), DATABASE=CONNECTION, SCHEMA="ir")
    assert again["COPIED"] == 0 and again["SKIPPED"] == out["COPIED"]


def _own_feature(layer: QgsVectorLayer, code: str) -> QgsFeature:
    request = QgsFeatureRequest().setFilterExpression(f"kode_kabupaten = '{code}'")
    return next(layer.getFeatures(request))


def test_regency_staff_see_and_edit_only_their_regency(shared, demo_gpkg):
    counts = dict(shared.sql("SELECT kode_kabupaten, count(*) FROM ir.usaha GROUP BY 1"))
    bangka = _layer(shared, "usaha", "staf_bangka")
    belitung = _layer(shared, "usaha", "staf_belitung")
    province = _layer(shared, "usaha", "staf_provinsi")
    assert bangka.featureCount() == counts["19.01"]
    assert belitung.featureCount() == counts["19.02"]
    assert province.featureCount() == sum(counts.values())
    # two editors of different regencies at the same time
    a, b = _own_feature(bangka, "19.01"), _own_feature(belitung, "19.02")
    assert bangka.startEditing() and belitung.startEditing()
    bangka.changeAttributeValue(a.id(), bangka.fields().indexOf("catatan"), "diperiksa Bangka")
    belitung.changeAttributeValue(b.id(), belitung.fields().indexOf("catatan"),
                                  "diperiksa Belitung")
    assert belitung.commitChanges(), belitung.commitErrors()
    assert bangka.commitChanges(), bangka.commitErrors()
    notes = dict(shared.sql("SELECT uid, catatan FROM ir.usaha WHERE uid IN (%s, %s)",
                            (a["uid"], b["uid"])))
    assert notes == {a["uid"]: "diperiksa Bangka", b["uid"]: "diperiksa Belitung"}


def test_edit_into_another_regency_is_refused_and_input_kept(shared, demo_gpkg):
    bangka = _layer(shared, "usaha", "staf_bangka")
    feature = _own_feature(bangka, "19.01")
    kab = bangka.fields().indexOf("kode_kabupaten")
    note = bangka.fields().indexOf("catatan")
    assert bangka.startEditing()
    bangka.changeAttributeValue(feature.id(), kab, "19.02")
    bangka.changeAttributeValue(feature.id(), note, "pindah ke Belitung")
    assert not bangka.commitChanges()
    message = " ".join(bangka.commitErrors())
    assert "bukan wilayah Anda" in message and "19.02" in message
    assert bangka.isEditable()  # the input is kept in the edit buffer
    kept = bangka.editBuffer().changedAttributeValues()[feature.id()]
    assert kept[kab] == "19.02" and kept[note] == "pindah ke Belitung"
    assert shared.sql("SELECT kode_kabupaten FROM ir.usaha WHERE uid = %s",
                      (feature["uid"],)) == [("19.01",)]
    bangka.rollBack()
    # a new enterprise in another regency is refused too; nothing is written
    before = shared.sql("SELECT count(*) FROM ir.usaha")[0][0]
    assert bangka.startEditing()
    new = QgsFeature(bangka.fields())
    new["uid"], new["nama_usaha"], new["kode_kabupaten"] = "x-1", "Usaha Luar", "19.71"
    assert bangka.addFeature(new)
    assert not bangka.commitChanges()
    assert "bukan wilayah Anda" in " ".join(bangka.commitErrors())
    bangka.rollBack()
    assert shared.sql("SELECT count(*) FROM ir.usaha")[0][0] == before


def test_personal_columns_only_for_roles_that_need_them(shared, demo_gpkg):
    import psycopg2

    conn = psycopg2.connect(shared.uri("analis"))
    try:
        with conn.cursor() as cur:
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("SELECT nik FROM ir.usaha LIMIT 1")
            conn.rollback()
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):  # issue 17
                cur.execute("SELECT * FROM ir.usaha_umum LIMIT 1")
            conn.rollback()
            cur.execute("SELECT sum(jumlah) FROM ir.ringkasan_kabupaten")
            total = cur.fetchone()[0]
    finally:
        conn.close()
    staff = psycopg2.connect(shared.uri("staf_provinsi"))
    try:
        with staff.cursor() as cur:
            cur.execute("SELECT * FROM ir.usaha_umum LIMIT 1")
            columns = {d.name for d in cur.description}
    finally:
        staff.close()
    assert not columns & set(schema.personal_fields())
    assert {"uid", "sektor", "tahap", "kode_kabupaten"} <= columns
    assert total == shared.sql("SELECT count(*) FROM ir.usaha")[0][0]


def test_missing_connection_is_a_clear_error(provider):
    with pytest.raises(QgsProcessingException):
        _run("createshareddatabase", DATABASE="no_such_connection")
