"""Renderers are built from the catalogues: types, categories, colours and symbols checked."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationJenks,
    QgsFeature,
    QgsGraduatedSymbolRenderer,
    QgsPointClusterRenderer,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSvgMarkerSymbolLayer,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue, classify
from industri_rumahan_plugin.styles import enterprise_styles as es
from industri_rumahan_plugin.styles import region_styles as rs


def _svg_group(symbol) -> str:
    """Which marker file a symbol embeds (by content)."""
    layer = symbol.symbolLayer(0)
    assert isinstance(layer, QgsSvgMarkerSymbolLayer)
    assert layer.path().startswith("base64:")
    content = base64.b64decode(layer.path()[len("base64:"):])
    for group in [*es.sector_groups(), "lainnya"]:
        if content == Path(es.marker_path(group)).read_bytes():
            return group
    raise AssertionError("unknown marker")


def test_every_sector_group_has_a_param_aware_svg_marker():
    groups = es.sector_groups()
    assert set(groups) == {s.group for s in catalogue.SECTORS}
    for group in groups:
        text = Path(es.marker_path(group)).read_text(encoding="utf-8")
        assert f"{group}.svg" in es.marker_path(group)
        assert "param(fill)" in text and "param(outline)" in text
    contents = {Path(es.marker_path(g)).read_bytes() for g in groups}
    assert len(contents) == len(groups)  # a distinct marker per group


@pytest.mark.parametrize("lang", ["id", "en"])
def test_stage_renderer_follows_the_catalogue(qgis_app, lang):
    renderer = es.enterprise_renderer("stage", lang=lang)
    assert isinstance(renderer, QgsPointClusterRenderer)
    inner = renderer.embeddedRenderer()
    assert isinstance(inner, QgsCategorizedSymbolRenderer)
    assert '"tahap"' in inner.classAttribute()
    categories = inner.categories()
    assert [c.value() for c in categories] == [*catalogue.codes(catalogue.STAGES), ""]
    for category, stage in zip(categories, catalogue.STAGES):
        assert category.symbol().color().name() == stage.color
        assert category.label() == f"{stage.level} {stage.label(lang)}"
        assert isinstance(category.symbol().symbolLayer(0), QgsSimpleMarkerSymbolLayer)
    assert categories[-1].label() == es.OTHER_LABELS[lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sector_renderer_colour_and_marker_per_sector(qgis_app, lang):
    clusters = es.enterprise_renderer("sector", lang=lang)  # owns the embedded renderer
    inner = clusters.embeddedRenderer()
    categories = inner.categories()
    assert [c.value() for c in categories] == [*catalogue.codes(catalogue.SECTORS), ""]
    for category, sector in zip(categories, catalogue.SECTORS):
        layer = category.symbol().symbolLayer(0)
        assert layer.fillColor().name() == sector.color
        assert _svg_group(category.symbol()) == sector.group
        assert category.label() == sector.label(lang)
    colours = {c.symbol().symbolLayer(0).fillColor().name() for c in categories[:-1]}
    assert len(colours) == len(catalogue.SECTORS)  # qualitative: all distinct


def test_stage_sector_colour_by_stage_marker_by_sector(qgis_app):
    clusters = es.enterprise_renderer("stage_sector", lang="en")
    renderer = clusters.embeddedRenderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    branches = renderer.rootRule().children()
    assert [b.label() for b in branches[:3]] == [
        f"{s.level} {s.label('en')}" for s in catalogue.STAGES]
    assert branches[-1].isElse()
    groups = [g for g in es.sector_groups() if g != es.FALLBACK_GROUP]
    for branch, stage in zip(branches, catalogue.STAGES):
        assert branch.symbol() is None
        rules = branch.children()
        assert len(rules) == len(groups) + 1 and rules[-1].isElse()
        for rule, group in zip(rules, groups):
            assert rule.symbol().symbolLayer(0).fillColor().name() == stage.color
            assert _svg_group(rule.symbol()) == group
            assert rule.ruleKey() == f"{stage.code}.{group}"
    # every catalogue sector is matched by exactly one rule of its group
    layer = QgsVectorLayer("Point?field=tahap:string&field=sektor:string", "t", "memory")
    features = []
    for sector in catalogue.SECTORS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["maju", sector.code])
        features.append(feature)
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    for feature, sector in zip(features, catalogue.SECTORS):
        keys = renderer.legendKeysForFeature(feature, context)
        assert keys >= {"maju", f"maju.{sector.group}"}, sector.code
    renderer.stopRender(context)


def test_clusters_and_labels_only_at_village_scale(qgis_app):
    renderer = es.enterprise_renderer("sector")
    assert renderer.tolerance() == es.CLUSTER_TOLERANCE_MM
    assert renderer.clusterSymbol().symbolLayerCount() == 2
    settings = es.name_labeling().settings()
    assert settings.fieldName == "nama_usaha" and settings.scaleVisibility
    assert settings.minimumScale == 25_000 and settings.maximumScale == 0


def test_a_new_sector_in_the_catalogue_changes_the_styles(qgis_app, monkeypatch):
    new = catalogue.Sector("sabun", "Sabun", "Soap", "20", "kimia", "#123456")
    monkeypatch.setattr(catalogue, "SECTORS", (*catalogue.SECTORS, new))
    categories = es.sector_renderer(lang="en").categories()
    assert categories[-2].value() == "sabun"
    assert categories[-2].symbol().symbolLayer(0).fillColor().name() == "#123456"
    assert _svg_group(categories[-2].symbol()) == "lainnya"  # no marker yet: fallback
    renderer = es.stage_sector_renderer(lang="en")
    rules = renderer.rootRule().children()[0].children()
    assert any("'sabun'" in r.filterExpression() for r in rules)


def test_other_and_empty_codes_get_the_other_category(qgis_app):
    renderer = es.stage_renderer(lang="en")
    layer = QgsVectorLayer("Point?field=tahap:string", "t", "memory")
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    found = []
    for value in ["maju", None, "", "IR9"]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        context.expressionContext().setFeature(feature)  # as the map renderer does
        found.append(renderer.legendKeysForFeature(feature, context))
    renderer.stopRender(context)
    # Legend keys are "0", "1"... on QGIS 3.22 and the categories' uuids on 3.40+.
    keys = [item.ruleKey() for item in renderer.legendSymbolItems()]
    assert len(keys) == 4  # the three stages and "other"
    assert found == [{keys[2]}, {keys[3]}, {keys[3]}, {keys[3]}]


def test_density_natural_breaks_are_optimal(qgis_app):
    """Jenks classes: at least as tight as QGIS's own Jenks, which is not optimal here."""
    rng = np.random.default_rng(7)
    values = list(np.round(np.concatenate([rng.gamma(2, 0.3, 40), [5.1, 7.4, 12.9]]), 3))
    renderer = rs.density_renderer("per_km2", values, lang="en", method="jenks")
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classificationMethod().id() == "Jenks"
    uppers = [r.upperValue() for r in renderer.ranges()]
    assert uppers == pytest.approx(classify.natural_breaks(values, 5))
    qgis_uppers = [c.upperBound() for c in QgsClassificationJenks().classes(values, 5)]
    ours = classify.within_sum_of_squares(values, uppers)
    assert ours <= classify.within_sum_of_squares(values, qgis_uppers)
    assert ours == pytest.approx(1.755187, rel=1e-5)  # exact optimum (brute force checked)
    assert [r.symbol().color().name() for r in renderer.ranges()] == list(rs.DENSITY_RAMP)
    assert all(r.label().endswith("per km²") for r in renderer.ranges())
    assert renderer.ranges()[0].lowerValue() == pytest.approx(min(values))


