"""The list panel: layer chooser, search, filters, counts, the lazy table and edit buttons."""

from __future__ import annotations

from qgis.gui import QgsFilterLineEdit, QgsPanelWidget
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue, enterprise_filter
from industri_rumahan_plugin.gui.enterprise_model import EnterpriseTableModel


class BrowsePanel(QgsPanelWidget):
    """Main panel of the dock. The dock wires its buttons; this class owns only widgets."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPanelTitle(toolbelt.tr("Home industries"))
        self.lang = toolbelt.language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.addWidget(QLabel(toolbelt.tr("Layer"), self))
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("layer_combo")
        top.addWidget(self.layer_combo, 1)
        layout.addLayout(top)

        self.search = QgsFilterLineEdit(self)
        self.search.setObjectName("search")
        self.search.setShowSearchIcon(True)
        self.search.setPlaceholderText(toolbelt.tr("Search business, owner, product, village…"))
        layout.addWidget(self.search)

        grid = QGridLayout()
        self.filters: dict[str, QComboBox] = {}
        any_text = toolbelt.tr("(all)")
        specs = [
            ("kabupaten", toolbelt.tr("Regency"), []),
            ("kecamatan", toolbelt.tr("District"), []),
            ("sektor", toolbelt.tr("Sector"), list(catalogue.label_map(
                catalogue.SECTORS, self.lang).items())),
            ("tahap", toolbelt.tr("Stage"), list(catalogue.label_map(
                catalogue.STAGES, self.lang).items())),
            ("status_binaan", toolbelt.tr("Guidance"), list(catalogue.label_map(
                catalogue.GUIDANCE_STATUS, self.lang).items())),
            ("perempuan", toolbelt.tr("Women-owned"), [("true", toolbelt.tr("Yes")),
                                                      ("false", toolbelt.tr("No"))]),
            ("krtp", toolbelt.tr("KRTP"), [("true", toolbelt.tr("Yes")),
                                           ("false", toolbelt.tr("No"))]),
        ]
        for i, (name, label, items) in enumerate(specs):
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{name}")
            combo.addItem(any_text, None)
            for code, text in items:
                combo.addItem(text, code)
            grid.addWidget(QLabel(label, self), i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
            self.filters[name] = combo
        layout.addLayout(grid)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        layout.addWidget(self.counts_label)

        self.model = EnterpriseTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("enterprise_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(toolbelt.tr("Add"), self)
        self.edit_button = QPushButton(toolbelt.tr("Edit"), self)
        self.delete_button = QPushButton(toolbelt.tr("Delete"), self)
        self.undo_button = QPushButton(toolbelt.tr("Undo"), self)
        self.redo_button = QPushButton(toolbelt.tr("Redo"), self)
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.undo_button, self.redo_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        bottom = QHBoxLayout()
        self.auto_commit = QCheckBox(toolbelt.tr("Save each change to the file"), self)
        self.auto_commit.setChecked(True)
        self.commit_button = QPushButton(toolbelt.tr("Save edits"), self)
        self.rules_button = QPushButton(toolbelt.tr("Stage rules…"), self)
        bottom.addWidget(self.auto_commit, 1)
        bottom.addWidget(self.commit_button)
        bottom.addWidget(self.rules_button)
        layout.addLayout(bottom)
        self.bottom_row = bottom  # the dock adds its field-survey button here
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(lambda _i: self.apply_query())

    def set_regions(self, regencies: dict[str, str], districts: dict[str, str]) -> None:
        """Fill the regency/district filters from the boundary layers (code -> name)."""
        for name, mapping in (("kabupaten", regencies), ("kecamatan", districts)):
            combo = self.filters[name]
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for code, label in sorted(mapping.items(), key=lambda kv: kv[1]):
                combo.addItem(f"{label} ({code})", code)
            combo.blockSignals(False)

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
        ).format(**{k: f"{v:,}".replace(",", ".") for k, v in c.items()}))
