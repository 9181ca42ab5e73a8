"""The numbers behind a report: ``densitybyregion`` output and service-gap shares per type.

The density table is the output of ``industrirumahan:densitybyregion`` and the service gap the
output of ``industrirumahan:servicegap``, both run as child algorithms, so a report's tables
equal those algorithms' outputs by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis import processing
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.core import catalogue

DENSITY_ALG = "industrirumahan:densitybyregion"
GAP_ALG = "industrirumahan:servicegap"
#: Enterprise fields the report keeps after the period filter (no personal data in a layout).
MAP_FIELDS = ["sektor", "tahap", "jenis_kelamin_pemilik", "krtp", "pelatihan", "bantuan",
              "status_binaan"]
GAP_COLUMNS = ["region", "jenis", "n_usaha", "n_luar", "persen_luar", "jarak_rata_m"]


@dataclass
class ReportData:
    regions: QgsVectorLayer  # density output: region attributes + statistics (atlas coverage)
    stats: pd.DataFrame  # the same, one row per region, no geometry
    gap: pd.DataFrame  # region (-1 = all), jenis, n_usaha, n_luar, persen_luar, jarak_rata_m
    enterprises: QgsVectorLayer  # period-filtered, only MAP_FIELDS
    services: QgsVectorLayer | None


def period_expression(year: int) -> str:
    """Enterprises recorded by the end of ``year`` (0: every record)."""
    if not year:
        return ""
    return f'"dibuat" IS NULL OR year("dibuat") <= {int(year)}'


def region_filter(prefix: str) -> str:
    """Regions whose code starts with ``prefix`` (a regency code keeps its kecamatan)."""
    if not prefix:
        return ""
    escaped = prefix.strip().replace("'", "''")
    return f"left(\"kode\", {len(prefix.strip())}) = '{escaped}'"


def _take(result: str, context: QgsProcessingContext) -> QgsVectorLayer:
    """A child algorithm's output layer, taken out of the context's store (we own it)."""
    layer = QgsProcessingUtils.mapLayerFromString(result, context)
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        raise QgsProcessingException(toolbelt.tr("A report step produced no layer."))
    store = context.temporaryLayerStore()
    if store.mapLayer(layer.id()) is not None:
        store.takeMapLayer(layer)
    return layer


def _run(alg: str, params: dict, context, feedback) -> dict:
    return processing.run(alg, params, context=context, feedback=feedback,
                          is_child_algorithm=True)


def layer_frame(layer: QgsVectorLayer) -> pd.DataFrame:
    """Attributes of every feature in layer order (NULL -> None), feature id in ``_fid``."""
    names = layer.fields().names()
    rows = []
    for feature in layer.getFeatures():
        rows.append([feature.id(), *(
            None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
            for v in feature.attributes())])
    return pd.DataFrame(rows, columns=["_fid", *names])


def regions_layer(regions: QgsVectorLayer, prefix: str, context, feedback) -> QgsVectorLayer:
    if not prefix:
        return regions
    out = _run("native:extractbyexpression", {
        "INPUT": regions, "EXPRESSION": region_filter(prefix), "OUTPUT": "memory:"},
        context, feedback)["OUTPUT"]
    layer = _take(out, context)
    if layer.featureCount() == 0:
        raise QgsProcessingException(toolbelt.tr(
            "No region has a code starting with {code}.").format(code=prefix))
    return layer


def density_output(enterprises, regions, expression: str, context, feedback) -> QgsVectorLayer:
    """``densitybyregion`` on the period's enterprises (sector × stage crossed)."""
    out = _run(DENSITY_ALG, {
        "INPUT": enterprises, "REGIONS": regions,
        "POPULATION_FIELD": "penduduk_total" if "penduduk_total" in regions.fields().names()
        else None,
        "WOMEN_POPULATION_FIELD": "penduduk_wanita"
        if "penduduk_wanita" in regions.fields().names() else None,
        "FILTER": expression, "CATEGORY_FIELDS": ["sektor", "tahap"],
        "OUTPUT": "memory:"}, context, feedback)["OUTPUT"]
    return _take(out, context)


