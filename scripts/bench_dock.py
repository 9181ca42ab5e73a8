"""Benchmark: the dock with 100,000 demo enterprises (load, search, filter, select).

Usage: scripts/bench dock [COUNT]   (default 100000; the GeoPackage is cached under out/)
Prints wall-clock seconds per step; the list must stay responsive (one request to load,
vectorised search and filters, no query per row).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

REPO = Path(__file__).resolve().parent.parent


def timed(label: str, func, repeat: int = 1):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best:8.3f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QgsApplication([], True)
    app.initQgis()
    from industri_rumahan_plugin.adapters.demo_data import build_demo_geopackage
    from industri_rumahan_plugin.gui.dock import EnterpriseDock

    path = REPO / "out" / f"bench_dock_{count}.gpkg"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        timed(f"build demo GeoPackage ({count:,} enterprises)",
              lambda: build_demo_geopackage(path, count=count, seed=11))
    project = QgsProject.instance()
    for name in ("kabupaten", "kecamatan", "desa", "usaha"):
        project.addMapLayer(QgsVectorLayer(f"{path}|layername={name}", name, "ogr"))
    print(f"QGIS {app.applicationVersion() or ''} · {count:,} enterprises")
    dock = timed("open dock (find layer, configure form, load list)",
                 lambda: EnterpriseDock(None))
    browse, model = dock.browse, dock.browse.model
    assert model.rowCount() == count, model.rowCount()
    timed("reload list (one columnar read of the file)", dock.reload, repeat=3)
    layer = dock.layer
    layer.startEditing()
    layer.changeAttributeValue(int(model.fids[0]), layer.fields().indexOf("catatan"), "x")
    timed("reload list with pending edits (one QGIS request)", dock.reload)
    layer.rollBack()
    dock.reload()

    def search(text: str):
        browse.search.setText(text)
        browse.apply_query()
        return model.rowCount()

    rows = timed("search 'kerupuk'", lambda: search("kerupuk"), repeat=3)
    print(f"{'':<52} {rows:,} rows")
    rows = timed("search two words 'kain cual'", lambda: search("kain cual"), repeat=3)
    print(f"{'':<52} {rows:,} rows")
    search("")

    def set_filter(name: str, value) -> int:
        combo = browse.filters[name]
        combo.setCurrentIndex(combo.findData(value))
        return model.rowCount()

    rows = timed("filter sector = makanan", lambda: set_filter("sektor", "makanan"))
    print(f"{'':<52} {rows:,} rows")
    rows = timed("+ KRTP = yes + regency 19.71",
                 lambda: (set_filter("krtp", "true"), set_filter("kabupaten", "19.71"))[1])
    print(f"{'':<52} {rows:,} rows")
    rows = timed("+ search 'siti'", lambda: search("siti"), repeat=3)
    print(f"{'':<52} {rows:,} rows")
    for name in browse.filters:
        browse.filters[name].setCurrentIndex(0)
    search("")
    fid = int(model.fids[count // 2])
    timed("map selection -> list row (one feature)", lambda: layer.selectByIds([fid]), repeat=3)
    assert dock.selected_fids() == [fid]
    dock.cleanup()


if __name__ == "__main__":
    main()
