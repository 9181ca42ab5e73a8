"""Data terpilah: the standard sex-disaggregated tables an office hands in, with metadata.

Tables (pandas, Indonesian headings, a ``Jumlah`` row per region and a ``Semua wilayah``
block, ``Jumlah`` columns): enterprises by owner's sex x sector x stage; workers by sex;
KRTP; programme participation by sex; stage progression by sex (from ``progression``).
Totals are computed before the small-count rule of ``report_tables`` is applied (counts 1-2
shown as "<3" when ``suppress``), so a total is always the true total. Shares and worker
sums resting on 1-2 enterprises (as numerator or base) are hidden ("–"). The metadata (Satu
Data style) is plain data for a metadata sheet. Pure core: numpy, pandas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import progression as pg
from industri_rumahan_plugin.core import report_tables as rt
from industri_rumahan_plugin.core.catalogue import UNFILLED
from industri_rumahan_plugin.core.density import category_codes

TOTAL = "Jumlah"
ALL_REGIONS = "Semua wilayah"
REGION, SECTOR, SEX, PROGRAMME = "Wilayah", "Sektor", "Jenis kelamin pemilik", "Program"
SHEETS = ("usaha_jk_sektor_tahap", "pekerja_jk", "krtp", "program_jk", "naik_kelas_jk")


def _with_totals(counts: np.ndarray) -> np.ndarray:
    """Append a total along every axis (the last index of each axis is then the total)."""
    for axis in range(counts.ndim):
        counts = np.concatenate([counts, counts.sum(axis=axis, keepdims=True)], axis=axis)
    return counts


def _cross(dims: Sequence[tuple[np.ndarray, int]], weights: np.ndarray | None = None
           ) -> np.ndarray:
    """Counts (or weighted sums) over every combination of coded dimensions, with totals."""
    key = np.zeros(len(dims[0][0]), dtype=np.int64)
    shape = []
    for codes, k in dims:
        key = key * k + codes
        shape.append(k)
    flat = np.bincount(key, weights=weights, minlength=int(np.prod(shape)))
    return _with_totals(flat.reshape(shape))


def _used(codes: np.ndarray, labels: list[str]) -> list[str]:
    """Labels, without 'not filled in' when no value uses it (it stays when it is used)."""
    return labels if (codes == len(labels) - 1).any() else labels[:-1]


def _code(frame: pd.DataFrame, column: str, known: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    return category_codes(frame[column].to_numpy(object), known)


def sex_label(code: str) -> str:
    entry = catalogue.by_code(catalogue.SEX, code)
    return catalogue.unfilled_label() if entry is None else entry.label("id")


def _region_labels(labels: Sequence[str], names: Mapping[str, str] | None) -> list[str]:
    return [(names or {}).get(c, catalogue.unfilled_label() if c == UNFILLED else c)
            for c in labels] + [ALL_REGIONS]


def _suppress(frame: pd.DataFrame, columns: Sequence[str], suppress: bool) -> pd.DataFrame:
    if suppress:
        for col in columns:
            frame[col] = [rt.count_cell(v) for v in frame[col]]
    return frame


def _small(counts: np.ndarray) -> np.ndarray:
    counts = np.asarray(counts, dtype=float)
    return (counts > 0) & (counts < rt.SMALL)


def _share(part: np.ndarray, whole: np.ndarray, hide: np.ndarray, suppress: bool) -> list:
    """Percentages (1 decimal); NaN without a base; "–" where ``hide`` (when suppressing)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(whole > 0, np.round(100.0 * part / np.where(whole > 0, whole, 1), 1),
                         np.nan)
    return [rt.HIDDEN if suppress and h else float(v) for h, v in zip(hide, share)]


def _drop_empty(frame: pd.DataFrame, total_col: str, label_col: str) -> pd.DataFrame:
    """Drop the zero rows of categories (keep every region's ``Jumlah`` row)."""
    return frame[(frame[total_col] > 0) | (frame[label_col] == TOTAL)].reset_index(drop=True)


