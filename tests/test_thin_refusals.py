"""The refusals of densitybyregion, nearestservice, servicegap and accessibility follow the one
convention (adapters/errors.py): the message starts with the parameter's label and name, as
the officer sees it in the dialog and a batch user writes it."""

from __future__ import annotations

import re

import pytest
from qgis import processing
from qgis.core import QgsProcessingException

from tests.test_alg_gap_nearest import points


def _layers():
    usaha = points("EPSG:4326", [(106.0, -2.0, "u0"), (106.1, -2.1, "u1")], "field=uid:string")
    layanan = points("EPSG:4326", [(106.05, -2.05, "s0", "pasar", "Pasar A", 5.0)],
                     "field=uid:string&field=jenis:string&field=nama:string"
                     "&field=kapasitas:double")
    return usaha, layanan


def _refused(alg: str, params: dict) -> str:
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(f"industrirumahan:{alg}", {**params, "OUTPUT": "memory:"})
    return str(raised.value)


def _label(alg: str, name: str) -> str:
    from qgis.core import QgsApplication

    definition = QgsApplication.processingRegistry().algorithmById(
        f"industrirumahan:{alg}").parameterDefinition(name)
    return f"{definition.description()} [{name}]: "


@pytest.mark.parametrize("alg, name, params, words", [
    ("accessibility", "CATCHMENT", {"CATCHMENT": 0.0}, "greater than 0"),
    ("accessibility", "STEP_WEIGHTS", {"STEP_WEIGHTS": "1, x"}, "Step weights"),
    ("accessibility", "CAPACITY_FIELD", {"CAPACITY_FIELD": ""}, "Choose a field"),
    ("nearestservice", "NETWORK", {"COST_SOURCE": 2}, "road network layer"),
    ("nearestservice", "OD_TABLE", {"COST_SOURCE": 1}, "origin-destination table"),
    ("nearestservice", "SERVICE_TYPE_FIELD", {"SERVICE_TYPE_FIELD": ""}, "Choose a field"),
])
def test_service_refusals_start_with_the_parameter(provider, alg, name, params, words):
    usaha, layanan = _layers()
    message = _refused(alg, {"INPUT": usaha, "SERVICES": layanan, **params})
    assert message.startswith(_label(alg, name)), message
    assert words in message


def test_od_field_and_taken_column_refusals_name_the_parameter(provider, tmp_path):
    usaha, layanan = _layers()
    table = tmp_path / "od.csv"
    table.write_text("dari,ke,menit\nu0,s0,3\n")
    message = _refused("nearestservice", {
        "INPUT": usaha, "SERVICES": layanan, "COST_SOURCE": 1, "OD_TABLE": str(table),
        "OD_ORIGIN_FIELD": "dari", "OD_DEST_FIELD": "ke", "OD_COST_FIELD": "tidak_ada"})
    assert message.startswith(_label("nearestservice", "OD_COST_FIELD")), message
    taken = points("EPSG:4326", [(106.0, -2.0, "u0", 1.0)],
                   "field=uid:string&field=jarak_m_pasar:double")
    message = _refused("nearestservice", {"INPUT": taken, "SERVICES": layanan})
    assert message.startswith(_label("nearestservice", "INPUT")), message
    assert "jarak_m_pasar" in message


def test_servicegap_and_density_refusals_name_the_parameter(provider, demo_gpkg):
    usaha = f"{demo_gpkg}|layername=usaha"
    message = _refused("servicegap", {
        "INPUT": usaha, "SERVICES": f"{demo_gpkg}|layername=layanan",
        "REGIONS": f"{demo_gpkg}|layername=kabupaten", "REGION_CODE_FIELD": ""})
    assert message.startswith(_label("servicegap", "REGION_CODE_FIELD")), message
    # a boundary layer showing no region (a subset string matching nothing)
    message = _refused("densitybyregion", {
        "INPUT": usaha, "REGIONS": f"{demo_gpkg}|layername=kabupaten|subset=1 = 0"})
    assert re.match(re.escape(_label("densitybyregion", "REGIONS")) + "The layer has no",
                    message), message
