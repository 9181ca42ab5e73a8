"""Styles on real layers: apply_style, industrirumahan:applystyle, the post-processor, actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsLayerTreeModel,
    QgsPointClusterRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import QgsLayerTreeView

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.processing.apply_style import ApplyStyle
from industri_rumahan_plugin.styles import STYLES, apply, postprocess, samples


@pytest.fixture
def usaha(demo_gpkg, qgis_new_project) -> QgsVectorLayer:
    layer = samples.gpkg_layer(demo_gpkg, "usaha")
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def districts_gpkg(demo_gpkg, tmp_path) -> Path:
    """The sample district indicators written to a GeoPackage (like an analysis output)."""
    layer = samples.district_indicators(demo_gpkg)
    path = tmp_path / "kepadatan.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(
        layer, str(path), QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError
    return path


def test_apply_stage_style_counts_every_enterprise(usaha):
    assert apply.apply_style(usaha, "stage", lang="en") == "tahap"
    assert isinstance(usaha.renderer(), QgsPointClusterRenderer)
    assert usaha.labelsEnabled() and usaha.labeling().settings().fieldName == "nama_usaha"
    assert apply.show_feature_count(usaha)
    node = QgsProject.instance().layerTreeRoot().findLayer(usaha.id())
    assert node.customProperty("showFeatureCount") is True
    counter = usaha.countSymbolFeatures()
    counter.waitForFinished()
    from qgis.PyQt.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    # Legend keys are "0", "1"... on QGIS 3.22 and the categories' uuids on 3.40+: ask the renderer.
    keys = [item.ruleKey() for item in usaha.renderer().legendSymbolItems()]
    counts = [usaha.featureCount(key) for key in keys]
    by_stage = {s.code: 0 for s in catalogue.STAGES}
    for feature in usaha.getFeatures():
        by_stage[feature["tahap"]] += 1
    assert len(keys) == 4  # the three stages and "other"
    assert counts[:3] == [by_stage[s.code] for s in catalogue.STAGES]
    assert sum(counts) == usaha.featureCount() == 3000


def test_wrong_layer_or_field_is_a_clear_error(usaha, demo_gpkg):
    with pytest.raises(apply.StyleError, match="polygon"):
        apply.apply_style(usaha, "density")
    regions = samples.gpkg_layer(demo_gpkg, "kecamatan")
    with pytest.raises(apply.StyleError, match="point"):
        apply.apply_style(regions, "stage")
    with pytest.raises(apply.StyleError, match="no field"):
        apply.apply_style(regions, "location_quotient")  # no lq_ field on raw boundaries


def test_region_styles_pick_the_indicator_field(demo_gpkg, qgis_app):
    layer = samples.district_indicators(demo_gpkg)
    assert apply.apply_style(layer, "density", lang="id") == "per_km2"
    assert layer.renderer().ranges()[0].label().endswith("per km²")
    assert apply.apply_style(layer, "location_quotient") == f"lq_{samples.LQ_SECTOR}"
    assert apply.apply_style(layer, "gap_share") == "share_uncovered"
    assert apply.apply_style(layer, "accessibility") == "accessibility"
    # every district with a value falls in exactly one class
    renderer = layer.renderer()
    for feature in layer.getFeatures():
        assert renderer.rangeForValue(feature["accessibility"]) is not None


def test_algorithm_styles_a_project_layer_and_saves_qml(usaha, tmp_path, qgis_processing):
    from qgis import processing

    qml = tmp_path / "gaya.qml"
    result = processing.run(ApplyStyle(), {
        "INPUT": usaha.id(), "STYLE": STYLES.index("stage_sector"), "LANGUAGE": 2,
        "QML": str(qml)})
    assert result["OUTPUT"] == usaha.id() and result["FIELD_USED"] == "tahap"
    assert isinstance(usaha.renderer().embeddedRenderer(), QgsRuleBasedRenderer)
    assert usaha.renderer().embeddedRenderer().rootRule().children()[0].label() == (
        "IR 1 Beginner")
    copy = QgsVectorLayer(usaha.source(), "copy", "ogr")
    message, ok = copy.loadNamedStyle(str(qml))
    assert ok, message
    assert isinstance(copy.renderer(), QgsPointClusterRenderer)


def test_algorithm_refuses_a_style_that_does_not_fit(usaha, qgis_processing):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="polygon"):
        processing.run(ApplyStyle(), {"INPUT": usaha.id(), "STYLE": STYLES.index("density")})


def test_post_processor_styles_outputs_loaded_on_completion(districts_gpkg, qgis_new_project,
                                                            qgis_processing, qgis_iface,
                                                            monkeypatch):
    from processing.gui.Postprocessing import handleAlgorithmResults

    project = QgsProject.instance()
    # QGIS 3.44 hands the layer tree view to a typed C++ call: give it a real one
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(project.layerTreeRoot()))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view, raising=False)
    context = QgsProcessingContext()
    context.setProject(project)
    uri = str(districts_gpkg)
    assert postprocess.attach_style(context, uri, "density") is None  # not loaded: no-op
    context.addLayerToLoadOnCompletion(
        uri, QgsProcessingContext.LayerDetails("Kepadatan", project, "OUTPUT"))
    processor = postprocess.attach_style(context, uri, "location_quotient", lang="en")
    assert processor is not None and postprocess._ALIVE[uri] is processor
    assert handleAlgorithmResults(ApplyStyle(), context, QgsProcessingFeedback(), False)
    layer = project.mapLayersByName("Kepadatan")[0]
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == f"lq_{samples.LQ_SECTOR}"
    assert processor.applied_field == f"lq_{samples.LQ_SECTOR}"
    node = project.layerTreeRoot().findLayer(layer.id())
    assert node.customProperty("showFeatureCount") is True


def test_toolbar_actions_style_the_active_layer_and_unload(qgis_iface, usaha, demo_gpkg):
    from industri_rumahan_plugin.plugin import IndustriRumahanPlugin
    from industri_rumahan_plugin.styles.actions import ACTIONS

    plugin = IndustriRumahanPlugin(qgis_iface)
    # initGui would register a second provider next to the session one: add just our actions
    plugin.toolbar = qgis_iface.addToolBar("Industri Rumahan")
    plugin.add_style_actions()
    try:
        actions = {a.objectName(): a for a in plugin.actions}
        assert {name for name, _icon in ACTIONS.values()} == set(actions)
        qgis_iface.setActiveLayer(usaha)
        actions["IndustriRumahanStyleSector"].trigger()
        renderer = usaha.renderer()
        assert isinstance(renderer, QgsPointClusterRenderer)
        assert renderer.embeddedRenderer().categories()[0].value() == catalogue.SECTORS[0].code
        # a polygon layer is refused with a warning, its style untouched
        regions = samples.gpkg_layer(demo_gpkg, "kecamatan")
        before = regions.renderer().type()
        qgis_iface.setActiveLayer(regions)
        actions["IndustriRumahanStyleStage"].trigger()
        assert regions.renderer().type() == before
    finally:
        plugin.unload()
    assert plugin.actions == []
