"""qgis_process and batch runs speak the interface language: the provider installs the
plugin's translator itself (issue 17); wrapped library errors are translated with the
original text as detail. Also: the input checks hold through qgis_process, where QGIS 3.22
does not enforce a parameter's declared geometry types."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from qgis.core import QgsSettings

from industri_rumahan_plugin import toolbelt
from tests import spreadsheet_samples as samples
from tests.test_nothing_lost_inputs import _corrupt

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("qp_lang")
    plugin_install.install_plugin(root)
    return root


def _qgis_process(profiles: Path, lang: str, alg: str, **params: str):
    """Run one algorithm in its own qgis_process with the locale of ``lang`` ("id"/"en")."""
    import subprocess

    env = plugin_install.qgis_env(profiles)
    locale = "id_ID.UTF-8" if lang == "id" else "en_US.UTF-8"
    env.update({"LANG": locale, "LC_ALL": locale, "LANGUAGE": locale.split(".")[0]})
    args = [plugin_install.QGIS_PROCESS_BIN, "run", f"industrirumahan:{alg}", "--",
            *(f"{k}={v}" for k, v in params.items())]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize(("lang", "words"), [
    ("id", ["berisi geometri", "Pilih lapisan yang benar"]),
    ("en", ["geometries, but this input needs", "Choose the right layer"]),
])
def test_polygons_as_enterprises_refused_in_the_locale(profiles, demo_gpkg, tmp_path, lang,
                                                       words):
    out = tmp_path / "hasil.gpkg"
    code, said = _qgis_process(profiles, lang, "densitybyregion",
                               INPUT=f"{demo_gpkg}|layername=kecamatan",
                               REGIONS=f"{demo_gpkg}|layername=kabupaten", OUTPUT=str(out))
    assert code != 0 and not out.exists()
    for word in words:
        assert word in said, said[-1500:]
    assert "Traceback" not in said


def test_points_as_regions_refused_through_qgis_process(profiles, demo_gpkg, tmp_path):
    out = tmp_path / "celah.gpkg"
    code, said = _qgis_process(profiles, "id", "servicegap",
                               INPUT=f"{demo_gpkg}|layername=usaha",
                               SERVICES=f"{demo_gpkg}|layername=layanan",
                               REGIONS=f"{demo_gpkg}|layername=layanan", OUTPUT=str(out))
    assert code != 0 and "[REGIONS]: " in said and "berisi geometri" in said
    assert not out.exists()


def test_a_wrapped_sqlite_error_is_translated_with_its_detail(profiles, demo_copy, tmp_path):
    _corrupt(demo_copy)
    before = hashlib.sha256(demo_copy.read_bytes()).hexdigest()
    out = tmp_path / "panas.tif"
    code, said = _qgis_process(profiles, "id", "heatmap",
                               INPUT=f"{demo_copy}|layername=usaha", OUTPUT=str(out))
    assert code != 0 and not out.exists()
    assert "rusak" in said and "tidak ada yang dianalisis" in said
    assert "Rincian: database disk image is malformed" in said  # the original, as detail
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before


def test_a_broken_spreadsheet_is_explained_in_indonesian(profiles, demo_copy, tmp_path):
    locked = samples.encrypted_xlsx(tmp_path / "data_ir.xlsx")
    with sqlite3.connect(demo_copy) as con:
        before = con.execute("SELECT count(*) FROM usaha").fetchone()[0]
    code, said = _qgis_process(profiles, "id", "importspreadsheet", INPUT=str(locked),
                               TARGET=f"{demo_copy}|layername=usaha")
    assert code != 0 and "dilindungi kata sandi" in said and "Traceback" not in said
    with sqlite3.connect(demo_copy) as con:
        assert con.execute("SELECT count(*) FROM usaha").fetchone()[0] == before


def test_a_successful_run_reports_in_indonesian(profiles, demo_gpkg, tmp_path):
    out = tmp_path / "kepadatan.gpkg"
    code, said = _qgis_process(profiles, "id", "densitybyregion",
                               INPUT=f"{demo_gpkg}|layername=usaha",
                               REGIONS=f"{demo_gpkg}|layername=kabupaten", OUTPUT=str(out))
    assert code == 0, said[-1500:]
    assert "usaha dibaca" in said or "Membaca usaha" in said, said[-1500:]
    assert out.exists()


def test_the_provider_alone_installs_and_removes_the_translator(provider):
    """In-process (a batch script that loads only the provider): the same mechanism."""
    from industri_rumahan_plugin.processing.provider import IndustriRumahanProvider

    settings = QgsSettings()
    key = f"{toolbelt.SETTINGS_PREFIX}/language"
    old = settings.value(key, "")
    settings.setValue(key, "id")
    batch = IndustriRumahanProvider()
    try:
        assert toolbelt.tr("points") == "points"  # the session runs in English
        assert batch.load()
        assert toolbelt.tr("points") == "titik"
        assert toolbelt.tr("Detail: {detail}") == "Rincian: {detail}"
        again = toolbelt.install_translator("desktop")  # the plugin shares the one instance
        toolbelt.remove_translator(again, "desktop")
        assert toolbelt.tr("points") == "titik"  # still in use by the provider
    finally:
        batch.unload()
        settings.setValue(key, old)
    assert toolbelt.tr("points") == "points"


def test_the_installed_plugin_ships_the_compiled_translation(profiles):
    qm = plugin_install.plugins_dir(profiles) / "industri_rumahan_plugin" / "i18n" / \
        "industri_rumahan_id.qm"
    assert qm.is_file() and qm.stat().st_size > 1000
    assert shutil.which(plugin_install.QGIS_PROCESS_BIN) or Path(
        plugin_install.QGIS_PROCESS_BIN).exists()
