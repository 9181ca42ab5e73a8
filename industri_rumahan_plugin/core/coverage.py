"""Service gap per region, programme gap and greedy maximal-coverage site suggestion (pure).

Definitions (docs/service-gap.md):

* covered: the nearest service of the type is within the threshold (distance <= threshold);
  an enterprise with no service of the type at all (or none within the search) is uncovered;
* mean and 90th-percentile distance are over the enterprises that have a nearest service
  (percentile by linear interpolation, numpy's default);
* regions are ranked by share uncovered (highest first), ties by the number uncovered, then by
  region order; enterprises in no region form their own row (region ``-1``), not ranked.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

OUTSIDE = -1


def gap_table(
    region: np.ndarray,
    distance: np.ndarray,
    threshold: float,
    n_regions: int,
    women: np.ndarray | None = None,
    krtp: np.ndarray | None = None,
) -> pd.DataFrame:
    """One row per region (0..n_regions-1, then ``OUTSIDE`` if any enterprise is outside).

    Columns: region, n_usaha, n_dalam, n_luar, persen_luar, luar_perempuan, luar_krtp,
    jarak_rata_m, jarak_p90_m, peringkat.
    """
    region = np.asarray(region, dtype=np.int64)
    distance = np.asarray(distance, dtype=float)
    n = len(region)
    women = np.zeros(n, bool) if women is None else np.asarray(women, dtype=bool)
    krtp = np.zeros(n, bool) if krtp is None else np.asarray(krtp, dtype=bool)
    covered = np.isfinite(distance) & (distance <= threshold)
    slot = np.where(region == OUTSIDE, n_regions, region)
    size = n_regions + 1

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(slot[mask], minlength=size)

    total = count(np.ones(n, bool))
    within = count(covered)
    beyond = total - within
    frame = pd.DataFrame({
        "region": np.append(np.arange(n_regions), OUTSIDE),
        "n_usaha": total,
        "n_dalam": within,
        "n_luar": beyond,
        "luar_perempuan": count(~covered & women),
        "luar_krtp": count(~covered & krtp),
    })
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["persen_luar"] = np.where(total > 0, 100.0 * beyond / np.maximum(total, 1), np.nan)
    has = np.isfinite(distance)
    stats = (
        pd.DataFrame({"slot": slot[has], "d": distance[has]})
        .groupby("slot")["d"]
        .agg(["mean", lambda s: float(np.percentile(s, 90))])
    )
    stats.columns = ["jarak_rata_m", "jarak_p90_m"]
    frame = frame.join(stats, how="left")
    frame = frame.reindex(columns=[
        "region", "n_usaha", "n_dalam", "n_luar", "persen_luar", "luar_perempuan", "luar_krtp",
        "jarak_rata_m", "jarak_p90_m",
    ])
    if frame["n_usaha"].iloc[-1] == 0:
        frame = frame.iloc[:-1]
    frame = frame.copy()
    inside = frame["region"] != OUTSIDE
    order = np.lexsort((
        frame.loc[inside, "region"].to_numpy(),
        -frame.loc[inside, "n_luar"].to_numpy(),
        -np.nan_to_num(frame.loc[inside, "persen_luar"].to_numpy(), nan=-1.0),
    ))
    rank = np.empty(int(inside.sum()), dtype=float)
    rank[order] = np.arange(1, len(order) + 1)
    frame["peringkat"] = np.nan
    frame.loc[inside, "peringkat"] = rank
    return frame.reset_index(drop=True)


def _falsy(values: pd.Series) -> np.ndarray:
    """True where a yes/no value is no or missing."""
    return ~values.map(lambda v: bool(v) if v is not None and v == v else False).to_numpy(bool)


def programme_gap(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Enterprises never trained, never aided, not assisted, and none of these, per ``keys``.

    ``frame`` has the key columns and ``pelatihan``, ``bantuan``, ``status_binaan``; missing
    answers count as "no" / "not assisted". "Never reached" = no training, no aid and a
    guidance status that is neither ``dibina`` nor ``mandiri``.
    """
    no_training = _falsy(frame["pelatihan"])
    no_aid = _falsy(frame["bantuan"])
    not_assisted = ~frame["status_binaan"].isin(["dibina", "mandiri"]).to_numpy(bool)
    work = frame[keys].copy()
    work["n_usaha"] = 1
    work["n_tanpa_pelatihan"] = no_training.astype(int)
    work["n_tanpa_bantuan"] = no_aid.astype(int)
    work["n_belum_dibina"] = not_assisted.astype(int)
    work["n_belum_tersentuh"] = (no_training & no_aid & not_assisted).astype(int)
    table = work.groupby(keys, dropna=False, sort=True).sum().reset_index()
    table["persen_belum_tersentuh"] = 100.0 * table["n_belum_tersentuh"] / table["n_usaha"]
    return table


