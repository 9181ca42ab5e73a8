"""The real QGIS desktop (Xvfb), in English and in Indonesian: Processing dialogs open with the
recognised layers and translated choices, outputs load styled, cluster discs are coloured, the
rules editor is a table. Screenshots go to docs/ (styled outputs, rules editor)."""

from __future__ import annotations

import pytest

from tests.desktop_support import DESKTOP_MARKS, desktop_session

pytestmark = DESKTOP_MARKS

COLLECT = r'''
from qgis import processing
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFillSymbol,
                       QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtWidgets import QApplication

GPKG, OUT, LANG, SHOTS = @GPKG@, @OUT@, @LANG@, @SHOTS@


def _settle(canvas):
    canvas.refreshAllLayers()
    for _ in range(20):
        QApplication.processEvents()
    canvas.waitWhileRendering()
    QApplication.processEvents()


def collect(window, result):
    iface = qgis.utils.iface
    project = QgsProject.instance()
    old = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{GPKG}|layername=usaha", "REGIONS": f"{GPKG}|layername=kabupaten",
        "OUTPUT": OUT})["OUTPUT"]
    layers = {}
    for name in ("kabupaten", "kecamatan", "layanan", "usaha"):
        layers[name] = project.addMapLayer(QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr"))
    for name, colour in (("kabupaten", "#1f2d3d"), ("kecamatan", "#9e9e9e")):  # as the demo
        layers[name].setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": colour, "outline_width": "0.3"})))
    layers["old"] = project.addMapLayer(QgsVectorLayer(old, "kepadatan lama", "ogr"))
    project.layerTreeRoot().findLayer(layers["old"].id()).setItemVisibilityChecked(False)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32748"))
    iface.setActiveLayer(layers["old"])  # the confusing choice QGIS would preselect

    dialog = processing.createAlgorithmDialog("industrirumahan:servicegap")
    wrappers = dialog.mainWidget().wrappers
    result["defaults"] = {n: project.mapLayer(str(wrappers[n].parameterValue())).name()
                          for n in ("INPUT", "REGIONS", "SERVICES")}
    dialog.close()
    dialog = processing.createAlgorithmDialog("industrirumahan:heatmap")
    combo = dialog.mainWidget().wrappers["KERNEL"].widget
    result["kernels"] = [combo.itemText(i) for i in range(combo.count())]
    result["kernel_value"] = dialog.mainWidget().wrappers["KERNEL"].parameterValue()
    result["help_url"] = dialog.algorithm().helpUrl()
    dialog.close()

    before = set(project.mapLayers())
    processing.runAndLoadResults("industrirumahan:heatmap", {
        "INPUT": layers["usaha"].id(), "RADIUS": 3000, "PIXEL_SIZE": 250,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    processing.runAndLoadResults("industrirumahan:densitybyregion", {
        "INPUT": layers["usaha"].id(), "REGIONS": layers["kecamatan"].id(),
        "OUTPUT": "TEMPORARY_OUTPUT"})
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    result["outputs"] = {x.name(): [type(x.renderer()).__name__,
                                    getattr(x.renderer(), "classAttribute", lambda: "")()]
                         for x in new}
    order = [n.layerId() for n in project.layerTreeRoot().findLayers()]
    density = next(x for x in new if hasattr(x, "fields") and "per_km2" in x.fields().names())
    heat = next(x for x in new if x is not density)
    result["density_below_points"] = order.index(density.id()) > order.index(
        layers["usaha"].id())
    result["display_expression"] = layers["usaha"].displayExpression()
    from industri_rumahan_plugin.compat import Symbology
    from industri_rumahan_plugin.styles.apply import apply_style

    apply_style(layers["usaha"], "stage")  # what the toolbar's stage style does
    colour = layers["usaha"].renderer().clusterSymbol().symbolLayer(0) \
        .dataDefinedProperties().property(Symbology.PROPERTY_FILL_COLOR).expressionString()
    # the members' class colour, read without touching a layer in the render thread
    result["cluster_colour"] = layers["usaha"].renderer().type() == "pointCluster" and \
        "@cluster_color" in colour and "overlay_" not in colour and "@layer)" not in colour \
        and "@layer," not in colour

    # the algorithm dialog's own run (a background task, then QGIS loads the output)
    import time

    dialog = processing.createAlgorithmDialog("industrirumahan:nearestneighbourindex", {
        "INPUT": layers["usaha"].id(), "REGIONS": layers["kabupaten"].id(),
        "OUTPUT": "TEMPORARY_OUTPUT"})
    before = set(project.mapLayers())
    dialog.runAlgorithm()
    for _ in range(1200):
        QApplication.processEvents()
        if set(project.mapLayers()) - before:
            break
        time.sleep(0.05)
    loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    result["dialog_outputs"] = [[type(x.renderer()).__name__, x.renderer().classAttribute()]
                                for x in loaded]
    from qgis.PyQt import sip

    if not sip.isdeleted(dialog):  # QGIS closes it after a run unless "keep open" is set
        dialog.close()
    for x in loaded:
        project.layerTreeRoot().findLayer(x.id()).setItemVisibilityChecked(False)

    canvas = iface.mapCanvas()
    extent = QgsCoordinateTransform(layers["kabupaten"].crs(), project.crs(), project) \
        .transformBoundingBox(layers["kabupaten"].extent())
    canvas.setExtent(extent)
    tree = project.layerTreeRoot()
    tree.findLayer(heat.id()).setItemVisibilityChecked(False)
    _settle(canvas)
    canvas.grab().save(SHOTS["density"], "PNG")
    tree.findLayer(heat.id()).setItemVisibilityChecked(True)
    tree.findLayer(density.id()).setItemVisibilityChecked(False)
    _settle(canvas)
    canvas.grab().save(SHOTS["heatmap"], "PNG")
    result["heat_extent_inside"] = canvas.extent().intersects(
        QgsCoordinateTransform(heat.crs(), project.crs(), project).transformBoundingBox(
            heat.extent()))

    from industri_rumahan_plugin.adapters import rule_store
    from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

    rules = StageRulesDialog(rule_store.load_rules(), window)
    rules.show()
    rules.table.setCurrentCell(1, 1)
    for _ in range(10):
        QApplication.processEvents()
    rules.grab().save(SHOTS["rules"], "PNG")
    result["rules_headers"] = [rules.table.horizontalHeaderItem(i).text() for i in range(3)]
    rules.close()
'''


