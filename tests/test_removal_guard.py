"""styles.removal_guard: the shares of a removed layer's style expressions outlive the layer
(the crash they prevent is QGIS's own race, reached by tests/test_desktop_render_safety.py)."""

from __future__ import annotations

from qgis.core import QgsExpressionContext, QgsExpressionContextScope, QgsProject, QgsVectorLayer

from industri_rumahan_plugin.styles import apply
from industri_rumahan_plugin.styles.removal_guard import RemovalGuard, shared_properties


def test_the_style_expressions_outlive_the_removed_layer(demo_gpkg, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    apply.apply_style(layer, "stage", lang="id")
    expected = {p.expressionString() for p in shared_properties(layer) if p.expressionString()}
    # the disc's colour, size and count, the names' Show and position order
    assert any("ir_cluster_class" in e for e in expected)
    assert any("@cluster_size" in e for e in expected)
    assert any("ir_label_positions" in e for e in expected)
    guard = RemovalGuard()
    try:
        QgsProject.instance().removeMapLayer(layer.id())  # deleted now
        kept = guard.kept[-1]
        assert {p.expressionString() for p in kept if p.expressionString()} == expected
        size = next(p for p in kept if p.expressionString().startswith("min("))
        context = QgsExpressionContext()
        context.appendScope(QgsExpressionContextScope())
        context.lastScope().setVariable("cluster_size", 10)
        value, ok = size.valueAsDouble(context, 0.0)
        assert ok and abs(value - min(7.5, 4 + 0.7 * 2.302585092994046)) < 1e-9
    finally:
        guard.stop()
    assert guard.kept == []
