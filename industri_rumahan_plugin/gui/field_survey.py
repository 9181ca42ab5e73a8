"""Menu and dock entries for the field survey: prepare and merge a QField package, export the
XLSForm. Each opens the Processing dialog of its algorithm with the project's enterprise (or
village) layer preselected; an algorithm this installation lacks leaves its entry disabled,
with a tooltip saying so, instead of failing when clicked."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import (
    QgsApplication,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton, QWidget

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing.provider import PROVIDER_ID

#: (algorithm name, object name), in menu order; texts in ``entry_text``.
ENTRIES: tuple[tuple[str, str], ...] = (
    ("preparefieldsurvey", "IndustriRumahanPrepareFieldSurvey"),
    ("mergefieldsurvey", "IndustriRumahanMergeFieldSurvey"),
    ("exportxlsform", "IndustriRumahanExportXlsform"),
)


def entry_name(object_name: str) -> str | None:
    """The algorithm name of a plugin menu entry's object name, None for other actions."""
    return next((name for name, object_ in ENTRIES if object_ == object_name), None)


def algorithm_id(name: str) -> str:
    return f"{PROVIDER_ID}:{name}"


def available(name: str) -> bool:
    return QgsApplication.processingRegistry().algorithmById(algorithm_id(name)) is not None


def project_layers(role: str, project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """The project's layers of a schema role (recognised by their fields, not their names)."""
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.isValid()
            and schema.layer_role(layer.fields().names(),
                                  QgsWkbTypes.displayString(layer.wkbType())) == role]


def _number(value) -> int:
    """An enum member or int as int (Qgis scoped enums are not ints on every QGIS)."""
    return int(value.value) if hasattr(value, "value") else int(value)


def _role_for(parameter) -> str | None:
    """Which layer a layer parameter gets: polygons named after villages get the village
    layer; parameters that take points get the enterprise layer."""
    if not isinstance(parameter, (QgsProcessingParameterFeatureSource,
                                  QgsProcessingParameterVectorLayer)):
        return None
    types = {_number(t) for t in parameter.dataTypes()}
    if types == {_number(SourceType.POLYGON)}:
        name = parameter.name().upper()
        return "villages" if "VILLAGE" in name or "DESA" in name else None
    takes_points = {_number(SourceType.POINT), _number(SourceType.VECTOR_ANY),
                    _number(SourceType.VECTOR)}
    if not types or types & takes_points:
        return "enterprises"
    return None


def dialog_parameters(name: str, enterprises: QgsVectorLayer | None = None) -> dict:
    """Initial values: the enterprise layer (``enterprises`` or the project's first) and the
    project's village layer for the parameters that take them."""
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id(name))
    if algorithm is None:
        return {}
    chosen = {"enterprises": enterprises}
    params = {}
    for parameter in algorithm.parameterDefinitions():
        role = _role_for(parameter)
        if role is None:
            continue
        layer = chosen.get(role) or next(iter(project_layers(role)), None)
        if layer is not None:
            params[parameter.name()] = layer.id()
    return params


def open_dialog(name: str, enterprises: QgsVectorLayer | None = None) -> None:
    """The algorithm's own Processing dialog (progress, log, batch), values preselected."""
    from qgis import processing

    processing.execAlgorithmDialog(algorithm_id(name), dialog_parameters(name, enterprises))


def update_action(action: QAction, name: str) -> None:
    """Enable the entry only when its algorithm is registered; the tooltip says why not."""
    ok = available(name)
    action.setEnabled(ok)
    action.setToolTip(action.text().rstrip("…") if ok else toolbelt.tr(
        "Not available: this installation has no {algorithm} algorithm.").format(
            algorithm=algorithm_id(name)))


def entry_text(name: str) -> str:
    """The entry's menu text (literal ``tr`` calls, so the translation tools find them)."""
    return {
        "preparefieldsurvey": toolbelt.tr("Prepare field survey package…"),
        "mergefieldsurvey": toolbelt.tr("Merge field survey package…"),
        "exportxlsform": toolbelt.tr("Export XLSForm…"),
    }[name]


def survey_button(parent: QWidget, current_layer: Callable[[], QgsVectorLayer | None]
                  ) -> QToolButton:
    """The dock's "Field survey" button: a menu of the three entries on its layer."""
    button = QToolButton(parent)
    button.setObjectName("IndustriRumahanFieldSurveyButton")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for name, object_name in ENTRIES:
        action = menu.addAction(entry_text(name))
        action.setObjectName(object_name + "Dock")
        action.triggered.connect(lambda _checked=False, n=name: open_dialog(n, current_layer()))
        update_action(action, name)
    menu.aboutToShow.connect(lambda: [update_action(a, n) for a, (n, _o)
                                      in zip(menu.actions(), ENTRIES)])
    button.setMenu(menu)
    retranslate_button(button)
    return button


def retranslate_button(button: QToolButton) -> None:
    """The button's and its entries' texts in the interface language (also when it changes
    while QGIS runs)."""
    button.setText(toolbelt.tr("Field survey"))
    for action, (name, _object_name) in zip(button.menu().actions(), ENTRIES):
        action.setText(entry_text(name))
        update_action(action, name)
