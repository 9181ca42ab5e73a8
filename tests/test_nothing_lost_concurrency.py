"""Two imports of the same rows into one GeoPackage at the same moment add them once
(issue 17): the duplicate check and the write run under one lock per database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis import processing

from industri_rumahan_plugin.adapters.geopackage import create_database
from tests.unit.test_spreadsheet_import import _office_xlsx

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tests" / "alg_subprocess.py"


def rows(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(*) FROM usaha").fetchone()[0]


def uids(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(uid), count(DISTINCT uid) FROM usaha").fetchone()


def at_once(runs: list[dict], folder: Path) -> list[dict]:
    """Start one process per import, let them all start together, return their outputs."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    start = folder / "mulai"
    procs, ready = [], []
    for i, params in enumerate(runs):
        ready.append(folder / f"siap_{i}")
        procs.append(subprocess.Popen(
            [sys.executable, str(SCRIPT), "importspreadsheet", json.dumps(params), "0",
             str(ready[-1]), str(start)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    deadline = time.monotonic() + 300
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.05)
    start.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        lines = {line.split(":", 1)[0]: line.split(":", 1)[1].strip()
                 for line in out.splitlines() if line.startswith(("RESULT:", "OUTPUTS:"))}
        assert lines.get("RESULT") == "written", out + err
        outputs.append(json.loads(lines["OUTPUTS"]))
    return outputs


@pytest.mark.parametrize("copies", [2, 3])
def test_the_same_office_sheet_imported_at_once_is_added_once(tmp_path, provider, copies):
    database = tmp_path / "ir.gpkg"
    target = create_database(database)["enterprises"]
    sheet = tmp_path / "data_ir_kabupaten.xlsx"
    _office_xlsx(sheet)
    outputs = at_once([{"INPUT": str(sheet), "TARGET": target}] * copies, tmp_path)
    assert rows(database) == 5  # the sheet's five good rows, once
    assert sorted(o["IMPORTED"] for o in outputs) == [0] * (copies - 1) + [5]
    assert sorted(o["SKIPPED"] for o in outputs) == [0] + [5] * (copies - 1)
    assert not list(tmp_path.glob("*.lock"))


def test_an_export_imported_twice_at_once_as_csv_and_xlsx_is_added_once(demo_gpkg, tmp_path):
    """3,000 enterprises exported by the plugin, brought back as CSV and XLSX into a new
    database by two runs at the same moment: as many rows as one import alone, each uid
    once."""
    database = tmp_path / "ir.gpkg"
    target = create_database(database)["enterprises"]
    files = []
    for name in ("usaha.csv", "usaha.xlsx"):
        processing.run("industrirumahan:exportspreadsheet", {
            "INPUT": f"{demo_gpkg}|layername=usaha", "OUTPUT": str(tmp_path / name),
            "MASK_NIK": False})
        files.append(tmp_path / name)
    alone = tmp_path / "sendiri.gpkg"  # the same file imported alone: what once means
    once = processing.run("industrirumahan:importspreadsheet", {
        "INPUT": str(files[0]), "TARGET": create_database(alone)["enterprises"]})["IMPORTED"]
    assert once == rows(alone) > 2900
    outputs = at_once([{"INPUT": str(f), "TARGET": target} for f in files], tmp_path)
    assert rows(database) == once and uids(database) == (once, once)
    assert sorted(o["IMPORTED"] for o in outputs) == [0, once]
