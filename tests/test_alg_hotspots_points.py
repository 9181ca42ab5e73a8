"""hotspots on points in the real QGIS against PySAL's esda: k nearest, distance band, permutations.

esda is the independent reference: ``esda.G_Local(y, w, transform="B", star=True)`` with
libpysal's KNN / DistanceBand weights built from the same metric coordinates.
"""

from __future__ import annotations

import numpy as np
import pytest
from qgis import processing
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

esda = pytest.importorskip("esda")
libpysal = pytest.importorskip("libpysal")

X0, Y0 = 600000.0, 9770000.0  # UTM 48S near Pangkalpinang: to_metric picks EPSG:32748 again


def _sample(n: int = 90, seed: int = 11) -> tuple[np.ndarray, np.ndarray]:
    """Random points in a 10 km square, with a clear cluster of high values in one corner."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 10000, (n, 2))
    y = rng.normal(10.0, 2.0, n)
    y[np.hypot(xy[:, 0] - 1500, xy[:, 1] - 1500) < 2200] += 15.0
    return xy, y


def _layer(xy: np.ndarray, y: np.ndarray) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:32748&field=nilai:double", "p", "memory")
    feats = []
    for (x, yy), value in zip(xy, y):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POINT({X0 + x} {Y0 + yy})"))
        f.setAttributes([float(value)])
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def _ours(layer: QgsVectorLayer, **params) -> dict[str, np.ndarray]:
    out = processing.run("industrirumahan:hotspots", {
        "INPUT": layer, "VALUE_FIELD": "nilai", "OUTPUT": "memory:", **params})["OUTPUT"]
    feats = list(out.getFeatures())
    names = out.fields().names()
    return {name: np.array([f[name] for f in feats], dtype=float)
            for name in ("gi_z", "gi_p", "gi_bin", "gi_p_sim") if name in names}


def test_gi_star_knn_equals_esda(provider):
    xy, y = _sample()
    ours = _ours(_layer(xy, y), WEIGHTS="knn", NEIGHBOURS=6)
    w = libpysal.weights.KNN.from_array(xy, k=6)
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(ours["gi_z"], ref.Zs, atol=1e-7)
    np.testing.assert_allclose(ours["gi_p"], 2 * ref.p_norm, atol=1e-9)  # ours is two-sided
    assert ours["gi_bin"].max() == 3  # the corner cluster is a hot spot at 99 %


def test_gi_star_distance_band_equals_esda(provider):
    xy, y = _sample()
    threshold = 2500.0
    gaps = np.abs(np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1)) - threshold)
    assert gaps.min() > 1e-3  # no pair on the band's edge: reprojection cannot flip a link
    ours = _ours(_layer(xy, y), WEIGHTS="distance_band", DISTANCE=threshold)
    w = libpysal.weights.DistanceBand.from_array(xy, threshold=threshold, binary=True,
                                                 silence_warnings=True)
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(ours["gi_z"], ref.Zs, atol=1e-7)


def test_permutations_reproducible_and_agree_with_esda(provider):
    xy, y = _sample()
    layer = _layer(xy, y)
    first = _ours(layer, WEIGHTS="knn", NEIGHBOURS=6, PERMUTATIONS=999, SEED=7)
    again = _ours(layer, WEIGHTS="knn", NEIGHBOURS=6, PERMUTATIONS=999, SEED=7)
    other = _ours(layer, WEIGHTS="knn", NEIGHBOURS=6, PERMUTATIONS=999, SEED=8)
    np.testing.assert_array_equal(first["gi_p_sim"], again["gi_p_sim"])  # same seed
    assert not np.array_equal(first["gi_p_sim"], other["gi_p_sim"])  # another draw...
    np.testing.assert_allclose(first["gi_p_sim"], other["gi_p_sim"], atol=0.1)  # ...alike
    w = libpysal.weights.KNN.from_array(xy, k=6)
    ref = esda.G_Local(y, w, transform="B", star=True, permutations=999, seed=7, n_jobs=1)
    hot = int(np.argmax(ref.Zs))
    null = int(np.argmin(np.abs(ref.Zs)))
    assert ref.Zs[hot] > 3 and abs(ref.Zs[null]) < 0.3
    assert first["gi_p_sim"][hot] < 0.05 and ref.p_sim[hot] < 0.05  # a clear hot spot
    assert first["gi_p_sim"][null] > 0.2 and ref.p_sim[null] > 0.2  # nothing there
    # same null distribution: pseudo p-values of all points agree loosely
    assert np.corrcoef(first["gi_p_sim"], ref.p_sim)[0, 1] > 0.9
    assert np.abs(first["gi_p_sim"] - ref.p_sim).max() < 0.12
