"""Benchmark (not a test): road-network costs (adapters/network_costs.py) on a synthetic grid.

    scripts/bench network [--grid 201] [--enterprises 3000] [--services 300] [--seed 1]

A square grid of roads (``grid`` lines each way over 1 degree near Bangka, shared vertices at
the crossings; horizontal roads 40 km/h, vertical 20 km/h) with random enterprises and
services. Prints the graph size and the wall time of the two phases: tying the points and
building the graph (QGIS's makeGraph, brute force: points x segments), then one Dijkstra per
service (fastest strategy, nearest per type kept).
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=int, default=201)
    parser.add_argument("--enterprises", type=int, default=3000)
    parser.add_argument("--services", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import numpy as np
    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from industri_rumahan_plugin.adapters import network_costs

    roads = QgsVectorLayer("LineString?crs=EPSG:4326&field=kecepatan:double", "r", "memory")
    ticks = np.linspace(0.0, 1.0, args.grid)
    feats = []
    for speed, lines in ((40.0, [[(106 + x, -2 + y) for x in ticks] for y in ticks]),
                         (20.0, [[(106 + x, -2 + y) for y in ticks] for x in ticks])):
        for line in lines:
            f = QgsFeature(roads.fields())
            f.setAttributes([speed])
            f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]))
            feats.append(f)
    roads.dataProvider().addFeatures(feats)
    rng = np.random.default_rng(args.seed)
    origins = np.column_stack([106 + rng.random(args.enterprises),
                               -2 + rng.random(args.enterprises)])
    targets = np.column_stack([106 + rng.random(args.services), -2 + rng.random(args.services)])
    groups = np.array(["pasar", "bank_kur", "pelatihan"])[np.arange(args.services) % 3]
    settings = network_costs.NetworkSettings(
        strategy=network_costs.FASTEST, speed_field="kecepatan")

    start = time.perf_counter()
    graph, _, _ = network_costs.build_graph(roads, np.vstack([targets, origins]), settings)
    built = time.perf_counter() - start
    start = time.perf_counter()
    frame, report = network_costs.network_pairs(roads, origins, targets, settings, groups=groups)
    total = time.perf_counter() - start
    print(f"grid {args.grid}x{args.grid}: {report.vertices} vertices, {report.edges} edges; "
          f"{args.enterprises} enterprises, {args.services} services")
    print(f"graph + tying points: {built:.1f} s; whole run (graph again + Dijkstra per "
          f"service): {total:.1f} s, {(total - built) / args.services * 1000:.0f} ms per "
          f"service; {len(frame)} nearest pairs; {report.unreachable} unreachable")
    del graph
    app.exitQgis()


if __name__ == "__main__":
    main()
