"""The density algorithms' modules load without pandas, scipy or shapely.

Every ``qgis_process`` start (and QGIS's) imports the provider and so every algorithm module;
the heavy libraries are imported when an algorithm runs. Checked in a fresh interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODULES = ["density_by_region", "heatmap", "hotspots", "nearest_neighbour_index"]
HEAVY = ["pandas", "scipy", "shapely"]


def test_density_algorithm_modules_import_no_heavy_library():
    code = (
        "import sys, qgis.core\n"
        + "".join(f"import industri_rumahan_plugin.processing.{m}\n" for m in MODULES)
        + f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_heatmap_kernel_names_match_the_core():
    from industri_rumahan_plugin.core import kde
    from industri_rumahan_plugin.processing import heatmap

    assert heatmap.KERNELS == kde.KERNELS
