"""Attach the stage-history recorder to every enterprise layer of the project, and give it
the enterprise form in the interface language (adapters/form_config.configure_if_needed).

So a stage changed in QGIS's own attribute form or attribute table is recorded just like one
changed in the plugin's dock. The plugin starts the watcher in ``initGui`` and stops it in
``unload`` (every recorder it attached is released, every signal disconnected).
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from industri_rumahan_plugin.adapters import history_recorder
from industri_rumahan_plugin.adapters.display_names import set_display_expression
from industri_rumahan_plugin.adapters.form_config import configure_if_needed
from industri_rumahan_plugin.core import schema


def is_enterprise_layer(layer) -> bool:
    """A valid vector layer with the enterprise schema's fields."""
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and schema.layer_role(layer.fields().names(),
                                  QgsWkbTypes.displayString(layer.wkbType())) == "enterprises")


def is_plugin_layer(layer) -> bool:
    """A valid vector layer of one of the plugin's roles (enterprises, services, regions...)."""
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and schema.layer_role(layer.fields().names(),
                                  QgsWkbTypes.displayString(layer.wkbType())) is not None)


class HistoryWatcher:
    """Follows the project: layers added (or a project read) get a recorder, removed ones
    and a cleared project release theirs."""

    def __init__(self, project: QgsProject | None = None) -> None:
        self.project = project or QgsProject.instance()
        self.attached: set[str] = set()
        self._signals = ((self.project.layersAdded, self._on_layers_added),
                         (self.project.layersWillBeRemoved, self._on_layers_removed),
                         (self.project.cleared, self.release_all))
        for signal, slot in self._signals:
            signal.connect(slot)
        self._on_layers_added(list(self.project.mapLayers().values()))

    def _on_layers_added(self, layers) -> None:
        for layer in layers:
            if is_plugin_layer(layer):  # features named by their name, never by UUID
                set_display_expression(layer)
            if layer.id() not in self.attached and is_enterprise_layer(layer):
                configure_if_needed(layer)
                history_recorder.attach(layer)
                self.attached.add(layer.id())

    def _on_layers_removed(self, layer_ids) -> None:
        for layer_id in layer_ids:
            if layer_id in self.attached:
                self.attached.discard(layer_id)
                history_recorder.release(layer_id)

    def release_all(self) -> None:
        for layer_id in list(self.attached):
            history_recorder.release(layer_id)
        self.attached.clear()

    def stop(self) -> None:
        """Release every recorder and disconnect from the project (plugin unload)."""
        for signal, slot in self._signals:
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self.release_all()
