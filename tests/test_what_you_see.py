"""Every analysis sees exactly what the user sees (issue 12, "Must show" #1).

Each algorithm runs on the demo's enterprise layer as the user has it — with unsaved
additions, changes and deletions; limited to selected features; with a subset string — and on
a GeoPackage saved from exactly the features QGIS shows. Outputs must be equal field by field:
a bulk path that read the file on disk instead would count the deleted and miss the changed.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from tests import history_fixtures as hf

SUBSET = "\"sektor\" IN ('makanan', 'batik', 'konveksi')"


def _usaha(gpkg: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername=usaha", "usaha", "ogr")
    assert layer.isValid()
    return layer


def _edit(layer: QgsVectorLayer) -> None:
    """Unsaved: 300 deleted, 100 changed to batik (20 of them moved), 30 added."""
    fids = sorted(f.id() for f in layer.getFeatures(QgsFeatureRequest().setNoAttributes()))
    sektor = layer.fields().indexOf("sektor")
    assert layer.startEditing()
    assert layer.deleteFeatures(fids[:300])
    for fid in fids[300:400]:
        assert layer.changeAttributeValue(fid, sektor, "batik")
    for fid in fids[400:420]:
        point = layer.getFeature(fid).geometry().asPoint()
        moved = QgsGeometry.fromPointXY(QgsPointXY(point.x() + 0.05, point.y() - 0.03))
        assert layer.changeGeometry(fid, moved)
    added = []
    for i, fid in enumerate(fids[500:530]):
        source = layer.getFeature(fid)
        feature = QgsFeature(layer.fields())
        attrs = source.attributes()
        attrs[layer.fields().indexOf("fid")] = None
        attrs[layer.fields().indexOf("uid")] = f"baru-{i:03d}"
        attrs[sektor] = "batik"
        feature.setAttributes(attrs)
        point = source.geometry().asPoint()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x() + 0.02, point.y())))
        added.append(feature)
    assert layer.addFeatures(added)
    assert layer.isModified()


def _save_visible(layer: QgsVectorLayer, path: Path, selected: bool = False) -> QgsVectorLayer:
    """The features QGIS shows (or the selected ones) as the enterprises of a copy of the
    GeoPackage (its other tables — history, references — stay next to them)."""
    shutil.copy(layer.source().split("|")[0], path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "usaha"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    options.onlySelectedFeatures = selected
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return _usaha(path)


def _cell(value):
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return value if isinstance(value, (int, str, type(None))) else str(value)


def _vector_rows(path_or_layer) -> list[tuple]:
    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else \
        QgsVectorLayer(str(path_or_layer), "out", "ogr")
    assert layer.isValid()
    names = [n for n in layer.fields().names() if n != "fid"]
    rows = []
    for f in layer.getFeatures():
        geom = f.geometry()
        rows.append((*(_cell(f[n]) for n in names),
                     "" if geom.isNull() else geom.asWkt(5)))
    return [tuple(names), *sorted(rows, key=repr)]


def _raster(path) -> list:
    from osgeo import gdal

    data = gdal.Open(str(path))
    return [data.GetGeoTransform(), data.GetRasterBand(1).ReadAsArray().round(6).tolist()]


def _sheet(path) -> list:
    from osgeo import gdal

    from industri_rumahan_plugin.adapters import xlsx

    sheets = gdal.OpenEx(str(path), gdal.OF_VECTOR).GetLayerCount()
    got = []
    for i in range(sheets):  # every sheet, its rows in a stable order
        frame = xlsx.read_raw(str(path), i)
        got += [("sheet", i), *sorted(([_cell(v) for v in row]
                                        for row in frame.itertuples(index=False)), key=repr)]
    return got


def _outputs(result: dict) -> dict:
    """Every output by content: layers and files read back, numbers as they are."""
    got = {}
    for key, value in result.items():
        is_table = isinstance(value, str) and value.endswith((".gpkg", ".csv"))
        if isinstance(value, QgsVectorLayer) or is_table:
            got[key] = _vector_rows(value)
        elif isinstance(value, str) and value.endswith(".tif"):
            got[key] = _raster(value)
        elif isinstance(value, str) and value.endswith(".xlsx"):
            got[key] = _sheet(value)
        elif isinstance(value, (int, float)):
            got[key] = _cell(float(value))
    return got


def _density(g, out):
    return {"REGIONS": f"{g}|layername=kabupaten", "CATEGORY_FIELDS": ["sektor", "tahap"],
            "OUTPUT": str(out / "density.gpkg")}


def _nearest(g, out):
    return {"SERVICES": f"{g}|layername=layanan", "SERVICE_TYPES": "pasar, bank_kur",
            "OUTPUT": str(out / "nearest.gpkg")}


def _export(g, out):
    return {"OUTPUT": str(out / "ekspor.xlsx")}


def _heatmap(g, out):
    return {"SECTOR": "batik", "RADIUS": 3000, "PIXEL_SIZE": 1000,
            "OUTPUT": str(out / "kde.tif")}


def _hotspots(g, out):
    return {"VALUE_FIELD": "jumlah_pekerja", "WEIGHTS": "distance_band", "DISTANCE": 5000,
            "OUTPUT": str(out / "gi.gpkg")}


def _nni(g, out):
    return {"REGIONS": f"{g}|layername=kabupaten", "OUTPUT": str(out / "nni.gpkg")}


def _gap(g, out):
    return {"SERVICES": f"{g}|layername=layanan", "REGIONS": f"{g}|layername=kabupaten",
            "SERVICE_TYPES": "pasar", "THRESHOLD": 5000, "OUTPUT": str(out / "gap.gpkg"),
            "OUTPUT_PROGRAMME": str(out / "programme.gpkg")}


def _access(g, out):
    return {"SERVICES": f"{g}|layername=layanan", "SERVICE_TYPES": "pelatihan, pasar",
            "DEMAND_FIELD": "jumlah_pekerja", "METHOD": 0, "CATCHMENT": 15000,
            "OUTPUT": str(out / "akses.gpkg")}


def _suggest(g, out):
    return {"CANDIDATES": f"{g}|layername=desa", "SERVICES": f"{g}|layername=layanan",
            "SERVICE_TYPE": "pasar", "THRESHOLD": 5000, "K": 3,
            "OUTPUT": str(out / "sites.gpkg")}


def _progression(g, out):
    import sqlite3

    with sqlite3.connect(g) as db:
        present = db.execute("SELECT 1 FROM gpkg_contents WHERE table_name = 'riwayat_tahap'"
                             ).fetchone()
    if not present:
        hf.add_demo_history(g)
    return {"REGIONS": f"{g}|layername=kabupaten", "HISTORY": f"{g}|layername=riwayat_tahap",
            "PARTICIPATION": f"{g}|layername=partisipasi_program",
            "START": "2023-12-31", "END": "2025-12-31",
            "OUTPUT": str(out / "naik.gpkg"), "OUTPUT_TABLE": str(out / "naik.csv")}


def _report(g, out):
    return {"REGIONS": f"{g}|layername=kabupaten", "SERVICES": f"{g}|layername=layanan",
            "YEAR": 0, "OFFICE": "Dinas Uji", "OUTPUT": str(out / "laporan.pdf"),
            "XLSX": str(out / "laporan.xlsx")}


def _gender(g, out):
    return {"REGIONS": f"{g}|layername=kabupaten", "OUTPUT": str(out / "terpilah.xlsx")}


def _survey(g, out):
    """The package's enterprises (its GeoPackage's first table) are what the user sees."""
    return {"OUTPUT": str(out / "paket")}


CASES = {
    "densitybyregion": _density,
    "nearestservice": _nearest,
    "exportspreadsheet": _export,
    "heatmap": _heatmap,
    "hotspots": _hotspots,
    "nearestneighbourindex": _nni,
    "servicegap": _gap,
    "accessibility": _access,
    "suggestservicesites": _suggest,
    "stageprogression": _progression,
    "exportreport": _report,
    "genderdisaggregatedtables": _gender,
    "preparefieldsurvey": _survey,
}


def _run(alg: str, enterprises, gpkg: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    params = {"INPUT": enterprises, **CASES[alg](gpkg, out)}
    got = _outputs(processing.run(f"industrirumahan:{alg}", params))
    tables = [v for v in got.values() if isinstance(v, list)]
    assert tables and all(len(t) > 1 for t in tables), got  # something real to compare
    return got


@pytest.mark.parametrize("alg", list(CASES))
def test_unsaved_edits_are_seen(alg, provider, demo_copy, tmp_path):
    layer = _usaha(demo_copy)
    _edit(layer)
    saved = _save_visible(layer, tmp_path / "saved.gpkg")
    assert saved.featureCount() == 3000 - 300 + 30
    try:
        assert _run(alg, layer, demo_copy, tmp_path / "a") == \
            _run(alg, saved, demo_copy, tmp_path / "b")
    finally:
        layer.rollBack()


@pytest.mark.parametrize("alg", list(CASES))
def test_selected_features_only(alg, provider, demo_copy, tmp_path):
    layer = _usaha(demo_copy)
    QgsProject.instance().addMapLayer(layer, False)
    try:
        layer.selectByExpression("\"sektor\" = 'batik' OR \"tahap\" = 'maju'")
        assert 0 < layer.selectedFeatureCount() < layer.featureCount()
        saved = _save_visible(layer, tmp_path / "saved.gpkg", selected=True)
        definition = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        assert _run(alg, definition, demo_copy, tmp_path / "a") == \
            _run(alg, saved, demo_copy, tmp_path / "b")
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.parametrize("alg", list(CASES))
def test_subset_string(alg, provider, demo_copy, tmp_path):
    layer = _usaha(demo_copy)
    assert layer.setSubsetString(SUBSET)
    saved = _save_visible(layer, tmp_path / "saved.gpkg")
    assert 0 < saved.featureCount() < 3000
    assert _run(alg, layer, demo_copy, tmp_path / "a") == \
        _run(alg, saved, demo_copy, tmp_path / "b")


def test_gateway_reasons(provider, demo_copy):
    """The one decision: a plain saved file is fast; each thing the file does not know is not."""
    from industri_rumahan_plugin.adapters import gateway

    layer = _usaha(demo_copy)
    plain = gateway.decide(layer, layer.source())
    assert plain.fast and plain.path == str(demo_copy) and plain.layer_name == "usaha"
    assert gateway.decide(layer, storage="GPKG").fast
    QgsProject.instance().addMapLayer(layer, False)
    try:
        limited = QgsProcessingFeatureSourceDefinition(layer.id(), False, 10)
        assert gateway.decide(layer, limited).reason == "a layer has a feature limit"
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        assert not gateway.decide(layer, selected).fast
        if hasattr(limited, "filterExpression"):  # QGIS >= 3.32
            own = QgsProcessingFeatureSourceDefinition(layer.id(), False)
            own.filterExpression = "\"sektor\" = 'batik'"
            assert not gateway.decide(layer, own).fast
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    layer = _usaha(demo_copy)
    layer.setSubsetString(SUBSET)
    assert not gateway.decide(layer).fast
    assert not gateway.decide(layer, subset_ok=True).fast  # no file path applies a subset
    layer.setSubsetString("")
    layer.startEditing()
    assert gateway.decide(layer).fast  # editing, nothing pending yet
    layer.deleteFeature(next(layer.getFeatures()).id())
    assert gateway.decide(layer).reason == "the layer has unsaved edits"
    layer.rollBack()
