"""The support matrix table comes from a real pytest run: versions, counts, README block, exit code.

A tiny suite (2 passing, 1 failing, 1 skipped test) runs in a pytest subprocess with the
``tests.platform_report`` plugin and junit XML, as ``scripts/test --matrix`` runs each platform;
scripts/matrix_table.py then turns that XML into the table.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy
from qgis.core import Qgis
from qgis.PyQt.QtCore import QT_VERSION_STR

REPO = Path(__file__).resolve().parent.parent
SUITE = """
import pytest

def test_one():
    assert 1 + 1 == 2

def test_two():
    assert "a".upper() == "A"

def test_broken():
    assert 2 + 2 == 5, "arithmetic is broken"

@pytest.mark.skip(reason="not here")
def test_skipped():
    pass
"""


def _junit(tmp_path: Path) -> Path:
    (tmp_path / "test_tiny.py").write_text(SUITE)
    xml = tmp_path / "tiny.xml"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "-p", "tests.platform_report", f"--junitxml={xml}", "--rootdir",
                    str(tmp_path), "-c", os.devnull, str(tmp_path / "test_tiny.py")],
                   env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    return xml


def _table(tmp_path: Path, *platforms: str) -> tuple[subprocess.CompletedProcess, str, str]:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\n<!-- matrix:start -->\nold table\n<!-- matrix:end -->\n\nEnd.\n")
    out = tmp_path / "matrix.md"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "matrix_table.py"), *platforms,
                           "--out", str(out), "--readme", str(readme)],
                          capture_output=True, text=True, timeout=60)
    return done, readme.read_text(), out.read_text()


def test_table_row_holds_this_platforms_versions_and_counts(tmp_path):
    xml = _junit(tmp_path)
    done, readme, matrix = _table(tmp_path, f"here={xml}")
    row = next(line for line in readme.splitlines() if Qgis.version().split("-")[0] in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1:4] == [Qgis.version().split("-")[0], QT_VERSION_STR, platform.python_version()]
    assert cells[4] == numpy.__version__
    assert cells[8:11] == ["2", "1", "1"]  # passed, failed, skipped
    assert readme.startswith("# Title\n\n<!-- matrix:start -->\n| Platform |")
    assert "old table" not in readme and readme.endswith("<!-- matrix:end -->\n\nEnd.\n")
    assert "`test_tiny.py::test_broken`: AssertionError: arithmetic is broken" in matrix
    assert done.returncode == 1  # a failing platform fails the matrix


def test_a_platform_without_results_fails_the_matrix(tmp_path):
    done, readme, _matrix = _table(tmp_path, f"gone={tmp_path / 'missing.xml'}")
    assert "| gone |" in readme and "did not run" in readme
    assert done.returncode == 1
