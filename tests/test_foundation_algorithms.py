"""createdatabase / generatedemo in the real QGIS Processing framework."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import shapely
from qgis import processing
from qgis.core import QgsProcessingException, QgsVectorLayer

from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.adapters.geopackage import check_database, recognised_layers
from industri_rumahan_plugin.core import catalogue, schema
from tests.conftest import BOUNDARIES as DATA


def test_createdatabase_writes_schema_lookups_and_version(provider, tmp_path):
    out = tmp_path / "baru.gpkg"
    result = processing.run("industrirumahan:createdatabase", {"OUTPUT": str(out), "LOAD": False})
    assert result["OUTPUT"] == str(out)
    assert check_database(out) == ("ok", "")
    layers = recognised_layers(out)
    assert set(layers) == {"enterprises", "services", "regencies", "districts", "villages",
                           "stage_history", "programme_register"}
    assert set(result["LAYERS"]) == {f"{out}|layername={t}" for t, _g, _s in
                                     [*schema.LAYERS.values(), *schema.TABLES.values()]}
    for role, (table, _geometry, specs) in schema.TABLES.items():
        assert layers[role].name() == table and layers[role].featureCount() == 0
        assert layers[role].fields().names()[1:] == schema.field_names(specs)
    assert layers["stage_history"].fields().field("tanggal_berlaku").typeName() == "DateTime"
    enterprises = layers["enterprises"]
    assert enterprises.featureCount() == 0
    assert enterprises.crs().authid() == "EPSG:4326"
    assert enterprises.fields().names()[1:] == schema.field_names()  # after the fid
    assert enterprises.fields().field("krtp").typeName() == "Boolean"
    with sqlite3.connect(out) as db:
        sectors = db.execute("select kode, kbli from ref_sektor").fetchall()
        version = db.execute(
            "select nilai from ir_metadata where kunci='schema_version'").fetchone()
        programmes = db.execute("select kode from ref_program").fetchall()
        kinds = db.execute("select kode from ref_jenis_partisipasi").fetchall()
        sources = db.execute("select kode, label_en from ref_sumber_riwayat").fetchall()
        indexes = {r[0]: r[1] for r in db.execute(
            "select name, tbl_name from sqlite_master where type = 'index' and sql is not null")}
        columns = {t: [r[2] for r in db.execute(f"pragma index_info('{i}')")]
                   for i, t in indexes.items()}
    assert programmes == [(c,) for c in catalogue.codes(catalogue.PROGRAMMES)]
    assert kinds == [(c,) for c in catalogue.codes(catalogue.PARTICIPATION_KINDS)]
    assert sources == [(e.code, e.label_en) for e in catalogue.HISTORY_SOURCES]
    assert sorted(columns.values()) == [["uid"], ["uid", "tanggal_berlaku"]]
    assert schema.SCHEMA_VERSION == 3
    assert sectors == [(s.code, s.kbli) for s in catalogue.SECTORS]
    assert version == (str(schema.SCHEMA_VERSION),)


def test_createdatabase_refuses_a_foreign_geopackage_and_leaves_it(foreign_gpkg):
    foreign = foreign_gpkg
    before = foreign.read_bytes()
    with pytest.raises(QgsProcessingException, match="not an Industri Rumahan database"):
        processing.run("industrirumahan:createdatabase", {"OUTPUT": str(foreign), "LOAD": False})
    assert foreign.read_bytes() == before


def test_older_schema_is_reported_not_changed(provider, tmp_path):
    out = tmp_path / "lama.gpkg"
    processing.run("industrirumahan:createdatabase", {"OUTPUT": str(out), "LOAD": False})
    with sqlite3.connect(out) as db:
        db.execute("update ir_metadata set nilai='0' where kunci='schema_version'")
    before = out.read_bytes()
    status, message = check_database(out)
    assert status == "older"
    assert "schema version 0" in message
    assert out.read_bytes() == before


def test_demo_geopackage_has_real_boundaries_and_plausible_enterprises(demo_gpkg):
    layers = recognised_layers(demo_gpkg)
    assert layers["regencies"].featureCount() == 7
    assert layers["districts"].featureCount() == 47
    assert layers["enterprises"].featureCount() == 3000
    assert layers["services"].featureCount() > 50
    ent = read_source(layers["enterprises"], ["kode_kabupaten", "sektor", "tahap", "nik",
                                              "jenis_kelamin_pemilik", "krtp"])
    reg = read_source(layers["regencies"], ["kode", "penduduk_total"])
    frame = ent.attributes
    # every enterprise lies inside the regency whose code it carries
    by_code = dict(zip(reg.attributes["kode"], reg.geometries))
    xy = ent.point_xy()
    inside = [shapely.contains_xy(by_code[c], x, y) for c, (x, y) in
              zip(frame["kode_kabupaten"], xy)]
    assert all(inside)
    # counts follow population (multinomial: within a few standard errors)
    counts = frame["kode_kabupaten"].value_counts()
    pop = reg.attributes.set_index("kode")["penduduk_total"].astype(float)
    expected = 3000 * pop / pop.sum()
    assert np.all(np.abs(counts[expected.index] - expected) < 5 * np.sqrt(expected))
    assert set(frame["sektor"]) <= set(catalogue.codes(catalogue.SECTORS))
    assert frame["tahap"].value_counts()["pemula"] > frame["tahap"].value_counts()["maju"]
    assert frame["nik"].str.fullmatch(r"\d{16}").all()
    assert not frame["nik"].duplicated().any()
    women = frame["jenis_kelamin_pemilik"] == "P"
    assert 0.7 < women.mean() < 0.9
    assert not (frame["krtp"].astype(bool) & ~women).any()  # KRTP owners are women


def test_generatedemo_is_seeded_and_stays_inside_regions(provider, tmp_path):
    regions = str(DATA / "kota_malang_adm3_kecamatan.geojson")
    params = {"REGIONS": regions, "CODE_FIELD": "kode", "NAME_FIELD": "nama",
              "POPULATION_FIELD": None, "COUNT": 400, "SEED": 5}
    a = processing.run("industrirumahan:generatedemo",
                       {**params, "OUTPUT": str(tmp_path / "a.gpkg"),
                        "OUTPUT_SERVICES": str(tmp_path / "sa.gpkg")})
    b = processing.run("industrirumahan:generatedemo",
                       {**params, "OUTPUT": str(tmp_path / "b.gpkg"), "OUTPUT_SERVICES": None})
    la, lb = QgsVectorLayer(a["OUTPUT"]), QgsVectorLayer(b["OUTPUT"])
    assert la.featureCount() == lb.featureCount() == 400
    pa = [(f.geometry().asPoint().x(), f["nik"]) for f in la.getFeatures()]
    pb = [(f.geometry().asPoint().x(), f["nik"]) for f in lb.getFeatures()]
    assert pa == pb
    union = shapely.union_all(read_source(QgsVectorLayer(regions), []).geometries)
    xy = read_source(la, []).point_xy()
    assert shapely.contains_xy(union, xy[:, 0], xy[:, 1]).all()
    services = QgsVectorLayer(a["OUTPUT_SERVICES"])
    assert services.featureCount() > 5
    kinds = {f["jenis"] for f in services.getFeatures()}
    assert kinds <= set(catalogue.codes(catalogue.SERVICE_TYPES)) and "pasar" in kinds


def test_generatedemo_rejects_an_empty_region_layer(provider, tmp_path):
    empty = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=kode:string", "kosong", "memory")
    with pytest.raises(QgsProcessingException, match="no features"):
        processing.run("industrirumahan:generatedemo", {
            "REGIONS": empty, "CODE_FIELD": "kode", "POPULATION_FIELD": None, "COUNT": 10,
            "OUTPUT": str(tmp_path / "x.gpkg")})
