"""The list panel: layer chooser, search, filters, counts, the lazy table and edit buttons.

Laid out for a first use on a 1366 x 768 screen and for a dock squeezed under the Processing
Toolbox: everything sits in a scroll area with small minimum sizes, the filters and the table
lay out in two columns or one, and the buttons wrap onto two rows, so no control is ever cut off.
"""

from __future__ import annotations

from qgis.gui import QgsFilterLineEdit, QgsPanelWidget
from qgis.PyQt.QtCore import QEvent, QSize, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue, enterprise_filter
from industri_rumahan_plugin.gui.enterprise_model import EnterpriseTableModel
from industri_rumahan_plugin.gui.form_widgets import number_locale

#: first-use width of the dock (fits beside the map on 1366 x 768) and the smallest sizes
FIRST_USE_WIDTH = 440
MIN_TABLE_HEIGHT = 110


def _shrinkable(combo: QComboBox) -> QComboBox:
    """A combo box sized by a few characters, not by its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


class EnterpriseTable(QTableView):
    """The list: Enter or Return opens the selected record (as a double-click does)."""

    activated_record = pyqtSignal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                self.selectionModel().hasSelection()):
            self.activated_record.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        # QgsPanelWidget and the dock would take Enter as "accept panel": claim it here
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return True
        return super().event(event)


class BrowsePanel(QgsPanelWidget):
    """Main panel of the dock. The dock wires its buttons; this class owns only widgets."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lang = toolbelt.language()
        self._district_parents: dict[str, str] = {}
        self._districts: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("browse_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        content = QWidget(self.scroll)
        content.setObjectName("browse_content")
        self.scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.layer_label = QLabel(self)
        top.addWidget(self.layer_label)
        self.layer_combo = _shrinkable(QComboBox(self))
        self.layer_combo.setObjectName("layer_combo")
        top.addWidget(self.layer_combo, 1)
        self.rules_button = QPushButton(self)
        top.addWidget(self.rules_button)
        self.tool_row = top  # the dock adds its field-survey button beside "Stage rules…"
        layout.addLayout(top)

        self.search = QgsFilterLineEdit(self)
        self.search.setObjectName("search")
        self.search.setShowSearchIcon(True)
        layout.addWidget(self.search)

        filter_box = QWidget(self)
        filter_box.setObjectName("filter_box")
        grid = QGridLayout(filter_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.filters: dict[str, QComboBox] = {}
        self._filter_rows: list[tuple[QLabel, QComboBox]] = []
        for name, _label, items in self._filter_specs():
            combo = _shrinkable(QComboBox(self))
            combo.setObjectName(f"filter_{name}")
            combo.addItem("", None)
            for code, _text in items:
                combo.addItem("", code)
            self._filter_rows.append((QLabel(self), combo))
            self.filters[name] = combo
        self.filter_grid = grid
        self._columns = 0
        self._place_filters(2)
        filter_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        self.counts_label.setWordWrap(True)

        self.model = EnterpriseTableModel(self)
        self.table = EnterpriseTable(self)
        self.table.setObjectName("enterprise_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(MIN_TABLE_HEIGHT)
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.counts_label)
        list_layout.addWidget(self.table, 1)
        # filters take the height they need, the list every pixel left
        layout.addWidget(filter_box)
        layout.addWidget(list_box, 1)

        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        # undo/redo apart from the form's Cancel, with words that cannot be mistaken for it
        self.undo_button = QPushButton(self)
        self.redo_button = QPushButton(self)
        for column, button in enumerate((self.add_button, self.edit_button,
                                         self.delete_button)):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.undo_button, 1, 0)
        buttons.addWidget(self.redo_button, 1, 1)
        self.commit_button = QPushButton(self)
        buttons.addWidget(self.commit_button, 1, 2)
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.undo_button, self.redo_button, self.commit_button):
            button.setMinimumWidth(40)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addLayout(buttons)
        self.auto_commit = QCheckBox(self)
        self.auto_commit.setChecked(True)
        layout.addWidget(self.auto_commit)
        self.undo_hint = QLabel(self)
        self.undo_hint.setObjectName("undo_hint")
        self.undo_hint.setWordWrap(True)
        self.undo_hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.undo_hint)
        self.auto_commit.toggled.connect(self._explain_undo)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.filters["kabupaten"].currentIndexChanged.connect(
            lambda _i: self._narrow_districts())
        self.filters["kecamatan"].currentIndexChanged.connect(
            lambda _i: self._follow_district())
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(lambda _i: self.apply_query())
        self._set_texts()

    def _filter_specs(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(field, label, [(code, text)]) of each filter in the interface language."""
        lang = self.lang
        yes_no = [("true", toolbelt.tr("Yes")), ("false", toolbelt.tr("No"))]
        return [
            ("kabupaten", toolbelt.tr("Regency"), []),
            ("kecamatan", toolbelt.tr("District"), []),
            ("sektor", toolbelt.tr("Sector"),
             list(catalogue.label_map(catalogue.SECTORS, lang).items())),
            ("tahap", toolbelt.tr("Stage"),
             list(catalogue.label_map(catalogue.STAGES, lang).items())),
            ("status_binaan", toolbelt.tr("Guidance"),
             list(catalogue.label_map(catalogue.GUIDANCE_STATUS, lang).items())),
            ("perempuan", toolbelt.tr("Women-owned"), yes_no),
            ("krtp", toolbelt.tr("KRTP"), yes_no),
        ]

    def retranslate(self) -> None:
        """Say every text again in the interface language (also while the panel is open:
        the language can change while QGIS runs); choices and typed search are kept."""
        self._set_texts()
        self.model.retranslate()
        self.update_counts()

    def _set_texts(self) -> None:
        self.lang = toolbelt.language()
        self.setPanelTitle(toolbelt.tr("Home industries"))
        self.layer_label.setText(toolbelt.tr("Layer"))
        self.rules_button.setText(toolbelt.tr("Stage rules…"))
        self.search.setPlaceholderText(toolbelt.tr("Search business, owner, product, village…"))
        for (label, combo), (_name, text, items) in zip(self._filter_rows, self._filter_specs()):
            label.setText(text)
            combo.setItemText(0, toolbelt.tr("(all)"))
            for code, item_text in items:
                combo.setItemText(combo.findData(code), item_text)
        self.table.setToolTip(toolbelt.tr("Enter or double-click opens the selected enterprise."))
        for button, text in ((self.add_button, toolbelt.tr("Add")),
                             (self.edit_button, toolbelt.tr("Edit")),
                             (self.delete_button, toolbelt.tr("Delete")),
                             (self.undo_button, toolbelt.tr("Undo change")),
                             (self.redo_button, toolbelt.tr("Redo change")),
                             (self.commit_button, toolbelt.tr("Save edits")),
                             (self.auto_commit, toolbelt.tr("Save each change to the file"))):
            button.setText(text)
        self._explain_undo()

    def _place_filters(self, columns: int) -> None:
        """Filters in two label/list columns, or one when the dock is too narrow for two."""
        if columns == self._columns:
            return
        grid = self.filter_grid
        for label, combo in self._filter_rows:
            grid.removeWidget(label)
            grid.removeWidget(combo)
        for i, (label, combo) in enumerate(self._filter_rows):
            row, column = divmod(i, columns)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
        grid.setColumnStretch(3, 1 if columns == 2 else 0)
        self._columns = columns

    def _two_column_width(self) -> int:
        labels = max(label.minimumSizeHint().width() for label, _c in self._filter_rows)
        combos = max(combo.minimumSizeHint().width() for _l, combo in self._filter_rows)
        return 2 * (labels + combos) + 3 * self.filter_grid.horizontalSpacing() + 8

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        available = self.scroll.viewport().width() or self.width()
        self._place_filters(2 if available >= self._two_column_width() else 1)

    def sizeHint(self) -> QSize:
        return QSize(FIRST_USE_WIDTH, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 160)

    def _explain_undo(self, *args) -> None:
        """Say what Undo means in each saving mode (issue 13: it looked broken)."""
        if self.auto_commit.isChecked():
            text = toolbelt.tr("Each change is written to the file at once. Undo change writes "
                               "a new change that restores the previous values.")
        else:
            text = toolbelt.tr("Changes wait in the layer's edit buffer until Save edits; "
                               "each saved form or deletion is one undo step.")
        self.undo_hint.setText(text)

    def set_regions(self, regencies: dict[str, str], districts: dict[str, str],
                    district_parents: dict[str, str] | None = None) -> None:
        """Fill the regency/district filters from the boundary layers (code -> name).

        ``district_parents`` (district code -> regency code) lets a chosen regency narrow
        the district list, so no district of another regency can be chosen with it.
        """
        self._districts = dict(districts)
        self._district_parents = dict(district_parents or {})
        self._fill(self.filters["kabupaten"], regencies)
        self._narrow_districts()

    @staticmethod
    def _fill(combo: QComboBox, mapping: dict[str, str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for code, label in sorted(mapping.items(), key=lambda kv: kv[1]):
            combo.addItem(f"{label} ({code})", code)
        # the closed box may be narrow; its list shows the whole names
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def district_parent(self, code: str) -> str | None:
        """The regency of a district: its boundary's ``kab_kode``, else the code's prefix."""
        if code in self._district_parents:
            return self._district_parents[code]
        return code.rsplit(".", 1)[0] if "." in code else None

    def _narrow_districts(self) -> None:
        regency = self.filters["kabupaten"].currentData()
        districts = {code: name for code, name in self._districts.items()
                     if regency is None or self.district_parent(code) == regency}
        self._fill(self.filters["kecamatan"], districts)

    def _follow_district(self) -> None:
        """A district chosen under "(all)" regencies also chooses its regency."""
        district = self.filters["kecamatan"].currentData()
        regency = self.filters["kabupaten"]
        parent = self.district_parent(district) if district else None
        if parent and regency.currentData() is None:
            index = regency.findData(parent)
            if index >= 0:
                regency.blockSignals(True)
                regency.setCurrentIndex(index)
                regency.blockSignals(False)
                self._narrow_districts()

    def query(self) -> enterprise_filter.Query:
        return enterprise_filter.Query(
            self.search.value() if hasattr(self.search, "value") else self.search.text(),
            {name: combo.currentData() for name, combo in self.filters.items()},
        )

    def apply_query(self) -> None:
        self._debounce.stop()
        self.model.set_query(self.query())
        self.update_counts()

    def update_counts(self) -> None:
        c = self.model.counts()
        self.counts_label.setText(toolbelt.tr(
            "{shown} of {total} enterprises shown · women-owned {women} · KRTP {krtp}"
        ).format(**{k: number_locale().toString(int(v)) for k, v in c.items()}))
