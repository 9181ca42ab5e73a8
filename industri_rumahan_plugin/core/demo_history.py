"""Seeded demo surveys of 2023, 2024 and 2025 for the demo enterprises (core/demo.py).

The history is generated backwards from each enterprise's current ``tahap`` so that its
latest stage row *is* that stage (the current field stays derived and consistent). Between
two surveys an enterprise moves up one class with probability 0.22 when it was trained or
mentored by the earlier survey's year, else 0.07; up two 0.02 / 0.005; down 0.03 (moves
beyond IR 1 or IR 3 are cut to the nearest stage). Enterprises started after 2023 (and a
random 5 % a year) first appear in a later survey; about 2 % close between the 2024 and 2025
surveys (their last survey is 2024) and 1.5 % after the 2025 survey: a ``tutup`` row follows
their last stage. Programme rows: the enterprise's ``pelatihan*`` and ``bantuan*`` fields
become ``pelatihan`` / ``bantuan`` rows (so the derived fields equal today's), plus mentoring,
marketing events and equipment grants of the catalogue's programmes in 2022-2025.
Pure core: numpy, pandas. Vectorised: loops over the three years only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue, schema
from industri_rumahan_plugin.core.programme_text import PROGRAMME_OF  # demo text -> code

YEARS = (2023, 2024, 2025)
UP_ONE = {True: 0.22, False: 0.07}
UP_TWO = {True: 0.02, False: 0.005}
DOWN = 0.03
EXTRA_KINDS = ("pendampingan", "pemasaran", "hibah_peralatan")
EXTRA_PROGRAMMES = ("p2wkss", "prima", "drppa", "ir_kemenpppa", "dekranasda", "program_daerah")


def _survey_days(rng: np.random.Generator, year: int, n: int) -> np.ndarray:
    """Survey dates of a year: 1 August to 30 September."""
    return np.datetime64(f"{year}-08-01") + rng.integers(0, 61, n).astype("timedelta64[D]")


def _step_back(stage: np.ndarray, helped: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The stage at the earlier survey, given the later one and who was helped by then."""
    up1 = np.where(helped, UP_ONE[True], UP_ONE[False])
    up2 = np.where(helped, UP_TWO[True], UP_TWO[False])
    u = rng.random(len(stage))
    delta = np.where(u < up1, 1, np.where(u < up1 + up2, 2, np.where(u < up1 + up2 + DOWN,
                                                                      -1, 0)))
    return np.clip(stage - delta, 1, 3)


def _programme_rows(enterprises: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The enterprise's single ``kind`` fields (``pelatihan`` / ``bantuan``) as rows."""
    has = enterprises[kind].fillna(False).astype(bool) & enterprises[f"{kind}_tahun"].notna()
    rows = enterprises[has]
    organiser = rows[f"{kind}_program"].astype(object)
    return pd.DataFrame({
        "uid": rows["uid"].to_numpy(object),
        "jenis": kind,
        "program": organiser.map(PROGRAMME_OF).fillna("lainnya").to_numpy(object),
        "tahun": rows[f"{kind}_tahun"].astype(int).to_numpy(),
        "penyelenggara": organiser.to_numpy(object),
        "catatan": None,
    })


def generate_participation(enterprises: pd.DataFrame, seed: int = 2023,
                           extra_share: float = 0.3) -> pd.DataFrame:
    """Programme register rows (schema ``PROGRAMME_FIELDS``), deterministic for a seed."""
    rng = np.random.default_rng(seed + 1)
    n = len(enterprises)
    pick = np.flatnonzero(rng.random(n) < extra_share)
    kinds = np.asarray(EXTRA_KINDS, dtype=object)
    programmes = np.asarray(EXTRA_PROGRAMMES, dtype=object)
    extra = pd.DataFrame({
        "uid": enterprises["uid"].to_numpy(object)[pick],
        "jenis": kinds[rng.integers(0, len(kinds), len(pick))],
        "program": programmes[rng.integers(0, len(programmes), len(pick))],
        "tahun": rng.integers(2022, YEARS[-1] + 1, len(pick)),
        "penyelenggara": "DP3A",
        "catatan": "demo",
    })
    frame = pd.concat([_programme_rows(enterprises, "pelatihan"),
                       _programme_rows(enterprises, "bantuan"), extra], ignore_index=True)
    return frame[schema.field_names(schema.PROGRAMME_FIELDS)]


def _helped_by(enterprises: pd.DataFrame, participation: pd.DataFrame,
               year: int) -> np.ndarray:
    """Trained or mentored in or before ``year``."""
    rows = participation[participation["jenis"].isin(["pelatihan", "pendampingan"])
                         & (participation["tahun"] <= year)]
    return enterprises["uid"].isin(rows["uid"]).to_numpy()


def generate_history(enterprises: pd.DataFrame, participation: pd.DataFrame | None = None,
                     seed: int = 2023, years: Sequence[int] = YEARS) -> pd.DataFrame:
    """Stage-history rows (schema ``STAGE_HISTORY_FIELDS``) of the surveys of ``years``."""
    rng = np.random.default_rng(seed)
    if participation is None:
        participation = generate_participation(enterprises, seed)
    n, k = len(enterprises), len(years)
    codes = catalogue.codes(catalogue.STAGES)
    order = {c: i + 1 for i, c in enumerate(codes)}
    current = enterprises["tahap"].map(order).fillna(1).astype(int).to_numpy()
    started = (pd.to_numeric(enterprises["tahun_mulai"], errors="coerce").fillna(years[0])
               .to_numpy() if "tahun_mulai" in enterprises else np.full(n, years[0]))
    first = np.clip(np.searchsorted(np.asarray(years), started, side="left"), 0, k - 1)
    for y in range(1, k):  # newly recorded though started earlier
        first = np.where((first == 0) & (rng.random(n) < 0.05), y, first)
    u = rng.random(n)
    close_before_last = (u < 0.02) & (first <= k - 2)
    close_after_last = (u >= 0.02) & (u < 0.035)
    last = np.where(close_before_last, k - 2, k - 1)
    stage = np.zeros((k, n), dtype=int)
    stage[k - 1] = current
    for y in range(k - 2, -1, -1):
        back = _step_back(stage[y + 1], _helped_by(enterprises, participation, years[y]), rng)
        stage[y] = np.where(last == y, current, back)
    uids = enterprises["uid"].to_numpy(object)
    stage_code = np.asarray(codes, dtype=object)
    parts = []
    for y, year in enumerate(years):
        present = np.flatnonzero((first <= y) & (last >= y))
        parts.append(pd.DataFrame({"uid": uids[present],
                                   "tahap": stage_code[stage[y, present] - 1],
                                   "tanggal_berlaku": _survey_days(rng, year, len(present))}))
    for mask, start in ((close_before_last, f"{years[-2]}-10-01"),
                        (close_after_last, f"{years[-1]}-10-15")):
        idx = np.flatnonzero(mask)
        days = np.datetime64(start) + rng.integers(0, 75, len(idx)).astype("timedelta64[D]")
        parts.append(pd.DataFrame({"uid": uids[idx], "tahap": catalogue.CLOSED,
                                   "tanggal_berlaku": days}))
    frame = pd.concat(parts, ignore_index=True)
    frame["tanggal_berlaku"] = pd.to_datetime(frame["tanggal_berlaku"])
    frame["sumber"] = "survei"
    frame["pengguna"] = "demo"
    return frame[schema.field_names(schema.STAGE_HISTORY_FIELDS)]
