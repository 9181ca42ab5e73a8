"""The style gallery: every style rendered on the demo GeoPackage, map plus legend.

The same scenes make the reference images under ``docs/styles`` (shown in the README) and the
image tests, so what the README shows is what the tests check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsMapLayer,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QImage

from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.styles import STYLE_TITLES, apply, cluster_classes, preview, samples

MAP_SIZE = QSize(560, 440)
VILLAGE_SCALE = 20_000.0
#: image name -> (style, field or None, scene: "province" | "village")
SCENES: dict[str, tuple[str, str | None, str]] = {
    "stage_province": ("stage", None, "province"),
    "sector_province": ("sector", None, "province"),
    "stage_sector_village": ("stage_sector", None, "village"),
    "sector_village": ("sector", None, "village"),
    "density": ("density", "per_km2", "province"),
    "location_quotient": ("location_quotient", f"lq_{samples.LQ_SECTOR}", "province"),
    "gap_share": ("gap_share", "share_uncovered", "province"),
    "accessibility": ("accessibility", "accessibility", "province"),
}


def _outline_layer(path: Path, filled: bool) -> QgsVectorLayer:
    layer = samples.gpkg_layer(path, "kabupaten")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "#f2f0eb" if filled else "0,0,0,0",
        "outline_color": "#9e9e9e" if filled else "#4d4d4d",
        "outline_width": "0.25" if filled else "0.45",
    })))
    return layer


def village_extent(enterprises: QgsVectorLayer) -> QgsRectangle:
    """A 1:20,000 window (UTM) around the village with the most enterprises."""
    arrays = read_source(enterprises, ["kode_desa"])
    codes = arrays.attributes["kode_desa"].fillna("")
    busiest = codes.value_counts().index[0]
    xy = arrays.point_xy()[(codes == busiest).to_numpy()]
    centre = QgsPointXY(*np.median(xy, axis=0))
    crs = samples.utm_crs()
    centre = QgsCoordinateTransform(enterprises.crs(), crs, QgsProject.instance()).transform(
        centre)
    metres_per_px = VILLAGE_SCALE * 0.0254 / preview.DPI
    half_w = MAP_SIZE.width() * metres_per_px / 2
    half_h = MAP_SIZE.height() * metres_per_px / 2
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h,
                        centre.x() + half_w, centre.y() + half_h)


def scene_layers(path: Path, name: str, lang: str = "en") -> tuple[list[QgsMapLayer],
                                                                    QgsRectangle]:
    """The styled layers (top first) and extent of a gallery scene."""
    style, field, scene = SCENES[name]
    crs = samples.utm_crs()
    if style in ("stage", "sector", "stage_sector"):
        layer = samples.gpkg_layer(path, "usaha")
    else:
        layer = samples.district_indicators(path)
    apply.apply_style(layer, style, field, lang)
    layer.setName(STYLE_TITLES[style])
    base = _outline_layer(path, filled=style in ("stage", "sector", "stage_sector"))
    layers = [layer, base] if base.renderer().symbol().color().alpha() else [base, layer]
    extent = (village_extent(layer) if scene == "village"
              else preview.extent_in(base, crs))
    return layers, extent


def render_scene(path: Path, name: str, lang: str = "en") -> QImage:
    """Map and legend of one scene, side by side."""
    return render(*scene_layers(path, name, lang))


def render(layers: list[QgsMapLayer], extent: QgsRectangle) -> QImage:
    """Map (left, ``MAP_SIZE``) and legend (right) of styled scene layers."""
    settings = preview.map_settings(layers, extent, samples.utm_crs(), MAP_SIZE)
    legend = preview.render_legend([layer for layer in layers if layer.name() != "kabupaten"])
    with cluster_classes.computed_for(settings, layers):  # discs and names as on the canvas
        image = preview.render_map(settings)
    return preview.side_by_side(image, legend)
