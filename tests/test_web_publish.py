"""industrirumahan:publishwebmap on the demo: the site's files, its figures against
densitybyregion, its classes against the plugin's styles, its catalogue against consent."""

from __future__ import annotations

import json
import re
import zipfile
from collections import defaultdict

import pytest
from shapely.geometry import Point, shape

from tests.web_fixtures import enterprises, published_site, script_data, yes  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore")


def _density(gpkg, level: str) -> list[dict]:
    from qgis import processing

    out = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername={level}",
        "CATEGORY_FIELDS": ["sektor", "tahap"], "OUTPUT": "memory:"})["OUTPUT"]
    names = out.fields().names()
    return [dict(zip(names, f.attributes())) for f in out.getFeatures()]


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


def _count_text(n, lang="id") -> str:
    n = round(n)
    if 0 < n < 3:
        return "<3"
    return f"{n:,}".replace(",", "." if lang == "id" else ",")


def test_site_is_self_contained(published):
    site = published.site
    for name in ("index.html", "app.js", "style.css", "data/site.js", "data/kabupaten.js",
                 "data/kecamatan.js", "data/katalog.js", "vendor/leaflet-1.9.4/leaflet.js",
                 "vendor/leaflet-1.9.4/leaflet.css", "vendor/leaflet-1.9.4/LICENSE"):
        assert (site / name).is_file(), name
    assert "BSD 2-Clause" in (site / "vendor/leaflet-1.9.4/LICENSE").read_text()
    html = (site / "index.html").read_text(encoding="utf-8")
    # every script and style sheet the page loads is a file of the site (no CDN)
    for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not ref.startswith(("http:", "https:", "//")), ref
        assert (site / ref).is_file(), ref
    assert "fetch(" not in (site / "app.js").read_text(encoding="utf-8")  # file:// has no fetch
    with zipfile.ZipFile(published.zip) as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert names == {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    meta = script_data(site / "data/site.js")
    assert meta["office"].startswith("DP3ACSKB") and meta["date"] == "2026-11-29"


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan"])
def test_region_figures_equal_densitybyregion(published, level):
    data = script_data(published.site / f"data/{level}.js")
    expected = _density(published.gpkg, level)
    assert len(data["features"]) == len(expected) > 0
    for feature, row in zip(data["features"], expected):
        props = feature["properties"]
        assert props["kode"] == row["kode"] and props["nama"] == row["nama"]
        figures = dict(props["panel"]["id"]["figures"])
        assert figures["Jumlah"] == _count_text(row["jml_usaha"])
        women = figures["Milik perempuan"]
        assert women.split(" (")[0] == _count_text(row["jml_perempuan"])
        if _null(row["per_1000_pddk"]):  # no population (the demo's kecamatan): no such map
            assert "per_1000_pddk" not in props["v"]
        else:
            assert props["v"]["per_1000_pddk"] == pytest.approx(row["per_1000_pddk"])
        if row["jml_perempuan"] >= 3:
            assert props["v"]["pct_perempuan"] == pytest.approx(row["pct_perempuan"])
        else:  # a share on 1-2 enterprises is hidden, on the map too
            assert props["v"]["pct_perempuan"] is None
        stage_share = 100.0 * row["jml_tahap_maju"] / row["jml_usaha"] if row["jml_usaha"] else None
        if row["jml_tahap_maju"] >= 3:
            assert props["v"]["pct_tahap_maju"] == pytest.approx(stage_share)
        table = props["panel"]["en"]["table"]
        assert table[-1][0] == "Total" and table[-1][-1] == _count_text(row["jml_usaha"], "en")
        by_sector = {r[0]: r[-1] for r in table[1:-1]}
        assert by_sector["Food"] == _count_text(row["jml_sektor_makanan"], "en")


def test_classes_and_colours_are_the_plugin_styles(published):
    from industri_rumahan_plugin.styles import region_styles

    data = script_data(published.site / "data/kabupaten.js")
    rows = _density(published.gpkg, "kabupaten")
    values = [r["per_1000_pddk"] for r in rows]
    renderer = region_styles.density_renderer("per_1000_pddk", values, "id")
    legend = data["legends"]["per_1000_pddk"]["id"]
    assert [(c["lo"], c["hi"], c["color"]) for c in legend] == [
        (r.lowerValue(), r.upperValue(), r.symbol().color().name()) for r in renderer.ranges()]
    assert {c["color"] for c in legend} <= set(region_styles.DENSITY_RAMP)
    for feature in data["features"]:  # each region in the class QGIS would draw it in
        value = feature["properties"]["v"]["per_1000_pddk"]
        index = feature["properties"]["c"]["per_1000_pddk"]
        assert legend[index]["lo"] <= value <= legend[index]["hi"]
    gap = data["legends"]["gap_pelatihan"]["en"]
    assert [c["color"] for c in gap] == list(region_styles.GAP_RAMP)
    assert [c["hi"] for c in gap] == [100 * b for b in region_styles.GAP_BREAKS[1:]]


def test_catalogue_is_exactly_the_consented_enterprises(published):
    records = script_data(published.site / "data/katalog.js")
    rows = enterprises(published.gpkg)
    consented = [r for r in rows if yes(r["izin_publikasi"])]
    assert 0 < len(consented) < len(rows)
    assert published.result["CATALOGUE_COUNT"] == len(records) == len(consented)
    assert sorted((r["nama_usaha"], r["produk_utama"] or "") for r in records) == sorted(
        (r["nama_usaha"], r["produk_utama"] or "") for r in consented)
    assert {r["pemilik"] for r in records} - {""} == {
        r["nama_pemilik"] for r in consented if yes(r["izin_nama_pemilik"])}
    assert {r["kontak_usaha"] for r in records} - {""} == {
        r["kontak_usaha"] for r in consented if r["kontak_usaha"]}


def test_catalogue_locations_are_exact_only_with_consent(published):
    from osgeo import ogr

    records = script_data(published.site / "data/katalog.js")
    rows = enterprises(published.gpkg)
    villages, districts = {}, {}
    source = ogr.Open(str(published.gpkg))  # kept: its layers die with it
    for feature in source.GetLayerByName("desa"):
        villages[feature.GetField("nama"), feature.GetField("kec_kode")] = shape(
            json.loads(feature.GetGeometryRef().ExportToJson()))
    for feature in source.GetLayerByName("kecamatan"):
        districts[feature.GetField("kode")] = shape(
            json.loads(feature.GetGeometryRef().ExportToJson()))
    points_per_village = defaultdict(set)
    exact = 0
    for record in records:
        if record["lokasi"] == "tepat":
            exact += 1
            candidates = [r for r in rows if r["nama_usaha"] == record["nama_usaha"]
                          and yes(r["izin_lokasi_tepat"])]
            assert any(abs(r["xy"][0] - record["xy"][0]) < 1e-5 and
                       abs(r["xy"][1] - record["xy"][1]) < 1e-5 for r in candidates)
            continue
        if record["lokasi"] == "kecamatan":  # its village code is not in the village layer
            assert record["desa"] == ""
            polygon = districts[record["kode_kec"]]
        else:
            assert record["lokasi"] == "desa"
            polygon = villages[record["desa"], record["kode_kec"]]
        assert polygon.contains(Point(record["xy"]))  # a point inside the village...
        points_per_village[record["desa"], record["kode_kec"]].add(tuple(record["xy"]))
    # ...and the same point for every enterprise of that village
    assert all(len(points) == 1 for points in points_per_village.values())
    assert exact == sum(1 for r in rows if yes(r["izin_publikasi"]) and
                        yes(r["izin_lokasi_tepat"]))


def test_an_earlier_site_is_replaced_and_a_foreign_folder_refused(published, tmp_path):
    import shutil

    from qgis.core import QgsProcessingException

    from tests.web_fixtures import publish

    foreign = tmp_path / "dokumen"
    (foreign / "data").mkdir(parents=True)
    (foreign / "data" / "penting.xlsx").write_text("kantor")
    with pytest.raises(QgsProcessingException, match="not empty"):
        publish(published.gpkg, foreign)
    assert [p.name for p in foreign.rglob("*")] == ["data", "penting.xlsx"]
    again = tmp_path / "situs"
    shutil.copytree(published.site, again)
    (again / "foto" / "9999.jpg").write_bytes(b"an old photo, consent since withdrawn")
    (again / "catatan.txt").write_text("the office's own file stays")
    # the zip of a site published by an earlier plugin version (never recorded as ours)
    old_zip = again.with_name("situs.zip")
    shutil.copy(published.zip, old_zip)
    with zipfile.ZipFile(old_zip, "a") as archive:
        archive.writestr("situs/foto/9999.jpg", b"an old photo, consent since withdrawn")
    publish(published.gpkg, again)
    assert not (again / "foto" / "9999.jpg").exists()
    with zipfile.ZipFile(old_zip) as archive:  # replaced by a copy of the new site
        assert "situs/foto/9999.jpg" not in archive.namelist()
        assert sorted(archive.namelist()) == sorted(
            p.relative_to(tmp_path).as_posix() for p in again.rglob("*") if p.is_file())
    # a zip of the same name that is not a published site is never replaced
    other = tmp_path / "lain"
    foreign_zip = tmp_path / "lain.zip"
    with zipfile.ZipFile(foreign_zip, "w") as archive:
        archive.writestr("laporan/penting.txt", "kantor")
    before = foreign_zip.read_bytes()
    with pytest.raises(QgsProcessingException, match="not an unchanged output"):
        publish(published.gpkg, other)
    assert foreign_zip.read_bytes() == before and not other.exists()
    assert (again / "catatan.txt").exists()
    for name in ("kabupaten", "kecamatan", "katalog"):
        assert script_data(again / f"data/{name}.js") == script_data(
            published.site / f"data/{name}.js")


def test_a_failed_republish_leaves_the_published_site_as_it_was(published, tmp_path):
    """Cancelled half-way (photos written, data not), the old site is untouched, byte for
    byte, and no half-built folder is left beside it."""
    import hashlib
    import shutil

    from qgis import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from tests.web_fixtures import OFFICE

    site = tmp_path / "situs"
    shutil.copytree(published.site, site)
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8")
                                     + "<!-- the published version -->", encoding="utf-8")

    def digest() -> dict:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    before = digest()

    class CancelHalfway(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(self._maybe_cancel)

        def _maybe_cancel(self, value):
            if value >= 40:
                self.cancel()

    gpkg = published.gpkg
    with pytest.raises(QgsProcessingException):
        processing.run("industrirumahan:publishwebmap", {
            "INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
            "DISTRICTS": f"{gpkg}|layername=kecamatan", "VILLAGES": f"{gpkg}|layername=desa",
            "OFFICE": OFFICE, "OUTPUT": str(site)}, feedback=CancelHalfway())
    assert digest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["situs"]
