"""Wrong input is refused with a message or normalised, never accepted silently (issue 17).

Each class is tried through several algorithms and formats (memory layers, GeoPackage,
GeoJSON); a refusal must leave the input file unchanged and write no output.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin.core import input_rules

REGIONS_2 = [  # two 0.01° squares near Pangkalpinang
    ("POLYGON((106.0 -2.0,106.01 -2.0,106.01 -1.99,106.0 -1.99,106.0 -2.0))", ["A", "Satu"]),
    ("POLYGON((106.01 -2.0,106.02 -2.0,106.02 -1.99,106.01 -1.99,106.01 -2.0))", ["B", "Dua"]),
]


class Said(QgsProcessingFeedback):
    """A real feedback that keeps what the algorithm told the user."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.lines.append(warning)
        super().pushWarning(warning)

    def text(self) -> str:
        return "\n".join(self.lines)


def _memory(kind: str, fields: str, rows, crs: str = "EPSG:4326") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs}&{fields}", "t", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def _regions() -> QgsVectorLayer:
    return _memory("Polygon", "field=kode:string&field=nama:string", REGIONS_2)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path: Path, layer: str) -> int:
    with sqlite3.connect(path) as con:
        return con.execute(f'SELECT COUNT(*) FROM "{layer}"').fetchone()[0]


def _refused(alg: str, params: dict, *words: str) -> str:
    with pytest.raises(QgsProcessingException) as caught:
        processing.run(f"industrirumahan:{alg}", params)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    return message


# --- declared CRS against the coordinates ---------------------------------------------------

def _metres_declared_degrees(demo_gpkg: Path, tmp_path: Path, layer: str, ext: str) -> Path:
    """The demo layer reprojected to UTM 48S, then (wrongly) declared EPSG:4326."""
    utm = processing.run("native:reprojectlayer", {
        "INPUT": f"{demo_gpkg}|layername={layer}", "TARGET_CRS": "EPSG:32748",
        "OUTPUT": "memory:"})["OUTPUT"]
    out = tmp_path / f"{layer}_salah.{ext}"
    processing.run("native:assignprojection", {
        "INPUT": utm, "CRS": "EPSG:4326", "OUTPUT": str(out)})
    return out


@pytest.mark.parametrize(("alg", "ext", "extra"), [
    ("densitybyregion", "gpkg", {"OUTPUT": "memory:"}),
    ("nearestservice", "geojson", {"OUTPUT": "memory:"}),
    ("heatmap", "gpkg", {"OUTPUT": "{tmp}/panas.tif"}),
    ("nearestneighbourindex", "geojson", {"OUTPUT": "memory:"}),
])
def test_projected_coordinates_declared_wgs84_are_refused(provider, demo_gpkg, tmp_path, alg,
                                                          ext, extra):
    wrong = _metres_declared_degrees(demo_gpkg, tmp_path, "usaha", ext)
    before = _digest(wrong)
    layer = QgsVectorLayer(str(wrong), "salah", "ogr")
    assert layer.featureCount() == _count(demo_gpkg, "usaha")  # all there, just wrong CRS
    params = {"INPUT": str(wrong), "REGIONS": f"{demo_gpkg}|layername=kabupaten",
              "SERVICES": f"{demo_gpkg}|layername=layanan",
              **{k: v.format(tmp=tmp_path) for k, v in extra.items()}}
    _refused(alg, params, "[INPUT]:", "CRS", "is wrong", "EPSG:4326")
    assert _digest(wrong) == before
    assert not (tmp_path / "panas.tif").exists()


def test_regions_with_a_wrong_crs_are_refused_too(provider, demo_gpkg, tmp_path):
    wrong = _metres_declared_degrees(demo_gpkg, tmp_path, "kecamatan", "gpkg")
    _refused("densitybyregion", {"INPUT": f"{demo_gpkg}|layername=usaha",
                                 "REGIONS": str(wrong), "OUTPUT": "memory:"},
             "[REGIONS]:", "is wrong")
    # the same regions with their true CRS are counted: every enterprise lands in one
    right = processing.run("native:assignprojection", {
        "INPUT": str(wrong), "CRS": "EPSG:32748", "OUTPUT": "memory:"})["OUTPUT"]
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": right, "OUTPUT": "memory:"})
    counted = sum(f["jml_usaha"] for f in out["OUTPUT"].getFeatures())
    assert counted + out["OUTSIDE_COUNT"] == _count(demo_gpkg, "usaha")


