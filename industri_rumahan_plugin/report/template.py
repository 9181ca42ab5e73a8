"""The report's layout template (``resources/layouts/laporan_wilayah.qpt``): load, find, share.

The generator finds every item by its id, never by position or type order, so an office can
restyle the template in QGIS's layout designer (logo, colours, fonts, sizes, move things) and
the generator keeps working. An item the template no longer has is left out of the report
(reported once), never an error. Page 1 is the province summary, page 2 the region page.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
)
from qgis.PyQt.QtXml import QDomDocument

from industri_rumahan_plugin import toolbelt

TEMPLATE = toolbelt.plugin_path("resources", "layouts", "laporan_wilayah.qpt")
NORTH_ARROW = toolbelt.plugin_path("resources", "layouts", "utara.svg")
#: Name of the template's copy in a project's layout manager.
PROJECT_LAYOUT_NAME = "Laporan industri rumahan (templat)"

SUMMARY_PAGE, REGION_PAGE, PROGRESSION_PAGE = 0, 1, 2

# Item ids: summary page ...
S_TITLE, S_SUBTITLE = "ringkasan_judul", "ringkasan_subjudul"
S_MAP, S_LEGEND = "ringkasan_peta", "ringkasan_legenda"
S_REGIONS = "ringkasan_tabel_wilayah"
S_TABLE, S_CHART = "ringkasan_tabel_sektor_tahap", "ringkasan_grafik"
S_GAP, S_SOURCE = "ringkasan_layanan", "ringkasan_sumber"
# ... and region page.
TITLE, SUBTITLE = "judul", "subjudul"
MAP, LEGEND = "peta", "legenda"
TABLE, CHART = "tabel_sektor_tahap", "grafik"
FIGURES, GAP, SOURCE = "angka_kunci", "layanan", "sumber"
# ... and the region's Kenaikan kelas page (page 3; printed only when there is a history).
S_HEADLINE = "ringkasan_naik_kelas"  # the summary's lead line (empty without a history)
P_TITLE, P_SUBTITLE, P_HEADLINE = "naik_judul", "naik_subjudul", "naik_ringkas"
P_TRANSITIONS, P_CHART = "naik_transisi", "naik_grafik"
P_CLASSES, P_PROGRAMMES, P_SOURCE = "naik_kelas", "naik_program", "naik_sumber"
# Static headings whose text follows the report language.
HEADINGS = ("h_wilayah", "h_sektor_tahap", "h_grafik", "h_layanan", "h_angka",
            "h_ringkasan_wilayah", "h_ringkasan_sektor", "h_ringkasan_grafik",
            "h_ringkasan_layanan", "h_naik_transisi", "h_naik_grafik", "h_naik_kelas",
            "h_naik_program")

ITEM_IDS = (S_TITLE, S_SUBTITLE, S_MAP, S_LEGEND, S_REGIONS, S_TABLE, S_CHART, S_GAP, S_SOURCE,
            TITLE, SUBTITLE, MAP, LEGEND, TABLE, CHART, FIGURES, GAP, SOURCE)
PROGRESSION_IDS = (S_HEADLINE, P_TITLE, P_SUBTITLE, P_HEADLINE, P_TRANSITIONS, P_CHART, P_CLASSES,
                   P_PROGRAMMES, P_SOURCE)


class TemplateError(Exception):
    """A template that cannot be read; the message is for the user."""


def load_layout(project: QgsProject, path: str | Path | None = None,
                name: str = "") -> QgsPrintLayout:
    """A new print layout of ``project`` built from the template file."""
    path = Path(path or TEMPLATE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(toolbelt.tr("Cannot read the layout template {path}: {error}")
                            .format(path=path, error=error)) from error
    doc = QDomDocument()
    if not doc.setContent(text):
        raise TemplateError(toolbelt.tr("The layout template {path} is not valid XML.")
                            .format(path=path))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _, ok = layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    if not ok or layout.pageCollection().pageCount() < 2:
        raise TemplateError(toolbelt.tr(
            "The layout template {path} must have two pages (summary, region).")
            .format(path=path))
    layout.setName(name or PROJECT_LAYOUT_NAME)
    return layout


def find(layout: QgsPrintLayout, item_id: str):
    """The item (or the multi-frame table behind a frame) with this id, else ``None``."""
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutFrame):
        return item.multiFrame()
    return item if isinstance(item, QgsLayoutItem) else None


def missing_items(layout: QgsPrintLayout, ids: tuple[str, ...] = ITEM_IDS) -> list[str]:
    """Ids the generator fills that this template does not have."""
    return [i for i in ids if find(layout, i) is None]


def has_progression_page(layout: QgsPrintLayout) -> bool:
    """Whether the template has the Kenaikan kelas page (templates older than it do not)."""
    return layout.pageCollection().pageCount() > PROGRESSION_PAGE and \
        find(layout, P_TRANSITIONS) is not None


def add_to_project(project: QgsProject | None = None,
                   path: str | Path | None = None) -> QgsPrintLayout:
    """Put the template in the project's layout manager (once) so staff can open and edit it."""
    project = project or QgsProject.instance()
    manager = project.layoutManager()
    existing = manager.layoutByName(PROJECT_LAYOUT_NAME)
    if isinstance(existing, QgsPrintLayout):
        return existing
    layout = load_layout(project, path)
    manager.addLayout(layout)
    return layout


def save_from_project(project: QgsProject | None = None,
                      path: str | Path | None = None) -> Path | None:
    """Write the project's (restyled) template copy back to a ``.qpt`` the generator reads."""
    project = project or QgsProject.instance()
    layout = project.layoutManager().layoutByName(PROJECT_LAYOUT_NAME)
    if layout is None:
        return None
    target = Path(path) if path else Path(project.homePath() or ".") / "laporan_wilayah.qpt"
    layout.saveAsTemplate(str(target), QgsReadWriteContext())
    return target
