"""The installed plugin on a QGIS that lacks one library: ``qgis_process`` still lists every
algorithm, the ones needing the missing library refuse with a message naming it and how to
install it, and the others run. No Python traceback anywhere (issue 11 item 3).

Each library is hidden from QGIS's Python by ``tests/hide_modules/sitecustomize.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HIDE_DIR = REPO / "tests" / "hide_modules"
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402

from industri_rumahan_plugin.processing.provider import algorithm_classes  # noqa: E402

#: hidden library -> an algorithm that needs it (None: nothing needs it any more)
NEEDED_BY = {"numpy": "densitybyregion", "shapely": "densitybyregion", "pandas": "densitybyregion",
             "scipy": "heatmap", "openpyxl": None}


def hidden_env(profiles: Path, hide: str) -> dict:
    """QGIS's environment for the plugin of ``profiles``, with ``hide`` unimportable."""
    env = plugin_install.qgis_env(profiles)
    env["PYTHONPATH"] = os.pathsep.join([str(HIDE_DIR), env["PYTHONPATH"]])
    env["IR_HIDE_MODULES"] = hide
    return env


def our_tracebacks(output: str) -> list[str]:
    """Python tracebacks in ``output`` that pass through the plugin.

    Without numpy, QGIS's own Processing plugin fails to load (its TestTools import numpy):
    that traceback is QGIS's, not ours, and is left out here.
    """
    blocks = output.split("Traceback (most recent call last):")[1:]
    return [b for b in blocks if "industri_rumahan_plugin" in b.split("Error:")[0]]


def qgis_process(profiles: Path, hide: str, *args: str) -> tuple[int, str]:
    done = subprocess.run([plugin_install.QGIS_PROCESS_BIN, *args],
                          env=hidden_env(profiles, hide), capture_output=True, text=True,
                          timeout=300)
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hidden_profiles")
    plugin_install.install_plugin(root)
    return root


@pytest.mark.parametrize("library", sorted(NEEDED_BY))
def test_hidden_library_really_is_hidden_from_qgis_python(profiles, library):
    done = subprocess.run(["/usr/bin/python3", "-c", f"import {library}"],
                          env=hidden_env(profiles, library), capture_output=True, text=True)
    assert done.returncode == 1
    assert f"No module named '{library}'" in done.stderr


@pytest.mark.parametrize("library", sorted(NEEDED_BY))
def test_qgis_process_without_a_library(profiles, demo_gpkg, tmp_path, library):
    qgis_itself = subprocess.run(["/usr/bin/python3", "-c", "import qgis.core"],
                                 env=hidden_env(profiles, library), capture_output=True,
                                 text=True)
    if qgis_itself.returncode != 0:  # QGIS 3.40+ imports numpy in qgis.core: no such QGIS
        pytest.skip(f"this QGIS's own Python cannot start without {library}")
    code, listed = qgis_process(profiles, library, "list")
    assert code == 0, listed[-2000:]
    assert our_tracebacks(listed) == []
    if library != "numpy":
        assert "Traceback" not in listed
    ids = {f"industrirumahan:{cls.ALG_ID}" for cls in algorithm_classes()}
    assert {i for i in ids if i in listed} == ids

    database = tmp_path / "baru.gpkg"
    code, out = qgis_process(profiles, library, "run", "industrirumahan:createdatabase", "--",
                             f"OUTPUT={database}")
    assert code == 0, out[-2000:]
    assert our_tracebacks(out) == [] and database.stat().st_size > 0

    needing = NEEDED_BY[library]
    if needing is None:  # openpyxl: XLSX is written (and read) by GDAL
        sheet = tmp_path / "ekspor.xlsx"
        code, out = qgis_process(profiles, library, "run", "industrirumahan:exportspreadsheet",
                                 "--", f"INPUT={demo_gpkg}|layername=usaha", f"OUTPUT={sheet}")
        assert code == 0, out[-2000:]
        assert our_tracebacks(out) == []
        from industri_rumahan_plugin.adapters import xlsx

        frame, _ = xlsx.read_table(sheet)
        assert len(frame) == 3000 and {"Nama usaha", "NIK", "Lintang"} <= set(frame.columns)
        return
    code, out = qgis_process(
        profiles, library, "run", f"industrirumahan:{needing}", "--",
        f"INPUT={demo_gpkg}|layername=usaha", f"REGIONS={demo_gpkg}|layername=kabupaten",
        f"OUTPUT={tmp_path / 'out.gpkg'}", f"OUTPUT_SERVICES={tmp_path / 'services.gpkg'}")
    assert code != 0
    assert our_tracebacks(out) == []
    assert f"This tool needs Python libraries that this QGIS lacks: {library}." in out
    assert "OSGeo4W Shell" in out and f"python -m pip install {library}" in out
    assert f"sudo apt install python3-{library}" in out and "QPIP" in out
    assert not (tmp_path / "out.gpkg").exists()


def test_qgis_process_with_shapely_1(profiles, demo_gpkg, tmp_path):
    """Shapely 1.x (old OSGeo4W, Debian 12's python3-shapely) counts as missing: needs 2."""
    old = tmp_path / "old" / "shapely"
    old.mkdir(parents=True)
    (old / "__init__.py").write_text("__version__ = '1.8.5'\n")
    dist = tmp_path / "old" / "shapely-1.8.5.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shapely\nVersion: 1.8.5\n")
    env = hidden_env(profiles, "")
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "old"), env["PYTHONPATH"]])
    done = subprocess.run(
        [plugin_install.QGIS_PROCESS_BIN, "run", "industrirumahan:densitybyregion", "--",
         f"INPUT={demo_gpkg}|layername=usaha", f"REGIONS={demo_gpkg}|layername=kabupaten",
         f"OUTPUT={tmp_path / 'out.gpkg'}"], env=env, capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and our_tracebacks(out) == []
    assert "lacks: shapely 1.8.5 (≥ 2.0)." in out
    assert 'python -m pip install "shapely>=2.0"' in out
    assert 'python3 -m pip install --user --break-system-packages "shapely>=2.0"' in out
