"""Figures for the report's *Kenaikan kelas* section: transitions, the yearly trend, a headline.

* ``transitions``: start state x end state counts per region (the table of the section);
* ``stage_trend``: active enterprises per stage (and closed ones) at the end of each year, per
  region (the trend chart across the years available);
* ``headline``: the period's headline figure ("IR 3 Maju 150 → 195; 308 naik kelas") for the
  province summary, with the small-count rule of ``report_tables``.

States as in ``progression``: not recorded, a stage, closed. Pure core: numpy, pandas.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import progression as pg
from industri_rumahan_plugin.core import report_tables as rt

NOT_RECORDED = "belum_tercatat"
#: State columns in order: not recorded, the stages, closed.
STATES = (NOT_RECORDED, *pg.STAGE_CODES, catalogue.CLOSED)
_LABELS = {"id": {NOT_RECORDED: "Belum tercatat", catalogue.CLOSED: "Tutup",
                  "start": "Awal \\ akhir", "total": "Jumlah"},
           "en": {NOT_RECORDED: "Not recorded", catalogue.CLOSED: "Closed",
                  "start": "Start \\ end", "total": "Total"}}


def state_label(state: str, lang: str = "id") -> str:
    words = _LABELS["en" if lang == "en" else "id"]
    return words[state] if state in words else rt.stage_label(state, lang)


def _state_index(state: np.ndarray) -> np.ndarray:
    """0 not recorded, 1..3 the stages, 4 closed."""
    return np.where(state == pg.CLOSED_STATE, len(STATES) - 1, state).astype(np.int64)


def transitions(history: pg.History, enterprises: pd.DataFrame, start, end,
                level: str = "kabupaten", regions: Sequence[str] | None = None) -> pd.DataFrame:
    """Long counts (wilayah, awal, akhir, jumlah) for every region and ``semua``."""
    _, s0, s1 = pg.classify(history, start, end)
    reg, labels = pg.region_codes(enterprises, level, regions)
    k = len(STATES)
    flat = np.bincount((reg * k + _state_index(s0)) * k + _state_index(s1),
                       minlength=len(labels) * k * k).reshape(len(labels), k, k)
    flat = np.concatenate([flat, flat.sum(axis=0, keepdims=True)])
    names = np.asarray([*labels, pg.ALL], dtype=object)
    states = np.asarray(STATES, dtype=object)
    return pd.DataFrame({"wilayah": np.repeat(names, k * k),
                         "awal": np.tile(np.repeat(states, k), len(names)),
                         "akhir": np.tile(states, len(names) * k),
                         "jumlah": flat.reshape(-1)})


def transition_table(long: pd.DataFrame, region: str = pg.ALL, suppress: bool = True,
                     lang: str = "id") -> list[list[str]]:
    """Header + rows of text for one region: start states down, end states across, totals;
    a state never seen at either end is left out."""
    one = long[long["wilayah"] == region].pivot(index="awal", columns="akhir", values="jumlah")
    one = one.reindex(index=list(STATES), columns=list(STATES)).fillna(0)
    used = [s for s in STATES if one.loc[s].sum() > 0 or one[s].sum() > 0]
    one = one.loc[used, used]
    words = _LABELS["en" if lang == "en" else "id"]
    rows = [[words["start"], *(state_label(s, lang) for s in used), words["total"]]]
    for state, values in one.iterrows():
        rows.append([state_label(str(state), lang),
                     *(rt.count_text(v, suppress, lang) for v in values),
                     rt.count_text(values.sum(), suppress, lang)])
    rows.append([words["total"], *(rt.count_text(v, suppress, lang) for v in one.sum()),
                 rt.count_text(one.to_numpy().sum(), suppress, lang)])
    return rows


def stage_trend(history: pg.History, enterprises: pd.DataFrame, years: Sequence[int],
                level: str = "kabupaten", regions: Sequence[str] | None = None) -> pd.DataFrame:
    """Long counts (wilayah, tahun, tahap, jumlah) of the state on 31 December of each year:
    the active enterprises per stage, and ``tutup`` (closed by then); ``semua`` included."""
    reg, labels = pg.region_codes(enterprises, level, regions)
    k = len(STATES)
    parts = []
    names = np.asarray([*labels, pg.ALL], dtype=object)
    for year in years:
        state, _ = history.states_on(pg.to_days([f"{year}-12-31"])[0])
        counts = np.bincount(reg * k + _state_index(state),
                             minlength=len(labels) * k).reshape(len(labels), k)
        counts = np.concatenate([counts, counts.sum(axis=0, keepdims=True)])[:, 1:]
        parts.append(pd.DataFrame({"wilayah": np.repeat(names, k - 1), "tahun": int(year),
                                   "tahap": np.tile(np.asarray(STATES[1:], dtype=object),
                                                    len(names)),
                                   "jumlah": counts.reshape(-1)}))
    return pd.concat(parts, ignore_index=True)


def headline(result: pg.Progression, region: str = pg.ALL, suppress: bool = True,
             lang: str = "id") -> dict[str, object]:
    """The period's headline: IR 3 at the start and end, enterprises moved up and the share;
    ``text`` is the sentence the province summary leads with."""
    table = result.group_table(pg.ALL, region).iloc[0]
    top = pg.STAGE_CODES[-1]
    start, end = int(table[f"awal_{top}"]), int(table[f"akhir_{top}"])
    up, base = int(table["naik"]), int(table["basis"])
    share = rt.share_text(table["pct_naik"], up, suppress, lang) if base >= rt.SMALL or \
        not suppress else rt.HIDDEN
    count = rt.count_text
    label = rt.stage_label(top, lang)
    if lang == "en":
        text = (f"{label}: {count(start, suppress, lang)} → {count(end, suppress, lang)}; "
                f"{count(up, suppress, lang)} enterprises moved up a class ({share} % of "
                f"{count(base, suppress, lang)} active at the start and the end)")
    else:
        text = (f"{label}: {count(start, suppress, lang)} → {count(end, suppress, lang)}; "
                f"{count(up, suppress, lang)} usaha naik kelas ({share} % dari "
                f"{count(base, suppress, lang)} usaha yang aktif di awal dan akhir periode)")
    return {"awal_maju": start, "akhir_maju": end, "naik": up, "basis": base,
            "pct_naik": float(table["pct_naik"]), "text": text}