def test_density_auto_uses_quantiles_when_jenks_is_lopsided(qgis_app):
    skewed = [0.1 + 0.01 * i for i in range(40)] + [9.0, 15.0, 22.0, 33.0]  # dense towns
    renderer = rs.density_renderer("per_km2", skewed, lang="en")
    assert renderer.classificationMethod().id() == "Quantile"
    assert [r.upperValue() for r in renderer.ranges()] == pytest.approx(
        classify.quantile_breaks(skewed, 5))
    balanced = [1, 1.2, 1.1, 4, 4.2, 4.4, 8, 8.5, 8.1, 15, 15.5, 14.8, 30, 31, 29.5]
    renderer = rs.density_renderer("per_km2", balanced, lang="en")
    assert renderer.classificationMethod().id() == "Jenks"
    assert [r.upperValue() for r in renderer.ranges()] == pytest.approx(
        [1.2, 4.4, 8.5, 15.5, 31])


def test_density_units_and_indonesian_numbers(qgis_app):
    assert rs.density_unit("per_1000_pddk", "en") == "per 1,000 population"
    assert rs.density_unit("per_1000_perempuan", "id") == "per 1.000 perempuan"
    assert rs.density_unit("per_km2", "id") == "per km²"
    renderer = rs.density_renderer("per_1000_pddk", [0.5, 1.25, 2.5, 3.75, 8.0, 9.5], "id",
                                   method="quantile")
    assert renderer.classificationMethod().id() == "Quantile"
    assert renderer.ranges()[0].label() == "0,50 – 1,25 per 1.000 penduduk"


