"""The real QGIS desktop (under Xvfb) starts with the installed plugin: no Python error,
provider and toolbar present, a screenshot of the main window (out/desktop.png)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402

pytestmark = [
    pytest.mark.desktop,
    pytest.mark.skipif(not (Path(plugin_install.QGIS_BIN).exists() and shutil.which("xvfb-run")),
                       reason="needs /usr/bin/qgis.bin and xvfb-run (scripts/setup installs them)"),
]
STARTUP_TIMEOUT = 420  # seconds: a cold QGIS 3.22 start under Xvfb on a busy CI machine

# Run by QGIS's Python before any plugin loads (PYQGIS_STARTUP): records every critical Python
# message in a file, and turns QGIS's modal error dialog into that record, so a broken plugin
# makes the test fail with the traceback instead of hanging on a dialog under Xvfb.
HOOK = r'''
import json
import qgis.utils
from qgis.core import Qgis, QgsApplication

ERRORS = {errors!r}


def _record(text):
    with open(ERRORS, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(text) + "\n")


def _on_message(message, tag, level):
    if level == Qgis.MessageLevel.Critical and tag == "Python":
        _record(message)


def _no_dialog(type, value, tb, msg, pop_error=True):
    import traceback
    _record(msg + "\n" + "".join(traceback.format_exception(type, value, tb)))


open(ERRORS, "a", encoding="utf-8").close()
QgsApplication.messageLog().messageReceived.connect(_on_message)
qgis.utils.open_stack_dialog = _no_dialog
'''

# Run by QGIS itself (--code) once its main window exists; checks from inside the application.
PROBE = r'''
import json, traceback
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QToolBar
import qgis.utils

RESULT, SHOT, NAME = {result!r}, {shot!r}, "industri_rumahan_plugin"


def probe():
    result = {{}}
    try:
        window = qgis.utils.iface.mainWindow()
        registry = QgsApplication.processingRegistry()
        provider = registry.providerById("industrirumahan")
        toolbar = window.findChild(QToolBar, "IndustriRumahanToolbar")
        menu_actions = []
        for action in qgis.utils.iface.pluginMenu().actions():
            if action.menu() is not None and "Industri Rumahan" in action.text():
                menu_actions = [a.objectName() for a in action.menu().actions()]
        result.update(
            qgis_version=Qgis.QGIS_VERSION,
            active_plugins=list(qgis.utils.active_plugins),
            plugin_file=getattr(__import__(NAME), "__file__", ""),
            provider=provider is not None,
            algorithms=sorted(a.id() for a in provider.algorithms()) if provider else [],
            toolbar=toolbar is not None,
            toolbar_visible=bool(toolbar and toolbar.isVisible()),
            toolbar_actions=[a.objectName() for a in toolbar.actions()] if toolbar else [],
            menu_actions=menu_actions,
        )
        result["screenshot"] = window.grab().save(SHOT, "PNG")
    except Exception:
        result["probe_error"] = traceback.format_exc()
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.instance().exit(0)


def when_ready(tries=[0]):
    """Wait until the main window is shown and the provider registered (or give up)."""
    tries[0] += 1
    window = qgis.utils.iface.mainWindow()
    ready = window.isVisible() and QgsApplication.processingRegistry().providerById(
        "industrirumahan") is not None
    if ready or tries[0] > 240:
        QTimer.singleShot(3000, probe)  # let the canvas and toolbars paint
    else:
        QTimer.singleShot(500, when_ready)


# No window manager under Xvfb: size the window to the screen ourselves.
_window = qgis.utils.iface.mainWindow()
_window.setGeometry(QgsApplication.primaryScreen().availableGeometry())
QTimer.singleShot(500, when_ready)
'''


def run_desktop(work: Path, root: Path) -> dict:
    """Start QGIS on ``root`` with the hook and the probe; the probe's result plus errors."""
    result, shot, errors = work / "result.json", work / "desktop.png", work / "errors.jsonl"
    hook, script = work / "startup.py", work / "probe.py"
    hook.write_text(HOOK.format(errors=str(errors)), encoding="utf-8")
    script.write_text(PROBE.format(result=str(result), shot=str(shot)), encoding="utf-8")
    env = dict(os.environ, PYQGIS_STARTUP=str(hook))
    process = plugin_install.launch_desktop(
        root, code=script, xvfb=True, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        output, _ = process.communicate(timeout=STARTUP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        output = f"QGIS did not finish within {STARTUP_TIMEOUT} s\n{output}"
    data = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {
        "probe_error": f"QGIS exited ({process.returncode}) without a result:\n{output[-3000:]}"}
    data["python_errors"] = [json.loads(line) for line in errors.read_text(
        encoding="utf-8").splitlines()] if errors.is_file() else []
    data["hook_ran"] = errors.is_file()  # created empty by the hook when QGIS runs it
    data["_output"], data["_shot"] = output, shot
    return data


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("desktop")
    root = work / "profiles_root"
    plugin_install.install_plugin(root)
    data = run_desktop(work, root)
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
    assert {"IndustriRumahanCreateDatabase", "IndustriRumahanGenerateDemo"} <= set(
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
