"""Writes are all or nothing: a refused feature fails the run naming it; a cancel leaves the
target as it was and no half-written GeoPackage, Shapefile or staging folder (issue 17)."""

from __future__ import annotations

import gc
import hashlib
import sqlite3
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from industri_rumahan_plugin.adapters import output_writer


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir()
                  if p.name.startswith(output_writer.STAGE_PREFIX))


def count(uri: str) -> int:
    return QgsVectorLayer(uri, "n", "ogr").featureCount()


def run(alg: str, feedback=None, **params):
    return processing.run(f"industrirumahan:{alg}", params, feedback=feedback)


class CancelWhileWriting(QgsProcessingFeedback):
    """The user presses Cancel once the progress passes ``at`` (the writing phase)."""

    def __init__(self, at: float) -> None:
        super().__init__()
        self.at = at
        self.progressChanged.connect(self._maybe)

    def _maybe(self, value: float) -> None:
        if value >= self.at:
            self.cancel()


def _too_long(path: Path, table: str, column: str, where: str, width: int) -> str:
    """Store a value longer than the field's declared width (GeoPackage does not enforce it,
    a memory layer does): what a careless edit in another tool leaves behind."""
    from osgeo import ogr

    value = "Usaha dengan nama yang sangat panjang " * (width // 30 + 2)
    database = ogr.Open(str(path), 1)  # GDAL's SQLite: the GeoPackage triggers' functions
    database.ExecuteSQL(f"UPDATE \"{table}\" SET \"{column}\" = '{value}' WHERE {where}")
    database = None
    return value


def test_nearestservice_fails_naming_the_refused_feature(demo_copy):
    with sqlite3.connect(demo_copy) as con:
        uid = con.execute("SELECT uid FROM usaha ORDER BY fid LIMIT 1 OFFSET 1234").fetchone()[0]
    _too_long(demo_copy, "usaha", "nama_usaha", f"uid = '{uid}'", 120)
    params = {"INPUT": f"{demo_copy}|layername=usaha",
              "SERVICES": f"{demo_copy}|layername=layanan", "SERVICE_TYPES": "pasar"}
    with pytest.raises(QgsProcessingException) as raised:
        run("nearestservice", OUTPUT="memory:", **params)
    message = str(raised.value)
    assert "OUTPUT" in message and f"uid {uid}" in message and "nothing was written" in message
    assert "120" in message  # QGIS's reason: the field's maximum length
    # a format that takes the long name writes every feature, read back
    out = demo_copy.parent / "terdekat.gpkg"
    assert run("nearestservice", OUTPUT=str(out), **params)["OUTPUT"] == str(out)
    assert count(str(out)) == 3000 and leftovers(demo_copy.parent) == []


def test_densitybyregion_fails_naming_the_refused_region(demo_copy, tmp_path):
    with sqlite3.connect(demo_copy) as con:
        kode, = con.execute("SELECT kode FROM kecamatan ORDER BY fid LIMIT 1 OFFSET 3").fetchone()
        width = 80
    _too_long(demo_copy, "kecamatan", "nama", f"kode = '{kode}'", width)
    table = tmp_path / "panjang.csv"
    with pytest.raises(QgsProcessingException, match="nothing was written") as raised:
        run("densitybyregion", INPUT=f"{demo_copy}|layername=usaha",
            REGIONS=f"{demo_copy}|layername=kecamatan", OUTPUT="memory:",
            OUTPUT_TABLE=str(table))
    assert "kode " + kode in str(raised.value) or "nama Usaha" in str(raised.value)
    assert not table.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("suffix", ["gpkg", "shp"])
def test_cancelling_generatedemo_while_writing_leaves_the_earlier_output(demo_gpkg, tmp_path,
                                                                           suffix):
    out = tmp_path / f"demo_usaha.{suffix}"
    services = tmp_path / f"demo_layanan.{suffix}"
    params = {"REGIONS": f"{demo_gpkg}|layername=kecamatan", "CODE_FIELD": "kode",
              "OUTPUT": str(out), "OUTPUT_SERVICES": str(services)}
    run("generatedemo", COUNT=100, **params)
    assert count(str(out)) == 100
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    feedback = CancelWhileWriting(45)  # writing runs from 40 % to 90 %, checked every 5,000
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("generatedemo", feedback=feedback, COUNT=20000, SEED=7, **params)
    assert feedback.isCanceled()
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before
    assert count(str(out)) == 100


def test_cancelling_generatedemo_into_a_new_file_writes_no_file(demo_gpkg, tmp_path):
    feedback = CancelWhileWriting(45)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("generatedemo", feedback=feedback, REGIONS=f"{demo_gpkg}|layername=kecamatan",
            CODE_FIELD="kode", COUNT=20000, OUTPUT=str(tmp_path / "baru.shp"),
            OUTPUT_SERVICES=str(tmp_path / "layanan.gpkg"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output,at", [("terdekat.gpkg", 70), ("terdekat.gpkg", 90),
                                       ("terdekat.shp", 70)])
def test_cancelling_nearestservice_while_writing_leaves_the_earlier_output(demo_gpkg, tmp_path,
                                                                             output, at):
    """GeoPackage (copied inside SQLite: cancelled before and during the copy) and Shapefile
    (the feature sink: cancelled as the writing starts)."""
    out = tmp_path / output
    params = {"INPUT": f"{demo_gpkg}|layername=usaha",
              "SERVICES": f"{demo_gpkg}|layername=layanan", "OUTPUT": str(out)}
    run("nearestservice", SERVICE_TYPES="pasar", **params)
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    fields = QgsVectorLayer(str(out), "o", "ogr").fields().names()
    feedback = CancelWhileWriting(at)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("nearestservice", feedback=feedback, SERVICE_TYPES="pasar,puskesmas", **params)
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before
    layer = QgsVectorLayer(str(out), "o", "ogr")
    assert layer.featureCount() == 3000 and layer.fields().names() == fields


def test_a_name_a_shapefile_would_cut_is_refused_not_truncated(demo_copy, tmp_path):
    """A Shapefile keeps 254 characters of text: a longer name is refused with its feature,
    never cut silently; the earlier Shapefile output stays as it was."""
    params = {"INPUT": f"{demo_copy}|layername=usaha",
              "SERVICES": f"{demo_copy}|layername=layanan", "SERVICE_TYPES": "pasar",
              "OUTPUT": str(tmp_path / "terdekat.shp")}
    run("nearestservice", **params)
    with sqlite3.connect(demo_copy) as con:
        uid = con.execute("SELECT uid FROM usaha ORDER BY fid LIMIT 1 OFFSET 2999").fetchone()[0]
    _too_long(demo_copy, "usaha", "catatan", f"uid = '{uid}'", 300)
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    with pytest.raises(QgsProcessingException, match=f"uid {uid}") as raised:
        run("nearestservice", **params)
    assert "truncated" in str(raised.value) and "nothing was written" in str(raised.value)
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


def test_a_cancelled_heatmap_leaves_the_earlier_raster(demo_gpkg, tmp_path):
    """A raster destination (GeoTIFF) is staged like the vector and file outputs."""
    out = tmp_path / "panas.tif"
    params = {"INPUT": f"{demo_gpkg}|layername=usaha", "RADIUS": 5000, "PIXEL_SIZE": 1000,
              "OUTPUT": str(out)}
    total = run("heatmap", **params)["TOTAL"]
    assert abs(total - 3000) < 30  # integrates to the enterprises (independent: the count)
    before = digest(out)
    feedback = CancelWhileWriting(41)  # the estimation reports 40-85 %
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("heatmap", feedback=feedback, **{**params, "PIXEL_SIZE": 500})
    assert digest(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["panas.tif"]
