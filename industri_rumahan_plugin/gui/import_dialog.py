"""The column-mapping dialog in front of ``industrirumahan:importspreadsheet``.

Shows every column of the chosen spreadsheet with a sample value and the field it will fill
(matched automatically, changeable), then runs the algorithm: a dry run first if wanted. After a
run it says what the rows would do (a dry run: "30 would be imported"), lists the rows not
imported with their reasons, and opens the report file (always written: a temporary file when
no path is given).
"""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsProcessingFeedback, QgsProcessingUtils, QgsProject, QgsWkbTypes
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import xlsx
from industri_rumahan_plugin.compat import LayerFilter
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.core.importing import headers, tables
from industri_rumahan_plugin.gui.buttons import translate_buttons


def target_labels() -> list[tuple[str, str]]:
    """(target, label) for the combo boxes: "do not import", schema fields, helpers."""
    lang = toolbelt.language()
    helpers = {
        headers.LAT: toolbelt.tr("Latitude"),
        headers.LON: toolbelt.tr("Longitude"),
        headers.LATLON: toolbelt.tr("Latitude, longitude (one column)"),
        headers.VILLAGE_NAME: toolbelt.tr("Village (desa/kelurahan) name"),
        headers.DISTRICT_NAME: toolbelt.tr("District (kecamatan) name"),
        headers.REGENCY_NAME: toolbelt.tr("Regency (kabupaten/kota) name"),
        headers.SURVEY_DATE: toolbelt.tr("Survey date"),
    }
    out = [(headers.IGNORE, toolbelt.tr("(do not import)"))]
    out += [(f.name, f"{f.alias(lang)} [{f.name}]") for f in schema.ENTERPRISE_FIELDS
            if f.name not in ("dibuat", "diubah", "diubah_oleh")]
    out += [(k, v) for k, v in helpers.items()]
    return out


