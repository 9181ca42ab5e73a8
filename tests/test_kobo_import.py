"""A KoBoToolbox / ODK Central submissions export of the plugin's XLSForm imports through
``importspreadsheet`` with no column mapping, and the records equal the source.

The export is built here as KoBo writes it, from the demo's records and the XLSForm the
plugin generated: a column per question (group prefixes "bagian_x/field" or none), the GPS
point as "lat lon alt acc" plus ``_lokasi_latitude`` ... ``_lokasi_precision``, select
values as choice names, ``_id``, ``_uuid``, ``_submission_time`` and the other bookkeeping
columns, ';' as separator (KoBo's CSV default).
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import uuid
from pathlib import Path

import openpyxl
import pytest
from qgis import processing
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.adapters.geopackage import create_database
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.importing import headers, presets

SYSTEM = ("dibuat", "diubah", "diubah_oleh")  # set by the importer, not read
KOBO_TAIL = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"]


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


def xlsform_rows(tmp_path) -> list[dict]:
    out = processing.run("industrirumahan:exportxlsform", {
        "VERSION": "3.kobo", "OUTPUT": str(tmp_path / "form.xlsx")})
    sheet = openpyxl.load_workbook(out["OUTPUT"])["survey"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def source_records(demo_gpkg, n: int = 80) -> list[dict]:
    """Demo enterprises, one per business name and village (the import's duplicate key)."""
    layer = QgsVectorLayer(f"{demo_gpkg}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    seen, records = set(), []
    for feature in layer.getFeatures():
        key = (feature["nama_usaha"].lower(), feature["kode_desa"])
        if key in seen:
            continue
        seen.add(key)
        point = feature.geometry().asPoint()
        record = {name: _plain(feature[name]) for name in layer.fields().names()}
        if len(records) % 5 == 0:  # the demo has no photos: some were taken in the field
            record["foto"] = f"DCIM/{record['uid']}_produk.jpg"
        records.append({**record, "_lon": point.x(), "_lat": point.y()})
        if len(records) == n:
            break
    return records


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime().replace(microsecond=0)
    return value


def _kobo_value(spec: schema.Field, value) -> str:
    """A value as KoBo exports it: choice names, XML numbers and ISO date-times."""
    if value is None:
        return ""
    if spec.type == "bool":
        return "ya" if value else "tidak"
    if spec.type == "double":
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if spec.type == "datetime":
        return value.strftime("%Y-%m-%dT%H:%M:%S.000+07:00")
    if spec.name == "foto":
        return Path(value).name  # KoBo keeps the attachment's file name
    return str(value)


def kobo_table(survey: list[dict], records: list[dict], groups: bool) -> list[dict]:
    """Rows keyed by KoBo's column names, in the form's order."""
    path: list[str] = []
    rows = [{} for _ in records]
    for question in survey:
        kind, name = question["type"], question["name"]
        if kind == "begin_group":
            path.append(name)
            continue
        if kind == "end_group":
            path.pop()
            continue
        column = "/".join([*path, name]) if groups else name
        for row, record in zip(rows, records):
            if kind == "geopoint":
                lat, lon = record["_lat"], record["_lon"]
                row[column] = f"{lat!r} {lon!r} 0.0 4.5"
                for part, value in (("latitude", lat), ("longitude", lon), ("altitude", 0.0),
                                    ("precision", 4.5)):
                    row[f"_{name}_{part}"] = repr(value)
            elif kind == "today":
                row[column] = "2026-08-15"
            elif kind in ("start", "end"):
                row[column] = "2026-08-15T09:30:00.000+07:00"
            elif kind == "username":
                row[column] = "enumerator1"
            else:
                row[column] = _kobo_value(schema.field(name), record.get(name))
                if kind == "image":
                    row[f"{column}_URL"] = ("https://kf.example.org/media/original?media_file="
                                            + row[column]) if row[column] else ""
    for i, row in enumerate(rows):
        row.update({"_id": str(1000 + i), "_uuid": str(uuid.uuid4()),
                    "_submission_time": "2026-08-15T03:00:00", "_validation_status": "",
                    "_notes": "", "_status": "submitted_via_web", "_submitted_by": "",
                    "__version__": "vAbc123", "_tags": "", "_index": str(i + 1)})
    return rows


def write_csv(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict]) -> Path:
    """KoBo's XLSX: numbers of integer, decimal and GPS columns as number cells."""
    numeric = {spec.name for spec in schema.ENTERPRISE_FIELDS
               if spec.type in ("int", "int64", "double")}
    numeric |= {f"_lokasi_{part}" for part in ("latitude", "longitude", "altitude",
                                                "precision")}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([(float(row[c]) if c.rsplit("/", 1)[-1] in numeric else row[c])
                      if row[c] else None for c in rows[0]])
    book.save(path)
    return path


def imported(uri: str) -> dict[str, dict]:
    layer = QgsVectorLayer(uri, "check", "ogr")
    out = {}
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint()
        record = {name: _plain(feature[name]) for name in layer.fields().names()}
        out[record["uid"]] = {**record, "_lon": point.x(), "_lat": point.y()}
    return out


def expected_value(spec: schema.Field, value):
    """The photo's file name lands in the database's photo folder (kobo.gpkg: kobo_foto/)."""
    if spec.name == "foto" and value:
        return f"kobo_foto/{Path(value).name}"
    return value


@pytest.mark.parametrize("shape", ["csv_groups", "xlsx_plain"])
def test_kobo_export_imports_without_mapping(provider, demo_gpkg, tmp_path, shape):
    survey = xlsform_rows(tmp_path)
    records = source_records(demo_gpkg)
    table = kobo_table(survey, records, groups=shape == "csv_groups")
    writer = write_csv if shape.startswith("csv") else write_xlsx
    path = writer(tmp_path / f"industri_rumahan_kobo.{shape.split('_')[0]}", table)
    assert presets.detect(table[0]) == presets.KOBO
    target = create_database(tmp_path / "kobo.gpkg")["enterprises"]
    out = processing.run("industrirumahan:importspreadsheet", {
        "INPUT": str(path), "TARGET": target, "REPORT": str(tmp_path / "report.csv")})
    assert (out["IMPORTED"], out["REJECTED"]) == (len(records), 0)
    stored = imported(target)
    assert set(stored) == {r["uid"] for r in records}
    compared = 0
    for source in records:
        got = stored[source["uid"]]
        for spec in schema.ENTERPRISE_FIELDS:
            if spec.name in SYSTEM or spec.name not in source:
                continue
            assert got[spec.name] == expected_value(spec, source[spec.name]), (
                source["uid"], spec.name)
            compared += 1
        assert got["_lon"] == pytest.approx(source["_lon"], abs=1e-9)
        assert got["_lat"] == pytest.approx(source["_lat"], abs=1e-9)
    assert compared >= len(records) * (len(schema.ENTERPRISE_FIELDS) - len(SYSTEM))
    assert sum(1 for r in stored.values() if r["foto"]) == len(records) // 5
    # the survey day of the form ("today") dates the stage history
    history = QgsVectorLayer(target.replace(schema.ENTERPRISES, schema.STAGE_HISTORY), "h",
                             "ogr")
    days = {f["tanggal_berlaku"].date().toPyDate() for f in history.getFeatures()}
    assert days == {dt.date(2026, 8, 15)}


def test_preset_mapping_of_both_servers():
    kobo = ["start", "bagian_usaha/nama_usaha", "bagian_lokasi/lokasi", "_lokasi_latitude",
            "_lokasi_longitude", "_lokasi_altitude", "_lokasi_precision", "uid", "_uuid",
            "_submission_time", "_index", "bagian_catatan/diubah_oleh", "foto_URL"]
    assert headers.match_headers(kobo) == {
        "bagian_usaha/nama_usaha": "nama_usaha", "_lokasi_latitude": headers.LAT,
        "_lokasi_longitude": headers.LON, "uid": "uid",
        "_submission_time": headers.SURVEY_DATE}
    odk = ["SubmissionDate", "tanggal_survei", "bagian_usaha-sektor", "bagian_lokasi-lokasi",
           "bagian_lokasi-lokasi-Latitude", "bagian_lokasi-lokasi-Longitude",
           "bagian_lokasi-lokasi-Accuracy", "meta-instanceID", "KEY", "SubmitterID"]
    assert headers.match_headers(odk) == {
        "tanggal_survei": headers.SURVEY_DATE, "bagian_usaha-sektor": "sektor",
        "bagian_lokasi-lokasi-Latitude": headers.LAT,
        "bagian_lokasi-lokasi-Longitude": headers.LON}
    # an office's own sheet is not a server export: the usual matching, "uuid" is the uid
    assert presets.detect(["Nama Usaha", "UUID", "Lat", "Long"]) is None
    assert headers.match_headers(["Nama Usaha", "UUID"]) == {"Nama Usaha": "nama_usaha",
                                                             "UUID": "uid"}
