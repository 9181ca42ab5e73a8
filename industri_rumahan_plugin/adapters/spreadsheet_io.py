"""QGIS side of the spreadsheet import/export: village tables, existing records, the
all-or-nothing write and the translated validation report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.adapters.geopackage import recognised_layers, to_variant
from industri_rumahan_plugin.core.importing import pipeline, villages

REPO_VILLAGES = (Path(__file__).resolve().parents[2] / "data" / "boundaries"
                 / "babel_desa_kelurahan_kode_centroid.csv")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
EXISTING_FIELDS = ("uid", "nik", "nama_usaha", "kode_desa")


def report_messages() -> dict[str, str]:
    """Problem code -> translated message ({detail} is the cell or the first row)."""
    tr = toolbelt.tr
    return {
        "missing_column": tr("Required column not found in the spreadsheet"),
        "required": tr("Required value is empty"),
        "not_in_catalogue": tr("Value not in the list of choices: {detail}"),
        "not_a_number": tr("Not a number: {detail}"),
        "out_of_range": tr("Number outside the plausible range (left empty): {detail}"),
        "not_whole_number": tr("Not a whole number (rounded): {detail}"),
        "not_yes_no": tr("Not yes/no (left empty): {detail}"),
        "truncated": tr("Text longer than {detail} characters (shortened)"),
        "nik_invalid": tr("NIK is not 16 digits (left empty)"),
        "nik_rounded": tr("NIK was stored by Excel as a rounded number: format the column as "
                          "text (left empty)"),
        "phone_invalid": tr("Phone number not recognised (left empty)"),
        "coords_swapped": tr("Latitude and longitude were swapped (corrected): {detail}"),
        "coords_outside": tr("Coordinates outside Indonesia: {detail}"),
        "coords_unreadable": tr("Coordinates not readable: {detail}"),
        "village_unknown_code": tr("Village code not found: {detail}"),
        "village_unknown_name": tr("Village name not found: {detail}"),
        "village_ambiguous": tr("Village name found in several districts; add the district "
                                "(Kecamatan): {detail}"),
        "approximate_location": tr("No coordinates: located at the village centroid "
                                   "(approximate)"),
        "no_location": tr("No location: no usable coordinates and no known village"),
        "duplicate_nik": tr("Same NIK as row {detail}"),
        "duplicate_name_village": tr("Same business name and village as row {detail}"),
        "duplicate_uid": tr("Same unique ID as row {detail}"),
        "exists_uid": tr("Already in the database (same unique ID): skipped"),
        "exists_nik": tr("Already in the database (same NIK): skipped"),
        "exists_name_village": tr("Already in the database (same name and village): skipped"),
        "update_uid": tr("Already in the database (same unique ID): updated"),
        "update_nik": tr("Already in the database (same NIK): updated"),
        "update_name_village": tr("Already in the database (same name and village): updated"),
        "changed": tr("Changed: {detail}"),
        "stage_recorded": tr("Stage recorded in the stage history: {detail}"),
        "not_a_date": tr("Not a date (the survey date given to the import is used): {detail}"),
        "not_a_datetime": tr("Not a date and time (left empty): {detail}"),
    }


def report_frame(result: pipeline.ImportResult) -> pd.DataFrame:
    """The validation report with translated headers, severities and messages."""
    messages = report_messages()
    severities = {"error": toolbelt.tr("not imported"), "warning": toolbelt.tr("imported"),
                  "skipped": toolbelt.tr("skipped"), "updated": toolbelt.tr("updated"),
                  "recorded": toolbelt.tr("recorded")}
    rep = result.report
    text = [
        detail if code.startswith("rule_") else
        messages.get(code, code).format(detail=detail)
        for code, detail in zip(rep["code"], rep["detail"].fillna("").astype(str))
    ]
    return pd.DataFrame({
        toolbelt.tr("Row"): rep["row"].to_numpy(),
        toolbelt.tr("Column"): rep["column"].to_numpy(),
        toolbelt.tr("Field"): rep["field"].to_numpy(),
        toolbelt.tr("Problem"): text,
        toolbelt.tr("Result"): rep["severity"].map(severities).to_numpy(),
    })


def village_table(layer: QgsVectorLayer | None, target: QgsVectorLayer | None) -> pd.DataFrame:
    """Village codes, names and centroids: the given layer, else the target GeoPackage's
    villages, else the repository's Bangka Belitung table. District/regency names come
    from the repository table (to tell apart villages of the same name)."""
    names = villages.load_village_table(REPO_VILLAGES) if REPO_VILLAGES.exists() else None
    if layer is None and target is not None and target.providerType() == "ogr":
        path = target.source().split("|")[0]
        if path.lower().endswith(".gpkg"):
            layer = recognised_layers(path).get("villages")
    if layer is None or layer.featureCount() == 0:
        return names if names is not None else pd.DataFrame(columns=villages.COLUMNS)
    arrays = read_source(layer, ["kode", "nama", "kec_kode", "kab_kode"])
    xy = arrays.point_xy()
    table = arrays.attributes.copy()
    table["lon"], table["lat"] = xy[:, 0], xy[:, 1]
    if names is not None:
        kec = names.drop_duplicates("kec_kode").set_index("kec_kode")["kec_nama"]
        kab = names.drop_duplicates("kab_kode").set_index("kab_kode")["kab_nama"]
        table["kec_nama"] = table["kec_kode"].map(kec)
        table["kab_nama"] = table["kab_kode"].map(kab)
    table = table.reindex(columns=villages.COLUMNS)
    return table[table["lon"].notna()].reset_index(drop=True)


def existing_records(layer: QgsVectorLayer) -> pd.DataFrame:
    """uid, NIK, name and village of the records already in the target layer."""
    names = [n for n in EXISTING_FIELDS if layer.fields().indexOf(n) >= 0]
    return read_source(layer, names, target_crs=None).attributes


def build_features(layer: QgsVectorLayer, result: pipeline.ImportResult, user: str
                   ) -> list[QgsFeature]:
    """Features for the accepted rows, in the layer's fields and CRS."""
    fields = layer.fields()
    accepted = result.accepted()
    now = dt.datetime.now().replace(microsecond=0)
    transform = None
    if layer.crs().isValid() and layer.crs() != WGS84:
        transform = QgsCoordinateTransform(WGS84, layer.crs(), QgsProject.instance())
    columns = [n for n in fields.names() if n in accepted.columns]
    index = [fields.indexOf(n) for n in columns]
    features = []
    clean = accepted[columns].astype(object).where(accepted[columns].notna(), None)
    for row, values in zip(clean.index, clean.itertuples(index=False, name=None)):
        feature = QgsFeature(fields)
        for i, value in zip(index, values):
            feature.setAttribute(i, to_variant(value))
        for name, value in (("dibuat", now), ("diubah", now), ("diubah_oleh", user)):
            if fields.indexOf(name) >= 0:
                feature.setAttribute(fields.indexOf(name), to_variant(value))
        geom = QgsGeometry.fromPointXY(QgsPointXY(result.lon[row], result.lat[row]))
        if transform is not None:
            geom.transform(transform)
        feature.setGeometry(geom)
        features.append(feature)
    return features


def write_all_or_nothing(layer: QgsVectorLayer, features: list[QgsFeature]) -> str:
    """Add every feature in one provider call (one database transaction); '' when done,
    else the provider's error (and nothing was added)."""
    if not features:
        return ""
    provider = layer.dataProvider()
    before = provider.featureCount()
    provider.clearErrors()
    ok, _ = provider.addFeatures(features)
    if not ok:
        errors = "; ".join(provider.errors()) or toolbelt.tr("the data provider refused the rows")
        return errors
    layer.updateExtents()
    layer.triggerRepaint()
    if provider.featureCount() not in (-1, before + len(features)):
        return toolbelt.tr("unexpected feature count after writing")
    return ""
