"""Render the styled enterprise layer while its layers are removed, re-added, the project cleared.

Run in a process of its own (a crash must fail a test, not kill pytest). Each round adds the
demo layers, styles the enterprises as the plugin runs them (discs in their members' majority
class, names only beside lone enterprises and clear of the discs, the plugin's watches and
removal guard running), starts a parallel render and, while it runs, removes the layers (or
clears the project), lets the deletions happen, re-adds them and renders again; a canvas
repaints in between. Prints one JSON line with what was drawn; a crash shows as a signal
return code.

Usage: render_crash_probe.py GPKG ROUNDS [MODE [LATEST_MS]]. MODE "no_guard": without
styles.removal_guard (QGIS 3.40 then crashes now and then, its own race: see there);
"label_show": the label Show expression that crashed QGIS (cd68f0b); "old_colour": a cluster
colour reading the layer through overlay_nearest (as before). Both crash here, which shows
that the probe reaches the crash. LATEST_MS: the longest wait before the layers go.
"""
import json
import sys
import time

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapRendererParallelJob,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize

app = QgsApplication([], True)
app.initQgis()
from qgis.gui import QgsMapCanvas  # noqa: E402

from industri_rumahan_plugin.styles import apply, preview  # noqa: E402
from industri_rumahan_plugin.styles import enterprise_styles as es  # noqa: E402
from industri_rumahan_plugin.styles.cluster_classes import ClusterWatch  # noqa: E402
from industri_rumahan_plugin.styles.neighbours import NeighbourWatch  # noqa: E402
from industri_rumahan_plugin.styles.removal_guard import RemovalGuard  # noqa: E402

GPKG, ROUNDS = sys.argv[1], int(sys.argv[2])
MODE = sys.argv[3] if len(sys.argv) > 3 else ""
#: the longest wait before the layers go, in ms (rounds spread their waits up to it)
LATEST_MS = float(sys.argv[4]) if len(sys.argv) > 4 else 48.0
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
PROVINCE = QgsRectangle(105.05, -3.45, 108.9, -1.45)  # Bangka Belitung, ~1:1,500,000
VILLAGE = QgsRectangle(106.08, -2.16, 106.16, -2.10)  # Pangkalpinang, ~1:25,000
OLD_COLOUR = ("with_variable('dominant', array_first(array_majority(array_prepend(array_foreach("
              "overlay_nearest(@layer, \"tahap\", limit:=@cluster_size - 1), @element), "
              "\"tahap\"), 'all')), if(@dominant = 'pemula', '#fdae61', '#2c7bb6'))")
OLD_SHOW = ("coalesce(distance($geometry, array_first(overlay_nearest(@layer, $geometry, "
            "limit:=1))) > 7.0 * coalesce(@map_scale, 25000) / 1000.0 * 8.98311174991017e-06,"
            " true)")


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()


def add_layers(style: str) -> list[QgsVectorLayer]:
    layers = [QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
              for name in ("usaha", "kecamatan")]
    QgsProject.instance().addMapLayers(layers)
    apply.apply_style(layers[0], style, lang="id")
    if MODE in ("plain", "colour_only"):  # baselines: constant disc colour / no Show on names
        settings = QgsPalLayerSettings(layers[0].labeling().settings())
        settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Show,
                                                     QgsProperty())
        layers[0].setLabeling(QgsVectorLayerSimpleLabeling(settings))
        if MODE == "plain":
            layers[0].renderer().setClusterSymbol(es.cluster_symbol())
    if MODE == "old_colour":  # the former cluster colour: the nearest members via the layer
        layers[0].renderer().setClusterSymbol(es.cluster_symbol(OLD_COLOUR))
        settings = QgsPalLayerSettings(layers[0].labeling().settings())  # names as then
        settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Show,
                                                     QgsProperty())
        layers[0].setLabeling(QgsVectorLayerSimpleLabeling(settings))
    if MODE == "label_show":
        settings = QgsPalLayerSettings(layers[0].labeling().settings())
        settings.scaleVisibility = False
        settings.dataDefinedProperties().setProperty(
            QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(OLD_SHOW))
        layers[0].setLabeling(QgsVectorLayerSimpleLabeling(settings))
    return layers


def job_for(layers, extent) -> QgsMapRendererParallelJob:
    settings = preview.map_settings(layers, extent, WGS84, QSize(500, 400))
    return QgsMapRendererParallelJob(settings)


# as the plugin runs it: names only beside lone enterprises (the controls run as before)
watch = NeighbourWatch() if MODE in ("", "no_guard") else None
# as the plugin: a removed layer's style expressions outlive it while a render prepares them
guard = RemovalGuard() if not MODE else None
canvas = QgsMapCanvas()
canvas.resize(500, 400)
canvas.setDestinationCrs(WGS84)
canvas.show()
clusters = ClusterWatch(canvas) if MODE in ("", "no_guard") else None
styles = ("stage", "sector", "stage_sector")
drawn = []
for round_ in range(ROUNDS):
    layers = add_layers(styles[round_ % 3])
    canvas.setLayers(layers)
    canvas.setExtent(PROVINCE if round_ % 2 else VILLAGE)
    canvas.refresh()
    job = job_for(layers, PROVINCE if round_ % 2 == 0 else VILLAGE)
    job.start()
    spin(LATEST_MS / 1000 * (round_ % 25) / 24)  # interrupt the render at another moment
    if round_ % 3 == 2:
        QgsProject.instance().clear()
    else:
        QgsProject.instance().removeMapLayers([layer.id() for layer in layers])
    spin(0.01)  # deleteLater and the canvas's reaction run here, the job still rendering
    job.waitForFinished()
    layers = add_layers(styles[(round_ + 1) % 3])  # re-added: render again
    canvas.setLayers(layers)
    canvas.refresh()
    again = job_for(layers, PROVINCE)
    again.start()
    again.waitForFinished()
    image = again.renderedImage()
    drawn.append(len({image.pixel(x, y) for x in range(0, 500, 7) for y in range(0, 400, 7)}))
    spin(0.02)
    QgsProject.instance().removeAllMapLayers()
canvas.setLayers([])
canvas.stopRendering()  # a cancelled canvas job may still be rendering: let it end first
print(json.dumps({"rounds": ROUNDS, "colours": drawn}))
sys.stdout.flush()
QgsProject.instance().clear()
if watch is not None:
    watch.stop()
if clusters is not None:
    clusters.stop()
if guard is not None:
    guard.stop()
app.exitQgis()
