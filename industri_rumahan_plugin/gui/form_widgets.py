"""Finishing touches on the widgets QgsAttributeForm builds for the enterprise form.

QGIS shows an empty field as the text "NULL" (English, in every interface language), prints
Rupiah amounts as 18240000 and sizes value maps to their longest label. These helpers run on
the form's widgets after QGIS has built them; none of them changes a value, so the form does
not become "dirty" and nothing is written by merely opening it.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.gui import (
    QgsAttributeForm,
    QgsDateTimeEdit,
    QgsDoubleSpinBox,
    QgsFileWidget,
    QgsFilterLineEdit,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import schema

#: the edit command QgsAttributeForm pushes when it saves on its own (QGIS's string)
QGIS_FORM_CONTEXT, FORM_COMMAND = "QgsAttributeForm", "Attributes changed"
#: what an empty number or date shows instead of QGIS's "NULL"
EMPTY_NUMBER = "—"


def number_locale(lang: str | None = None) -> QLocale:
    """Indonesian thousands dots (18.240.000) or English commas (18,240,000)."""
    if (lang or toolbelt.language()) == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def format_rupiah(value, lang: str | None = None) -> str:
    """``Rp 18.240.000`` (Indonesian) or ``Rp 18,240,000`` (English); empty for no value."""
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return ""
    return "Rp " + number_locale(lang).toString(float(value), "f", 0)


def money_fields() -> tuple[str, ...]:
    return tuple(f.name for f in schema.ENTERPRISE_FIELDS if f.unit == "Rp")


def editors(form: QgsAttributeForm, name: str) -> list[QWidget]:
    return [w for w in form.findChildren(QWidget, name) if type(w) is not QWidget]


def show_rupiah(form: QgsAttributeForm, lang: str | None = None) -> None:
    """Rp prefix and the language's thousands separators on the money spin boxes."""
    locale = number_locale(lang)
    for name in money_fields():
        for widget in editors(form, name):
            if isinstance(widget, QgsDoubleSpinBox):
                widget.setLocale(locale)
                widget.setGroupSeparatorShown(True)
                widget.setPrefix("Rp ")


def blank_nulls(form: QgsAttributeForm) -> None:
    """Empty text fields show nothing, empty numbers and dates a dash, never "NULL".

    A text editor's value is read back from its text: an empty text of a string field is
    turned into NULL by the panel (form_panel.plain), so clearing the "NULL" text (with the
    editor's signals blocked, so the form is not marked as edited) keeps the value.
    """
    if sip.isdeleted(form):  # called from a timer: the panel may be gone already
        return
    null = QgsApplication.nullRepresentation()
    names = set(form.layer().fields().names())
    edits = [e for e in form.findChildren(QgsFilterLineEdit) if e.objectName() in names]
    # the photo's path (QGIS writes its NULL text straight into it on every refill)
    edits += [files.lineEdit() for files in form.findChildren(QgsFileWidget)]
    for edit in edits:
        if not edit.property("ir_blank_nulls"):
            edit.setProperty("ir_blank_nulls", True)
            edit.textChanged.connect(lambda _text, e=edit: _clear_null_text(e))
        edit.setNullValue("")
        _clear_null_text(edit, null)
    for spin in form.findChildren(QAbstractSpinBox):
        if spin.metaObject().className() in ("QgsDateTimeEdit", "QgsDateEdit", "QgsTimeEdit"):
            # built in C++: PyQt may only know it as a QDateTimeEdit
            date_edit = sip.cast(spin, QgsDateTimeEdit)
            date_edit.setNullRepresentation(EMPTY_NUMBER)
            if date_edit.isNull():
                date_edit.setSpecialValueText(EMPTY_NUMBER)
        elif hasattr(spin, "specialValueText") and spin.specialValueText() == null:
            spin.setSpecialValueText(EMPTY_NUMBER)


def _clear_null_text(edit: QgsFilterLineEdit, null: str | None = None) -> None:
    if edit.text() == (null or QgsApplication.nullRepresentation()):
        edit.blockSignals(True)
        edit.setText("")
        edit.blockSignals(False)


def scroll_body(parent: QWidget) -> QScrollArea:
    """A frameless vertical scroll area with a laid-out inner widget (a panel's body)."""
    area = QScrollArea(parent)
    area.setObjectName("form_body")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget(area)
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 0, 0)
    area.setWidget(inner)
    return area


def fit_to_dock(form: QgsAttributeForm) -> None:
    """Let the form shrink to a dock's width so numbers (right-aligned) stay visible.

    Each field's editor shares a stacked widget with QGIS's wide search page, and value maps
    size to their longest label; an explicit minimum width overrides both size hints.
    """
    for combo in form.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
    names = set(form.layer().fields().names())
    for widget in form.findChildren(QWidget):
        if widget.objectName() in names or isinstance(widget, QStackedWidget):
            widget.setMinimumWidth(80)


def finish(form: QgsAttributeForm, lang: str | None = None) -> None:
    """Every touch above, after QGIS built (or refilled) the form's widgets."""
    fit_to_dock(form)
    show_rupiah(form, lang)
    blank_nulls(form)


def drop_form_commands(layer, start_index: int) -> None:
    """Undo what QgsAttributeForm wrote on its own since the form opened (``start_index``).

    QGIS asks layers ``isModified()`` often (active layer, toolbar states), and an open form
    answers by saving its half-typed input as an "Attributes changed" command. The panel
    writes the whole record as ONE command on Save, and Cancel must leave nothing.
    """
    stack = layer.undoStack()
    own = QCoreApplication.translate(QGIS_FORM_CONTEXT, FORM_COMMAND)  # QGIS's own translation
    while stack.index() > start_index and stack.text(stack.index() - 1) in (own, FORM_COMMAND):
        stack.undo()
