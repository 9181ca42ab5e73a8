"""Site suggestion: how much each enterprise weighs in the greedy coverage (pure pandas).

Every enterprise counts 1; an officer can give women-owned or KRTP enterprises extra weight
so that sites reaching them are preferred.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

WOMEN_FIELD, KRTP_FIELD = "jenis_kelamin_pemilik", "krtp"


def weight_fields(names: Sequence[str], women_weight: float, krtp_weight: float) -> list[str]:
    """The enterprise fields the extra weights need (only those given and present)."""
    return [f for f, w in ((WOMEN_FIELD, women_weight), (KRTP_FIELD, krtp_weight))
            if w > 0 and f in names]


def enterprise_weights(frame: pd.DataFrame, n: int, women_weight: float = 0.0,
                       krtp_weight: float = 0.0) -> np.ndarray:
    """1 per enterprise, + ``women_weight`` when the owner is a woman ("P"), +
    ``krtp_weight`` for a KRTP household (True or 1); a column not in ``frame`` adds 0."""
    weight = np.ones(n)
    if WOMEN_FIELD in frame:
        weight += women_weight * (frame[WOMEN_FIELD] == "P").to_numpy(float)
    if KRTP_FIELD in frame:
        weight += krtp_weight * frame[KRTP_FIELD].map(
            lambda v: v is True or v == 1).to_numpy(float)
    return weight
