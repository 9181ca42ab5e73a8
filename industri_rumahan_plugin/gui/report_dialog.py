"""The report dialog: choose layers, period and file, then run ``industrirumahan:exportreport``.

Opening it also puts the report template in the project's layout manager, so staff can restyle
it (logo, colours, fonts) in the layout designer and save it as their own ``.qpt``.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from qgis.core import (
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import LayerFilter
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.gui.buttons import translate_buttons
from industri_rumahan_plugin.processing.provider import PROVIDER_ID

ALG = f"{PROVIDER_ID}:exportreport"


def _role(layer) -> str | None:
    if not isinstance(layer, QgsVectorLayer):
        return None
    return schema.layer_role(layer.fields().names(), QgsWkbTypes.displayString(layer.wkbType()))


def _layer_of_role(role: str) -> QgsVectorLayer | None:
    for layer in QgsProject.instance().mapLayers().values():
        if _role(layer) == role:
            return layer
    return None


def _not_boundary_layers() -> list:
    """Every layer of the project that is no boundary layer of the schema (analysis outputs
    that copy a region's fields included): the region chooser must not offer them."""
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if _role(layer) not in schema.BOUNDARY_ROLES]


class ReportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(toolbelt.tr("Region report (PDF)"))
        form = QFormLayout(self)
        self.enterprises = QgsMapLayerComboBox(self)
        self.enterprises.setFilters(LayerFilter.POINT)
        self.regions = QgsMapLayerComboBox(self)
        self.regions.setFilters(LayerFilter.POLYGON)
        self.regions.setAllowEmptyLayer(True)  # empty rather than a wrong layer
        self._only_boundary_layers()
        QgsProject.instance().layersAdded.connect(self._only_boundary_layers)
        self.services = QgsMapLayerComboBox(self)
        self.services.setFilters(LayerFilter.POINT)
        self.services.setAllowEmptyLayer(True)
        for combo, role in ((self.enterprises, "enterprises"), (self.services, "services")):
            layer = _layer_of_role(role)
            if layer is not None:
                combo.setLayer(layer)
        # the kabupaten/kota of the project, else its kecamatan or desa, else nothing
        self.regions.setLayer(next((layer for layer in map(_layer_of_role, schema.BOUNDARY_ROLES)
                                    if layer is not None), None))
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(toolbelt.tr("all records"))
        self.year.setValue(dt.date.today().year)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(toolbelt.tr("e.g. 19.01 for the kecamatan of one regency"))
        self.office = QLineEdit("DP3A", self)
        self.language = QComboBox(self)
        self.language.addItems([toolbelt.tr("Indonesian"), toolbelt.tr("English")])
        self.suppress = QCheckBox(toolbelt.tr("Show counts of 1–2 as \"<3\" (privacy)"), self)
        self.suppress.setChecked(True)
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(toolbelt.tr("PDF files (*.pdf)"))
        form.addRow(toolbelt.tr("Enterprises"), self.enterprises)
        form.addRow(toolbelt.tr("Regions"), self.regions)
        form.addRow(toolbelt.tr("Services"), self.services)
        form.addRow(toolbelt.tr("Period: up to the end of year"), self.year)
        form.addRow(toolbelt.tr("Only regions whose code starts with"), self.code)
        form.addRow(toolbelt.tr("Office"), self.office)
        form.addRow(toolbelt.tr("Report language"), self.language)
        form.addRow(self.suppress)
        form.addRow(toolbelt.tr("Report PDF"), self.output)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(buttons)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _only_boundary_layers(self, *_) -> None:
        current = self.regions.currentLayer()
        self.regions.setExceptedLayerList(_not_boundary_layers())
        if current is not None and _role(current) in schema.BOUNDARY_ROLES:
            self.regions.setLayer(current)

    def done(self, result: int) -> None:
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().layersAdded.disconnect(self._only_boundary_layers)
        super().done(result)

    def parameters(self) -> dict:
        return {
            "INPUT": self.enterprises.currentLayer(), "REGIONS": self.regions.currentLayer(),
            "SERVICES": self.services.currentLayer(), "YEAR": self.year.value(),
            "REGENCY_CODE": self.code.text().strip(), "OFFICE": self.office.text().strip(),
            "LANGUAGE": self.language.currentIndex(),
            "SUPPRESS_SMALL_COUNTS": self.suppress.isChecked(),
            "OUTPUT": self.output.filePath(),
        }

    def run(self) -> None:
        from qgis import processing
        from qgis.core import QgsProcessingException

        params = self.parameters()
        if params["INPUT"] is None or params["REGIONS"] is None or not params["OUTPUT"]:
            QMessageBox.warning(self, self.windowTitle(), toolbelt.tr(
                "Choose the enterprise and region layers and the PDF file."))
            return
        progress = QProgressDialog(toolbelt.tr("Writing the report…"), toolbelt.tr("Cancel"),
                                   0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        feedback = QgsProcessingFeedback()
        feedback.progressChanged.connect(lambda v: progress.setValue(int(v)))
        progress.canceled.connect(feedback.cancel)
        try:
            result = processing.run(ALG, params, feedback=feedback)
        except QgsProcessingException as error:
            progress.close()
            QMessageBox.critical(self, self.windowTitle(), str(error))
            return
        progress.close()
        QDesktopServices.openUrl(QUrl.fromLocalFile(result["OUTPUT"]))
        self.accept()


def show_report_dialog(parent=None) -> None:
    """Put the template in the project's layouts, then ask for the report's settings."""
    from industri_rumahan_plugin.report.template import TemplateError, add_to_project

    try:
        add_to_project(QgsProject.instance())
    except TemplateError as error:
        QMessageBox.warning(parent, toolbelt.tr("Region report (PDF)"), str(error))
    ReportDialog(parent).exec()
