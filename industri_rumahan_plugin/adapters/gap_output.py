"""The outputs of ``servicegap``: the gap per region and service type (region polygons on
WGS84, one row per region and type, a row without geometry for enterprises outside every
region) and the programme-gap table, with their declared field types."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
)

from industri_rumahan_plugin.adapters.gap_io import RegionIndex
from industri_rumahan_plugin.compat import FieldType, WkbType
from industri_rumahan_plugin.core import cell_safety
from industri_rumahan_plugin.core.coverage import OUTSIDE

GAP_COLUMNS = [
    ("n_usaha", FieldType.INT), ("n_dalam", FieldType.INT), ("n_luar", FieldType.INT),
    ("persen_luar", FieldType.DOUBLE), ("luar_perempuan", FieldType.INT),
    ("luar_krtp", FieldType.INT), ("jarak_rata_m", FieldType.DOUBLE),
    ("jarak_p90_m", FieldType.DOUBLE), ("peringkat", FieldType.INT),
]
PROGRAMME_COLUMNS = [
    ("n_usaha", FieldType.INT), ("n_tanpa_pelatihan", FieldType.INT),
    ("n_tanpa_bantuan", FieldType.INT), ("n_belum_dibina", FieldType.INT),
    ("n_belum_tersentuh", FieldType.INT), ("persen_belum_tersentuh", FieldType.DOUBLE),
]


def gap_fields() -> QgsFields:
    """kode, nama, jenis, the ``GAP_COLUMNS`` and the threshold ambang_m."""
    fields = QgsFields()
    for name in ("kode", "nama", "jenis"):
        fields.append(QgsField(name, FieldType.STRING))
    for name, kind in GAP_COLUMNS:
        fields.append(QgsField(name, kind))
    fields.append(QgsField("ambang_m", FieldType.DOUBLE))
    return fields


def write_gap(sink: QgsFeatureSink, fields: QgsFields, tables: Sequence[pd.DataFrame],
              regions: RegionIndex, threshold: float, outside_label: str) -> None:
    """Each row of ``core.coverage.gap_by_type``'s tables with its region's polygon."""
    for table in tables:
        for row in table.itertuples(index=False):
            feature = QgsFeature(fields)
            r = int(row.region)
            inside = r != OUTSIDE
            values = [regions.codes[r] if inside else None,
                      regions.labels[r] if inside else outside_label, row.jenis]
            values += [plain(getattr(row, name)) for name, _ in GAP_COLUMNS]
            feature.setAttributes([plain(v) for v in values] + [threshold])
            if inside and regions.geometries[r] is not None:
                geom = QgsGeometry()
                geom.fromWkb(shapely.to_wkb(regions.geometries[r]))
                geom.convertToMultiType()
                feature.setGeometry(geom)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)


def write_gap_output(algorithm, parameters: dict, name: str, context: QgsProcessingContext,
                     tables: Sequence[pd.DataFrame], regions: RegionIndex, threshold: float,
                     outside_label: str) -> str:
    """``write_gap`` into the output ``name`` (multipolygons on WGS84); its id."""
    fields = gap_fields()
    sink, dest = algorithm.required_sink(parameters, name, context, fields,
                                         WkbType.MULTI_POLYGON,
                                         QgsCoordinateReferenceSystem("EPSG:4326"))
    write_gap(sink, fields, tables, regions, threshold, outside_label)
    return dest


def write_programme(algorithm, parameters: dict, name: str, context: QgsProcessingContext,
                    table: pd.DataFrame, keys: Sequence[str]) -> str:
    """The programme-gap table as the geometry-less output ``name``: text keys, then the
    ``PROGRAMME_COLUMNS``; formula-like text neutralised in a CSV/XLSX file."""
    fields = QgsFields()
    for key in keys:
        fields.append(QgsField(key, FieldType.STRING))
    for column, kind in PROGRAMME_COLUMNS:
        fields.append(QgsField(column, kind))
    if cell_safety.is_spreadsheet_path(
            algorithm.parameterAsOutputLayer(parameters, name, context) or ""):
        table = cell_safety.neutralise_frame(table, headers=False)
    sink, dest = algorithm.required_sink(parameters, name, context, fields,
                                         WkbType.NO_GEOMETRY)
    for row in table[list(keys) + [c for c, _ in PROGRAMME_COLUMNS]].itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes([plain(v) for v in row])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
    return dest


def plain(value):
    """A numpy or pandas value as a plain Python one; NaN as NULL."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value
