"""Build a published web map: region figures, legends, catalogue, files.

The figures are ``densitybyregion`` and ``servicegap`` run as child algorithms (as the PDF
report does, ``report.data``), so a region's panel equals those outputs by construction. The
choropleth classes and colours are those of the plugin's region styles
(``styles.region_styles``), computed on the values the site shows (a share hidden under the
small-count rule takes no part, so no class limit can reveal it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from qgis.core import QgsProcessingContext, QgsVectorLayer

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import web_files
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.core import publication, report_tables, web_data
from industri_rumahan_plugin.report import data as report_data
from industri_rumahan_plugin.styles import region_styles

NO_DATA = "#d9d9d9"
#: The levels the page loads (``data/<key>.js``), coarsest first.
LEVEL_KEYS = ("kabupaten", "kecamatan")
#: Enterprise fields the site reads: the public ones and the consent flags that decide
#: (the owner's name is published only with its consent). NIK, phone and address are never
#: read.
READ_FIELDS = [*publication.PUBLIC_FIELDS, publication.CONSENT, publication.EXACT_LOCATION,
               publication.OWNER_NAME]


@dataclass
class SiteOptions:
    title: str = ""
    office: str = ""
    source: str = ""
    date: str = ""
    logo: str = ""
    threshold_m: float = 10_000.0
    photo_folder: str = ""
    levels: dict = field(default_factory=dict)  # level key -> regions layer


def legend(item: web_data.Indicator, values: list[float], lang: str) -> list[dict]:
    """Class limits, colours and labels of the plugin's style for ``item``."""
    numbers = region_styles.clean_values(values)
    if not numbers and item.style != "gap_share":
        return []
    if item.style == "gap_share":
        renderer = region_styles.gap_share_renderer(item.key, numbers, lang, percent=True)
    else:
        renderer = region_styles.density_renderer(item.key, numbers, lang,
                                                  unit=item.unit(lang))
    return [{"lo": r.lowerValue(), "hi": r.upperValue(), "color": r.symbol().color().name(),
             "label": r.label()} for r in renderer.ranges()]


def class_of(value: float, classes: list[dict]) -> int | None:
    """The first class holding the value, limits included (as QGIS's graduated renderer)."""
    if value is None or value != value:
        return None
    for index, entry in enumerate(classes):
        if entry["lo"] <= value <= entry["hi"]:
            return index
    return None


def level_data(stats_layer: QgsVectorLayer, gap: pd.DataFrame, threshold_m: float,
               context: QgsProcessingContext, feedback, province: bool) -> dict:
    """One level (kabupaten or kecamatan): GeoJSON features with values, classes and panels,
    legends per indicator and language, and the all-regions panel when ``province``."""
    stats = report_data.layer_frame(stats_layer)
    gap_types = list(dict.fromkeys(gap["jenis"])) if len(gap) else []
    items = web_data.indicators(list(stats.columns), gap_types)
    table = web_data.indicator_table(stats, gap, items)
    shown = {}
    for item in items:
        values = table[item.key].to_numpy(float)
        if item.count:
            counts = table[item.count].to_numpy(float)
            values = [float("nan") if web_data.hidden(c) else v for v, c in zip(values, counts)]
        shown[item.key] = list(values)
    # a map without a single value (no population in the layer, say) is left out
    items = [i for i in items if region_styles.clean_values(shown[i.key])]
    legends = {item.key: {lang: legend(item, shown[item.key], lang) for lang in web_data.LANGS}
               for item in items}
    transform = web_files.to_wgs84(stats_layer.crs(), context.transformContext())
    features = []
    for position, feature in enumerate(stats_layer.getFeatures()):
        row = stats.iloc[position]
        rows = gap[gap["region"] == position] if len(gap) else None
        values = {item.key: shown[item.key][position] for item in items}
        features.append({
            "type": "Feature",
            "geometry": web_files.geometry_json(feature.geometry(), transform),
            "properties": {
                "kode": str(row.get("kode", "") or ""), "nama": str(row.get("nama", "") or ""),
                "v": values,
                "c": {k: class_of(v, legends[k]["id"]) for k, v in values.items()},
                "panel": web_data.region_panel(row, rows, threshold_m)}})
        if position % 20 == 0:
            check_cancel(feedback)
    out = {"type": "FeatureCollection", "features": features,
           "indicators": [{"key": i.key, "style": i.style,
                           "label": {lang: i.label(lang) for lang in web_data.LANGS}}
                          for i in items],
           "legends": legends}
    if province:
        all_gap = gap[gap["region"] == -1] if len(gap) else None
        out["province"] = web_data.region_panel(report_tables.province_row(stats), all_gap,
                                                threshold_m)
    return web_data.clean(out)


def gap_input(enterprises, expression: str, context, feedback) -> QgsVectorLayer:
    """The enterprises ``servicegap`` measures: the INPUT as given (selection kept), the
    filter applied, only the non-personal fields the gap needs."""
    from qgis import processing

    def run(alg: str, params: dict):
        return processing.run(alg, params, context=context, feedback=feedback,
                              is_child_algorithm=True)["OUTPUT"]

    out = run("native:extractbyexpression", {"INPUT": enterprises,
                                              "EXPRESSION": expression or "true",
                                              "OUTPUT": "memory:"})
    layer = context.getMapLayer(out) if isinstance(out, str) else out
    keep = [f for f in report_data.MAP_FIELDS if f in layer.fields().names()]
    out = run("native:retainfields", {"INPUT": out, "FIELDS": keep, "OUTPUT": "memory:"})
    return context.getMapLayer(out) if isinstance(out, str) else out


def figures(enterprises, regions: QgsVectorLayer, services: QgsVectorLayer | None,
            expression: str, threshold_m: float, context, feedback) -> tuple:
    """``densitybyregion`` output and the service gap per region of one level."""
    stats_layer = report_data.density_output(enterprises, regions, expression, context,
                                             feedback)
    gap = pd.DataFrame(columns=report_data.GAP_COLUMNS)
    if services is not None:
        gap = report_data.service_gap(gap_input(enterprises, expression, context, feedback),
                                      services, regions, threshold_m, context, feedback,
                                      order=stats_layer)
    return stats_layer, gap


def photos(frame: pd.DataFrame, allowed, folder: str, site: Path, feedback) -> dict[int, str]:
    """Copy the photos of the consented enterprises into ``foto/`` under neutral names (a
    file name may carry a person's name), re-encoded without metadata."""
    out: dict[int, str] = {}
    if "foto" not in frame or not folder:
        return out
    base = Path(folder)
    for index, value in frame["foto"].items():
        if not allowed[index] or not value:
            continue
        source = Path(str(value))
        source = source if source.is_absolute() else base / source
        if source.suffix.lower() not in web_files.PHOTO_SUFFIXES or not source.is_file():
            feedback.pushWarning(toolbelt.tr("Photo not found or not an image: {path}")
                                 .format(path=str(value)))
            continue
        name = f"foto/{len(out) + 1:04d}.jpg"
        if web_files.copy_photo(source, site / name):
            out[index] = name
    return out


def site_meta(options: SiteOptions, logo: str, counts: dict) -> dict:
    today = datetime.date.today().isoformat()
    return web_data.clean({
        "title": options.title, "office": options.office, "source": options.source,
        "date": options.date or today, "published": today, "logo": logo,
        "threshold_km": options.threshold_m / 1000.0, "labels": web_data.labels(),
        "levels": counts, "no_data": NO_DATA})
