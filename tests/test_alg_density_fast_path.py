"""densitybyregion's fast read path in the real QGIS: other CRS, threads, cancellation."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr
from qgis import processing
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters import gpkg_columns
from industri_rumahan_plugin.adapters.point_arrays import _read_arrow

ALG = "industrirumahan:densitybyregion"


def _counts(result: dict, name: str = "jml_usaha") -> list[int]:
    return [f[name] for f in result["OUTPUT"].getFeatures()]


def test_fast_path_with_points_in_utm_and_regions_in_wgs84(provider, demo_gpkg, tmp_path):
    utm = tmp_path / "usaha_32748.gpkg"
    processing.run("native:reprojectlayer", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "TARGET_CRS": "EPSG:32748",
        "OUTPUT": f"ogr:dbname='{utm}' table=\"usaha\" (geom)"})
    assert QgsVectorLayer(f"{utm}|layername=usaha", "u", "ogr").crs().authid() == "EPSG:32748"
    regions = f"{demo_gpkg}|layername=kecamatan"
    logs = []
    results = []
    for points in (f"{demo_gpkg}|layername=usaha", f"{utm}|layername=usaha"):
        feedback = QgsProcessingFeedback()
        results.append(processing.run(ALG, {"INPUT": points, "REGIONS": regions,
                                            "OUTPUT": "memory:"}, feedback=feedback))
        logs.append(feedback.textLog())
    assert all("(fast path)" in log for log in logs)  # both read by GDAL, not feature by feature
    wgs84, projected = (_counts(r) for r in results)
    assert sum(wgs84) > 2900  # the demo's 3,000 enterprises, a few outside the districts
    assert projected == wgs84
    assert results[1]["OUTSIDE_COUNT"] == results[0]["OUTSIDE_COUNT"]
    assert results[1]["SHARED_COUNT"] == results[0]["SHARED_COUNT"]
    for name in ("jml_krtp", "jml_perempuan", "jml_sektor_makanan"):
        assert _counts(results[1], name) == _counts(results[0], name), name
    # KRTP (a boolean column) counted right: every yes, bar those outside the districts
    krtp = sum(1 for _ in QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "u", "ogr")
               .getFeatures(QgsFeatureRequest().setFilterExpression('"krtp"')))
    assert krtp - results[0]["OUTSIDE_COUNT"] <= sum(_counts(results[0], "jml_krtp")) <= krtp
    assert krtp > 300


FIELDS = ["sektor", "tahap", "jenis_kelamin_pemilik", "krtp", "izin_nib", "catatan",
          "jumlah_pekerja"]


def test_threaded_fid_ranges_read_the_same_rows(demo_gpkg, monkeypatch):
    one = _read_arrow(str(demo_gpkg), "usaha", FIELDS)
    monkeypatch.setattr(gpkg_columns, "SPLIT_ROWS", 10)  # split even the 3,000 demo rows
    monkeypatch.setattr(gpkg_columns, "MAX_THREADS", 3)
    ds = ogr.Open(str(demo_gpkg))
    layer = ds.GetLayerByName("usaha")
    assert len(gpkg_columns.fid_ranges(ds, layer, 3)) == 3
    batches = gpkg_columns.read_batches(ds, str(demo_gpkg), layer, FIELDS, {"krtp"}, threads=3)
    assert sum(len(b["fid"]) for b in batches) == layer.GetFeatureCount()
    split = _read_arrow(str(demo_gpkg), "usaha", FIELDS)
    np.testing.assert_array_equal(split[2], one[2])  # fids, in the same order
    assert (np.diff(split[2]) > 0).all()
    np.testing.assert_array_equal(split[0], one[0])
    for field in FIELDS:
        a, b = one[1][field].tolist(), split[1][field].tolist()
        assert [None if v is None or v != v else v for v in a] == \
            [None if v is None or v != v else v for v in b], field
    assert set(one[1]["krtp"].dropna().unique()) <= {True, False}


class CancelAtFirstProgress(QgsProcessingFeedback):
    """A user pressing Cancel as soon as the first progress is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.reports = 0
        self.progressChanged.connect(self._cancel)

    def _cancel(self, _value: float) -> None:
        self.reports += 1
        self.cancel()


@pytest.mark.parametrize("points", ["usaha", "memory"])
def test_cancel_mid_run_raises_and_writes_nothing(provider, demo_gpkg, tmp_path, points):
    source = f"{demo_gpkg}|layername=usaha"
    if points == "memory":  # the feature-by-feature read path
        source = processing.run("native:extractbyexpression", {
            "INPUT": source, "EXPRESSION": "true", "OUTPUT": "memory:"})["OUTPUT"]
    out = tmp_path / "kepadatan.gpkg"
    table = tmp_path / "panjang.csv"
    feedback = CancelAtFirstProgress()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(ALG, {"INPUT": source, "REGIONS": f"{demo_gpkg}|layername=kecamatan",
                             "OUTPUT": str(out), "OUTPUT_TABLE": str(table)},
                       feedback=feedback)
    assert feedback.reports >= 1 and feedback.isCanceled()
    assert not out.exists() and not table.exists()
    assert "Cancelled" in str(raised.value)  # the clear message, not a traceback
