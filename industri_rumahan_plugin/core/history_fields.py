"""The enterprise's single fields derived from its history (so today's readers keep working).

``tahap`` = the stage of the latest stage-history row that is not the closing marker;
*closed* = the latest row is the closing marker (a later stage row reopens);
``pelatihan`` / ``pelatihan_program`` / ``pelatihan_tahun`` = there is a ``pelatihan`` row / the
latest one's organiser (else the programme's name) and year; likewise ``bantuan*`` with
``bantuan`` rows. Storage, the dock and the importer write history rows and then these fields.
Pure core: pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.progression import to_days


def _ordered(history: pd.DataFrame) -> pd.DataFrame:
    """Rows with a date, sorted by date (stable: the table's order breaks ties)."""
    frame = history.assign(_day=to_days(history["tanggal_berlaku"].to_numpy()),
                           _row=range(len(history)))
    frame = frame[frame["_day"] != np.iinfo(np.int64).min]  # rows without a date
    return frame.sort_values(["_day", "_row"], kind="stable")


def current_stage(history: pd.DataFrame) -> pd.Series:
    """uid -> the latest stage that is not the closing marker (enterprises with one)."""
    frame = _ordered(history)
    stages = frame[frame["tahap"].isin(catalogue.codes(catalogue.STAGES))]
    return stages.groupby("uid", sort=False)["tahap"].last()


def closed(history: pd.DataFrame) -> pd.Series:
    """uid -> True when the enterprise's latest row is the closing marker."""
    frame = _ordered(history)
    return frame.groupby("uid", sort=False)["tahap"].last() == catalogue.CLOSED


def last_participation(participation: pd.DataFrame, kind: str) -> pd.DataFrame:
    """uid -> (program, penyelenggara, tahun) of the latest row of a kind (``pelatihan``,
    ``bantuan``...); the latest year wins, then the later row in the table."""
    rows = participation[participation["jenis"] == kind].copy()
    rows["_row"] = range(len(rows))
    rows = rows.sort_values(["tahun", "_row"], kind="stable")
    return rows.groupby("uid", sort=False)[["program", "penyelenggara", "tahun"]].last()
