"""The enterprise dock when the interface language changes while QGIS runs.

Qt sends every widget a LanguageChange event when a translator is installed or removed
(toolbelt.sync_translator: QGIS's options or the plugin's own switch). The dock answers once
for all of them: its list panel, an open form (keeping what was typed) and the layer's form
configuration speak the new language, where before they kept the old one until reopened.
"""

from __future__ import annotations

from qgis.core import QgsFeature
from qgis.PyQt.QtCore import QEvent, QTimer
from qgis.PyQt.QtWidgets import QLabel

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer, is_configured
from industri_rumahan_plugin.gui import field_survey
from industri_rumahan_plugin.gui.form_panel import EnterpriseFormPanel


def language_timer(dock) -> QTimer:
    """One retranslation for the many LanguageChange events of one language switch."""
    timer = QTimer(dock)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(dock.retranslate)
    return timer


class DockLanguage:
    """Mixed into gui/dock.EnterpriseDock (uses its stack, browse panel, layer, buttons)."""

    def changeEvent(self, event) -> None:
        """Qt sends LanguageChange when a translator is installed or removed: the interface
        language changed while QGIS runs (toolbelt.sync_translator)."""
        super().changeEvent(event)
        timer = getattr(self, "_language_timer", None)  # None while being built
        if event.type() == QEvent.Type.LanguageChange and timer is not None:
            timer.start()

    def retranslate(self) -> None:
        """Say everything again in the interface language: the panel, its list, an open form
        (with what was typed) and the layer's form configuration."""
        self.setWindowTitle(toolbelt.tr("Industri Rumahan"))
        panel = self.stack.currentPanel()
        form = panel if isinstance(panel, EnterpriseFormPanel) else None
        typed = QgsFeature(form.form.currentFormFeature()) if form is not None else None
        if self.layer is not None and not is_configured(self.layer):
            configure_enterprise_layer(self.layer)
        self.browse.retranslate()
        field_survey.retranslate_button(self.survey_button)
        if form is not None:
            old_title = form.panelTitle()
            form.retranslate(typed)
            # the stack wrote the title into its header when the form opened
            header = self.stack.findChild(QLabel, "mTitleText")
            if header is not None:
                header.setText(header.text().replace(old_title, form.panelTitle()))
        self._update_buttons()
