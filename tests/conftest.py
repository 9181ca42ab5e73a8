"""Shared fixtures: the plugin's provider in the real QGIS, demo data, paths."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
BOUNDARIES = DATA / "boundaries"


_SESSION: dict[str, int] = {}


def pytest_sessionfinish(session, exitstatus):
    _SESSION["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave with pytest's own status once every result is reported.

    QGIS 3.22 can segfault in Python's final clean-up when a Qt object outlives
    ``exitQgis()``; that would turn a green run red after the summary. Set
    IR_TEST_SOFT_EXIT=1 to exit normally and see such crashes.
    """
    if "status" in _SESSION and os.environ.get("IR_TEST_SOFT_EXIT") != "1":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_SESSION["status"])


def pytest_report_header(config):
    from qgis.core import Qgis

    return f"QGIS {Qgis.QGIS_VERSION}"


@pytest.fixture(scope="session")
def provider(qgis_processing):
    """The plugin's Processing provider, registered once like QGIS does at start-up."""
    from qgis.core import QgsApplication

    from industri_rumahan_plugin.processing.provider import PROVIDER_ID, IndustriRumahanProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PROVIDER_ID)
    if existing is None:
        existing = IndustriRumahanProvider()
        assert registry.addProvider(existing)
    return existing


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory, provider) -> Path:
    """A read-only Bangka Belitung demo GeoPackage (built once per session). Copy before editing."""
    from industri_rumahan_plugin.adapters.demo_data import build_demo_geopackage

    path = tmp_path_factory.mktemp("demo") / "industri_rumahan_babel.gpkg"
    build_demo_geopackage(path, count=3000, seed=42)
    return path


@pytest.fixture
def demo_copy(demo_gpkg, tmp_path) -> Path:
    """A private, writable copy of the demo GeoPackage."""
    target = tmp_path / demo_gpkg.name
    shutil.copy(demo_gpkg, target)
    return target


@pytest.fixture
def foreign_gpkg(provider, tmp_path) -> Path:
    """A GeoPackage made by another tool (QGIS's points-from-table): never ours to change."""
    from qgis import processing

    path = tmp_path / "tool" / "kantor.gpkg"  # apart from the test's own files
    path.parent.mkdir()
    processing.run("native:createpointslayerfromtable", {
        "INPUT": str(BOUNDARIES / "babel_desa_kelurahan_kode_centroid.csv"),
        "XFIELD": "centroid_lng", "YFIELD": "centroid_lat", "TARGET_CRS": "EPSG:4326",
        "OUTPUT": str(path)})
    return path


@pytest.fixture(autouse=True)
def _collect_cycles_at_teardown():
    """Free reference cycles when each test ends, not whenever Python's collector next runs.

    ``pytest.raises(...) as caught`` around ``processing.run`` keeps a cycle (the test's frame,
    the exception info, its traceback) holding Processing's context, its temporary layers and
    the algorithm. Collected at a random later moment — twice inside pytest-qgis's
    ``newProject`` while QGIS was clearing the project — their destructors crashed QGIS 3.22
    in full runs (never in a file alone). Collected here, they die while everything they
    point to still exists: 834 tests passed where two full runs had crashed.
    """
    yield
    import gc

    gc.collect()
