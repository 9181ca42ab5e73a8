"""Write a field-survey package: a folder with a GeoPackage, a QField-ready ``.qgz``, the
photos already on file, and a zip of it all for sending.

The GeoPackage holds the chosen enterprises (personal fields only when asked), the region
boundaries and services around them, and what the package was made from: ``ir_survei``
(format, source database, time, fields) and ``ir_survei_rekaman`` (uid and checksum of each
record as packaged, read back from the written file so the merge compares like with like).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
import zipfile
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import survey_gpkg
from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.geopackage import recognised_layers, write_table
from industri_rumahan_plugin.adapters.gpkg_history import create_attribute_table, insert_rows
from industri_rumahan_plugin.adapters.survey_project import (
    PHOTO_FOLDER,
    StyleFunction,
    write_project,
)
from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.core import field_survey, schema
from industri_rumahan_plugin.metadata import plugin_version

PACKAGE_NAME = "survei_industri_rumahan"


@dataclass
class Area:
    """Region codes the package covers, per level (empty: taken from the enterprises)."""

    regencies: set[str] = field(default_factory=set)
    districts: set[str] = field(default_factory=set)
    villages: set[str] = field(default_factory=set)
    label: str = ""


@dataclass
class PackageResult:
    folder: Path
    geopackage: Path
    project: Path
    zip: Path
    count: int
    photos: int
    layers: dict[str, str]


def _value(feature: QgsFeature, name: str):
    idx = feature.fields().indexOf(name)
    return None if idx < 0 else feature.attribute(idx)


def write_package(folder: Path, enterprises: Sequence[QgsFeature],
                  crs: QgsCoordinateReferenceSystem, database: Path | None, area: Area,
                  include_personal: bool, lang: str, style: StyleFunction,
                  feedback: QgsProcessingFeedback | None = None) -> PackageResult:
    """Write the package into ``folder`` (new or empty) and ``<folder>.zip`` beside it.

    ``style(layer, name)`` puts the plugin's style ``name`` on a layer (styles/ lives above
    adapters/, so the caller hands it in)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(toolbelt.tr(
            "{path} is not empty: choose a new folder for the package (a package that came "
            "back from the field must never be overwritten).").format(path=folder))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PHOTO_FOLDER).mkdir(exist_ok=True)
    gpkg = folder / f"{PACKAGE_NAME}.gpkg"
    names = field_survey.package_fields(include_personal)
    specs = tuple(schema.field(n) for n in names)
    rows = [[_value(f, n) for n in names] for f in enterprises]
    geoms = [f.geometry() if f.hasGeometry() else None for f in enterprises]
    write_table(gpkg, schema.ENTERPRISES, qgs_fields(specs, lang), "Point", rows, geoms, crs)
    layers = {"enterprises": schema.ENTERPRISES}
    if feedback is not None:
        feedback.setProgress(30)
    if database is not None:
        layers.update(_write_references(gpkg, database, area, enterprises))
    if feedback is not None:
        feedback.setProgress(55)
    photos = _copy_photos(enterprises, database, folder)
    _write_manifest(gpkg, database, names, include_personal, area, len(rows))
    project = write_project(folder, gpkg, layers, lang, style)
    if feedback is not None:
        feedback.setProgress(85)
    _settle(gpkg)
    archive = zip_package(folder)
    return PackageResult(folder, gpkg, project, archive, len(rows), photos, layers)


def _codes(enterprises: Sequence[QgsFeature], name: str) -> set[str]:
    return {str(v) for v in (_value(f, name) for f in enterprises) if v}


