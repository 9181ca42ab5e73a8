"""Every style rendered on the demo data matches its reference image; shipped .qml are current.

Regenerate the references (docs/styles/*.png, shown in the README) after a deliberate change:
``STYLES_UPDATE_REFERENCE=1 scripts/test tests/test_styles_render.py``; the .qml files with
``scripts/export_styles.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsPointClusterRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.styles import ENTERPRISE_STYLES, STYLES, export, gallery, preview

REPO = Path(__file__).resolve().parent.parent
REFERENCES = REPO / "docs" / "styles"
FAILED = REPO / "out" / "styles_failed"
UPDATE = os.environ.get("STYLES_UPDATE_REFERENCE") == "1"
#: Share of pixels allowed to differ (anti-aliasing, font hinting on another machine).
TOLERANCE = 0.01


def _has_colour(image: QImage, color: str, at_least: int = 20) -> bool:
    """Whether ``color`` (exactly) covers at least ``at_least`` pixels of the image."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(bytes(image.constBits().asarray(image.sizeInBytes())), dtype=np.uint32)
    return int((data & 0xFFFFFF == QColor(color).rgb() & 0xFFFFFF).sum()) >= at_least


@pytest.mark.parametrize("name", list(gallery.SCENES))
def test_style_matches_reference_image(demo_gpkg, qgis_new_project, name):
    image = gallery.render_scene(demo_gpkg, name)
    reference_path = REFERENCES / f"{name}.png"
    if UPDATE:
        REFERENCES.mkdir(parents=True, exist_ok=True)
        assert image.save(str(reference_path))
    assert reference_path.exists(), "no reference: run with STYLES_UPDATE_REFERENCE=1"
    reference = QImage(str(reference_path))
    share = preview.difference(image, reference)
    if share > TOLERANCE:
        FAILED.mkdir(parents=True, exist_ok=True)
        image.save(str(FAILED / f"{name}.png"))
    assert share <= TOLERANCE, f"{name}: {share:.2%} of pixels differ (see {FAILED})"


def test_rendered_colours_come_from_the_catalogue(demo_gpkg, qgis_new_project):
    stage = gallery.render_scene(demo_gpkg, "stage_province")
    assert all(_has_colour(stage, s.color) for s in catalogue.STAGES)  # legend swatches
    village = gallery.render_scene(demo_gpkg, "stage_sector_village")
    assert all(_has_colour(village, s.color) for s in catalogue.STAGES)
    sector = gallery.render_scene(demo_gpkg, "sector_village")
    assert sum(_has_colour(sector, s.color) for s in catalogue.SECTORS) >= 10


def test_shipped_qml_files_are_up_to_date(demo_gpkg, qgis_new_project):
    built = export.qml_files(demo_gpkg)
    shipped = {p.name for p in export.STYLES_DIR.glob("*.qml")}
    assert shipped == set(built) == {f"{s}_{lang}.qml" for s in STYLES for lang in export.LANGS}
    stale = [name for name, text in built.items()
             if export.comparable((export.STYLES_DIR / name).read_text("utf-8"))
             != export.comparable(text)]
    assert not stale, f"run scripts/export_styles.py: {stale}"


@pytest.mark.parametrize("style", STYLES)
def test_shipped_qml_loads_on_a_plain_layer(demo_gpkg, style):
    if style in ENTERPRISE_STYLES:
        layer = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "usaha", "ogr")
        expected = QgsPointClusterRenderer
    else:
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=x:double", "r", "memory")
        expected = QgsGraduatedSymbolRenderer
    message, ok = layer.loadNamedStyle(str(export.STYLES_DIR / f"{style}_id.qml"))
    assert ok, message
    assert isinstance(layer.renderer(), expected)
