"""Listing the provider imports none of the heavy libraries, and each algorithm declares
what its run needs (issue 11 item 3, issue 12 item 4).

Every QGIS and ``qgis_process`` start loads the plugin, registers the provider and builds
every algorithm's parameters and help; none of that may need numpy, pandas, scipy, shapely or
openpyxl, so a QGIS without them still lists the algorithms and says what to install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from industri_rumahan_plugin.core.requirements import LIBRARIES, NOT_NEEDED
from tests.unit import import_graph

REPO = Path(__file__).resolve().parents[2]
HEAVY = sorted([*LIBRARIES, *NOT_NEEDED])
# QGIS 3.22 imports none of them itself; QGIS 3.40+ imports numpy and shapely with qgis.core.
# What counts is what the plugin adds to what QGIS has already loaded.

LISTING = """
import json, sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
by_qgis = sorted(m for m in HEAVY if m in sys.modules)
from industri_rumahan_plugin.processing.provider import IndustriRumahanProvider
provider = IndustriRumahanProvider()
QgsApplication.processingRegistry().addProvider(provider)
seen = {}
for alg in provider.algorithms():
    instance = alg.create({})  # createInstance + initAlgorithm, as the toolbox does
    seen[alg.id()] = {
        "parameters": [p.name() for p in instance.parameterDefinitions()],
        "help": bool(instance.shortHelpString()),
        "can_execute": instance.canExecute()[0],
        "group": instance.group(),
    }
import industri_rumahan_plugin.plugin  # what classFactory imports
print(json.dumps({"algorithms": seen, "by_qgis": by_qgis,
                  "heavy": sorted(m for m in HEAVY if m in sys.modules and m not in by_qgis)}))
"""


def _list_in_fresh_process() -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{LISTING}"], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_listing_every_algorithm_imports_no_heavy_library():
    listed = _list_in_fresh_process()
    assert listed["heavy"] == []
    assert set(listed["by_qgis"]) <= {"numpy", "shapely"}  # never pandas, scipy, openpyxl
    algorithms = listed["algorithms"]
    from industri_rumahan_plugin.processing.provider import algorithm_classes

    assert len(algorithms) == len(algorithm_classes())
    assert all(a["parameters"] and a["help"] and a["can_execute"] for a in algorithms.values())
    assert algorithms["industrirumahan:densitybyregion"]["parameters"][:2] == ["INPUT", "REGIONS"]


def test_requires_covers_every_library_a_run_can_import():
    from industri_rumahan_plugin.processing.provider import algorithm_classes

    uncovered = {}
    for cls in algorithm_classes():
        reached = import_graph.reachable(cls.__module__) & set(HEAVY)
        if cls.ALG_ID == "exportreport":  # runs densitybyregion and servicegap as children
            from industri_rumahan_plugin.processing.service_gap import ServiceGap

            reached |= set(ServiceGap.REQUIRES)
        if not reached <= set(cls.REQUIRES):
            uncovered[cls.ALG_ID] = sorted(reached - set(cls.REQUIRES))
    assert uncovered == {}
    assert {c.ALG_ID for c in algorithm_classes() if not c.REQUIRES} == {
        "createdatabase", "createshareddatabase", "publishtopostgis", "mergefieldsurvey"}


def test_plugin_gui_modules_import_nothing_heavy_at_module_level():
    for module in ("plugin", "toolbelt", "dependencies", "styles.actions", "styles.postprocess",
                   "gui.report_dialog", "processing.provider"):
        assert import_graph.reachable(f"industri_rumahan_plugin.{module}", True) & set(
            LIBRARIES) == set(), module


def test_heatmap_kernel_names_match_the_core():
    from industri_rumahan_plugin.core import kde
    from industri_rumahan_plugin.processing import heatmap

    assert heatmap.KERNELS == kde.KERNELS