class ImportDialog(QDialog):
    """Pick a file and a target layer, check the column mapping, import."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(toolbelt.tr("Import enterprises from a spreadsheet"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setObjectName("import_file")
        self.file_widget.setFilter(toolbelt.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt)"))
        self.file_widget.fileChanged.connect(self.load_file)
        form.addRow(toolbelt.tr("Spreadsheet"), self.file_widget)
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setObjectName("import_target")
        self.layer_combo.setFilters(LayerFilter.POINT)
        self._keep_enterprise_layers()
        form.addRow(toolbelt.tr("Enterprise layer"), self.layer_combo)
        self.dry_run = QCheckBox(toolbelt.tr("Dry run (check only, write nothing)"), self)
        self.dry_run.setObjectName("import_dry_run")
        form.addRow("", self.dry_run)
        self.survey_date = QLineEdit(self)
        self.survey_date.setObjectName("import_survey_date")
        self.survey_date.setPlaceholderText(toolbelt.tr(
            "YYYY-MM-DD or DD/MM/YYYY; empty: today (a survey-date column wins)"))
        form.addRow(toolbelt.tr("Survey date"), self.survey_date)
        self.report_widget = QgsFileWidget(self)
        self.report_widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.report_widget.setFilter(toolbelt.tr("Excel (*.xlsx);;CSV (*.csv)"))
        form.addRow(toolbelt.tr("Validation report"), self.report_widget)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("import_mapping")
        self.table.setHorizontalHeaderLabels(
            [toolbelt.tr("Column"), toolbelt.tr("Example"), toolbelt.tr("Field")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rejected_table = QTableWidget(0, 3, self)
        self.rejected_table.setObjectName("import_rejected")
        self.rejected_table.setHorizontalHeaderLabels(
            [toolbelt.tr("Row"), toolbelt.tr("Column"), toolbelt.tr("Reason")])
        self.rejected_table.horizontalHeader().setStretchLastSection(True)
        self.rejected_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rejected_table.setVisible(False)
        layout.addWidget(self.rejected_table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(self.buttons)
        self.report_button = self.buttons.addButton(toolbelt.tr("Open report"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.setObjectName("import_open_report")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        self.run_button = self.buttons.addButton(toolbelt.tr("Import"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("import_run")
        self.run_button.setEnabled(False)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.columns: list[str] = []
        self.last_result: dict | None = None

    def _keep_enterprise_layers(self) -> None:
        others = [
            layer for layer in QgsProject.instance().mapLayers().values()
            if not hasattr(layer, "fields") or schema.layer_role(
                layer.fields().names(), QgsWkbTypes.displayString(layer.wkbType())
            ) != "enterprises"
        ]
        self.layer_combo.setExceptedLayerList(others)

    def load_file(self, path: str) -> None:
        """Read the headers and a sample, preselect the automatic matches."""
        self.table.setRowCount(0)
        self.columns = []
        self.run_button.setEnabled(False)
        if not path or not Path(path).exists():
            return
        try:
            frame, _ = xlsx.read_table(path)
        except tables.TableError as error:
            from industri_rumahan_plugin.adapters import spreadsheet_errors

            self.summary.setText(toolbelt.tr("Cannot read the spreadsheet: {error}").format(
                error=spreadsheet_errors.message(error, Path(path).name, Path(path).suffix)))
            return
        self.columns = [str(c) for c in frame.columns]
        auto = headers.match_headers(self.columns)
        choices = target_labels()
        self.table.setRowCount(len(self.columns))
        for row, column in enumerate(self.columns):
            sample = next((str(v) for v in frame[column] if str(v).strip()), "")
            self.table.setItem(row, 0, QTableWidgetItem(column))
            personal = auto.get(column) in schema.personal_fields()
            self.table.setItem(row, 1, QTableWidgetItem("•••" if personal and sample else sample))
            combo = QComboBox(self.table)
            for target, label in choices:
                combo.addItem(label, target)
            combo.setCurrentIndex(max(combo.findData(auto.get(column, headers.IGNORE)), 0))
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        missing = [f.alias(toolbelt.language()) for f in schema.ENTERPRISE_FIELDS
                   if f.required and f.name != "uid" and f.name not in auto.values()]
        self.summary.setText(
            toolbelt.tr("{n} rows. Required fields without a column: {fields}").format(
                n=len(frame), fields=", ".join(missing)) if missing else
            toolbelt.tr("{n} rows; every required field has a column.").format(n=len(frame)))
        self.run_button.setEnabled(True)

    def mapping(self) -> dict[str, str]:
        """header -> target as chosen in the table ("" = do not import)."""
        return {column: self.table.cellWidget(row, 2).currentData()
                for row, column in enumerate(self.columns)}

    def parameters(self) -> dict:
        layer = self.layer_combo.currentLayer()
        params = {
            "INPUT": self.file_widget.filePath(),
            "TARGET": layer.id() if layer is not None else None,
            "MAPPING": json.dumps(self.mapping(), ensure_ascii=False),
            "DRY_RUN": self.dry_run.isChecked(),
            "SURVEY_DATE": self.survey_date.text().strip(),
        }
        # always a report: the dialog lists its rejected rows and opens it
        params["REPORT"] = self.report_widget.filePath() or (
            QgsProcessingUtils.generateTempFilename("laporan_impor.xlsx"))
        return params

    def run(self) -> dict | None:
        """Run the algorithm; the dialog stays open with the summary (and the report path)."""
        from qgis import processing
        from qgis.core import QgsProcessingException

        params = self.parameters()
        if not params["TARGET"]:
            self.summary.setText(toolbelt.tr("Choose the enterprise layer to import into."))
            return None
        try:
            result = processing.run("industrirumahan:importspreadsheet", params,
                                    feedback=QgsProcessingFeedback())
        except QgsProcessingException as error:
            self.summary.setText(str(error))
            return None
        self.last_result = result
        if params["DRY_RUN"]:
            text = toolbelt.tr("{ok} would be imported, {upd} enterprises would be updated, "
                               "{skip} already present, {bad} not imported, {approx} at a "
                               "village centroid.").format(
                ok=result["WOULD_IMPORT"], upd=result["WOULD_UPDATE"],
                skip=result["SKIPPED"], bad=result["REJECTED"], approx=result["APPROXIMATE"])
        else:
            text = toolbelt.tr("{ok} imported, {skip} already present, {bad} not imported, "
                               "{approx} at a village centroid.").format(
                ok=result["IMPORTED"], skip=result["SKIPPED"], bad=result["REJECTED"],
                approx=result["APPROXIMATE"])
        if params["DRY_RUN"] and result.get("CHANGES"):
            text += " " + toolbelt.tr("{n} changes to enterprises already present are listed "
                                      "in the report.").format(n=result["CHANGES"])
        elif result.get("UPDATED") or result.get("STAGES_RECORDED"):
            text += " " + toolbelt.tr("{upd} enterprises updated, {st} stage changes recorded "
                                      "in the history.").format(upd=result["UPDATED"],
                                                                st=result["STAGES_RECORDED"])
        if params["DRY_RUN"]:
            text = toolbelt.tr("Dry run, nothing written.") + " " + text
        if result.get("REPORT"):
            text += " " + toolbelt.tr("Report: {path}").format(path=result["REPORT"])
        self.summary.setText(text)
        self.show_rejected(result.get("REPORT"))
        self.report_button.setEnabled(bool(result.get("REPORT")))
        layer = self.layer_combo.currentLayer()
        if layer is not None:
            layer.reload()
            layer.triggerRepaint()
        return result


    def show_rejected(self, report: str | None) -> int:
        """List the rows not imported, with their reasons, from the report file."""
        self.rejected_table.setRowCount(0)
        rows = rejected_rows(report) if report else []
        for row, (number, column, reason) in enumerate(rows):
            self.rejected_table.insertRow(row)
            for col, value in enumerate((number, column, reason)):
                self.rejected_table.setItem(row, col, QTableWidgetItem(value))
        self.rejected_table.resizeColumnsToContents()
        self.rejected_table.setVisible(bool(rows))
        return len(rows)

    def open_report(self) -> bool:
        """Open the report in the system's spreadsheet program."""
        report = (self.last_result or {}).get("REPORT")
        return bool(report) and bool(self.open_url(QUrl.fromLocalFile(str(report))))


