"""core.demo_regions: regions from a boundary layer's arrays, checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from industri_rumahan_plugin.core.demo_regions import demo_regions

SQUARE = shapely.box(0, 0, 1, 1)
BOWTIE = shapely.Polygon([(2, 0), (3, 1), (3, 0), (2, 1), (2, 0)])  # self-intersecting
ATTRS = pd.DataFrame({"kode": ["19.01", "19.02", "19.03"], "nama": ["A", "B", "C"],
                      "penduduk": [1000, None, 30]})


def test_codes_names_weights_and_missing_geometry():
    regions = demo_regions([SQUARE, None, BOWTIE], ATTRS, "kode", "nama", "penduduk")
    assert [r.code for r in regions] == ["19.01", "19.03"]
    assert [r.name for r in regions] == ["A", "C"]
    assert [r.weight for r in regions] == [1000.0, 30.0]
    assert shapely.is_valid(regions[1].geometry)  # repaired
    assert np.isclose(regions[1].geometry.area, 0.5)  # the two triangles of the bow tie
    assert all(r.centres is None for r in regions)


def test_without_name_or_population_fields():
    regions = demo_regions([SQUARE, BOWTIE], ATTRS.iloc[[0, 2]], "kode")
    assert [(r.name, r.weight) for r in regions] == [("19.01", 1.0), ("19.03", 1.0)]
    none_pop = pd.DataFrame({"kode": ["x"], "penduduk": [None]})
    assert demo_regions([SQUARE], none_pop, "kode", "", "penduduk")[0].weight == 0.0


def test_villages_inside_become_centres():
    vxy = np.array([[0.5, 0.5], [5.0, 5.0], [0.2, 0.9], [2.9, 0.5]])
    regions = demo_regions([SQUARE, BOWTIE], ATTRS.iloc[[0, 2]], "kode",
                           villages=(vxy, ["d1", "d2", "d3", "d4"]))
    assert regions[0].centres.tolist() == [[0.5, 0.5], [0.2, 0.9]]
    assert regions[0].centre_codes == ["d1", "d3"]
    assert regions[1].centre_codes == ["d4"]
