"""Write the report: one PDF (province summary + one atlas page per region), XLSX and CSVs.

The template's page 1 is rendered once with the summary; page 2 once per region of the atlas
(coverage = the density output), both into one ``QPdfWriter`` through
``QgsLayoutExporter.renderPage`` (3.22 has no single call for "summary + atlas" in one PDF).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayoutItemMap,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.feedback import check_cancel
from industri_rumahan_plugin.core import report_tables as rt
from industri_rumahan_plugin.core.report_chart import stage_by_sector_svg
from industri_rumahan_plugin.report import data as report_data
from industri_rumahan_plugin.report import pages, pdf
from industri_rumahan_plugin.report import progression as naik
from industri_rumahan_plugin.report import template as t
from industri_rumahan_plugin.report.map_layers import build_project
from industri_rumahan_plugin.report.tables_out import write_tables
from industri_rumahan_plugin.report.texts import text


@dataclass
class ReportOptions:
    year: int = 0  # enterprises recorded up to this year; 0 = every record
    regency_code: str = ""  # keep regions whose code starts with this (kecamatan of a regency)
    office: str = "DP3A"
    threshold: float = 10_000.0  # metres, for the service gap
    lang: str = "id"
    suppress: bool = True  # counts of 1-2 as "<3"
    template: str = ""  # .qpt; empty = the plugin's
    dpi: int = 200


def region_title(row, lang: str) -> str:
    name = str(row.get("nama") or row.get("kode") or "")
    kind = str(row.get("jenis") or "").strip()
    if not kind and "kab_kode" in row:
        kind = "Kecamatan" if lang != "en" else "District"
    if kind and not name.lower().startswith(kind.lower()):
        return f"{kind} {name}"
    return name


def summary_title(frame, lang: str) -> str:
    for field, prefix in (("prov_nama", text("province", lang)), ("kab_nama", "")):
        if field in frame and frame[field].notna().any():
            values = frame[field].dropna().astype(str).unique()
            if len(values) == 1:
                return f"{prefix} {values[0]}".strip()
    return text("summary_of", lang)


def utm_crs(layer: QgsVectorLayer) -> QgsCoordinateReferenceSystem:
    """The UTM zone of the regions' centre: true shapes and a scale bar in metres."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = QgsCoordinateTransform(layer.crs(), wgs84, layer.transformContext()
                                    ).transform(layer.extent().center())
    zone = int((centre.x() + 180) // 6) + 1
    return QgsCoordinateReferenceSystem(f"EPSG:{(32700 if centre.y() < 0 else 32600) + zone}")


def export_report(
    enterprises: QgsVectorLayer,
    regions: QgsVectorLayer,
    services: QgsVectorLayer | None,
    pdf_path: str | Path,
    options: ReportOptions,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    home: QgsVectorLayer | None = None,
) -> dict[str, object]:
    """Write the PDF and the tables; returns paths and the number of region pages. ``home``:
    the layer ``enterprises`` was copied from (selected features only), for its history."""
    lang = options.lang
    pdf_path = Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    found = report_data.collect(enterprises, regions, services, options.year,
                                options.regency_code, options.threshold, context, feedback)
    frame = found.stats
    names = [str(v) for v in frame.get("nama", frame.index)]
    project, layers = build_project(found.regions, found.enterprises, found.services, lang)
    layout = t.load_layout(project, options.template or None)
    pages.fix_north_arrows(layout)
    missing = t.missing_items(layout)
    if missing:
        feedback.pushWarning(toolbelt.tr("The template has no item(s) {ids}: left out.")
                             .format(ids=", ".join(missing)))
    crs = utm_crs(found.regions)
    extent = QgsCoordinateTransform(found.regions.crs(), crs, project.transformContext()
                                    ).transformBoundingBox(found.regions.extent())
    extent.scale(1.05)
    for map_id in (t.S_MAP, t.MAP):
        item = t.find(layout, map_id)
        if isinstance(item, QgsLayoutItemMap):
            item.setCrs(crs)
            item.setLayers(layers)
            item.setKeepLayerSet(True)
            item.zoomToExtent(extent)
    for legend_id in (t.S_LEGEND, t.LEGEND):
        pages.set_legend_title(layout, legend_id, text("legend", lang))
    atlas = layout.atlas()
    atlas.setCoverageLayer(found.regions)
    atlas.setPageNameExpression('"nama"')
    atlas.setFilterFeatures(False)
    atlas.setSortFeatures(False)
    atlas.setEnabled(True)

    period = text("period_upto", lang, year=options.year) if options.year else text(
        "period_all", lang)
    subtitle = f"{text('report', lang)} · {options.office} · {text('period', lang)}: {period}"
    km = rt.number_text(options.threshold / 1000.0, 0 if options.threshold % 1000 == 0 else 1,
                        lang)
    source = text("source" if options.suppress else "source_full", lang, office=options.office,
                  boundaries=regions.name(), date=dt.date.today().isoformat())
    for heading in t.HEADINGS:
        if heading in ("h_ringkasan_layanan",):
            pages.set_text(layout, heading, text(heading, lang, km=km))
        else:
            pages.set_text(layout, heading, text(heading, lang))
    stages = rt.stage_codes(frame)
    suppress = options.suppress
    gap = found.gap
    figures = naik.collect(enterprises, [str(c) for c in frame["kode"]],
                           "kecamatan" if "kab_kode" in frame else "kabupaten", options.year,
                           context.project(), home)
    naik_page = figures is not None and t.has_progression_page(layout)
    if figures is not None and not naik_page:
        feedback.pushWarning(toolbelt.tr("The template has no Kenaikan kelas page: only the "
                                         "headline figure is printed."))
    naik_subtitle = (f"{text('naik_subtitle', lang)} · {figures.period()}"
                     if figures is not None else "")

    with tempfile.TemporaryDirectory(prefix="ir_laporan_") as tmp:
        folder = Path(tmp)
        # summary page
        province = rt.province_row(frame)
        province_table = rt.sector_stage_counts(province, stages)
        pages.set_text(layout, t.S_TITLE, summary_title(frame, lang))
        lead = naik.summary_line(figures, suppress, lang) if figures is not None else ""
        older = not pages.set_text(layout, t.S_HEADLINE, lead) and lead  # no headline item
        pages.set_text(layout, t.S_SUBTITLE, f"{subtitle}\n{lead}" if older else subtitle)
        summary = rt.region_summary(frame, names, lang)
        pages.set_table(layout, t.S_REGIONS, rt.region_summary_text(summary, suppress, lang),
                        total_last=True)
        pages.set_table(layout, t.S_TABLE, rt.sector_stage_text(province_table, suppress, lang),
                        total_last=True)
        pages.set_picture(layout, t.S_CHART, stage_by_sector_svg(
            province_table, 80, 52, suppress=suppress, lang=lang), folder)
        if len(gap):
            pages.set_table(layout, t.S_GAP, rt.gap_matrix_text(
                gap, [*range(len(frame)), -1], [*names, rt.word("province", lang)],
                suppress, lang), total_last=True)
        else:
            pages.set_table(layout, t.S_GAP, [[text("no_services", lang)]])
        pages.set_text(layout, t.S_SOURCE, source)

        exporter = pdf.prepare(layout, options.dpi)
        writer, painter = pdf.open_writer(
            pdf_path, layout, t.SUMMARY_PAGE, options.dpi,
            f"{text('report', lang)} — {summary_title(frame, lang)}")
        try:
            exporter.renderPage(painter, t.SUMMARY_PAGE)
            feedback.setProgress(55)
            by_fid = {int(f): i for i, f in enumerate(frame["_fid"])}
            if not atlas.beginRender():
                raise QgsProcessingException(toolbelt.tr("The region atlas could not start."))
            count = atlas.count()
            for n in range(count):
                check_cancel(feedback)
                atlas.seekTo(n)
                fid = layout.reportContext().feature().id()
                i = by_fid[int(fid)]
                row = frame.iloc[i]
                table = rt.sector_stage_counts(row, stages)
                pages.set_text(layout, t.TITLE, region_title(row, lang))
                pages.set_text(layout, t.SUBTITLE, subtitle)
                pages.set_table(layout, t.TABLE, rt.sector_stage_text(table, suppress, lang),
                                total_last=True)
                pages.set_table(layout, t.FIGURES, [
                    [rt.word("region", lang), names[i]], *rt.key_figures(row, suppress, lang)])
                pages.set_picture(layout, t.CHART, stage_by_sector_svg(
                    table, 78, 60, suppress=suppress, lang=lang), folder)
                own = gap[gap["region"] == i] if len(gap) else gap
                pages.set_table(layout, t.GAP, rt.gap_text(own, options.threshold, suppress,
                                                           lang) if len(own) else
                                [[text("no_services", lang)]])
                pages.set_text(layout, t.SOURCE, source)
                writer.newPage()
                exporter.renderPage(painter, t.REGION_PAGE)
                if naik_page:
                    naik.fill_page(layout, figures, str(row["kode"]), region_title(row, lang),
                                   naik_subtitle, source, suppress, lang, folder)
                    writer.newPage()
                    exporter.renderPage(painter, t.PROGRESSION_PAGE)
                feedback.setProgress(55 + 40 * (n + 1) / max(count, 1))
            atlas.endRender()
        finally:
            painter.end()
    transitions = naik.transitions_frame(
        figures, dict(zip((str(c) for c in frame["kode"]), names)), suppress, lang) \
        if figures is not None else None
    tables = write_tables(pdf_path, frame, names, stages, gap, options.threshold, suppress,
                          lang, transitions)
    return {"pdf": str(pdf_path), "pages": 1 + len(frame) * (2 if naik_page else 1), **tables}