def rejected_rows(report: str) -> list[tuple[str, str, str]]:
    """(row, column, reason) of every rejected row of an import report (headers and results
    are in the interface language, as the algorithm wrote them)."""
    import pandas as pd

    try:  # our own file: the first row is the header (no guessing as for office sheets)
        if Path(report).suffix.lower() == ".csv":
            frame = pd.read_csv(report, dtype=str, keep_default_na=False)
        else:
            raw = xlsx.read_raw(report)
            frame = raw.iloc[1:].set_axis([str(v) for v in raw.iloc[0]], axis=1)
    except (tables.TableError, OSError, ValueError):
        return []
    names = {toolbelt.tr(k): k for k in ("Row", "Column", "Problem", "Result")}
    frame = frame.rename(columns=names)
    if not {"Row", "Problem", "Result"} <= set(frame.columns):
        return []
    bad = frame[frame["Result"].astype(str) == toolbelt.tr("not imported")]
    columns = bad["Column"] if "Column" in bad.columns else [""] * len(bad)
    return [(str(r).removesuffix(".0"), str(c), str(p))
            for r, c, p in zip(bad["Row"], columns, bad["Problem"])]


def show_import_dialog(parent=None) -> None:
    """Menu entry: open the dialog modally (it closes with its Close button)."""
    dialog = ImportDialog(parent)
    dialog.exec()
    dialog.deleteLater()
