"""Build the demo GeoPackage: real Bangka Belitung boundaries + generated enterprises/services.

Used by ``scripts/demo``, the tests and the benchmarks; the ``generatedemo`` algorithm uses the
same generator on any regions a user gives it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin.adapters.arrays import WGS84, read_source
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.adapters.fields import qgs_fields
from industri_rumahan_plugin.adapters.geopackage import create_database, to_variant, write_table
from industri_rumahan_plugin.adapters.gpkg_history import insert_rows
from industri_rumahan_plugin.core import demo, schema

REPO_DATA = Path(__file__).resolve().parents[2] / "data" / "boundaries"
BABEL_FILES = {
    "regencies": "babel_adm2_kabkota.geojson",
    "districts": "babel_adm3_kecamatan.geojson",
    "villages": "babel_adm4_desa_kelurahan.geojson",
    "village_centres": "babel_desa_kelurahan_kode_centroid.csv",
    "ports": "babel_pelabuhan_kemenhub_simpel2017.geojson",
}


def frame_rows(frame: pd.DataFrame) -> Iterable[list]:
    """DataFrame rows with pandas' missing markers turned into ``None`` (NULL)."""
    clean = frame.astype(object).where(frame.notna(), None)
    return (list(row) for row in clean.itertuples(index=False, name=None))


def point_geometries(xy: np.ndarray) -> Iterable[QgsGeometry]:
    return (QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))) for x, y in xy)


def read_villages(source: QgsFeatureSource | None, code_field: str,
                  context: QgsProcessingContext, feedback: QgsProcessingFeedback | None
                  ) -> tuple[np.ndarray, list] | None:
    """Located village points (lon/lat on WGS84) and their codes (None without
    ``code_field``), the cluster centres of ``generatedemo``; None without a layer."""
    if source is None:
        return None
    arr = read_source(source, [code_field] if code_field else [], context=context,
                      target_crs=WGS84, feedback=feedback, progress_span=(10, 20))
    xy = arr.point_xy()
    ok = ~np.isnan(xy[:, 0])
    codes = (arr.attributes[code_field].astype(str).tolist() if code_field
             else [None] * len(arr))
    return xy[ok], [c for c, keep in zip(codes, ok) if keep]


def write_points(sink: QgsFeatureSink, fields: QgsFields, frame: pd.DataFrame,
                 xy: np.ndarray, feedback: QgsProcessingFeedback | None,
                 span: tuple[float, float] = (0.0, 100.0)) -> bool:
    """Generated rows as point features (lon/lat) into a Processing sink; False when the
    sink refused a feature (the caller reports it with QGIS's write error)."""
    total = max(len(frame), 1)
    for i, (row, geom) in enumerate(zip(frame_rows(frame), point_geometries(xy))):
        if i % 5000 == 0:
            check_cancel(feedback)
            if feedback is not None:
                feedback.setProgress(span[0] + (span[1] - span[0]) * i / total)
        feature = QgsFeature(fields)
        feature.setAttributes([to_variant(v) for v in row])
        feature.setGeometry(geom)
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            return False
    return True


def _read_geojson(path: Path) -> tuple[list[dict], list[QgsGeometry]]:
    layer = QgsVectorLayer(str(path), path.stem, "ogr")
    if not layer.isValid():
        raise FileNotFoundError(path)
    names = layer.fields().names()
    attrs, geoms = [], []
    for feature in layer.getFeatures():
        attrs.append(dict(zip(names, feature.attributes())))
        geoms.append(QgsGeometry(feature.geometry()))
    return attrs, geoms


def _write_boundaries(
    path: Path, role: str, source: Path
) -> tuple[list[dict], list[QgsGeometry]]:
    table, geometry_type, specs = schema.LAYERS[role]
    attrs, geoms = _read_geojson(source)
    names = [f.name for f in specs]
    rows = [[a.get(n) for n in names] for a in attrs]
    for g in geoms:
        g.convertToMultiType()
    write_table(path, table, qgs_fields(specs), geometry_type, rows, geoms)
    return attrs, geoms


