"""Site suggestion in QGIS terms: enterprises already served, and the chosen candidates
written with their gains (attributes and geometry as the candidate layer has them)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingFeedback,
)

from industri_rumahan_plugin.adapters import gap_io
from industri_rumahan_plugin.compat import FieldType
from industri_rumahan_plugin.core.nearest import nearest_geodesic

RESULT_FIELDS = (("urutan", FieldType.INT), ("tambah_usaha", FieldType.INT),
                 ("tambah_bobot", FieldType.DOUBLE), ("kumulatif_usaha", FieldType.INT))


def covered_by_services(services: QgsFeatureSource, type_field: str, jenis: str,
                        lonlat: np.ndarray, threshold: float, context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback | None) -> np.ndarray:
    """Enterprises within ``threshold`` metres (geodesic) of a service of type ``jenis``
    (empty: of any service): they need no new site."""
    found = gap_io.read_services(services, context, feedback, type_field)
    members = found.of_type(jenis) if jenis else np.arange(len(found.jenis))
    return np.isfinite(nearest_geodesic(lonlat, found.lonlat[members], threshold).distance)


def site_fields(base: QgsFields) -> QgsFields:
    """The candidate layer's fields plus the gain columns (kept when already there)."""
    fields = QgsFields(base)
    for name, kind in RESULT_FIELDS:
        if fields.indexOf(name) < 0:
            fields.append(QgsField(name, kind))
    return fields


def write_sites(sink: QgsFeatureSink, fields: QgsFields, candidates: QgsFeatureSource,
                fids: np.ndarray, chosen: pd.DataFrame) -> None:
    """One feature per chosen site, in order: the candidate's attributes and geometry with
    urutan, tambah_usaha, tambah_bobot and kumulatif_usaha."""
    wanted = [int(fids[c]) for c in chosen["candidate"]]
    features = {f.id(): f for f in candidates.getFeatures(
        QgsFeatureRequest().setFilterFids(wanted))}
    n_base = len(candidates.fields())
    for row, fid in zip(chosen.itertuples(index=False), wanted):
        feature = QgsFeature(fields)
        attrs = features[fid].attributes()[:n_base]
        values = {"urutan": int(row.urutan), "tambah_usaha": int(row.tambah_usaha),
                  "tambah_bobot": float(row.tambah_bobot),
                  "kumulatif_usaha": int(row.kumulatif_usaha)}
        attrs += [None] * (len(fields) - n_base)
        for name, value in values.items():
            attrs[fields.indexOf(name)] = value
        feature.setAttributes(attrs)
        feature.setGeometry(features[fid].geometry())
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
