"""The Kenaikan kelas trend chart: valid SVG, one column per year, totals as in the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd

from industri_rumahan_plugin.core.progression_chart import stage_trend_svg

NS = "{http://www.w3.org/2000/svg}"


def _trend() -> pd.DataFrame:
    rows = []
    for year, counts in ((2023, (50, 20, 1)), (2024, (45, 30, 8)), (2025, (40, 33, 12))):
        for stage, n in zip(("pemula", "berkembang", "maju"), counts):
            rows.append(("19.01", year, stage, n))
        rows.append(("19.01", year, "tutup", {2023: 0, 2024: 2, 2025: 6}[year]))
        rows.append(("19.02", year, "pemula", 1))
    return pd.DataFrame(rows, columns=["wilayah", "tahun", "tahap", "jumlah"])


def test_one_column_per_year_with_its_total_and_closed():
    svg = ET.fromstring(stage_trend_svg(_trend(), "19.01", suppress=True))
    texts = [t.text for t in svg.iter(f"{NS}text")]
    assert [t for t in texts if t and t.isdigit() and len(t) == 4] == ["2023", "2024", "2025"]
    assert {"71", "83", "85"} <= set(texts)  # active totals per year
    assert "tutup <3" in texts and "tutup 6" in texts  # small counts hidden
    rects = list(svg.iter(f"{NS}rect"))
    bars = rects[1:-3]  # not the background nor the three legend keys
    assert len(bars) == 9  # a segment per year and stage
    heights = [float(b.get("height")) for b in bars]
    counts = [50, 20, 1, 45, 30, 8, 40, 33, 12]  # IR 1 at the bottom, year by year
    assert all(abs(h / heights[0] - n / counts[0]) < 0.01 for h, n in zip(heights, counts))
    assert len({b.get("fill") for b in bars}) == 3


def test_a_region_without_history_says_so():
    svg = stage_trend_svg(_trend(), "19.99", lang="en")
    assert "No stage history yet." in svg
    ET.fromstring(svg)
