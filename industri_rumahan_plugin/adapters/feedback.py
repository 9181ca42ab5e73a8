"""Cancellation shared by every long step (algorithms, report, adapters): one message."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingFeedback

from industri_rumahan_plugin import toolbelt


def check_cancel(feedback: QgsProcessingFeedback | None) -> None:
    """Stop with a clear message when the user cancelled; nothing is written after this."""
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(toolbelt.tr("Cancelled by the user; nothing was written."))
