"""Stage history recorded on a shared PostGIS database (a throw-away server on loopback)."""

from __future__ import annotations

import pytest
from qgis.core import QgsDataSourceUri, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from industri_rumahan_plugin.adapters import history_recorder
from industri_rumahan_plugin.adapters.postgis.ddl import schema_sql
from industri_rumahan_plugin.core import schema
from tests.pg_server import running

pytestmark = pytest.mark.postgis
UID = "0b7c6a2e-1111-4c1a-9a57-1d2b3c4e5f60"


@pytest.fixture(scope="module")
def pg():
    with running() as server:
        server.sql(schema_sql("ir"))
        yield server


def _enterprises(pg) -> QgsVectorLayer:
    uri = QgsDataSourceUri(pg.uri())
    uri.setDataSource("ir", schema.ENTERPRISES, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "usaha", "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


def test_postgis_commit_records_and_rollback_does_not(pg, provider):
    layer = _enterprises(pg)
    table = history_recorder.history_table(layer)
    assert table is not None and table.providerType() == "postgres"
    history_recorder.attach(layer)
    try:
        feature = QgsFeature(layer.fields())
        for name, value in (("uid", UID), ("nama_usaha", "Getas Ani"), ("sektor", "makanan"),
                            ("tahap", "pemula"), ("nama_pemilik", "Ani"),
                            ("jenis_kelamin_pemilik", "P"), ("kode_kabupaten", "19.01")):
            feature[name] = value
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(106.1, -1.85)))
        assert layer.startEditing() and layer.addFeature(feature)
        assert layer.commitChanges(), layer.commitErrors()
        stored = next(layer.getFeatures(f"\"uid\" = '{UID}'"))
        assert layer.startEditing()
        layer.changeAttributeValue(stored.id(), layer.fields().indexOf("tahap"), "maju")
        assert layer.rollBack()
        assert layer.startEditing()
        layer.changeAttributeValue(stored.id(), layer.fields().indexOf("tahap"), "berkembang")
        assert layer.commitChanges(), layer.commitErrors()
    finally:
        history_recorder.release(layer.id())
    rows = pg.sql(f"SELECT tahap, sumber, pengguna, tanggal_berlaku::date = current_date "
                  f"FROM ir.{schema.STAGE_HISTORY} WHERE uid = %s ORDER BY fid", (UID,))
    user = history_recorder.current_user()
    assert rows == [("pemula", "edit", user, True), ("berkembang", "edit", user, True)]