PROGRAMME_FIELDS = ("pelatihan", "bantuan", "status_binaan")


def owner_flags(frame: pd.DataFrame, women_field: str, krtp_field: str
                ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(women-owned, KRTP) per enterprise: owner sex "P"; a KRTP flag True or 1. None for
    a field not chosen."""
    women = (frame[women_field] == "P").to_numpy(bool) if women_field else None
    krtp = (frame[krtp_field].map(lambda v: v is True or v == 1).to_numpy(bool)
            if krtp_field else None)
    return women, krtp


def gap_by_type(
    region: np.ndarray, lonlat: np.ndarray, service_lonlat: np.ndarray,
    service_types: np.ndarray, types: list[str], threshold: float, n_regions: int,
    women: np.ndarray | None = None, krtp: np.ndarray | None = None,
    step: Callable[[int], None] = lambda _t: None,
) -> list[pd.DataFrame]:
    """``gap_table`` for each service type (geodesic distance to its nearest service; every
    enterprise uncovered when the type has none), with its ``jenis`` as second column.
    ``step`` is called after each type with its position (progress, cancellation)."""
    from industri_rumahan_plugin.core.nearest import nearest_geodesic

    tables = []
    for t, jenis in enumerate(types):
        members = np.flatnonzero(service_types == jenis)
        distance = nearest_geodesic(lonlat, service_lonlat[members]).distance
        table = gap_table(region, distance, threshold, n_regions, women, krtp)
        table.insert(1, "jenis", jenis)
        tables.append(table)
        step(t)
    return tables


def programme_by_region(
    frame: pd.DataFrame, region: np.ndarray, codes: np.ndarray, labels: np.ndarray,
    sector_field: str = "", stage_field: str = "",
) -> tuple[pd.DataFrame, list[str]]:
    """``programme_gap`` per region (code ``kode``, name ``nama``; empty outside every
    region), then sector and stage when their fields are given; (table, its key columns)."""
    work = frame.copy()
    work["kode"] = [codes[r] if r != OUTSIDE else None for r in region]
    work["nama"] = [labels[r] if r != OUTSIDE else None for r in region]
    keys = ["kode", "nama"]
    for field, alias in ((sector_field, "sektor"), (stage_field, "tahap")):
        if field:
            work[alias] = frame[field]
            keys.append(alias)
    return programme_gap(work.fillna({"kode": "", "nama": ""}), keys), keys


def greedy_coverage(
    pairs: pd.DataFrame,
    weight: np.ndarray,
    k: int,
    covered: np.ndarray | None = None,
    progress: Callable[[float], bool] | None = None,
) -> pd.DataFrame:
    """Choose up to ``k`` candidate sites, each covering the most still-uncovered weight.

    ``pairs`` holds (``origin`` = enterprise, ``target`` = candidate) within the threshold;
    ``covered`` marks enterprises already served. Ties go to the first candidate. Stops early
    when no candidate adds anything. Returns rows: urutan, candidate, tambah_usaha (count),
    tambah_bobot (weighted gain), kumulatif_usaha.
    """
    weight = np.asarray(weight, dtype=float)
    done = np.zeros(len(weight), bool) if covered is None else np.asarray(covered, bool).copy()
    origin = pairs["origin"].to_numpy(np.int64)
    target = pairs["target"].to_numpy(np.int64)
    n_cand = int(target.max()) + 1 if len(target) else 0
    rows = []
    total = 0
    for step in range(k):
        if progress is not None and progress(step / max(k, 1)):
            break
        open_ = ~done[origin]
        if not open_.any():
            break
        gain = np.bincount(target[open_], weights=weight[origin[open_]], minlength=n_cand)
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        newly = np.unique(origin[open_ & (target == best)])
        done[newly] = True
        total += len(newly)
        rows.append((step + 1, best, len(newly), float(gain[best]), total))
        # a chosen site never gains again: its pairs are all covered now
    return pd.DataFrame(
        rows, columns=["urutan", "candidate", "tambah_usaha", "tambah_bobot", "kumulatif_usaha"]
    )
