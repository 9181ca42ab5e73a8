"""The plugin's GeoPackage: create it, write tables, recognise it and its layers.

A database is recognised by its ``ir_metadata`` table (schema version) and each layer by its
fields (``core.schema.layer_role``); names may be changed by users. An older or foreign file is
reported, never changed silently.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.gpkg_history import (
    create_version2_tables,
    drop_version2_tables,
)
from industri_rumahan_plugin.compat import WkbType, new_field
from industri_rumahan_plugin.core import catalogue, schema
from industri_rumahan_plugin.metadata import plugin_version

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
_WKB = {
    "Point": WkbType.POINT,
    "MultiPolygon": WkbType.MULTI_POLYGON,
    "None": WkbType.NO_GEOMETRY,
}


class DatabaseError(Exception):
    """A GeoPackage that cannot be used as it is; the message is for the user."""


def to_variant(value: Any) -> Any:
    """Python/numpy values -> what QgsFeature accepts (NULL for missing)."""
    if value is None:
        return None
    if isinstance(value, str):
        return str(value)  # numpy.str_ is not accepted by QGIS
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, dt.datetime):
        return QDateTime(value)
    return value


def write_table(
    path: str | Path,
    name: str,
    fields: QgsFields,
    geometry_type: str,
    rows: Iterable[Sequence[Any]],
    geometries: Iterable[QgsGeometry | None] | None = None,
    crs: QgsCoordinateReferenceSystem = WGS84,
    feedback: QgsProcessingFeedback | None = None,
) -> int:
    """Write (or replace) one table of a GeoPackage; returns the number of features written."""
    path = str(path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if Path(path).exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        path, fields, _WKB[geometry_type], crs, QgsCoordinateTransformContext(), options
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise DatabaseError(
            toolbelt.tr("Cannot write table {name} in {path}: {error}").format(
                name=name, path=path, error=writer.errorMessage()
            )
        )
    count = 0
    geoms = iter(geometries) if geometries is not None else None
    batch: list[QgsFeature] = []
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([to_variant(v) for v in row])
        if geoms is not None:
            geom = next(geoms)
            if geom is not None:
                feature.setGeometry(geom)
        batch.append(feature)
        if len(batch) >= 5000:
            _add(writer, batch, name)
            count += len(batch)
            batch.clear()
            if feedback is not None and feedback.isCanceled():
                break
    if batch:
        _add(writer, batch, name)
        count += len(batch)
    del writer  # closes the file
    return count


def _add(writer: QgsVectorFileWriter, batch: list[QgsFeature], name: str) -> None:
    if not writer.addFeatures(batch):
        raise DatabaseError(
            toolbelt.tr("Cannot write features to table {name}: {error}").format(
                name=name, error=writer.errorMessage()
            )
        )


def _lookup_tables() -> dict[str, tuple[QgsFields, list[list[Any]]]]:
    """The catalogues as tables, so other tools (spreadsheets, SQL) can read the codes."""

    def table(entries: tuple[catalogue.Entry, ...], extra: Sequence[str]) -> tuple:
        fields = QgsFields()
        for name in ("kode", "label_id", "label_en", *extra):
            fields.append(new_field(name, "string"))
        rows = [
            [e.code, e.label_id, e.label_en, *(str(getattr(e, x)) for x in extra)]
            for e in entries
        ]
        return fields, rows

    return {
        "ref_tahap": table(catalogue.STAGES, ("order", "level", "color")),
        "ref_sektor": table(catalogue.SECTORS, ("kbli", "group", "color")),
        "ref_pemasaran": table(catalogue.MARKET_REACH, ()),
        "ref_jenis_kelamin": table(catalogue.SEX, ()),
        "ref_status_binaan": table(catalogue.GUIDANCE_STATUS, ()),
        "ref_jenis_layanan": table(catalogue.SERVICE_TYPES, ("color",)),
    }


def create_database(
    path: str | Path,
    feedback: QgsProcessingFeedback | None = None,
    lang: str = "id",
) -> dict[str, str]:
    """Write a new, empty plugin GeoPackage; returns ``{role: layer uri}`` (layers and the
    history tables).

    Refuses to touch an existing file that is not the plugin's own, so no data is lost.
    """
    path = Path(path)
    if path.exists():
        status, message = check_database(path)
        if status != "ok":
            raise DatabaseError(message)
    uris: dict[str, str] = {}
    for role, (table, geometry, specs) in schema.LAYERS.items():
        write_table(path, table, qgs_fields(specs, lang), geometry, [], feedback=feedback)
        uris[role] = f"{path}|layername={table}"
    for table, (fields, rows) in _lookup_tables().items():
        write_table(path, table, fields, "None", rows)
    write_metadata(path)
    with closing(sqlite3.connect(path)) as db, db:  # one transaction
        drop_version2_tables(db)
        create_version2_tables(db)
    for role, (table, _geometry, _specs) in schema.TABLES.items():
        uris[role] = f"{path}|layername={table}"
    return uris


def write_metadata(path: str | Path) -> None:

    fields = QgsFields()
    fields.append(new_field("kunci", "string"))
    fields.append(new_field("nilai", "string"))
    rows = [
        ["schema_version", str(schema.SCHEMA_VERSION)],
        ["plugin_version", plugin_version()],
        ["dibuat", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")],
    ]
    write_table(path, schema.METADATA_TABLE, fields, "None", rows)


def read_metadata(path: str | Path) -> dict[str, str] | None:
    """The ``ir_metadata`` key/values, or ``None`` when the file has no such table."""
    layer = QgsVectorLayer(f"{path}|layername={schema.METADATA_TABLE}", "meta", "ogr")
    if not layer.isValid() or layer.fields().indexOf("kunci") < 0:
        return None
    return {str(f["kunci"]): str(f["nilai"]) for f in layer.getFeatures()}


def check_database(path: str | Path) -> tuple[str, str]:
    """('ok' | 'older' | 'newer' | 'foreign' | 'missing', message for the user)."""
    if not Path(path).exists():
        return "missing", toolbelt.tr("File not found: {path}").format(path=path)
    meta = read_metadata(path)
    if meta is None:
        return "foreign", toolbelt.tr(
            "{path} is not an Industri Rumahan database (no ir_metadata table). "
            "It was not changed."
        ).format(path=path)
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError:
        version = 0
    if version < schema.SCHEMA_VERSION:
        return "older", toolbelt.tr(
            "{path} uses schema version {found}; this plugin needs version {needed}. "
            "The file was not changed: upgrade it with the Upgrade database algorithm "
            "(industrirumahan:upgradedatabase), which keeps a backup copy."
        ).format(path=path, found=version, needed=schema.SCHEMA_VERSION)
    if version > schema.SCHEMA_VERSION:
        return "newer", toolbelt.tr(
            "{path} was made by a newer plugin (schema version {found}); update the plugin. "
            "The file was not changed."
        ).format(path=path, found=version)
    return "ok", ""


def recognised_layers(path: str | Path) -> dict[str, QgsVectorLayer]:
    """Open every table of a GeoPackage and return the plugin's layers by role."""
    from osgeo import ogr  # GDAL ships with QGIS

    found: dict[str, QgsVectorLayer] = {}
    source = ogr.Open(str(path))
    if source is None:
        return found
    names = [source.GetLayerByIndex(i).GetName() for i in range(source.GetLayerCount())]
    source = None
    for name in names:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue
        role = schema.layer_role(
            layer.fields().names(), QgsWkbTypes.displayString(layer.wkbType())
        )
        if role and role not in found:
            from industri_rumahan_plugin.adapters.display_names import set_display_expression

            set_display_expression(layer)
            found[role] = layer
    return found

