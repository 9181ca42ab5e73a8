"""The stage-suggestion rules as tables an officer can edit: thresholds, criteria, conditions.

Rows of the upper table are the criteria (points and the reason shown to users); the lower
table holds the selected criterion's conditions (field, comparison, value) with widgets that
fit the field: yes/no for permits, catalogue choices for market reach, numbers for workers and
turnover. Problems are listed in words before anything is saved (``adapters.rule_store``). The
JSON text stays available on a second tab for specialists; whichever was edited last is saved.
"""

from __future__ import annotations

import copy
from typing import Any

from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import rule_store
from industri_rumahan_plugin.core import catalogue, schema, stage_rules
from industri_rumahan_plugin.gui.buttons import translate_buttons
from industri_rumahan_plugin.gui.rule_widgets import (
    MATCH_ALL,
    MATCH_ANY,
    ConditionError,
    condition_row,
    read_condition,
)


def _spin(value: float, maximum: float = 1000.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(0 if float(value).is_integer() else 1)
    spin.setRange(0.0, maximum)
    spin.setValue(float(value))
    return spin


class StageRulesDialog(QDialog):
    """Edit thresholds and criteria in tables; refuses unusable rules with the reasons."""

    def __init__(self, rules: dict[str, Any], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(toolbelt.tr("Stage suggestion rules"))
        self.rules = copy.deepcopy(rules)
        self.criteria: list[dict[str, Any]] = copy.deepcopy(rules.get("criteria", []))
        self.current = -1
        self.json_edited = False
        layout = QVBoxLayout(self)
        intro = QLabel(toolbelt.tr(
            "No official thresholds between pemula, berkembang and maju are public: these rules "
            "only suggest a stage, the office decides. Each criterion adds its points when its "
            "conditions hold; the thresholds turn the total into a stage."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._table_page(), toolbelt.tr("Rules"))
        self.tabs.addTab(self._json_page(), toolbelt.tr("JSON (advanced)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.error = QLabel(self)
        self.error.setObjectName("rules_error")
        self.error.setStyleSheet("color: #d7191c;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(toolbelt.tr("Save"))
        reset = QPushButton(toolbelt.tr("Reset to defaults"), self)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(lambda: self.load(stage_rules.default_rules()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 640)
        self.load(self.rules)

    # --- pages ---------------------------------------------------------------------------
    def _table_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        stages = {s.code: s for s in catalogue.STAGES}
        lang = toolbelt.language()
        self.low = _spin(0)
        self.high = _spin(0)
        self.low.setObjectName("rules_threshold_berkembang")
        self.high.setObjectName("rules_threshold_maju")
        form.addRow(toolbelt.tr("Points for {stage}").format(
            stage=stages["berkembang"].label(lang)), self.low)
        form.addRow(toolbelt.tr("Points for {stage}").format(
            stage=stages["maju"].label(lang)), self.high)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3, page)
        self.table.setObjectName("rules_criteria")
        self.table.setHorizontalHeaderLabels([toolbelt.tr("Points"),
                                              toolbelt.tr("Reason (Indonesian)"),
                                              toolbelt.tr("Reason (English)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self.select(row))
        layout.addWidget(self.table, 2)
        layout.addLayout(self._buttons(self.add_criterion, self.remove_criterion,
                                       toolbelt.tr("Add criterion"),
                                       toolbelt.tr("Remove criterion")))
        self.conditions_label = QLabel(page)
        layout.addWidget(self.conditions_label)
        self.conditions = QTableWidget(0, 4, page)
        self.conditions.setObjectName("rules_conditions")
        self.conditions.setHorizontalHeaderLabels([toolbelt.tr("Must hold"), toolbelt.tr("Field"),
                                                   toolbelt.tr("Comparison"),
                                                   toolbelt.tr("Value")])
        header = self.conditions.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.conditions, 2)
        layout.addLayout(self._buttons(self.add_condition, self.remove_condition,
                                       toolbelt.tr("Add condition"),
                                       toolbelt.tr("Remove condition")))
        return page

    def _buttons(self, add, remove, add_text: str, remove_text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in ((add_text, add), (remove_text, remove)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _json_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.editor = QPlainTextEdit(page)
        self.editor.setObjectName("rules_editor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.textChanged.connect(self._json_changed)
        layout.addWidget(self.editor)
        return page

    # --- model <-> widgets ---------------------------------------------------------------
    def load(self, rules: dict[str, Any]) -> None:
        """Show ``rules`` in the tables and the JSON tab."""
        self.criteria = copy.deepcopy(rules.get("criteria", []))
        thresholds = rules.get("thresholds", {})
        self.low.setValue(float(thresholds.get("berkembang", 0)))
        self.high.setValue(float(thresholds.get("maju", 0)))
        self.current = -1
        self.table.setRowCount(0)
        for crit in self.criteria:
            self._append_row(crit)
        self.select(0 if self.criteria else -1)
        self.table.setCurrentCell(0 if self.criteria else -1, 0)
        self._show_json(rules)

    def _append_row(self, crit: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, _spin(crit.get("points", 1)))
        reason = crit.get("reason") or {}
        self.table.setItem(row, 1, QTableWidgetItem(reason.get("id", crit.get("id", ""))))
        self.table.setItem(row, 2, QTableWidgetItem(reason.get("en", crit.get("id", ""))))

    def select(self, row: int) -> None:
        """Show the conditions of criterion ``row`` (keeping edits of the previous one)."""
        if row == self.current:
            return
        try:
            self._store_conditions()
        except ConditionError as exc:  # the criterion keeps its last valid conditions
            self.error.setText(str(exc))
        self.current = row
        self.conditions.setRowCount(0)
        if not 0 <= row < len(self.criteria):
            self.conditions_label.setText(toolbelt.tr("Choose a criterion to see its "
                                                      "conditions."))
            return
        self.conditions_label.setText(toolbelt.tr("Conditions of criterion {n}").format(
            n=row + 1))
        crit = self.criteria[row]
        for match, key in ((MATCH_ALL, "all"), (MATCH_ANY, "any")):
            for cond in crit.get(key, []):
                condition_row(self.conditions, match, cond)

    def _store_conditions(self) -> None:
        if not 0 <= self.current < len(self.criteria):
            return
        crit = self.criteria[self.current]
        groups: dict[str, list] = {MATCH_ALL: [], MATCH_ANY: []}
        for row in range(self.conditions.rowCount()):
            match, cond = read_condition(self.conditions, row)
            groups[match].append(cond)
        crit["all"] = groups[MATCH_ALL]
        if groups[MATCH_ANY]:
            crit["any"] = groups[MATCH_ANY]
        else:
            crit.pop("any", None)

    def rules_from_tables(self) -> dict[str, Any]:
        """The rules as the tables show them (raises ``ConditionError`` for a bad value)."""
        self._store_conditions()
        criteria = []
        for row, crit in enumerate(self.criteria):
            crit = copy.deepcopy(crit)
            crit["points"] = self.table.cellWidget(row, 0).value()
            if float(crit["points"]).is_integer():
                crit["points"] = int(crit["points"])
            texts = [self.table.item(row, c).text().strip() if self.table.item(row, c) else ""
                     for c in (1, 2)]
            crit["reason"] = {"id": texts[0], "en": texts[1] or texts[0]}
            crit["id"] = crit.get("id") or f"kriteria_{row + 1}"
            criteria.append(crit)
        thresholds = {"berkembang": self.low.value(), "maju": self.high.value()}
        thresholds = {k: int(v) if float(v).is_integer() else v for k, v in thresholds.items()}
        return {**self.rules, "version": self.rules.get("version", 1),
                "thresholds": thresholds, "criteria": criteria}

    def add_criterion(self) -> None:
        field = schema.field("jumlah_pekerja")
        self.criteria.append({"id": f"kriteria_{len(self.criteria) + 1}", "points": 1,
                              "all": [[field.name, ">=", 1]], "reason": {"id": "", "en": ""}})
        self._append_row(self.criteria[-1])
        self.table.setCurrentCell(len(self.criteria) - 1, 1)

    def remove_criterion(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.criteria):
            return
        self.current = -1  # its conditions go with it
        del self.criteria[row]
        self.table.removeRow(row)
        self.select(self.table.currentRow())

    def add_condition(self) -> None:
        if 0 <= self.current < len(self.criteria):
            condition_row(self.conditions, MATCH_ALL, ["jumlah_pekerja", ">=", 1])

    def remove_condition(self) -> None:
        row = self.conditions.currentRow()
        if row >= 0:
            self.conditions.removeRow(row)

    # --- JSON tab and saving -------------------------------------------------------------
    def _show_json(self, rules: dict[str, Any]) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(stage_rules.to_json(rules))
        self.editor.blockSignals(False)
        self.json_edited = False

    def _json_changed(self) -> None:
        self.json_edited = True

    def _tab_changed(self, index: int) -> None:
        """Carry the edits over: tables -> JSON when the JSON tab opens, and back."""
        try:
            if index == 1:
                self._show_json(self.rules_from_tables())
            elif self.json_edited:
                self.load(stage_rules.from_json(self.editor.toPlainText()))
            self.error.clear()
        except (ConditionError, stage_rules.RulesError) as exc:
            self.error.setText(self._messages(exc))

    def _messages(self, exc: Exception) -> str:
        if isinstance(exc, ConditionError):
            return str(exc)
        lang = toolbelt.language()
        return "\n".join((toolbelt.tr(en) if lang == "en" else id_) for en, id_ in exc.args[0])

    def accept(self) -> None:
        try:
            if self.json_edited:
                rules = stage_rules.from_json(self.editor.toPlainText())
            else:
                rules = self.rules_from_tables()
                problems = stage_rules.check_rules(rules)
                problems += [(m, m) for m in self._empty_reasons(rules)]
                if problems:
                    raise stage_rules.RulesError(problems)
        except (ConditionError, stage_rules.RulesError) as exc:
            self.error.setText(self._messages(exc))
            return
        rule_store.save_rules(rules)
        self.rules = rules
        super().accept()

    @staticmethod
    def _empty_reasons(rules: dict[str, Any]) -> list[str]:
        return [toolbelt.tr("Criterion {n}: write the reason users will read.").format(n=i)
                for i, crit in enumerate(rules["criteria"], start=1)
                if not (crit.get("reason") or {}).get("id")]
