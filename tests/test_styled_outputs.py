"""Every Processing output of the plugin is styled when it loads: processing.runAndLoadResults,
a batch-style run (QGIS's batch dialog: ``alg.run`` then ``handleAlgorithmResults``), and the
algorithm dialog's own path. Classes are checked against the layer's values."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsPointClusterRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from industri_rumahan_plugin.styles import samples
from tests.conftest import REPO

sys.path.insert(0, "/usr/share/qgis/python/plugins")


@pytest.fixture
def layer_tree_view(qgis_iface):
    """A real layer tree view on pytest-qgis's iface: QGIS 3.44 loads results through it."""
    from qgis.core import QgsLayerTreeModel
    from qgis.gui import QgsLayerTreeView

    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    view = QgsLayerTreeView()
    view.setModel(model)
    original = qgis_iface.layerTreeView
    qgis_iface.layerTreeView = lambda: view
    yield view
    qgis_iface.layerTreeView = original  # later tests get pytest-qgis's own view back
    view.deleteLater()


@pytest.fixture
def project(demo_gpkg, qgis_new_project, provider, layer_tree_view) -> dict[str, QgsVectorLayer]:
    """The demo's layers in the current project (enterprises on top)."""
    layers = {}
    for name in ("kabupaten", "layanan", "usaha"):
        layer = samples.gpkg_layer(demo_gpkg, name)
        QgsProject.instance().addMapLayer(layer)
        layers[name] = layer
    return layers


def _run_and_load(alg_id: str, params: dict) -> list:
    """processing.runAndLoadResults; returns the layers it added, in tree order."""
    from qgis import processing

    before = set(QgsProject.instance().mapLayers())
    processing.runAndLoadResults(f"industrirumahan:{alg_id}", params)
    added = set(QgsProject.instance().mapLayers()) - before
    order = [n.layerId() for n in QgsProject.instance().layerTreeRoot().findLayers()]
    return [QgsProject.instance().mapLayer(i) for i in order if i in added]


def _values(layer: QgsVectorLayer, field: str) -> list[float]:
    values = [f[field] for f in layer.getFeatures()]
    return [float(v) for v in values if v is not None and not math.isnan(float(v))]


