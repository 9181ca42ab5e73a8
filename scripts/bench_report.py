"""Benchmark: export the 7-regency Bangka Belitung report (target: under 15 s).

Builds the demo GeoPackage (5,000 enterprises, the ``scripts/demo`` seed) in /tmp once, then
times ``industrirumahan:exportreport`` end to end (density, service gap, 8 PDF pages, XLSX, CSV).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), "/usr/share/qgis/python/plugins"]

from qgis.core import QgsApplication  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis import processing

    from industri_rumahan_plugin.adapters.demo_data import build_demo_geopackage
    from industri_rumahan_plugin.processing.provider import IndustriRumahanProvider

    provider = IndustriRumahanProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = Path("/tmp/ir_bench_report")
    folder.mkdir(exist_ok=True)
    gpkg = folder / f"babel_{args.count}.gpkg"
    if not gpkg.exists():
        build_demo_geopackage(gpkg, count=args.count, seed=20241231)
    params = {"INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
              "SERVICES": f"{gpkg}|layername=layanan", "YEAR": 0,
              "OFFICE": "DP3ACSKB Provinsi Kepulauan Bangka Belitung",
              "OUTPUT": str(folder / "laporan_babel.pdf")}
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        result = processing.run("industrirumahan:exportreport", params)
        times.append(time.perf_counter() - started)
    print(f"exportreport, {args.count} enterprises, 7 regencies, {result['PAGES']} pages: "
          f"best {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s "
          f"(target < 15 s) -> {result['OUTPUT']}")
    QgsApplication.processingRegistry().removeProvider(provider)


if __name__ == "__main__":
    main()
