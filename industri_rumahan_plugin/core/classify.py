"""Class breaks for choropleths: exact natural breaks (Fisher–Jenks) and quantiles.

QGIS 3.22's Jenks classification is not always optimal on skewed data (a city district far
denser than the rest); the exact dynamic programme below minimises the within-class sum of
squares. Pure numpy: one vectorised pass per (class, end) pair, O(k·n²) array work.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Above this many values the breaks are computed on an evenly spaced sample of the sorted
#: values (keeps the O(n²) step small; regions are rarely this many).
MAX_EXACT = 4000


def _clean(values: Sequence[float]) -> np.ndarray:
    x = np.asarray(values, dtype=float)
    return np.sort(x[np.isfinite(x)])


def natural_breaks(values: Sequence[float], classes: int) -> list[float]:
    """Upper bounds of ``classes`` classes minimising the within-class sum of squares.

    Fewer classes come back when there are fewer distinct values. The last bound is the max.
    """
    x = _clean(values)
    if len(x) == 0:
        return []
    distinct = np.unique(x)
    k = max(1, min(classes, len(distinct)))
    if k == len(distinct):
        return [float(v) for v in distinct]
    if len(x) > MAX_EXACT:
        x = x[np.linspace(0, len(x) - 1, MAX_EXACT).round().astype(int)]
    n = len(x)
    s1 = np.concatenate([[0.0], np.cumsum(x)])
    s2 = np.concatenate([[0.0], np.cumsum(x * x)])
    # cost[c][j]: best sum of squares of x[0..j] in c+1 classes; start[c][j]: first index of
    # the last class in that best split.
    cost = np.empty((k, n))
    start = np.zeros((k, n), dtype=np.int64)
    ends = np.arange(n)
    cost[0] = s2[ends + 1] - s1[ends + 1] ** 2 / (ends + 1)
    for c in range(1, k):
        cost[c, :c] = np.inf
        for j in range(c, n):
            i = np.arange(c, j + 1)  # first index of the last class
            m = j - i + 1
            within = s2[j + 1] - s2[i] - (s1[j + 1] - s1[i]) ** 2 / m
            total = cost[c - 1, i - 1] + within
            best = int(np.argmin(total))
            cost[c, j], start[c, j] = total[best], i[best]
    uppers = []
    j = n - 1
    for c in range(k - 1, -1, -1):
        uppers.append(float(x[j]))
        j = start[c, j] - 1
    return sorted(uppers)


def quantile_breaks(values: Sequence[float], classes: int) -> list[float]:
    """Upper bounds of equal-count classes (duplicates merged)."""
    x = _clean(values)
    if len(x) == 0:
        return []
    bounds = np.quantile(x, np.linspace(0, 1, max(1, classes) + 1)[1:])
    return [float(v) for v in np.unique(bounds)]


def within_sum_of_squares(values: Sequence[float], uppers: Sequence[float]) -> float:
    """Sum of squared deviations from the class means (the quantity Jenks minimises)."""
    x = _clean(values)
    lower = -np.inf
    total = 0.0
    for upper in uppers:
        part = x[(x > lower) & (x <= upper)]
        if len(part):
            total += float(((part - part.mean()) ** 2).sum())
        lower = upper
    return total
