"""Benchmark (not a test): our densitybyregion / heatmap vs QGIS's natives, via qgis_process.

    scripts/bench density [--count 1000000] [--seed 7] [--radius 5000] [--pixel 1000]

1,000,000 generated enterprises over Indonesia's 514 regencies (cached under out/bench/).
Runs, each as its own ``qgis_process`` (plugin installed in a temporary profile):
ours ``industrirumahan:densitybyregion`` (sector x stage breakdown) vs
``native:countpointsinpolygon`` (totals only); ours ``industrirumahan:heatmap`` vs
``qgis:heatmapkerneldensityestimation`` on the same points (EPSG:6933, metres), radius and
pixel size. Prints wall times, ratios and each process's peak memory.
"""

from __future__ import annotations

import argparse
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


def run(profiles: Path, label: str, args: list[str]) -> tuple[float, float]:
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
        raise SystemExit(f"{label} failed ({proc.returncode})")
    print(f"  {label:<48} {wall:7.1f} s   peak {peak:7.0f} MB")
    return wall, peak


def ratio(label: str, ours: float, native: float, start: float) -> None:
    net = (ours - start) / max(native - start, 1e-9)
    print(f"  {label}: ours / native = {ours / native:.2f} with start-up, {net:.2f} without "
          "(target <= 0.5)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--radius", type=float, default=5000.0)
    parser.add_argument("--pixel", type=float, default=1000.0)
    opt = parser.parse_args()
    points, metric = build_points(opt.count, opt.seed)
    with tempfile.TemporaryDirectory(prefix="bench_density_") as tmp:
        tmp = Path(tmp)
        plugin_install.install_plugin(tmp, link=True)
        print(f"{opt.count:,} enterprises x 514 regencies (qgis_process, wall time incl. "
              "start-up)")
        start, _ = run(tmp, "start-up only (native:randompointsinextent, 1 point)", [
            "run", "native:randompointsinextent", "--", "EXTENT=0,1,0,1 [EPSG:4326]",
            "POINTS_NUMBER=1", "MIN_DISTANCE=0", "TARGET_CRS=EPSG:4326",
            f"OUTPUT={tmp / 'one.gpkg'}"])
        ours, peak = run(tmp, "industrirumahan:densitybyregion (sector x stage)", [
            "run", "industrirumahan:densitybyregion", "--",
            f"INPUT={points}|layername=usaha", f"REGIONS={REGENCIES}",
            f"OUTPUT={tmp / 'ours.gpkg'}", f"OUTPUT_TABLE={tmp / 'ours_long.csv'}"])
        native, native_peak = run(tmp, "native:countpointsinpolygon (totals)", [
            "run", "native:countpointsinpolygon", "--",
            f"POLYGONS={REGENCIES}", f"POINTS={points}|layername=usaha", "FIELD=NUMPOINTS",
            f"OUTPUT={tmp / 'native.gpkg'}"])
        ratio("density", ours, native, start)
        print(f"  our peak {peak:.0f} MB (target < 2048), native {native_peak:.0f} MB")
        print(f"heatmap, radius {opt.radius:.0f} m, pixel {opt.pixel:.0f} m, quartic, EPSG:6933")
        h_ours, h_peak = run(tmp, "industrirumahan:heatmap", [
            "run", "industrirumahan:heatmap", "--", f"INPUT={metric}|layername=usaha",
            f"RADIUS={opt.radius}", f"PIXEL_SIZE={opt.pixel}", "KERNEL=quartic",
            f"OUTPUT={tmp / 'ours.tif'}"])
        h_native, h_native_peak = run(tmp, "qgis:heatmapkerneldensityestimation", [
            "run", "qgis:heatmapkerneldensityestimation", "--",
            f"INPUT={metric}|layername=usaha", f"RADIUS={opt.radius}",
            f"PIXEL_SIZE={opt.pixel}", "KERNEL=0", "OUTPUT_VALUE=1",
            f"OUTPUT={tmp / 'native.tif'}"])
        ratio("heatmap", h_ours, h_native, start)
        print(f"  our peak {h_peak:.0f} MB, native {h_native_peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
