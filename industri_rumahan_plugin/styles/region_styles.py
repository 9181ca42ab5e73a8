"""Region (polygon) renderers: density choropleth, location quotient, service-gap indicators.

The indicator field is a parameter: the density and service-gap algorithms name their outputs,
these builders only need the field and, for data-driven classes, its values. Legend labels carry
the unit in the legend language (Indonesian decimals use a comma). Palettes are ColorBrewer
schemes that are colour-blind safe and print well in grey.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from qgis.core import (
    QgsClassificationJenks,
    QgsClassificationMethod,
    QgsClassificationQuantile,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
)

# ColorBrewer 5-class schemes (colour-blind safe).
DENSITY_RAMP = ("#feebe2", "#fbb4b9", "#f768a1", "#c51b8a", "#7a0177")  # RdPu
GAP_RAMP = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")  # OrRd
ACCESS_RAMP = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")  # YlGnBu
LQ_RAMP = ("#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571")  # BrBG, diverging
OUTLINE = "#7f7f7f"

#: Location-quotient class limits, symmetric around 1 on a log scale (1/2, 1/1.25, 1.25, 2).
LQ_BREAKS = (0.0, 0.5, 0.8, 1.25, 2.0, 1.0e9)
LQ_LIMITS = ("< 0.5", "0.5 – 0.8", "0.8 – 1.25", "1.25 – 2", "≥ 2")
LQ_MEANING = {
    "id": ("jauh di bawah rata-rata", "di bawah rata-rata", "sekitar rata-rata (LQ ≈ 1)",
           "terspesialisasi", "sangat terspesialisasi"),
    "en": ("far below average", "below average", "about average (LQ ≈ 1)",
           "specialised", "strongly specialised"),
}
#: Share-of-uncovered-enterprises class limits (fractions).
GAP_BREAKS = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0)
WORDS = {
    "id": {"uncovered": "tanpa layanan", "low": "akses rendah", "high": "akses tinggi",
           "km2": "per km²", "women": "per 1.000 perempuan", "people": "per 1.000 penduduk",
           "per": "per wilayah"},
    "en": {"uncovered": "without service", "low": "low access", "high": "high access",
           "km2": "per km²", "women": "per 1,000 women", "people": "per 1,000 population",
           "per": "per region"},
}
#: Name patterns used to find the indicator field when none is given (first match wins).
FIELD_PATTERNS: dict[str, tuple[str, ...]] = {
    "density": (r"^per_km2$", r"^per_1000_pddk$", r"per_1000", r"per_km", r"density|kepadatan"),
    "location_quotient": (r"^lq_", r"^lq$", r"quotient"),
    "gap_share": (r"^persen_luar$", r"uncovered|luar|tidak_terlayani|tanpa_layanan",
                  r"share|persen|pct|proporsi"),
    "accessibility": (r"access|akses", r"indeks|index"),
}


def default_field(style: str, field_names: Iterable[str]) -> str | None:
    """The first field whose name fits the style (e.g. ``lq_makanan`` for location quotient)."""
    names = list(field_names)
    for pattern in FIELD_PATTERNS.get(style, ()):
        for name in names:
            if re.search(pattern, name, re.IGNORECASE):
                return name
    return None


def density_unit(field: str, lang: str = "id") -> str:
    """The legend unit read from the field name: per km², per 1,000 women or population."""
    words = WORDS[lang]
    name = field.lower()
    if "km" in name:
        return words["km2"]
    if "1000" in name and re.search(r"perempuan|wanita|women|female", name):
        return words["women"]
    if "1000" in name:
        return words["people"]
    return words["per"]


def format_number(value: float, decimals: int, lang: str = "id") -> str:
    """``1,234.5`` in English, ``1.234,5`` in Indonesian."""
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def decimals_for(bounds: Sequence[float]) -> int:
    """The fewest decimals (0 to 4) that keep every class limit distinct and within 2 % of
    its value in the legend."""
    distinct = len(set(bounds))
    for decimals in range(5):
        rounded = [round(b, decimals) for b in bounds]
        close = all(abs(r - b) <= 0.02 * abs(b) for r, b in zip(rounded, bounds))
        if close and len(set(rounded)) == distinct:
            return decimals
    return 4


def fill_symbol(color: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {"color": color, "outline_color": OUTLINE, "outline_width": "0.2", "style": "solid"}
    )


def clean_values(values: Iterable[object]) -> list[float]:
    """Finite numbers only (NULL, NaN and text are left out)."""
    out: list[float] = []
    for v in values:
        try:
            number = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        if math.isfinite(number):
            out.append(number)
    return out


def _renderer(field: str, ranges: list[QgsRendererRange],
              method: QgsClassificationMethod | None = None) -> QgsGraduatedSymbolRenderer:
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    if method is not None:
        renderer.setClassificationMethod(method)
    return renderer


def _classified(field: str, values: Sequence[float], ramp: Sequence[str], method_name: str,
                unit: str, lang: str) -> QgsGraduatedSymbolRenderer:
    # numpy (under classify) only when classifying: the style menu loads without it
    from industri_rumahan_plugin.core import classify

    numbers = clean_values(values)
    if not numbers:
        raise ValueError(f"no numeric values in field {field}")
    # Breaks from the exact core classifier (QGIS 3.22's Jenks is not always optimal); the
    # method is kept on the renderer so "Classify" in the layer properties works as usual.
    uppers = classify.natural_breaks(numbers, len(ramp))
    if method_name == "quantile" or (method_name == "auto" and _lopsided(numbers, uppers)):
        method_name = "quantile"
        uppers = classify.quantile_breaks(numbers, len(ramp))
    lowers = [min(numbers), *uppers[:-1]]
    decimals = decimals_for([lowers[0], *uppers])
    method = QgsClassificationJenks() if method_name != "quantile" else (
        QgsClassificationQuantile())
    method.setLabelPrecision(decimals)
    method.setLabelFormat(f"%1 – %2 {unit}".strip())
    colors = _spread(ramp, len(uppers))
    ranges = []
    for low, high, color in zip(lowers, uppers, colors):
        label = (f"{format_number(low, decimals, lang)} – "
                 f"{format_number(high, decimals, lang)} {unit}").strip()
        ranges.append(QgsRendererRange(low, high, fill_symbol(color), label))
    return _renderer(field, ranges, method)


def _lopsided(values: Sequence[float], uppers: Sequence[float]) -> bool:
    """Whether natural breaks leave more than half the regions in one class (skewed data,
    e.g. one city far denser than the rest): quantiles then read better."""
    counts, lower = [], -math.inf
    for upper in uppers:
        counts.append(sum(1 for v in values if lower < v <= upper))
        lower = upper
    return len(uppers) > 2 and max(counts) > len(values) / 2


def _spread(ramp: Sequence[str], count: int) -> list[str]:
    """``count`` colours from the ramp, keeping both ends."""
    if count >= len(ramp):
        return list(ramp)
    if count <= 1:
        return [ramp[-1]]
    return [ramp[round(i * (len(ramp) - 1) / (count - 1))] for i in range(count)]


def density_renderer(field: str, values: Sequence[float], lang: str = "id",
                     method: str = "auto", unit: str | None = None) -> QgsGraduatedSymbolRenderer:
    """Sequential choropleth with the unit in every label.

    ``method``: "jenks" (exact natural breaks), "quantile", or "auto": natural breaks unless
    they leave more than half the regions in one class, then quantiles.
    """
    unit = density_unit(field, lang) if unit is None else unit
    return _classified(field, values, DENSITY_RAMP, method, unit, lang)


def location_quotient_renderer(field: str, lang: str = "id") -> QgsGraduatedSymbolRenderer:
    """Diverging classes centred at 1 (no data needed): below 1 brown, above 1 teal."""
    ranges = []
    for i, color in enumerate(LQ_RAMP):
        limits = LQ_LIMITS[i].replace(".", ",") if lang == "id" else LQ_LIMITS[i]
        ranges.append(QgsRendererRange(LQ_BREAKS[i], LQ_BREAKS[i + 1], fill_symbol(color),
                                       f"{limits} {LQ_MEANING[lang][i]}"))
    return _renderer(field, ranges)


def gap_share_renderer(field: str, values: Sequence[float] = (), lang: str = "id",
                       percent: bool | None = None) -> QgsGraduatedSymbolRenderer:
    """Fixed classes of the share of enterprises without a service (fractions or percent)."""
    if percent is None:
        numbers = clean_values(values)
        percent = bool(numbers) and max(numbers) > 1.0
    factor = 100.0 if percent else 1.0
    word = WORDS[lang]["uncovered"]
    ranges = []
    for i, color in enumerate(GAP_RAMP):
        low, high = GAP_BREAKS[i], GAP_BREAKS[i + 1]
        label = f"{round(low * 100)} – {round(high * 100)} % {word}"
        ranges.append(QgsRendererRange(low * factor, high * factor, fill_symbol(color), label))
    return _renderer(field, ranges)


def accessibility_renderer(field: str, values: Sequence[float],
                           lang: str = "id") -> QgsGraduatedSymbolRenderer:
    """Quantile classes, light (low access) to dark blue (high access)."""
    renderer = _classified(field, values, ACCESS_RAMP, "quantile", "", lang)
    ranges = renderer.ranges()
    if len(ranges) > 1:
        renderer.updateRangeLabel(0, f"{ranges[0].label()} ({WORDS[lang]['low']})")
        last = len(ranges) - 1
        renderer.updateRangeLabel(last, f"{ranges[last].label()} ({WORDS[lang]['high']})")
    return renderer


def region_renderer(style: str, field: str, values: Sequence[float] = (),
                    lang: str = "id") -> QgsGraduatedSymbolRenderer:
    """The renderer of a region style for ``field`` (``values`` for data-driven classes)."""
    if style == "density":
        return density_renderer(field, values, lang)
    if style == "location_quotient":
        return location_quotient_renderer(field, lang)
    if style == "gap_share":
        return gap_share_renderer(field, values, lang)
    if style == "accessibility":
        return accessibility_renderer(field, values, lang)
    raise ValueError(style)
