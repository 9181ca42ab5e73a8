"""A small dialog to edit the stage-suggestion rules (JSON) stored in the project."""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import rule_store
from industri_rumahan_plugin.core import stage_rules
from industri_rumahan_plugin.gui.buttons import translate_buttons


class StageRulesDialog(QDialog):
    """Edit thresholds and criteria; refuses unusable rules with the reason."""

    def __init__(self, rules: dict[str, Any], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(toolbelt.tr("Stage suggestion rules"))
        self.rules = rules
        layout = QVBoxLayout(self)
        intro = QLabel(toolbelt.tr(
            "No official thresholds between pemula, berkembang and maju are public: these rules "
            "only suggest a stage, the office decides. Each criterion adds its points when its "
            "conditions hold; the thresholds turn the total into a stage."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("rules_editor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlainText(stage_rules.to_json(rules))
        layout.addWidget(self.editor, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d7191c;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        reset = QPushButton(toolbelt.tr("Reset to defaults"), self)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(lambda: self.editor.setPlainText(
            stage_rules.to_json(stage_rules.DEFAULT_RULES)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def accept(self) -> None:
        lang = toolbelt.language()
        try:
            rules = stage_rules.from_json(self.editor.toPlainText())
        except stage_rules.RulesError as exc:
            self.error.setText("\n".join(
                (toolbelt.tr(en) if lang == "en" else id_) for en, id_ in exc.args[0]))
            return
        rule_store.save_rules(rules)
        self.rules = rules
        super().accept()
