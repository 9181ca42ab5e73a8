"""The thin base class every algorithm of the provider derives from."""

from __future__ import annotations

from typing import Any, ClassVar

from qgis.core import (
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingException,
)
from qgis.PyQt.QtGui import QIcon

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, output_guard, output_writer
from industri_rumahan_plugin.adapters.feedback import check_cancel as check_cancel

REGIONS = "REGIONS"

GROUPS: dict[str, tuple[str, str]] = {
    "data": ("Data", "Data"),
    "density": ("Kepadatan", "Density"),
    "services": ("Kesenjangan layanan", "Service gap"),
    "progression": ("Kenaikan kelas", "Class progression"),
    "styles": ("Gaya peta", "Map styles"),
    "reports": ("Laporan", "Reports"),
}


class IndustriRumahanAlgorithm(QgsProcessingAlgorithm):
    """Name, group, icon, help and translation shared by the provider's algorithms.

    Subclasses set ``ALG_ID``, ``GROUP`` (a key of ``GROUPS``), ``TITLE`` (English, translated
    through ``tr``) and ``HELP`` = {"id": ..., "en": ...}. They keep no run state on ``self``
    (the base keeps one: ``writes``, the staged outputs of the running ``processAlgorithm``;
    Processing makes one instance per run).
    """

    ALG_ID: ClassVar[str] = ""
    GROUP: ClassVar[str] = "data"
    TITLE: ClassVar[str] = ""
    HELP: ClassVar[dict[str, str]] = {}
    #: Third-party libraries ``processAlgorithm`` needs (names of ``core.requirements``);
    #: imported there, never at module level, so the provider lists every algorithm.
    REQUIRES: ClassVar[tuple[str, ...]] = ()
    #: Field parameters whose values become output columns: only catalogue fields allowed.
    CATEGORY_PARAMETERS: ClassVar[tuple[str, ...]] = ()
    #: Input layers the algorithm writes into (a GeoPackage there must be the plugin's).
    WRITES_INTO: ClassVar[tuple[str, ...]] = ()
    #: Folder outputs that must be new or empty, staged and moved into place like files
    #: (read with ``parameterAsFileOutput``); other folder outputs the algorithm manages.
    NEW_FOLDERS: ClassVar[tuple[str, ...]] = ()
    #: The staged outputs of the running ``processAlgorithm`` (``adapters.output_writer``).
    writes: output_writer.Writes | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        """Every ``processAlgorithm`` writes through the one output writer: its file
        outputs are staged and moved into place only when the whole run succeeded."""
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not getattr(process, "guarded", False):
            cls.processAlgorithm = output_writer.guarded(process)

    def tr(self, message: str) -> str:
        return toolbelt.tr(message)

    def canExecute(self) -> tuple[bool, str]:
        """False, with what to install, when a library of ``REQUIRES`` is missing."""
        from industri_rumahan_plugin import dependencies
        from industri_rumahan_plugin.core import requirements

        lacking = requirements.missing(self.REQUIRES)
        if lacking:
            return False, dependencies.algorithm_message(lacking)
        return True, ""

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Refuse to run with the ``canExecute`` message: not every runner asks it first
        (QGIS 3.22's ``qgis_process run`` does not), and a traceback helps nobody."""
        ok, message = self.canExecute()
        if not ok:
            raise QgsProcessingException(message)
        self.refuse_analysis_output_as_regions(parameters, context)
        from industri_rumahan_plugin.adapters import gateway

        gateway.check_inputs(self, parameters, context, self.CATEGORY_PARAMETERS)
        output_guard.check_outputs(self, parameters, context)
        return True

    def checkParameterValues(self, parameters: dict, context) -> tuple[bool, str]:
        """The input, regions and output checks first: the algorithm dialog (and
        ``processing.run``) show their message before running."""
        try:
            self.refuse_analysis_output_as_regions(parameters, context)
            from industri_rumahan_plugin.adapters import gateway

            gateway.check_inputs(self, parameters, context, self.CATEGORY_PARAMETERS)
            output_guard.check_outputs(self, parameters, context)
        except QgsProcessingException as error:
            return False, str(error)
        return super().checkParameterValues(parameters, context)

    def refuse_analysis_output_as_regions(self, parameters: dict, context) -> None:
        """Refuse an analysis output given as regions: its copied figures would be counted as
        the region's own (a third of the enterprises lost, shares over 100 %), silently.

        Every algorithm with a ``REGIONS`` parameter gets this check through
        ``prepareAlgorithm``, whichever runner (dialog, ``processing.run``, qgis_process).
        """
        from industri_rumahan_plugin.core import schema

        if self.parameterDefinition(REGIONS) is None or parameters.get(REGIONS) is None:
            return
        source = self.parameterAsSource(parameters, REGIONS, context)
        if source is None or not schema.is_analysis_output(source.fields().names()):
            return
        raise self.input_error(REGIONS, self.tr(
            "{layer} is an analysis output, not a boundary layer (it already holds the figures "
            "of an analysis). Choose the kabupaten/kota or kecamatan layer of the "
            "database.").format(layer=source.sourceName()))

    # The outputs: staged while the run lasts, checked, moved into place when it succeeded.
    def plain_sink(self, parameters, name, context, *args, **kwargs):
        return super().parameterAsSink(parameters, name, context, *args, **kwargs)

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):
        """QGIS's sink, staged and checked (every feature) during a run."""
        if self.writes is None:
            sink, dest = self.plain_sink(parameters, name, context, *args, **kwargs)
            checked = None if sink is None else output_writer.CheckedSink(sink, name, dest, self)
            return checked, dest
        return self.writes.sink(parameters, name, context, *args, **kwargs)

    def parameterAsFileOutput(self, parameters, name, context) -> str:
        """The output file's staged path during a run (moved into place on success)."""
        path = super().parameterAsFileOutput(parameters, name, context)
        return self.writes.staged(path) if path and self.writes is not None else path

    def pdf_output(self, parameters, name: str, context) -> str:
        """The (staged) file of a PDF output, with the extension a bare name lacks."""
        path = self.parameterAsFileOutput(parameters, name, context)
        return path if path.lower().endswith(".pdf") else path + ".pdf"

    def parameterAsOutputLayer(self, parameters, name, context) -> str:
        path = super().parameterAsOutputLayer(parameters, name, context)
        if not path or self.writes is None or output_guard.file_of_destination(path) != path:
            return path
        return self.writes.staged(path)

    def addParameter(self, parameter, createOutput: bool = True) -> bool:  # noqa: N803
        """Every parameter passes here: enterprises, regions and services get the recognised
        layers of the current project as defaults (``layer_defaults``)."""
        from industri_rumahan_plugin.processing.layer_defaults import apply_default

        apply_default(parameter)
        return super().addParameter(parameter, createOutput)

    def postProcessAlgorithm(self, context, feedback) -> dict:
        """Style every output QGIS will load (dialog, batch, runAndLoadResults): styles are
        attached here, after the run, so no algorithm can forget its own. Through the provider,
        which knows the styles: an algorithm module itself imports no style code."""
        provider = self.provider()
        if provider is not None and hasattr(provider, "style_outputs"):
            provider.style_outputs(context)
        return {}

    def createInstance(self) -> QgsProcessingAlgorithm:
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def displayName(self) -> str:
        return self.tr(self.TITLE)

    def group(self) -> str:
        label_id, label_en = GROUPS[self.GROUP]
        return label_id if toolbelt.language() == "id" else label_en

    def groupId(self) -> str:
        return self.GROUP

    def shortHelpString(self) -> str:
        lang = toolbelt.language()
        primary = self.HELP.get(lang, "")
        other = self.HELP.get("en" if lang == "id" else "id", "")
        if primary and other:
            return f"{primary}\n\n<hr/>\n\n{other}"
        return primary or other

    # The one error convention (adapters/errors.py): "Label [NAME]: translated message".
    def input_error(self, name: str, message: str) -> QgsProcessingException:
        """The exception refusing parameter ``name``; ``message`` is already translated."""
        return errors.parameter_error(self, name, message)

    def require(self, condition: Any, name: str, message: str) -> None:
        """Refuse parameter ``name`` with ``message`` unless ``condition`` holds."""
        if not condition:
            raise self.input_error(name, message)

    def require_fields(self, name: str, fields, wanted, hint: str = "") -> None:
        """Refuse parameter ``name`` when its layer lacks a field the algorithm reads."""
        missing = [f for f in wanted if fields.indexOf(f) < 0]
        self.require(not missing, name, self.tr("the layer has no field {fields}.").format(
            fields=", ".join(missing)) + (" " + hint if hint else ""))

    def required_source(self, parameters: dict, name: str, context) -> QgsFeatureSource:
        """The feature source of parameter ``name``, or QGIS's own "invalid source" error."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def required_sink(self, parameters: dict, name: str, context, *args, **kwargs):
        """``parameterAsSink`` (staged and checked), or QGIS's own "invalid sink" error."""
        sink, dest = self.parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest

    def icon(self) -> QIcon:
        return toolbelt.icon()

    def svgIconPath(self) -> str:
        return toolbelt.icon_path()

    def helpUrl(self) -> str:
        """The algorithm's section of the help page shipped with the plugin (offline)."""
        from qgis.PyQt.QtCore import QUrl

        page = toolbelt.plugin_path("help", f"algorithms_{toolbelt.language()}.html")
        return QUrl.fromLocalFile(str(page)).toString() + f"#{self.ALG_ID}"

