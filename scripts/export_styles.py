"""Write every map style as .qml into industri_rumahan_plugin/resources/styles/ and, with
--images, the gallery images under docs/styles/ (the references of tests/test_styles_render.py).

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python scripts/export_styles.py [--images]
The demo GeoPackage is rebuilt with the test fixture's parameters (3,000 enterprises, seed 42).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO_COUNT, DEMO_SEED = 3000, 42  # same as tests/conftest.py demo_gpkg
DOCS_DIR = REPO / "docs" / "styles"


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_HASH_SEED", "0")  # stable attribute order: small diffs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from industri_rumahan_plugin.adapters.demo_data import build_demo_geopackage
    from industri_rumahan_plugin.styles import export, gallery

    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.gpkg"
        build_demo_geopackage(demo, count=DEMO_COUNT, seed=DEMO_SEED)
        for path in export.write_qml_files(demo):
            print(path.relative_to(REPO))
        if "--images" in argv:
            DOCS_DIR.mkdir(parents=True, exist_ok=True)
            for name in gallery.SCENES:
                path = DOCS_DIR / f"{name}.png"
                gallery.render_scene(demo, name).save(str(path))
                print(path.relative_to(REPO))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
