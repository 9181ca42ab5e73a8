"""Floating-catchment and gravity accessibility, defined exactly as PySAL ``access`` does.

Costs are a sparse origin-destination table (``origin``, ``target`` positions, ``cost``) of
the pairs within the catchment; pairs beyond it do not exist. With ``w`` a decay weight:

* 2SFCA (Luo & Wang 2003): ``w = 1`` inside the catchment;
* E2SFCA (Luo & Qi 2009): ``w`` a step function, PySAL's default steps are
  ``{10: 1, 20: 0.68, 30: 0.22}`` for a 30-unit catchment, i.e. thirds of the catchment;
* both: ``R_j = S_j / sum_i D_i w(c_ij)`` and ``A_i = sum_j R_j w(c_ij)`` (weight in both steps);
* gravity (PySAL ``weighted_catchment``): ``A_i = sum_j S_j w(c_ij)``.

A service no demand reaches gets ``R_j = 0`` and an origin reaching no service gets
``A_i = 0`` (PySAL leaves both undefined/NaN). The index (2SFCA ratio or gravity sum) and the
decay (uniform, steps, Gaussian, power) are independent: as PySAL's ``two_stage_fca`` and
``weighted_catchment`` accept any weight function, every decay works with both
(``DecaySpec``, ``per_type``). Pure numpy/pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: PySAL access's default E2SFCA weights, for the thirds of the catchment.
E2SFCA_WEIGHTS = (1.0, 0.68, 0.22)


def step_weights(cost: np.ndarray, limits: Sequence[float], weights: Sequence[float]) -> np.ndarray:
    """PySAL ``weights.step_fn``: the weight of the first limit ``>= cost``, 0 beyond the last."""
    limits = np.asarray(limits, dtype=float)
    weights = np.asarray(weights, dtype=float)
    if len(limits) != len(weights) or len(limits) == 0:
        raise ValueError("step limits and weights must have the same, non-zero length")
    if (weights < 0).any():
        raise ValueError("step weights must not be negative")
    order = np.argsort(limits, kind="stable")
    limits, weights = limits[order], weights[order]
    slot = np.searchsorted(limits, np.asarray(cost, dtype=float), side="left")
    return np.append(weights, 0.0)[slot]


def catchment_steps(catchment: float, weights: Sequence[float] = E2SFCA_WEIGHTS) -> np.ndarray:
    """Equal step limits up to the catchment: 3 weights -> thirds, as PySAL's 10/20/30."""
    k = len(weights)
    return catchment * np.arange(1, k + 1) / k


def gaussian(cost: np.ndarray, sigma: float) -> np.ndarray:
    """PySAL ``weights.gaussian``: ``exp(-c^2 / (2 sigma^2))`` (1 at zero cost)."""
    if sigma == 0:
        raise ValueError("sigma must not be zero")
    cost = np.asarray(cost, dtype=float)
    return np.exp(-cost * cost / (2 * sigma**2))


def gravity(cost: np.ndarray, scale: float, alpha: float, min_cost: float = 0.0) -> np.ndarray:
    """PySAL ``weights.gravity``: ``(max(c, min_cost) / scale) ** alpha`` (alpha not negated)."""
    cost = np.maximum(np.asarray(cost, dtype=float), min_cost)
    with np.errstate(divide="ignore"):
        return np.power(cost / scale, alpha)


def _checked(pairs: pd.DataFrame, max_cost: float | None) -> tuple[np.ndarray, ...]:
    frame = pairs if max_cost is None else pairs[pairs["cost"] <= max_cost]
    return (frame["origin"].to_numpy(np.int64), frame["target"].to_numpy(np.int64),
            frame["cost"].to_numpy(float))


