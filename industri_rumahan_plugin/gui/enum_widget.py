"""The combo box of ``processing.enum_params.labelled_enum``: translated labels, code values.

Used by QGIS's algorithm dialog, batch dialog and modeler through the parameter's
``widget_wrapper`` metadata; values are the codes, exactly as with QGIS's own enum widget.
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_MODELER, WidgetWrapper
from qgis.core import QgsProcessingParameterEnum
from qgis.PyQt.QtWidgets import QComboBox


class LabelledEnumWrapper(WidgetWrapper):
    """One combo item per option: the label shown, the code as item data (the value)."""

    def createWidget(self, labels: dict | None = None, **_kwargs) -> QComboBox:
        combo = QComboBox()
        param = self.parameterDefinition()
        labels = labels or {}
        for code in param.options():
            combo.addItem(labels.get(code, code), code)
        if self.dialogType == DIALOG_MODELER:
            for source in self.dialog.getAvailableValuesOfType(QgsProcessingParameterEnum):
                combo.addItem(self.dialog.resolveValueDescription(source), source)
        combo.currentIndexChanged.connect(lambda _index: self.widgetValueHasChanged.emit(self))
        return combo

    def setValue(self, value) -> None:
        if value is None:
            return
        options = self.parameterDefinition().options()
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(options):
            value = options[value]
        index = self.widget.findData(value)
        if index >= 0:
            self.widget.setCurrentIndex(index)

    def value(self):
        return self.widget.currentData()
