"""Shapefile and dBase outputs: names cut to 10 characters never collide (issue 17).

Each output is written twice, as GeoPackage (full names) and as Shapefile/DBF, and read back:
the short names are unique, at most 10 characters, in the same order, and every value equals
the GeoPackage's.
"""

from __future__ import annotations

import gc
import math

import pytest
from qgis import processing
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from industri_rumahan_plugin.core.output_rules import short_field_names


@pytest.fixture(autouse=True)
def _release_layers():
    yield
    gc.collect()


def table(path) -> tuple[list[str], list[list]]:
    if not path.exists():  # a table without geometry: the Shapefile is its DBF alone
        path = path.with_suffix(".dbf")
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = [n for n in layer.fields().names() if n != "fid"]
    values = [[f[n] for n in names] for f in layer.getFeatures()]
    return names, values


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(float(a), float(b), rel_tol=1e-7, abs_tol=1e-7)
    return (a in (None, "") and b in (None, "")) or str(a) == str(b)


CASES = [
    ("densitybyregion", "OUTPUT", "shp",
     {"INPUT": "{db}|layername=usaha", "REGIONS": "{db}|layername=kecamatan"}),
    ("densitybyregion", "OUTPUT_TABLE", "shp",
     {"INPUT": "{db}|layername=usaha", "REGIONS": "{db}|layername=kabupaten",
      "OUTPUT": "memory:"}),
    ("servicegap", "OUTPUT", "shp",
     {"INPUT": "{db}|layername=usaha", "SERVICES": "{db}|layername=layanan",
      "REGIONS": "{db}|layername=kabupaten"}),
]


@pytest.mark.parametrize("alg,output,suffix,params", CASES)
def test_short_names_are_unique_and_carry_the_same_values(demo_gpkg, tmp_path, alg, output,
                                                         suffix, params):
    params = {k: v.format(db=demo_gpkg) for k, v in params.items()}
    full_path, short_path = tmp_path / "lengkap.gpkg", tmp_path / f"pendek.{suffix}"
    processing.run(f"industrirumahan:{alg}", {**params, output: str(full_path)})
    feedback = QgsProcessingFeedback()
    processing.run(f"industrirumahan:{alg}", {**params, output: str(short_path)},
                   feedback=feedback)
    full_names, full_values = table(full_path)
    short_names, short_values = table(short_path)
    long_names = [n for n in full_names if len(n) > 10]
    assert long_names  # the case is real: some names do not fit
    if (alg, output) == ("densitybyregion", "OUTPUT"):  # sector x stage counts: cut, collide
        assert len({n[:10].lower() for n in full_names}) < len(full_names) - 50
    assert len({n.lower() for n in short_names}) == len(short_names) == len(full_names)
    assert all(len(n) <= 10 for n in short_names)
    assert short_names == short_field_names(full_names)
    for old, new in zip(full_names, short_names):
        if old != new:
            assert f"{old} is written as {new}" in feedback.textLog()
    assert len(short_values) == len(full_values) > 0
    for row_full, row_short in zip(full_values, short_values):
        for name, a, b in zip(full_names, row_full, row_short):
            assert same(a, b), (name, a, b)
