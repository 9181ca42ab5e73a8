"""publishwebmap publishes what the user sees: unsaved edits (also to consent) and "selected
features only" give the same site as the visible features saved to a file (issue 12's rule for
every algorithm, here for the web map's figures and its catalogue)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProject

from tests.test_what_you_see import _edit, _save_visible, _usaha
from tests.web_fixtures import script_data

pytestmark = pytest.mark.filterwarnings("ignore")
DATA = ("kabupaten", "kecamatan", "katalog")


def _publish(enterprises, gpkg: Path, site: Path) -> dict:
    from qgis import processing

    result = processing.run("industrirumahan:publishwebmap", {
        "INPUT": enterprises, "REGIONS": f"{gpkg}|layername=kabupaten",
        "DISTRICTS": f"{gpkg}|layername=kecamatan", "VILLAGES": f"{gpkg}|layername=desa",
        "SERVICES": f"{gpkg}|layername=layanan", "PHOTO_FOLDER": str(gpkg.parent),
        "DATA_DATE": "2026-11-29", "ZIP": False, "OUTPUT": str(site)})
    assert result["ZIP_FILE"] is None
    return {name: script_data(site / "data" / f"{name}.js") for name in DATA}


def _withdraw_consent(layer, count: int) -> int:
    """Unsaved: ``count`` owners withdraw their consent to publication."""
    index = layer.fields().indexOf("izin_publikasi")
    request = QgsFeatureRequest().setFilterExpression('"izin_publikasi"')
    fids = [f.id() for f in layer.getFeatures(request)][:count]
    for fid in fids:
        assert layer.changeAttributeValue(fid, index, False)
    return len(fids)


def test_unsaved_edits_are_published(provider, demo_copy, tmp_path):
    layer = _usaha(demo_copy)
    before = len(_publish(layer, demo_copy, tmp_path / "before")["katalog"])
    _edit(layer)
    assert _withdraw_consent(layer, 50) == 50
    saved = _save_visible(layer, tmp_path / "saved.gpkg")
    try:
        edited = _publish(layer, demo_copy, tmp_path / "a")
        assert edited == _publish(saved, demo_copy, tmp_path / "b")
        assert len(edited["katalog"]) < before - 50 + 30  # withdrawn and deleted are gone
        # the province's total: what densitybyregion counts in the edited layer
        from qgis import processing

        density = processing.run("industrirumahan:densitybyregion", {
            "INPUT": layer, "REGIONS": f"{demo_copy}|layername=kabupaten",
            "OUTPUT": "memory:"})["OUTPUT"]
        total = sum(f["jml_usaha"] for f in density.getFeatures())
        assert 2700 < total <= 3000 - 300 + 30
        assert edited["kabupaten"]["province"]["id"]["figures"][0] == [
            "Jumlah", f"{total:,}".replace(",", ".")]
    finally:
        layer.rollBack()


def test_selected_features_only(provider, demo_copy, tmp_path):
    layer = _usaha(demo_copy)
    QgsProject.instance().addMapLayer(layer, False)
    try:
        layer.selectByExpression("\"sektor\" = 'batik' OR \"tahap\" = 'maju'")
        assert 0 < layer.selectedFeatureCount() < layer.featureCount()
        saved = _save_visible(layer, tmp_path / "saved.gpkg", selected=True)
        chosen = _publish(QgsProcessingFeatureSourceDefinition(layer.id(), True), demo_copy,
                          tmp_path / "a")
        assert chosen == _publish(saved, demo_copy, tmp_path / "b")
        assert chosen["katalog"] and all(r["sektor"] == "batik" or r["tahap"] == "maju"
                                         for r in chosen["katalog"])
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_menu_entry_and_unload(qgis_iface, provider):
    """The menu entry opens publishwebmap's Processing dialog (the stub iface of the tests
    cannot build that dialog: tests/test_desktop.py runs the real QGIS); unload removes it."""
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin

    plugin = IndustriRumahanPlugin(qgis_iface)
    plugin.add_publish_actions()
    try:
        (action,) = [a for a in plugin.actions
                     if a.objectName() == "IndustriRumahanPublishWebMap"]
        assert action.text() == "Publish web map and catalogue…"
        assert provider.algorithm("publishwebmap") is not None
    finally:
        plugin.unload()
    assert plugin.actions == []