def two_stage_fca(
    pairs: pd.DataFrame,
    demand: np.ndarray,
    supply: np.ndarray,
    weights: np.ndarray | None = None,
    max_cost: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(A_i per origin, R_j per target). ``weights`` = w(c) per pair (None: 1, plain 2SFCA)."""
    demand = np.asarray(demand, dtype=float)
    supply = np.asarray(supply, dtype=float)
    if max_cost is not None and weights is not None:
        keep = pairs["cost"].to_numpy(float) <= max_cost
        weights = np.asarray(weights, dtype=float)[keep]
    origin, target, _ = _checked(pairs, max_cost)
    w = np.ones(len(origin)) if weights is None else np.asarray(weights, dtype=float)
    reached = np.bincount(target, weights=demand[origin] * w, minlength=len(supply))
    ratio = np.zeros(len(supply))
    np.divide(supply, reached, out=ratio, where=reached > 0)
    access = np.bincount(origin, weights=ratio[target] * w, minlength=len(demand))
    return access, ratio


def gravity_access(
    pairs: pd.DataFrame,
    n_origins: int,
    supply: np.ndarray,
    weights: np.ndarray,
    max_cost: float | None = None,
) -> np.ndarray:
    """PySAL ``weighted_catchment``: supply summed over reachable targets, weighted by w(c)."""
    supply = np.asarray(supply, dtype=float)
    if max_cost is not None:
        keep = pairs["cost"].to_numpy(float) <= max_cost
        weights = np.asarray(weights, dtype=float)[keep]
    origin, target, _ = _checked(pairs, max_cost)
    return np.bincount(origin, weights=supply[target] * weights, minlength=n_origins)


def decay_weights(
    cost: np.ndarray,
    method: str,
    catchment: float,
    steps: Sequence[float] = E2SFCA_WEIGHTS,
    sigma: float | None = None,
    alpha: float = -1.0,
    scale: float | None = None,
    min_cost: float = 0.0,
) -> np.ndarray | None:
    """w(c) per pair for a method: '2sfca' (None = 1), 'e2sfca', 'gaussian', 'gravity'."""
    if method == "2sfca":
        return None
    if method == "e2sfca":
        return step_weights(cost, catchment_steps(catchment, steps), steps)
    if method == "gaussian":
        return gaussian(cost, sigma if sigma else catchment / 2.0)
    if method == "gravity":
        return gravity(cost, scale if scale else catchment, alpha, min_cost)
    raise ValueError(f"unknown method {method}")


def underserved(access: np.ndarray, share_of_mean: float) -> tuple[np.ndarray, float]:
    """Flag origins whose index is below ``share_of_mean`` x the mean index; (flags, threshold)."""
    access = np.asarray(access, dtype=float)
    mean = float(np.nanmean(access)) if len(access) else 0.0
    threshold = share_of_mean * mean
    return access < threshold, threshold


INDEXES = ("2sfca", "gravity")
DECAYS = ("uniform", "steps", "gaussian", "power")
#: The four classic methods as (index, decay): the algorithm's METHOD choices.
METHODS: dict[str, tuple[str, str]] = {
    "2sfca": ("2sfca", "uniform"), "e2sfca": ("2sfca", "steps"),
    "gaussian": ("2sfca", "gaussian"), "gravity": ("gravity", "power"),
}


@dataclass(frozen=True)
class DecaySpec:
    """A decay and its parameters; ``sigma``/``scale`` None mean half / all the catchment."""

    kind: str = "uniform"
    catchment: float = 10_000.0
    steps: tuple[float, ...] = E2SFCA_WEIGHTS
    sigma: float | None = None
    alpha: float = -1.0
    scale: float | None = None
    min_cost: float = 0.0

    def weights(self, cost: np.ndarray) -> np.ndarray:
        """w(c) per pair (pairs beyond the catchment are already gone)."""
        cost = np.asarray(cost, dtype=float)
        if self.kind == "uniform":
            return np.ones(len(cost))
        if self.kind == "steps":
            return step_weights(cost, catchment_steps(self.catchment, self.steps), self.steps)
        if self.kind == "gaussian":
            return gaussian(cost, self.sigma if self.sigma else self.catchment / 2.0)
        if self.kind == "power":
            return gravity(cost, self.scale if self.scale else self.catchment, self.alpha,
                           self.min_cost)
        raise ValueError(f"unknown decay {self.kind}")


@dataclass
class TypeAccess:
    """The index of every origin for one service type, and who is underserved."""

    jenis: str
    index: np.ndarray
    flags: np.ndarray
    threshold: float
    pairs: int


def index_of(pairs: pd.DataFrame, demand: np.ndarray, supply: np.ndarray, kind: str,
             decay: DecaySpec) -> np.ndarray:
    """A_i per origin for the index ``kind`` ('2sfca' or 'gravity') with any decay."""
    pairs = pairs[pairs["cost"] <= decay.catchment]
    weights = decay.weights(pairs["cost"].to_numpy(float))
    if kind == "gravity":
        return gravity_access(pairs, len(demand), supply, weights)
    if kind == "2sfca":
        return two_stage_fca(pairs, demand, supply, weights)[0]
    raise ValueError(f"unknown index {kind}")


def parse_steps(text: str, catchment: float) -> tuple[float, ...]:
    """E2SFCA step weights typed as "1, 0.68, 0.22" (or with semicolons), checked against
    the catchment; ``ValueError`` when they are not non-negative numbers."""
    steps = tuple(float(v) for v in text.replace(";", ",").split(",") if v.strip())
    step_weights([0.0], catchment_steps(catchment, steps), steps)
    return steps


def pairs_by_type(
    lonlat: np.ndarray, service_lonlat: np.ndarray, service_types: np.ndarray,
    supply: np.ndarray, types: Iterable[str], catchment: float,
    all_pairs: pd.DataFrame | None = None,
) -> Iterator[tuple[str, pd.DataFrame, np.ndarray]]:
    """(type, its origin-target pairs within the catchment, its supply) for each type, as
    ``per_type`` takes them: from ``all_pairs`` (an OD table or road-network costs, targets
    numbered over every service) or else geodesic distances; targets renumbered per type."""
    from industri_rumahan_plugin.core.nearest import pairs_within

    for jenis in types:
        members = np.flatnonzero(service_types == jenis)
        if all_pairs is None:
            pairs = pairs_within(lonlat, service_lonlat[members], catchment)
        else:
            pairs = all_pairs[np.isin(all_pairs["target"], members)].copy()
            pairs["target"] = np.searchsorted(members, pairs["target"].to_numpy())
        yield jenis, pairs, supply[members]


def per_type(types: Iterable[tuple[str, pd.DataFrame, np.ndarray]], demand: np.ndarray,
             kind: str, decay: DecaySpec, share_of_mean: float,
             step: Callable[[int], None] = lambda _t: None) -> list[TypeAccess]:
    """The index per service type: ``types`` yields (type, its pairs, its supply); ``step``
    is called after each (progress, cancellation)."""
    out = []
    for t, (jenis, pairs, supply) in enumerate(types):
        index = index_of(pairs, demand, supply, kind, decay)
        flags, threshold = underserved(index, share_of_mean)
        out.append(TypeAccess(jenis, index, flags, threshold,
                              int((pairs["cost"] <= decay.catchment).sum())))
        step(t)
    return out


def region_summary(labels: np.ndarray, results: Sequence[TypeAccess]) -> pd.DataFrame:
    """Per region (its code in ``labels``, None outside every region) and type: enterprises,
    mean and median index, underserved count and share."""
    rows = []
    for result in results:
        frame = pd.DataFrame({"kode": labels, "a": result.index,
                              "k": result.flags.astype(int)})
        table = frame.groupby("kode", dropna=False).agg(
            n=("a", "size"), mean=("a", "mean"), median=("a", "median"), k=("k", "sum"))
        for kode, row in table.iterrows():
            rows.append({"kode": None if kode is None or kode != kode else str(kode),
                         "jenis": result.jenis, "n_usaha": int(row.n),
                         "akses_rata": float(row["mean"]), "akses_median": float(row["median"]),
                         "n_kurang": int(row.k),
                         "persen_kurang": 100.0 * float(row.k) / float(row.n)})
    columns = ["kode", "jenis", "n_usaha", "akses_rata", "akses_median", "n_kurang",
               "persen_kurang"]
    return pd.DataFrame(rows, columns=columns)
