"""Catalogue and yes/no columns of what an algorithm read, normalised and reported.

The readers (``arrays.read_source(normalise=True)``, ``point_arrays.read_points``) call this,
so every analysis counts "Ya", "true" and 1 as yes and "Makanan " as ``makanan``, and the
user is told about values that match nothing (``core.input_values``).
"""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsProcessingFeedback

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import input_values

tr = toolbelt.tr


def normalise_attributes(frame: pd.DataFrame,
                         feedback: QgsProcessingFeedback | None = None) -> pd.DataFrame:
    """Catalogue and yes/no columns normalised in place; unknown values reported."""
    frame, reports = input_values.normalise_frame(frame)
    if feedback is None:
        return frame
    for report in reports:
        if report.changed:
            feedback.pushInfo(tr("{field}: {n} values written another way (e.g. \"Ya\", "
                                 "\"Makanan \") were read as their catalogue value.").format(
                field=report.field, n=report.changed))
        if report.unknown:
            n = sum(report.unknown.values())
            message = (tr("{field}: {n} values are not yes/no and count as unknown: {values}")
                       if report.kind == "boolean" else
                       tr("{field}: {n} values are not in the catalogue and are counted "
                          "under their own name: {values}"))
            feedback.pushWarning(message.format(field=report.field, n=n,
                                                values=input_values.unknown_summary(report)))
    return frame
