"""One condition of a stage rule as table cells: which group, field, comparison, value.

The value cell fits the field: yes/no for permits and flags, the catalogue's labels for coded
fields (market reach, sector), a number box for counts and money. ``read_condition`` turns the
cells back into the stored ``[field, operator, value]``, or says in words what is wrong.
"""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QTableWidget, QWidget

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue, schema

MATCH_ALL = "all"
MATCH_ANY = "any"
NUMERIC = ("int", "int64", "double")


class ConditionError(ValueError):
    """A condition cell the rules cannot use; the message is for the user."""


def rule_fields() -> list[schema.Field]:
    """Fields a rule may test: numbers, yes/no and coded fields, never personal data."""
    return [f for f in schema.ENTERPRISE_FIELDS if not f.personal
            and (f.type in NUMERIC or f.type == "bool" or f.catalogue)]


def operator_labels() -> dict[str, str]:
    return {"==": toolbelt.tr("is"), "!=": toolbelt.tr("is not"), ">=": "≥", ">": ">",
            "<=": "≤", "<": "<", "in": toolbelt.tr("is one of")}


def _combo(items: list[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox()
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


def value_widget(field: schema.Field, operator: str, value: Any) -> QWidget:
    """The editor of a condition's value for this field and comparison."""
    if field.type == "bool":
        return _combo([(toolbelt.tr("yes"), True), (toolbelt.tr("no"), False)],
                      bool(value) if value is not None else True)
    if field.catalogue:
        entries = catalogue.CATALOGUES[field.catalogue]
        lang = toolbelt.language()
        if operator == "in":
            codes = value if isinstance(value, (list, tuple)) else [value]
            edit = QLineEdit(", ".join(catalogue.label_map(entries, lang).get(c, str(c))
                                       for c in codes if c not in (None, "")))
            edit.setToolTip(", ".join(e.label(lang) for e in entries))
            return edit
        return _combo([(e.label(lang), e.code) for e in entries], value)
    spin = QDoubleSpinBox()
    spin.setDecimals(0 if field.type != "double" else 2)
    spin.setRange(-1e12, 1e12)
    spin.setGroupSeparatorShown(True)
    try:
        spin.setValue(float(value))
    except (TypeError, ValueError):
        spin.setValue(0.0)
    return spin


def condition_row(table: QTableWidget, match: str, condition: list) -> int:
    """Append a condition row with its widgets; returns the row."""
    name, operator, value = condition
    row = table.rowCount()
    table.insertRow(row)
    table.setCellWidget(row, 0, _combo([(toolbelt.tr("always"), MATCH_ALL),
                                        (toolbelt.tr("at least one"), MATCH_ANY)], match))
    lang = toolbelt.language()
    fields = _combo([(f.alias(lang), f.name) for f in rule_fields()], name)
    operators = _combo([(label, op) for op, label in operator_labels().items()], operator)
    table.setCellWidget(row, 1, fields)
    table.setCellWidget(row, 2, operators)
    table.setCellWidget(row, 3, value_widget(schema.field(fields.currentData()),
                                             operators.currentData(), value))

    def refresh() -> None:  # a new field or comparison needs another value editor
        current = table.indexAt(fields.pos()).row()
        if current < 0:
            return
        try:
            kept = _value(table, current)
        except ConditionError:
            kept = None
        table.setCellWidget(current, 3, value_widget(schema.field(fields.currentData()),
                                                     operators.currentData(), kept))

    fields.currentIndexChanged.connect(refresh)
    operators.currentIndexChanged.connect(refresh)
    return row


def _value(table: QTableWidget, row: int) -> Any:
    field = schema.field(table.cellWidget(row, 1).currentData())
    operator = table.cellWidget(row, 2).currentData()
    widget = table.cellWidget(row, 3)
    if isinstance(widget, QComboBox):
        value = widget.currentData()
        return [value] if operator == "in" else value
    if isinstance(widget, QLineEdit):
        entries = catalogue.CATALOGUES[field.catalogue]
        lang = toolbelt.language()
        by_text = {e.label(lang).lower(): e.code for e in entries}
        by_text.update({e.code: e.code for e in entries})
        texts = [t.strip() for t in widget.text().split(",") if t.strip()]
        unknown = [t for t in texts if t.lower() not in by_text]
        if unknown or not texts:
            raise ConditionError(toolbelt.tr(
                "Row {row}: {field} has no choice {values}; choose from: {choices}.").format(
                row=row + 1, field=field.alias(lang), values=", ".join(unknown) or "—",
                choices=", ".join(e.label(lang) for e in entries)))
        codes = [by_text[t.lower()] for t in texts]
        return codes if operator == "in" else codes[0]
    number = widget.value()
    return int(number) if field.type != "double" and float(number).is_integer() else number


def read_condition(table: QTableWidget, row: int) -> tuple[str, list]:
    """(group, [field, operator, value]) of a condition row; ``ConditionError`` if unusable."""
    field = schema.field(table.cellWidget(row, 1).currentData())
    operator = table.cellWidget(row, 2).currentData()
    if operator in (">=", ">", "<=", "<") and field.type not in NUMERIC:
        raise ConditionError(toolbelt.tr(
            "Row {row}: {field} is not a number; compare it with \"is\" or \"is not\".").format(
            row=row + 1, field=field.alias(toolbelt.language())))
    return table.cellWidget(row, 0).currentData(), [field.name, operator,
                                                    _value(table, row)]
