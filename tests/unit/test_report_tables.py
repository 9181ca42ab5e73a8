"""Report tables and chart from density rows: hand-computed cases, privacy rule, valid SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import report_tables as rt
from industri_rumahan_plugin.core.report_chart import stage_by_sector_svg


def _row(**counts) -> dict:
    row = {"jml_usaha": 0}
    for key, value in counts.items():
        row[key] = value
    return row


def test_small_counts_are_hidden_and_zero_is_not():
    assert [rt.count_text(v) for v in (0, 1, 2, 3, 1234)] == ["0", "<3", "<3", "3", "1.234"]
    assert rt.count_text(2, suppress=False) == "2"
    assert rt.count_text(1234, lang="en") == "1,234"
    assert rt.count_cell(2) == "<3" and rt.count_cell(7) == 7 and rt.count_cell(2, False) == 2
    assert rt.share_text(50.0, 2) == rt.HIDDEN
    assert rt.share_text(12.345, 10) == "12,3"
    assert rt.share_text(12.345, 10, lang="en") == "12.3"


def test_sector_stage_counts_by_hand():
    row = _row(jml_usaha=9, jml_sektor_makanan=6, jml_sektor_batik=3,
               jml_pemula_makanan=4, jml_berkembang_makanan=2, jml_maju_batik=3)
    table = rt.sector_stage_counts(row, ["pemula", "berkembang", "maju"])
    assert list(table.index) == ["makanan", "batik", rt.TOTAL]  # catalogue order, empty out
    assert table.loc["makanan"].tolist() == [4, 2, 0, 6]
    assert table.loc["batik"].tolist() == [0, 0, 3, 3]
    assert table.loc[rt.TOTAL].tolist() == [4, 2, 3, 9]
    text = rt.sector_stage_text(table)
    assert text[0] == ["Sektor", "IR 1 Pemula", "IR 2 Berkembang", "IR 3 Maju", "Jumlah"]
    assert text[1] == ["Makanan", "4", "<3", "0", "6"]
    assert text[-1][0] == "Jumlah"


def test_province_row_recomputes_shares():
    frame = pd.DataFrame({"jml_usaha": [10, 30], "jml_perempuan": [5, 27],
                          "pct_perempuan": [50.0, 90.0], "penduduk_total": [1000, 3000]})
    row = rt.province_row(frame)
    assert row["jml_usaha"] == 40 and row["jml_perempuan"] == 32
    assert np.isclose(row["pct_perempuan"], 80.0)
    assert np.isclose(row["per_1000_pddk"], 10.0)


def test_gap_matrix_and_rows():
    gap = pd.DataFrame({"region": [0, 1, -1], "jenis": ["pasar"] * 3, "n_usaha": [10, 4, 14],
                        "n_luar": [5, 2, 7], "persen_luar": [50.0, 50.0, 50.0],
                        "jarak_rata_m": [12000.0, 3000.0, 9428.6]})
    rows = rt.gap_matrix_text(gap, [0, 1, -1], ["A", "B", "Semua"])
    assert rows[0] == ["Wilayah", "Pasar"]
    assert rows[1:] == [["A", "50,0"], ["B", rt.HIDDEN], ["Semua", "50,0"]]
    one = rt.gap_text(gap[gap["region"] == 0], 10_000.0)
    assert one[0][1] == "Usaha > 10 km"
    assert one[1] == ["Pasar", "5", "50,0", "12,0"]


def test_chart_is_valid_svg_with_a_bar_per_stage_segment():
    table = pd.DataFrame({"pemula": [4, 0, 4], "berkembang": [2, 0, 2], "maju": [0, 3, 3],
                          rt.TOTAL: [6, 3, 9]}, index=["makanan", "batik", rt.TOTAL])
    root = ET.fromstring(stage_by_sector_svg(table))
    ns = "{http://www.w3.org/2000/svg}"
    colored = [r for r in root.iter(f"{ns}rect") if r.get("fill") in
               ("#fde725", "#21918c", "#440154")]
    assert len(colored) == 3 + 3  # bar segments (4, 2, 3) + the legend's three keys
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "Makanan" in texts and "6" in texts and "3" in texts
