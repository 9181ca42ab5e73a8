"""Stage history that records itself: a ``riwayat_tahap`` row per committed stage change.

Attached to an enterprise layer, the recorder watches the layer's *commit*, never its edit
buffer: a change that is undone or rolled back never reaches the file and leaves no row, and a
commit that fails writes nothing. Before a commit it notes the stored ``tahap`` of every
feature whose ``tahap`` is about to change; the provider's ``committed…`` signals then say what
really reached the file (new features included: their first row), and once the whole commit
has succeeded (``afterCommitChanges``) the rows go into the history table of the same
database, found by its fields (``schema.layer_role``). A database without one (schema
version 1) records nothing and nothing fails. Works for edits from the plugin's dock and from
QGIS's own attribute form and attribute table alike. Qt and QGIS only (no numpy/pandas).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsMessageLog,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QObject

from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import catalogue, schema

LOG_TAG = "Industri Rumahan"
SOURCE_EDIT = "edit"
SOURCE_IMPORT = "impor"
_SUBLAYER_SEP = "!!::!!"


def current_user() -> str:
    """The login name QGIS reports (as ``@user_account_name`` in the form's defaults)."""
    return (QgsApplication.userLoginName() or QgsApplication.userFullName() or "")[:60]


def _plain(value: Any) -> Any:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _is_stage(value: Any) -> bool:
    return _plain(value) in catalogue.codes(catalogue.STAGES)


def history_table(layer: QgsVectorLayer) -> QgsVectorLayer | None:
    """The stage-history table next to an enterprise layer (same GeoPackage or PostGIS
    schema), recognised by its fields; ``None`` when the database has none."""
    if layer is None or not layer.isValid():
        return None
    if layer.providerType() == "ogr":
        path = layer.source().split("|")[0]
        names = [schema.STAGE_HISTORY]
        for sub in layer.dataProvider().subLayers():
            parts = sub.split(_SUBLAYER_SEP)
            if len(parts) > 1 and parts[1] not in names:
                names.append(parts[1])
        for name in names:
            if name == _ogr_layer_name(layer):
                continue
            candidate = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
            if _is_history(candidate):
                return candidate
        return None
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        uri.setTable(schema.STAGE_HISTORY)
        uri.setGeometryColumn("")
        uri.setKeyColumn("")
        uri.setSql("")
        candidate = QgsVectorLayer(uri.uri(False), schema.STAGE_HISTORY, "postgres")
        return candidate if _is_history(candidate) else None
    return None


def _ogr_layer_name(layer: QgsVectorLayer) -> str:
    for part in layer.source().split("|")[1:]:
        if part.startswith("layername="):
            return part.split("=", 1)[1]
    return ""


def _is_history(candidate: QgsVectorLayer) -> bool:
    return candidate.isValid() and schema.layer_role(candidate.fields().names()) == (
        "stage_history")


def history_feature(table: QgsVectorLayer, uid: str, stage: str, when: Any, source: str,
                    user: str) -> QgsFeature:
    """One ``riwayat_tahap`` row in the table's own fields (extra fields stay NULL)."""
    feature = QgsFeature(table.fields())
    if isinstance(when, dt.datetime):
        when = QDateTime(when)
    elif isinstance(when, dt.date):
        when = QDateTime(dt.datetime(when.year, when.month, when.day))
    for name, value in (("uid", uid), ("tahap", stage), ("tanggal_berlaku", when),
                        ("sumber", source), ("pengguna", user)):
        index = table.fields().indexOf(name)
        if index >= 0:
            feature.setAttribute(index, value)
    return feature


def write_history(table: QgsVectorLayer, rows: list[tuple[str, str, Any, str, str]]) -> str:
    """Append ``(uid, tahap, date, source, user)`` rows in one provider call (one
    transaction); '' when written, else the provider's error."""
    if not rows:
        return ""
    provider = table.dataProvider()
    provider.clearErrors()
    ok, _ = provider.addFeatures([history_feature(table, *row) for row in rows])
    if not ok:
        return "; ".join(provider.errors()) or "the data provider refused the history rows"
    return ""


class StageHistoryRecorder(QObject):
    """Writes a history row for each committed ``tahap`` change of one enterprise layer."""

    def __init__(self, layer: QgsVectorLayer) -> None:
        super().__init__(layer)
        self.layer = layer
        self.users = 0  # attach() / release() count
        self._before: dict[int, tuple[Any, Any]] = {}  # fid -> stored (uid, tahap)
        self.pending: list[tuple[str, str, Any, str, str]] = []
        self.last_error = ""
        self._connections = [
            (layer.beforeCommitChanges, self._on_before_commit),
            (layer.committedAttributeValuesChanges, self._on_values_committed),
            (layer.committedFeaturesAdded, self._on_features_committed),
            (layer.afterCommitChanges, self._flush),
            (layer.afterRollBack, self._flush),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

    def disconnect_all(self) -> None:
        for signal, slot in self._connections:
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self._connections = []

    # --- commit -------------------------------------------------------------------------
    def _on_before_commit(self, *args) -> None:
        """Note the stored uid and stage of every feature whose stage is about to change."""
        self._before = {}
        index = self.layer.fields().indexOf("tahap")
        buffer = self.layer.editBuffer()
        if index < 0 or buffer is None:
            return
        fids = [fid for fid, values in buffer.changedAttributeValues().items()
                if index in values and fid >= 0]
        if not fids:
            return
        request = QgsFeatureRequest().setFilterFids(fids)
        request.setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes(["uid", "tahap"], self.layer.fields())
        for feature in self.layer.dataProvider().getFeatures(request):
            self._before[feature.id()] = (_plain(feature["uid"]), _plain(feature["tahap"]))

    def _on_values_committed(self, _layer_id: str, changes: dict) -> None:
        fields = self.layer.fields()
        stage_index, uid_index = fields.indexOf("tahap"), fields.indexOf("uid")
        for fid, values in changes.items():
            if stage_index not in values or fid not in self._before:
                continue
            uid, old = self._before[fid]
            new = _plain(values[stage_index])
            uid = _plain(values.get(uid_index, uid))
            if uid and _is_stage(new) and new != old:
                self._add(str(uid), str(new))

    def _on_features_committed(self, _layer_id: str, features: list) -> None:
        for feature in features:
            fields = feature.fields()
            if fields.indexOf("uid") < 0 or fields.indexOf("tahap") < 0:
                continue
            uid, stage = _plain(feature["uid"]), _plain(feature["tahap"])
            if uid and _is_stage(stage):
                self._add(str(uid), str(stage))

    def _add(self, uid: str, stage: str) -> None:
        now = dt.datetime.now().replace(microsecond=0)
        self.pending.append((uid, stage, now, SOURCE_EDIT, current_user()))

    def _flush(self, *args) -> None:
        """After the commit: write what reached the file (kept for a retry if refused)."""
        self._before = {}
        if not self.pending:
            return
        table = history_table(self.layer)
        if table is None:  # schema version 1: nothing to record into
            self.pending = []
            return
        self.last_error = write_history(table, self.pending)
        if self.last_error:
            QgsMessageLog.logMessage(
                f"Stage history not written ({len(self.pending)} rows kept for the next "
                f"save): {self.last_error}", LOG_TAG, Qgis.MessageLevel.Warning)
            return
        self.pending = []


_RECORDERS: dict[str, StageHistoryRecorder] = {}


def attach(layer: QgsVectorLayer) -> StageHistoryRecorder:
    """The layer's recorder, created on first use (one per layer, however many users:
    the dock and the project watcher share it, so a change is recorded once)."""
    recorder = _RECORDERS.get(layer.id())
    if recorder is None or recorder.layer is not layer:
        recorder = StageHistoryRecorder(layer)
        layer_id = layer.id()
        _RECORDERS[layer_id] = recorder
        layer.destroyed.connect(lambda *_a: _RECORDERS.pop(layer_id, None))
    recorder.users += 1
    return recorder


def release(layer_id: str) -> None:
    """One user less; the last one disconnects the recorder."""
    recorder = _RECORDERS.get(layer_id)
    if recorder is None:
        return
    recorder.users -= 1
    if recorder.users <= 0:
        with contextlib.suppress(RuntimeError):
            recorder.disconnect_all()
        _RECORDERS.pop(layer_id, None)


def recorder_of(layer_id: str) -> StageHistoryRecorder | None:
    return _RECORDERS.get(layer_id)
