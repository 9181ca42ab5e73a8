"""industrirumahan:exportreport on the demo GeoPackage: pages, numbers, privacy, template."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest

from industri_rumahan_plugin.compat import Unit

pytestmark = pytest.mark.filterwarnings("ignore")
OFFICE = "DP3ACSKB Provinsi Kepulauan Bangka Belitung"


def _pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]  # one form feed after each page


CHART_BOX = (124, 189, 196, 245)  # mm on the region page, inside the chart item


def _ink(pdf: Path, page: int, box: tuple[float, float, float, float]) -> float:
    """Share of non-white pixels of a page region (rendered with pdftoppm, 50 dpi, grey)."""
    import numpy as np

    raw = subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", str(page), "-l", str(page),
                          str(pdf)], capture_output=True, check=True).stdout
    header = raw.split(b"\n", 3)  # P5, width height, maxval, pixels
    width, height = (int(v) for v in header[1].split())
    pixels = np.frombuffer(header[3][: width * height], dtype=np.uint8).reshape(height, width)
    px = 50 / 25.4
    x0, y0, x1, y1 = (round(v * px) for v in box)
    return float((pixels[y0:y1, x0:x1] < 200).mean())


def _layer(gpkg: Path, name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture(scope="module")
def report(demo_gpkg, tmp_path_factory, provider):
    from qgis import processing

    out = tmp_path_factory.mktemp("laporan") / "laporan_babel.pdf"
    result = processing.run("industrirumahan:exportreport", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "SERVICES": f"{demo_gpkg}|layername=layanan", "YEAR": 0, "OFFICE": OFFICE,
        "OUTPUT": str(out)})
    return result, out


@pytest.fixture(scope="module")
def density(demo_gpkg, provider) -> pd.DataFrame:
    """The density algorithm's own output, run independently of the report."""
    from qgis import processing

    from industri_rumahan_plugin.report.data import layer_frame

    result = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "OUTPUT": "memory:"})
    return layer_frame(result["OUTPUT"])


def _per_region(gpkg: Path) -> int:
    """Pages per region: 2 when the demo has a stage history (the Kenaikan kelas page)."""
    from tests.history_fixtures import has_history

    return 2 if has_history(gpkg) else 1


def test_every_region_has_its_page(report, density, demo_gpkg):
    result, pdf = report
    pages = _pdf_pages(pdf)
    per = _per_region(demo_gpkg)
    assert result["PAGES"] == len(pages) == 1 + per * len(density) == 1 + per * 7
    assert "Provinsi Kepulauan Bangka Belitung" in pages[0]
    for page, (_, row) in zip(pages[1::per], density.iterrows()):
        assert row["nama"] in page.splitlines()[0]  # the page title
        assert OFFICE in page and "Periode" in page
        assert "Usaha per sektor dan tahap" in page and "Kesenjangan layanan" in page
    assert _ink(pdf, 2, CHART_BOX) > 0.02  # the chart is drawn


def test_tables_equal_the_density_output(report, density, demo_gpkg):
    from industri_rumahan_plugin.core import catalogue

    result, pdf = report
    table = pd.read_csv(pdf.with_name("laporan_babel_sektor_tahap.csv"), dtype=str)
    stages = {s.code: f"{s.level} {s.label('id')}" for s in catalogue.STAGES}
    checked = small = 0
    for _, row in density.iterrows():
        own = table[table["kode"] == row["kode"]].set_index("sektor")
        assert own.loc["jumlah", "Jumlah"] == str(int(row["jml_usaha"]))
        for sector in own.index.drop("jumlah"):
            for code, column in stages.items():
                expected = int(row[f"jml_{code}_{sector}"])
                shown = own.loc[sector, column]
                if 0 < expected < 3:
                    assert shown == "<3"
                    small += 1
                else:
                    assert shown == str(expected)
                checked += 1
        assert int(row["jml_usaha"]) == sum(
            int(row[f"jml_sektor_{s}"])
            for s in [*catalogue.codes(catalogue.SECTORS), catalogue.UNFILLED])
    assert checked > 200 and small > 0
    # the PDF shows the same totals, per region page, formatted the Indonesian way
    pages = _pdf_pages(pdf)
    for page, (_, row) in zip(pages[1::_per_region(demo_gpkg)], density.iterrows()):
        total = f"{int(row['jml_usaha']):,}".replace(",", ".")
        assert any(line.split()[:1] == ["Jumlah"] and line.split()[-1] == total
                   for line in page.splitlines())
    summary = pd.read_excel(result["XLSX"], sheet_name="Ringkasan")
    assert summary["Jumlah"].iloc[:-1].astype(int).tolist() == density["jml_usaha"].tolist()
    assert summary["Jumlah"].iloc[-1] == density["jml_usaha"].sum()


