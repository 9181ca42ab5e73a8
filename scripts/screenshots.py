"""Screenshots of the real QGIS desktop (under Xvfb) with the demo project and the dock panel.

Run after ``scripts/demo`` (it needs out/industri_rumahan_babel.qgz and the installed plugin):
    .venv/bin/python scripts/screenshots.py      -> docs/desktop.png, docs/dock.png
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402

PROFILES = REPO / "out" / "qgis-profile"
PROJECT = REPO / "out" / "industri_rumahan_babel.qgz"

SCRIPT = r'''
import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

DOCS = {docs!r}
window = qgis.utils.iface.mainWindow()
window.setGeometry(QgsApplication.primaryScreen().availableGeometry())


def shoot(name):
    window.grab().save(f"{{DOCS}}/{{name}}.png", "PNG")


def with_dock():
    from qgis.PyQt.QtCore import Qt

    plugin = qgis.utils.plugins["industri_rumahan_plugin"]
    plugin.toggle_dock(True)
    window.resizeDocks([plugin.dock], [560], Qt.Orientation.Horizontal)
    QTimer.singleShot(4000, select)


def select():
    plugin = qgis.utils.plugins["industri_rumahan_plugin"]
    table = plugin.dock.browse.table
    table.selectRow(3)
    plugin.dock.edit_selected()
    QTimer.singleShot(4000, finish)


def finish():
    shoot("dock")
    QgsApplication.instance().exit(0)


def start(tries=[0]):
    tries[0] += 1
    if QgsProject.instance().mapLayers() or tries[0] > 120:
        qgis.utils.iface.mapCanvas().zoomToFullExtent()
        QTimer.singleShot(6000, lambda: (shoot("desktop"), with_dock()))
    else:
        QTimer.singleShot(500, start)


QTimer.singleShot(1000, start)
'''


def set_locale(lang: str) -> None:
    """The screenshots show the interface in Indonesian (QGIS ships qgis_id.qm)."""
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings(str(plugin_install.settings_file(PROFILES)), QSettings.Format.IniFormat)
    settings.setValue("locale/userLocale", lang)
    settings.setValue("locale/overrideFlag", True)
    settings.sync()


def main() -> None:
    set_locale(sys.argv[1] if len(sys.argv) > 1 else "id")
    code = REPO / "out" / "screenshots_code.py"
    code.write_text(SCRIPT.format(docs=str(REPO / "docs")), encoding="utf-8")
    process = plugin_install.launch_desktop(PROFILES, PROJECT, code=code, xvfb=True,
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                            text=True)
    output, _ = process.communicate(timeout=600)
    print(output[-2000:])
    for name in ("desktop", "dock"):
        print(REPO / "docs" / f"{name}.png")


if __name__ == "__main__":
    main()
