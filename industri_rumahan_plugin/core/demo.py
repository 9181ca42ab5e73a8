"""Seeded, deterministic demo enterprises and service points inside real region polygons.

No real enterprise locations are public, so demos, tests and benchmarks use these. Enterprises
are spread over regions in proportion to population, clustered around village centres, with
the region's sector mix and stage-dependent permits, workers, turnover and training. Every
name, NIK and phone number is synthetic. Pure core: numpy, pandas, shapely.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from industri_rumahan_plugin.core import catalogue, schema

KM_PER_DEGREE = 111.32


@dataclass
class Region:
    """A polygon region to generate into (a kabupaten/kota for the demo)."""

    code: str
    name: str
    geometry: shapely.Geometry
    weight: float = 1.0  # population, or any relative weight
    centres: np.ndarray | None = None  # (k, 2) lon/lat of villages; None: random centres
    centre_codes: list[str] | None = None  # village codes matching ``centres``


@dataclass
class DemoOptions:
    count: int = 5000
    seed: int = 20241231
    year: int = 2026
    cluster_km: float = 1.2  # spread around a village centre (standard deviation)
    women_share: float = 0.82
    krtp_share_of_women: float = 0.3
    sector_boost: dict[str, dict[str, float]] = field(default_factory=dict)


# Base sector mix (food dominates: BPS IMK 2022 food 36.7 %, crafts the rest).
BASE_SECTOR_MIX: dict[str, float] = {
    "makanan": 0.42, "minuman": 0.07, "tenun_cual": 0.02, "batik": 0.04, "rajutan": 0.03,
    "anyaman": 0.08, "pewter": 0.02, "batu_satam": 0.02, "konveksi": 0.10, "aksesoris": 0.05,
    "kerajinan_kayu": 0.07, "lainnya": 0.08,
}
# Bangka Belitung's known crafts by regency (Kemendagri codes, see shared/data README).
BABEL_SECTOR_BOOST: dict[str, dict[str, float]] = {
    "19.05": {"tenun_cual": 6.0, "anyaman": 1.5},  # Bangka Barat (Muntok)
    "19.01": {"pewter": 5.0, "anyaman": 1.3},  # Bangka
    "19.02": {"batu_satam": 5.0},  # Belitung
    "19.06": {"batu_satam": 4.0, "anyaman": 1.5},  # Belitung Timur
    "19.04": {"anyaman": 2.0},  # Bangka Tengah
    "19.71": {"tenun_cual": 2.0, "konveksi": 1.5, "minuman": 1.3},  # Pangkalpinang
}
STAGE_MIX = (0.6, 0.3, 0.1)
_PRODUCTS: dict[str, tuple[str, ...]] = {
    "makanan": ("Kerupuk ikan", "Getas", "Kemplang", "Rusip", "Lempah kuning beku", "Kue bangka",
                "Terasi", "Madu pahit", "Abon ikan"),
    "minuman": ("Sirup jeruk kunci", "Kopi bubuk", "Jamu", "Teh herbal"),
    "tenun_cual": ("Kain cual", "Selendang cual"),
    "batik": ("Batik cap", "Batik tulis"),
    "rajutan": ("Tas rajut", "Topi rajut"),
    "anyaman": ("Kopiah resam", "Tikar pandan", "Keranjang rotan", "Tudung saji"),
    "pewter": ("Suvenir pewter", "Miniatur timah"),
    "batu_satam": ("Cincin satam", "Liontin satam"),
    "konveksi": ("Seragam sekolah", "Gamis", "Kaos sablon"),
    "aksesoris": ("Bros", "Gantungan kunci", "Manik-manik"),
    "kerajinan_kayu": ("Ukiran kayu", "Miniatur kapal"),
    "lainnya": ("Sabun herbal", "Lilin aroma", "Pupuk kompos"),
}
_WOMEN = ("Siti", "Nurhayati", "Sri", "Aminah", "Yanti", "Fitri", "Rohani", "Suryani", "Dewi",
          "Hartini", "Maryam", "Rina", "Lestari", "Juliana", "Halimah", "Nurul", "Erna", "Mega")
_MEN = ("Ahmad", "Budi", "Hendra", "Rudi", "Syahrial", "Agus", "Fauzi", "Iwan", "Darma")
_FAMILY = ("Saputra", "Wijaya", "Rahman", "Hasan", "Pratama", "Susanto", "Lim", "Tan", "Yusuf",
           "Harahap", "Effendi", "Kurniawan")
_STREETS = ("Jl. Merdeka", "Jl. Sudirman", "Jl. Pantai", "Jl. Masjid", "Jl. Pasar", "Jl. Kampung",
            "Gg. Melati", "Jl. Raya", "Jl. Depati Amir")
_PROGRAMMES = ("Pelatihan DP3A", "BLK Kabupaten", "Pelatihan Dekranasda", "PLUT-KUMKM",
               "Pendampingan halal")
_AID = ("Bantuan alat produksi", "Hibah modal DP3A", "KUR", "Bantuan kemasan", "PNM Mekaar")


def _sample_in(geom: shapely.Geometry, n: int, rng: np.random.Generator) -> np.ndarray:
    """n uniform points inside a polygon, by rejection from its bounding box."""
    out = np.empty((0, 2))
    minx, miny, maxx, maxy = geom.bounds
    shapely.prepare(geom)
    for _ in range(200):
        if len(out) >= n:
            break
        k = max(64, 4 * (n - len(out)))
        xy = np.column_stack([rng.uniform(minx, maxx, k), rng.uniform(miny, maxy, k)])
        out = np.vstack([out, xy[shapely.contains_xy(geom, xy[:, 0], xy[:, 1])]])
    if len(out) < n:  # degenerate sliver: fall back to a point on the surface
        pt = shapely.point_on_surface(geom)
        out = np.vstack([out, np.tile([pt.x, pt.y], (n - len(out), 1))])
    return out[:n]


def _clustered_points(
    region: Region, n: int, rng: np.random.Generator, cluster_km: float
) -> tuple[np.ndarray, np.ndarray]:
    """Points clustered around the region's village centres; returns (xy, centre index)."""
    geom = region.geometry
    shapely.prepare(geom)
    centres = region.centres
    if centres is None or len(centres) == 0:
        k = int(np.clip(n // 150, 3, 60))
        centres = _sample_in(geom, k, rng)
    centre_weight = rng.gamma(2.0, 1.0, len(centres))
    centre_weight /= centre_weight.sum()
    idx = rng.choice(len(centres), size=n, p=centre_weight)
    xy = np.empty((n, 2))
    todo = np.arange(n)
    lat_scale = np.cos(np.radians(np.clip(centres[:, 1], -80, 80)))
    sigma = cluster_km / KM_PER_DEGREE
    for _ in range(30):
        if len(todo) == 0:
            break
        c = idx[todo]
        cand = centres[c] + rng.normal(0.0, sigma, (len(todo), 2)) / np.column_stack(
            [lat_scale[c], np.ones(len(todo))]
        )
        ok = shapely.contains_xy(geom, cand[:, 0], cand[:, 1])
        xy[todo[ok]] = cand[ok]
        todo = todo[~ok]
    if len(todo):  # centres at sea or in slivers: place the rest uniformly in the region
        xy[todo] = _sample_in(geom, len(todo), rng)
    return xy, idx


def _sector_probabilities(code: str, boost: dict[str, dict[str, float]]) -> np.ndarray:
    sector_codes = catalogue.codes(catalogue.SECTORS)
    p = np.array([BASE_SECTOR_MIX.get(s, 0.02) for s in sector_codes])
    for sector, factor in boost.get(code, {}).items():
        p[sector_codes.index(sector)] *= factor
    return p / p.sum()


def _pick(rng: np.random.Generator, choices: Sequence[str], n: int) -> np.ndarray:
    return np.asarray(choices, dtype=object)[rng.integers(0, len(choices), n)]


def generate_enterprises(
    regions: Sequence[Region], options: DemoOptions | None = None
) -> tuple[pd.DataFrame, np.ndarray]:
    """Enterprise attributes (schema columns) and their lon/lat, deterministic for a seed."""
    opt = options or DemoOptions()
    rng = np.random.default_rng(opt.seed)
    weights = np.array([max(r.weight, 0.0) for r in regions], dtype=float)
    if weights.sum() <= 0:
        weights = np.ones(len(regions))
    counts = rng.multinomial(opt.count, weights / weights.sum())
    boost = opt.sector_boost or BABEL_SECTOR_BOOST
    sector_codes = np.asarray(catalogue.codes(catalogue.SECTORS), dtype=object)

    xy_parts, kab, desa, sektor = [], [], [], []
    for region, n in zip(regions, counts):
        if n == 0:
            continue
        xy, centre_idx = _clustered_points(region, int(n), rng, opt.cluster_km)
        xy_parts.append(xy)
        kab.append(np.full(n, region.code, dtype=object))
        if region.centre_codes is not None and region.centres is not None:
            desa.append(np.asarray(region.centre_codes, dtype=object)[centre_idx])
        else:
            desa.append(np.full(n, None, dtype=object))
        p = _sector_probabilities(region.code, boost)
        sektor.append(sector_codes[rng.choice(len(p), size=n, p=p)])
    n = int(counts.sum())
    xy = np.vstack(xy_parts) if xy_parts else np.empty((0, 2))
    kab_a = np.concatenate(kab) if kab else np.empty(0, dtype=object)
    desa_a = np.concatenate(desa) if desa else np.empty(0, dtype=object)
    sektor_a = np.concatenate(sektor) if sektor else np.empty(0, dtype=object)
    return _attributes(n, kab_a, desa_a, sektor_a, rng, opt), xy


def _attributes(
    n: int,
    kab: np.ndarray,
    desa: np.ndarray,
    sektor: np.ndarray,
    rng: np.random.Generator,
    opt: DemoOptions,
) -> pd.DataFrame:
    stage_codes = np.asarray(catalogue.codes(catalogue.STAGES), dtype=object)
    stage_i = rng.choice(3, size=n, p=STAGE_MIX)
    is_food = np.isin(sektor, ["makanan", "minuman"])
    woman = rng.random(n) < opt.women_share
    krtp = woman & (rng.random(n) < opt.krtp_share_of_women)

    def by_stage(p: tuple[float, float, float]) -> np.ndarray:
        return rng.random(n) < np.asarray(p)[stage_i]

    workers = 1 + rng.poisson(np.array([0.5, 2.5, 7.0])[stage_i])
    women_workers = rng.binomial(workers, 0.75)
    capital = np.round(rng.lognormal(np.log([3e6, 15e6, 60e6])[stage_i], 0.6), -4)
    turnover = np.round(rng.lognormal(np.log([2e6, 8e6, 30e6])[stage_i], 0.5), -4)
    reach = np.asarray(catalogue.codes(catalogue.MARKET_REACH), dtype=object)
    reach_p = np.array([[0.85, 0.12, 0.03, 0.0], [0.45, 0.4, 0.13, 0.02], [0.1, 0.35, 0.4, 0.15]])
    cum = reach_p.cumsum(axis=1)[stage_i]
    reach_i = (rng.random(n)[:, None] > cum).sum(axis=1)
    trained = by_stage((0.3, 0.65, 0.85))
    aided = by_stage((0.25, 0.5, 0.6))
    status = np.where(stage_i == 2, "mandiri", np.where(trained | aided, "dibina", "belum"))

    kab = kab.astype(str)  # region codes: kabupaten (19.01), kecamatan or desa codes
    kab_digits = np.char.replace(np.asarray([k[:5] for k in kab], dtype=str), ".", "")
    kab_digits = np.char.ljust(kab_digits, 4, "0")
    kec_digits = np.where(
        desa != None,  # noqa: E711 (element-wise comparison)
        np.char.ljust(np.char.replace(desa.astype(str), ".", ""), 6, "0"),
        np.char.add(kab_digits, "01"),
    )
    kec_digits = np.asarray([s[4:6] for s in kec_digits], dtype=object)
    day = rng.integers(1, 29, n) + np.where(woman, 40, 0)
    month = rng.integers(1, 13, n)
    yy = rng.integers(60, 100, n)
    serial = (np.arange(n) % 9999) + 1
    nik = [
        f"{k}{c}{d:02d}{m:02d}{y:02d}{s:04d}"
        for k, c, d, m, y, s in zip(kab_digits, kec_digits, day, month, yy, serial)
    ]
    first = np.where(woman, _pick(rng, _WOMEN, n), _pick(rng, _MEN, n))
    owner = np.char.add(np.char.add(first.astype(str), " "), _pick(rng, _FAMILY, n).astype(str))
    product = np.array([rng.choice(_PRODUCTS[s]) for s in sektor], dtype=object) if n else sektor
    business = [f"{p} {f}" for p, f in zip(product, first)]
    kbli_of = {s.code: s.kbli for s in catalogue.SECTORS}
    kbli = np.array([kbli_of[s] for s in sektor], dtype=object)
    uids = _uuids(rng, n)
    created = pd.Timestamp(f"{opt.year - 1}-06-01") + pd.to_timedelta(rng.integers(0, 300, n), "D")
    frame = pd.DataFrame({
        "uid": uids,
        "nama_usaha": business,
        "sektor": sektor,
        "produk_utama": product,
        "kbli": kbli,
        "tahap": stage_codes[stage_i],
        "tahun_mulai": opt.year - 1 - rng.geometric(0.15, n).clip(0, 40) - stage_i * 2,
        "jumlah_pekerja": workers,
        "pekerja_perempuan": women_workers,
        "modal_rp": capital,
        "omzet_bulanan_rp": turnover,
        "nama_pemilik": owner,
        "nik": nik,
        "jenis_kelamin_pemilik": np.where(woman, "P", "L"),
        "krtp": krtp,
        "telepon": [f"08{v:010d}" for v in rng.integers(1_100_000_000, 9_999_999_999, n)],
        "alamat": [
            f"{s} No. {k}" for s, k in zip(_pick(rng, _STREETS, n), rng.integers(1, 200, n))
        ],
        "izin_pirt": by_stage((0.25, 0.6, 0.9)) & is_food,
        "izin_nib": by_stage((0.3, 0.7, 0.95)),
        "izin_halal": by_stage((0.05, 0.3, 0.7)) & is_food,
        "izin_bpom": by_stage((0.0, 0.05, 0.3)) & is_food,
        "pemasaran": reach[np.minimum(reach_i, 3)],
        "pemasaran_online": by_stage((0.2, 0.5, 0.8)),
        "pelatihan": trained,
        "pelatihan_program": np.where(trained, _pick(rng, _PROGRAMMES, n), None),
        "pelatihan_tahun": np.where(trained, rng.integers(2018, opt.year, n), -1),
        "bantuan": aided,
        "bantuan_program": np.where(aided, _pick(rng, _AID, n), None),
        "bantuan_tahun": np.where(aided, rng.integers(2018, opt.year, n), -1),
        "status_binaan": status,
        "kode_desa": [d if isinstance(d, str) else (k if len(k) >= 13 else None)
                      for d, k in zip(desa, kab)],
        "kode_kecamatan": [d[:8] if isinstance(d, str) else (k[:8] if len(k) >= 8 else None)
                           for d, k in zip(desa, kab)],
        "kode_kabupaten": [k[:5] for k in kab],
        "catatan": None,
        "dibuat": created,
        "diubah": created,
        "diubah_oleh": "demo",
    })
    for col in ("pelatihan_tahun", "bantuan_tahun"):
        frame[col] = frame[col].astype("Int64").where(frame[col] > 0)
    _publication(frame, stage_i, np.random.default_rng([opt.seed, n, 3]))
    return frame[schema.field_names(schema.ENTERPRISE_FIELDS)]


def _publication(frame: pd.DataFrame, stage_i: np.ndarray, rng: np.random.Generator) -> None:
    """Schema 3's photo, business contact and consent fields: about a third of the owners
    agree to publication (more among the advanced stages, who sell further), a third of
    those to their exact point, a quarter to their name. No photos: the demo has no files.

    Drawn from a generator of their own so that every older field keeps its demo values.
    """
    n = len(frame)
    consent = rng.random(n) < np.array([0.25, 0.4, 0.6])[stage_i] if n else np.zeros(0, bool)
    when = frame["dibuat"] + pd.to_timedelta(rng.integers(1, 60, n), "D")
    online = frame["pemasaran_online"].to_numpy(bool)
    contact = [f"wa.me/628{v:09d}" if c else None
               for v, c in zip(rng.integers(100_000_000, 999_999_999, n), consent & online)]
    frame["foto"] = None
    frame["kontak_usaha"] = contact
    frame["izin_publikasi"] = consent
    frame["izin_publikasi_tanggal"] = when.where(consent)
    frame["izin_lokasi_tepat"] = consent & (rng.random(n) < 0.35)
    frame["izin_nama_pemilik"] = consent & (rng.random(n) < 0.25)


def _uuids(rng: np.random.Generator, n: int) -> list[str]:
    raw = rng.bytes(16 * n)
    return [str(uuid.UUID(bytes=raw[16 * i: 16 * i + 16], version=4)) for i in range(n)]


# Services per regency by type: (min, max) count; capacity (enterprises served per year).
SERVICE_PLAN: dict[str, tuple[int, int, float]] = {
    "pelatihan": (1, 2, 120.0),
    "pasar": (3, 7, 400.0),
    "galeri_dekranasda": (1, 1, 80.0),
    "bank_kur": (3, 6, 250.0),
    "plut_kumkm": (0, 1, 150.0),
    "pendamping_halal": (1, 3, 60.0),
    "dinkes_pirt": (1, 1, 200.0),
    "pos_logistik": (1, 3, 500.0),
}


def generate_services(
    regions: Sequence[Region],
    seed: int = 7,
    capitals: dict[str, tuple[float, float]] | None = None,
    ports: Sequence[tuple[str, float, float, str]] = (),
    scale: float = 1.0,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Plausible service points: offices at the regency capital, markets and banks at villages.

    ``capitals`` maps a region code to its capital's lon/lat; ``ports`` are real logistics
    points (name, lon, lat, regency code) added as ``pos_logistik``. ``scale`` multiplies the
    counts (benchmarks ask for thousands).
    """
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    xy: list[tuple[float, float]] = []
    labels = catalogue.label_map(catalogue.SERVICE_TYPES)
    for region in regions:
        cap = (capitals or {}).get(region.code)
        if cap is None:
            pt = shapely.point_on_surface(region.geometry)
            cap = (pt.x, pt.y)
        for jenis, (lo, hi, capacity) in SERVICE_PLAN.items():
            k = round(rng.integers(lo, hi + 1) * scale)
            if jenis in ("dinkes_pirt", "galeri_dekranasda", "pelatihan") and k:
                pts = [cap] + [tuple(p) for p in _near_centres(region, k - 1, rng)]
            else:
                pts = [tuple(p) for p in _near_centres(region, k, rng)]
            for i, (x, y) in enumerate(pts, start=1):
                rows.append({
                    "jenis": jenis, "nama": f"{labels[jenis]} {region.name} {i}",
                    "kapasitas": float(round(capacity * rng.uniform(0.6, 1.4))),
                    "kode_kabupaten": region.code[:5], "alamat": None, "sumber": "demo",
                })
                xy.append((x, y))
    for name, lon, lat, code in ports:
        rows.append({"jenis": "pos_logistik", "nama": f"Pelabuhan {name}",
                     "kapasitas": 500.0, "kode_kabupaten": code, "alamat": None,
                     "sumber": "Kemenhub SIMPEL 2017"})
        xy.append((lon, lat))
    frame = pd.DataFrame(rows, columns=[f for f in schema.field_names(schema.SERVICE_FIELDS)
                                        if f != "uid"])
    frame.insert(0, "uid", _uuids(rng, len(frame)))
    return frame, np.asarray(xy, dtype=float).reshape(-1, 2)


def _near_centres(region: Region, k: int, rng: np.random.Generator) -> np.ndarray:
    if k <= 0:
        return np.empty((0, 2))
    if region.centres is not None and len(region.centres):
        inside = region.centres[shapely.contains_xy(region.geometry, *region.centres.T)]
        if len(inside):
            return inside[rng.integers(0, len(inside), k)]
    return _sample_in(region.geometry, k, rng)
