"""A demo GeoPackage copy with the history tables (schema v2's ``riwayat_tahap`` and
``partisipasi_program``), made from ``core.schema.TABLES`` when the demo lacks them."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.geopackage import recognised_layers, write_table
from industri_rumahan_plugin.core import schema


def add_history_tables(path: Path) -> None:
    """Create the empty history tables unless the file already has them."""
    found = recognised_layers(path)
    for role, (table, geometry, specs) in schema.TABLES.items():
        if role not in found:
            write_table(path, table, qgs_fields(specs), geometry, [])


def history_rows(path: Path, uid: str | None = None) -> list[dict]:
    """The stage-history rows really in the file (a fresh layer), in table order."""
    layer = QgsVectorLayer(f"{path}|layername={schema.STAGE_HISTORY}", "riwayat", "ogr")
    assert layer.isValid()
    rows = []
    for feature in layer.getFeatures():
        row = {name: feature[name] for name in ("uid", "tahap", "tanggal_berlaku", "sumber",
                                                 "pengguna")}
        if uid is None or row["uid"] == uid:
            rows.append(row)
    return rows
