"""Shared parameters are declared once (issue 12): the same name means the same thing.

Batch users, models and ``qgis_process`` scripts write ``REGIONS``, ``SERVICES``, ``OFFICE``...
once and expect them to mean the same input in every algorithm. Each parameter of the
provider with a shared name is compared with its factory in ``processing/params.py``: same
kind, label, accepted geometry and default (only ``optional`` may differ).
"""

from __future__ import annotations

import pytest

from industri_rumahan_plugin.processing import network_params, params
from industri_rumahan_plugin.processing.provider import algorithm_classes

# name -> the factory declaring it (the variants a factory offers are tried in turn)
SHARED = {
    "REGIONS": [params.regions, lambda: params.regions(layer=True)],
    "SERVICES": [params.services, lambda: params.services(layer=True)],
    "FILTER": [params.filter_expression],
    "POPULATION_FIELD": [params.population_field],
    "WOMEN_POPULATION_FIELD": [lambda: params.population_field("WOMEN_POPULATION_FIELD",
                                                               women=True)],
    "THRESHOLD": [params.threshold],
    "OFFICE": [params.office],
    "LOGO": [params.logo],
    "LANGUAGE": [params.language],
    "DRY_RUN": [params.dry_run],
    "SEED": [params.seed, lambda: params.seed(default=20241231)],  # the demo keeps its own
}
# (algorithm, parameter): why it is deliberately another input under the same name
DIFFERENT = {
    ("publishwebmap", "REGIONS"): "the regencies only (kecamatan come as DISTRICTS)",
    ("preparefieldsurvey", "REGIONS"): "a kecamatan or desa layer choosing the area",
    ("applystyle", "LANGUAGE"): "the legend's language, an advanced option",
}


def _signature(param) -> tuple:
    types = list(param.dataTypes()) if hasattr(param, "dataTypes") else None
    default = param.defaultValue()
    return type(param).__name__, param.description(), types, \
        None if default is None else str(default)


def _all_parameters() -> list[tuple[str, str, tuple]]:
    """(algorithm, parameter name, signature) of every parameter of the provider."""
    found = []
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        found += [(alg.name(), p.name(), _signature(p)) for p in alg.parameterDefinitions()]
    return found


def test_a_shared_name_means_the_same_parameter_everywhere():
    checked, wrong = 0, []
    points = _signature(params.enterprises())[2]
    for alg, name, signature in _all_parameters():
        if (alg, name) in DIFFERENT:
            continue
        factories = SHARED.get(name)
        if name == "INPUT" and signature[2] == points:
            factories = [params.enterprises]  # every point INPUT is the enterprises
        if factories is None:
            continue
        checked += 1
        if signature not in [_signature(f()) for f in factories]:
            wrong.append(f"{alg}.{name}: {signature}")
    assert checked >= 40  # the enterprises alone are in about 20 algorithms
    assert wrong == [], "\n".join(wrong)


def test_the_road_network_is_declared_once():
    """NETWORK and its options come from network_params wherever they appear."""
    class Probe:
        def __init__(self):
            self.params = {}

        def addParameter(self, param):
            self.params[param.name()] = _signature(param)

    probe = Probe()
    network_params.add_network(probe)
    seen = 0
    for alg, name, signature in _all_parameters():
        if name in probe.params:
            seen += 1
            assert signature == probe.params[name], (alg, name)
    assert seen >= 2 * len(probe.params)  # nearest service and accessibility


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_every_exception_is_still_needed(name):
    """An exception that became the shared parameter is removed from the list."""
    alg_name, param_name = name
    found = [s for a, n, s in _all_parameters() if a == alg_name and n == param_name]
    assert len(found) == 1
    assert found[0] not in [_signature(f()) for f in SHARED[param_name]]
