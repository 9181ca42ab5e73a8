"""What the published web map shows, as plain data: indicators, region panels, catalogue.

Every figure comes from a ``densitybyregion`` row (and ``servicegap`` rows) and every text
from ``report_tables``, so the site shows what the report and the algorithms show, with the
same small-count rule ("<3", shares on 1-2 enterprises hidden). The catalogue is built from
an allow-list of public fields of the consented enterprises only (``publication``): no field
outside it is ever read into a record. Pure Python + pandas: no Qt, no QGIS.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from industri_rumahan_plugin.core import catalogue, publication, report_tables
from industri_rumahan_plugin.core.report_tables import SMALL

LANGS = ("id", "en")
#: What a catalogue card copies from ``publication.public_frame`` as it is (the owner's name,
#: the photo and the place are handled apart).
CARD_FIELDS = ("nama_usaha", "produk_utama", "sektor", "tahap", "kontak_usaha")


@dataclass(frozen=True)
class Indicator:
    """One choropleth: a value per region, the count it is built on (small counts hide it),
    the plugin style whose classes and colours it uses, and its labels."""

    key: str
    style: str  # "density" (natural breaks, RdPu) or "gap_share" (fixed classes, OrRd)
    label_id: str
    label_en: str
    unit_id: str = ""
    unit_en: str = ""
    count: str = ""  # the count column a share is built on ("" : never hidden)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_id


def indicators(columns: Sequence[str], gap_types: Sequence[str]) -> list[Indicator]:
    """The choropleths a density output (and the service types of a gap) allow, in menu order."""
    out = []
    if "per_1000_pddk" in columns:
        out.append(Indicator("per_1000_pddk", "density", "Usaha per 1.000 penduduk",
                             "Enterprises per 1,000 population", "per 1.000 penduduk",
                             "per 1,000 population"))
    for name, label_id, label_en in (("perempuan", "Bagian milik perempuan", "Share women-owned"),
                                     ("krtp", "Bagian KRTP", "Share KRTP")):
        if f"pct_{name}" in columns:
            out.append(Indicator(f"pct_{name}", "density", label_id, label_en, "%", "%",
                                 f"jml_{name}"))
    for stage in catalogue.STAGES:
        if f"jml_tahap_{stage.code}" in columns:
            out.append(Indicator(
                f"pct_tahap_{stage.code}", "density", f"Bagian tahap {stage.label('id')}",
                f"Share at stage {stage.label('en')}", "%", "%", f"jml_tahap_{stage.code}"))
    for kind in gap_types:
        entry = catalogue.by_code(catalogue.SERVICE_TYPES, kind)
        out.append(Indicator(
            f"gap_{kind}", "gap_share",
            f"Kesenjangan layanan: {entry.label('id') if entry else kind}",
            f"Service gap: {entry.label('en') if entry else kind}", "%", "%", f"gap_n_{kind}"))
    return out


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def indicator_table(stats: pd.DataFrame, gap: pd.DataFrame,
                    items: Sequence[Indicator]) -> pd.DataFrame:
    """One column per indicator (value) and per share's count (``gap_n_<type>``), a row per
    region in the density output's order. Stage shares are recomputed from the counts the
    way the density kernel computes its shares (count / total × 100)."""
    frame = pd.DataFrame(index=range(len(stats)))
    total = pd.to_numeric(stats["jml_usaha"], errors="coerce").to_numpy(float)
    for item in items:
        if item.key.startswith("pct_tahap_"):
            counts = pd.to_numeric(stats[item.count], errors="coerce").to_numpy(float)
            frame[item.key] = [100.0 * c / t if t else math.nan for c, t in zip(counts, total)]
            frame[item.count] = counts
        elif item.key.startswith("gap_"):
            kind = item.key[len("gap_"):]
            rows = gap[(gap["jenis"] == kind) & (gap["region"] >= 0)].set_index("region")
            frame[item.key] = [_number(rows["persen_luar"].get(i)) for i in frame.index]
            frame[item.count] = [_number(rows["n_luar"].get(i)) for i in frame.index]
        else:
            frame[item.key] = pd.to_numeric(stats[item.key], errors="coerce").to_numpy(float)
            if item.count:
                frame[item.count] = pd.to_numeric(stats[item.count],
                                                  errors="coerce").to_numpy(float)
    return frame


def hidden(count: float) -> bool:
    """A share built on 1-2 enterprises is not shown (the report's rule)."""
    return count == count and 0 < count < SMALL


def shade(count: int, largest: int) -> float:
    """Cell shade of the sector × stage chart: 0 empty; one shade for every small count (so
    1 and 2 look alike); else proportional to the largest cell."""
    if count <= 0:
        return 0.0
    if count < SMALL or largest <= 0:
        return 0.15
    return round(0.15 + 0.85 * count / largest, 3)


def region_panel(row: Mapping, gap_rows: pd.DataFrame | None, threshold_m: float) -> dict:
    """Texts of one region's panel in both languages: key figures, sector × stage table with
    the chart's cell shades, service gap per type. Nothing but aggregates."""
    stages = report_tables.stage_codes(row)
    table = report_tables.sector_stage_counts(row, stages)
    body = table.drop(index=report_tables.TOTAL).drop(columns=report_tables.TOTAL)
    largest = int(body.to_numpy().max()) if body.size else 0
    shades = [[shade(int(v), largest) for v in values] for _, values in body.iterrows()]
    panel: dict[str, Any] = {"shades": shades}
    for lang in LANGS:
        panel[lang] = {
            "figures": report_tables.key_figures(row, True, lang),
            "table": report_tables.sector_stage_text(table, True, lang),
            "gap": report_tables.gap_text(gap_rows, threshold_m, True, lang)
            if gap_rows is not None and len(gap_rows) else [],
        }
    return panel


def catalogue_records(frame: pd.DataFrame, places: Mapping[str, Mapping[str, Any]],
                      photos: Mapping[Any, str]) -> list[dict]:
    """Catalogue cards of the consented enterprises, by the rules of ``core.publication``.

    ``frame``: enterprise attributes with ``x``/``y`` (WGS 84) per row; ``places``: region
    code -> {"nama": name, "xy": (x, y) representative point}; ``photos``: frame index ->
    photo path inside the site. The point is exact only with ``izin_lokasi_tepat``, else the
    village's representative point (the district's when the village is unknown, none when
    both are). The owner's name only with ``izin_nama_pemilik``.
    """
    public = publication.public_frame(frame)
    nowhere = (math.nan, math.nan)
    villages, levels = [], []
    for _, row in public.iterrows():
        village = places.get(_text(row["kode_desa"]))
        district = places.get(_text(row["kode_kecamatan"]))
        place = village or district
        villages.append(tuple(place["xy"]) if place else nowhere)
        levels.append("desa" if village else "kecamatan" if district else "")
    exact = public["lokasi_tepat"].to_numpy(bool)
    points = publication.public_points(
        frame.loc[public.index, ["x", "y"]].to_numpy(float), exact, villages)
    records = []
    for i, (index, row) in enumerate(public.iterrows()):
        record = {field: _text(row[field]) for field in CARD_FIELDS}
        for key, code in (("desa", "kode_desa"), ("kecamatan", "kode_kecamatan"),
                          ("kabupaten", "kode_kabupaten")):
            place = places.get(_text(row[code]))
            record[key] = place["nama"] if place and (key != "desa" or levels[i] == "desa") \
                else ""
        record["kode_kab"] = _text(row["kode_kabupaten"])
        record["kode_kec"] = _text(row["kode_kecamatan"])
        x, y = points[i]
        located = x == x and y == y
        record["xy"] = [round(float(x), 5), round(float(y), 5)] if located else None
        record["lokasi"] = ("tepat" if exact[i] else levels[i]) if located else ""
        record["pemilik"] = _text(row["nama_pemilik"])
        record["foto"] = photos.get(index, "")
        records.append(record)
    records.sort(key=lambda r: (r["kabupaten"], r["kecamatan"], r["desa"], r["nama_usaha"]))
    return records


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def labels() -> dict:
    """Sector, stage and service-type labels in both languages, stage colours (the plugin's
    stage style)."""
    return {
        "sektor": {e.code: {"id": e.label("id"), "en": e.label("en")}
                   for e in catalogue.SECTORS},
        "tahap": {e.code: {"id": e.label("id"), "en": e.label("en"), "color": e.color,
                           "level": e.level} for e in catalogue.STAGES},
        "unfilled": catalogue.UNFILLED_LABELS,
    }


def js_assign(name: str, value: Any) -> str:
    """A script that adds ``value`` to ``window.IR`` (a site opened from disk cannot fetch()
    JSON, but loads scripts)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return f"window.IR = window.IR || {{}};\nwindow.IR[{json.dumps(name)}] = {text};\n"


def clean(value: Any) -> Any:
    """JSON-safe: NaN and infinities become null, numpy scalars plain numbers."""
    if isinstance(value, Mapping):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
