"""The stage history and programme register as DataFrames, and where to find them.

Both are attribute tables (``riwayat_tahap``, ``partisipasi_program``; ``core.schema.TABLES``)
beside the enterprise layer. When the user does not name them, they are found by their fields:
first a layer of the project, then a table of the same GeoPackage (or PostGIS schema) as the
enterprise layer. Dates come out as ISO text (``core.progression.to_days`` reads them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import schema

HISTORY, PARTICIPATION = "stage_history", "programme_register"
#: Enterprise fields the progression and the sex-disaggregated tables read (no personal data).
ENTERPRISE_FIELDS = ("uid", "sektor", "tahap", "jenis_kelamin_pemilik", "krtp",
                     "jumlah_pekerja", "pekerja_perempuan", "kode_kabupaten", "kode_kecamatan")


def _role_of(layer: QgsVectorLayer) -> str | None:
    if layer is None or not layer.isValid():
        return None
    return schema.layer_role(layer.fields().names())


def _file_of(layer: QgsVectorLayer) -> str:
    return layer.source().split("|")[0] if layer.providerType() == "ogr" else ""


def sibling_table(layer: QgsVectorLayer, role: str) -> QgsVectorLayer | None:
    """The table of ``role`` in the enterprise layer's GeoPackage or PostGIS schema."""
    name = schema.TABLES[role][0]
    if layer.providerType() == "ogr":
        candidate = QgsVectorLayer(f"{_file_of(layer)}|layername={name}", name, "ogr")
    elif layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        uri.setTable(name)
        uri.setGeometryColumn("")
        uri.setKeyColumn("")
        uri.setSql("")
        candidate = QgsVectorLayer(uri.uri(False), name, "postgres")
    else:
        return None
    return candidate if _role_of(candidate) == role else None


def find_table(enterprises: QgsVectorLayer | None, role: str,
               project: QgsProject | None = None) -> QgsVectorLayer | None:
    """A layer holding the ``role`` table (``stage_history`` / ``programme_register``):
    a project layer with its fields (one from the enterprises' file first), else the table
    next to the enterprise layer; ``None`` when there is none."""
    found = []
    if project is not None:
        found = [lyr for lyr in project.mapLayers().values()
                 if isinstance(lyr, QgsVectorLayer) and _role_of(lyr) == role]
    if enterprises is not None and found:
        same = [lyr for lyr in found if _file_of(lyr) and _file_of(lyr) == _file_of(enterprises)]
        found = same or found
    if found:
        return found[0]
    return sibling_table(enterprises, role) if enterprises is not None else None


def _plain(value):
    if value is None:
        return None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    if hasattr(value, "isNull") and callable(value.isNull) and value.isNull():
        return None
    return value


def read_table(source: QgsFeatureSource | QgsVectorLayer, names: list[str]) -> pd.DataFrame:
    """The named fields of every feature (what the layer shows: filter and unsaved edits);
    a field the table lacks comes out empty."""
    fields = source.fields()
    index = [fields.indexOf(n) for n in names]
    request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
    request.setSubsetOfAttributes([i for i in index if i >= 0])
    rows = []
    for feature in source.getFeatures(request):
        attrs = feature.attributes()
        rows.append([_plain(attrs[i]) if i >= 0 else None for i in index])
    return pd.DataFrame(rows, columns=names, dtype=object)


def read_history(source) -> pd.DataFrame:
    return read_table(source, schema.field_names(schema.STAGE_HISTORY_FIELDS))


def read_participation(source) -> pd.DataFrame:
    return read_table(source, schema.field_names(schema.PROGRAMME_FIELDS))


@dataclass
class Period:
    start: pd.Timestamp
    end: pd.Timestamp

    def text(self) -> str:
        return f"{self.start:%Y-%m-%d} s.d. {self.end:%Y-%m-%d}"


def default_period(history: pd.DataFrame) -> Period | None:
    """From the end of the first survey round (the last survey row of the earliest year; any
    row when there are no survey rows) to the last date in the history."""
    days = pd.to_datetime(history["tanggal_berlaku"].astype(str).str.slice(0, 10),
                          errors="coerce", format="%Y-%m-%d")
    if days.notna().sum() == 0:
        return None
    survey = history["sumber"].astype(str).str.strip() == "survei"
    first_year = days.min().year
    pool = days[(days.dt.year == first_year) & survey]
    if pool.empty:
        pool = days[days.dt.year == first_year]
    return Period(pool.max(), days.max())
