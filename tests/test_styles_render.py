"""Every style rendered on the demo data matches its reference image; shipped .qml are current.

Any QGIS (3.22 to 3.44) must draw every class colour over the same share of the map as the
reference images; the QGIS that made them (docs/styles/REFERENCE_QGIS) must also match them pixel
for pixel, which another QGIS's anti-aliasing, fonts and legend layout do not.

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
    Qgis,
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
REFERENCE_VERSION = REFERENCES / "REFERENCE_QGIS"
#: Share of pixels allowed to differ on the reference QGIS (anti-aliasing, font hinting).
TOLERANCE = 0.01
#: On any QGIS: a class colour's share of the map may differ by this fraction of the
#: reference's share, or by SHARE_FLOOR of the map, whichever is larger.
SHARE_TOLERANCE = 0.15
#: Half a cluster disc: which feature QGIS takes first in a cluster (it colours a mixed
#: cluster, ``enterprise_styles.cluster_colour_expression``) differs between versions, so a
#: two-point cluster of two classes may take the other colour.
SHARE_FLOOR = 0.0006


def _has_colour(image: QImage, color: str, at_least: int = 20) -> bool:
    """Whether ``color`` (exactly) covers at least ``at_least`` pixels of the image."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(bytes(image.constBits().asarray(image.sizeInBytes())), dtype=np.uint32)
    return int((data & 0xFFFFFF == QColor(color).rgb() & 0xFFFFFF).sum()) >= at_least


def _reference_qgis() -> str:
    """The QGIS major.minor that rendered the reference images."""
    return REFERENCE_VERSION.read_text("utf-8").strip()


def _running_qgis() -> str:
    return ".".join(Qgis.QGIS_VERSION.split(".")[:2])


@pytest.mark.parametrize("name", list(gallery.SCENES))
def test_style_matches_reference_image(demo_gpkg, qgis_new_project, name):
    """Every QGIS must draw each class in its colour over the same share of the map as the
    reference; the QGIS that made the references must also match it pixel for pixel."""
    layers, extent = gallery.scene_layers(demo_gpkg, name)
    image = gallery.render(layers, extent)
    reference_path = REFERENCES / f"{name}.png"
    if UPDATE:
        REFERENCES.mkdir(parents=True, exist_ok=True)
        assert image.save(str(reference_path))
        REFERENCE_VERSION.write_text(_running_qgis() + "\n", "utf-8")
    assert reference_path.exists(), "no reference: run with STYLES_UPDATE_REFERENCE=1"
    reference = QImage(str(reference_path))
    styled = next(layer for layer in layers if layer.name() != "kabupaten")
    colours = preview.palette(styled)
    size = (gallery.MAP_SIZE.width(), gallery.MAP_SIZE.height())
    drawn = preview.colour_shares(image, colours, *size)
    expected = preview.colour_shares(reference, colours, *size)
    assert sum(expected.values()) > 0.005, f"{name}: the reference shows no class colour"
    off = {c: (round(drawn[c], 4), round(expected[c], 4)) for c in colours
           if abs(drawn[c] - expected[c]) > max(SHARE_TOLERANCE * expected[c], SHARE_FLOOR)}
    if off or (_running_qgis() == _reference_qgis()
               and preview.difference(image, reference) > TOLERANCE):
        FAILED.mkdir(parents=True, exist_ok=True)
        image.save(str(FAILED / f"{name}.png"))
    assert not off, f"{name}: colour shares (drawn, reference) differ: {off} (see {FAILED})"
    if _running_qgis() == _reference_qgis():
        share = preview.difference(image, reference)
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
    def shipped(name: str) -> str:
        return (export.STYLES_DIR / name).read_text("utf-8")

    # the comparison sees labels (id vs en) and colours (stage vs sector)
    assert export.meaning(shipped("stage_id.qml"), "stage") != export.meaning(
        shipped("stage_en.qml"), "stage")
    assert export.meaning(shipped("density_id.qml"), "density") != export.meaning(
        shipped("gap_share_id.qml"), "gap_share")
    if _running_qgis() == _reference_qgis():  # the QGIS that writes them: the same XML
        stale = [name for name, text in built.items()
                 if export.comparable(shipped(name)) != export.comparable(text)]
    else:  # another QGIS writes other XML: the same classes, symbols and labels
        stale = [name for name, text in built.items()
                 if export.meaning(shipped(name), name.rsplit("_", 1)[0])
                 != export.meaning(text, name.rsplit("_", 1)[0])]
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
