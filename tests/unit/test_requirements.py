"""The dependency check names what is missing or too old, without importing the libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from industri_rumahan_plugin.core import requirements

REPO = Path(__file__).resolve().parents[2]
HIDE = REPO / "tests" / "hide_modules"


def _child(code: str, hide: str = "", extra_path: Path | None = None) -> str:
    path = [str(p) for p in (HIDE, extra_path, REPO) if p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path), "IR_HIDE_MODULES": hide}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return done.stdout.strip().splitlines()[-1]


def test_everything_present_here_and_nothing_imported_by_the_check():
    code = ("import sys\nfrom industri_rumahan_plugin.core import requirements as r\n"
            "print([m.name for m in r.missing()], sorted(n for n in r.LIBRARIES "
            "if n in sys.modules))")
    assert _child(code) == "[] []"


def test_a_hidden_library_is_reported_missing_and_openpyxl_is_not_needed():
    code = ("from industri_rumahan_plugin.core import requirements as r\n"
            "print([m.describe() for m in r.missing()], [m.name for m in r.missing(['scipy'])])")
    assert _child(code, hide="pandas,openpyxl") == "['pandas'] []"


def test_shapely_1_counts_as_missing(tmp_path):
    old = tmp_path / "shapely"
    old.mkdir()
    (old / "__init__.py").write_text("__version__ = '1.8.5'\n")
    dist = tmp_path / "shapely-1.8.5.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shapely\nVersion: 1.8.5\n")
    code = ("from industri_rumahan_plugin.core import requirements as r\n"
            "print([m.describe() for m in r.missing()])")
    assert _child(code, extra_path=tmp_path) == "['shapely 1.8.5 (≥ 2.0)']"


def _fake_shapely(root: Path, with_lib: bool) -> Path:
    """A shapely whose metadata says "0+unknown", as Debian sid's python3-shapely does."""
    package = root / "shapely"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("__version__ = '0+unknown'\n")
    if with_lib:
        (package / "lib.py").write_text("")
    dist = root / "shapely-0+unknown.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shapely\nVersion: 0+unknown\n")
    return root


def test_an_unreadable_version_is_judged_by_what_the_install_has(tmp_path):
    code = ("import sys\nfrom industri_rumahan_plugin.core import requirements as r\n"
            "print([m.describe() for m in r.missing(['shapely'])], 'shapely' in sys.modules)")
    assert _child(code, extra_path=_fake_shapely(tmp_path / "v2", with_lib=True)) == "[] False"
    assert _child(code, extra_path=_fake_shapely(tmp_path / "v1", with_lib=False)) == (
        "['shapely 0+unknown (≥ 2.0)'] False")


def test_install_commands_per_platform():
    items = [requirements.Missing("pandas", "", "1.3"), requirements.Missing("shapely", "1.8.5",
                                                                             "2.0")]
    assert requirements.pip_command(items) == 'python -m pip install pandas "shapely>=2.0"'
    assert requirements.apt_command(items) == (
        'sudo apt install python3-pandas; '
        'python3 -m pip install --user --break-system-packages "shapely>=2.0"')
    assert requirements.apt_command(items[:1]) == "sudo apt install python3-pandas"
    assert requirements.names_text(items) == "pandas, shapely 1.8.5 (≥ 2.0)"


def test_version_tuples():
    assert requirements._version_tuple("1.26.4rc1") == (1, 26, 4)
    assert requirements._version_tuple("2.0") > requirements._version_tuple("1.8.5")


def test_qpip_requirements_file_has_the_same_minima():
    lines = (REPO / "industri_rumahan_plugin" / "requirements.txt").read_text().splitlines()
    pins = dict(line.split(">=") for line in lines if line and not line.startswith("#"))
    assert pins == {name: spec[0] for name, spec in requirements.LIBRARIES.items()}
