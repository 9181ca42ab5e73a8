"""The demo pipeline behind ``scripts/demo``: data, project, plugin install, analyses, outputs."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import plugin_install  # noqa: E402
from qgis.core import QgsApplication, QgsProject  # noqa: E402

OUT = REPO / "out"
GPKG = OUT / "industri_rumahan_babel.gpkg"
PROJECT = OUT / "industri_rumahan_babel.qgz"
PROFILES = OUT / "qgis-profile"
LAYER_TITLES = {"regencies": "Kabupaten/kota", "districts": "Kecamatan",
                "villages": "Desa/kelurahan", "services": "Layanan",
                "enterprises": "Industri rumahan"}
LAYER_ORDER = ("enterprises", "services", "villages", "districts", "regencies")


def history_tables_present(path: Path = GPKG) -> bool:
    """Whether the GeoPackage has the stage history and programme register (schema v2)."""
    import sqlite3

    if not path.exists():
        return False
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        names = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
    return {"riwayat_tahap", "partisipasi_program"} <= names


def history_steps() -> list[tuple[str, str, dict[str, str]]]:
    """Naik kelas and data terpilah: only when the GeoPackage has the history tables."""
    usaha = f"{GPKG}|layername=usaha"
    kab = f"{GPKG}|layername=kabupaten"
    return [
        ("Kenaikan kelas per kabupaten/kota", "industrirumahan:stageprogression", {
            "INPUT": usaha, "REGIONS": kab,
            "HISTORY": f"{GPKG}|layername=riwayat_tahap",
            "PARTICIPATION": f"{GPKG}|layername=partisipasi_program",
            "OUTPUT": str(OUT / "kenaikan_kelas_kabupaten.gpkg"),
            "OUTPUT_TABLE": str(OUT / "kenaikan_kelas_kabupaten.csv")}),
        ("Data terpilah (XLSX, Satu Data)", "industrirumahan:genderdisaggregatedtables", {
            "INPUT": usaha, "REGIONS": kab,
            "HISTORY": f"{GPKG}|layername=riwayat_tahap",
            "PARTICIPATION": f"{GPKG}|layername=partisipasi_program",
            "SOURCE": "Basis data industri rumahan DP3ACSKB Kepulauan Bangka Belitung (demo)",
            "OUTPUT": str(OUT / "data_terpilah_babel.xlsx")}),
    ]


SURVEY_CODE = "19.01.02"  # kecamatan Belinyu, Kabupaten Bangka


def steps() -> list[tuple[str, str, dict[str, str]]]:
    """(title, algorithm id, parameters) run with ``qgis_process`` on the installed plugin."""
    usaha = f"{GPKG}|layername=usaha"
    layanan = f"{GPKG}|layername=layanan"
    kab = f"{GPKG}|layername=kabupaten"
    kec = f"{GPKG}|layername=kecamatan"
    return [
        ("Kepadatan per kabupaten/kota", "industrirumahan:densitybyregion", {
            "INPUT": usaha, "REGIONS": kab, "POPULATION_FIELD": "penduduk_total",
            "WOMEN_POPULATION_FIELD": "penduduk_wanita",
            "OUTPUT": str(OUT / "kepadatan_kabupaten.gpkg"),
            "OUTPUT_TABLE": str(OUT / "kepadatan_kabupaten_tabel.csv")}),
        ("Kepadatan per kecamatan", "industrirumahan:densitybyregion", {
            "INPUT": usaha, "REGIONS": kec, "OUTPUT": str(OUT / "kepadatan_kecamatan.gpkg")}),
        ("Kesenjangan layanan per kabupaten/kota", "industrirumahan:servicegap", {
            "INPUT": usaha, "SERVICES": layanan, "REGIONS": kab,
            "OUTPUT": str(OUT / "kesenjangan_layanan_kabupaten.gpkg"),
            "OUTPUT_PROGRAMME": str(OUT / "kesenjangan_program.csv")}),
        ("Layanan terdekat per jenis untuk tiap usaha", "industrirumahan:nearestservice", {
            "INPUT": usaha, "SERVICES": layanan, "OUTPUT": str(OUT / "layanan_terdekat.gpkg")}),
        ("Ekspor usaha ke XLSX (NIK disamarkan)", "industrirumahan:exportspreadsheet", {
            "INPUT": usaha, "OUTPUT": str(OUT / "usaha_babel.xlsx")}),
        *(history_steps() if history_tables_present() else []),
        ("Paket survei lapangan QField (kecamatan Belinyu)", "industrirumahan:preparefieldsurvey",
         {"INPUT": usaha, "CODES": SURVEY_CODE, "OUTPUT": str(OUT / f"survei_{SURVEY_CODE}")}),
        ("XLSForm untuk ODK / KoBoToolbox", "industrirumahan:exportxlsform", {
            "VILLAGES": f"{GPKG}|layername=desa",
            "OUTPUT": str(OUT / "industri_rumahan_xlsform.xlsx")}),
        ("Laporan PDF Bangka Belitung", "industrirumahan:exportreport", {
            "INPUT": usaha, "REGIONS": kab, "SERVICES": layanan, "YEAR": "0",
            "OFFICE": "DP3ACSKB Provinsi Kepulauan Bangka Belitung",
            "OUTPUT": str(OUT / "laporan_babel.pdf")}),
        ("Katalog produk PDF (usaha yang setuju dipublikasikan)",
         "industrirumahan:exportcatalogue", {
             "INPUT": usaha, "OFFICE": "DP3ACSKB Provinsi Kepulauan Bangka Belitung",
             "LOGO": str(REPO / "industri_rumahan_plugin" / "resources" / "icons" / "icon.svg"),
             "OUTPUT": str(OUT / "katalog_produk_babel.pdf")}),
        ("Peta web dan katalog untuk publik", "industrirumahan:publishwebmap", {
            "INPUT": usaha, "REGIONS": kab, "DISTRICTS": kec,
            "VILLAGES": f"{GPKG}|layername=desa", "SERVICES": layanan,
            "OFFICE": "DP3ACSKB Provinsi Kepulauan Bangka Belitung",
            "SOURCE": "Data demo (sintetis)", "OUTPUT": str(OUT / "web")}),
    ]


# Outputs added to the demo project, with the plugin's region styles.
PROJECT_OUTPUTS = (
    ("kepadatan_kabupaten.gpkg", "Kepadatan usaha per kabupaten/kota", "density", "per_km2"),
    ("kepadatan_kecamatan.gpkg", "Kepadatan usaha per kecamatan", "density", "per_km2"),
    ("kesenjangan_layanan_kabupaten.gpkg", "Kesenjangan layanan per kabupaten/kota",
     "gap_share", None),
    ("kenaikan_kelas_kabupaten.gpkg", "Kenaikan kelas per kabupaten/kota (% naik)",
     "accessibility", "pct_naik"),
)


def build_data(count: int, seed: int) -> None:
    from industri_rumahan_plugin.adapters.demo_data import build_demo_geopackage

    counts = build_demo_geopackage(GPKG, count=count, seed=seed)
    print(f"  {GPKG.relative_to(REPO)}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def build_project() -> None:
    from industri_rumahan_plugin.adapters.geopackage import recognised_layers

    project = QgsProject.instance()
    project.clear()
    project.setTitle("Industri Rumahan — Kepulauan Bangka Belitung (demo)")
    layers = recognised_layers(GPKG)
    for role in reversed(LAYER_ORDER):
        layer = layers[role]
        layer.setName(LAYER_TITLES[role])
        _decorate(role, layer)
        project.addMapLayer(layer)
        if role == "villages":
            project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(False)
    project.setCrs(project_crs(layers["regencies"]))
    project.write(str(PROJECT))
    print(f"  {PROJECT.relative_to(REPO)}: {len(layers)} layers")


def project_crs(regions):
    """The UTM zone of the province (the CRS the heatmap is computed in), so every output,
    vector or raster, lands on the map in metres; a project without CRS shows none."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
    )

    from industri_rumahan_plugin.core.projection import metric_crs

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    extent = QgsCoordinateTransform(regions.crs(), wgs84, QgsCoordinateTransformContext()
                                    ).transformBoundingBox(regions.extent())
    return QgsCoordinateReferenceSystem(metric_crs(extent.xMinimum(), extent.yMinimum(),
                                                   extent.xMaximum(), extent.yMaximum()))