def test_service_gap_equals_the_service_gap_algorithm(report, demo_gpkg, provider):
    from qgis import processing

    from industri_rumahan_plugin.report.data import layer_frame

    _, pdf = report
    gap = layer_frame(processing.run("industrirumahan:servicegap", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "SERVICES": f"{demo_gpkg}|layername=layanan",
        "REGIONS": f"{demo_gpkg}|layername=kabupaten", "OUTPUT": "memory:",
        "OUTPUT_PROGRAMME": None})["OUTPUT"])
    shown = pd.read_csv(pdf.with_name("laporan_babel_layanan.csv"), dtype={"kode": str})
    merged = shown.merge(gap[gap["kode"].notna()], on=["kode", "jenis"],
                         suffixes=("", "_alg"))
    assert len(merged) == len(gap[gap["kode"].notna()]) > 0
    big = merged[merged["n_luar_alg"] >= 3]
    assert (big["n_luar"].astype(int) == big["n_luar_alg"]).all()
    assert (big["persen_luar"].astype(float) - big["persen_luar_alg"]).abs().max() < 0.01


def test_no_personal_data_anywhere(report, demo_gpkg):
    result, pdf = report
    layer = _layer(demo_gpkg, "usaha")
    personal = set()
    for feature in layer.getFeatures():
        personal.update(str(feature[f]) for f in ("nama_pemilik", "nik", "telepon"))
    texts = ["\n".join(_pdf_pages(pdf))]
    texts += [p.read_text(encoding="utf-8") for p in pdf.parent.glob("*.csv")]
    for sheet in pd.read_excel(result["XLSX"], sheet_name=None).values():
        texts.append(sheet.to_csv())
    blob = "\n".join(texts)
    assert len(personal) > 3 * 1000
    assert [p for p in personal if p in blob] == []
    assert "<3" in blob  # small counts were there and were hidden


def test_restyled_template_and_kecamatan_of_one_regency(demo_gpkg, tmp_path, provider):
    """An office edits the template (moves the title, drops the chart): reports still come."""
    from qgis import processing
    from qgis.core import QgsLayoutPoint, QgsProject, QgsReadWriteContext

    from industri_rumahan_plugin.report import template

    layout = template.load_layout(QgsProject.instance())
    layout.removeLayoutItem(layout.itemById(template.CHART))
    layout.itemById(template.TITLE).attemptMove(
        QgsLayoutPoint(20, 5, Unit.LAYOUT_MM), page=1)
    restyled = tmp_path / "kantor.qpt"
    assert layout.saveAsTemplate(str(restyled), QgsReadWriteContext())
    kecamatan = [f["nama"] for f in _layer(demo_gpkg, "kecamatan").getFeatures()
                 if str(f["kode"]).startswith("19.01")]
    out = tmp_path / "kecamatan.pdf"
    result = processing.run("industrirumahan:exportreport", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": f"{demo_gpkg}|layername=kecamatan",
        "SERVICES": f"{demo_gpkg}|layername=layanan", "YEAR": 0, "REGENCY_CODE": "19.01",
        "LANGUAGE": 1, "TEMPLATE": str(restyled), "OUTPUT": str(out)})
    pages = _pdf_pages(out)
    per = _per_region(demo_gpkg)
    assert result["PAGES"] == len(pages) == 1 + per * len(kecamatan) > 2
    assert _ink(out, 2, CHART_BOX) < 0.001  # the chart is gone, nothing else broke
    for name in kecamatan:
        assert any(name in page for page in pages[1::per])
    assert "Enterprises by sector and stage" in pages[1]


def test_template_has_every_item_and_goes_into_the_project_once(qgis_new_project):
    from qgis.core import QgsProject

    from industri_rumahan_plugin.report import template

    layout = template.load_layout(QgsProject.instance())
    assert template.missing_items(layout) == []
    first = template.add_to_project(QgsProject.instance())
    again = template.add_to_project(QgsProject.instance())
    manager = QgsProject.instance().layoutManager()
    assert first is again
    assert [lay.name() for lay in manager.printLayouts()] == [template.PROJECT_LAYOUT_NAME]
    assert first.pageCollection().pageCount() == 3  # summary, region, region's Kenaikan kelas
    assert template.missing_items(layout, template.PROGRESSION_IDS) == []
    assert template.has_progression_page(layout)


def test_dialog_finds_the_layers_by_their_fields(demo_gpkg, qgis_new_project, qgis_iface,
                                                 tmp_path, provider):
    from qgis.core import QgsProject

    from industri_rumahan_plugin.gui.report_dialog import ReportDialog
    from industri_rumahan_plugin.report import template

    project = QgsProject.instance()
    layers = {name: _layer(demo_gpkg, name) for name in ("usaha", "layanan", "kabupaten")}
    for layer in layers.values():
        layer.setName(f"renamed {layer.name()}")  # recognised by fields, not names
        project.addMapLayer(layer)
    template.add_to_project(project)
    dialog = ReportDialog()
    dialog.output.setFilePath(str(tmp_path / "r.pdf"))
    params = dialog.parameters()
    assert params["INPUT"] is layers["usaha"]
    assert params["REGIONS"] is layers["kabupaten"]
    assert params["SERVICES"] is layers["layanan"]
    assert params["SUPPRESS_SMALL_COUNTS"] is True and params["LANGUAGE"] == 0
    assert project.layoutManager().layoutByName(template.PROJECT_LAYOUT_NAME) is not None
