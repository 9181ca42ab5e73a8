"""The output guard in ``qgis_process`` (batch users, no dialog to ask): an office database
and an input's file are refused, an earlier output of the plugin is replaced (issue 17)."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("qp_guard_profiles")
    plugin_install.install_plugin(root)
    return root


def qgis_process(profiles: Path, alg: str, **params: str):
    args = ["run", f"industrirumahan:{alg}", "--", *(f"{k}={v}" for k, v in params.items())]
    return plugin_install.run_qgis_process(profiles, *args, timeout=600)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_qgis_process_refuses_an_office_database_and_an_inputs_file(profiles, demo_copy):
    before = digest(demo_copy)
    done = qgis_process(profiles, "createdatabase", OUTPUT=str(demo_copy), LOAD="false")
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "[OUTPUT]: " in said and "never replaced" in said
    done = qgis_process(profiles, "densitybyregion", INPUT=f"{demo_copy}|layername=usaha",
                        REGIONS=f"{demo_copy}|layername=kabupaten", OUTPUT=str(demo_copy))
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "is the file of the input INPUT" in said
    assert digest(demo_copy) == before
    with sqlite3.connect(demo_copy) as con:
        assert con.execute("SELECT count(*) FROM usaha").fetchone()[0] == 3000


def test_qgis_process_replaces_its_own_earlier_output(profiles, demo_gpkg, tmp_path):
    out = tmp_path / "usaha.csv"
    for mask in ("true", "false"):
        done = qgis_process(profiles, "exportspreadsheet", INPUT=f"{demo_gpkg}|layername=usaha",
                            OUTPUT=str(out), MASK_NIK=mask)
        assert done.returncode == 0, done.stderr[-2000:]
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 3001
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".industri_rumahan-")]