def map_enterprises(enterprises, expression: str, context, feedback) -> QgsVectorLayer:
    """The period's enterprises with only sector and stage: what the report's map draws."""
    out = _run("native:extractbyexpression", {
        "INPUT": enterprises, "EXPRESSION": expression or "true", "OUTPUT": "memory:"},
        context, feedback)["OUTPUT"]
    fields = [f for f in MAP_FIELDS if f in enterprises.fields().names()]
    out = _run("native:retainfields", {"INPUT": out, "FIELDS": fields,
                                       "OUTPUT": "memory:"}, context, feedback)["OUTPUT"]
    return _take(out, context)


def service_gap(enterprises: QgsVectorLayer, services: QgsVectorLayer | None,
                regions: QgsVectorLayer, threshold: float, context: QgsProcessingContext,
                feedback: QgsProcessingFeedback | None,
                order: QgsVectorLayer | None = None) -> pd.DataFrame:
    """``servicegap`` per region (0..n-1, by ``kode``, in the row order of ``order``, default
    ``regions``) and service type, plus all regions together (region -1: counts summed, share
    recomputed, mean distance weighted). ``regions`` is the boundary layer, never an analysis
    output (``servicegap`` refuses those)."""
    if services is None:
        return pd.DataFrame(columns=GAP_COLUMNS)
    out = _run(GAP_ALG, {
        "INPUT": enterprises, "SERVICES": services, "REGIONS": regions, "THRESHOLD": threshold,
        "REGION_CODE_FIELD": "kode", "REGION_NAME_FIELD": "nama",
        "OUTPUT": "memory:", "OUTPUT_PROGRAMME": None}, context, feedback)["OUTPUT"]
    rows = layer_frame(_take(out, context))
    in_order = layer_frame(order if order is not None else regions)
    index = {str(code): i for i, code in enumerate(in_order["kode"])}
    rows = rows[rows["kode"].notna()].copy()
    rows["region"] = [index.get(str(code), -2) for code in rows["kode"]]
    rows = rows[rows["region"] >= 0]
    for name in ("n_usaha", "n_luar", "persen_luar", "jarak_rata_m"):
        rows[name] = pd.to_numeric(rows[name], errors="coerce")
    known = catalogue.codes(catalogue.SERVICE_TYPES)
    order = {code: k for k, code in enumerate(known)}
    rows["_order"] = [order.get(j, len(known)) for j in rows["jenis"]]
    rows = rows.sort_values(["_order", "jenis", "region"], kind="stable")
    per_type = []
    for kind, part in rows.groupby("jenis", sort=False):
        total, beyond = part["n_usaha"].sum(), part["n_luar"].sum()
        has = part["jarak_rata_m"].notna()
        weights = part.loc[has, "n_usaha"]
        per_type.append({
            "region": -1, "jenis": kind, "n_usaha": total, "n_luar": beyond,
            "persen_luar": 100.0 * beyond / total if total else np.nan,
            "jarak_rata_m": float(np.average(part.loc[has, "jarak_rata_m"], weights=weights))
            if weights.sum() > 0 else np.nan})
    both = pd.concat([rows[GAP_COLUMNS], pd.DataFrame(per_type, columns=GAP_COLUMNS)],
                     ignore_index=True)
    return both


def collect(enterprises: QgsVectorLayer, regions: QgsVectorLayer,
            services: QgsVectorLayer | None, year: int, regency_code: str, threshold: float,
            context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> ReportData:
    """Every number and layer a report needs."""
    expression = period_expression(year)
    regions = regions_layer(regions, regency_code, context, feedback)
    feedback.setProgressText(toolbelt.tr("Counting enterprises per region…"))
    stats_layer = density_output(enterprises, regions, expression, context, feedback)
    check_cancel(feedback)
    feedback.setProgress(30)
    map_layer = map_enterprises(enterprises, expression, context, feedback)
    feedback.setProgressText(toolbelt.tr("Measuring distances to services…"))
    gap = service_gap(map_layer, services, regions, threshold, context, feedback,
                      order=stats_layer)
    feedback.setProgress(45)
    return ReportData(stats_layer, layer_frame(stats_layer), gap, map_layer, services)
