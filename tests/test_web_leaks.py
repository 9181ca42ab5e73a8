"""No personal data in any file of a published web map (folder and zip), and no unconsented
point at more than village precision.

Every file is read as bytes (scripts, page, vendored library, photos) and searched for every
NIK, personal phone number (also in +62 form), address and owner name the owner did not agree
to publish. Coordinates: every number pair in every file is compared with the unconsented
enterprises' points.
"""

from __future__ import annotations

import re
import zipfile

import numpy as np
import pytest
import shapely
from scipy.spatial import cKDTree

from tests.web_fixtures import EXIF_MARKER, enterprises, published_site, yes  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore")
#: Closer than this to an unconsented enterprise, a published pair is a leak (metres)...
NEAR_M = 100.0
#: ...in the boundary files only this close (their vertices are official boundaries, which
#: may pass near an enterprise by chance; a published point would be within rounding, ~1 m).
BOUNDARY_NEAR_M = 1.5
BOUNDARY_FILES = ("data/kabupaten.js", "data/kecamatan.js")
PAIR = re.compile(rb"(-?\d{1,3}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)")


def _files(published) -> dict[str, bytes]:
    """Every file of the site folder and of its zip, by name, with its path as content too."""
    files = {p.relative_to(published.site).as_posix(): p.read_bytes()
             for p in published.site.rglob("*") if p.is_file()}
    with zipfile.ZipFile(published.zip) as archive:
        for name in archive.namelist():
            files[f"zip:{name}"] = archive.read(name)
    assert len(files) > 20
    return files


def _secrets(rows: list[dict]) -> tuple[set[str], set[str]]:
    """(digit secrets: NIK and phones, text secrets: addresses and unconsented owner names)."""
    digits, texts = set(), set()
    published_names = {r["nama_pemilik"] for r in rows
                       if yes(r["izin_publikasi"]) and yes(r["izin_nama_pemilik"])}
    for row in rows:
        if row["nik"]:
            digits.add(row["nik"])
        if row["telepon"]:
            phone = re.sub(r"\D", "", row["telepon"])
            digits.update({phone, "62" + phone.lstrip("0")})
        if row["alamat"]:
            texts.add(row["alamat"].lower())
        name = row["nama_pemilik"]
        if name and name not in published_names and not (
                yes(row["izin_publikasi"]) and yes(row["izin_nama_pemilik"])):
            texts.add(name.lower())
    return digits, texts


def test_no_nik_phone_address_or_unconsented_owner_name_in_any_file(published):
    rows = enterprises(published.gpkg)
    digits, texts = _secrets(rows)
    assert len(digits) > 2 * len(rows) and len(texts) > len(rows) // 2
    files = _files(published)
    runs = set()
    corpus = []
    for name, data in files.items():
        text = (name + "\n" + data.decode("utf-8", errors="ignore")).lower()
        corpus.append(text)
        runs.update(re.findall(r"\d{8,}", text))
    joined_runs = " ".join(sorted(runs))
    assert [d for d in digits if d in joined_runs] == []
    everything = "\n".join(corpus)
    assert [t for t in texts if t in everything] == []
    for key in ("nik", "telepon", "alamat", "nama_pemilik"):  # no personal field at all
        assert f'"{key}"' not in everything


def test_photos_carry_no_metadata_and_no_name(published):
    files = _files(published)
    photos = [n for n in files if "foto/" in n]
    assert photos, "the demo publishes at least the test's own photo"
    for name in photos:
        assert re.fullmatch(r"(zip:situs/)?foto/\d{4}\.jpg", name), name
        assert b"Exif" not in files[name]
    assert all(EXIF_MARKER not in data for data in files.values())


def _metres(lonlat: np.ndarray) -> np.ndarray:
    """Local metres (equirectangular at the data's latitude): fine within a province."""
    lat0 = np.radians(np.mean(lonlat[:, 1]))
    return np.column_stack([lonlat[:, 0] * 111_320.0 * np.cos(lat0), lonlat[:, 1] * 110_574.0])


def _representative_points(gpkg) -> np.ndarray:
    """GEOS's point on surface of every village and district: the village-level location."""
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    points = []
    for name in ("desa", "kecamatan", "kabupaten"):
        for feature in source.GetLayerByName(name):
            geometry = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
            point = shapely.point_on_surface(geometry)
            points.append((point.x, point.y))
    return np.round(np.asarray(points), 5)


def test_unconsented_points_appear_nowhere_at_more_than_village_precision(published):
    rows = enterprises(published.gpkg)
    secret = np.asarray([r["xy"] for r in rows if r["xy"] and not (
        yes(r["izin_publikasi"]) and yes(r["izin_lokasi_tepat"]))])
    allowed = np.round(np.asarray([r["xy"] for r in rows if r["xy"] and yes(
        r["izin_publikasi"]) and yes(r["izin_lokasi_tepat"])]), 5)
    allowed = np.vstack([allowed, _representative_points(published.gpkg)])
    allowed_set = {tuple(p) for p in allowed}
    checked = 0
    for name, data in _files(published).items():
        pairs = np.asarray([(float(a), float(b)) for a, b in PAIR.findall(data)])
        if not len(pairs):
            continue
        pairs = pairs[(pairs[:, 0] > 100) & (pairs[:, 0] < 110) & (pairs[:, 1] > -5)
                      & (pairs[:, 1] < 0)]
        pairs = np.asarray([p for p in pairs if tuple(np.round(p, 5)) not in allowed_set])
        if not len(pairs):
            continue
        checked += len(pairs)
        both = _metres(np.vstack([secret, pairs]))
        tree = cKDTree(both[: len(secret)])
        near = BOUNDARY_NEAR_M if name.split("situs/")[-1] in BOUNDARY_FILES else NEAR_M
        distance, _ = tree.query(both[len(secret):])
        assert distance.min() > near, (name, pairs[int(np.argmin(distance))])
    assert checked > 1000  # the boundaries at least were checked
