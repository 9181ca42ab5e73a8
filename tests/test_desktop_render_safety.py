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


def _probe(gpkg, mode: str = "", timeout: int = 600) -> subprocess.CompletedProcess:
    """The probe's outcome; a hang (no exit within ``timeout``) raises TimeoutExpired."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, str(PROBE), str(gpkg), str(ROUNDS), mode],
                          env=env, capture_output=True, text=True, timeout=timeout)


def _fails(gpkg, mode: str) -> str:
    """How the probe fails in ``mode``: "crash", "hang" or "" (it finished)."""
    try:
        code = _probe(gpkg, mode, timeout=240).returncode
    except subprocess.TimeoutExpired:
        return "hang"
    return "crash" if code < 0 or code > 128 else ""


@pytest.mark.parametrize("attempt", range(3))
def test_render_survives_layers_removed_during_the_render(demo_gpkg, attempt):
    run = _probe(demo_gpkg)
    assert run.returncode == 0, f"QGIS died ({run.returncode}):\n{run.stderr[-2000:]}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["rounds"] == ROUNDS and len(result["colours"]) == ROUNDS
    # every render after re-adding drew the map: many colours, not a blank image
    assert min(result["colours"]) > 20


def test_the_probe_reaches_the_failure_of_a_layer_reading_expression(demo_gpkg):
    """The same rounds with the former cluster colour (overlay_nearest on @layer) crash QGIS
    3.22 (layerScope on a deleted layer) and hang QGIS 3.44 (the render thread waits for the
    main thread, which waits for the render), so a pass above means the layer-free colour,
    not a probe that never hits the race."""
    outcomes = []
    for _ in range(5):
        outcomes.append(_fails(demo_gpkg, "old_colour"))
        if outcomes[-1]:
            break
    assert outcomes[-1] in ("crash", "hang"), outcomes
