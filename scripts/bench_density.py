"""Benchmark (not a test): our densitybyregion / heatmap vs QGIS's natives, via qgis_process.

    scripts/bench density [--count 1000000] [--seed 7] [--radius 5000] [--pixel 1000] [--repeat 3]

1,000,000 generated enterprises over Indonesia's 514 regencies (cached under out/bench/).
Runs, each as its own ``qgis_process`` (plugin installed in a temporary profile):
ours ``industrirumahan:densitybyregion`` (sector x stage breakdown) vs
``native:countpointsinpolygon`` (totals only); ours ``industrirumahan:heatmap`` vs
``qgis:heatmapkerneldensityestimation`` on the same points (EPSG:6933, metres), radius and
pixel size. Each case runs ``--repeat`` times, interleaved with the others so that load from
other processes hits all of them alike; the best wall times are compared. Prints the load
average, wall times, ratios and each process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
REGENCIES = REPO.parent / "shared" / "data" / "idn_adm2_kabkota_cahyadsn.geojson"
OUT = REPO / "out" / "bench"

import plugin_install  # noqa: E402  (scripts/ is not a package)


def build_points(count: int, seed: int) -> tuple[Path, Path]:
    """The enterprises GeoPackage (EPSG:4326) and a metric copy for the heatmaps (EPSG:6933)."""
    import pyogrio
    import shapely

    from industri_rumahan_plugin.core import demo

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"usaha_{count}_{seed}.gpkg"
    metric = OUT / f"usaha_{count}_{seed}_6933.gpkg"
    if path.exists() and metric.exists():
        return path, metric
    t0 = time.perf_counter()
    frame = pyogrio.read_dataframe(REGENCIES)
    regions = [demo.Region(code=k, name=n, geometry=g, weight=float(p or 0))
               for k, n, g, p in zip(frame["kode"], frame["nama"], frame.geometry.values,
                                     frame["penduduk_total"])]
    attrs, xy = demo.generate_enterprises(regions, demo.DemoOptions(count=count, seed=seed))
    import geopandas as gpd

    gdf = gpd.GeoDataFrame(attrs, geometry=shapely.points(xy), crs="EPSG:4326")
    for col in ("dibuat", "diubah"):
        gdf[col] = gdf[col].astype(str)
    pyogrio.write_dataframe(gdf, path, layer="usaha", driver="GPKG")
    small = gdf[["sektor", "tahap", "geometry"]].to_crs("EPSG:6933")
    pyogrio.write_dataframe(small, metric, layer="usaha", driver="GPKG")
    print(f"generated {len(gdf):,} enterprises in {time.perf_counter() - t0:.1f} s -> {path}")
    return path, metric


def run(profiles: Path, args: list[str]) -> tuple[float, float]:
    """Run qgis_process ARGS; returns (wall seconds, peak RSS in MB of that process).

    The peak comes from GNU time (a fork of this big Python would inherit its high-water mark).
    """
    env = plugin_install.qgis_env(profiles)
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss:
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name,
                               plugin_install.QGIS_PROCESS_BIN, *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wall = time.perf_counter() - t0
        peak = float(Path(rss.name).read_text().split()[-1]) / 1024.0
    if proc.returncode != 0:
        print(proc.stdout[-3000:])
        raise SystemExit(f"qgis_process {' '.join(args[:2])} failed ({proc.returncode})")
    return wall, peak


def compare(profiles: Path, cases: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Run the cases in turn ``repeat`` times (so that other load hits all of them alike);
    print each case's best and every wall time, and its peak; returns the best times."""
    walls: dict[str, list[float]] = {label: [] for label in cases}
    peaks: dict[str, float] = dict.fromkeys(cases, 0.0)
    for _ in range(repeat):
        for label, args in cases.items():
            wall, peak = run(profiles, args)
            walls[label].append(wall)
            peaks[label] = max(peaks[label], peak)
    for label, times in walls.items():
        every = ", ".join(f"{t:.1f}" for t in times)
        print(f"  {label:<52} {min(times):6.1f} s (runs {every})   peak {peaks[label]:6.0f} MB")
    return {label: min(times) for label, times in walls.items()} | {
        f"{label} peak": peaks[label] for label in cases}


def ratio(label: str, ours: float, native: float, start: float) -> None:
    net = (ours - start) / max(native - start, 1e-9)
    print(f"  {label}: ours / native = {ours / native:.2f} with start-up, {net:.2f} without "
          "(target <= 0.5)")


def load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--radius", type=float, default=5000.0)
    parser.add_argument("--pixel", type=float, default=1000.0)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each case, interleaved; the best is compared (default 3)")
    opt = parser.parse_args()
    points, metric = build_points(opt.count, opt.seed)
    with tempfile.TemporaryDirectory(prefix="bench_density_") as tmp:
        tmp = Path(tmp)
        plugin_install.install_plugin(tmp, link=True)
        print(f"{opt.count:,} enterprises x 514 regencies (qgis_process, wall time incl. "
              f"start-up, best of {opt.repeat}; {load()})")
        start, ours, native = "start-up only (native:randompointsinextent, 1 point)", \
            "industrirumahan:densitybyregion (sector x stage)", \
            "native:countpointsinpolygon (totals)"
        best = compare(tmp, {
            start: ["run", "native:randompointsinextent", "--", "EXTENT=0,1,0,1 [EPSG:4326]",
                    "POINTS_NUMBER=1", "MIN_DISTANCE=0", "TARGET_CRS=EPSG:4326",
                    f"OUTPUT={tmp / 'one.gpkg'}"],
            ours: ["run", "industrirumahan:densitybyregion", "--",
                   f"INPUT={points}|layername=usaha", f"REGIONS={REGENCIES}",
                   f"OUTPUT={tmp / 'ours.gpkg'}", f"OUTPUT_TABLE={tmp / 'ours_long.csv'}"],
            native: ["run", "native:countpointsinpolygon", "--",
                     f"POLYGONS={REGENCIES}", f"POINTS={points}|layername=usaha",
                     "FIELD=NUMPOINTS", f"OUTPUT={tmp / 'native.gpkg'}"],
        }, opt.repeat)
        ratio("density", best[ours], best[native], best[start])
        print(f"  our peak {best[ours + ' peak']:.0f} MB (target < 2048), "
              f"native {best[native + ' peak']:.0f} MB")
        print(f"heatmap, radius {opt.radius:.0f} m, pixel {opt.pixel:.0f} m, quartic, "
              f"EPSG:6933 ({load()})")
        h_ours, h_native = "industrirumahan:heatmap", "qgis:heatmapkerneldensityestimation"
        best_h = compare(tmp, {
            h_ours: ["run", "industrirumahan:heatmap", "--", f"INPUT={metric}|layername=usaha",
                     f"RADIUS={opt.radius}", f"PIXEL_SIZE={opt.pixel}", "KERNEL=quartic",
                     f"OUTPUT={tmp / 'ours.tif'}"],
            h_native: ["run", "qgis:heatmapkerneldensityestimation", "--",
                       f"INPUT={metric}|layername=usaha", f"RADIUS={opt.radius}",
                       f"PIXEL_SIZE={opt.pixel}", "KERNEL=0", "OUTPUT_VALUE=1",
                       f"OUTPUT={tmp / 'native.tif'}"],
        }, opt.repeat)
        ratio("heatmap", best_h[h_ours], best_h[h_native], best[start])
        print(f"  our peak {best_h[h_ours + ' peak']:.0f} MB, "
              f"native {best_h[h_native + ' peak']:.0f} MB ({load()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
