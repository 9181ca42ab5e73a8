"""Values typed another way are normalised (or reported), filters and category fields are
checked before use (issue 17): yes/no as text, catalogue spellings, bad filters, personal or
identifying fields as categories. Through several algorithms and formats."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from qgis import processing
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.core import input_values
from tests.test_nothing_lost_inputs import Said, _memory, _refused, _regions

KRTP_TEXT = ["ya", "tidak", "true", "1", "Y", "Tidak", None, "mungkin"]
KRTP_TRUTH = [True, False, True, True, True, False, None, None]
SECTORS = ["Makanan", "makanan ", "MAKANAN", "Food", "batik", "Batik ", "kue basah", None]
XY = [(106.001 + 0.001 * i, -1.995) for i in range(4)] + \
     [(106.011 + 0.001 * i, -1.995) for i in range(4)]  # four in A, four in B


def _enterprises(kind: str = "memory", tmp_path: Path | None = None) -> QgsVectorLayer:
    rows = [(f"POINT({x} {y})", [s, k, "P" if i % 2 else "perempuan", f"U{i}"])
            for i, ((x, y), s, k) in enumerate(zip(XY, SECTORS, KRTP_TEXT))]
    layer = _memory("Point", "field=sektor:string&field=krtp:string"
                    "&field=jenis_kelamin_pemilik:string&field=uid:string", rows)
    if kind == "memory":
        return layer
    out = tmp_path / f"usaha_teks.{kind}"
    processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(out)})
    return QgsVectorLayer(str(out), "usaha", "ogr")


@pytest.mark.parametrize("kind", ["memory", "gpkg", "csv"])
def test_yes_no_and_sector_text_counts_like_codes(provider, tmp_path, kind):
    if kind == "csv":  # a CSV point layer (delimited text), as offices export from Excel
        csv = tmp_path / "usaha.csv"
        lines = ["x,y,sektor,krtp,jenis_kelamin_pemilik,uid"]
        lines += [f"{x},{y},{s or ''},{k or ''},P,U{i}"
                  for i, ((x, y), s, k) in enumerate(zip(XY, SECTORS, KRTP_TEXT))]
        csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        layer = QgsVectorLayer(f"file://{csv}?type=csv&xField=x&yField=y&crs=EPSG:4326"
                               "&detectTypes=no", "csv", "delimitedtext")
    else:
        layer = _enterprises(kind, tmp_path)
    assert layer.isValid() and layer.featureCount() == 8
    said = Said()
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": layer, "REGIONS": _regions(), "CATEGORY_FIELDS": ["sektor"],
        "OUTPUT": "memory:"}, feedback=said)["OUTPUT"]
    names = out.fields().names()
    assert len(names) == len(set(names))  # never two columns with one name
    got = {f["kode"]: f for f in out.getFeatures()}
    # independent: the first four (region A) are four spellings of "makanan"
    assert got["A"]["jml_sektor_makanan"] == 4
    assert got["B"]["jml_sektor_batik"] == 2 and got["B"]["jml_sektor_kue_basah"] == 1
    truth = np.array([t is True for t in KRTP_TRUTH])
    assert got["A"]["jml_krtp"] == truth[:4].sum() and got["B"]["jml_krtp"] == truth[4:].sum()
    assert got["A"]["jml_perempuan"] == 4  # "perempuan" read as P
    text = said.text()
    assert '"mungkin" (1)' in text and "not yes/no" in text
    assert '"kue basah" (1)' in text and "not in the catalogue" in text


def test_service_types_typed_in_labels_are_matched(provider, tmp_path):
    services = _memory("Point", "field=jenis:string&field=nama:string&field=uid:string", [
        ("POINT(106.004 -1.995)", ["Pasar", "Pasar A", "S1"]),
        ("POINT(106.016 -1.995)", ["pasar ", "Pasar B", "S2"]),
        ("POINT(106.015 -1.994)", ["PELATIHAN", "BLK", "S3"])])
    said = Said()
    out = processing.run("industrirumahan:nearestservice", {
        "INPUT": _enterprises(), "SERVICES": services, "OUTPUT": "memory:"},
        feedback=said)["OUTPUT"]
    fields = out.fields().names()
    assert len(fields) == len(set(fields))
    assert [n for n in fields if "pasar" in n] and not [n for n in fields if "Pasar" in n]
    assert not [n for n in fields if n.endswith("pasar_")]


def test_progression_tables_normalise_stage_text(provider, demo_copy, tmp_path):
    """The stage read by genderdisaggregatedtables through another reader (attributes only)."""
    from osgeo import gdal

    ds = gdal.OpenEx(str(demo_copy), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE usaha SET tahap = 'Pemula ' WHERE tahap = 'pemula'")
    ds = None
    with sqlite3.connect(demo_copy) as con:
        changed = con.execute("SELECT COUNT(*) FROM usaha WHERE tahap = 'Pemula '").fetchone()[0]
        left = con.execute("SELECT COUNT(*) FROM usaha WHERE tahap = 'pemula'").fetchone()[0]
    assert changed > 0 and left == 0
    out = tmp_path / "terpilah.xlsx"
    said = Said()
    processing.run("industrirumahan:genderdisaggregatedtables", {
        "INPUT": f"{demo_copy}|layername=usaha", "REGIONS": f"{demo_copy}|layername=kabupaten",
        "OUTPUT": str(out)}, feedback=said)
    assert out.exists()
    assert f"tahap: {changed} values written another way" in said.text()


# --- filter expressions ---------------------------------------------------------------------

@pytest.mark.parametrize(("alg", "extra"), [
    ("densitybyregion", {"REGIONS": "kabupaten", "OUTPUT": "memory:"}),
    ("heatmap", {"OUTPUT": "{tmp}/panas.tif"}),
])
@pytest.mark.parametrize(("expression", "words"), [
    ("\"sektor\" = 'makanan' AND", ["has an error"]),
    ("\"sector\" = 'makanan'", ["names fields the layer does not have", "sector"]),
    ("\"tahun_mulai\" / 'x' > 1", ["cannot be evaluated"]),
])
def test_bad_filters_are_refused_not_everything_or_nothing(provider, demo_gpkg, tmp_path, alg,
                                                           extra, expression, words):
    params = {"INPUT": f"{demo_gpkg}|layername=usaha", "FILTER": expression}
    for key, value in extra.items():
        params[key] = (f"{demo_gpkg}|layername={value}" if key == "REGIONS"
                       else value.format(tmp=tmp_path))
    _refused(alg, params, "[FILTER]:", *words)
    assert not (tmp_path / "panas.tif").exists()


def test_a_good_filter_counts_what_it_says(provider, demo_gpkg):
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "FILTER": "\"sektor\" = 'makanan'", "OUTPUT": "memory:"})
    with sqlite3.connect(demo_gpkg) as con:
        expected = con.execute("SELECT COUNT(*) FROM usaha WHERE sektor = 'makanan'").fetchone()
    assert sum(f["jml_usaha"] for f in out["OUTPUT"].getFeatures()) + out["OUTSIDE_COUNT"] \
        == expected[0]


# --- category fields ------------------------------------------------------------------------

@pytest.mark.parametrize("fields", [["nama_pemilik"], ["uid", "nik"], ["sektor", "nik"],
                                    ["nama_usaha"]])
def test_identifying_fields_cannot_be_categories(provider, demo_gpkg, fields):
    message = _refused("densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "CATEGORY_FIELDS": fields, "OUTPUT": "memory:"}, "[CATEGORY_FIELDS]:",
        "cannot be category fields")
    assert "sektor" in message.split("Choose from:")[1]  # what may be chosen instead


def test_service_gap_sector_field_is_limited_too(provider, demo_gpkg):
    _refused("servicegap", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "SERVICES": f"{demo_gpkg}|layername=layanan",
        "REGIONS": f"{demo_gpkg}|layername=kabupaten", "SECTOR_FIELD": "nama_pemilik",
        "OUTPUT": "memory:"}, "[SECTOR_FIELD]:", "cannot be category fields")


def test_catalogue_fields_are_still_fine(provider, demo_gpkg):
    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "CATEGORY_FIELDS": ["pemasaran", "status_binaan"], "OUTPUT": "memory:"})["OUTPUT"]
    names = out.fields().names()
    assert "jml_pemasaran_lokal" in names and "jml_status_binaan_dibina" in names


def test_normalising_is_vectorised_over_distinct_values():
    values = np.array(["Makanan", "makanan ", None, "x y"] * 250_000, dtype=object)
    codes, report = input_values.normalise_category(values, "sektor")
    assert (codes[0::4] == "makanan").all() and (codes[1::4] == "makanan").all()
    assert report.unknown == {"x y": 250_000} and codes[3] == "x_y"
