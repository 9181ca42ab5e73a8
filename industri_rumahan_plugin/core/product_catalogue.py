"""The printed product catalogue: which enterprises, in which order, on which page.

Pure: the consented enterprises become cards (only public fields, the owner's name only with
its own consent), sorted into sections (sector, then regency, or the other way round), and
the sections are laid out on A4 pages as positioned blocks (headings and cards) that the
report layer turns into layout items. Knowing every page before drawing gives the cover its
table of contents and every page its "page n of m".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue, publication
from industri_rumahan_plugin.core.report_tables import cross_column, sector_label, stage_label

#: Card columns: nothing else ever reaches the layout.
CARD_COLUMNS = ["name", "product", "sector", "stage", "village", "district", "regency",
                "contact", "owner", "photo"]
SECTOR_FIRST, REGION_FIRST = "sector", "region"

TEXTS: dict[str, dict[str, str]] = {
    "title": {"id": "Katalog Produk Industri Rumahan", "en": "Home Industry Product Catalogue"},
    "contents": {"id": "Daftar isi", "en": "Contents"},
    "sector": {"id": "Sektor", "en": "Sector"},
    "region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "enterprises": {"id": "Usaha", "en": "Enterprises"},
    "page": {"id": "Halaman", "en": "Page"},
    "page_of": {"id": "Halaman {n} dari {m}", "en": "Page {n} of {m}"},
    "continued": {"id": "(lanjutan)", "en": "(continued)"},
    "village": {"id": "Desa/Kel.", "en": "Village"},
    "district": {"id": "Kec.", "en": "District"},
    "contact": {"id": "Kontak", "en": "Contact"},
    "owner": {"id": "Pemilik", "en": "Owner"},
    "no_photo": {"id": "Tanpa foto", "en": "No photo"},
    "count": {"id": "{n} usaha dalam katalog", "en": "{n} enterprises in this catalogue"},
    "printed": {"id": "Dicetak {date}", "en": "Printed {date}"},
    "source": {"id": "Sumber data: {source}", "en": "Data source: {source}"},
    "chart": {"id": "Usaha dalam katalog per sektor dan tahap",
              "en": "Enterprises in this catalogue by sector and stage"},
    "privacy": {
        "id": "Katalog ini hanya memuat usaha yang pemiliknya setuju dipublikasikan. NIK, "
              "nomor telepon pribadi dan alamat tidak dimuat; nama pemilik hanya dengan "
              "persetujuannya.",
        "en": "This catalogue lists only enterprises whose owners agreed to publication. "
              "NIK, personal phone numbers and addresses are not included; owner names only "
              "with their consent.",
    },
    "empty": {"id": "Belum ada usaha yang pemiliknya setuju dipublikasikan.",
              "en": "No owner has agreed to publication yet."},
}


MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def text(key: str, lang: str = "id", **values: object) -> str:
    return TEXTS[key]["en" if lang == "en" else "id"].format(**values)


def long_date(year: int, month: int, day: int, lang: str = "id") -> str:
    """"30 November 2026" in the catalogue's language (no locale of the machine involved)."""
    return f"{day} {MONTHS['en' if lang == 'en' else 'id'][month - 1]} {year}"


def _text(values, n: int) -> list[str]:
    if values is None:
        return [""] * n
    return ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            for v in values]


def cards(frame: pd.DataFrame, names: dict[str, dict[str, str]] | None = None,
          lang: str = "id", order: str = SECTOR_FIRST) -> pd.DataFrame:
    """One row per consented enterprise with ``CARD_COLUMNS`` plus the section keys
    (``group1``, ``group2`` labels and sort keys), sorted for printing.

    ``names``: ``{"villages"|"districts"|"regencies": {code: name}}`` for the region lines;
    a code without a name is printed as the code.
    """
    names = names or {}
    public = publication.public_frame(frame).reset_index(drop=True)
    n = len(public)

    def col(name: str) -> list[str]:
        return _text(public[name] if name in public.columns else None, n)

    def region(field: str, role: str) -> list[str]:
        lookup = names.get(role, {})
        return [lookup.get(code, code) for code in col(field)]

    out = pd.DataFrame({
        "name": col("nama_usaha"), "product": col("produk_utama"), "sector": col("sektor"),
        "stage": col("tahap"), "village": region("kode_desa", "villages"),
        "district": region("kode_kecamatan", "districts"),
        "regency": region("kode_kabupaten", "regencies"), "contact": col("kontak_usaha"),
        "owner": col("nama_pemilik"), "photo": col("foto")}, columns=CARD_COLUMNS)
    sector_order = {code: i for i, code in enumerate(catalogue.codes(catalogue.SECTORS))}
    out["sector_label"] = [sector_label(s, lang) for s in out["sector"]]
    out["stage_label"] = [stage_label(s, lang) if s else "" for s in out["stage"]]
    out["_sector_key"] = [sector_order.get(s, len(sector_order)) for s in out["sector"]]
    unnamed = "—"
    out["_region"] = [r or unnamed for r in out["regency"]]
    if order == REGION_FIRST:
        out["group1"], out["group2"] = out["_region"], out["sector_label"]
        keys = ["_region", "_sector_key"]
    else:
        out["group1"], out["group2"] = out["sector_label"], out["_region"]
        keys = ["_sector_key", "_region"]
    out["_name_key"] = [name.casefold() for name in out["name"]]
    out = out.sort_values([*keys, "_name_key"], kind="stable").reset_index(drop=True)
    return out.drop(columns=["_sector_key", "_region", "_name_key"])