def babel_regions(
    regency_attrs: list[dict], regency_geoms: list[QgsGeometry], centres_csv: Path
) -> tuple[list[demo.Region], dict[str, tuple[float, float]]]:
    """Regions with their village centres, and each regency's capital (first kelurahan)."""
    villages = pd.read_csv(centres_csv, dtype=str)
    villages["lon"] = villages["centroid_lng"].astype(float)
    villages["lat"] = villages["centroid_lat"].astype(float)
    regions, capitals = [], {}
    for attrs, geom in zip(regency_attrs, regency_geoms):
        code = attrs["kode"]
        own = villages[villages["kab_kode"] == code].sort_values("kode")
        regions.append(demo.Region(
            code=code,
            name=attrs["nama"],
            geometry=shapely.from_wkb(bytes(geom.asWkb())),
            weight=float(attrs.get("penduduk_total") or 1),
            centres=own[["lon", "lat"]].to_numpy(),
            centre_codes=own["kode"].tolist(),
        ))
        towns = own[own["jenis"] == "Kelurahan"]
        if len(towns):
            capitals[code] = (float(towns.iloc[0]["lon"]), float(towns.iloc[0]["lat"]))
    return regions, capitals


def _ports(path: Path, max_km: float = 2.0) -> list[tuple[str, float, float, str]]:
    """Real ports near a regency (the registry has some at sea or outside the province)."""
    attrs, geoms = _read_geojson(path)
    out = []
    for a, g in zip(attrs, geoms):
        code, dist = a.get("kab_kode_spasial"), a.get("jarak_ke_kab_km")
        if code and dist is not None and float(dist) <= max_km:
            p = g.asPoint()
            out.append((str(a["nama"]), p.x(), p.y(), str(code)))
    return out


def build_demo_geopackage(
    path: str | Path,
    count: int = 5000,
    seed: int = 20241231,
    boundaries_dir: Path = REPO_DATA,
    feedback: QgsProcessingFeedback | None = None,
) -> dict[str, int]:
    """Write the Bangka Belitung demo GeoPackage (schema version 2, with the stage history of
    the 2023-2025 surveys and the programme register); returns feature counts per table."""
    path = Path(path)
    if path.exists():
        path.unlink()
    create_database(path)
    files = {k: boundaries_dir / v for k, v in BABEL_FILES.items()}
    regency_attrs, regency_geoms = _write_boundaries(path, "regencies", files["regencies"])
    _write_boundaries(path, "districts", files["districts"])
    _write_boundaries(path, "villages", files["villages"])
    regions, capitals = babel_regions(regency_attrs, regency_geoms, files["village_centres"])

    enterprises, xy = demo.generate_enterprises(regions, demo.DemoOptions(count=count, seed=seed))
    table, geometry_type, specs = schema.LAYERS["enterprises"]
    n_enterprises = write_table(path, table, qgs_fields(specs), geometry_type,
                                frame_rows(enterprises), point_geometries(xy), feedback=feedback)
    services, sxy = demo.generate_services(regions, seed=seed + 1, capitals=capitals,
                                           ports=_ports(files["ports"]))
    table, geometry_type, specs = schema.LAYERS["services"]
    n_services = write_table(path, table, qgs_fields(specs), geometry_type,
                             frame_rows(services), point_geometries(sxy))
    n_history, n_participation = write_demo_history(path, enterprises, seed)
    return {
        schema.ENTERPRISES: n_enterprises,
        schema.SERVICES: n_services,
        schema.REGENCIES: len(regency_attrs),
        schema.STAGE_HISTORY: n_history,
        schema.PROGRAMME_REGISTER: n_participation,
    }


def write_demo_history(path: str | Path, enterprises: pd.DataFrame,
                       seed: int) -> tuple[int, int]:
    """Fill the (empty) history tables with the demo surveys of 2023-2025 and programmes."""
    from industri_rumahan_plugin.core import demo_history

    participation = demo_history.generate_participation(enterprises, seed)
    history = demo_history.generate_history(enterprises, participation, seed)
    with closing(sqlite3.connect(path)) as db, db:  # one transaction
        n_history = insert_rows(db, schema.STAGE_HISTORY, list(history.columns),
                                history.itertuples(index=False, name=None))
        n_participation = insert_rows(db, schema.PROGRAMME_REGISTER, list(participation.columns),
                                      participation.itertuples(index=False, name=None))
    return n_history, n_participation
