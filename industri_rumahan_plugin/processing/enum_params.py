"""Enumerations whose values are stable codes and whose dialog labels are translated words.

QGIS's enum parameter shows its option strings as they are: with static strings
("quartic", "tenun_cual") batch users and models keep stable values, but officers read raw
codes. ``labelled_enum`` keeps the codes as values and gives the algorithm dialog, the batch
dialog and the modeler a combo box of translated labels (``gui.enum_widget``), through the
parameter's ``widget_wrapper`` metadata (a class path: nothing of the GUI is imported here).
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsProcessingParameterEnum

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue

WRAPPER = "industri_rumahan_plugin.gui.enum_widget.LabelledEnumWrapper"
ALL = "semua"


def labelled_enum(name: str, description: str, choices: Sequence[tuple[str, str]],
                  default: str) -> QgsProcessingParameterEnum:
    """An enum of codes (``choices`` = (code, translated label)) shown by its labels."""
    param = QgsProcessingParameterEnum(name, description, [code for code, _ in choices],
                                       defaultValue=default)
    param.setUsesStaticStrings(True)
    metadata = param.metadata()
    metadata["widget_wrapper"] = {"class": WRAPPER, "labels": dict(choices)}
    param.setMetadata(metadata)
    return param


def labels(param: QgsProcessingParameterEnum) -> dict[str, str]:
    """Code -> label of a ``labelled_enum`` (codes themselves for any other enum)."""
    wrapper = param.metadata().get("widget_wrapper") or {}
    given = wrapper.get("labels", {}) if isinstance(wrapper, dict) else {}
    return {code: given.get(code, code) for code in param.options()}


def catalogue_choices(entries: Sequence[catalogue.Entry]) -> list[tuple[str, str]]:
    """"All" then every catalogue entry with its label in the interface language."""
    lang = toolbelt.language()
    return [(ALL, toolbelt.tr("All")), *((e.code, e.label(lang)) for e in entries)]


def kernel_choices() -> list[tuple[str, str]]:
    return [("quartic", toolbelt.tr("Quartic")), ("epanechnikov", toolbelt.tr("Epanechnikov")),
            ("gaussian", toolbelt.tr("Gaussian"))]


def weights_choices() -> list[tuple[str, str]]:
    return [("queen", toolbelt.tr("Neighbouring regions (shared border or corner)")),
            ("distance_band", toolbelt.tr("Distance band")),
            ("knn", toolbelt.tr("Nearest neighbours (fixed number)"))]
