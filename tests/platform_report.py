"""pytest plugin for the support matrix: the platform's versions as junit XML properties.

``scripts/test --matrix`` loads it (``-p tests.platform_report``) so that each platform's
junit XML says which QGIS, Python and libraries its counts belong to; scripts/matrix_table.py
turns those files into the README's table.
"""

from __future__ import annotations

import importlib
import platform
import subprocess
from pathlib import Path

import pytest


def _os_name() -> str:
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return platform.platform()


def _module_version(name: str) -> str:
    """The module's version; Debian's dpkg version where the module does not know its own."""
    try:
        version = str(importlib.import_module(name).__version__)
    except ImportError:
        return "missing"
    if version.startswith("0+"):  # e.g. sid's python3-shapely: "0+unknown"
        done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", f"python3-{name}"],
                              capture_output=True, text=True)
        version = done.stdout.split(":")[-1].split("+")[0].split("-")[0] or version
    return version


def platform_versions() -> dict[str, str]:
    """What the matrix table shows for this platform."""
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QT_VERSION_STR

    versions = {"os": _os_name(), "qgis": Qgis.version().split("-")[0], "qt": QT_VERSION_STR,
                "python": platform.python_version()}
    for name in ("numpy", "shapely", "pandas", "scipy"):
        versions[name] = _module_version(name)
    return versions


@pytest.fixture(scope="session", autouse=True)
def _record_platform_versions(record_testsuite_property) -> None:
    for name, value in platform_versions().items():
        record_testsuite_property(name, value)
