"""scripts/install_plugin: the plugin lands in a QGIS profile, enabled, and qgis_process runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402

NAME = plugin_install.PLUGIN_NAME


def _enabled(root: Path) -> bool:
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings(str(plugin_install.settings_file(root)), QSettings.Format.IniFormat)
    return settings.value(f"PythonPlugins/{NAME}", False, type=bool)


def test_shell_script_copies_plugin_with_metadata_and_enables_it(tmp_path):
    result = subprocess.run([str(REPO / "scripts" / "install_plugin"), str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "profiles" / "default" / "python" / "plugins" / NAME
    assert target.is_dir() and not target.is_symlink()
    assert (target / "metadata.txt").read_text(encoding="utf-8") == (
        REPO / "metadata.txt").read_text(encoding="utf-8")
    assert (target / "__init__.py").is_file()
    assert (target / "resources" / "icons" / "icon.svg").is_file()
    assert not list(target.rglob("__pycache__")), "byte code must not be copied"
    if list((REPO / NAME / "i18n").glob("*.ts")):
        assert (target / "i18n" / "industri_rumahan_id.qm").stat().st_size > 0
    assert _enabled(tmp_path)


def test_reinstall_replaces_and_keeps_other_settings(tmp_path):
    from qgis.PyQt.QtCore import QSettings

    ini = plugin_install.settings_file(tmp_path)
    ini.parent.mkdir(parents=True)
    ini.write_text("[qgis]\nsomeSetting=42\n\n[PythonPlugins]\nother_plugin=true\n")
    target = plugin_install.install_plugin(tmp_path)
    stale = target / "stale_module.py"
    stale.write_text("x = 1\n")
    assert plugin_install.install_plugin(tmp_path) == target
    assert not stale.exists(), "a re-install must not keep files of the previous copy"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    assert settings.value("qgis/someSetting") == "42"
    assert settings.value("PythonPlugins/other_plugin", False, type=bool)
    assert _enabled(tmp_path)


def test_link_mode_points_at_sources_without_touching_them(tmp_path):
    before = sorted(p.name for p in (REPO / NAME).iterdir())
    target = plugin_install.install_plugin(tmp_path, link=True)
    assert (target / "metadata.txt").resolve() == (REPO / "metadata.txt").resolve()
    assert (target / "plugin.py").resolve() == (REPO / NAME / "plugin.py").resolve()
    assert (target / "processing").resolve() == (REPO / NAME / "processing").resolve()
    after = sorted(p.name for p in (REPO / NAME).iterdir() if p.name != "__pycache__")
    assert [n for n in before if n != "__pycache__"] == after
    # Back to a copy: the links are replaced, the sources stay.
    copied = plugin_install.install_plugin(tmp_path)
    assert not (copied / "plugin.py").is_symlink()
    assert (REPO / NAME / "plugin.py").is_file()


@pytest.fixture(scope="module")
def installed_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("qgis_profiles")
    plugin_install.install_plugin(root)
    return root


def test_qgis_process_lists_the_provider(installed_root):
    result = plugin_install.run_qgis_process(installed_root, "list")
    assert result.returncode == 0, result.stderr
    listed = [line.split()[0] for line in result.stdout.splitlines()
              if line.strip().startswith("industrirumahan:")]
    assert {"industrirumahan:createdatabase", "industrirumahan:generatedemo"} <= set(listed)
    plugins = plugin_install.run_qgis_process(installed_root, "plugins").stdout
    assert f"* {NAME}" in plugins, plugins


def test_qgis_process_runs_createdatabase_from_the_installed_copy(installed_root, tmp_path):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    from industri_rumahan_plugin.compat import GeometryType
    from industri_rumahan_plugin.core import schema

    out = tmp_path / "baru.gpkg"
    result = plugin_install.run_qgis_process(
        installed_root, "--json", "run", "industrirumahan:createdatabase", "--",
        f"OUTPUT={out}", "LOAD=false")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    answer = json.loads(result.stdout[result.stdout.index("{"):])
    assert answer["algorithm_details"]["id"] == "industrirumahan:createdatabase"
    assert Path(answer["results"]["OUTPUT"]) == out
    assert out.is_file() and out.read_bytes()[:16] == b"SQLite format 3\x00"

    usaha = QgsVectorLayer(f"{out}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert usaha.isValid()
    assert usaha.featureCount() == 0
    assert QgsWkbTypes.geometryType(usaha.wkbType()) == GeometryType.POINT
    assert usaha.crs().authid() == "EPSG:4326"
    names = set(usaha.fields().names())
    assert set(schema.field_names()) <= names, set(schema.field_names()) - names
    for table in (schema.SERVICES, schema.REGENCIES, schema.DISTRICTS, schema.VILLAGES):
        assert QgsVectorLayer(f"{out}|layername={table}", table, "ogr").isValid(), table
