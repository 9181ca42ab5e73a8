"""The real QGIS desktop under Xvfb for tests: start it on a profiles root with a start-up hook
and a probe script, and collect what the probe found, Python errors and the plugin's log.

The hook (PYQGIS_STARTUP) runs before any plugin loads: it records every critical Python
message and the plugin's log messages in a file, and turns QGIS's modal error dialog into that
record, so a broken plugin fails the test with its traceback instead of hanging on a dialog.
"""

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

#: marks for a module of desktop tests
DESKTOP_MARKS = [
    pytest.mark.desktop,
    pytest.mark.skipif(not (Path(plugin_install.QGIS_BIN).exists() and shutil.which("xvfb-run")),
                       reason="needs /usr/bin/qgis.bin and xvfb-run (scripts/setup installs them)"),
]
TIMEOUT = 420  # seconds: a cold QGIS start under Xvfb on a busy 2-core CI machine

HOOK = r'''
import json
import qgis.utils
from qgis.core import Qgis, QgsApplication

RECORD = {record!r}


def _write(kind, text):
    with open(RECORD, "a", encoding="utf-8") as handle:
        handle.write(json.dumps([kind, text]) + "\n")


def _on_message(message, tag, level):
    if level == Qgis.MessageLevel.Critical and tag == "Python":
        _write("python_error", message)
    elif tag == "Industri Rumahan":
        _write("log", message)


def _no_dialog(type, value, tb, msg, pop_error=True):
    import traceback
    _write("python_error", msg + "\n" + "".join(traceback.format_exception(type, value, tb)))


open(RECORD, "a", encoding="utf-8").close()
QgsApplication.messageLog().messageReceived.connect(_on_message)
qgis.utils.open_stack_dialog = _no_dialog
'''


# Run by QGIS itself (--code): once the main window is shown and the provider registered, the
# test's ``collect(window, result)`` fills ``result``; then a screenshot, the JSON, and exit.
PROBE_FRAME = r'''
import json, sys, traceback
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QTimer
import qgis.utils

RESULT, SHOT = @RESULT@, @SHOT@

@COLLECT@


def _probe():
    result = {}
    try:
        window = qgis.utils.iface.mainWindow()
        collect(window, result)
        result["screenshot"] = window.grab().save(SHOT, "PNG")
    except Exception:
        result["probe_error"] = traceback.format_exc()
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.instance().exit(0)


def _when_ready(tries=[0]):
    tries[0] += 1
    ready = qgis.utils.iface.mainWindow().isVisible() and QgsApplication.processingRegistry(
        ).providerById("industrirumahan") is not None
    if ready or tries[0] > 240:
        QTimer.singleShot(3000, _probe)  # let the canvas and toolbars paint
    else:
        QTimer.singleShot(500, _when_ready)


# No window manager under Xvfb: size the window to the screen ourselves.
qgis.utils.iface.mainWindow().setGeometry(QgsApplication.primaryScreen().availableGeometry())
QTimer.singleShot(500, _when_ready)
'''


def run_desktop(work: Path, root: Path, collect: str, shot: Path,
                env: dict[str, str] | None = None) -> dict:
    """Start QGIS on profiles ``root`` with the hook and a probe whose ``collect(window,
    result)`` (Python source, run inside QGIS) gathers what the test checks; ``shot`` gets a
    screenshot of the main window."""
    result, record = work / "result.json", work / "record.jsonl"
    (work / "hook.py").write_text(HOOK.format(record=str(record)), encoding="utf-8")
    probe = (PROBE_FRAME.replace("@RESULT@", repr(str(result))).replace("@SHOT@", repr(str(shot)))
             .replace("@COLLECT@", collect))
    (work / "probe.py").write_text(probe, encoding="utf-8")
    environment = dict(os.environ, **(env or {}), PYQGIS_STARTUP=str(work / "hook.py"))
    process = plugin_install.launch_desktop(
        root, code=work / "probe.py", xvfb=True, env=environment, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        output = f"QGIS did not finish within {TIMEOUT} s\n{output}"
    data = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {
        "probe_error": f"QGIS exited ({process.returncode}) without a result:\n{output[-3000:]}"}
    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()] \
        if record.is_file() else []
    data["python_errors"] = [text for kind, text in lines if kind == "python_error"]
    data["log"] = [text for kind, text in lines if kind == "log"]
    data["hook_ran"] = record.is_file()  # created empty by the hook when QGIS runs it
    data["_output"] = output
    return data


#: the interface locales QGIS is started in
LOCALES = {"id": "id", "en": "en_US"}


def set_locale(root: Path, lang: str) -> None:
    """Start QGIS on profiles ``root`` in ``lang`` ("id" or "en"), as its Options would."""
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings(str(plugin_install.settings_file(root)), QSettings.Format.IniFormat)
    settings.setValue("locale/userLocale", LOCALES[lang])
    settings.setValue("locale/overrideFlag", True)
    settings.sync()


def desktop_session(work: Path, collect: str, *, lang: str | None = None,
                    gpkg: Path | None = None, values: dict | None = None,
                    shots: dict[str, str] | None = None, window_shot: Path | None = None,
                    env: dict[str, str] | None = None) -> dict:
    """One QGIS desktop run in a fresh profile under ``work``: the plugin installed, the
    interface in ``lang``, a copy of ``gpkg``; the probe's ``@GPKG@``, ``@REPO@`` and
    ``@KEY@`` of ``values`` filled in (as Python literals); afterwards its screenshots
    ``shots`` (file in ``work`` -> name in docs/) copied into docs/."""
    root = work / "profiles_root"
    plugin_install.install_plugin(root)
    if lang:
        set_locale(root, lang)
    fill = {"REPO": str(REPO), **(values or {})}
    if gpkg is not None:
        fill["GPKG"] = str(shutil.copy(gpkg, work / gpkg.name))
    for key, value in fill.items():
        collect = collect.replace(f"@{key}@", repr(value))
    data = run_desktop(work, root, collect, window_shot or work / "window.png", env)
    (REPO / "docs").mkdir(exist_ok=True)
    for source, name in (shots or {}).items():
        if (work / source).is_file():
            shutil.copy(work / source, REPO / "docs" / name)
    data["_gpkg"] = Path(fill["GPKG"]) if gpkg is not None else None
    return data
