"""The clusters QGIS's point cluster renderer draws, and the class most of their members share.

QGIS tells a cluster's symbol only whether all members share one colour (``@cluster_color``);
a mixed disc would otherwise take the colour of the one member QGIS draws it with. To colour
each disc by its members' majority, the plugin forms the same clusters outside the render, in
the main thread, with QGIS's own rule (``QgsPointDistanceRenderer::renderFeature``): points
in drawing order; a point whose search square (half side: the tolerance in map units) holds
the first point of one or more clusters joins the one whose running centre is nearest, else
it starts a cluster. Pure Python (a grid of cells as large as the tolerance): no library.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence


def clusters(points: Iterable[tuple[int, float, float]], tolerance: float) -> list[list[int]]:
    """Clusters (lists of ids, first point first) of ``(id, x, y)`` points in drawing order."""
    cell = tolerance if tolerance > 0 else 1.0
    firsts: dict[tuple[int, int], list[int]] = {}  # cell -> clusters whose first point is there
    anchors: list[tuple[float, float]] = []  # first point of each cluster
    centres: list[list[float]] = []  # running mean of each cluster
    members: list[list[int]] = []
    for fid, x, y in points:
        cx, cy = math.floor(x / cell), math.floor(y / cell)
        best, best_distance = -1, math.inf
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for index in firsts.get((gx, gy), ()):
                    ax, ay = anchors[index]
                    if abs(ax - x) > tolerance or abs(ay - y) > tolerance:
                        continue
                    centre = centres[index]
                    distance = math.hypot(centre[0] - x, centre[1] - y)
                    if distance < best_distance or (distance == best_distance and index < best):
                        best, best_distance = index, distance
        if best < 0:
            firsts.setdefault((cx, cy), []).append(len(members))
            anchors.append((x, y))
            centres.append([x, y])
            members.append([fid])
            continue
        size = len(members[best])
        centre = centres[best]
        centre[0] = (centre[0] * size + x) / (size + 1.0)
        centre[1] = (centre[1] * size + y) / (size + 1.0)
        members[best].append(fid)
    return members


def majority(codes: Sequence[object], order: Sequence[object] = ()) -> object:
    """The code most members share; a tie goes to the code first in ``order`` (the
    catalogue's), then to the first met. Empty codes (None, "") count as unknown members."""
    counts = Counter(code for code in codes if code not in (None, ""))
    if not counts:
        return None
    top = max(counts.values())
    tied = [code for code in counts if counts[code] == top]
    ranked = {code: index for index, code in enumerate(order)}
    return min(tied, key=lambda code: (ranked.get(code, len(ranked)), tied.index(code)))


def majority_by_first(groups: Iterable[list[int]], code_of: dict[int, object],
                      order: Sequence[object] = ()) -> dict[int, object]:
    """First member id -> majority code, for every cluster of two or more members (QGIS draws
    a cluster's disc with its first member in the expression context)."""
    return {group[0]: majority([code_of.get(fid) for fid in group], order)
            for group in groups if len(group) > 1}
