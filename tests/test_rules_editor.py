"""The stage-rules table editor: edit cells, save, reload equals; add/remove; messages."""

from __future__ import annotations

import pytest

from industri_rumahan_plugin.adapters import rule_store
from industri_rumahan_plugin.core import stage_rules


@pytest.fixture
def dialog(qgis_new_project, qtbot):
    from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

    rule_store.reset_rules()
    dialog = StageRulesDialog(rule_store.load_rules())
    qtbot.addWidget(dialog)
    yield dialog
    rule_store.reset_rules()


def _row_of(rules: dict, criterion_id: str) -> int:
    return [c["id"] for c in rules["criteria"]].index(criterion_id)


def test_the_tables_show_the_rules(dialog):
    defaults = stage_rules.default_rules()
    assert dialog.table.rowCount() == len(defaults["criteria"])
    assert dialog.low.value() == defaults["thresholds"]["berkembang"]
    assert dialog.table.item(0, 1).text() == defaults["criteria"][0]["reason"]["id"]
    # the first criterion (NIB and PIRT) has two conditions, both yes/no
    assert dialog.conditions.rowCount() == 2
    assert dialog.conditions.cellWidget(0, 3).currentData() is True
    assert dialog.rules_from_tables() == defaults  # nothing edited: the same rules


def test_edit_save_reload_round_trip(dialog):
    expected = stage_rules.default_rules()
    workers = _row_of(expected, "pekerja_5")
    # points and reason of the first criterion
    dialog.table.cellWidget(0, 0).setValue(3)
    dialog.table.item(0, 1).setText("punya NIB dan PIRT (diperbarui)")
    expected["criteria"][0]["points"] = 3
    expected["criteria"][0]["reason"]["id"] = "punya NIB dan PIRT (diperbarui)"
    # the workers' limit: 5 -> 6
    dialog.table.setCurrentCell(workers, 1)
    assert dialog.conditions.rowCount() == 1
    dialog.conditions.cellWidget(0, 3).setValue(6)
    expected["criteria"][workers]["all"] = [["jumlah_pekerja", ">=", 6]]
    dialog.high.setValue(8)
    expected["thresholds"]["maju"] = 8
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.error.text()
    assert rule_store.load_rules() == expected
    # the stored rules are the ones suggestions use: 5 workers no longer earn 2 points
    record = {"jumlah_pekerja": 5}
    assert stage_rules.suggest(record, rule_store.load_rules()).score == 0
    assert stage_rules.suggest(record, stage_rules.default_rules()).score == 2


def test_add_and_remove_criteria_and_conditions(dialog):
    count = dialog.table.rowCount()
    dialog.add_criterion()
    assert dialog.table.rowCount() == count + 1 and dialog.conditions.rowCount() == 1
    dialog.table.item(count, 1).setText("pemasaran ke toko modern")
    dialog.table.item(count, 2).setText("sells to modern shops")
    field = dialog.conditions.cellWidget(0, 1)
    field.setCurrentIndex(field.findData("pemasaran"))
    operator = dialog.conditions.cellWidget(0, 2)
    operator.setCurrentIndex(operator.findData("in"))
    value = dialog.conditions.cellWidget(0, 3)
    value.setText("nasional, ekspor")
    dialog.add_condition()
    dialog.conditions.setCurrentCell(1, 0)
    dialog.remove_condition()
    dialog.accept()
    saved = rule_store.load_rules()["criteria"][-1]
    assert saved["all"] == [["pemasaran", "in", ["nasional", "ekspor"]]]
    assert saved["reason"] == {"id": "pemasaran ke toko modern", "en": "sells to modern shops"}
    # and removing the first criterion
    from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

    again = StageRulesDialog(rule_store.load_rules())
    again.table.setCurrentCell(0, 1)
    again.remove_criterion()
    again.accept()
    ids = [c["id"] for c in rule_store.load_rules()["criteria"]]
    assert "nib_pirt" not in ids and len(ids) == count
    again.deleteLater()


def test_problems_are_reported_and_nothing_is_saved(dialog):
    dialog.add_criterion()
    dialog.accept()  # no reason written
    assert "reason" in dialog.error.text()
    assert rule_store.load_rules() == stage_rules.default_rules()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 1).setText("alasan")
    field = dialog.conditions.cellWidget(0, 1)
    field.setCurrentIndex(field.findData("pemasaran"))
    operator = dialog.conditions.cellWidget(0, 2)
    operator.setCurrentIndex(operator.findData("in"))
    dialog.conditions.cellWidget(0, 3).setText("ke bulan")
    dialog.accept()
    assert "ke bulan" in dialog.error.text()
    dialog.low.setValue(9)
    dialog.high.setValue(2)
    operator.setCurrentIndex(operator.findData("=="))
    dialog.accept()
    assert "berkembang <= maju" in dialog.error.text()
    assert rule_store.load_rules() == stage_rules.default_rules()


def test_json_tab_follows_the_tables(dialog):
    dialog.table.cellWidget(0, 0).setValue(4)
    dialog.tabs.setCurrentIndex(1)
    assert stage_rules.from_json(dialog.editor.toPlainText())["criteria"][0]["points"] == 4
    rules = stage_rules.default_rules()
    rules["thresholds"] = {"berkembang": 1, "maju": 2}
    dialog.editor.setPlainText(stage_rules.to_json(rules))
    dialog.tabs.setCurrentIndex(0)
    assert dialog.low.value() == 1 and dialog.high.value() == 2
    dialog.accept()
    assert rule_store.load_rules() == rules
