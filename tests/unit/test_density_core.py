"""Hand-computed cases for core.density (pure: no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from industri_rumahan_plugin.core import density
from industri_rumahan_plugin.core.catalogue import UNFILLED

A = shapely.box(0, 0, 1, 1)
B = shapely.box(1, 0, 2, 1)


def test_shared_boundary_counted_once_for_first_region():
    # inside A, inside B, on the shared edge x=1, on A's outer edge, outside both
    x = np.array([0.5, 1.5, 1.0, 0.0, 3.0])
    y = np.array([0.5, 0.5, 0.5, 0.5, 0.5])
    got = density.assign_points(x, y, [A, B])
    assert got.region.tolist() == [0, 1, 0, 0, density.OUTSIDE]
    assert (got.shared, got.on_boundary, got.outside) == (1, 1, 1)
    # region order decides the tie
    assert density.assign_points(x, y, [B, A]).region.tolist() == [1, 0, 0, 1, -1]


def test_overlap_goes_to_region_the_point_lies_deepest_in():
    left = shapely.box(0, 0, 1.2, 1)  # overlaps B on 1 <= x <= 1.2
    x = np.array([1.05, 1.15])
    y = np.array([0.5, 0.5])
    got = density.assign_points(x, y, [left, B])
    # 1.05: 0.15 from left's edge, 0.05 from B's edge -> left; 1.15: 0.05 vs 0.15 -> B
    assert got.region.tolist() == [0, 1]
    assert (got.shared, got.on_boundary) == (2, 0)


def test_empty_inputs():
    got = density.assign_points(np.array([]), np.array([]), [A, B])
    assert got.region.tolist() == []
    stats, _tidy = density.density_table(got.region, 2, np.array([1.0, 2.0]))
    assert stats["jml_usaha"].tolist() == [0, 0]
    assert stats["per_km2"].tolist() == [0.0, 0.0]


def test_nan_points_are_outside_and_none_regions_hold_nothing():
    got = density.assign_points(np.array([np.nan, 0.5]), np.array([0.5, 0.5]), [None, A])
    assert got.region.tolist() == [-1, 1]


def test_repair_bowtie_or_skip():
    bowtie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    fixed, invalid = density.repair_polygons(np.array([A, bowtie, None], dtype=object))
    assert invalid.tolist() == [False, True, False]
    assert fixed[1].is_valid and fixed[1].area == pytest.approx(2.0)
    skipped, _ = density.repair_polygons(np.array([A, bowtie], dtype=object), repair=False)
    assert skipped[1] is None


def test_density_table_counts_shares_lq_and_ranks():
    region = np.array([0, 0, 0, 1, 1, -1])
    sektor = ["makanan", "makanan", None, "batik", "makanan", "batik"]
    tahap = ["pemula", "maju", "pemula", "pemula", "", "maju"]
    women = np.array([True, True, False, True, False, True])
    stats, tidy = density.density_table(
        region, 2, np.array([2.0, 0.5]),
        categories=[density.Category("sektor", sektor, ["makanan", "batik"]),
                    density.Category("tahap", tahap, ["pemula", "maju"])],
        women=women, population=[3000, None], women_population=[1000, 0],
    )
    assert stats["jml_usaha"].tolist() == [3, 2]
    assert stats["jml_sektor_makanan"].tolist() == [2, 1]
    assert stats["jml_sektor_batik"].tolist() == [0, 1]
    assert stats[f"jml_sektor_{UNFILLED}"].tolist() == [1, 0]
    assert stats["jml_tahap_pemula"].tolist() == [2, 1]
    assert stats[f"jml_tahap_{UNFILLED}"].tolist() == [0, 1]
    assert stats["jml_pemula_makanan"].tolist() == [1, 0]
    assert stats["jml_maju_makanan"].tolist() == [1, 0]
    assert stats[f"jml_{UNFILLED}_makanan"].tolist() == [0, 1]
    assert stats["jml_perempuan"].tolist() == [2, 1]
    assert stats["pct_perempuan"].tolist() == pytest.approx([200 / 3, 50.0])
    assert stats["per_km2"].tolist() == [1.5, 4.0]
    assert stats["per_1000_pddk"][0] == pytest.approx(1.0)
    assert np.isnan(stats["per_1000_pddk"][1])
    assert np.isnan(stats["per_1000_perempuan"][1])  # zero women: no density
    # LQ makanan: region 0 (2/3) / (3/5) = 10/9; region 1 (1/2) / (3/5) = 5/6
    assert stats["lq_makanan"].tolist() == pytest.approx([10 / 9, 5 / 6])
    assert stats["lq_batik"].tolist() == pytest.approx([0.0, 2.5])
    assert f"lq_{UNFILLED}" not in stats
    assert stats["peringkat_jml"].tolist() == [1, 2]
    assert stats["peringkat_per_km2"].tolist() == [2, 1]
    tidy = density.finish_tidy(tidy, stats["jml_usaha"].to_numpy(), ["sektor", "tahap"])
    row = tidy[(tidy.wilayah == 0) & (tidy.dimensi == "sektor") & (tidy.sektor == "makanan")]
    assert row[["tahap", "jml_usaha"]].values.tolist() == [["semua", 2]]
    assert row["pct_wilayah"].tolist() == pytest.approx([200 / 3])
    cross = tidy[tidy.dimensi == "tahap_sektor"]
    assert cross["jml_usaha"].sum() == 5
    assert tidy[tidy.dimensi == "total"]["jml_usaha"].tolist() == [3, 2]


def test_unknown_category_values_get_their_own_columns():
    codes, labels = density.category_codes(["x y", "makanan", " ", None], ["makanan"])
    assert labels == ["makanan", "x y", UNFILLED]
    assert codes.tolist() == [1, 0, 2, 2]
    assert density.slug("Kerajinan Kayu!") == "kerajinan_kayu"