def _decorate(role: str, layer) -> None:
    """The enterprise layer gets the plugin's form and the stage x sector style."""
    from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
    from industri_rumahan_plugin.styles.apply import apply_style

    outline = {"regencies": ("#1f2d3d", "0.6"), "districts": ("#7f8c8d", "0.25"),
               "villages": ("#bdc3c7", "0.1")}
    if role in outline:
        from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

        colour, width = outline[role]
        symbol = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": colour,
                                             "outline_width": width})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if role == "enterprises":  # the demo is for Indonesian offices: form and legend in Bahasa
        configure_enterprise_layer(layer, "id")
        apply_style(layer, "stage_sector", lang="id")


def add_outputs_to_project() -> None:
    from qgis.core import QgsVectorLayer

    from industri_rumahan_plugin.styles.apply import apply_style

    project = QgsProject.instance()
    project.read(str(PROJECT))
    root = project.layerTreeRoot()
    group = root.insertGroup(0, "Analisis")
    group.setExpanded(False)
    for name, title, style, field in PROJECT_OUTPUTS:
        path = OUT / name
        if not path.exists():
            continue
        layer = QgsVectorLayer(str(path), title, "ogr")
        if not layer.isValid():
            continue
        apply_style(layer, style, field, lang="id")
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(False)
    project.write(str(PROJECT))


