"""industrirumahan:nearestservice writes GeoPackage outputs in bulk (SQLite, not the feature
sink): the result must be the same, field for field and feature for feature, as the sink's."""

from __future__ import annotations

import sqlite3

import pytest
from osgeo import gdal
from qgis import processing
from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)


def _run(usaha: str, layanan: str, output, **extra):
    params = {"INPUT": usaha, "SERVICES": layanan, "SERVICE_TYPES": "pasar, bank_kur",
              "MAX_DISTANCE": 15000, "OUTPUT": output, **extra}
    return processing.run("industrirumahan:nearestservice", params)["OUTPUT"]


def _rows(layer: QgsVectorLayer) -> dict:
    return {f["uid"]: (f.attributes(), f.geometry().asWkt(9)) for f in layer.getFeatures()}


def _assert_same(bulk: QgsVectorLayer, sink: QgsVectorLayer) -> None:
    assert bulk.isValid() and sink.isValid()
    assert bulk.fields().names() == sink.fields().names()
    assert [f.type() for f in bulk.fields()] == [f.type() for f in sink.fields()]
    assert bulk.crs() == sink.crs()
    assert bulk.featureCount() == sink.featureCount() == 3000
    mine, theirs = _rows(bulk), _rows(sink)
    assert mine.keys() == theirs.keys()
    for uid, row in theirs.items():
        assert mine[uid] == row, uid
    # the comparison is not empty: found services, and NULLs beyond MAX_DISTANCE
    names = [row[0][sink.fields().indexOf("layanan_bank_kur")] for row in theirs.values()]
    assert sum(bool(n) for n in names) > 100
    assert sum(not n for n in names) > 10


def _layers(path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]


def test_bulk_copy_of_a_multi_layer_geopackage_equals_the_sink(provider, demo_gpkg, tmp_path):
    usaha = f"{demo_gpkg}|layername=usaha"
    layanan = f"{demo_gpkg}|layername=layanan"
    out = tmp_path / "hasil.gpkg"
    assert _run(usaha, layanan, str(out)) == str(out)
    # the bulk writer keeps the input layer's name (the sink would name it "hasil")
    assert _layers(out) == ["usaha"]
    sink = _run(usaha, layanan, "memory:")
    _assert_same(QgsVectorLayer(str(out), "bulk", "ogr"), sink)
    # the spatial index is there, as the sink's writer leaves it
    with sqlite3.connect(out) as con:
        assert con.execute("SELECT count(*) FROM rtree_usaha_geom").fetchone()[0] == 3000


def test_bulk_copy_of_a_single_layer_file_equals_the_sink(provider, demo_gpkg, tmp_path):
    single = tmp_path / "usaha_saja.gpkg"
    gdal.VectorTranslate(str(single), str(demo_gpkg), format="GPKG", layers=["usaha"])
    layanan = f"{demo_gpkg}|layername=layanan"
    out = tmp_path / "hasil.gpkg"
    # an earlier output of the plugin is replaced (any other existing file is refused:
    # tests/test_nothing_lost_overwrite.py)
    assert _run(str(single), layanan, str(out)) == str(out)
    assert _run(str(single), layanan, str(out)) == str(out)
    assert _layers(out) == ["usaha"]
    _assert_same(QgsVectorLayer(str(out), "bulk", "ogr"), _run(str(single), layanan, "memory:"))
    # the input is untouched
    with sqlite3.connect(single) as con:
        names = [r[1] for r in con.execute("PRAGMA table_info(usaha)")]
    assert "jarak_m_pasar" not in names


def test_temporary_output_is_a_geopackage_loaded_on_completion(provider, demo_gpkg):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT,
                                                QgsProject.instance())
    output.destinationName = "terdekat"
    result = processing.run("industrirumahan:nearestservice", {
        "INPUT": f"{demo_gpkg}|layername=usaha",
        "SERVICES": f"{demo_gpkg}|layername=layanan", "SERVICE_TYPES": "pasar",
        "OUTPUT": output}, context=context)["OUTPUT"]
    assert isinstance(result, str) and result.endswith(".gpkg")
    details = context.layersToLoadOnCompletion()
    assert result in details and details[result].name == "terdekat"
    layer = QgsVectorLayer(result, "t", "ogr")
    assert layer.featureCount() == 3000
    assert all(f["jarak_m_pasar"] > 0 for f in layer.getFeatures())


@pytest.mark.parametrize("output", ["memory:", "geojson"])
def test_other_destinations_still_use_the_sink(provider, demo_gpkg, tmp_path, output):
    target = str(tmp_path / "hasil.geojson") if output == "geojson" else output
    result = _run(f"{demo_gpkg}|layername=usaha", f"{demo_gpkg}|layername=layanan", target)
    layer = result if isinstance(result, QgsVectorLayer) else QgsVectorLayer(result, "r", "ogr")
    assert layer.featureCount() == 3000
    assert "jarak_m_pasar" in layer.fields().names()
    assert sum(f["jarak_m_bank_kur"] is not None and f["jarak_m_bank_kur"] == f["jarak_m_bank_kur"]
               and f["jarak_m_bank_kur"] > 0 for f in layer.getFeatures()) > 100
