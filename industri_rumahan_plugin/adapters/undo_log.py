"""Undo and redo for changes already written to the file ("save each change" mode).

QGIS's own undo stack lives in the layer's edit buffer and is emptied by every commit, so with
auto-save Undo stayed disabled and a delete was final (issue 13). This log keeps, per saved
step, the enterprises before and after (by ``uid``); Undo writes a NEW change that restores
the "before" state (a deleted enterprise comes back with its uid and values), Redo writes the
"after" state again. Both are one edit command and one commit, so the file's history
(``diubah``, the stage history) records them like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsVectorLayer

from industri_rumahan_plugin.compat import FeatureRequest

#: attributes a restore never writes back (the file keys them itself)
SKIPPED = ("fid",)


@dataclass(frozen=True)
class Snapshot:
    """One enterprise as written: attribute values by name and the geometry (WKB)."""

    uid: str
    values: dict[str, Any]
    wkb: bytes | None


@dataclass
class Step:
    """One saved change: ``before``/``after`` per uid (``None`` = did not / does not exist)."""

    label: str
    before: dict[str, Snapshot | None] = field(default_factory=dict)
    after: dict[str, Snapshot | None] = field(default_factory=dict)


def snapshot(feature: QgsFeature) -> Snapshot | None:
    """A detached copy of a feature, or ``None`` when it has no uid (cannot be found again)."""
    if not feature.isValid() and not feature.attributes():
        return None
    names = feature.fields().names()
    values = {n: feature[n] for n in names if n not in SKIPPED}
    uid = values.get("uid")
    if uid is None or (hasattr(uid, "isNull") and uid.isNull()) or not str(uid):
        return None
    geometry = feature.geometry()
    wkb = bytes(geometry.asWkb()) if geometry is not None and not geometry.isEmpty() else None
    return Snapshot(str(uid), values, wkb)


def find(layer: QgsVectorLayer, uid: str) -> QgsFeature | None:
    escaped = uid.replace("'", "''")
    request = QgsFeatureRequest().setFilterExpression(f"\"uid\" = '{escaped}'").setLimit(1)
    for feature in layer.getFeatures(request):
        return feature
    return None


def find_fids(layer: QgsVectorLayer, uids: list[str]) -> list[int]:
    if not uids:
        return []
    listed = ",".join("'" + u.replace("'", "''") + "'" for u in uids)
    request = QgsFeatureRequest().setFilterExpression(f"\"uid\" IN ({listed})")
    request.setFlags(FeatureRequest.NO_GEOMETRY)
    return [f.id() for f in layer.getFeatures(request)]


class UndoLog:
    """Saved steps of one layer, newest last; a new step drops what could be redone."""

    def __init__(self, layer: QgsVectorLayer | None = None) -> None:
        self.layer = layer
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.error = ""

    def record(self, step: Step) -> None:
        if step.before or step.after:
            self.done.append(step)
            self.undone.clear()

    def can_undo(self) -> bool:
        return bool(self.done)

    def can_redo(self) -> bool:
        return bool(self.undone)

    def undo_text(self) -> str:
        return self.done[-1].label if self.done else ""

    def redo_text(self) -> str:
        return self.undone[-1].label if self.undone else ""

    def undo(self) -> list[int]:
        """Write the newest step's "before" state; returns the restored feature ids."""
        if not self.done:
            return []
        step = self.done[-1]
        fids = self._write(step.before, step.label)
        if fids is not None:
            self.undone.append(self.done.pop())
        return fids or []

    def redo(self) -> list[int]:
        if not self.undone:
            return []
        step = self.undone[-1]
        fids = self._write(step.after, step.label)
        if fids is not None:
            self.done.append(self.undone.pop())
        return fids or []

    def _write(self, state: dict[str, Snapshot | None], label: str) -> list[int] | None:
        """Bring each uid of ``state`` to its snapshot in one edit command and one commit."""
        layer = self.layer
        self.error = ""
        started = False
        if not layer.isEditable():
            started = layer.startEditing()
            if not started:
                self.error = "read-only"
                return None
        layer.beginEditCommand(label)
        ok = True
        for uid, wanted in state.items():
            current = find(layer, uid)
            if wanted is None:
                if current is not None:
                    ok = ok and layer.deleteFeature(current.id())
            elif current is None:
                feature = QgsFeature(layer.fields())
                for name, value in wanted.values.items():
                    if layer.fields().indexOf(name) >= 0:
                        feature[name] = value
                if wanted.wkb is not None:
                    geometry = QgsGeometry()
                    geometry.fromWkb(wanted.wkb)
                    feature.setGeometry(geometry)
                ok = ok and layer.addFeature(feature)
            else:
                fields = layer.fields()
                changes = {fields.indexOf(n): v for n, v in wanted.values.items()
                           if fields.indexOf(n) >= 0 and current[n] != v}
                old = {i: current.attributes()[i] for i in changes}
                if changes:
                    ok = ok and layer.changeAttributeValues(current.id(), changes, old)
                if wanted.wkb is not None:
                    geometry = QgsGeometry()
                    geometry.fromWkb(wanted.wkb)
                    if not geometry.equals(current.geometry()):
                        ok = ok and layer.changeGeometry(current.id(), geometry)
        if not ok:
            layer.destroyEditCommand()
            if started:
                layer.rollBack()
            self.error = "buffer"
            return None
        layer.endEditCommand()
        if not layer.commitChanges(started):
            self.error = "; ".join(layer.commitErrors())
            return None
        return find_fids(layer, [u for u, s in state.items() if s is not None])