def run_steps() -> list[Path]:
    written = []
    # a survey package folder must be new or empty: the one of the last demo run goes
    shutil.rmtree(OUT / f"survei_{SURVEY_CODE}", ignore_errors=True)
    if not history_tables_present():
        print("  - Kenaikan kelas and data terpilah: the GeoPackage has no riwayat_tahap / "
              "partisipasi_program (schema version 2), skipped")
    available = plugin_install.run_qgis_process(PROFILES, "list").stdout
    for title, alg, params in steps():
        if alg.split(":")[1] not in available:
            print(f"  - {title}: {alg} is not available in this version, skipped")
            continue
        args = ["run", alg, "--"] + [f"{k}={v}" for k, v in params.items()]
        started = time.perf_counter()
        done = plugin_install.run_qgis_process(PROFILES, *args, timeout=900)
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
            raise SystemExit(f"{title}: {alg} failed")
        outputs = [Path(v) for k, v in params.items() if k.startswith("OUTPUT")]
        written += outputs
        print(f"  - {title} ({time.perf_counter() - started:.1f} s): "
              + ", ".join(str(p.relative_to(REPO)) for p in outputs))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gui", action="store_true", help="open QGIS desktop with the project")
    parser.add_argument("--count", type=int, default=5000, help="demo enterprises (default 5000)")
    parser.add_argument("--seed", type=int, default=20241231)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)

    app = QgsApplication([], False)
    app.initQgis()
    print("1. Demo data (Kepulauan Bangka Belitung, real boundaries, synthetic enterprises)")
    build_data(args.count, args.seed)
    print("2. QGIS project")
    build_project()
    print("3. Plugin installed into a QGIS profile")
    target = plugin_install.install_plugin(PROFILES)
    print(f"  {target.relative_to(REPO)}")
    print("4. Analyses through qgis_process")
    written = run_steps()
    add_outputs_to_project()
    print(f"\nWrote {len(written) + 2} outputs under {OUT.relative_to(REPO)}/.")
    if args.gui:
        print("Opening QGIS desktop…")
        plugin_install.launch_desktop(PROFILES, PROJECT).wait()
    QgsProject.instance().clear()


if __name__ == "__main__":
    main()