def test_density_output_is_a_choropleth_under_the_points(project):
    loaded = _run_and_load("densitybyregion", {
        "INPUT": project["usaha"], "REGIONS": project["kabupaten"],
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_OUTSIDE": "TEMPORARY_OUTPUT"})
    regions = next(x for x in loaded if "per_km2" in x.fields().names())
    renderer = regions.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "per_km2"
    values = _values(regions, "per_km2")
    ranges = renderer.ranges()
    assert len(ranges) >= 3
    assert ranges[0].lowerValue() == pytest.approx(min(values))
    assert ranges[-1].upperValue() == pytest.approx(max(values))
    colours = {r.symbol().color().name() for r in ranges}
    assert len(colours) == len(ranges)  # a choropleth, not a flat fill
    # drawn under the enterprise points: later in the layer tree than "usaha"
    order = [n.layerId() for n in QgsProject.instance().layerTreeRoot().findLayers()]
    assert order.index(regions.id()) > order.index(project["usaha"].id())
    # the enterprises outside every region: red crosses, named by business name
    outside = next(x for x in loaded if x is not regions)
    assert isinstance(outside.renderer(), QgsSingleSymbolRenderer)
    assert outside.displayExpression() == '"nama_usaha"'


def test_heatmap_raster_is_a_pseudocolour_up_to_its_maximum(project):
    loaded = _run_and_load("heatmap", {"INPUT": project["usaha"], "RADIUS": 3000,
                                       "PIXEL_SIZE": 500, "OUTPUT": "TEMPORARY_OUTPUT"})
    raster = loaded[0]
    assert isinstance(raster, QgsRasterLayer)
    renderer = raster.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    from osgeo import gdal

    dataset = gdal.Open(raster.source())  # kept: a band outliving its dataset crashes
    band = dataset.GetRasterBand(1).ReadAsArray()
    assert renderer.classificationMax() == pytest.approx(float(band.max()), rel=1e-5)
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert items[0].color.alpha() == 0  # no enterprise (and the faintest quarter): clear
    assert items[0].value == pytest.approx(float(np.quantile(band[band > 0], 0.25)), rel=1e-5)
    positive = band[band > 0]
    assert items[1].value == pytest.approx(float(np.median(positive)), rel=1e-5)
    assert [i.value for i in items] == sorted(i.value for i in items)


def test_hotspots_nearest_gap_access_and_nni_are_styled(project):
    kab, usaha, layanan = project["kabupaten"], project["usaha"], project["layanan"]
    density = _run_and_load("densitybyregion", {"INPUT": usaha, "REGIONS": kab,
                                                "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    hot = _run_and_load("hotspots", {"INPUT": density, "VALUE_FIELD": "per_km2",
                                     "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert isinstance(hot.renderer(), QgsCategorizedSymbolRenderer)
    assert hot.renderer().classAttribute() == "gi_bin"
    assert sorted(c.value() for c in hot.renderer().categories()) == [-3, -2, -1, 0, 1, 2, 3]
    near = _run_and_load("nearestservice", {"INPUT": usaha, "SERVICES": layanan,
                                            "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert isinstance(near.renderer(), QgsGraduatedSymbolRenderer)
    assert near.renderer().classAttribute().startswith("jarak_m_")
    gap = _run_and_load("servicegap", {"INPUT": usaha, "SERVICES": layanan, "REGIONS": kab,
                                       "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert gap.renderer().classAttribute() == "persen_luar"
    access = _run_and_load("accessibility", {"INPUT": usaha, "SERVICES": layanan,
                                             "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert access.renderer().classAttribute().startswith("akses_")
    values = _values(access, access.renderer().classAttribute())
    assert access.renderer().ranges()[-1].upperValue() == pytest.approx(max(values))
    nni = _run_and_load("nearestneighbourindex", {"INPUT": usaha, "REGIONS": kab,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert nni.renderer().classAttribute() == "nni"


def test_batch_runs_style_their_outputs(project):
    """What QGIS's batch dialog does per row: a fresh context, alg.run, handleAlgorithmResults."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from processing.tools import dataobjects
    from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition

    alg = QgsApplication.processingRegistry().createAlgorithmById(
        "industrirumahan:densitybyregion")
    for row, regions in enumerate((project["kabupaten"], project["kabupaten"])):
        feedback = QgsProcessingFeedback()
        context = dataobjects.createContext(feedback)  # a new context per row, like QGIS
        params = {"INPUT": project["usaha"].id(), "REGIONS": regions.id(),
                  "OUTPUT": QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT",
                                                               QgsProject.instance())}
        _results, ok = alg.run(params, context, feedback)
        assert ok
        assert handleAlgorithmResults(alg, context, feedback, parameters=params)
        outputs = [x for x in QgsProject.instance().mapLayers().values()
                   if "per_km2" in x.fields().names()]
        assert len(outputs) == row + 1
        assert all(isinstance(x.renderer(), QgsGraduatedSymbolRenderer) for x in outputs)


def test_generated_enterprises_get_the_stage_style(project):
    loaded = _run_and_load("generatedemo", {
        "REGIONS": project["kabupaten"].id(), "CODE_FIELD": "kode", "COUNT": 50, "SEED": 3,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_SERVICES": "TEMPORARY_OUTPUT"})
    enterprises = next(x for x in loaded if "nama_usaha" in x.fields().names())
    assert isinstance(enterprises.renderer(), QgsPointClusterRenderer)
    assert enterprises.renderer().embeddedRenderer().classAttribute().count("tahap") >= 1
    assert enterprises.displayExpression() == '"nama_usaha"'


def test_demo_project_crs_is_the_heatmaps_utm_zone(project):
    """scripts/demo gives its project the CRS the heatmap is computed in (no CRS: off the map)."""
    sys.path.insert(0, str(REPO / "scripts"))
    import demo_pipeline

    crs = demo_pipeline.project_crs(project["kabupaten"])
    raster = _run_and_load("heatmap", {"INPUT": project["usaha"], "PIXEL_SIZE": 1000,
                                       "OUTPUT": "TEMPORARY_OUTPUT"})[0]
    assert crs.isValid() and not crs.isGeographic()
    assert crs.authid() == raster.crs().authid() == "EPSG:32748"  # UTM 48S, Bangka Belitung
