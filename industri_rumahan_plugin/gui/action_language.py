"""The plugin's menu and toolbar texts follow the interface language while QGIS runs.

Actions are not widgets: Qt's LanguageChange (sent when toolbelt.sync_translator installs or
removes the translator) reaches QGIS's main window, not them. This filter on the main window
says every action's text again, once per language switch, from the function that made it.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.PyQt.QtCore import QEvent, QObject, QTimer


class ActionLanguage(QObject):
    """Watches ``window`` for LanguageChange and calls ``retranslate`` once afterwards."""

    def __init__(self, window, retranslate: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)  # the many events of one switch: one retranslation
        self.timer.timeout.connect(retranslate)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        self.window.removeEventFilter(self)
        self.deleteLater()
