"""Style Processing outputs when QGIS loads them: a layer post-processor any algorithm attaches.

In an algorithm's ``processAlgorithm``::

    from industri_rumahan_plugin.styles.postprocess import attach_style
    attach_style(context, dest_id, "density", field="per_km2")

It acts only when the output will be loaded into the project, styles the layer in the
interface language and turns on legend feature counts. ``attach_output_styles`` (called by every
algorithm of the provider after it ran, ``IndustriRumahanAlgorithm.postProcessAlgorithm``)
attaches an ``OutputStylePostProcessor`` to each output to load that has none: the style is
chosen from the loaded layer (``output_styles``), in the dialog, in batch runs and in
``processing.runAndLoadResults`` alike. QGIS does not keep the Python object
alive, so each attached post-processor is kept in ``_ALIVE`` (one per output id).
"""

from __future__ import annotations

from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import GeometryType
from industri_rumahan_plugin.styles import STYLES
from industri_rumahan_plugin.styles.apply import StyleError, apply_style, show_feature_count

_ALIVE: dict[str, QgsProcessingLayerPostProcessorInterface] = {}


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


class OutputStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded output by what it is (``output_styles.style_output``); polygons go
    under the point layers so a choropleth never hides the enterprises."""

    def __init__(self, lang: str | None = None, output: str = "") -> None:
        super().__init__()
        self.lang = lang
        self.output = output  # the output parameter's name, e.g. "OUTPUT_OUTSIDE"
        self.kind = ""

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> None:
        from industri_rumahan_plugin.styles.output_styles import style_output

        try:
            self.kind = style_output(layer, self.lang or toolbelt.language(), self.output)
        except (StyleError, ValueError, ImportError) as error:  # usable, unstyled (an
            # ImportError: classes need numpy, which an algorithm without REQUIRES may lack)
            if feedback is not None:
                feedback.pushWarning(str(error))
            return
        if self.kind != "table":
            show_feature_count(layer, context.project())
        below_points(layer, context.project() or QgsProject.instance())


def below_points(layer: QgsMapLayer, project) -> bool:
    """Move a polygon or raster layer's node under the last point layer of its group."""
    if isinstance(layer, QgsVectorLayer) and layer.geometryType() != GeometryType.POLYGON:
        return False
    if project is None:
        return False
    node = project.layerTreeRoot().findLayer(layer.id())
    parent = node.parent() if node is not None else None
    if not isinstance(parent, QgsLayerTreeGroup):
        return False
    children = parent.children()
    last_point = -1
    for index, child in enumerate(children):
        other = child.layer() if isinstance(child, QgsLayerTreeLayer) else None
        if (isinstance(other, QgsVectorLayer) and other.id() != layer.id()
                and other.geometryType() not in (GeometryType.POLYGON, GeometryType.NULL)):
            last_point = index
    here = children.index(node)
    if last_point < here:
        return False
    clone = node.clone()
    parent.insertChildNode(last_point + 1, clone)
    parent.removeChildNode(node)
    return True


def attach_output_styles(context: QgsProcessingContext, lang: str | None = None) -> int:
    """Attach an ``OutputStylePostProcessor`` to every output to load that has none."""
    count = 0
    for dest_id, details in context.layersToLoadOnCompletion().items():
        if details.postProcessor() is not None:
            continue
        processor = OutputStylePostProcessor(lang, details.outputName or "")
        _ALIVE[dest_id] = processor
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
        count += 1
    return count
