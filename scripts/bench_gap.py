"""Benchmark (not a test): our nearestservice vs QGIS's nearest-hub and join-by-nearest.

    scripts/bench gap [--count 1000000] [--services 5000] [--seed 7] [--quick] [--skip-hub]

1,000,000 generated enterprises over Indonesia's 514 regencies and 5,000 generated services
(cached under out/bench/). Each run is its own ``qgis_process`` (plugin installed in a
temporary profile), same inputs, GeoPackage outputs:
ours ``industrirumahan:nearestservice`` (all services as one type, like the natives; then per
service type, 8 nearest per enterprise) vs ``qgis:distancetonearesthubpoints`` (~230 s on 1M)
and ``native:joinbynearest``. Then the E2SFCA kernel on 100,000 x 1,000 in this process.
``--quick`` uses 100,000 enterprises for development. Prints wall times, ratios, peak memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
OUT = REPO / "out" / "bench"

import plugin_install  # noqa: E402  (scripts/ is not a package)
from bench_density import REGENCIES, build_points  # noqa: E402
from bench_density import run as run_qgis_process  # noqa: E402


def build_services(count: int, seed: int) -> Path:
    """``count`` generated services over the 514 regencies, with a one-group field."""
    import geopandas as gpd
    import numpy as np
    import pyogrio
    import shapely

    from industri_rumahan_plugin.core import demo

    path = OUT / f"layanan_{count}_{seed}.gpkg"
    if path.exists():
        return path
    frame = pyogrio.read_dataframe(REGENCIES)
    regions = [demo.Region(code=k, name=n, geometry=g, weight=float(p or 0))
               for k, n, g, p in zip(frame["kode"], frame["nama"], frame.geometry.values,
                                     frame["penduduk_total"])]
    scale = 1.0
    while True:
        attrs, xy = demo.generate_services(regions, seed=seed, scale=scale)
        if len(attrs) >= count:
            break
        scale *= 1.5 * count / max(len(attrs), 1)
    keep = np.sort(np.random.default_rng(seed).choice(len(attrs), count, replace=False))
    attrs = attrs.iloc[keep].reset_index(drop=True)
    attrs["kelompok"] = "semua"
    gdf = gpd.GeoDataFrame(attrs, geometry=shapely.points(xy[keep]), crs="EPSG:4326")
    pyogrio.write_dataframe(gdf, path, layer="layanan", driver="GPKG")
    return path


def e2sfca_kernel(n: int = 100_000, m: int = 1_000, catchment: float = 10_000.0) -> float:
    """Wall seconds of pairs + E2SFCA for n enterprises x m services (in this process)."""
    import numpy as np

    from industri_rumahan_plugin.core import access
    from industri_rumahan_plugin.core.nearest import pairs_within

    rng = np.random.default_rng(1)
    # Bangka Belitung-sized area so that catchments are full
    e = np.column_stack([rng.uniform(105.1, 108.3, n), rng.uniform(-3.4, -1.5, n)])
    s = np.column_stack([rng.uniform(105.1, 108.3, m), rng.uniform(-3.4, -1.5, m)])
    t0 = time.perf_counter()
    pairs = pairs_within(e, s, catchment)
    w = access.decay_weights(pairs["cost"].to_numpy(), "e2sfca", catchment)
    index, _ = access.two_stage_fca(pairs, np.ones(n), rng.uniform(10, 100, m), w)
    wall = time.perf_counter() - t0
    print(f"  E2SFCA kernel {n:,} x {m:,}, {catchment / 1000:.0f} km: {len(pairs):,} pairs, "
          f"{wall:.2f} s (target < 10 s); mean index {index.mean():.4g}")
    return wall


def run(profiles: Path, label: str, args: list[str]) -> tuple[float, float]:
    """One timed ``qgis_process`` run (bench_density's runner), printed with its label."""
    wall, peak = run_qgis_process(profiles, args)
    print(f"  {label:<50} {wall:7.1f} s   peak {peak:6.0f} MB", flush=True)
    return wall, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--services", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="100,000 enterprises")
    parser.add_argument("--skip-hub", action="store_true",
                        help="skip qgis:distancetonearesthubpoints (slow)")
    opt = parser.parse_args()
    count = 100_000 if opt.quick else opt.count
    points, _metric = build_points(count, opt.seed)
    services = build_services(opt.services, opt.seed)
    usaha = f"{points}|layername=usaha"
    layanan = f"{services}|layername=layanan"
    with tempfile.TemporaryDirectory(prefix="bench_gap_") as tmp:
        tmp = Path(tmp)
        plugin_install.install_plugin(tmp, link=True)
        print(f"{count:,} enterprises x {opt.services:,} services (qgis_process, wall time "
              "incl. start-up, GeoPackage output)")
        ours, peak = run(tmp, "industrirumahan:nearestservice (one group)", [
            "run", "industrirumahan:nearestservice", "--", f"INPUT={usaha}",
            f"SERVICES={layanan}", "SERVICE_TYPE_FIELD=kelompok",
            f"OUTPUT={tmp / 'ours.gpkg'}"])
        _per_type, type_peak = run(tmp, "industrirumahan:nearestservice (8 types)", [
            "run", "industrirumahan:nearestservice", "--", f"INPUT={usaha}",
            f"SERVICES={layanan}", f"OUTPUT={tmp / 'ours_types.gpkg'}"])
        join, join_peak = run(tmp, "native:joinbynearest (planar)", [
            "run", "native:joinbynearest", "--", f"INPUT={usaha}", f"INPUT_2={layanan}",
            "NEIGHBORS=1", f"OUTPUT={tmp / 'join.gpkg'}"])
        hub = None
        if not opt.skip_hub:
            hub, hub_peak = run(tmp, "qgis:distancetonearesthubpoints", [
                "run", "qgis:distancetonearesthubpoints", "--", "--ellipsoid=EPSG:7030",
                f"INPUT={usaha}", f"HUBS={layanan}", "FIELD=nama", "UNIT=0",
                f"OUTPUT={tmp / 'hub.gpkg'}"])
        print("ratios (one group, like for like):")
        if hub:
            print(f"  nearest-hub / ours = {hub / ours:.1f} x faster (target >= 30); "
                  f"hub peak {hub_peak:.0f} MB")
        print(f"  joinbynearest / ours = {join / ours:.2f} (target >= 1); "
              f"join peak {join_peak:.0f} MB")
        print(f"  our peak {peak:.0f} MB one group, {type_peak:.0f} MB 8 types "
              "(target < 2048 MB)")
    e2sfca_kernel()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
