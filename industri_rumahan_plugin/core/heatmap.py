"""Which enterprises a heat map counts, and with what weight (pure numpy/pandas).

The algorithm reads every point once; the sector and stage choices and the weight column are
applied here, so the same selection can be checked by hand without QGIS.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The choice meaning "every sector" / "every stage".
ALL = "semua"


def chosen_points(xy: np.ndarray, attributes: pd.DataFrame, sector: str = ALL,
                  stage: str = ALL, weight: str = ""
                  ) -> tuple[np.ndarray, np.ndarray | None]:
    """The located points of the chosen sector and stage, and their weights (None: each
    counts 1; a missing weight counts 0)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    keep = np.isfinite(xy).all(axis=1)
    if sector != ALL:
        keep &= (attributes["sektor"] == sector).to_numpy()
    if stage != ALL:
        keep &= (attributes["tahap"] == stage).to_numpy()
    w = None
    if weight:
        w = np.asarray(attributes[weight].astype(float).fillna(0.0))[keep]
    return xy[keep], w
