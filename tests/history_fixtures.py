"""Stage history and programme register written into a GeoPackage for the tests.

Until the demo GeoPackage carries ``riwayat_tahap`` and ``partisipasi_program`` itself
(schema version 2), the tests add them here: from ``core.demo_history`` for the demo, or
hand-made rows. Written through the GeoPackage adapter like every other table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import QgsVectorLayer

from industri_rumahan_plugin.adapters.demo_data import frame_rows
from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.geopackage import write_table
from industri_rumahan_plugin.core import demo_history, schema


def read_enterprises(path: Path) -> pd.DataFrame:
    """Every attribute of the enterprise layer (NULL as None)."""
    layer = QgsVectorLayer(f"{path}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    names = layer.fields().names()
    rows = [[None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
             for v in f.attributes()] for f in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names)


def write_tables(path: Path, history: pd.DataFrame | None,
                 participation: pd.DataFrame | None) -> None:
    """Write (or replace) the two tables in the GeoPackage at ``path``."""
    for role, frame in (("stage_history", history), ("programme_register", participation)):
        if frame is None:
            continue
        name, geometry, specs = schema.TABLES[role]
        frame = frame[schema.field_names(specs)].copy()
        if "tanggal_berlaku" in frame:
            frame["tanggal_berlaku"] = [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime()
                                        for v in frame["tanggal_berlaku"]]
        write_table(path, name, qgs_fields(specs), geometry, frame_rows(frame))


def add_demo_history(path: Path, seed: int = 2023) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo surveys of 2023-2025 for the GeoPackage's enterprises; returns the frames."""
    enterprises = read_enterprises(path)
    participation = demo_history.generate_participation(enterprises, seed)
    history = demo_history.generate_history(enterprises, participation, seed)
    write_tables(path, history, participation)
    return history, participation


def history_rows(rows: list[tuple[str, str, str]], source: str = "survei") -> pd.DataFrame:
    """(uid, tahap, date) tuples as a history frame."""
    return pd.DataFrame({"uid": [r[0] for r in rows], "tahap": [r[1] for r in rows],
                         "tanggal_berlaku": pd.to_datetime([r[2] for r in rows]),
                         "sumber": source, "pengguna": "uji"})


def participation_rows(rows: list[tuple[str, str, str, int]]) -> pd.DataFrame:
    """(uid, jenis, program, tahun) tuples as a programme register frame."""
    return pd.DataFrame({"uid": [r[0] for r in rows], "jenis": [r[1] for r in rows],
                         "program": [r[2] for r in rows], "tahun": [r[3] for r in rows],
                         "penyelenggara": "DP3A", "catatan": None})


def has_history(path: Path) -> bool:
    """Whether the GeoPackage already has a stage history (the demo, from schema version 2)."""
    layer = QgsVectorLayer(f"{path}|layername={schema.STAGE_HISTORY}", "riwayat", "ogr")
    return layer.isValid() and layer.featureCount() > 0


def drop_history(path: Path) -> None:
    """Remove both tables (a database as before schema version 2)."""
    from osgeo import ogr

    ds = ogr.Open(str(path), 1)
    for name in (schema.STAGE_HISTORY, schema.PROGRAMME_REGISTER):
        for i in range(ds.GetLayerCount()):
            if ds.GetLayer(i).GetName() == name:
                ds.DeleteLayer(i)
                break
    ds = None
