"""A full disk never leaves a truncated file where an earlier output was (issue 17).

Each case runs the algorithm twice in a subprocess: once without a limit (the earlier output,
recorded as the plugin's), then with a file-size limit of half that output's size
(RLIMIT_FSIZE: every write past it fails, as on a full disk). The second run must fail with a
message, leave every file byte for byte as it was and leave no staging folder behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from industri_rumahan_plugin.adapters import output_writer

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tests" / "alg_subprocess.py"


def run_limited(alg: str, params: dict, limit: int) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(SCRIPT), alg, json.dumps(params), str(limit)],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    lines = [x for x in done.stdout.splitlines() if x.startswith("RESULT:")]
    assert lines, done.stdout + done.stderr
    return lines[-1]


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _report(db: Path, out: Path) -> dict:
    return {"INPUT": f"{db}|layername=usaha", "REGIONS": f"{db}|layername=kabupaten",
            "SERVICES": f"{db}|layername=layanan", "OUTPUT": str(out / "laporan.pdf")}


def _spreadsheet(db: Path, out: Path) -> dict:
    return {"INPUT": f"{db}|layername=usaha", "OUTPUT": str(out / "usaha_2025.xlsx")}


def _demo(db: Path, out: Path) -> dict:
    return {"REGIONS": f"{db}|layername=kecamatan", "CODE_FIELD": "kode", "COUNT": 20000,
            "OUTPUT": str(out / "demo.gpkg"), "OUTPUT_SERVICES": str(out / "layanan.gpkg")}


@pytest.mark.parametrize("alg,make,main", [("exportreport", _report, "laporan.pdf"),
                                           ("exportspreadsheet", _spreadsheet, "usaha_2025.xlsx"),
                                           ("generatedemo", _demo, "demo.gpkg")])
def test_a_full_disk_leaves_the_earlier_output_whole(demo_gpkg, tmp_path, alg, make, main):
    out = tmp_path / "keluaran"
    out.mkdir()
    params = make(demo_gpkg, out)
    assert run_limited(alg, params, 0) == "RESULT: written"
    before = snapshot(out)
    size = (out / main).stat().st_size
    assert size > 100_000  # big enough for the limit below to cut it
    result = run_limited(alg, params, size // 2)
    assert result.startswith("RESULT: refused:")
    assert "nothing was written" in result or "disk" in result, result
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(output_writer.STAGE_PREFIX)]


def test_a_full_disk_writes_no_new_report(demo_gpkg, tmp_path):
    result = run_limited("exportreport", _report(demo_gpkg, tmp_path), 2_000_000)
    assert result.startswith("RESULT: refused:") and "laporan.pdf" in result, result
    assert list(tmp_path.iterdir()) == []
