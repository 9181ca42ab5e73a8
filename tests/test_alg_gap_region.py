"""industrirumahan:servicegap in real QGIS: demo data against an independent pyproj + shapely
computation, and a hand-made case with an enterprise outside every region."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Geod
from qgis import processing
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from tests.test_alg_gap_nearest import points

GEOD = Geod(ellps="WGS84")


def _rows(layer):
    return [dict(zip(layer.fields().names(), f.attributes())) | {"_geom": f.geometry()}
            for f in layer.getFeatures()]


def test_servicegap_on_demo_matches_independent_computation(provider, demo_gpkg):
    usaha = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "usaha", "ogr")
    result = processing.run("industrirumahan:servicegap", {
        "INPUT": usaha, "SERVICES": f"{demo_gpkg}|layername=layanan",
        "REGIONS": f"{demo_gpkg}|layername=kabupaten", "SERVICE_TYPES": "pasar",
        "THRESHOLD": 5000, "OUTPUT": "memory:", "OUTPUT_PROGRAMME": "memory:"})
    rows = _rows(result["OUTPUT"])
    kab = QgsVectorLayer(f"{demo_gpkg}|layername=kabupaten", "kab", "ogr")
    hubs = QgsVectorLayer(f"{demo_gpkg}|layername=layanan|subset=\"jenis\" = 'pasar'", "p", "ogr")
    hub_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()]
                       for f in hubs.getFeatures()])
    feats = list(usaha.getFeatures())
    xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in feats])
    n, m = len(xy), len(hub_xy)
    _, _, d = GEOD.inv(np.repeat(xy[:, 0], m), np.repeat(xy[:, 1], m),
                       np.tile(hub_xy[:, 0], n), np.tile(hub_xy[:, 1], n))
    nearest = d.reshape(n, m).min(axis=1)
    women = np.array([f["jenis_kelamin_pemilik"] == "P" for f in feats])
    pts = shapely.points(xy)
    assert len(rows) >= 7
    polys = [shapely.from_wkb(bytes(r.geometry().asWkb())) for r in kab.getFeatures()]
    # the real simplified borders overlap a little: a point in two regions goes to one of them
    shared = np.sum([shapely.intersects(p, pts) for p in polys], axis=0) > 1
    checked = 0
    for region, poly in zip(kab.getFeatures(), polys):
        inside = shapely.intersects(poly, pts)
        row = next(r for r in rows if r["kode"] == region["kode"])
        assert row["jenis"] == "pasar" and row["ambang_m"] == 5000
        far = inside & (nearest > 5000)
        for field, mask in (("n_usaha", inside), ("n_luar", far), ("luar_perempuan", far & women)):
            assert (mask & ~shared).sum() <= row[field] <= mask.sum(), field
        if inside.sum() > 20:
            assert row["jarak_rata_m"] == pytest.approx(nearest[inside].mean(), rel=0.01)
            assert row["jarak_p90_m"] == pytest.approx(np.percentile(nearest[inside], 90),
                                                       rel=0.02)
            checked += 1
        assert not row["_geom"].isNull()
    assert checked >= 5
    ranks = sorted(r["peringkat"] for r in rows if r["kode"])
    assert ranks == list(range(1, len(ranks) + 1))
    worst = min((r for r in rows if r["kode"]), key=lambda r: r["peringkat"])
    assert worst["persen_luar"] == max(r["persen_luar"] for r in rows if r["kode"])
    programme = _rows(result["OUTPUT_PROGRAMME"])
    assert sum(r["n_usaha"] for r in programme) == n
    never = sum(not f["pelatihan"] and not f["bantuan"]
                and f["status_binaan"] not in ("dibina", "mandiri") for f in feats)
    assert sum(r["n_belum_tersentuh"] for r in programme) == never
    assert {"kode", "nama", "sektor", "tahap"} <= set(programme[0])


def test_servicegap_outside_and_missing_type(provider):
    usaha = points("EPSG:4326", [(0.5, 0.5, "P", True), (0.5, 0.6, "L", False),
                                 (5.0, 5.0, "P", True)],
                   "field=jenis_kelamin_pemilik:string&field=krtp:boolean")
    layanan = points("EPSG:4326", [(0.5, 0.55, "pasar", "A")],
                     "field=jenis:string&field=nama:string")
    regions = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=kode:string&field=nama:string",
                             "r", "memory")
    feat = QgsFeature(regions.fields())
    feat.setAttributes(["01", "Satu"])
    feat.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((0 0, 1 0, 1 1, 0 1, 0 0)))"))
    regions.dataProvider().addFeatures([feat])
    result = processing.run("industrirumahan:servicegap", {
        "INPUT": usaha, "SERVICES": layanan, "REGIONS": regions,
        "SERVICE_TYPES": "pasar,bank_kur", "THRESHOLD": 6000, "OUTPUT": "memory:"})
    rows = {(r["kode"], r["jenis"]): r for r in _rows(result["OUTPUT"])}
    one = rows[("01", "pasar")]
    # 0.05 deg of meridian at the equator is ~5529 m: both inside are covered
    assert (one["n_usaha"], one["n_dalam"], one["n_luar"]) == (2, 2, 0)
    out = next(r for k, r in rows.items() if not k[0] and k[1] == "pasar")
    assert (out["n_usaha"], out["n_luar"], out["luar_perempuan"], out["luar_krtp"]) == (1, 1, 1, 1)
    assert out["_geom"].isNull()
    bank = rows[("01", "bank_kur")]
    assert (bank["n_luar"], bank["persen_luar"]) == (2, 100.0)
