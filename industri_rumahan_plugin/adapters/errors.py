"""The one convention for refusing an input or output: a ``QgsProcessingException`` whose
translated message starts with the parameter, as the officer sees it in the dialog (its
label) and as batch and ``qgis_process`` users write it (its name)."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException


def parameter_label(alg: QgsProcessingAlgorithm | None, name: str) -> str:
    """``Label [NAME]`` when the algorithm declares the parameter, else ``NAME``."""
    definition = alg.parameterDefinition(name) if alg is not None else None
    if definition is None or not definition.description():
        return name
    return f"{definition.description()} [{name}]"


def parameter_error(alg: QgsProcessingAlgorithm | None, name: str,
                    message: str) -> QgsProcessingException:
    """The error to raise: ``Label [NAME]: message`` (``message`` already translated)."""
    return QgsProcessingException(f"{parameter_label(alg, name)}: {message}")