def test_an_unsaved_edit_with_metres_is_seen_before_saving(provider, demo_copy):
    """Timing: the wrong coordinates are only in the edit buffer, not yet in the file."""
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    regions = f"{demo_copy}|layername=kabupaten"
    assert layer.startEditing()
    first = next(layer.getFeatures())
    assert layer.changeGeometry(first.id(), QgsGeometry.fromWkt("POINT(560000 9650000)"))
    _refused("densitybyregion", {"INPUT": layer, "REGIONS": regions, "OUTPUT": "memory:"},
             "[INPUT]:", "is wrong")
    layer.rollBack()
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": layer, "REGIONS": regions, "OUTPUT": "memory:"})
    counted = sum(f["jml_usaha"] for f in out["OUTPUT"].getFeatures())
    assert counted + out["OUTSIDE_COUNT"] == _count(demo_copy, "usaha")


def test_the_crs_rule_itself():
    assert input_rules.coordinates_fit_geographic(105.1, -3.3, 108.3, -1.5)
    assert input_rules.coordinates_fit_geographic(-180, -90, 180, 90)
    assert not input_rules.coordinates_fit_geographic(560000.0, 9650000.0, 800000.0, 9850000.0)
    assert not input_rules.coordinates_fit_geographic(105.0, -3.0, 106.0, 95.0)


# --- geometry types -------------------------------------------------------------------------

@pytest.mark.parametrize(("alg", "params", "param"), [
    ("densitybyregion", {"INPUT": "kecamatan", "REGIONS": "kabupaten"}, "INPUT"),
    ("densitybyregion", {"INPUT": "usaha", "REGIONS": "layanan"}, "REGIONS"),
    ("nearestservice", {"INPUT": "desa", "SERVICES": "layanan"}, "INPUT"),
    ("nearestservice", {"INPUT": "usaha", "SERVICES": "kecamatan"}, "SERVICES"),
    ("servicegap", {"INPUT": "usaha", "SERVICES": "layanan", "REGIONS": "usaha"}, "REGIONS"),
    ("heatmap", {"INPUT": "kabupaten"}, "INPUT"),
])
def test_wrong_geometry_types_are_refused(provider, demo_gpkg, tmp_path, alg, params, param):
    before = _digest(demo_gpkg)
    full = {k: f"{demo_gpkg}|layername={v}" for k, v in params.items()}
    out = tmp_path / "hasil.gpkg"
    full["OUTPUT"] = str(out if alg != "heatmap" else tmp_path / "hasil.tif")
    _refused(alg, full, f"[{param}]:", "geometries, but this input needs")
    assert _digest(demo_gpkg) == before
    assert not out.exists() and not (tmp_path / "hasil.tif").exists()


# --- multipoints ----------------------------------------------------------------------------

def test_multipoints_with_several_parts_are_refused(provider):
    rows = [("MULTIPOINT((106.005 -1.995))", ["makanan"]),
            ("MULTIPOINT((106.002 -1.998),(106.015 -1.992))", ["batik"]),  # two places
            ("MULTIPOINT((106.017 -1.995))", ["batik"])]
    multi = _memory("MultiPoint", "field=sektor:string", rows)
    message = _refused("densitybyregion", {"INPUT": multi, "REGIONS": _regions(),
                                           "OUTPUT": "memory:"},
                       "[INPUT]:", "1 features", "several points", "Multipart to singleparts")
    assert "2" in message  # the feature id
    _refused("nearestservice", {"INPUT": multi, "SERVICES": multi, "OUTPUT": "memory:"},
             "several points")


def test_single_part_multipoints_count_like_points(provider):
    rows = [("POINT(106.005 -1.995)", ["makanan"]), ("POINT(106.017 -1.995)", ["batik"]),
            ("POINT(106.015 -1.992)", ["batik"])]
    points = _memory("Point", "field=sektor:string", rows)
    multi = _memory("MultiPoint", "field=sektor:string",
                    [(w.replace("POINT(", "MULTIPOINT(("). replace(")", "))"), a)
                     for w, a in rows])
    counts = []
    for layer in (points, multi):
        out = processing.run("industrirumahan:densitybyregion", {
            "INPUT": layer, "REGIONS": _regions(), "OUTPUT": "memory:"})["OUTPUT"]
        counts.append({f["kode"]: f["jml_usaha"] for f in out.getFeatures()})
    assert counts[0] == counts[1] == {"A": 1, "B": 2}


# --- GeoPackage integrity -------------------------------------------------------------------

