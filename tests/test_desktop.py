"""The real QGIS desktop (under Xvfb) starts with the installed plugin: no Python error,
provider and toolbar present, a screenshot of the main window (out/desktop.png)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.desktop_support import DESKTOP_MARKS, REPO, plugin_install, run_desktop

pytestmark = DESKTOP_MARKS

# Run inside QGIS once its window is up (tests/desktop_support.py's probe frame).
COLLECT = r'''
from qgis.PyQt.QtWidgets import QToolBar


def collect(window, result):
    provider = QgsApplication.processingRegistry().providerById("industrirumahan")
    toolbar = window.findChild(QToolBar, "IndustriRumahanToolbar")
    menu_actions = []
    for action in qgis.utils.iface.pluginMenu().actions():
        if action.menu() is not None and "Industri Rumahan" in action.text():
            menu_actions = [a.objectName() for a in action.menu().actions()]
    result.update(
        qgis_version=Qgis.QGIS_VERSION,
        active_plugins=list(qgis.utils.active_plugins),
        plugin_file=getattr(__import__("industri_rumahan_plugin"), "__file__", ""),
        provider=provider is not None,
        algorithms=sorted(a.id() for a in provider.algorithms()) if provider else [],
        toolbar=toolbar is not None,
        toolbar_visible=bool(toolbar and toolbar.isVisible()),
        toolbar_actions=[a.objectName() for a in toolbar.actions()] if toolbar else [],
        menu_actions=menu_actions,
    )
'''


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("desktop")
    root = work / "profiles_root"
    plugin_install.install_plugin(root)
    shot = work / "desktop.png"
    data = run_desktop(work, root, COLLECT, shot)
    data["_shot"] = shot
    if data["_shot"].is_file():
        (REPO / "out").mkdir(exist_ok=True)
        shutil.copy(data["_shot"], REPO / "out" / "desktop.png")
    return data


def test_qgis_starts_with_the_plugin_and_no_python_error(desktop_run):
    assert "probe_error" not in desktop_run, (
        desktop_run["probe_error"] + "\n".join(desktop_run["python_errors"]))
    assert desktop_run["hook_ran"], "PYQGIS_STARTUP hook did not run: errors would go unseen"
    assert "industri_rumahan_plugin" in desktop_run["active_plugins"]
    plugin_file = Path(desktop_run["plugin_file"])
    assert "profiles_root" in plugin_file.parts, "QGIS must load the installed copy"
    assert desktop_run["python_errors"] == [], "\n".join(desktop_run["python_errors"])


def test_provider_and_algorithms_are_registered(desktop_run):
    assert desktop_run["provider"]
    assert {"industrirumahan:createdatabase", "industrirumahan:generatedemo"} <= set(
        desktop_run["algorithms"])


def test_toolbar_and_menu_hold_the_plugin_actions(desktop_run):
    assert desktop_run["toolbar"] and desktop_run["toolbar_visible"]
    assert "IndustriRumahanCreateDatabase" in desktop_run["toolbar_actions"]
    assert {"IndustriRumahanCreateDatabase", "IndustriRumahanGenerateDemo",
            "IndustriRumahanPublishWebMap"} <= set(
        desktop_run["menu_actions"])
    assert len(desktop_run["toolbar_actions"]) == len(set(desktop_run["toolbar_actions"]))


def test_screenshot_of_the_main_window(desktop_run, qgis_app):
    from qgis.PyQt.QtGui import QImage

    assert desktop_run["screenshot"] is True
    image = QImage(str(desktop_run["_shot"]))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    # A painted window, not a blank frame: many distinct colours in a sample of pixels.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 29)}
    assert len(colours) > 20
