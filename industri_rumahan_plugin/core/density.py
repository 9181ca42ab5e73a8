"""Enterprise counts, densities and location quotients by region (pure, vectorised).

The rules that QGIS's ``native:countpointsinpolygon`` leaves open are decided here, once:

* a point is a candidate for every region whose closed polygon (interior *or* boundary)
  holds it, so a point on a shared boundary is never lost;
* a point with several candidates (a shared boundary, or the 0.3-1.6 km² overlaps of the real
  simplified boundaries) goes to the candidate whose boundary is farthest from it (the region
  it lies deepest in); a tie (a point exactly on a shared edge) goes to the region that comes
  first in the region layer;
* a point in no region is counted as outside and reported.

Pure core: numpy, pandas, shapely. See docs/density.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.catalogue import UNFILLED

OUTSIDE = -1


@dataclass
class Assignment:
    """Which region each point went to (``OUTSIDE`` = none) and how ambiguous points fared."""

    region: np.ndarray  # int64, one per point
    shared: int = 0  # points with several candidate regions (boundary or overlap)
    on_boundary: int = 0  # of those, points exactly on a shared boundary (tie rule used)

    @property
    def outside(self) -> int:
        return int((self.region == OUTSIDE).sum())


def repair_polygons(geoms: np.ndarray, repair: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Make invalid polygons valid (``repair``) or drop them; returns (geoms, was_invalid).

    Repair keeps only the polygonal parts of ``make_valid``; a polygon that cannot be repaired
    becomes ``None`` and so holds no point.
    """
    geoms = np.asarray(geoms, dtype=object).copy()
    present = ~shapely.is_missing(geoms)
    invalid = np.zeros(len(geoms), dtype=bool)
    invalid[present] = ~shapely.is_valid(geoms[present])
    for i in np.flatnonzero(invalid):  # a handful of regions at most, never points
        if not repair:
            geoms[i] = None
            continue
        fixed = shapely.make_valid(geoms[i])
        parts = [p for p in shapely.get_parts(fixed) if p.geom_type in ("Polygon", "MultiPolygon")]
        geoms[i] = shapely.union_all(parts) if parts else None
    return geoms, invalid


def assign_points(
    x: np.ndarray,
    y: np.ndarray,
    regions: Sequence[shapely.Geometry | None],
    progress: Callable[[float], bool] | None = None,
) -> Assignment:
    """Assign each point to exactly one region or to none (rule in the module docstring).

    Loops over regions (hundreds), never over points: per region the points are cut to its
    bounding box with a sorted x index, then tested with a prepared ``intersects_xy``.
    ``progress(fraction)`` may return True to cancel.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    slab_of, bins = _x_bins(x, y)
    order = np.argsort(bins, kind="stable")  # a radix sort (16-bit keys): ~5x an argsort(x)
    sorted_bins, xs, ys = bins[order], x[order], y[order]  # a region's x-slab is one slice
    hit_pts: list[np.ndarray] = []
    hit_regs: list[np.ndarray] = []
    for r, geom in enumerate(regions):
        if progress is not None and r % 16 == 0 and progress(r / max(len(regions), 1)):
            break
        if geom is None or shapely.is_empty(geom):
            continue
        minx, miny, maxx, maxy = shapely.bounds(geom)
        lo = np.searchsorted(sorted_bins, slab_of(minx), side="left")
        hi = np.searchsorted(sorted_bins, slab_of(maxx), side="right")
        slab_x, slab_y = xs[lo:hi], ys[lo:hi]
        cand = np.flatnonzero((slab_x >= minx) & (slab_x <= maxx)
                              & (slab_y >= miny) & (slab_y <= maxy))
        if len(cand) == 0:
            continue
        shapely.prepare(geom)
        inside = cand[shapely.intersects_xy(geom, slab_x[cand], slab_y[cand])]
        hit_pts.append(order[lo + inside])
        hit_regs.append(np.full(len(inside), r, dtype=np.int64))
    region = np.full(n, OUTSIDE, dtype=np.int64)
    if not hit_pts:
        return Assignment(region)
    pts = np.concatenate(hit_pts)
    regs = np.concatenate(hit_regs)
    hits = np.bincount(pts, minlength=n)
    single = hits[pts] == 1
    region[pts[single]] = regs[single]
    multi_pts, multi_regs = pts[~single], regs[~single]
    if len(multi_pts) == 0:
        return Assignment(region)
    boundaries = shapely.boundary(np.asarray(regions, dtype=object)[multi_regs])
    depth = shapely.distance(boundaries, shapely.points(x[multi_pts], y[multi_pts]))
    # deepest first, then the region first in the layer
    pick = np.lexsort((multi_regs, -depth, multi_pts))
    first = np.ones(len(pick), dtype=bool)
    first[1:] = multi_pts[pick][1:] != multi_pts[pick][:-1]
    chosen = pick[first]
    region[multi_pts[chosen]] = multi_regs[chosen]
    return Assignment(
        region, shared=len(chosen), on_boundary=int((depth[chosen] == 0).sum())
    )


_SLABS = 65535  # 16-bit x-slab numbers; the last one holds the points without a location


def _x_bins(x: np.ndarray, y: np.ndarray) -> tuple[Callable, np.ndarray]:
    """Each located point's x-slab number (points without a location: ``_SLABS``) and the
    function giving the slab of an x (clipped to the points' range)."""
    located = np.isfinite(x) & np.isfinite(y)
    low, high = (x[located].min(), x[located].max()) if located.any() else (0.0, 1.0)
    scale = (_SLABS - 1) / ((high - low) or 1.0)

    def slab_of(value):
        return np.clip(np.floor((np.asarray(value) - low) * scale), 0, _SLABS - 1) \
            .astype(np.uint16)

    bins = np.full(len(x), _SLABS, dtype=np.uint16)
    bins[located] = slab_of(x[located])
    return slab_of, bins


def slug(value: object) -> str:
    """A value as a field-name fragment: lower case ASCII letters, digits and underscores."""
    text = re.sub(r"[^0-9a-z]+", "_", str(value).strip().lower()).strip("_")
    return text or "x"


def category_codes(values: Sequence, known: Sequence[str] = ()) -> tuple[np.ndarray, list[str]]:
    """Integer codes and labels: the ``known`` codes first (stable columns), then other values
    seen (sorted), then ``UNFILLED`` for null/empty values."""
    raw, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    clean = [None if v is None or str(v).strip() == "" else str(v).strip() for v in uniques]
    seen = sorted({v for v in clean if v is not None and v not in known and v != UNFILLED})
    labels = [*known, *seen, UNFILLED]
    position = {label: i for i, label in enumerate(labels)}
    lookup = np.array([position[UNFILLED if v is None else v] for v in clean]
                      + [position[UNFILLED]], dtype=np.int64)
    codes = lookup[raw]  # the NA sentinel -1 picks the last entry: UNFILLED
    return codes, labels


def _counts(region: np.ndarray, codes: np.ndarray, m: int, k: int) -> np.ndarray:
    ok = region >= 0
    flat = np.bincount(region[ok] * k + codes[ok], minlength=m * k)
    return flat.reshape(m, k)


def _share(part: np.ndarray, whole: np.ndarray, scale: float = 100.0) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, scale * part / np.where(whole > 0, whole, 1), np.nan)


