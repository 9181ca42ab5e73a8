"""The installed plugin run from ``qgis_process`` (the batch users' interface), end to end.

Runs in a separate QGIS process, so crashes that in-process tests cannot see (threads, object
lifetimes at exit) fail here with the process's return code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("qp_profiles")
    plugin_install.install_plugin(root)
    return root


def _run(profiles: Path, alg: str, **params: str) -> subprocess.CompletedProcess:
    args = ["run", f"industrirumahan:{alg}", "--", *(f"{k}={v}" for k, v in params.items())]
    done = plugin_install.run_qgis_process(profiles, *args, timeout=600)
    assert done.returncode == 0, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    return done


def test_density_then_report_through_qgis_process(profiles, demo_gpkg, tmp_path):
    usaha = f"{demo_gpkg}|layername=usaha"
    kab = f"{demo_gpkg}|layername=kabupaten"
    density = tmp_path / "kepadatan.gpkg"
    _run(profiles, "densitybyregion", INPUT=usaha, REGIONS=kab, OUTPUT=str(density))
    assert density.stat().st_size > 0
    pdf = tmp_path / "laporan.pdf"
    _run(profiles, "exportreport", INPUT=usaha, REGIONS=kab,
         SERVICES=f"{demo_gpkg}|layername=layanan", OUTPUT=str(pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # the summary, then per regency its page and (the demo has a stage history) its
    # Kenaikan kelas page
    assert text.count("\f") == 1 + 7 * 2
    assert text.count("Kenaikan kelas") >= 7
    for name in ("Kabupaten Bangka", "Kabupaten Belitung Timur", "Kota Pangkal Pinang"):
        assert name in text


def test_nearest_service_through_qgis_process(profiles, demo_gpkg, tmp_path):
    out = tmp_path / "terdekat.gpkg"
    done = _run(profiles, "nearestservice", INPUT=f"{demo_gpkg}|layername=usaha",
                SERVICES=f"{demo_gpkg}|layername=layanan", OUTPUT=str(out))
    assert out.stat().st_size > 0
    assert "OUTPUT" in done.stdout


def test_qgis_process_refuses_an_analysis_output_as_regions(profiles, demo_gpkg, tmp_path):
    usaha = f"{demo_gpkg}|layername=usaha"
    density = tmp_path / "kepadatan.gpkg"
    _run(profiles, "densitybyregion", INPUT=usaha, REGIONS=f"{demo_gpkg}|layername=kabupaten",
         OUTPUT=str(density))
    pdf = tmp_path / "salah.pdf"
    done = plugin_install.run_qgis_process(
        profiles, "run", "industrirumahan:exportreport", "--", f"INPUT={usaha}",
        f"REGIONS={density}", f"OUTPUT={pdf}", timeout=600)
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert "[REGIONS]: " in said and "is an analysis output, not a boundary layer" in said
    assert not pdf.exists()
