"""Map feedback: cluster discs take their members' stage/sector colour (rendered pixels), names
only beside enterprises drawn alone, features are named by business name (not UUID)."""

from __future__ import annotations

import re

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererParallelJob,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.styles import apply, preview
from industri_rumahan_plugin.styles import enterprise_styles as es

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SIZE = QSize(400, 400)


def _layer(points: list[tuple[float, float, str, str, str]]) -> QgsVectorLayer:
    """A memory enterprise layer: (lon, lat, tahap, sektor, nama_usaha)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=uid:string&field=nama_usaha:string"
                           "&field=tahap:string&field=sektor:string", "usaha", "memory")
    features = []
    for i, (x, y, tahap, sektor, nama) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"uuid-{i:04d}", nama, tahap, sektor])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def _pixel(layer: QgsVectorLayer, extent: QgsRectangle, lon: float, lat: float) -> str:
    settings = preview.map_settings([layer], extent, WGS84, SIZE)
    image = preview.render_map(settings)
    point = settings.mapToPixel().transform(QgsPointXY(lon, lat))
    return image.pixelColor(round(point.x()), round(point.y()) + 6).name()  # below the count


STAGE = {s.code: s.color for s in catalogue.STAGES}
SECTOR = {s.code: s.color for s in catalogue.SECTORS}


@pytest.fixture
def two_clusters(qgis_new_project) -> QgsVectorLayer:
    """Cluster A: 10 developing food enterprises (one class); cluster B: 6 advanced batik and
    4 developing food ones (mixed). Points 0.0005° (~55 m) apart; the clusters 0.5° apart."""
    food, batik = catalogue.SECTORS[0].code, "batik"
    stages = [s.code for s in catalogue.STAGES]  # beginner, developing, advanced
    points = []
    for i in range(10):
        points.append((106.0 + 0.0005 * i, -2.0, stages[1], food, f"Usaha A{i}"))
        points.append((106.5 + 0.0005 * i, -2.0, stages[2] if i < 6 else stages[1],
                       batik if i < 6 else food, f"Usaha B{i}"))
    return _layer(points)


def test_cluster_discs_take_their_members_colour(two_clusters):
    """One class: its colour; mixed: the colour of one of its members (never the grey of
    unknown codes), read without touching the layer in the render thread."""
    extent = QgsRectangle(105.7, -2.3, 106.8, -1.7)  # ~1:300,000: both groups cluster
    apply.apply_style(two_clusters, "stage", lang="en")
    stages = [s.code for s in catalogue.STAGES]
    assert _pixel(two_clusters, extent, 106.00225, -2.0) == STAGE[stages[1]]
    assert _pixel(two_clusters, extent, 106.50225, -2.0) in {STAGE[stages[2]], STAGE[stages[1]]}
    apply.apply_style(two_clusters, "sector", lang="en")
    food = catalogue.SECTORS[0].code
    assert _pixel(two_clusters, extent, 106.00225, -2.0) == SECTOR[food]
    assert _pixel(two_clusters, extent, 106.50225, -2.0) in {SECTOR["batik"], SECTOR[food]}
    assert STAGE[stages[1]] != SECTOR[food]  # the two styles look different


def test_the_colour_expression_reads_no_layer(two_clusters):
    """The expression itself, as QGIS evaluates it: with @cluster_color (members of one
    colour) it is that colour, else the drawn member's class colour, grey for unknown codes."""
    text = es.cluster_colour_expression("tahap", catalogue.STAGES)
    assert not re.search(r"@layer\b", text) and "overlay_" not in text and "aggregate" not in text
    expression = QgsExpression(text)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(
        two_clusters))
    first_b = next(f for f in two_clusters.getFeatures() if f["nama_usaha"] == "Usaha B0")
    context.setFeature(first_b)
    context.lastScope().setVariable("cluster_size", 10)
    context.lastScope().setVariable("cluster_color", None)  # QGIS: mixed colours
    assert expression.evaluate(context) == STAGE[catalogue.STAGES[2].code]
    context.lastScope().setVariable("cluster_color", "#123456")
    assert expression.evaluate(context) == "#123456"
    context.lastScope().setVariable("cluster_color", None)
    first_b["tahap"] = "no_such_stage"
    context.setFeature(first_b)
    assert expression.evaluate(context) == es.CLUSTER_COLOR


def _village_labels(layer) -> list[str]:
    centre = QgsPointXY(106.005, -2.0)
    extent = QgsRectangle(centre.x() - 0.01, centre.y() - 0.01, centre.x() + 0.01,
                          centre.y() + 0.01)
    settings = preview.map_settings([layer], extent, WGS84, SIZE)
    assert settings.scale() < es.LABEL_MAX_SCALE  # names shown at this scale
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return sorted(x.labelText for x in job.takeLabelingResults().allLabels())


def test_names_only_beside_enterprises_drawn_alone(qgis_new_project):
    """The two 3 m apart form a cluster disc: no name beside it. The distances come from the
    plugin's watch (main thread), never from the layer inside the render."""
    from industri_rumahan_plugin.styles.neighbours import NeighbourWatch

    watch = NeighbourWatch()
    try:
        layer = _layer([(106.0, -2.0, "pemula", "batik", "Sendiri"),
                        (106.01, -2.0, "pemula", "batik", "Berdua satu"),
                        (106.01003, -2.0, "pemula", "batik", "Berdua dua")])
        apply.apply_style(layer, "stage", lang="en")
        names = QgsPalLayerSettings(layer.labeling().settings())
        names.displayAll = True  # no collision may hide a name: only the Show property
        layer.setLabeling(QgsVectorLayerSimpleLabeling(names))
        assert _village_labels(layer) == ["Sendiri"]
    finally:
        watch.stop()
    # without the plugin (QField, another QGIS) the function is unknown: every name shows
    assert _village_labels(layer) == ["Berdua dua", "Berdua satu", "Sendiri"]


def test_nearest_distances_match_a_brute_force(qgis_app):
    import math
    import random

    from industri_rumahan_plugin.styles.neighbours import nearest_distances

    rng = random.Random(7)
    points = [(i, rng.uniform(0, 5000), rng.uniform(0, 3000)) for i in range(400)]
    points += [(400, 10.0, 10.0), (401, 10.0, 13.0)]  # a close pair
    expected = {fid: min(math.hypot(x - ox, y - oy) for other, ox, oy in points
                         if other != fid) for fid, x, y in points}
    found = nearest_distances(points)
    assert found.keys() == expected.keys()
    assert all(math.isclose(found[k], expected[k]) for k in expected)
    assert found[400] == 3.0


def test_features_are_named_by_business_name(demo_gpkg, qgis_new_project):
    from industri_rumahan_plugin.gui.history_watch import HistoryWatcher

    watcher = HistoryWatcher()
    try:
        usaha = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "usaha", "ogr")
        layanan = QgsVectorLayer(f"{demo_gpkg}|layername=layanan", "layanan", "ogr")
        mine = QgsVectorLayer(f"{demo_gpkg}|layername=kecamatan", "kecamatan", "ogr")
        mine.setDisplayExpression("\"kode\" || ' ' || \"nama\"")  # the user's own: kept
        QgsProject.instance().addMapLayers([usaha, layanan, mine])
        feature = next(usaha.getFeatures())
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(
            usaha))
        context.setFeature(feature)
        shown = QgsExpression(usaha.displayExpression()).evaluate(context)
        assert shown == feature["nama_usaha"] and shown != feature["uid"]
        assert layanan.displayExpression() == '"nama"'
        assert mine.displayExpression() == "\"kode\" || ' ' || \"nama\""
    finally:
        watcher.stop()
