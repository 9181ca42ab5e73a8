"""The report's *Kenaikan kelas* section: figures from the stage history and its page.

Only when the enterprise layer has a stage history (``riwayat_tahap`` found by its fields,
like ``industrirumahan:stageprogression`` finds it, with the same default period), so the
section's numbers equal that algorithm's output. Without a history the report is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from qgis.core import QgsPrintLayout, QgsVectorLayer

from industri_rumahan_plugin.adapters import history_io
from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import progression as pg
from industri_rumahan_plugin.core import progression_report as pr
from industri_rumahan_plugin.core import report_tables as rt
from industri_rumahan_plugin.core.progression_chart import stage_trend_svg
from industri_rumahan_plugin.report import pages
from industri_rumahan_plugin.report import template as t
from industri_rumahan_plugin.report.texts import text

SEX_COLUMNS = (("jenis_kelamin_pemilik", "P"), ("jenis_kelamin_pemilik", "L"), ("krtp", "ya"))


@dataclass
class Figures:
    start: pd.Timestamp
    end: pd.Timestamp
    result: pg.Progression
    transitions: pd.DataFrame
    trend: pd.DataFrame

    def period(self) -> str:
        return f"{self.start:%d-%m-%Y} – {self.end:%d-%m-%Y}"


def collect(enterprises: QgsVectorLayer, codes: list[str], level: str, year: int,
            project=None, home: QgsVectorLayer | None = None) -> Figures | None:
    """The period's progression, transitions and yearly trend for the report's regions;
    ``None`` when there is no stage history (or no dated row up to ``year``). ``home``: the
    layer whose database holds the history when ``enterprises`` is a copy of some of its
    features (the selected ones)."""
    source = history_io.find_table(home or enterprises, history_io.HISTORY, project)
    if source is None:
        return None
    history = history_io.read_history(source)
    period = history_io.default_period(history) if len(history) else None
    if period is None:
        return None
    start, end = period.start, period.end
    if year:
        end = min(end, pd.Timestamp(f"{int(year)}-12-31"))
    if end < start:
        return None
    programme = history_io.find_table(home or enterprises, history_io.PARTICIPATION, project)
    participation = history_io.read_participation(programme) if programme else None
    field = pg.LEVELS[level]
    names = [f for f in history_io.ENTERPRISE_FIELDS if enterprises.fields().indexOf(f) >= 0]
    frame = read_source(enterprises, names, target_crs=None).attributes
    frame = frame[frame[field].astype(str).isin(set(codes))].reset_index(drop=True)
    frame["uid"] = frame["uid"].astype(str)
    prepared = pg.prepare_history(history, frame["uid"].to_numpy(object))
    result = pg.progression(prepared, frame, start, end, level, codes, participation)
    transitions = pr.transitions(prepared, frame, start, end, level, codes)
    years = list(range(start.year, end.year + 1))
    trend = pr.stage_trend(prepared, frame, years, level, codes)
    return Figures(start, end, result, transitions, trend)


def transitions_frame(figures: Figures, names: dict[str, str], suppress: bool,
                      lang: str) -> pd.DataFrame:
    """The section's transition counts as a long table for the report's XLSX/CSV (the same
    cells as the PDF: small counts "<3" when suppressed; zero rows left out)."""
    long = figures.transitions[figures.transitions["jumlah"] > 0]
    region = rt.word("region", lang)
    return pd.DataFrame({
        "kode": ["" if c == pg.ALL else c for c in long["wilayah"]],
        region: [rt.word("province", lang) if c == pg.ALL else names.get(c, c)
                 for c in long["wilayah"]],
        text("start", lang): [pr.state_label(s, lang) for s in long["awal"]],
        text("end", lang): [pr.state_label(s, lang) for s in long["akhir"]],
        rt.word("total", lang): [rt.count_cell(v, suppress) for v in long["jumlah"]],
        text("period", lang): figures.period(),
    })


def summary_line(figures: Figures, suppress: bool, lang: str) -> str:
    """The province summary's lead: the period's headline figure."""
    head = pr.headline(figures.result, pg.ALL, suppress, lang)["text"]
    return f"{text('naik_period', lang, period=figures.period())}: {head}"


def class_table(result: pg.Progression, region: str, suppress: bool,
                lang: str) -> list[list[str]]:
    """Classes down; all, women-owned, men-owned and KRTP enterprises across."""
    columns = [(pg.ALL, pg.ALL)] + [(k, v) for k, v in SEX_COLUMNS if k in result.tallies]
    heads = {pg.ALL: text("all", lang), "P": text("women", lang), "L": text("men", lang),
             "ya": "KRTP"}
    tables = []
    for kind, value in columns:
        table = result.group_table(kind, region).set_index("nilai_kelompok")
        tables.append(table.loc[value] if value in table.index else None)
    rows = [[text("class", lang), *(heads[v] for _, v in columns)]]
    index = 1 if lang == "en" else 0
    for klass in pg.CLASSES:
        rows.append([pg.CLASS_LABELS[klass][index], *(
            rt.count_text(t_[klass] if t_ is not None else 0, suppress, lang) for t_ in tables)])
    rows.append([text("moved_up_pct", lang), *(
        rt.HIDDEN if t_ is None or (suppress and (0 < t_["basis"] < rt.SMALL)) else
        rt.share_text(t_["pct_naik"], t_["naik"], suppress, lang) for t_ in tables)])
    return rows


def programme_table(result: pg.Progression, region: str, suppress: bool,
                    lang: str) -> list[list[str]]:
    """Share moved up among those who took part in each programme and kind, and the others
    (descriptive: no causal claim)."""
    rows = [[text("programme", lang), text("base_took", lang), text("up_took", lang),
             text("base_other", lang), text("up_other", lang)]]
    comparison = result.programme_comparison(region)
    for _, row in comparison.iterrows():
        if row["basis_ikut"] == 0 or (row["jenis"] == "program" and row["kode"] == pg.ALL):
            continue  # any programme = any activity (every row has both): shown once
        entries = catalogue.PROGRAMMES if row["jenis"] == "program" else \
            catalogue.PARTICIPATION_KINDS
        entry = catalogue.by_code(entries, row["kode"])
        label = entry.label(lang) if entry is not None else (
            text("any_kind", lang) if row["kode"] == pg.ALL else str(row["kode"]))
        rows.append([label, rt.count_text(row["basis_ikut"], suppress, lang),
                     rt.share_text(row["pct_naik_ikut"], row["naik_ikut"], suppress, lang)
                     if not (suppress and row["basis_ikut"] < rt.SMALL) else rt.HIDDEN,
                     rt.count_text(row["basis_tidak"], suppress, lang),
                     rt.share_text(row["pct_naik_tidak"], row["naik_tidak"], suppress, lang)
                     if not (suppress and row["basis_tidak"] < rt.SMALL) else rt.HIDDEN])
    return rows


def fill_page(layout: QgsPrintLayout, figures: Figures, code: str, title: str,
              subtitle: str, source: str, suppress: bool, lang: str, folder: Path) -> None:
    """The region's Kenaikan kelas page (template page 3)."""
    head = pr.headline(figures.result, code, suppress, lang)["text"]
    pages.set_text(layout, t.P_TITLE, title)
    pages.set_text(layout, t.P_SUBTITLE, subtitle)
    pages.set_text(layout, t.P_HEADLINE, f"{text('naik_period', lang, period=figures.period())}"
                                         f": {head}")
    pages.set_table(layout, t.P_TRANSITIONS, pr.transition_table(
        figures.transitions, code, suppress, lang), total_last=True)
    pages.set_picture(layout, t.P_CHART, stage_trend_svg(figures.trend, code, 90, 72,
                                                         suppress, lang), folder)
    pages.set_table(layout, t.P_CLASSES, class_table(figures.result, code, suppress, lang))
    pages.set_table(layout, t.P_PROGRAMMES, programme_table(figures.result, code, suppress,
                                                            lang))
    pages.set_text(layout, t.P_SOURCE, source)
