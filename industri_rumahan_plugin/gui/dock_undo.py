"""Undo and redo of the enterprise dock: the edit buffer first, then the saved changes.

With auto-save off, QGIS's undo stack of the layer holds each form save or delete as one
step until Save edits. With "save each change", the commit empties that stack, so the dock
keeps an adapters/undo_log.UndoLog: Undo change writes a new change that restores the file.
"""

from __future__ import annotations

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import undo_log


class DockUndo:
    """Mixed into gui/dock.EnterpriseDock (uses its layer, browse panel and saved_log)."""

    def _on_committed(self, before, after) -> None:
        """A form saved straight to the file: remember it for Undo change."""
        step = undo_log.Step(toolbelt.tr("Enterprise {name}").format(
            name=(after or before).values.get("nama_usaha") or ""))
        uid = (after or before).uid
        step.before[uid], step.after[uid] = before, after
        self.saved_log.record(step)
        self._update_buttons()

    def undo(self) -> None:
        """Undo the newest unsaved edit (edit buffer), else the newest saved change."""
        if self.layer is None:
            return
        stack = self.layer.undoStack()
        if stack.canUndo():
            stack.undo()
            self.reload()
        elif self.saved_log.can_undo():
            self._after_log(self.saved_log.undo(), toolbelt.tr("Undone and saved: {what}."),
                            self.saved_log.redo_text)

    def redo(self) -> None:
        if self.layer is None:
            return
        stack = self.layer.undoStack()
        if stack.canRedo():
            stack.redo()
            self.reload()
        elif self.saved_log.can_redo():
            self._after_log(self.saved_log.redo(), toolbelt.tr("Redone and saved: {what}."),
                            self.saved_log.undo_text)

    def _after_log(self, fids: list[int], message: str, label) -> None:
        self.reload()
        if self.saved_log.error:
            self.browse.status.setText(toolbelt.tr(
                "Could not save to the file: {reasons}. The changes are kept as unsaved edits."
            ).format(reasons=self.saved_log.error))
            return
        self.browse.status.setText(message.format(what=label()))
        if fids:
            self.layer.selectByIds(fids)