def _write_references(gpkg: Path, database: Path, area: Area,
                      enterprises: Sequence[QgsFeature]) -> dict[str, str]:
    """Boundaries of the area (and around its enterprises) and the services of its
    regencies, copied from the database's own layers (recognised by their fields)."""
    found = recognised_layers(database)
    districts = area.districts | _codes(enterprises, "kode_kecamatan") | {
        c.rsplit(".", 1)[0] for c in area.villages}
    regencies = area.regencies | _codes(enterprises, "kode_kabupaten") | {
        c.rsplit(".", 1)[0] for c in districts}
    village_filter = ("kode", area.villages) if area.villages else ("kec_kode", districts)
    wanted = {"regencies": ("kode", regencies), "districts": ("kode", districts),
              "villages": village_filter, "services": ("kode_kabupaten", regencies)}
    written: dict[str, str] = {}
    for role, (column, codes) in wanted.items():
        layer = found.get(role)
        if layer is None or not codes:
            continue
        table = schema.LAYERS[role][0]
        _copy_layer(layer, gpkg, table, column, codes)
        written[role] = table
    return written


def _copy_layer(layer: QgsVectorLayer, gpkg: Path, table: str, column: str,
                codes: set[str]) -> int:
    listed = ", ".join("'" + c.replace("'", "''") + "'" for c in sorted(codes))
    request = QgsFeatureRequest().setFilterExpression(f'"{column}" IN ({listed})')
    fields = QgsFields()
    keep = [i for i, f in enumerate(layer.fields()) if f.name().lower() != "fid"]
    for i in keep:
        fields.append(layer.fields().at(i))
    features = list(layer.getFeatures(request))
    geometry = "Point" if layer.geometryType() == GeometryType.POINT else "MultiPolygon"
    return write_table(gpkg, table, fields, geometry,
                       ([f.attributes()[i] for i in keep] for f in features),
                       (f.geometry() for f in features), layer.crs())


def _copy_photos(enterprises: Sequence[QgsFeature], database: Path | None,
                 folder: Path) -> int:
    """Photos the office already has, at the same relative path inside the package."""
    if database is None:
        return 0
    copied = 0
    for feature in enterprises:
        relative = field_survey.safe_relative(_value(feature, field_survey.PHOTO_FIELD))
        if relative is None:
            continue
        source = database.parent / relative
        if source.is_file():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied += 1
    return copied


def _write_manifest(gpkg: Path, database: Path | None, names: list[str],
                    include_personal: bool, area: Area, count: int) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with closing(survey_gpkg.connect(str(gpkg))) as con:
        records, _blobs = survey_gpkg.read_records(con, schema.ENTERPRISES, names)
        con.execute("BEGIN")
        create_attribute_table(con, field_survey.MANIFEST_TABLE,
                               [("kunci", "TEXT"), ("nilai", "TEXT")])
        info = {
            "format": field_survey.PACKAGE_FORMAT,
            "format_version": str(field_survey.PACKAGE_FORMAT_VERSION),
            "paket_id": str(uuid.uuid4()),
            "sumber_basis_data": str(database.resolve()) if database else "",
            "dibuat": now.isoformat(),
            "plugin_version": plugin_version(),
            "schema_version": str(schema.SCHEMA_VERSION),
            "field": ",".join(names),
            "data_pribadi": "1" if include_personal else "0",
            "wilayah": area.label,
            "jumlah_usaha": str(count),
            "lapisan_usaha": schema.ENTERPRISES,
        }
        insert_rows(con, field_survey.MANIFEST_TABLE, ("kunci", "nilai"), info.items())
        create_attribute_table(con, field_survey.RECORDS_TABLE,
                               [("uid", "TEXT(36)"), ("checksum", "TEXT(64)")])
        insert_rows(con, field_survey.RECORDS_TABLE, ("uid", "checksum"),
                    ((uid, rec.checksum(names)) for uid, rec in sorted(records.items())))
        con.execute("COMMIT")


def _settle(gpkg: Path) -> None:
    """Everything in the main file (no write-ahead log), so the zip holds all of it."""
    with closing(sqlite3.connect(str(gpkg), isolation_level=None)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")


def zip_package(folder: Path) -> Path:
    """``<folder>.zip`` beside the folder: its files at the archive's root."""
    archive = folder.parent / (folder.name + ".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.endswith(("-wal", "-shm", "-journal")):
                zf.write(path, path.relative_to(folder).as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                zf.writestr(path.relative_to(folder).as_posix() + "/", "")
    return archive
