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


def startup_message(items: list[requirements.Missing]) -> str:
    return toolbelt.tr(
        "Industri Rumahan: this QGIS lacks Python libraries: {names}. The algorithms that "
        "need them cannot run; the others work."
    ).format(names=requirements.names_text(items)) + " " + how_to_install(items)


def algorithm_message(items: list[requirements.Missing]) -> str:
    return toolbelt.tr(
        "This tool needs Python libraries that this QGIS lacks: {names}."
    ).format(names=requirements.names_text(items)) + " " + how_to_install(items)


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
    if iface is not None:
        bar = iface.messageBar()
        if bar is not None:
            # no title: QGIS logs bar messages under their title, which would log it twice
            bar.pushMessage("", text, Qgis.MessageLevel.Warning, 0)
    return items
