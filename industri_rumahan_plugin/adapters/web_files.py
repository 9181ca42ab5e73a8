"""Files of a published web map: GeoJSON geometry, representative points, enterprise
attributes read through QGIS, photos without their metadata, the site template and the zip.

Enterprises are read with a QGIS feature request on the Processing source, so the run sees
what the user sees (unsaved edits, "selected features only", subset and filter), as the
gateway requires of every read that is not a decided bulk read.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage

from industri_rumahan_plugin.adapters.feedback import check_cancel

TEMPLATE = Path(__file__).resolve().parent.parent / "web"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
#: Decimals of published coordinates (5: about 1 m).
DECIMALS = 5
#: Simplification of published boundaries, degrees (about 30 m): a light site on a phone.
SIMPLIFY_DEGREES = 0.0003
PHOTO_PIXELS = 800
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp")


def to_wgs84(crs: QgsCoordinateReferenceSystem,
             context: QgsCoordinateTransformContext) -> QgsCoordinateTransform:
    return QgsCoordinateTransform(crs, WGS84, context)


def geometry_json(geometry: QgsGeometry, transform: QgsCoordinateTransform,
                  tolerance: float = SIMPLIFY_DEGREES) -> dict | None:
    """GeoJSON geometry in WGS 84, lightly simplified, coordinates rounded to ``DECIMALS``."""
    if geometry is None or geometry.isEmpty():
        return None
    geom = QgsGeometry(geometry)
    geom.transform(transform)
    simple = geom.simplify(tolerance) if tolerance else geom
    if simple is not None and not simple.isEmpty():
        geom = simple
    return json.loads(geom.asJson(DECIMALS))


def representative_points(layer: QgsVectorLayer, transform: QgsCoordinateTransform
                          ) -> dict[str, dict]:
    """Region code -> name and a point inside the region (WGS 84, rounded): where a
    catalogue entry without consent to its exact location is shown."""
    places: dict[str, dict] = {}
    fields = layer.fields().names()
    if "kode" not in fields:
        return places
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        code = feature["kode"]
        if geometry is None or geometry.isEmpty() or code is None:
            continue
        point = QgsGeometry(geometry.pointOnSurface())
        point.transform(transform)
        xy = point.asPoint()
        name = feature["nama"] if "nama" in fields else None
        places[str(code)] = {"nama": "" if name is None else str(name),
                             "xy": (round(xy.x(), DECIMALS), round(xy.y(), DECIMALS))}
    return places


def read_enterprises(source: QgsFeatureSource, fields: list[str], expression: str,
                     transform: QgsCoordinateTransform, feedback=None) -> pd.DataFrame:
    """Only ``fields`` (those the layer has) and the point in WGS 84 (``x``, ``y``)."""
    present = [f for f in fields if source.fields().indexOf(f) >= 0]
    request = QgsFeatureRequest().setSubsetOfAttributes(present, source.fields())
    if expression:
        request.setFilterExpression(expression)
    rows = []
    for feature in source.getFeatures(request):
        row = {f: _plain(feature[f]) for f in present}
        geometry = feature.geometry()
        if geometry is not None and not geometry.isEmpty():
            point = QgsGeometry(geometry)
            point.transform(transform)
            xy = point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0]
            row["x"], row["y"] = xy.x(), xy.y()
        else:
            row["x"] = row["y"] = float("nan")
        rows.append(row)
        if feedback is not None and len(rows) % 2000 == 0:
            check_cancel(feedback)
    return pd.DataFrame(rows, columns=[*present, "x", "y"])


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def copy_photo(source: Path, target: Path, pixels: int = PHOTO_PIXELS) -> bool:
    """Re-encode a photo at most ``pixels`` wide or high as JPEG: the copy carries no EXIF
    (a phone photo's GPS position would publish the exact point) and loads fast."""
    image = QImage(str(source))
    if image.isNull():
        return False
    if max(image.width(), image.height()) > pixels:
        image = image.scaled(pixels, pixels, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    target.parent.mkdir(parents=True, exist_ok=True)
    return image.convertToFormat(QImage.Format.Format_RGB32).save(str(target), "JPEG", 85)


def copy_template(site: Path) -> None:
    """The page, its script and style, and the vendored map library."""
    site.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "app.js", "style.css"):
        shutil.copyfile(TEMPLATE / name, site / name)
    vendor = site / "vendor"
    if vendor.exists():
        shutil.rmtree(vendor)
    shutil.copytree(TEMPLATE / "vendor", vendor,
                    ignore=shutil.ignore_patterns("README.md"))


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def zip_site(site: Path, zip_path: Path) -> Path:
    """The site folder as one zip (its folder name at the top), for upload to a web host."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(site.parent).as_posix())
    return zip_path
