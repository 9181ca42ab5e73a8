"""scripts/package: a zip QGIS's "Install from ZIP" accepts, which loads and unloads cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NAME = "industri_rumahan_plugin"
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    zip_path = tmp_path_factory.mktemp("package") / f"{NAME}.zip"
    result = subprocess.run([str(REPO / "scripts" / "package"), "-o", str(zip_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert zip_path.is_file()
    return zip_path


def _names(zip_path: Path) -> list[str]:
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None
        return archive.namelist()


def test_zip_has_one_top_folder_with_metadata_translations_and_icons(package):
    names = _names(package)
    assert all(n.startswith(f"{NAME}/") for n in names)
    # How QGIS's installer (pyplugin_installer.installFromZipFile) finds the plugin's folder.
    first_metadata = sorted(n for n in names if n.endswith("metadata.txt"))[0]
    assert os.path.split(first_metadata)[0] == NAME
    with zipfile.ZipFile(package) as archive:
        assert archive.read(f"{NAME}/metadata.txt") == (REPO / "metadata.txt").read_bytes()
        meta = archive.read(f"{NAME}/metadata.txt").decode("utf-8")
    icon = next(line.split("=", 1)[1] for line in meta.splitlines() if line.startswith("icon="))
    assert f"{NAME}/{icon}" in names
    for required in ("__init__.py", "plugin.py", "processing/provider.py"):
        assert f"{NAME}/{required}" in names, required
    if list((REPO / NAME / "i18n").glob("*.ts")):
        assert f"{NAME}/i18n/industri_rumahan_id.qm" in names


def test_zip_ships_no_tests_bytecode_or_sources_of_translations(package):
    names = _names(package)
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo"))]
    assert not [n for n in names if "/tests/" in n or n.split("/")[-1].startswith("test_")]
    assert not [n for n in names if n.endswith(".ts")]
    source_files = {p.relative_to(REPO).as_posix() for p in (REPO / NAME).rglob("*.py")
                    if "__pycache__" not in p.parts}
    assert source_files <= set(names), source_files - set(names)


def test_qrc_lists_every_icon_and_only_existing_files():
    root = ET.parse(REPO / "resources.qrc").getroot()
    listed = {f.text for f in root.iter("file")}
    assert all((REPO / path).is_file() for path in listed), listed
    icon_dir = REPO / NAME / "resources" / "icons"
    icons = {p.relative_to(REPO).as_posix() for p in icon_dir.iterdir()}
    assert icons <= listed, "run scripts/package --write-qrc to list new icons"


def test_zip_needs_no_compiled_resources(package):
    """Icons load by file path: no PyQt5-only ``resources_rc.py`` that QGIS 4 could not import."""
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        code = [archive.read(n).decode("utf-8") for n in names if n.endswith(".py")]
    assert not [n for n in names if n.endswith("resources_rc.py")]
    assert len(code) > 50
    assert not [text for text in code if "resources_rc" in text or "QtWebKit" in text]


def test_unzipped_plugin_loads_unloads_and_reloads_in_qgis(package, tmp_path):
    sys.path.insert(0, "/usr/share/qgis/python")
    from pyplugin_installer.unzip import unzip

    plugins = plugin_install.plugins_dir(tmp_path / "profiles_root")
    unzip(str(package), str(plugins))
    assert (plugins / NAME / "metadata.txt").is_file()

    env = plugin_install.qgis_env(tmp_path / "profiles_root")
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in env["PYTHONPATH"].split(os.pathsep) if Path(p).resolve() != REPO)
    env["IR_PLUGINS_DIR"] = str(plugins)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(REPO / "tests" / "plugin_load_check.py"),
         "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
         "-c", str(REPO / "pyproject.toml"), "--rootdir", str(REPO)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout


@pytest.mark.parametrize(("qgis_version", "accepted"), [
    ("3.22.16", True), ("3.40.6", True), ("3.44.15", True), ("4.0.0", True), ("4.2.1", True),
    ("3.20.3", False), ("5.0.0", False)])
def test_qgis_installer_accepts_3_22_to_4(qgis_version, accepted):
    """QGIS's own check: without qgisMaximumVersion a plugin is capped at 3.99 (no QGIS 4)."""
    import configparser

    sys.path.insert(0, "/usr/share/qgis/python")
    from pyplugin_installer.version_compare import isCompatible

    meta = configparser.ConfigParser(interpolation=None)
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert isCompatible(qgis_version, general["qgisMinimumVersion"],
                        general.get("qgisMaximumVersion", "")) is accepted
