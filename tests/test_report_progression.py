"""The report's *Kenaikan kelas* section: present only with a history, figures equal to
``industrirumahan:stageprogression``'s output, and the summary leads with the headline."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.core import report_tables as rt
from tests import history_fixtures as hf
from tests.test_alg_progression import CLASSES, features

pytestmark = pytest.mark.filterwarnings("ignore")
OFFICE = "DP3ACSKB Provinsi Kepulauan Bangka Belitung"


def _pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def _report(gpkg: Path, out: Path, **extra) -> dict:
    params = {"INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
              "SERVICES": f"{gpkg}|layername=layanan", "YEAR": 0, "OFFICE": OFFICE,
              "OUTPUT": str(out)}
    params.update(extra)
    return processing.run("industrirumahan:exportreport", params)


@pytest.fixture(scope="module")
def with_history(demo_gpkg, tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("laporan_naik")
    gpkg = folder / "demo.gpkg"
    shutil.copy(demo_gpkg, gpkg)
    hf.add_demo_history(gpkg)
    result = _report(gpkg, folder / "laporan.pdf")
    alg = processing.run("industrirumahan:stageprogression", {
        "INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
        "OUTPUT": str(folder / "naik.gpkg"), "OUTPUT_TABLE": None})
    return result, _pages(Path(result["OUTPUT"])), alg, features(folder / "naik.gpkg")


def test_summary_leads_with_the_headline_of_the_algorithm(with_history):
    result, pages, alg, regions = with_history
    assert result["PAGES"] == len(pages) == 1 + 2 * len(regions) == 15
    start = sum(r["awal_maju"] for r in regions.values())
    end = sum(r["akhir_maju"] for r in regions.values())
    d0, d1 = (f"{v[8:10]}-{v[5:7]}-{v[:4]}" for v in (alg["START"], alg["END"]))
    expected = (f"Kenaikan kelas {d0} – {d1}: IR 3 Maju: {rt.count_text(start)} → "
                f"{rt.count_text(end)}; {rt.count_text(alg['NAIK'])} usaha naik kelas")
    assert expected in pages[0]
    assert f"dari {rt.count_text(alg['BASIS'])} usaha yang aktif" in pages[0]
    assert pages[0].index(expected) < pages[0].index("Usaha per wilayah")


def test_each_region_has_its_section_with_the_algorithms_counts(with_history):
    _result, pages, _alg, regions = with_history
    sections = pages[2::2]
    assert len(sections) == len(regions)
    for row, page in zip(regions.values(), sections):  # atlas order = region layer order
        assert page.startswith(row["nama"]) and "Perpindahan tahap" in page
        assert "Usaha aktif per tahap" in page and "bukan hubungan sebab-akibat" in page
        total = sum(row[k] for k in CLASSES)
        assert f"Jumlah 0 {rt.count_text(row['akhir_pemula'])} " \
               f"{rt.count_text(row['akhir_berkembang'])} {rt.count_text(row['akhir_maju'])} " \
               f"{rt.count_text(row['tutup'])} {rt.count_text(total)}" in page
        assert f"Naik satu kelas {rt.count_text(row['naik_1'])} " in page
        assert f"Baru masuk {rt.count_text(row['masuk'])} " in page
        assert f"{rt.count_text(row['naik'])} usaha naik kelas" in page
        assert f"Naik kelas (%) {rt.number_text(row['pct_naik'], 1)} " in page
        assert "IR 1 Pemula" in page and "2025" in page  # the trend chart's legend and years
    assert all("Perpindahan tahap" not in page for page in pages[1::2])


def test_without_history_the_report_stays_as_before(demo_gpkg, tmp_path, provider):
    gpkg = tmp_path / "tanpa_riwayat.gpkg"
    shutil.copy(demo_gpkg, gpkg)
    hf.drop_history(gpkg)  # once the demo carries them
    regions = QgsVectorLayer(f"{gpkg}|layername=kabupaten", "kab", "ogr").featureCount()
    result = _report(gpkg, tmp_path / "laporan.pdf")
    pages = _pages(Path(result["OUTPUT"]))
    assert result["PAGES"] == len(pages) == 1 + regions
    assert not any("Kenaikan kelas" in page for page in pages)


def test_the_tables_beside_the_pdf_have_the_transitions(with_history):
    import pandas as pd

    result, _pages, alg, regions = with_history
    table = pd.read_csv(Path(result["OUTPUT"]).with_name("laporan_kenaikan_kelas.csv"),
                        dtype=str)
    order = {"IR 1 Pemula": 1, "IR 2 Berkembang": 2, "IR 3 Maju": 3}
    province = table[table["kode"].isna()]
    up = province[[order.get(a, 0) < order.get(b, 0) and order.get(a, 0) > 0
                   for a, b in zip(province["Tahap awal"], province["Tahap akhir"])]]
    assert int(up["Jumlah"].astype(int).sum()) == alg["NAIK"]
    for code, row in regions.items():
        own = table[table["kode"] == code]
        shown = [int(v) for v in own["Jumlah"] if v != "<3"]
        assert sum(shown) <= sum(row[k] for k in CLASSES) < sum(shown) + 3 * len(own)
    sheet = pd.read_excel(result["XLSX"], sheet_name="Kenaikan kelas")
    assert len(sheet) == len(table)
