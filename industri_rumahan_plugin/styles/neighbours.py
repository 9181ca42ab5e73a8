"""Names only beside enterprises drawn alone, without reading a layer in the render thread.

A clustered enterprise is drawn as its cluster's disc, so its name beside the disc misleads
and covers the discs. The label's Show property asks ``ir_neighbour_m(@layer_id, $id)``: the
distance in metres to the enterprise's nearest other one. It is computed here, in the main
thread, when a layer with business names joins the project or its points change, and kept
in a plain dict that the render threads only read. (``overlay_nearest(@layer, ...)`` did the
same inside the render, on a layer the main thread could delete meanwhile, and crashed QGIS.)
Where the function is not registered (QField, QGIS without the plugin) every name shows.
"""

from __future__ import annotations

import math

from qgis.core import QgsVectorLayer, qgsfunction

from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.styles.layer_watch import LayerWatch

FUNCTION = "ir_neighbour_m"
NAME_FIELD = "nama_usaha"
METRES_PER_DEGREE = 111_320.0
#: layer id -> feature id -> metres to the nearest other feature (replaced whole, never edited)
_distances: dict[str, dict[int, float]] = {}


@qgsfunction(args="auto", group="Industri Rumahan", referenced_columns=[], register=False)
def ir_neighbour_m(layer_id, fid, feature, parent):
    """<h3>ir_neighbour_m(layer_id, fid)</h3>Metres from an enterprise to its nearest
    other enterprise (Industri Rumahan plugin), or NULL when unknown."""
    return _distances.get(layer_id, {}).get(fid)


def show_expression(tolerance_mm: float) -> str:
    """True when the enterprise is drawn alone: no other within the clustering distance at
    the current scale, or when that is unknown. The function is called through eval() in
    try(), so a QGIS without it (QField, qgis_process) still parses the style and shows
    every name, instead of failing the whole expression."""
    return (f"coalesce(try(eval('{FUNCTION}(@layer_id, $id)')) > {tolerance_mm} * "
            f"coalesce(@map_scale, 25000) / 1000.0, true)")


def nearest_distances(points: list[tuple[int, float, float]]) -> dict[int, float]:
    """fid -> metres to the nearest other point, for (fid, x, y) in metres (a grid of cells
    as large as the typical spacing: near-linear, no library needed)."""
    if len(points) < 2:
        return {}
    xs = [p[1] for p in points]
    ys = [p[2] for p in points]
    area = max(max(xs) - min(xs), 1.0) * max(max(ys) - min(ys), 1.0)
    cell = max(math.sqrt(area / len(points)), 1.0)
    grid: dict[tuple[int, int], list[tuple[int, float, float]]] = {}
    for p in points:
        grid.setdefault((int(p[1] // cell), int(p[2] // cell)), []).append(p)
    out = {}
    for fid, x, y in points:
        cx, cy = int(x // cell), int(y // cell)
        best, ring = math.inf, 0
        while ring * cell <= best + cell and ring <= 4096:
            for gx in range(cx - ring, cx + ring + 1):
                for gy in range(cy - ring, cy + ring + 1):
                    if max(abs(gx - cx), abs(gy - cy)) != ring:
                        continue
                    for other, ox, oy in grid.get((gx, gy), ()):
                        if other != fid:
                            best = min(best, math.hypot(ox - x, oy - y))
            ring += 1
        out[fid] = best
    return out


def layer_points(layer: QgsVectorLayer) -> list[tuple[int, float, float]]:
    """(fid, x, y) in metres of the layer's points as shown (edits and subset included)."""
    geographic = layer.crs().isGeographic()
    points = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        point = geometry.asPoint() if not geometry.isMultipart() else (
            geometry.asMultiPoint()[0])
        x, y = point.x(), point.y()
        if geographic:  # local metres; the distances are short and compared at one place
            x, y = x * METRES_PER_DEGREE * math.cos(math.radians(y)), y * METRES_PER_DEGREE
        points.append((feature.id(), x, y))
    return points


def wants_distances(layer) -> bool:
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and layer.geometryType() == GeometryType.POINT
            and NAME_FIELD in layer.fields().names())


def update(layer: QgsVectorLayer) -> None:
    """Compute the layer's distances again (main thread); the dict is swapped whole."""
    _distances[layer.id()] = nearest_distances(layer_points(layer))


class NeighbourWatch(LayerWatch):
    """Keeps ``_distances`` for every point layer with business names in the project."""

    function = ir_neighbour_m
    store = _distances

    def wants(self, layer) -> bool:
        return wants_distances(layer)

    def compute(self, layer: QgsVectorLayer) -> None:
        update(layer)
