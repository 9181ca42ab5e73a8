"""The real QGIS desktop (Xvfb, Indonesian interface) without pandas (the library most often
missing), then without shapely: the plugin loads, tells
the user in Indonesian which library is missing and how to add it (message bar and QGIS log),
and no Python error appears (issue 11 item 3)."""

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
TIMEOUT = 420
HIDE_DIR = REPO / "tests" / "hide_modules"

# PYQGIS_STARTUP: record Python errors and the plugin's log messages before any plugin loads.
HOOK = r'''
import json
import qgis.utils
from qgis.core import Qgis, QgsApplication

RECORD = {record!r}


def _write(kind, text):
    with open(RECORD, "a", encoding="utf-8") as handle:
        handle.write(json.dumps([kind, text]) + "\n")


def _on_message(message, tag, level):
    if level == Qgis.Critical and tag == "Python":
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

# --code: once the window and the provider are there, read the message bar and the provider.
PROBE = r'''
import json, sys, traceback
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget
import qgis.utils

RESULT = {result!r}


def probe():
    result = {{}}
    try:
        window = qgis.utils.iface.mainWindow()
        before = len(qgis.utils.iface.messageBar().items())
        for action in window.findChildren(QAction):
            if action.objectName() == "IndustriRumahanDockToggle":
                action.trigger()  # the enterprise panel (needs numpy and pandas)
        docks = [d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()]
        provider = QgsApplication.processingRegistry().providerById("industrirumahan")
        density = provider.algorithm("densitybyregion") if provider else None
        create = provider.algorithm("createdatabase") if provider else None
        result.update(
            active=list(qgis.utils.active_plugins),
            bar=[item.text() for item in qgis.utils.iface.messageBar().items()],
            bar_added=len(qgis.utils.iface.messageBar().items()) - before,
            docks=docks,
            algorithms=len(provider.algorithms()) if provider else 0,
            density=list(density.canExecute()) if density else None,
            create=list(create.canExecute()) if create else None,
            hidden_loaded={library!r} in sys.modules,
        )
    except Exception:
        result["probe_error"] = traceback.format_exc()
    with open(RESULT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.instance().exit(0)


def when_ready(tries=[0]):
    tries[0] += 1
    ready = qgis.utils.iface.mainWindow().isVisible() and QgsApplication.processingRegistry(
        ).providerById("industrirumahan") is not None
    QTimer.singleShot(2000 if ready or tries[0] > 240 else 500,
                      probe if ready or tries[0] > 240 else when_ready)


QTimer.singleShot(500, when_ready)
'''


@pytest.fixture(scope="module", params=["pandas", "shapely"])
def desktop_run(request, tmp_path_factory) -> dict:
    library = request.param
    work = tmp_path_factory.mktemp(f"desktop_no_{library}")
    root = work / "profiles_root"
    plugin_install.install_plugin(root)
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings(str(plugin_install.settings_file(root)), QSettings.Format.IniFormat)
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "id")
    settings.sync()
    record, result = work / "record.jsonl", work / "result.json"
    (work / "hook.py").write_text(HOOK.format(record=str(record)), encoding="utf-8")
    (work / "probe.py").write_text(PROBE.format(result=str(result), library=library),
                                   encoding="utf-8")
    env = dict(os.environ, PYQGIS_STARTUP=str(work / "hook.py"), IR_HIDE_MODULES=library)
    env["PYTHONPATH"] = os.pathsep.join([str(HIDE_DIR), env.get("PYTHONPATH", "")])
    process = plugin_install.launch_desktop(
        root, code=work / "probe.py", xvfb=True, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    data = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {
        "probe_error": f"QGIS exited ({process.returncode}) without a result:\n{output[-3000:]}"}
    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()] \
        if record.is_file() else []
    data["python_errors"] = [text for kind, text in lines if kind == "python_error"]
    data["log"] = [text for kind, text in lines if kind == "log"]
    data["hook_ran"] = record.is_file()
    data["library"] = library
    return data


def test_desktop_without_a_library_loads_and_says_so_in_indonesian(desktop_run):
    run = desktop_run
    assert "probe_error" not in run, run["probe_error"] + "\n".join(run["python_errors"])
    assert run["hook_ran"]
    assert run["python_errors"] == [], "\n".join(run["python_errors"])
    assert "industri_rumahan_plugin" in run["active"]
    library = run["library"]
    assert run["hidden_loaded"] is False
    expected = f"Industri Rumahan: QGIS ini tidak memiliki pustaka Python: {library}."
    assert [m for m in run["bar"] if expected in m], run["bar"]
    assert [m for m in run["log"] if expected in m], run["log"]
    # one message (QGIS 3.22's desktop delivers each log message twice to Python slots)
    assert len({m for m in run["log"] if "Industri Rumahan:" in m}) == 1, run["log"]
    message = next(m for m in run["bar"] if expected in m)
    assert "OSGeo4W Shell" in message and f"python -m pip install {library}" in message
    assert f"sudo apt install python3-{library}" in message and "QPIP" in message


def test_desktop_without_a_library_lists_all_algorithms_and_refuses_the_dependent_ones(
        desktop_run):
    run = desktop_run
    assert run["algorithms"] == 18
    assert run["create"] == [True, ""]
    ok, message = run["density"]
    assert ok is False
    assert message.startswith(
        f"Alat ini memerlukan pustaka Python yang tidak ada di QGIS ini: {run['library']}.")


def test_desktop_without_a_library_panel_opens_or_says_why(desktop_run):
    run = desktop_run
    if run["library"] == "pandas":  # the panel needs pandas: a message instead of the panel
        assert run["bar_added"] == 1
        assert any(m.startswith("Alat ini memerlukan pustaka Python yang tidak ada di QGIS "
                                "ini: pandas.") for m in run["bar"])
    else:  # the panel needs no shapely: it opens
        assert run["bar_added"] == 0
        assert any("IndustriRumahan" in name or "Enterprise" in name for name in run["docks"]), (
            run["docks"])
    assert run["python_errors"] == [], "\n".join(run["python_errors"])
