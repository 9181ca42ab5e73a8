"""industrirumahan:accessibility and :suggestservicesites in real QGIS, checked against PySAL
access (with pyproj.Geod costs) and hand-computed coverage."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest
from access import Access, weights
from pyproj import Geod
from qgis import processing
from qgis.core import QgsProcessingException

from tests.test_alg_gap_nearest import points

GEOD = Geod(ellps="WGS84")
logging.getLogger("access").setLevel(logging.ERROR)


def _case():
    rng = np.random.default_rng(8)
    e_xy = np.column_stack([rng.uniform(106.0, 106.3, 80), rng.uniform(-2.3, -2.0, 80)])
    s_xy = np.column_stack([rng.uniform(106.0, 106.3, 6), rng.uniform(-2.3, -2.0, 6)])
    s_xy[1] = e_xy[0]  # a service co-located with an enterprise
    demand = rng.integers(1, 4, 80).astype(float)
    capacity = np.array([100.0, 50.0, 0.0, 80.0, 20.0, 60.0])  # one with zero capacity
    rows = [(x, y, f"u{i}", float(demand[i])) for i, (x, y) in enumerate(e_xy)]
    usaha = points("EPSG:4326", rows, "field=uid:string&field=pekerja:double")
    layanan = points("EPSG:4326", [(x, y, f"s{j}", "pelatihan", f"BLK {j}", float(capacity[j]))
                                   for j, (x, y) in enumerate(s_xy)],
                     "field=uid:string&field=jenis:string&field=nama:string"
                     "&field=kapasitas:double")
    n, m = len(e_xy), len(s_xy)
    _, _, d = GEOD.inv(np.repeat(e_xy[:, 0], m), np.repeat(e_xy[:, 1], m),
                       np.tile(s_xy[:, 0], n), np.tile(s_xy[:, 1], n))
    cost = pd.DataFrame({"origin": np.repeat(np.arange(n), m), "dest": np.tile(np.arange(m), n),
                         "cost": d})
    pysal = Access(
        demand_df=pd.DataFrame({"geoid": np.arange(n), "pop": demand}), demand_index="geoid",
        demand_value="pop",
        supply_df=pd.DataFrame({"geoid": np.arange(m), "cap": capacity}), supply_index="geoid",
        supply_value="cap", cost_df=cost, cost_origin="origin", cost_dest="dest",
        cost_name="cost")
    return usaha, layanan, pysal, n


@pytest.mark.parametrize("method", [0, 1, 3])
def test_accessibility_agrees_with_pysal(provider, method):
    usaha, layanan, pysal, n = _case()
    catchment = 15000.0
    out = processing.run("industrirumahan:accessibility", {
        "INPUT": usaha, "SERVICES": layanan, "DEMAND_FIELD": "pekerja", "METHOD": method,
        "CATCHMENT": catchment, "GRAVITY_MIN_COST": 100.0, "OUTPUT": "memory:"})["OUTPUT"]
    ours = {f["uid"]: f["akses_pelatihan"] for f in out.getFeatures()}
    if method == 0:
        ref = pysal.two_stage_fca(name="a", max_cost=catchment)
    elif method == 1:
        fn = weights.step_fn({5000: 1, 10000: 0.68, 15000: 0.22})
        ref = pysal.enhanced_two_stage_fca(name="a", max_cost=catchment, weight_fn=fn)
    else:
        fn = weights.gravity(catchment, -1.0, 100.0)
        ref = pysal.weighted_catchment(name="a", max_cost=catchment, weight_fn=fn)
    expected = ref["a_cap"].reindex(np.arange(n)).fillna(0.0).to_numpy()
    got = np.array([ours[f"u{i}"] for i in range(n)])
    np.testing.assert_allclose(got, expected, rtol=1e-7)
    assert got.max() > 0
    flags = [f["kurang_pelatihan"] for f in out.getFeatures()]
    assert sum(flags) == int((got < 0.5 * got.mean()).sum())


# (METHOD, DECAY) -> the PySAL call with the same index and weight function: any decay
# works with both indexes (issue 12), as PySAL's two_stage_fca and weighted_catchment accept
# any weight function.
CROSSED = {
    (0, 3): lambda p, c: p.two_stage_fca(name="a", max_cost=c, weight_fn=weights.gaussian(
        c / 2)),
    (0, 4): lambda p, c: p.two_stage_fca(name="a", max_cost=c, weight_fn=weights.gravity(
        c, -1.0, 100.0)),
    (3, 2): lambda p, c: p.weighted_catchment(name="a", max_cost=c, weight_fn=weights.step_fn(
        {c / 3: 1, 2 * c / 3: 0.68, c: 0.22})),
    (3, 3): lambda p, c: p.weighted_catchment(name="a", max_cost=c, weight_fn=weights.gaussian(
        c / 2)),
    (3, 1): lambda p, c: p.weighted_catchment(name="a", max_cost=c,
                                              weight_fn=lambda cost: cost * 0 + 1.0),
}


@pytest.mark.parametrize(("method", "decay"), list(CROSSED))
def test_any_decay_with_either_index_agrees_with_pysal(provider, method, decay):
    usaha, layanan, pysal, n = _case()
    catchment = 15000.0
    out = processing.run("industrirumahan:accessibility", {
        "INPUT": usaha, "SERVICES": layanan, "DEMAND_FIELD": "pekerja", "METHOD": method,
        "DECAY": decay, "CATCHMENT": catchment, "GRAVITY_MIN_COST": 100.0,
        "OUTPUT": "memory:"})["OUTPUT"]
    ours = {f["uid"]: f["akses_pelatihan"] for f in out.getFeatures()}
    ref = CROSSED[(method, decay)](pysal, catchment)
    expected = ref["a_cap"].reindex(np.arange(n)).fillna(0.0).to_numpy()
    got = np.array([ours[f"u{i}"] for i in range(n)])
    np.testing.assert_allclose(got, expected, rtol=1e-7)
    assert got.max() > 0


def test_accessibility_region_summary_and_bad_steps(provider, demo_gpkg):
    result = processing.run("industrirumahan:accessibility", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "SERVICES": f"{demo_gpkg}|layername=layanan",
        "SERVICE_TYPES": "bank_kur", "REGIONS": f"{demo_gpkg}|layername=kabupaten",
        "OUTPUT": "memory:", "OUTPUT_REGIONS": "memory:"})
    rows = list(result["OUTPUT_REGIONS"].getFeatures())
    assert sum(r["n_usaha"] for r in rows) == 3000
    values = np.array([f["akses_bank_kur"] for f in result["OUTPUT"].getFeatures()])
    assert values.mean() == pytest.approx(
        sum(r["akses_rata"] * r["n_usaha"] for r in rows) / 3000, rel=1e-9)
    with pytest.raises(QgsProcessingException, match="Step weights"):
        processing.run("industrirumahan:accessibility", {
            "INPUT": f"{demo_gpkg}|layername=usaha",
            "SERVICES": f"{demo_gpkg}|layername=layanan", "STEP_WEIGHTS": "1, -2",
            "OUTPUT": "memory:"})


def test_suggest_sites_greedy_by_hand(provider):
    # three clusters on the equator (0.01 deg ~ 1.1 km): 4 enterprises at lon 1.0, 3 at 2.0,
    # 2 at 3.0 (both women); an existing market covers the lon 2.0 cluster
    rows = [(1.0 + 0.001 * i, 0.0, "L") for i in range(4)]
    rows += [(2.0 + 0.001 * i, 0.0, "L") for i in range(3)]
    rows += [(3.0 + 0.001 * i, 0.0, "P") for i in range(2)]
    usaha = points("EPSG:4326", rows, "field=jenis_kelamin_pemilik:string")
    candidates = points("EPSG:4326", [(1.0, 0.01, "desa A"), (2.0, 0.01, "desa B"),
                                      (3.0, 0.01, "desa C"), (9.0, 0.0, "desa D")],
                        "field=nama:string")
    services = points("EPSG:4326", [(2.0, 0.0, "pasar")], "field=jenis:string")
    params = {"INPUT": usaha, "CANDIDATES": candidates, "SERVICES": services,
              "SERVICE_TYPE": "pasar", "THRESHOLD": 5000, "K": 3, "OUTPUT": "memory:"}
    out = list(processing.run("industrirumahan:suggestservicesites", params)["OUTPUT"]
               .getFeatures())
    assert [(f["nama"], f["urutan"], f["tambah_usaha"], f["kumulatif_usaha"]) for f in out] == [
        ("desa A", 1, 4, 4), ("desa C", 2, 2, 6)]  # desa B and D add nothing: stop
    params["WOMEN_WEIGHT"] = 2.0  # women count 3x: cluster C (2 x 3 = 6) beats A (4)
    params["K"] = 1
    out = list(processing.run("industrirumahan:suggestservicesites", params)["OUTPUT"]
               .getFeatures())
    assert (out[0]["nama"], out[0]["tambah_usaha"], out[0]["tambah_bobot"]) == ("desa C", 2, 6.0)