def _corrupt(path: Path, table: str = "usaha") -> None:
    """Overwrite the start of three leaf pages of ``table`` (a bad sector, a cut copy)."""
    with sqlite3.connect(path) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
    with open(path, "r+b") as f:
        for page in pages[len(pages) // 3: len(pages) // 3 + 3]:
            f.seek((page - 1) * size)
            f.write(b"\xff" * 16)


@pytest.mark.parametrize(("alg", "extra"), [
    ("densitybyregion", {"REGIONS": "kabupaten", "OUTPUT": "memory:"}),
    ("exportspreadsheet", {"OUTPUT": "{tmp}/usaha.xlsx"}),
    ("hotspots", {"INPUT": "kabupaten", "OUTPUT": "memory:"}),
])
def test_a_damaged_geopackage_is_refused_before_reading(provider, demo_copy, tmp_path, alg,
                                                        extra):
    _corrupt(demo_copy)
    before = _digest(demo_copy)
    # what QGIS alone would do: read a part and call it the whole
    seen = sum(1 for _ in QgsVectorLayer(f"{demo_copy}|layername=usaha", "u", "ogr")
               .getFeatures())
    assert seen < 3000
    params = {"INPUT": "usaha", **extra}
    params = {k: (f"{demo_copy}|layername={v}" if v in ("usaha", "kabupaten") else
                  v.format(tmp=tmp_path)) for k, v in params.items()}
    _refused(alg, params, "is damaged", "nothing was analysed")
    assert _digest(demo_copy) == before
    assert not (tmp_path / "usaha.xlsx").exists()


def test_an_intact_geopackage_passes_and_is_checked_once_per_change(provider, demo_copy):
    from industri_rumahan_plugin.adapters import input_checks

    assert input_checks.integrity_problem(str(demo_copy)) == ""
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_copy}|layername=usaha", "REGIONS": f"{demo_copy}|layername=kabupaten",
        "OUTPUT": "memory:"})
    assert sum(f["jml_usaha"] for f in out["OUTPUT"].getFeatures()) + out["OUTSIDE_COUNT"] \
        == _count(demo_copy, "usaha")
    _corrupt(demo_copy)  # a later change of the file is seen (mtime and size are the key)
    assert "malformed" in input_checks.integrity_problem(str(demo_copy))


def test_a_copy_of_a_damaged_file_is_refused_in_another_format(provider, demo_copy, tmp_path):
    _corrupt(demo_copy, "kabupaten")
    copy = tmp_path / "salinan.gpkg"
    shutil.copy(demo_copy, copy)
    _refused("densitybyregion", {"INPUT": f"{demo_copy}|layername=layanan",
                                 "REGIONS": f"{copy}|layername=kecamatan",
                                 "OUTPUT": "memory:"}, "is damaged")


def test_layer_parameters_are_checked_too(provider, demo_gpkg, demo_copy, tmp_path):
    """exportreport and importspreadsheet take layers (not feature sources): same checks."""
    pdf = tmp_path / "laporan.pdf"
    _refused("exportreport", {"INPUT": f"{demo_gpkg}|layername=desa",
                              "REGIONS": f"{demo_gpkg}|layername=kabupaten",
                              "OUTPUT": str(pdf)}, "[INPUT]:", "geometries, but this input")
    assert not pdf.exists()
    from tests import spreadsheet_samples

    sheet = spreadsheet_samples.good_xlsx(tmp_path / "data_ir.xlsx")
    _corrupt(demo_copy)
    before = _digest(demo_copy)
    _refused("importspreadsheet", {"INPUT": str(sheet), "TARGET": f"{demo_copy}|layername=usaha"},
             "[TARGET]:", "is damaged")
    assert _digest(demo_copy) == before


def test_an_intact_verdict_is_remembered_across_processes_until_the_file_changes(
        provider, demo_copy):
    """qgis_process starts a new process per run: the 0.8 s check of a large file is paid once
    per version of the file, not once per run; a changed file is checked again."""
    import os

    from industri_rumahan_plugin.adapters import input_checks, integrity_cache

    assert input_checks.integrity_problem(str(demo_copy)) == ""
    stat = os.stat(demo_copy)
    key = (os.path.abspath(demo_copy), stat.st_mtime_ns, stat.st_size)
    input_checks._INTEGRITY.clear()  # as in a new process
    assert integrity_cache.known_intact(key)
    _corrupt(demo_copy)
    stat = os.stat(demo_copy)
    changed = (os.path.abspath(demo_copy), stat.st_mtime_ns, stat.st_size)
    assert not integrity_cache.known_intact(changed)
    assert "malformed" in input_checks.integrity_problem(str(demo_copy))
    input_checks._INTEGRITY.clear()
    assert not integrity_cache.known_intact(changed)  # a damaged file is never remembered
    assert "malformed" in input_checks.integrity_problem(str(demo_copy))