def test_location_quotient_diverges_around_one(qgis_app):
    renderer = rs.location_quotient_renderer("lq_makanan", "en")
    ranges = renderer.ranges()
    middle = ranges[2]
    assert middle.lowerValue() < 1 < middle.upperValue()
    # symmetric on a log scale around 1
    assert middle.lowerValue() * middle.upperValue() == pytest.approx(1.0)
    assert ranges[1].lowerValue() * ranges[3].upperValue() == pytest.approx(1.0)
    assert [r.symbol().color().name() for r in ranges] == list(rs.LQ_RAMP)
    assert "LQ ≈ 1" in middle.label()
    assert renderer.rangeForValue(1.0).label() == middle.label()
    assert renderer.rangeForValue(3.0).label().startswith("≥ 2")


def test_gap_share_reads_fractions_or_percent(qgis_app):
    as_fraction = rs.gap_share_renderer("share", [0.1, 0.9], "en")
    as_percent = rs.gap_share_renderer("persen_luar", [10.0, 90.0], "id")
    assert as_fraction.ranges()[-1].upperValue() == 1.0
    assert as_percent.ranges()[-1].upperValue() == 100.0
    assert as_percent.ranges()[0].label() == "0 – 10 % tanpa layanan"


def test_accessibility_quantiles_match_numpy(qgis_app):
    values = [float(v) for v in range(1, 101)]
    renderer = rs.accessibility_renderer("akses", values, "en")
    uppers = [r.upperValue() for r in renderer.ranges()]
    assert uppers[:-1] == pytest.approx(np.quantile(values, [0.2, 0.4, 0.6, 0.8]), abs=1.0)
    assert renderer.ranges()[0].label().endswith("(low access)")
    assert renderer.ranges()[-1].label().endswith("(high access)")


def test_default_fields_follow_the_analysis_names():
    names = ["kode", "nama", "jumlah", "per_km2", "per_1000_pddk", "lq_makanan", "persen_luar"]
    assert rs.default_field("density", names) == "per_km2"
    assert rs.default_field("location_quotient", names) == "lq_makanan"
    assert rs.default_field("gap_share", names) == "persen_luar"
    assert rs.default_field("accessibility", ["kode", "indeks_akses"]) == "indeks_akses"
    assert rs.default_field("accessibility", names) is None


def test_style_titles_translate_through_tr(qgis_app):
    from industri_rumahan_plugin.styles import STYLE_TITLES, STYLES

    assert set(STYLE_TITLES) == set(STYLES)
    assert toolbelt.tr(STYLE_TITLES["stage"])  # goes through the translator
