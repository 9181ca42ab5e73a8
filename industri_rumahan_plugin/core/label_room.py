"""Where a business name may go beside a lone enterprise without touching a cluster disc.

QGIS's labelling does not see cluster discs (they are drawn by the renderer, not features), so
a name placed beside a lone enterprise could cover a neighbouring disc. QGIS's cartographic
placement tries, in order, positions around the point; the plugin gives it only the positions
whose label box (a margin added) clears every disc nearby, and no name when none does.
Plain geometry in map units, y up; no library.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

#: QGIS's default order of positions around a point (cartographic placement)
ORDER = ("TR", "TL", "BR", "BL", "R", "L", "TSR", "BSR")
DIAGONAL = math.sqrt(0.5)


def boxes(width: float, height: float, symbol_radius: float, distance: float
          ) -> dict[str, tuple[float, float, float, float]]:
    """Each position's text box (xmin, ymin, xmax, ymax) relative to the point, as QGIS
    places them: diagonal ones at ``distance`` (plus the symbol's radius when the distance
    counts from the symbol) at 45 degrees, R and L centred beside, TSR and BSR above and below
    with the point three quarters along the text. (QGIS sets text above a point about 1 mm
    lower than this; the margin of ``free_positions`` covers it.)"""
    c = (symbol_radius + distance) * DIAGONAL
    s = symbol_radius + distance
    return {
        "TR": (c, c, c + width, c + height),
        "TL": (-c - width, c, -c, c + height),
        "BR": (c, -c - height, c + width, -c),
        "BL": (-c - width, -c - height, -c, -c),
        "R": (s, -height / 2, s + width, height / 2),
        "L": (-s - width, -height / 2, -s, height / 2),
        "TSR": (-0.75 * width, s, 0.25 * width, s + height),
        "BSR": (-0.75 * width, -s - height, 0.25 * width, -s),
    }


def circle_meets_box(cx: float, cy: float, radius: float,
                     box: tuple[float, float, float, float]) -> bool:
    """True when the disc (centre, radius) and the box overlap or touch."""
    nx = min(max(cx, box[0]), box[2])
    ny = min(max(cy, box[1]), box[3])
    return math.hypot(cx - nx, cy - ny) <= radius


def free_positions(x: float, y: float, label_boxes: dict[str, tuple[float, float, float, float]],
                   margin: float, discs: Iterable[tuple[float, float, float]],
                   order: Sequence[str] = ORDER) -> list[str]:
    """The positions of ``order`` whose box around (x, y), grown by ``margin``, meets none
    of the ``discs`` (centre x, centre y, radius)."""
    near = list(discs)
    free = []
    for name in order:
        b = label_boxes[name]
        box = (x + b[0] - margin, y + b[1] - margin, x + b[2] + margin, y + b[3] + margin)
        if not any(circle_meets_box(dx, dy, r, box) for dx, dy, r in near):
            free.append(name)
    return free


#: a cluster disc of n members is min(DISC_MAX_MM, DISC_MIN_MM + DISC_GROWTH_MM * ln n) mm
#: wide, with a DISC_OUTLINE_MM white outline (styles.enterprise_styles draws it from these)
DISC_MIN_MM, DISC_MAX_MM, DISC_GROWTH_MM, DISC_OUTLINE_MM = 4.0, 7.5, 0.7, 0.4


def disc_radius_mm(size: int) -> float:
    """The radius of a cluster disc of ``size`` members, its outline included."""
    width = min(DISC_MAX_MM, DISC_MIN_MM + DISC_GROWTH_MM * math.log(size))
    return width / 2 + DISC_OUTLINE_MM / 2


def discs(groups: Iterable[list[int]], at: dict[int, tuple[float, float]],
          per_mm: float) -> list[tuple[float, float, float]]:
    """(x, y, radius) of the disc of every cluster of two or more: QGIS draws it at the mean
    of its members (``at``: id -> map point), ``per_mm`` map units to a millimetre."""
    out = []
    for group in groups:
        if len(group) > 1:
            x = sum(at[fid][0] for fid in group) / len(group)
            y = sum(at[fid][1] for fid in group) / len(group)
            out.append((x, y, disc_radius_mm(len(group)) * per_mm))
    return out
