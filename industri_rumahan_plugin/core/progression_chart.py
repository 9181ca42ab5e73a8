"""The report's "stages over the years" chart (Kenaikan kelas section) as an SVG document.

One stacked column per year: the active enterprises on 31 December by stage (catalogue
colours, IR 1 at the bottom), the total above the column and the closed ones under the year
(small counts as "<3", like the tables). Input: ``progression_report.stage_trend`` rows of
one region. No matplotlib, no Qt: a layout picture item shows it as vectors.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.report_chart import FONT, _stage_color, _text
from industri_rumahan_plugin.core.report_tables import count_text, stage_label

WORDS = {"id": {"closed": "tutup", "none": "Belum ada riwayat tahap."},
         "en": {"closed": "closed", "none": "No stage history yet."}}


def stage_trend_svg(trend: pd.DataFrame, region: str, width: float = 110.0,
                    height: float = 70.0, suppress: bool = True, lang: str = "id") -> str:
    """SVG (size in mm) of one region's ``stage_trend`` counts, one column per year."""
    words = WORDS["en" if lang == "en" else "id"]
    own = trend[trend["wilayah"] == region]
    table = own.pivot_table(index="tahun", columns="tahap", values="jumlah", aggfunc="sum",
                            fill_value=0).sort_index()
    stages = catalogue.codes(catalogue.STAGES)
    for code in [*stages, catalogue.CLOSED]:
        if code not in table:
            table[code] = 0
    font = 2.6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if table.empty:
        parts.append(_text(1.0, height / 2, escape(words["none"]), font))
        return "\n".join([*parts, "</svg>"])
    legend_h = font * 2.2
    top, bottom = font * 1.8, font * 3.6  # total above the columns; year and closed below
    left, right = 4.0, 4.0
    plot_h = height - top - bottom - legend_h
    n = len(table)
    step = (width - left - right) / n
    bar_w = min(step * 0.55, 18.0)
    active = table[stages].sum(axis=1)
    peak = max(float(active.max()), 1.0)
    axis_y = top + plot_h
    for i, (year, row) in enumerate(table.iterrows()):
        x = left + i * step + (step - bar_w) / 2
        y = axis_y
        for code in stages:
            h = plot_h * float(row[code]) / peak
            if h > 0:
                y -= h
                parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{bar_w:.2f}" '
                             f'height="{h:.2f}" fill="{_stage_color(code)}"/>')
        centre = x + bar_w / 2
        parts.append(_text(centre, y - 0.8, escape(count_text(active[year], suppress, lang)),
                           font * 0.95, anchor="middle", weight="bold"))
        parts.append(_text(centre, axis_y + font * 1.25, str(int(year)), font,
                           anchor="middle"))
        closed = int(row[catalogue.CLOSED])
        if closed:
            parts.append(_text(centre, axis_y + font * 2.45,
                               escape(f"{words['closed']} {count_text(closed, suppress, lang)}"),
                               font * 0.8, anchor="middle"))
    parts.append(f'<line x1="{left}" y1="{axis_y:.2f}" x2="{width - right}" y2="{axis_y:.2f}" '
                 'stroke="#555555" stroke-width="0.2"/>')
    x, y = left, height - legend_h + font * 0.6
    for code in stages:
        key = stage_label(code, lang)
        parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{font:.2f}" height="{font:.2f}" '
                     f'fill="{_stage_color(code)}"/>')
        parts.append(_text(x + font * 1.3, y + font * 0.85, escape(key), font * 0.9))
        x += font * 2.0 + len(key) * font * 0.5
    parts.append("</svg>")
    return "\n".join(parts)
