"""A published demo site for the web map tests, and the demo's enterprises read with OGR.

The enterprises are read with GDAL's own OGR bindings, not through the plugin, so what the
tests expect (who consented, where each enterprise is) does not come from the code under test.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import pytest
from osgeo import ogr

OFFICE = "DP3ACSKB Provinsi Kepulauan Bangka Belitung"
#: A marker that a photo's metadata (EXIF, as a phone writes its GPS position) would carry.
EXIF_MARKER = b"GPS 106.123456 -2.123456 secret"


@dataclass
class Published:
    gpkg: Path
    site: Path
    zip: Path
    result: dict


def yes(value) -> bool:
    return value in (1, True, "1", "true", "True")


def enterprises(gpkg: Path) -> list[dict]:
    """Every enterprise's attributes and its point (lon, lat) as stored, via OGR."""
    source = ogr.Open(str(gpkg))
    layer = source.GetLayerByName("usaha")
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(layer.GetLayerDefn().GetFieldCount())]
    rows = []
    for feature in layer:
        row = {n: feature.GetField(n) for n in names}
        geometry = feature.GetGeometryRef()
        row["xy"] = (geometry.GetX(), geometry.GetY()) if geometry is not None else None
        rows.append(row)
    return rows


def add_exif(path: Path, payload: bytes = EXIF_MARKER) -> None:
    """Put an APP1 "Exif" segment right after the JPEG start marker (decoders skip it)."""
    data = path.read_bytes()
    body = b"Exif\x00\x00" + payload
    path.write_bytes(data[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + data[2:])


def give_photo_with_owner_name(gpkg: Path) -> str:
    """One consented enterprise without consent to its owner's name gets a photo named after
    the owner and carrying EXIF: neither the name nor the EXIF may reach the site."""
    from qgis.PyQt.QtGui import QColor, QImage

    source = ogr.Open(str(gpkg), 1)
    layer = source.GetLayerByName("usaha")
    layer.SetAttributeFilter("izin_publikasi = 1 AND (izin_nama_pemilik = 0 OR "
                             "izin_nama_pemilik IS NULL)")
    feature = layer.GetNextFeature()
    owner = feature.GetField("nama_pemilik")
    relative = f"foto/{owner}.jpg"
    target = gpkg.parent / relative
    target.parent.mkdir(exist_ok=True)
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#c51b8a"))
    assert image.save(str(target), "JPEG")
    add_exif(target)
    feature.SetField("foto", relative)
    layer.SetFeature(feature)
    source = None
    return owner


def publish(gpkg: Path, site: Path) -> dict:
    from qgis import processing

    def layer(name):
        return f"{gpkg}|layername={name}"

    return processing.run("industrirumahan:publishwebmap", {
        "INPUT": layer("usaha"), "REGIONS": layer("kabupaten"), "DISTRICTS": layer("kecamatan"),
        "VILLAGES": layer("desa"), "SERVICES": layer("layanan"), "OFFICE": OFFICE,
        "SOURCE": "Data demo (sintetis)", "DATA_DATE": "2026-11-29", "OUTPUT": str(site)})


@pytest.fixture(scope="module", name="published")
def published_site(demo_gpkg, tmp_path_factory, provider) -> Published:
    """The demo published once per test module (on a copy: a photo is added)."""
    import shutil

    folder = tmp_path_factory.mktemp("web")
    gpkg = folder / "data" / demo_gpkg.name
    gpkg.parent.mkdir()
    shutil.copy(demo_gpkg, gpkg)
    give_photo_with_owner_name(gpkg)
    site = folder / "situs"
    result = publish(gpkg, site)
    return Published(gpkg, site, Path(result["ZIP_FILE"]), result)


def script_data(path: Path):
    """The value a data/*.js file assigns to window.IR[...] (it is JSON after the '=')."""
    import json

    text = path.read_text(encoding="utf-8")
    return json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))
