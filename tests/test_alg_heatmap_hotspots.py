"""heatmap and hotspots in the real QGIS: the raster's integral, Gi* against PySAL's esda."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis import processing
from qgis.core import Qgis, QgsFeature, QgsGeometry, QgsVectorLayer


def _points(crs: str, rows: list[tuple[float, float, str, float]]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}&field=sektor:string&field=nilai:double",
                           "p", "memory")
    feats = []
    for x, y, sektor, value in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POINT({x} {y})"))
        f.setAttributes([str(sektor), float(value)])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _integral(path: str) -> tuple[float, str]:
    ds = gdal.Open(path)
    gt = ds.GetGeoTransform()
    values = ds.GetRasterBand(1).ReadAsArray().astype(float)
    return values.sum() * abs(gt[1] * gt[5]) / 1e6, ds.GetProjection()


@pytest.mark.parametrize("kernel", ["quartic", "epanechnikov", "gaussian"])
def test_heatmap_integrates_to_the_number_of_points(provider, tmp_path, kernel):
    rng = np.random.default_rng(3)
    lon = 106.1 + rng.normal(0, 0.05, 200)
    lat = -2.1 + rng.normal(0, 0.05, 200)
    sectors = np.where(np.arange(200) < 150, "makanan", "batik")
    layer = _points("EPSG:4326", list(zip(lon, lat, sectors, np.full(200, 2.5))))
    out = str(tmp_path / f"kde_{kernel}.tif")
    result = processing.run("industrirumahan:heatmap", {
        "INPUT": layer, "RADIUS": 1500, "PIXEL_SIZE": 100, "KERNEL": kernel, "OUTPUT": out})
    total, wkt = _integral(out)
    assert total == pytest.approx(200, rel=1e-4)
    assert result["TOTAL"] == pytest.approx(200, rel=1e-6)
    assert "UTM zone 48S" in wkt  # metres, chosen from the data
    food = _integral(processing.run("industrirumahan:heatmap", {
        "INPUT": layer, "SECTOR": "makanan", "RADIUS": 1500, "PIXEL_SIZE": 100,
        "KERNEL": kernel, "OUTPUT": str(tmp_path / "food.tif")})["OUTPUT"])[0]
    assert food == pytest.approx(150, rel=1e-4)
    weighted = _integral(processing.run("industrirumahan:heatmap", {
        "INPUT": layer, "WEIGHT_FIELD": "nilai", "RADIUS": 1500, "PIXEL_SIZE": 100,
        "KERNEL": kernel, "OUTPUT": str(tmp_path / "w.tif")})["OUTPUT"])[0]
    assert weighted == pytest.approx(500, rel=1e-4)


def test_quartic_peak_matches_the_formula_and_qgis_3_22_is_off(provider, tmp_path):
    # one point at a pixel centre of a metric layer: peak = 3 / (pi r²) per m²
    layer = _points("EPSG:32748", [(600050.0, 9770050.0, "makanan", 1.0)])
    ours = processing.run("industrirumahan:heatmap", {
        "INPUT": layer, "RADIUS": 1000, "PIXEL_SIZE": 100, "OUTPUT": str(tmp_path / "o.tif")})
    ds = gdal.Open(ours["OUTPUT"])  # keep the dataset alive while reading its band
    values = ds.GetRasterBand(1).ReadAsArray()
    assert values.max() == pytest.approx(3 / (np.pi * 1000**2) * 1e6, rel=1e-3)
    native = processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": layer, "RADIUS": 1000, "PIXEL_SIZE": 100, "KERNEL": 0, "OUTPUT_VALUE": 1,
        "OUTPUT": str(tmp_path / "n.tif")})
    nds = gdal.Open(native["OUTPUT"])
    band = nds.GetRasterBand(1).ReadAsArray().astype(float)
    native_sum = band[band > -9999].sum() * 100 * 100
    if Qgis.QGIS_VERSION_INT < 34000:
        assert native_sum == pytest.approx(7.25, rel=0.02)  # 3.22's scaled quartic: issue 60616
    else:
        assert native_sum == pytest.approx(1.0, rel=1e-3)  # fixed by 3.40: ours agrees


ESDA_POINTS = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
ESDA_Y = [2, 3, 3.2, 5, 8, 7]
# esda 2.x G_Local docstring, transform='B', star=True (DistanceBand threshold 15)
ESDA_ZS = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]


def test_gi_star_points_equal_the_published_esda_example(provider):
    layer = _points("EPSG:32748", [(600000 + x, 9770000 + y, "makanan", v)
                                   for (x, y), v in zip(ESDA_POINTS, ESDA_Y)])
    out = processing.run("industrirumahan:hotspots", {
        "INPUT": layer, "VALUE_FIELD": "nilai", "WEIGHTS": "distance_band",
        "DISTANCE": 15.001, "PERMUTATIONS": 999, "SEED": 1, "OUTPUT": "memory:"})["OUTPUT"]
    feats = list(out.getFeatures())
    assert [f["gi_z"] for f in feats] == pytest.approx(ESDA_ZS, abs=1e-6)
    assert [f["gi_bin"] for f in feats] == [0, 0, 0, 0, 0, 2]  # z 2.02 -> hot at 95 %
    assert all(0 < f["gi_p_sim"] <= 0.5 for f in feats)


def test_gi_star_queen_equals_esda_on_columbus(provider):
    esda = pytest.importorskip("esda")
    libpysal = pytest.importorskip("libpysal")
    path = libpysal.examples.get_path("columbus.shp")
    layer = QgsVectorLayer(path, "columbus", "ogr")
    assert layer.isValid()
    out = processing.run("industrirumahan:hotspots", {
        "INPUT": layer, "VALUE_FIELD": "CRIME", "WEIGHTS": "queen",
        "OUTPUT": "memory:"})["OUTPUT"]
    ours = np.array([f["gi_z"] for f in out.getFeatures()])
    w = libpysal.weights.Queen.from_shapefile(path)
    y = np.array([f["CRIME"] for f in layer.getFeatures()])
    ref = esda.G_Local(y, w, transform="B", star=True)
    np.testing.assert_allclose(ours, ref.Zs, atol=1e-8)
