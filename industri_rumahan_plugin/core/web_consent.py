"""Stand-in for ``core.publication`` (schema v3, the lead's) until it is merged: who agreed
to what. Replaced by ``core.publication`` after the merge."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

#: Fields a catalogue card shows (never a personal field; the owner's name is added apart,
#: only with ``izin_nama_pemilik``).
CARD_FIELDS = ("nama_usaha", "produk_utama", "sektor", "tahap", "kontak_usaha")


def _yes(value: Any) -> bool:
    return value is True or value == 1 or str(value).lower() in ("true", "1", "ya", "yes")


def consented(frame: pd.DataFrame) -> np.ndarray:
    """Per row: the owner agreed to publication (``izin_publikasi``)."""
    if "izin_publikasi" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return np.array([_yes(v) for v in frame["izin_publikasi"]], dtype=bool)


def exact_location(row: Mapping) -> bool:
    return _yes(row.get("izin_lokasi_tepat"))


def owner_name(row: Mapping) -> bool:
    return _yes(row.get("izin_nama_pemilik"))
