"""Style Processing outputs when QGIS loads them: a layer post-processor any algorithm attaches.

In an algorithm's ``processAlgorithm``::

    from industri_rumahan_plugin.styles.postprocess import attach_style
    attach_style(context, dest_id, "density", field="per_km2")

It acts only when the output will be loaded into the project, styles the layer in the
interface language and turns on legend feature counts. QGIS does not keep the Python object
alive, so each attached post-processor is kept in ``_ALIVE`` (one per output id).
"""

from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.styles import STYLES
from industri_rumahan_plugin.styles.apply import StyleError, apply_style, show_feature_count

_ALIVE: dict[str, StylePostProcessor] = {}


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one named style to the loaded output layer."""

    def __init__(self, style: str, field: str | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.style = style
        self.field = field
        self.lang = lang
        self.applied_field: str | None = None

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> None:
        if not isinstance(layer, QgsVectorLayer):
            return
        try:
            self.applied_field = apply_style(layer, self.style, self.field, self.lang)
        except StyleError as error:  # the output stays usable, with QGIS's default style
            if feedback is not None:
                feedback.pushWarning(str(error))
            return
        show_feature_count(layer, context.project())


def attach_style(context: QgsProcessingContext, dest_id: str, style_name: str,
                 field: str | None = None, lang: str | None = None) -> StylePostProcessor | None:
    """Style output ``dest_id`` when it is loaded on completion; ``None`` when it is not."""
    if style_name not in STYLES:
        raise ValueError(toolbelt.tr("Unknown style: {style}").format(style=style_name))
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return None
    processor = StylePostProcessor(style_name, field, lang)
    _ALIVE[dest_id] = processor
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    return processor
