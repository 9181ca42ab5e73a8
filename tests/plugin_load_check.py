"""Load -> unload -> load of an installed plugin copy, run in a child pytest by test_package.py.

Not collected by the main run (no ``test_`` prefix, and skipped without ``IR_PLUGINS_DIR``):
it needs a fresh interpreter where the plugin was never imported from the repository, so that
QGIS's own ``qgis.utils.loadPlugin``/``startPlugin``/``unloadPlugin`` act on the unzipped copy
and the session's ``provider`` fixture is not disturbed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

PLUGINS_DIR = os.environ.get("IR_PLUGINS_DIR", "")
NAME = "industri_rumahan_plugin"
PROVIDER_ID = "industrirumahan"
pytestmark = pytest.mark.skipif(not PLUGINS_DIR, reason="run by tests/test_package.py")


def _ours(window) -> list[str]:
    """Names of every object the plugin hung on the main window (actions, toolbar, docks)."""
    from qgis.PyQt.QtCore import QObject

    return sorted(o.objectName() for o in window.findChildren(QObject)
                  if o.objectName().startswith("IndustriRumahan"))


def _flush_deletes(qtbot) -> None:
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(10)


def _plugin_modules() -> list[str]:
    return [m for m in sys.modules if m == NAME or m.startswith(NAME + ".")]


def test_load_unload_load_leaves_no_duplicates(qgis_app, qgis_iface, qtbot):
    import qgis.utils
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QToolBar

    assert not _plugin_modules(), "the plugin must not be imported before QGIS loads it"
    sys.path.insert(0, PLUGINS_DIR)
    qgis.utils.plugin_paths[:] = [PLUGINS_DIR]
    qgis.utils.updateAvailablePlugins()
    assert NAME in qgis.utils.available_plugins
    qgis.utils.iface = qgis_iface
    registry = QgsApplication.processingRegistry()
    window = qgis_iface.mainWindow()
    assert registry.providerById(PROVIDER_ID) is None
    assert _ours(window) == []

    snapshots = []
    for _round in range(2):
        assert qgis.utils.loadPlugin(NAME)
        module_file = Path(sys.modules[NAME].__file__).resolve()
        assert module_file.is_relative_to(Path(PLUGINS_DIR).resolve()), module_file
        assert qgis.utils.startPlugin(NAME)
        assert qgis.utils.isPluginLoaded(NAME)

        provider = registry.providerById(PROVIDER_ID)
        assert provider is not None
        names = {alg.name() for alg in provider.algorithms()}
        assert {"createdatabase", "generatedemo"} <= names
        ids = [p.id() for p in registry.providers()]
        assert ids.count(PROVIDER_ID) == 1
        toolbars = [t for t in window.findChildren(QToolBar)
                    if t.objectName() == "IndustriRumahanToolbar"]
        assert len(toolbars) == 1
        assert toolbars[0].actions(), "the toolbar has the plugin's actions"
        current = _ours(window)
        assert len(current) == len(set(current)), f"duplicate objects: {current}"
        snapshots.append(current)

        assert qgis.utils.unloadPlugin(NAME)
        _flush_deletes(qtbot)
        assert registry.providerById(PROVIDER_ID) is None
        assert _ours(window) == [], "unload must remove everything initGui added"
        # QGIS's unloadPlugin drops the modules it saw imported (it may keep a bare
        # sub-package object); the plugin's own code must be gone so a reload re-imports it.
        left = _plugin_modules()
        assert NAME not in left and f"{NAME}.plugin" not in left, left

    assert snapshots[0] == snapshots[1], "a second load must give the same objects, once"
