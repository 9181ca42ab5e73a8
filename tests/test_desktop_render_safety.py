"""The styled enterprise layer survives layers removed, re-added and the project cleared while
a render runs (the cluster colour once read the layer in the render thread and crashed QGIS,
like the label Show expression of cd68f0b). Each run is a process of its own
(tests/render_crash_probe.py), so a crash fails the test instead of killing pytest."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.desktop_support import REPO

PROBE = REPO / "tests" / "render_crash_probe.py"
ROUNDS = 40


def _probe(gpkg, mode: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, str(PROBE), str(gpkg), str(ROUNDS), mode],
                          env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("attempt", range(3))
def test_render_survives_layers_removed_during_the_render(demo_gpkg, attempt):
    run = _probe(demo_gpkg)
    assert run.returncode == 0, f"QGIS died ({run.returncode}):\n{run.stderr[-2000:]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["rounds"] == ROUNDS and len(result["colours"]) == ROUNDS
    # every render after re-adding drew the map: many colours, not a blank image
    assert min(result["colours"]) > 20


def test_the_probe_reaches_the_crash_of_a_layer_reading_expression(demo_gpkg):
    """The same rounds with the former cluster colour (overlay_nearest on @layer) crash, so a
    pass above means the crash-free colour, not a probe that never hits the race."""
    crashes = [_probe(demo_gpkg, "old_colour").returncode for _ in range(3)]
    assert any(code < 0 or code > 128 for code in crashes), crashes
