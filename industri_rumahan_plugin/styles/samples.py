"""Sample indicator layers from a demo GeoPackage, to preview and export the region styles.

Illustrative values only (the density and service-gap algorithms compute the real ones): per
district the enterprise count, density per km², a location quotient, the share of enterprises
farther than ``GAP_KM`` from a training centre and a simple gravity accessibility index.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsField,
    QgsProject,
    QgsVectorLayer,
)
from scipy.spatial import cKDTree

from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.compat import FieldType, Unit

KM_PER_DEGREE = 111.32
GAP_KM = 15.0
ACCESS_KM = 20.0
LQ_SECTOR = "anyaman"
SAMPLE_FIELDS = ("jumlah_usaha", "per_km2", f"lq_{LQ_SECTOR}", "share_uncovered",
                 "accessibility")


def gpkg_layer(path: str | Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise ValueError(f"{path} has no layer {name}")
    return layer


def _km_xy(xy: np.ndarray, lat0: float) -> np.ndarray:
    return np.column_stack([xy[:, 0] * np.cos(np.radians(lat0)), xy[:, 1]]) * KM_PER_DEGREE


def district_indicators(path: str | Path) -> QgsVectorLayer:
    """A memory copy of the districts with the sample indicator fields filled in."""
    districts = gpkg_layer(path, "kecamatan")
    enterprises = read_source(gpkg_layer(path, "usaha"), ["sektor", "kode_kecamatan"])
    services = read_source(gpkg_layer(path, "layanan"), ["jenis"])
    exy, sxy = enterprises.point_xy(), services.point_xy()
    lat0 = float(np.nanmean(exy[:, 1]))
    ekm, skm = _km_xy(exy, lat0), _km_xy(sxy, lat0)

    training = services.attributes["jenis"].to_numpy() == "pelatihan"
    nearest, _ = cKDTree(skm[training]).query(ekm)
    tree = cKDTree(skm)
    reach = tree.query_ball_point(ekm, ACCESS_KM)
    gravity = np.array([
        np.sum(1.0 / (1.0 + np.hypot(*(skm[idx] - point).T))) if idx else 0.0
        for idx, point in zip(reach, ekm)
    ])
    frame = enterprises.attributes.assign(
        uncovered=nearest > GAP_KM, gravity=gravity,
        target=enterprises.attributes["sektor"] == LQ_SECTOR,
    )
    by_district = frame.groupby("kode_kecamatan").agg(
        count=("sektor", "size"), target=("target", "sum"),
        uncovered=("uncovered", "mean"), gravity=("gravity", "mean"),
    )
    overall = frame["target"].mean()

    out = QgsVectorLayer(f"MultiPolygon?crs={districts.crs().authid()}", "kecamatan", "memory")
    provider = out.dataProvider()
    provider.addAttributes([QgsField("kode", FieldType.STRING), QgsField("nama", FieldType.STRING),
                            QgsField("jumlah_usaha", FieldType.INT),
                            *(QgsField(n, FieldType.DOUBLE) for n in SAMPLE_FIELDS[1:])])
    out.updateFields()
    area = QgsDistanceArea()
    area.setSourceCrs(districts.crs(), QgsProject.instance().transformContext())
    area.setEllipsoid("WGS84")
    features = []
    for source in districts.getFeatures():
        row = by_district.loc[source["kode"]] if source["kode"] in by_district.index else None
        km2 = area.convertAreaMeasurement(area.measureArea(source.geometry()),
                                          Unit.SQUARE_KILOMETERS)
        feature = QgsFeature(out.fields())
        feature.setGeometry(source.geometry())
        count = 0 if row is None else int(row["count"])
        feature.setAttributes([
            source["kode"], source["nama"], count, count / km2 if km2 else None,
            _lq(row, overall), None if row is None else float(row["uncovered"]),
            None if row is None else float(row["gravity"]),
        ])
        features.append(feature)
    provider.addFeatures(features)
    out.updateExtents()
    return out


def _lq(row: pd.Series | None, overall: float) -> float | None:
    if row is None or not row["count"] or not overall:
        return None
    return float(row["target"] / row["count"] / overall)


def utm_crs() -> QgsCoordinateReferenceSystem:
    """UTM 48S: Bangka Belitung in metres, for maps without east-west stretch."""
    return QgsCoordinateReferenceSystem("EPSG:32748")
