"""The kernels moved out of densitybyregion, nearestservice, servicegap and accessibility when
they were thinned (issue 12): hand-computed cases, no QGIS."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from industri_rumahan_plugin.core import access, coverage, density
from industri_rumahan_plugin.core.nearest import NONE, labels_at, nearest_among

# one thousandth of a degree of latitude at the equator on WGS84, in metres
MILLIDEGREE_LAT = 110.574


def test_parse_steps_accepts_commas_and_semicolons_and_refuses_the_rest():
    assert access.parse_steps("1; 0.5 , 0.25", 3000.0) == (1.0, 0.5, 0.25)
    assert access.parse_steps("1,", 3000.0) == (1.0,)
    for bad in ("a, 1", "1, -0.5", ""):
        with pytest.raises(ValueError):
            access.parse_steps(bad, 3000.0)


def test_pairs_by_type_renumbers_table_targets_per_type():
    jenis = np.array(["a", "b", "a"], dtype=object)
    supply = np.array([1.0, 2.0, 3.0])
    table = pd.DataFrame({"origin": [0, 0, 1], "target": [0, 1, 2], "cost": [5.0, 6.0, 7.0]})
    got = list(access.pairs_by_type(np.zeros((2, 2)), np.zeros((3, 2)), jenis, supply,
                                    ["a", "b", "c"], 10.0, table))
    assert [g[0] for g in got] == ["a", "b", "c"]
    a_pairs, a_supply = got[0][1], got[0][2]
    # services 0 and 2 are the type's first and second
    assert a_pairs[["origin", "target", "cost"]].values.tolist() == [[0, 0, 5.0], [1, 1, 7.0]]
    assert a_supply.tolist() == [1.0, 3.0]
    assert got[1][1][["origin", "target"]].values.tolist() == [[0, 0]]
    assert len(got[2][1]) == 0 and len(got[2][2]) == 0


def test_pairs_by_type_geodesic_keeps_only_the_catchment():
    origins = np.array([[0.0, 0.0]])
    services = np.array([[0.0, 0.001], [0.0, 1.0], [0.0, 0.002]])
    jenis = np.array(["a", "a", "b"], dtype=object)
    (_, pairs, supply), = access.pairs_by_type(origins, services, jenis, np.ones(3), ["a"],
                                               1000.0)
    assert pairs["target"].tolist() == [0]  # the one 110 km away is beyond 1 km
    assert pairs["cost"].iloc[0] == pytest.approx(MILLIDEGREE_LAT, rel=1e-4)
    assert supply.tolist() == [1.0, 1.0]


def test_nearest_among_geodesic_gives_positions_among_every_service():
    origins = np.array([[0.0, 0.0], [np.nan, np.nan]])
    services = np.array([[0.0, 0.010], [0.0, 0.002], [0.0, 0.005]])
    found = nearest_among(origins, services, np.array([0, 2]))
    # service 1 is nearer but of another type
    assert found.index.tolist() == [2, NONE]
    assert found.distance[0] == pytest.approx(5 * MILLIDEGREE_LAT, rel=1e-4)
    assert math.isnan(found.distance[1])
    beyond = nearest_among(origins, services, np.array([0, 2]), max_cost=500.0)
    assert beyond.index.tolist() == [NONE, NONE]


def test_nearest_among_pairs_ignores_other_types_and_the_limit():
    pairs = pd.DataFrame({"origin": [0, 0, 1], "target": [0, 1, 2], "cost": [5.0, 1.0, 9.0]})
    origins = np.zeros((2, 2))
    found = nearest_among(origins, np.zeros((3, 2)), np.array([0, 2]), pairs)
    assert found.index.tolist() == [0, 2]
    assert found.distance.tolist() == [5.0, 9.0]
    limited = nearest_among(origins, np.zeros((3, 2)), np.array([0, 2]), pairs, 6.0)
    assert limited.index.tolist() == [0, NONE]


def test_labels_at_gives_text_or_none():
    values = np.array(["x", None, 7], dtype=object)
    assert labels_at(np.array([2, NONE, 0, 1]), values).tolist() == ["7", None, "x", None]


def test_owner_flags():
    frame = pd.DataFrame({"jk": ["P", "L", None], "k": [True, 1, "ya"]})
    women, krtp = coverage.owner_flags(frame, "jk", "k")
    assert women.tolist() == [True, False, False]
    assert krtp.tolist() == [True, True, False]
    assert coverage.owner_flags(frame, "", "") == (None, None)


def test_gap_by_type_one_table_per_type_in_order():
    region = np.array([0, 0, 1])
    lonlat = np.array([[0.0, 0.0], [0.0, 0.1], [0.0, 1.0]])  # 0, ~11 km, ~110 km from (0, 0)
    services = np.array([[0.0, 0.0]])
    steps = []
    tables = coverage.gap_by_type(region, lonlat, services, np.array(["pasar"], dtype=object),
                                  ["pasar", "bank"], 20000.0, 2, step=steps.append)
    assert steps == [0, 1]
    pasar, bank = tables
    assert list(pasar.columns[:2]) == ["region", "jenis"] and set(pasar["jenis"]) == {"pasar"}
    assert pasar[["n_usaha", "n_dalam", "n_luar"]].values.tolist() == [[2, 2, 0], [1, 0, 1]]
    assert pasar["persen_luar"].tolist() == [0.0, 100.0]
    assert pasar["peringkat"].tolist() == [2, 1]
    assert pasar["jarak_rata_m"].iloc[0] == pytest.approx(50 * MILLIDEGREE_LAT, rel=1e-3)
    # no bank at all: everyone is beyond reach
    assert bank["n_luar"].tolist() == [2, 1]
    assert bank["jarak_rata_m"].isna().all()


def test_programme_by_region_keys_and_outside_row():
    frame = pd.DataFrame({
        "pelatihan": [True, False, False], "bantuan": [False, False, None],
        "status_binaan": ["dibina", None, "belum"], "sektor_x": ["batik", "batik", "makanan"],
    })
    region = np.array([0, coverage.OUTSIDE, 0])
    table, keys = coverage.programme_by_region(
        frame, region, np.array(["K1"], dtype=object), np.array(["Kec 1"], dtype=object),
        sector_field="sektor_x")
    assert keys == ["kode", "nama", "sektor"]
    rows = {tuple(r[k] for k in keys): r for _, r in table.iterrows()}
    assert set(rows) == {("", "", "batik"), ("K1", "Kec 1", "batik"),
                         ("K1", "Kec 1", "makanan")}
    outside = rows[("", "", "batik")]
    assert (outside.n_usaha, outside.n_belum_tersentuh) == (1, 1)
    trained = rows[("K1", "Kec 1", "batik")]
    assert (trained.n_tanpa_pelatihan, trained.n_tanpa_bantuan, trained.n_belum_dibina) == (
        0, 1, 0)
    assert rows[("K1", "Kec 1", "makanan")].persen_belum_tersentuh == 100.0


def test_yes_reads_both_paths_flags():
    got = density.yes(np.array([True, 1, 0, None, "True", False], dtype=object))
    assert got.tolist() == [True, True, False, False, False, False]


def test_region_statistics_counts_catalogue_codes_and_owner_flags():
    attrs = pd.DataFrame({
        "sektor": ["batik", "batik", None, "makanan"],
        density.WOMEN_FIELD: ["P", "L", "P", "P"],
        density.KRTP_FIELD: [True, None, 1, True],
    })
    region = np.array([0, 0, 1, density.OUTSIDE])
    stats, _tidy = density.region_statistics(
        region, 2, np.array([2.0, 4.0]), attrs, ["sektor"],
        [density.WOMEN_FIELD, density.KRTP_FIELD], population=[1000, None])
    assert stats["jml_usaha"].tolist() == [2, 1]
    assert stats["jml_sektor_batik"].tolist() == [2, 0]
    assert stats["jml_sektor_tidak_diisi"].tolist() == [0, 1]
    assert stats["jml_sektor_tenun_cual"].tolist() == [0, 0]  # a catalogue code nobody has
    assert stats["jml_perempuan"].tolist() == [1, 1]
    assert stats["pct_perempuan"].tolist() == [50.0, 100.0]
    assert stats["jml_krtp"].tolist() == [1, 1]
    assert stats["per_km2"].tolist() == [1.0, 0.25]
    assert stats["per_1000_pddk"].iloc[0] == 2.0 and math.isnan(stats["per_1000_pddk"].iloc[1])
    without = density.region_statistics(region, 2, np.array([2.0, 4.0]), attrs, [], [])[0]
    assert "jml_perempuan" not in without and "jml_krtp" not in without


def test_long_table_puts_region_keys_in_front():
    region = np.array([0, 1, 1])
    stats, tidy = density.region_statistics(
        region, 2, np.array([1.0, 1.0]), pd.DataFrame({"sektor": ["batik"] * 3}), ["sektor"], [])
    table = density.long_table(tidy, stats["jml_usaha"].to_numpy(), ["sektor"],
                               np.array([10, 20]), np.array(["K1", "K2"], dtype=object))
    assert list(table.columns[:3]) == ["wilayah_fid", "kode_wilayah", "dimensi"]
    total = table[table["dimensi"] == "total"]
    assert total[["wilayah_fid", "kode_wilayah", "jml_usaha"]].values.tolist() == [
        [10, "K1", 1], [20, "K2", 2]]
    batik = table[(table["dimensi"] == "sektor") & (table["sektor"] == "batik")]
    assert batik["pct_wilayah"].tolist() == [100.0, 100.0]