def location_quotients(counts: np.ndarray) -> np.ndarray:
    """LQ_sr = (e_sr / e_r) / (E_s / E); NaN where a region or a sector has no enterprise."""
    counts = np.asarray(counts, dtype=float)
    e_r = counts.sum(axis=1, keepdims=True)
    e_s = counts.sum(axis=0, keepdims=True)
    total = counts.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        lq = (counts / e_r) / (e_s / total)
    lq[~np.isfinite(lq)] = np.nan
    return lq


def _rank(values: np.ndarray) -> np.ndarray:
    """1 = highest; ties share the best rank; NaN stays NaN."""
    return pd.Series(values).rank(method="min", ascending=False).to_numpy()


@dataclass
class Category:
    """One category field for the breakdown: its name, values per point, catalogue codes."""

    field: str
    values: Sequence
    known: Sequence[str] = ()


def density_table(
    region: np.ndarray,
    n_regions: int,
    area_km2: np.ndarray,
    categories: Sequence[Category] = (),
    women: np.ndarray | None = None,
    krtp: np.ndarray | None = None,
    population: np.ndarray | None = None,
    women_population: np.ndarray | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per region with counts, shares, densities, LQs and ranks; and the tidy table.

    Counts per value of each category field (``jml_<field>_<value>``), per value pair of the
    first two fields (``jml_<value2>_<value1>``, e.g. ``jml_pemula_makanan``), LQs for the
    first field (``lq_<value>``). Densities are NaN where the denominator is missing or 0.
    """
    region = np.asarray(region, dtype=np.int64)
    m = int(n_regions)
    total = np.bincount(region[region >= 0], minlength=m)
    cols: dict[str, np.ndarray] = {"jml_usaha": total}
    tidy = [_tidy_part(total[:, None], ["semua"], "total", {})]
    coded = []
    for cat in categories:
        codes, labels = category_codes(cat.values, cat.known)
        counts = _counts(region, codes, m, len(labels))
        coded.append((cat, codes, labels, counts))
        for j, label in enumerate(labels):
            cols[f"jml_{slug(cat.field)}_{slug(label)}"] = counts[:, j]
        tidy.append(_tidy_part(counts, labels, cat.field, {}))
    if len(coded) >= 2:
        (cat1, codes1, labels1, _), (cat2, codes2, labels2, _) = coded[:2]
        k1 = len(labels1)
        cross = _counts(region, codes2 * k1 + codes1, m, k1 * len(labels2))
        for j2, l2 in enumerate(labels2):
            for j1, l1 in enumerate(labels1):
                cols[f"jml_{slug(l2)}_{slug(l1)}"] = cross[:, j2 * k1 + j1]
            part = cross[:, j2 * k1:(j2 + 1) * k1]
            tidy.append(_tidy_part(part, labels1, f"{cat2.field}_{cat1.field}",
                                   {cat2.field: l2}, cat1.field))
    for name, flag in (("perempuan", women), ("krtp", krtp)):
        if flag is None:
            continue
        flag = np.asarray(flag, dtype=bool)
        n_flag = np.bincount(region[(region >= 0) & flag], minlength=m)
        cols[f"jml_{name}"] = n_flag
        cols[f"pct_{name}"] = _share(n_flag, total)
    area = np.asarray(area_km2, dtype=float)
    cols["luas_km2"] = area
    cols["per_km2"] = _share(total, area, 1.0)
    if population is not None:
        cols["per_1000_pddk"] = _share(total, _numeric(population), 1000.0)
    if women_population is not None:
        cols["per_1000_perempuan"] = _share(total, _numeric(women_population), 1000.0)
    if coded:
        cat1, _, labels1, counts1 = coded[0]
        lq = location_quotients(counts1)
        for j, label in enumerate(labels1):
            if label != UNFILLED:
                cols[f"lq_{slug(label)}"] = lq[:, j]
    cols["peringkat_jml"] = _rank(total.astype(float))
    cols["peringkat_per_km2"] = _rank(cols["per_km2"])
    if "per_1000_pddk" in cols:
        cols["peringkat_per_1000_pddk"] = _rank(cols["per_1000_pddk"])
    frame = pd.DataFrame(cols)
    return frame, pd.concat(tidy, ignore_index=True)


def _numeric(values: Sequence) -> np.ndarray:
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(float)


def _tidy_part(
    counts: np.ndarray,
    labels: Sequence[str],
    dimension: str,
    fixed: dict[str, str],
    field: str | None = None,
) -> pd.DataFrame:
    """Long rows (region, dimension, category value(s), count, share of the region's total)."""
    m, k = counts.shape
    frame = pd.DataFrame({
        "wilayah": np.repeat(np.arange(m), k),
        "dimensi": dimension,
    })
    for key, value in fixed.items():
        frame[key] = value
    if field is None and dimension != "total":
        field = dimension
    if field is not None:
        frame[field] = np.tile(np.asarray(labels, dtype=object), m)
    frame["jml_usaha"] = counts.reshape(-1)
    return frame


#: The owner flags counted when the enterprises have them: owner sex ("P" = woman), KRTP.
WOMEN_FIELD = "jenis_kelamin_pemilik"
KRTP_FIELD = "krtp"


def region_statistics(
    region: np.ndarray, n_regions: int, area_km2: np.ndarray, attributes: pd.DataFrame,
    categories: Sequence[str], flags: Sequence[str],
    population: Sequence | None = None, women_population: Sequence | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``density_table`` from the enterprises' attribute columns: every catalogue code of a
    category field gets a column; ``flags`` names the owner flags present (``WOMEN_FIELD``,
    ``KRTP_FIELD``)."""
    return density_table(
        region, n_regions, area_km2,
        categories=[Category(c, attributes[c].to_numpy(), _known(c)) for c in categories],
        women=(attributes[WOMEN_FIELD].to_numpy() == "P") if WOMEN_FIELD in flags else None,
        krtp=yes(attributes[KRTP_FIELD].to_numpy(object)) if KRTP_FIELD in flags else None,
        population=population, women_population=women_population,
    )


def yes(values: np.ndarray) -> np.ndarray:
    """Yes/no flags from either read path: True or 1 is yes; False, 0 and NULL are no."""
    return np.equal(np.asarray(values, dtype=object), True).astype(bool)


def _known(field_name: str) -> list[str]:
    """Catalogue codes of a category field, so every known value gets a column."""
    entries = catalogue.CATALOGUES.get(field_name)
    return catalogue.codes(entries) if entries else []


def long_table(tidy: pd.DataFrame, totals: np.ndarray, fields: Sequence[str],
               region_ids: np.ndarray, codes: np.ndarray | None = None,
               names: np.ndarray | None = None) -> pd.DataFrame:
    """``finish_tidy`` with the region's keys in front: wilayah_fid (``region_ids``), then
    kode_wilayah and nama_wilayah when given (one value per region)."""
    tidy = finish_tidy(tidy, totals, fields)
    index = tidy.pop("wilayah").to_numpy()
    front = {"wilayah_fid": np.asarray(region_ids)[index]}
    for key, values in (("kode_wilayah", codes), ("nama_wilayah", names)):
        if values is not None:
            front[key] = np.asarray(values, dtype=object)[index]
    for key, values in reversed(list(front.items())):
        tidy.insert(0, key, values)
    return tidy


def finish_tidy(tidy: pd.DataFrame, totals: np.ndarray, fields: Sequence[str]) -> pd.DataFrame:
    """Fill 'semua' (all) for the category columns a row does not break down, add shares."""
    tidy = tidy.copy()
    for name in fields:
        if name not in tidy:
            tidy[name] = "semua"
        tidy[name] = tidy[name].fillna("semua")
    tidy["pct_wilayah"] = _share(
        tidy["jml_usaha"].to_numpy(float), np.asarray(totals, dtype=float)[tidy["wilayah"]]
    )
    return tidy[["wilayah", "dimensi", *fields, "jml_usaha", "pct_wilayah"]]