def stage_counts(table: pd.DataFrame) -> dict[str, float]:
    """The cards as a ``densitybyregion``-like row (``jml_<stage>_<sector>``, ``jml_sektor_*``,
    ``jml_usaha``) so the report's sector × stage table and chart draw the catalogue."""
    row: dict[str, float] = {"jml_usaha": float(len(table))}
    for (stage, sector), part in table.groupby(["stage", "sector"]):
        row[cross_column(stage or catalogue.UNFILLED, sector or catalogue.UNFILLED)] = \
            float(len(part))
    for sector, part in table.groupby("sector"):
        row[f"jml_sektor_{sector or catalogue.UNFILLED}"] = float(len(part))
    return row


def wrap(value: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap of ``value`` into lines no wider than ``width`` (``measure`` gives a
    text's width); a word wider than a line gets a line of its own."""
    out: list[str] = []
    for word in value.split():
        if out and measure(f"{out[-1]} {word}") <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def fit(value: str, width: float, most: int, measure: Callable[[str], float]
        ) -> tuple[str, int]:
    """``value`` shortened at a word boundary (an ellipsis marks the cut) so that it wraps
    into at most ``most`` lines; with the number of lines it takes. Nothing overflows a
    card, and the next text starts right below."""
    value = " ".join(value.split())
    lines = wrap(value, width, measure)
    if len(lines) <= most:
        return value, len(lines)
    words = value.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ,.;:-") + "…"
        lines = wrap(candidate, width, measure)
        if len(lines) <= most and measure(lines[-1]) <= width:
            return candidate, len(lines)
    return "…", 1


@dataclass(frozen=True)
class Geometry:
    """Millimetres of an A4 portrait content page (header band above, footer below)."""

    left: float = 10.0
    width: float = 190.0
    top: float = 24.0
    bottom: float = 282.0
    columns: int = 2
    gap: float = 4.0
    card_height: float = 52.0
    heading1: float = 11.0
    heading2: float = 8.0

    @property
    def card_width(self) -> float:
        return (self.width - self.gap * (self.columns - 1)) / self.columns


@dataclass(frozen=True)
class Block:
    """A heading (``kind`` "h1" or "h2", its ``text``) or a card (``row`` of the card table)
    at (x, y) with size (w, h) on its page."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    text: str = ""
    row: int = -1


def paginate(table: pd.DataFrame, geometry: Geometry | None = None, lang: str = "id",
             section_new_page: bool = True) -> list[list[Block]]:
    """Pages of blocks: a level-1 heading per section (a new page per section when asked),
    a level-2 heading per subsection, cards in rows; a heading is never left alone at the
    foot of a page, and a section going on to the next page repeats its headings with
    "(continued)"."""
    g = geometry or Geometry()
    more = text("continued", lang)
    pages: list[list[Block]] = []
    y = g.bottom + 1  # forces a first page
    row_h = g.card_height + g.gap

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = g.top

    def heading(kind: str, label: str) -> None:
        nonlocal y
        h = g.heading1 if kind == "h1" else g.heading2
        pages[-1].append(Block(kind, g.left, y, g.width, h, label))
        y += h

    sections = table.groupby("group1", sort=False) if len(table) else []
    for first, section in sections:
        if section_new_page or y + g.heading1 + g.heading2 + g.card_height > g.bottom:
            new_page()
        heading("h1", str(first))
        for second, part in section.groupby("group2", sort=False):
            if y + g.heading2 + g.card_height > g.bottom:
                new_page()
                heading("h1", f"{first} {more}")
            heading("h2", str(second))
            rows = list(part.index)
            for start in range(0, len(rows), g.columns):
                if y + g.card_height > g.bottom:
                    new_page()
                    heading("h1", f"{first} {more}")
                    heading("h2", f"{second} {more}")
                for k, index in enumerate(rows[start:start + g.columns]):
                    x = g.left + k * (g.card_width + g.gap)
                    pages[-1].append(Block("card", x, y, g.card_width, g.card_height,
                                           row=int(index)))
                y += row_h
    return pages


def contents(table: pd.DataFrame, pages: list[list[Block]], first_page: int = 2
             ) -> list[tuple[str, int, int]]:
    """(section, number of enterprises, page number) per section; content pages are
    numbered from ``first_page`` (the cover is page 1)."""
    where: dict[str, int] = {}
    for number, blocks in enumerate(pages, start=first_page):
        for block in blocks:
            if block.kind == "card":
                where.setdefault(str(table.at[block.row, "group1"]), number)
    counts = table.groupby("group1", sort=False).size() if len(table) else {}
    return [(str(k), int(v), where.get(str(k), first_page)) for k, v in counts.items()]


def contents_rows(entries: list[tuple[str, int, int]], order: str, lang: str = "id"
                  ) -> list[list[str]]:
    """The cover's table of contents: header row, one row per section, a total row."""
    head = text("sector" if order == SECTOR_FIRST else "region", lang)
    rows = [[head, text("enterprises", lang), text("page", lang)]]
    rows += [[name, str(count), str(page)] for name, count, page in entries]
    total = "Jumlah" if lang != "en" else "Total"
    rows.append([total, str(sum(c for _, c, _ in entries)), ""])
    return rows

