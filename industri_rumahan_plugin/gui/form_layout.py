"""The widgets of the add/edit panel around QGIS's attribute form: messages, the scrolling
body, location tools, the stage suggestion and Save/Cancel.

Texts are set in one place (``set_texts``), so the panel can say them again in another
language while it is open, without losing what was typed.
"""

from __future__ import annotations

from qgis.core import QgsFeature
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.gui import form_widgets


def build(panel) -> None:
    """Lay out ``panel`` (an EnterpriseFormPanel whose ``form`` exists) and wire its tools."""
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    panel.messages = QLabel(panel)
    panel.messages.setObjectName("messages")
    panel.messages.setWordWrap(True)
    panel.messages.setVisible(False)
    outer.addWidget(panel.messages)
    # the fields, location and stage scroll; the messages and Save/Cancel never do
    panel.body = form_widgets.scroll_body(panel)
    outer.addWidget(panel.body, 1)
    layout = panel.body.widget().layout()
    layout.addWidget(panel.form, 1)

    box = panel.location_box = QGroupBox(panel)
    grid = QVBoxLayout(box)
    row = QHBoxLayout()
    panel.x_edit, panel.y_edit = QDoubleSpinBox(box), QDoubleSpinBox(box)
    for edit, low, high, name in ((panel.x_edit, -180, 180, "x"),
                                  (panel.y_edit, -90, 90, "y")):
        edit.setDecimals(6)
        edit.setRange(low, high) if panel.layer.crs().isGeographic() else edit.setRange(
            -1e8, 1e8)
        edit.setSpecialValueText(" ")
        edit.setObjectName(f"coordinate_{name}")
        edit.editingFinished.connect(panel._on_coordinates_typed)
    panel.x_label, panel.y_label = QLabel(box), QLabel(box)
    row.addWidget(panel.x_label)
    row.addWidget(panel.x_edit)
    row.addWidget(panel.y_label)
    row.addWidget(panel.y_edit)
    grid.addLayout(row)
    buttons = QHBoxLayout()
    panel.pick_button = QPushButton(box)
    panel.pick_button.setCheckable(True)
    panel.pick_button.toggled.connect(panel._toggle_pick)
    panel.centroid_button = QPushButton(box)
    panel.centroid_button.clicked.connect(panel.use_village_centroid)
    buttons.addWidget(panel.pick_button)
    buttons.addWidget(panel.centroid_button)
    grid.addLayout(buttons)
    panel.location_label = QLabel(box)
    panel.location_label.setWordWrap(True)
    grid.addWidget(panel.location_label)
    layout.addWidget(box)

    stage_row = QHBoxLayout()
    panel.suggestion_label = QLabel(panel)
    panel.suggestion_label.setWordWrap(True)
    panel.use_suggestion_button = QPushButton(panel)
    panel.use_suggestion_button.clicked.connect(panel.use_suggestion)
    stage_row.addWidget(panel.suggestion_label, 1)
    stage_row.addWidget(panel.use_suggestion_button)
    layout.addLayout(stage_row)

    actions = QHBoxLayout()
    panel.save_button = QPushButton(panel)
    panel.save_button.setObjectName("save")
    panel.save_button.clicked.connect(panel.save)
    panel.cancel_button = QPushButton(panel)
    panel.cancel_button.clicked.connect(panel.cancel)
    actions.addStretch(1)
    actions.addWidget(panel.cancel_button)
    actions.addWidget(panel.save_button)
    outer.addLayout(actions)
    panel._picker = None
    set_texts(panel)
    panel.location_label.setText(toolbelt.tr("No location yet."))


def set_texts(panel) -> None:
    """The panel's own fixed texts in the current interface language."""
    panel.setPanelTitle(toolbelt.tr("New enterprise") if panel.fid is None
                        else toolbelt.tr("Edit enterprise"))
    panel.location_box.setTitle(toolbelt.tr("Location"))
    panel.x_label.setText(toolbelt.tr("Lon/X"))
    panel.y_label.setText(toolbelt.tr("Lat/Y"))
    panel.pick_button.setText(toolbelt.tr("Pick on map"))
    panel.centroid_button.setText(toolbelt.tr("Village centroid"))
    panel.use_suggestion_button.setText(toolbelt.tr("Use suggestion"))
    panel.save_button.setText(toolbelt.tr("Save"))
    panel.cancel_button.setText(toolbelt.tr("Cancel"))


def rebuild_form(panel, feature: QgsFeature | None = None) -> None:
    """A new attribute form in the interface language in place of the panel's, holding what
    was typed (``feature``: the input read before the layer was configured again)."""
    old = panel.form
    feature = QgsFeature(feature if feature is not None else old.currentFormFeature())
    mode = old.mode()
    old.setMode(QgsAttributeEditorContext.Mode.IdentifyMode)  # it must not save on its own
    form_widgets.drop_form_commands(panel.layer, panel.start_index)
    context = QgsAttributeEditorContext()
    if panel.canvas is not None:
        context.setMapCanvas(panel.canvas)
    form = QgsAttributeForm(panel.layer, feature, context, panel)
    form.setMode(mode)
    form.hideButtonBox()
    form_widgets.finish(form, panel.lang)
    panel.body.widget().layout().replaceWidget(old, form)
    old.hide()
    sip.delete(old)  # now: a form left to deleteLater would follow the layer meanwhile
    panel.form = form
    form.widgetValueChanged.connect(panel._on_value_changed)
    QTimer.singleShot(0, panel._blank_nulls)
