"""The report's "stage by sector" chart as an SVG document (no matplotlib, no Qt).

Horizontal bars, one per sector, split into the stage colours of the catalogue; the bar's
total is written at its end (small totals as "<3", like the tables). A layout picture item
shows the SVG as vectors, so the chart stays sharp in the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.report_tables import (
    TOTAL,
    count_text,
    sector_label,
    stage_label,
)

UNFILLED_COLOR = "#bdbdbd"
FONT = "DejaVu Sans, Arial, sans-serif"


def _stage_color(code: str) -> str:
    entry = catalogue.by_code(catalogue.STAGES, code)
    return entry.color if entry is not None else UNFILLED_COLOR


def stage_by_sector_svg(
    table: pd.DataFrame,
    width: float = 90.0,
    height: float = 70.0,
    title: str = "",
    suppress: bool = True,
    lang: str = "id",
) -> str:
    """SVG (size in mm) of the sector × stage counts from ``report_tables.sector_stage_counts``."""
    body = table.drop(index=TOTAL, errors="ignore")
    stages: Sequence[str] = [c for c in table.columns if c != TOTAL]
    font = 2.6
    char = font * 0.56
    longest = max((len(sector_label(str(c), lang)) for c in body.index), default=4)
    label_w = min(width * 0.5, longest * char + 1.5)
    room = int((label_w - 1.5) / char)
    top = font * 2.2 if title else 1.0
    keys = [stage_label(s, lang) for s in stages]
    key_w = [font * 1.6 + len(k) * char * 0.95 for k in keys]
    lines = 1 + int(sum(key_w) > width - label_w)
    legend_h = font * (1.4 + 1.3 * lines)
    plot_w = width - label_w - 9.0
    n = max(len(body), 1)
    bar_h = min(5.0, (height - top - legend_h) / n * 0.72)
    step = (height - top - legend_h) / n
    peak = max(float(body[TOTAL].max()) if len(body) else 0.0, 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        parts.append(_text(0.5, font * 1.3, escape(title), font * 1.1, weight="bold"))
    for i, (code, row) in enumerate(body.iterrows()):
        y = top + i * step + (step - bar_h) / 2
        parts.append(_text(label_w - 1.0, y + bar_h * 0.75,
                           escape(_cut(sector_label(str(code), lang), room)), font,
                           anchor="end"))
        x = label_w
        for stage in stages:
            w = plot_w * float(row[stage]) / peak
            if w > 0:
                parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" '
                             f'height="{bar_h:.2f}" fill="{_stage_color(stage)}"/>')
            x += w
        parts.append(_text(x + 0.8, y + bar_h * 0.75,
                           escape(count_text(row[TOTAL], suppress, lang)), font * 0.9))
    axis_y = top + n * step
    parts.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{axis_y}" '
                 'stroke="#555555" stroke-width="0.2"/>')
    x, y = label_w, axis_y + font * 0.7
    for stage, key, w in zip(stages, keys, key_w):
        if x + w > width and x > label_w:
            x, y = label_w, y + font * 1.3
        parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{font:.2f}" '
                     f'height="{font:.2f}" fill="{_stage_color(stage)}"/>')
        parts.append(_text(x + font * 1.3, y + font * 0.85, escape(key), font * 0.9))
        x += w
    parts.append("</svg>")
    return "\n".join(parts)


def _cut(label: str, room: int) -> str:
    """A label shortened to ``room`` characters (the table beside it has the full name)."""
    if len(label) <= room:
        return label
    short = label.split(" (")[0]
    return short if len(short) <= room else short[: max(room - 1, 1)] + "…"


def _text(x: float, y: float, text: str, size: float, anchor: str = "start",
          weight: str = "normal") -> str:
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="#222222">{text}</text>')
