"""Shared fixtures: the plugin's provider in the real QGIS, demo data, paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
BOUNDARIES = DATA / "boundaries"


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
