"""QGIS side of a re-import: the stored records and history, and the all-or-nothing write of
new enterprises, updated fields and stage-history rows.

The three writes are separate provider calls (each its own database transaction). When a
later one is refused, the earlier ones are undone (added enterprises deleted, changed fields
set back to the stored values), so a failed import leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from qgis.core import QgsFeature, QgsFeatureRequest, QgsVectorLayer

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import history_recorder
from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.adapters.geopackage import to_variant
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.importing.updates import UpdatePlan


def existing_enterprises(layer: QgsVectorLayer) -> pd.DataFrame:
    """Every stored enterprise: ``fid`` and the schema's fields (dates left out)."""
    names = [f.name for f in schema.ENTERPRISE_FIELDS
             if f.type != "datetime" and layer.fields().indexOf(f.name) >= 0]
    arrays = read_source(layer, names, target_crs=None)
    frame = arrays.attributes.copy()
    frame["fid"] = arrays.fids
    return frame.reset_index(drop=True)


def stored_history(table: QgsVectorLayer | None) -> pd.DataFrame | None:
    """The stage history (uid, tahap, tanggal_berlaku as datetimes); ``None``: no table."""
    if table is None:
        return None
    arrays = read_source(table, ["uid", "tahap", "tanggal_berlaku"], target_crs=None)
    frame = arrays.attributes
    frame["tanggal_berlaku"] = [_to_datetime(v) for v in frame["tanggal_berlaku"]]
    frame["tanggal_berlaku"] = pd.to_datetime(frame["tanggal_berlaku"], errors="coerce")
    return frame


def _to_datetime(value: object) -> object:
    if value is None:
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def write_import(layer: QgsVectorLayer, features: list[QgsFeature], plan: UpdatePlan,
                 history_table: QgsVectorLayer | None, file_user: str) -> str:
    """Add ``features``, apply ``plan.changes`` and add ``plan.history``: all or nothing.
    '' when done, else the provider's error (and the database is as it was)."""
    provider = layer.dataProvider()
    provider.clearErrors()
    added_ids: list[int] = []
    if features:
        ok, added = provider.addFeatures(features)
        if not ok:
            return _errors(provider, toolbelt.tr("the data provider refused the rows"))
        added_ids = [f.id() for f in added]
    changes, undo = _attribute_maps(layer, plan, file_user)
    if changes and not provider.changeAttributeValues(changes):
        error = _errors(provider, toolbelt.tr("the data provider refused the changes"))
        provider.changeAttributeValues(undo)  # a partial change is set back
        provider.deleteFeatures(added_ids)
        return error
    rows = [(uid, stage, when, history_recorder.SOURCE_IMPORT, file_user)
            for uid, stage, when in zip(plan.history["uid"], plan.history["tahap"],
                                        plan.history["tanggal_berlaku"])]
    if rows and history_table is not None:
        error = history_recorder.write_history(history_table, rows)
        if error:
            if undo:
                provider.changeAttributeValues(undo)
            provider.deleteFeatures(added_ids)
            return error
    layer.updateExtents()
    layer.triggerRepaint()
    layer.reload()
    return ""


def _attribute_maps(layer: QgsVectorLayer, plan: UpdatePlan, user: str) -> tuple[dict, dict]:
    """{fid: {index: new}} and the same with the stored values (to set them back)."""
    fields = layer.fields()
    now = dt.datetime.now().replace(microsecond=0)
    changes: dict[int, dict[int, object]] = {}
    undo: dict[int, dict[int, object]] = {}
    for fid, values in plan.by_fid().items():
        feature = next(layer.dataProvider().getFeatures(QgsFeatureRequest().setFilterFid(fid)),
                       None)
        new = {fields.indexOf(n): to_variant(v) for n, v in values.items()}
        for name, value in (("diubah", now), ("diubah_oleh", user)):
            if fields.indexOf(name) >= 0:
                new[fields.indexOf(name)] = to_variant(value)
        changes[fid] = new
        if feature is not None:
            undo[fid] = {i: feature.attribute(i) for i in new}
    return changes, undo


def _errors(provider, fallback: str) -> str:
    return "; ".join(provider.errors()) or fallback
