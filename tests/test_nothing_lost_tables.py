"""A PostGIS table is never replaced unless the plugin wrote it (real PostgreSQL + PostGIS).

QGIS writes a Processing output to a PostGIS destination by dropping and re-creating the
table. Given the office's ``ir.layanan`` or a table of its own as the output, the rows would
be gone; ``output_tables`` refuses it before anything runs.
"""

from __future__ import annotations

import pytest
from qgis import processing
from qgis.core import QgsDataSourceUri, QgsProcessingException

from tests.pg_server import running

pytestmark = pytest.mark.postgis
CONNECTION = "ir_test_tables"


@pytest.fixture(scope="module")
def server(provider, demo_gpkg):
    with running(CONNECTION, postgis_first=True) as pg:
        processing.run("industrirumahan:createshareddatabase",
                       {"DATABASE": CONNECTION, "SCHEMA": "ir"})
        processing.run("industrirumahan:publishtopostgis",
                       {"INPUT": str(demo_gpkg), "DATABASE": CONNECTION, "SCHEMA": "ir"})
        pg.sql("CREATE TABLE public.catatan_kantor (id serial PRIMARY KEY, isi text)")
        pg.sql("INSERT INTO public.catatan_kantor (isi) VALUES ('rapat'), ('anggaran')")
        yield pg


def _dest(pg, schema: str, table: str) -> str:
    uri = QgsDataSourceUri(pg.uri())
    uri.setDataSource(schema, table, "geom")
    return "postgis:" + uri.uri(False)


def _density(demo_gpkg, output: str) -> dict:
    return processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "OUTPUT": output})


def _rows(pg, table: str) -> int:
    return pg.sql(f"SELECT count(*) FROM {table}")[0][0]


@pytest.mark.parametrize("schema,table", [("ir", "layanan"), ("ir", "kabupaten"),
                                          ("public", "catatan_kantor")])
def test_an_existing_table_not_ours_is_refused(server, demo_gpkg, schema, table):
    before = _rows(server, f"{schema}.{table}")
    assert before > 0
    with pytest.raises(QgsProcessingException, match=r"\[OUTPUT\]: the table .* already exists"):
        _density(demo_gpkg, _dest(server, schema, table))
    assert _rows(server, f"{schema}.{table}") == before


def test_a_new_table_is_written_and_may_be_replaced_by_the_next_run(server, demo_gpkg):
    dest = _dest(server, "public", "kepadatan_uji")
    _density(demo_gpkg, dest)
    regions = _rows(server, "ir.kabupaten")
    assert _rows(server, "public.kepadatan_uji") == regions
    _density(demo_gpkg, dest)  # the plugin's own output: replaced, not refused
    assert _rows(server, "public.kepadatan_uji") == regions
