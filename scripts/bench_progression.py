"""Benchmark (not a test): the naik-kelas kernel on 1,000,000 enterprises x 3 survey years.

    scripts/bench progression [--count 1000000] [--regions 514] [--seed 7] [--repeat 3]

Pure core, no QGIS. Synthetic data made with numpy: enterprises over ``--regions`` regencies
(uneven sizes, 8 districts each), string uids like the real ones, surveys of 2023, 2024 and
2025 (moves up and down, entries, closures: about 3 rows per enterprise) and about 0.6
programme participations per enterprise. Times, best of ``--repeat``: preparing the history
(uid lookup, cleaning, sort), the period 2023-12-31..2025-12-31 (classes + every tally) and
the long table; then one more run under tracemalloc for the kernel's peak allocation, and
the process's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core import progression as pg


def synthetic(count: int, n_regions: int, seed: int):
    """(enterprises, history, participation) frames shaped like the plugin's tables."""
    rng = np.random.default_rng(seed)
    kab = np.array([f"{11 + i // 30:02d}.{1 + i % 30:02d}" for i in range(n_regions)],
                   dtype=object)
    weight = rng.gamma(1.5, 1.0, n_regions)
    region = rng.choice(n_regions, size=count, p=weight / weight.sum())
    uids = np.array([f"{v:032x}" for v in rng.integers(0, 2**63 - 1, count)], dtype=object)
    sectors = np.asarray(catalogue.codes(catalogue.SECTORS), dtype=object)
    woman = rng.random(count) < 0.82
    enterprises = pd.DataFrame({
        "uid": uids,
        "kode_kabupaten": kab[region],
        "kode_kecamatan": np.char.add(kab[region].astype(str),
                                      np.char.mod(".%02d", rng.integers(1, 9, count))),
        "sektor": sectors[rng.integers(0, len(sectors), count)],
        "jenis_kelamin_pemilik": np.where(woman, "P", "L"),
        "krtp": woman & (rng.random(count) < 0.3),
    })
    stage = rng.choice([1, 2, 3], size=count, p=[0.6, 0.3, 0.1])
    first = rng.choice([0, 1, 2], size=count, p=[0.84, 0.09, 0.07])  # entry survey
    ent_parts, stage_parts, day_parts = [], [], []
    codes = np.asarray([*catalogue.codes(catalogue.STAGES), catalogue.CLOSED], dtype=object)
    for y, year in enumerate((2023, 2024, 2025)):
        if y:
            step = rng.choice([-1, 0, 1, 2], size=count, p=[0.03, 0.82, 0.13, 0.02])
            stage = np.clip(stage + step, 1, 3)
        present = np.flatnonzero(first <= y)
        closing = present[rng.random(len(present)) < 0.02]
        day = (np.datetime64(f"{year}-07-01") - np.datetime64("1970-01-01")).astype(int)
        ent_parts += [present, closing]
        stage_parts += [codes[stage[present] - 1], np.full(len(closing), catalogue.CLOSED)]
        day_parts += [day + rng.integers(0, 60, len(present)),
                      day + rng.integers(60, 120, len(closing))]
        first[closing] = 9  # closed: no later survey
    ent = np.concatenate(ent_parts)
    history = pd.DataFrame({
        "uid": uids[ent],
        "tahap": np.concatenate(stage_parts),
        "tanggal_berlaku": np.concatenate(day_parts).astype("datetime64[D]"),
        "sumber": "survei",
    })
    k = int(count * 0.6)
    participation = pd.DataFrame({
        "uid": uids[rng.integers(0, count, k)],
        "jenis": np.asarray(catalogue.codes(catalogue.PARTICIPATION_KINDS), dtype=object)[
            rng.integers(0, len(catalogue.PARTICIPATION_KINDS), k)],
        "program": np.asarray(catalogue.codes(catalogue.PROGRAMMES), dtype=object)[
            rng.integers(0, len(catalogue.PROGRAMMES), k)],
        "tahun": rng.integers(2019, 2026, k),
    })
    return enterprises, history, participation


def run_once(enterprises, history, participation) -> tuple[dict[str, float], pg.Progression]:
    times = {}
    t0 = time.perf_counter()
    prepared = pg.prepare_history(history, enterprises["uid"])
    times["prepare history (uid lookup, sort)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = pg.progression(prepared, enterprises, "2023-12-31", "2025-12-31", "kabupaten",
                            participation=participation)
    times["classify + tallies (all groups, programmes)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    long = result.long_table()
    result.region_table()
    times[f"long table ({len(long):,} rows) + region table"] = time.perf_counter() - t0
    times["total"] = sum(times.values())
    return times, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    opt = parser.parse_args()
    t0 = time.perf_counter()
    enterprises, history, participation = synthetic(opt.count, opt.regions, opt.seed)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(enterprises):,} enterprises, {len(history):,} history rows, "
          f"{len(participation):,} participations over {opt.regions} regencies "
          f"(generated in {time.perf_counter() - t0:.1f} s; peak RSS so far {rss0:.0f} MB)")
    best: dict[str, float] = {}
    for _ in range(opt.repeat):
        times, result = run_once(enterprises, history, participation)
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    for label, seconds in best.items():
        print(f"  {label:<52} {seconds:6.2f} s (best of {opt.repeat})")
    table = result.region_table()
    print(f"  check: {int(table['naik'].sum()):,} moved up of {int(table['basis'].sum()):,} "
          f"present at both ends; classes sum {int(table[list(pg.CLASSES)].sum().sum()):,}")
    tracemalloc.start()
    run_once(enterprises, history, participation)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  kernel peak allocation (tracemalloc) {peak / 2**20:.0f} MB; process peak RSS "
          f"{rss:.0f} MB (data alone {rss0:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