def enterprises_by_sex_sector_stage(enterprises: pd.DataFrame, level: str = "kabupaten",
                                    regions: Sequence[str] | None = None,
                                    names: Mapping[str, str] | None = None,
                                    suppress: bool = False) -> pd.DataFrame:
    """Rows: region x sector (+ Jumlah); columns: owner's sex x stage (+ Jumlah)."""
    reg, reg_labels = pg.region_codes(enterprises, level, regions)
    sec, sec_labels = _code(enterprises, "sektor", catalogue.codes(catalogue.SECTORS))
    sex, sex_labels = _code(enterprises, "jenis_kelamin_pemilik", catalogue.codes(catalogue.SEX))
    stg, stg_labels = _code(enterprises, "tahap", catalogue.codes(catalogue.STAGES))
    cube = _cross([(reg, len(reg_labels)), (sec, len(sec_labels)), (sex, len(sex_labels)),
                   (stg, len(stg_labels))])
    sexes = [i for i, c in enumerate(sex_labels) if c in _used(sex, sex_labels)]
    stages = [i for i, c in enumerate(stg_labels) if c in _used(stg, stg_labels)]
    columns: list[tuple[str, int, int]] = []
    for x in sexes:
        columns += [(f"{sex_label(sex_labels[x])} – {rt.stage_label(stg_labels[t])}", x, t)
                    for t in stages]
        columns.append((f"{sex_label(sex_labels[x])} – {TOTAL}", x, -1))
    columns.append((TOTAL, -1, -1))
    rows = []
    region_names = _region_labels(reg_labels, names)
    sector_names = [rt.sector_label(c) for c in sec_labels] + [TOTAL]
    for r, region in enumerate(region_names):
        for s, sector in enumerate(sector_names):
            rows.append([region, sector, *(int(cube[r, s, x, t]) for _, x, t in columns)])
    frame = pd.DataFrame(rows, columns=[REGION, SECTOR, *(c[0] for c in columns)])
    frame = _drop_empty(frame, TOTAL, SECTOR)
    return _suppress(frame, [c[0] for c in columns], suppress)


