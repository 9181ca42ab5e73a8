"""The services and region layers are read as the user sees them too (issue 12).

tests/test_what_you_see.py edits the enterprises; here the other inputs carry the unsaved
edits or the subset string: services deleted, moved and added before a gap or accessibility
run; a kabupaten's population changed and the regions limited by a subset string before a
density run. Each run is compared with the same algorithm on a saved copy of exactly what QGIS
shows, field by field.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from tests.test_what_you_see import _outputs


def _layer(gpkg: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def _save(layer: QgsVectorLayer, path: Path, name: str) -> QgsVectorLayer:
    """What QGIS shows of the layer, saved as table ``name`` of a copy of the GeoPackage."""
    if not path.exists():
        shutil.copy(layer.source().split("|")[0], path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    options.attributes = [i for i, f in enumerate(layer.fields()) if f.name() != "fid"]
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return _layer(path, name)


def _edit_services(layer: QgsVectorLayer) -> int:
    """Unsaved: half the markets deleted, two services moved, three markets added."""
    jenis = layer.fields().indexOf("jenis")
    markets = sorted(f.id() for f in layer.getFeatures("\"jenis\" = 'pasar'"))
    others = sorted(f.id() for f in layer.getFeatures("\"jenis\" <> 'pasar'"))
    assert len(markets) > 6 and len(others) > 2
    assert layer.startEditing()
    assert layer.deleteFeatures(markets[::2])
    for fid in others[:2]:
        point = layer.getFeature(fid).geometry().asPoint()
        assert layer.changeGeometry(fid, QgsGeometry.fromPointXY(
            QgsPointXY(point.x() + 0.1, point.y() + 0.05)))
    template = layer.getFeature(markets[1])
    added = []
    for i in range(3):
        feature = QgsFeature(layer.fields())
        attrs = template.attributes()
        attrs[layer.fields().indexOf("fid")] = None
        attrs[layer.fields().indexOf("uid")] = f"pasar-baru-{i}"
        attrs[jenis] = "pasar"
        feature.setAttributes(attrs)
        point = template.geometry().asPoint()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x() - 0.2 * (i + 1),
                                                               point.y() + 0.1)))
        added.append(feature)
    assert layer.addFeatures(added) and layer.isModified()
    return len(markets) - len(markets[::2]) + 3


def _gap(g, services, out):
    return {"INPUT": f"{g}|layername=usaha", "SERVICES": services,
            "REGIONS": f"{g}|layername=kabupaten", "SERVICE_TYPES": "pasar",
            "THRESHOLD": 5000, "OUTPUT": str(out / "gap.gpkg"),
            "OUTPUT_PROGRAMME": str(out / "programme.gpkg")}


def _nearest(g, services, out):
    return {"INPUT": f"{g}|layername=usaha", "SERVICES": services,
            "SERVICE_TYPES": "pasar, bank_kur", "OUTPUT": str(out / "nearest.gpkg")}


def _access(g, services, out):
    return {"INPUT": f"{g}|layername=usaha", "SERVICES": services,
            "SERVICE_TYPES": "pelatihan, pasar", "DEMAND_FIELD": "jumlah_pekerja",
            "METHOD": 0, "CATCHMENT": 15000, "OUTPUT": str(out / "akses.gpkg")}


def _suggest(g, services, out):
    return {"INPUT": f"{g}|layername=usaha", "CANDIDATES": f"{g}|layername=desa",
            "SERVICES": services, "SERVICE_TYPE": "pasar", "THRESHOLD": 5000, "K": 3,
            "OUTPUT": str(out / "sites.gpkg")}


SERVICE_CASES = {"servicegap": _gap, "nearestservice": _nearest, "accessibility": _access,
                 "suggestservicesites": _suggest}


def _run(alg: str, params: dict, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    got = _outputs(processing.run(f"industrirumahan:{alg}", params))
    tables = [v for v in got.values() if isinstance(v, list)]
    assert tables and all(len(t) > 1 for t in tables), got
    return got


@pytest.mark.parametrize("alg", list(SERVICE_CASES))
def test_unsaved_service_edits_are_seen(alg, provider, demo_copy, tmp_path):
    layer = _layer(demo_copy, "layanan")
    markets = _edit_services(layer)
    try:
        saved = _save(layer, tmp_path / "saved.gpkg", "layanan")
        assert saved.featureCount() == layer.featureCount()
        assert len(list(saved.getFeatures("\"jenis\" = 'pasar'"))) == markets
        case = SERVICE_CASES[alg]
        edited = _run(alg, case(demo_copy, layer, tmp_path / "a"), tmp_path / "a")
        assert edited == _run(alg, case(demo_copy, saved, tmp_path / "b"), tmp_path / "b")
        # and the edits matter: the file on disk gives another answer
        on_disk = _run(alg, case(demo_copy, f"{demo_copy}|layername=layanan", tmp_path / "c"),
                       tmp_path / "c")
        assert edited != on_disk
    finally:
        layer.rollBack()


@pytest.mark.parametrize("alg", ["densitybyregion", "nearestneighbourindex"])
def test_unsaved_region_edits_and_subset_are_seen(alg, provider, demo_copy, tmp_path):
    layer = _layer(demo_copy, "kabupaten")
    assert layer.setSubsetString("\"kode\" IN ('19.01', '19.04', '19.71')")
    fids = sorted(f.id() for f in layer.getFeatures(QgsFeatureRequest().setNoAttributes()))
    assert len(fids) == 3
    population = layer.fields().indexOf("penduduk_total")
    assert layer.startEditing()
    assert layer.changeAttributeValue(fids[0], population, 123456)
    try:
        saved = _save(layer, tmp_path / "saved.gpkg", "kabupaten")
        assert saved.featureCount() == 3

        def params(regions, out):
            return {"INPUT": f"{demo_copy}|layername=usaha", "REGIONS": regions,
                    "OUTPUT": str(out / "out.gpkg")}

        edited = _run(alg, params(layer, tmp_path / "a"), tmp_path / "a")
        assert edited == _run(alg, params(saved, tmp_path / "b"), tmp_path / "b")
        rows = next(v for v in edited.values() if isinstance(v, list))
        assert len(rows) == 1 + 3  # header and the three regions of the subset
        if alg == "densitybyregion":
            header = rows[0]
            populations = {r[header.index("kode")]: r[header.index("penduduk_total")]
                           for r in rows[1:]}
            assert populations[layer.getFeature(fids[0])["kode"]] == 123456
    finally:
        layer.rollBack()


def test_report_map_draws_the_services_as_edited(provider, demo_copy):
    """The report's map draws a copy of the services the user sees, not the file on disk."""
    from industri_rumahan_plugin.report.map_layers import build_project

    services = _layer(demo_copy, "layanan")
    on_disk = services.featureCount()
    _edit_services(services)
    try:
        shown = sorted(f["uid"] for f in services.getFeatures())
        assert len(shown) != on_disk
        _project, layers = build_project(_layer(demo_copy, "kabupaten"),
                                        _layer(demo_copy, "usaha"), services, "id")
        drawn = next(layer for layer in layers if layer.name() == "Titik layanan")
        assert sorted(f["uid"] for f in drawn.getFeatures()) == shown
        assert services.isModified() and services.isValid()  # the user's layer untouched
    finally:
        services.rollBack()
