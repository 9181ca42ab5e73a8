"""Standard dialog buttons in the interface language.

Qt names its standard buttons (Close, OK, Cancel, Yes, No) through its own translation,
which has no Indonesian catalogue, so an Indonesian dialog showed "Close" and a delete
question "Yes"/"No" (issue 13). Every dialog of the plugin passes its button box here.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialogButtonBox, QMessageBox

from industri_rumahan_plugin import toolbelt


def _texts() -> dict[str, str]:
    return {"Ok": toolbelt.tr("OK"), "Cancel": toolbelt.tr("Cancel"),
            "Close": toolbelt.tr("Close"), "Yes": toolbelt.tr("Yes"), "No": toolbelt.tr("No"),
            "Apply": toolbelt.tr("Apply"), "Reset": toolbelt.tr("Reset"),
            "Help": toolbelt.tr("Help"), "Save": toolbelt.tr("Save")}


def translate_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give each standard button of ``box`` the plugin's translated text."""
    enum = QDialogButtonBox.StandardButton if isinstance(box, QDialogButtonBox) else (
        QMessageBox.StandardButton)
    for name, text in _texts().items():
        button = box.button(getattr(enum, name))
        if button is not None:
            button.setText(text)