@pytest.fixture(scope="module", params=["en", "id"])
def desktop_run(request, tmp_path_factory, demo_gpkg) -> dict:
    lang = request.param
    work = tmp_path_factory.mktemp(f"desktop_map_{lang}")
    shots = {k: str(work / f"{k}_{lang}.png") for k in ("density", "heatmap", "rules")}
    data = desktop_session(work, COLLECT, lang=lang, gpkg=demo_gpkg, values={
        "LANG": lang, "OUT": str(work / "kepadatan_lama.gpkg"), "SHOTS": shots}, shots={
        f"density_{lang}.png": f"desktop_styled_output_{lang}.png",
        f"heatmap_{lang}.png": f"desktop_heatmap_{lang}.png",
        f"rules_{lang}.png": f"rules_editor_{lang}.png"})
    data["lang"], data["shots"] = lang, shots
    return data


def test_desktop_dialogs_outputs_and_rules_editor(desktop_run):
    run = desktop_run
    assert "probe_error" not in run, run["probe_error"] + "\n".join(run["python_errors"])
    assert run["python_errors"] == [], "\n".join(run["python_errors"])
    assert run["defaults"] == {"INPUT": "usaha", "REGIONS": "kabupaten", "SERVICES": "layanan"}
    expected = {"en": ["Quartic", "Epanechnikov", "Gaussian"],
                "id": ["Kuartik", "Epanechnikov", "Gauss"]}[run["lang"]]
    assert run["kernels"] == expected and run["kernel_value"] == "quartic"
    assert run["help_url"].startswith("file://") and run["help_url"].endswith("#heatmap")
    renderers = sorted(v[0] for v in run["outputs"].values())
    assert renderers == ["QgsGraduatedSymbolRenderer", "QgsSingleBandPseudoColorRenderer"]
    assert any(v == ["QgsGraduatedSymbolRenderer", "per_km2"] for v in run["outputs"].values())
    assert run["density_below_points"] and run["heat_extent_inside"]
    assert run["display_expression"] == '"nama_usaha"'
    assert run["cluster_colour"]
    assert run["dialog_outputs"] == [["QgsGraduatedSymbolRenderer", "nni"]]
    headers = {"en": "Points", "id": "Poin"}[run["lang"]]
    assert run["rules_headers"][0] == headers
