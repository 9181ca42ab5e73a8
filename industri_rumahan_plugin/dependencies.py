"""Tell the user, once per start, which Python libraries this QGIS lacks and how to add them.

The check itself (``core.requirements``) imports none of the libraries; this module turns its
answer into a translated message for the QGIS log, the desktop message bar and the
algorithms' ``canExecute``.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import requirements

LOG_TAG = "Industri Rumahan"

_reported = False


def how_to_install(items: list[requirements.Missing]) -> str:
    """The three ways to add ``items``: OSGeo4W Shell, apt, or the qpip plugin."""
    return toolbelt.tr(
        "To add them: on Windows, open the OSGeo4W Shell as administrator and run: {pip} — "
        "on Debian/Ubuntu run: {apt} — on macOS or any other system, install the QGIS "
        "plugin QPIP (Plugins menu), which installs them. Then restart QGIS."
    ).format(pip=requirements.pip_command(items), apt=requirements.apt_command(items))


def startup_summary(items: list[requirements.Missing]) -> str:
    return toolbelt.tr(
        "Industri Rumahan: this QGIS lacks Python libraries: {names}. The algorithms that "
        "need them cannot run; the others work."
    ).format(names=requirements.names_text(items))


def startup_message(items: list[requirements.Missing]) -> str:
    return startup_summary(items) + " " + how_to_install(items)


def algorithm_summary(items: list[requirements.Missing]) -> str:
    return toolbelt.tr(
        "This tool needs Python libraries that this QGIS lacks: {names}."
    ).format(names=requirements.names_text(items))


def algorithm_message(items: list[requirements.Missing]) -> str:
    return algorithm_summary(items) + " " + how_to_install(items)


def push_to_bar(iface, summary: str, items: list[requirements.Missing]) -> None:
    """A one-line warning in the message bar with a button that shows how to install
    (the commands are too long for the bar, and the user will want to copy them)."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMessageBox, QPushButton

    bar = iface.messageBar() if iface is not None else None
    if bar is None:
        return
    details = how_to_install(items)
    # no title: QGIS logs bar messages under their title, which would log it twice
    widget = bar.createMessage("", summary)
    button = QPushButton(toolbelt.tr("How to install…"), widget)
    button.setObjectName("IndustriRumahanHowToInstall")
    button.setToolTip(details)

    def show_details() -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Industri Rumahan",
                          summary + "\n\n" + details, QMessageBox.StandardButton.Ok,
                          iface.mainWindow())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    button.clicked.connect(show_details)
    widget.layout().addWidget(button)
    bar.pushWidget(widget, Qgis.MessageLevel.Warning, 0)


def report_missing(iface=None) -> list[requirements.Missing]:
    """Log (and show in the message bar when ``iface``) the missing libraries, once per start.

    Returns what is missing (empty when all is there or when already reported).
    """
    global _reported
    if _reported:
        return []
    _reported = True
    items = requirements.missing()
    if not items:
        return []
    text = startup_message(items)
    QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)
    push_to_bar(iface, startup_summary(items), items)
    return items