def _worker_numbers(enterprises: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    total = pd.to_numeric(enterprises["jumlah_pekerja"], errors="coerce").to_numpy(float)
    women = pd.to_numeric(enterprises["pekerja_perempuan"], errors="coerce").to_numpy(float)
    known = np.isfinite(total) & np.isfinite(women)
    women = np.where(known, np.minimum(women, total), 0.0)
    men = np.where(known, np.maximum(total - women, 0.0), 0.0)
    return known, women, men


def workers_by_sex(enterprises: pd.DataFrame, level: str = "kabupaten",
                   regions: Sequence[str] | None = None, names: Mapping[str, str] | None = None,
                   suppress: bool = False) -> pd.DataFrame:
    """Rows: region x owner's sex (+ Jumlah); workers by sex. An enterprise without both
    worker fields is counted under ``Usaha tanpa data pekerja`` and left out of the sums."""
    reg, reg_labels = pg.region_codes(enterprises, level, regions)
    sex, sex_labels = _code(enterprises, "jenis_kelamin_pemilik", catalogue.codes(catalogue.SEX))
    known, women, men = _worker_numbers(enterprises)
    dims = [(reg, len(reg_labels)), (sex, len(sex_labels))]
    n_all, n_known = _cross(dims), _cross(dims, known.astype(float))
    w, m = _cross(dims, women), _cross(dims, men)
    sexes = [i for i, c in enumerate(sex_labels) if c in _used(sex, sex_labels)] + [-1]
    rows = []
    for r, region in enumerate(_region_labels(reg_labels, names)):
        for x in sexes:
            label = TOTAL if x == -1 else sex_label(sex_labels[x])
            hide = suppress and 0 < n_known[r, x] < rt.SMALL
            sums = [rt.HIDDEN if hide else int(v) for v in (w[r, x], m[r, x], w[r, x] + m[r, x])]
            rows.append([region, label, int(n_all[r, x]), int(n_all[r, x] - n_known[r, x]),
                         *sums])
    heads = ["Jumlah usaha", "Usaha tanpa data pekerja", "Pekerja perempuan",
             "Pekerja laki-laki", "Jumlah pekerja"]
    frame = _drop_empty(pd.DataFrame(rows, columns=[REGION, SEX, *heads]), "Jumlah usaha", SEX)
    return _suppress(frame, heads[:2], suppress)


def krtp_table(enterprises: pd.DataFrame, level: str = "kabupaten",
               regions: Sequence[str] | None = None, names: Mapping[str, str] | None = None,
               suppress: bool = False) -> pd.DataFrame:
    """Rows: regions (+ Semua wilayah); women-owned enterprises, KRTP among them by stage and
    the KRTP share of women-owned enterprises (a KRTP flag on a man's enterprise is ignored)."""
    reg, reg_labels = pg.region_codes(enterprises, level, regions)
    stg, stg_labels = _code(enterprises, "tahap", catalogue.codes(catalogue.STAGES))
    woman = enterprises["jenis_kelamin_pemilik"].to_numpy(object) == "P"
    krtp = pg.truthy(enterprises["krtp"].to_numpy(object))[0] & woman
    dims = [(reg, len(reg_labels)), (stg, len(stg_labels))]
    women_n = _cross(dims, woman.astype(float))[:, -1]
    by_stage = _cross(dims, krtp.astype(float))
    stages = [i for i, c in enumerate(stg_labels) if c in _used(stg, stg_labels)]
    frame = pd.DataFrame({REGION: _region_labels(reg_labels, names),
                          "Usaha milik perempuan": women_n.astype(int)})
    for t in stages:
        frame[f"KRTP – {rt.stage_label(stg_labels[t])}"] = by_stage[:, t].astype(int)
    frame[f"KRTP – {TOTAL}"] = by_stage[:, -1].astype(int)
    frame["KRTP (% usaha milik perempuan)"] = _share(
        by_stage[:, -1], women_n, _small(by_stage[:, -1]) | _small(women_n), suppress)
    return _suppress(frame, [c for c in frame.columns[1:] if "%" not in c], suppress)


def participation_by_sex(enterprises: pd.DataFrame, participation: pd.DataFrame,
                         by: str = "program", years: tuple[int, int] | None = None,
                         level: str = "kabupaten", regions: Sequence[str] | None = None,
                         names: Mapping[str, str] | None = None,
                         suppress: bool = False) -> pd.DataFrame:
    """Rows: region x programme (``by="program"``) or kind (``by="jenis"``), plus ``Jumlah``
    = enterprises with any; columns: owner's sex. Unit: enterprises (each counted once per
    programme however often it took part), participation years within ``years``."""
    reg, reg_labels = pg.region_codes(enterprises, level, regions)
    sex, sex_labels = _code(enterprises, "jenis_kelamin_pemilik", catalogue.codes(catalogue.SEX))
    entries = catalogue.PROGRAMMES if by == "program" else catalogue.PARTICIPATION_KINDS
    ent = pg.enterprise_index(enterprises["uid"].to_numpy(object), participation["uid"])
    year = pd.to_numeric(participation["tahun"], errors="coerce").to_numpy(float)
    ok = ent >= 0
    if years is not None:
        ok &= (year >= years[0]) & (year <= years[1])
    codes, labels = category_codes(participation[by].to_numpy(object)[ok],
                                   catalogue.codes(entries))
    took = np.zeros((len(enterprises), len(labels) + 1), dtype=bool)
    took[ent[ok], codes] = True
    took[:, -1] = took[:, :-1].any(axis=1)
    dims = [(reg, len(reg_labels)), (sex, len(sex_labels))]
    cube = np.stack([_cross(dims, took[:, j].astype(float)) for j in range(took.shape[1])],
                    axis=1)  # (regions+1, programmes+1, sexes+1)
    sexes = [i for i, c in enumerate(sex_labels) if c in _used(sex, sex_labels)] + [-1]
    heads = [TOTAL if x == -1 else sex_label(sex_labels[x]) for x in sexes]
    prog_names = [e.label("id") if (e := catalogue.by_code(entries, c)) else
                  (catalogue.unfilled_label() if c == UNFILLED else c) for c in labels]
    rows = []
    for r, region in enumerate(_region_labels(reg_labels, names)):
        for j, prog in enumerate([*prog_names, TOTAL]):
            rows.append([region, prog, *(int(cube[r, j, x]) for x in sexes)])
    label = PROGRAMME if by == "program" else "Jenis kegiatan"
    frame = _drop_empty(pd.DataFrame(rows, columns=[REGION, label, *heads]), TOTAL, label)
    return _suppress(frame, heads, suppress)


def progression_by_sex(result: pg.Progression, names: Mapping[str, str] | None = None,
                       suppress: bool = False) -> pd.DataFrame:
    """Rows: region x owner's sex (+ Jumlah); columns: the classes, moved up, the base and the
    share moved up (hidden when 1-2 moved up or the base is 1-2)."""
    labels, values = result.tallies["jenis_kelamin_pemilik"]
    _, totals = result.tallies[pg.ALL]
    measures = list(pg.MEASURES)
    keep = [*pg.CLASSES, "naik", "basis"]
    heads = [pg.CLASS_LABELS[c][0] for c in pg.CLASSES] + ["Naik kelas", "Basis (aktif awal "
                                                           "dan akhir)"]
    rows = []
    for r, region in enumerate(_region_labels(result.regions, names)):
        for x, code in [*enumerate(labels), (-1, TOTAL)]:
            vec = totals[r, 0] if x == -1 else values[r, x]
            if x != -1 and vec[:len(pg.CLASSES)].sum() == 0:
                continue
            cells = [int(vec[measures.index(k)]) for k in keep]
            rows.append([region, TOTAL if x == -1 else sex_label(code), *cells])
    frame = pd.DataFrame(rows, columns=[REGION, SEX, *heads])
    naik, basis = frame["Naik kelas"].to_numpy(float), frame[heads[-1]].to_numpy(float)
    frame["Naik kelas (%)"] = _share(naik, basis, _small(naik) | _small(basis), suppress)
    return _suppress(frame, heads, suppress)


SMALL_RULE = ("Sel berisi 1–2 usaha ditampilkan sebagai \"<3\"; persentase dan jumlah pekerja "
              "yang bertumpu pada 1–2 usaha ditampilkan \"–\". Baris dan kolom Jumlah dihitung "
              "dari angka sebenarnya sebelum aturan ini diterapkan.")
NO_SMALL_RULE = ("Tidak diterapkan: semua sel menampilkan angka sebenarnya (untuk penggunaan "
                 "internal).")
_IR = ("Industri rumahan (IR): usaha skala mikro yang menghasilkan barang dan dikerjakan di rumah "
       "(Permen PPPA No. 2 Tahun 2016), tahap IR 1 Pemula, IR 2 Berkembang, IR 3 Maju.")
_META: dict[str, dict[str, str]] = {
    "usaha_jk_sektor_tahap": {
        "judul": "Jumlah industri rumahan menurut jenis kelamin pemilik, sektor, tahap dan wilayah",
        "konsep": _IR,
        "definisi": "Banyaknya usaha yang tercatat, dipilah menurut jenis kelamin pemilik, "
                    "sektor (dengan divisi KBLI 2020) dan tahap yang berlaku saat data diambil.",
        "klasifikasi": "Wilayah; sektor; jenis kelamin pemilik (perempuan, laki-laki); tahap.",
        "satuan": "usaha"},
    "pekerja_jk": {
        "judul": "Jumlah pekerja industri rumahan menurut jenis kelamin dan jenis kelamin pemilik",
        "konsep": "Pekerja: orang yang bekerja di usaha, termasuk pemilik bila ikut berproduksi.",
        "definisi": "Pekerja perempuan = isian 'pekerja perempuan'; pekerja laki-laki = jumlah "
                    "pekerja dikurangi pekerja perempuan. Usaha tanpa kedua isian tidak "
                    "dijumlahkan dan dihitung pada kolom 'Usaha tanpa data pekerja'.",
        "klasifikasi": "Wilayah; jenis kelamin pemilik; jenis kelamin pekerja.",
        "satuan": "orang (pekerja); usaha (jumlah usaha)"},
    "krtp": {
        "judul": "Industri rumahan milik perempuan kepala rumah tangga (KRTP) menurut tahap",
        "konsep": "KRTP: perempuan yang menjadi kepala rumah tangga.",
        "definisi": "Usaha milik perempuan yang pemiliknya ditandai KRTP; persentase terhadap "
                    "seluruh usaha milik perempuan di wilayah itu.",
        "klasifikasi": "Wilayah; tahap.",
        "satuan": "usaha; persen"},
    "program_jk": {
        "judul": "Industri rumahan yang mengikuti program menurut jenis kelamin pemilik",
        "konsep": "Partisipasi: keikutsertaan usaha dalam pelatihan, bantuan, hibah peralatan, "
                  "pendampingan atau kegiatan pemasaran sebuah program (P2WKSS, PRIMA, DRPPA, "
                  "program IR KemenPPPA, Dekranasda, program daerah, lainnya).",
        "definisi": "Banyaknya usaha yang paling sedikit sekali tercatat ikut program dalam "
                    "periode; baris Jumlah = usaha yang ikut program apa pun (tiap usaha "
                    "dihitung sekali).",
        "klasifikasi": "Wilayah; program; jenis kelamin pemilik.",
        "satuan": "usaha"},
    "naik_kelas_jk": {
        "judul": "Kenaikan kelas industri rumahan menurut jenis kelamin pemilik",
        "konsep": "Naik kelas: pindah ke tahap yang lebih tinggi (IR 1 → IR 2 → IR 3) dalam "
                  "periode.",
        "definisi": "Tahap awal = tahap terakhir yang tercatat pada atau sebelum tanggal awal; "
                    "tahap akhir = tahap terakhir pada atau sebelum tanggal akhir. Naik kelas (%) "
                    "= (naik satu + naik dua kelas) / usaha yang aktif pada awal dan akhir "
                    "periode. Usaha baru masuk dan tutup tidak termasuk penyebut.",
        "klasifikasi": "Wilayah; jenis kelamin pemilik; kelas perpindahan.",
        "satuan": "usaha; persen"},
}


def metadata(period: str, source: str, suppress: bool = True,
             sheets: Sequence[str] = SHEETS) -> list[dict[str, str]]:
    """One dict per table, Satu Data style: tabel, judul, konsep, definisi, klasifikasi,
    satuan, sumber, periode, aturan_sel_kecil (for an XLSX metadata sheet)."""
    rule = SMALL_RULE if suppress else NO_SMALL_RULE
    return [{"tabel": name, **_META[name], "sumber": source, "periode": period,
             "aturan_sel_kecil": rule} for name in sheets]


def standard_tables(enterprises: pd.DataFrame, participation: pd.DataFrame | None = None,
                    result: pg.Progression | None = None, level: str = "kabupaten",
                    regions: Sequence[str] | None = None,
                    names: Mapping[str, str] | None = None, years: tuple[int, int] | None = None,
                    suppress: bool = True) -> dict[str, pd.DataFrame]:
    """Every table that the inputs allow, by sheet name (in ``SHEETS`` order)."""
    common = {"level": level, "regions": regions, "names": names, "suppress": suppress}
    tables = {"usaha_jk_sektor_tahap": enterprises_by_sex_sector_stage(enterprises, **common)}
    if {"jumlah_pekerja", "pekerja_perempuan"} <= set(enterprises.columns):
        tables["pekerja_jk"] = workers_by_sex(enterprises, **common)
    if "krtp" in enterprises:
        tables["krtp"] = krtp_table(enterprises, **common)
    if participation is not None:
        tables["program_jk"] = participation_by_sex(enterprises, participation, years=years,
                                                    **common)
    if result is not None:
        tables["naik_kelas_jk"] = progression_by_sex(result, names, suppress)
    return tables
