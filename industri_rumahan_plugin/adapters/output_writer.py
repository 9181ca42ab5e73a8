"""One output writer: every file an algorithm writes goes to a staging folder beside its
target and is moved into place (``os.replace``) only when the whole run succeeded.

Why: a cancelled run, an error, a refused feature or a full disk used to leave half-written
GeoPackages, DBFs and truncated PDFs where the user's file had been. Now the targets are
untouched unless everything was written; the staging folder is removed either way.

``processing.base`` wraps every ``processAlgorithm`` in ``Writes.run``; its
``parameterAsSink``, ``parameterAsFileOutput`` and ``parameterAsOutputLayer`` return staged
paths and sinks that check every feature (``CheckedSink``). Files derived from a staged path
(the report's XLSX and CSVs beside its PDF, a Shapefile's DBF) land in the same staging
folder and are checked and moved with it.
"""

from __future__ import annotations

import os
import shutil
import uuid
import zipfile
from contextlib import contextmanager

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, output_guard, output_tables
from industri_rumahan_plugin.compat import field_kind
from industri_rumahan_plugin.core import output_rules

STAGE_PREFIX = ".industri_rumahan-"
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd")


class CheckedSink:
    """A feature sink whose every write is checked: a refused feature stops the run with a
    message naming it, instead of a batch silently dropped ("0 of 40 written"). A value the
    file format silently truncates or drops (GDAL's warning: a Shapefile's 254 characters, a
    number wider than its column) counts as refused too."""

    def __init__(self, inner, name: str, dest: str, alg=None) -> None:
        self._inner, self.name, self.dest, self.written = inner, name, dest, 0
        self.alg = alg  # names the parameter in refusals (adapters/errors.py)
        self._lost: list[str] = []

    def addFeature(self, feature: QgsFeature, flags=QgsFeatureSink.Flag.FastInsert) -> bool:
        with self._gdal_warnings():
            ok = self._inner.addFeature(feature, flags)
        if not ok or self._inner.lastError() or self._lost:
            self._refused(feature)
        self.written += 1
        return True

    def addFeatures(self, features, flags=QgsFeatureSink.Flag.FastInsert) -> bool:
        """One by one (QGIS's file writer loops the same way), so that the refused feature
        is the one named."""
        with self._gdal_warnings():
            for feature in features:
                if not self._inner.addFeature(feature, flags) or self._lost:
                    self._refused(feature)
                self.written += 1
        return True

    @contextmanager
    def _gdal_warnings(self):
        from osgeo import gdal

        def collect(level, _number, message):
            if level >= gdal.CE_Failure or any(
                    word in message for word in ("not successfully written", "truncated")):
                self._lost.append(message)

        gdal.PushErrorHandler(collect)
        try:
            yield
        finally:
            gdal.PopErrorHandler()

    def lastError(self) -> str:
        return self._inner.lastError() if self._inner is not None else ""

    def flushBuffer(self) -> bool:
        return True if self._inner is None else self._inner.flushBuffer()

    def close(self) -> None:
        """Flush and close the file (the staged file is complete after this)."""
        if self._inner is None:
            return
        inner, self._inner = self._inner, None
        with self._gdal_warnings():
            ok = inner.flushBuffer() and not inner.lastError()
        if not ok or self._lost:
            raise errors.parameter_error(self.alg, self.name, toolbelt.tr(
                "the output could not be completed ({error}); nothing was written.").format(
                error=inner.lastError() or "; ".join(self._lost[:3])))
        del inner

    def _refused(self, feature) -> None:
        label = feature_label(feature) if feature is not None else "?"
        reason = (self._inner.lastError() if self._inner is not None else "") or \
            "; ".join(self._lost[:2]) or toolbelt.tr("no reason given")
        raise errors.parameter_error(self.alg, self.name, toolbelt.tr(
            "feature {n} ({label}) was refused by the output ({error}); nothing was "
            "written.").format(n=self.written + 1, label=label, error=reason))


def feature_label(feature: QgsFeature) -> str:
    """How the user finds the feature: its id and name or code."""
    names = feature.fields().names()
    parts = [f"fid {feature.id()}"]
    for field in ("uid", "nama_usaha", "nama", "kode"):
        if field in names and feature[field] not in (None, ""):
            parts.append(f"{field} {feature[field]}")
            break
    return ", ".join(parts)


def short_name_fields(fields: QgsFields) -> tuple[QgsFields, list[tuple[str, str]]]:
    """dBase fields: unique names of at most 10 characters (and the renamed pairs); decimals
    without a declared width get 24 digits, 8 after the point (OGR's default, 15 after the
    point, leaves too little room for a capital in rupiah)."""
    names = fields.names()
    short = output_rules.short_field_names(names)
    out = QgsFields()
    for field, new in zip(fields, short):
        copy = QgsField(field)
        copy.setName(new)
        if field_kind(copy.type()) == "double" and copy.length() <= 0:
            copy.setLength(24)
            copy.setPrecision(8)
        out.append(copy)
    return out, [(a, b) for a, b in zip(names, short) if a != b]


class Writes:
    """The staged outputs of one run (see the module docstring)."""

    def __init__(self, alg, parameters: dict, context: QgsProcessingContext, feedback) -> None:
        self.alg, self.parameters, self.context, self.feedback = alg, parameters, context, feedback
        self.stages: dict[str, str] = {}  # target folder -> staging folder
        self.sinks: list[CheckedSink] = []
        self.replaceable: set[str] = set()  # targets the algorithm recognised as its own
        self.tables: list[str] = []  # database tables written (recorded on success)

    def staged(self, path: str) -> str:
        """Where to write ``path`` now (the same name inside the staging folder)."""
        folder = os.path.dirname(os.path.abspath(path))
        stage = self.stages.get(folder)
        if stage is None:
            os.makedirs(folder, exist_ok=True)
            stage = os.path.join(folder, STAGE_PREFIX + uuid.uuid4().hex[:12])
            os.mkdir(stage)
            self.stages[folder] = stage
        return os.path.join(stage, os.path.basename(path))

    def final(self, text: str) -> str:
        """``text`` with every staging folder replaced by its target folder."""
        for folder, stage in self.stages.items():
            text = text.replace(stage, folder)
        return text

    def sink(self, parameters: dict, name: str, context, fields: QgsFields, *args, **kwargs):
        """Like ``parameterAsSink``: a checked sink writing to a staged file."""
        value = parameters.get(name)
        dest = output_guard.destination_value(value, context)
        path = output_guard.file_of_destination(dest)
        if output_tables.table_of(dest):
            self.tables.append(dest)
        staged_parameters = dict(parameters)
        load = None
        if path:
            if path.lower().endswith(output_rules.SHORT_NAME_SUFFIXES):
                fields, renamed = short_name_fields(fields)
                for old, new in renamed:
                    self.feedback.pushWarning(errors.parameter_label(self.alg, name) + ": " + \
                        toolbelt.tr("field names are limited to 10 characters in this format: "
                                    "{old} is written as {new}.").format(old=old, new=new))
            staged = self.staged(path)
            if os.path.exists(path) and dest.startswith("ogr:"):
                shutil.copyfile(path, staged)  # a layer added to an earlier output of ours
            definition = QgsProcessingOutputLayerDefinition(dest.replace(path, staged))
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                definition.createOptions = value.createOptions
                if value.destinationProject is not None:
                    load = (value.destinationName, value.destinationProject)
            staged_parameters[name] = definition
        sink, dest = self.alg.plain_sink(staged_parameters, name, context, fields,
                                         *args, **kwargs)
        if sink is None:
            return None, dest
        dest = self.final(dest)
        if load is not None:
            definition = self.alg.parameterDefinition(name)
            context.addLayerToLoadOnCompletion(dest, QgsProcessingContext.LayerDetails(
                load[0] or (definition.description() if definition else name), load[1],
                name))
        checked = CheckedSink(sink, name, dest, self.alg)
        self.sinks.append(checked)
        return checked, dest

    def may_replace(self, path: str) -> None:
        """``path`` is an earlier output the algorithm recognised by its content (e.g. the
        zip of a site published by an older plugin version): it may be replaced."""
        self.replaceable.add(output_guard.norm(path))

    def commit(self, results):
        """Close the sinks, check every staged file, move them into place; the results with
        final paths."""
        for sink in self.sinks:
            sink.close()
        self.sinks = []
        inputs = output_guard.input_files(self.alg, self.parameters, self.context) \
            if self.stages else {}
        moves = []
        for folder, stage in self.stages.items():
            for name in sorted(os.listdir(stage)):
                staged, target = os.path.join(stage, name), os.path.join(folder, name)
                verify(staged)
                if output_guard.norm(target) not in self.replaceable:
                    output_guard.check_path(self.alg, self._param_of(target, results), target,
                                            inputs)
                moves.append((staged, target))
        for staged, target in moves:
            if os.path.isdir(target) and not os.listdir(target):
                os.rmdir(target)  # an empty folder chosen for a folder output
            if target.lower().endswith(".shp"):
                _drop_stale_parts(target, {os.path.basename(t) for _, t in moves})
            os.replace(staged, target)
        output_guard.mark_outputs([t for _, t in moves if not os.path.isdir(t)])
        for table in self.tables:
            output_tables.mark(table)
        layers = self.context.layersToLoadOnCompletion()
        if any(self.final(k) != k for k in layers):
            self.context.setLayersToLoadOnCompletion(
                {self.final(k): v for k, v in layers.items()})
        if isinstance(results, dict):
            results = {key: self._final_value(value) for key, value in results.items()}
        self.discard()
        return results

    def discard(self) -> None:
        """Remove the staging folders and what they hold (the targets are untouched)."""
        for sink in self.sinks:
            sink._inner = None
        self.sinks = []
        for stage in self.stages.values():
            shutil.rmtree(stage, ignore_errors=True)
        self.stages = {}

    def _param_of(self, target: str, results) -> str:
        for key, value in (results or {}).items():
            if isinstance(value, str) and self.final(value) == target:
                return key
        return os.path.basename(target)

    def _final_value(self, value):
        if isinstance(value, str):
            return self.final(value)
        if isinstance(value, list):
            return [self.final(v) if isinstance(v, str) else v for v in value]
        return value


def verify(path: str) -> None:
    """A staged file that is plainly incomplete (a full disk) is never moved into place."""
    lower = path.lower()
    try:
        if lower.endswith(".pdf"):
            with open(path, "rb") as handle:
                handle.seek(max(0, os.path.getsize(path) - 2048))
                complete = b"%%EOF" in handle.read()
        elif lower.endswith((".xlsx", ".xlsm", ".zip")):
            with zipfile.ZipFile(path) as archive:
                complete = archive.testzip() is None
        else:
            complete = True
    except (OSError, zipfile.BadZipFile):
        complete = False
    if not complete:
        raise QgsProcessingException(toolbelt.tr(
            "{path} could not be written completely (is the disk full?); nothing was "
            "written.").format(path=os.path.basename(path)))


def _drop_stale_parts(target: str, incoming: set[str]) -> None:
    """An earlier Shapefile's index or code page must not outlive its replacement."""
    stem = os.path.splitext(target)[0]
    for suffix in _SHAPEFILE_PARTS:
        part = stem + suffix
        if os.path.basename(part) not in incoming and os.path.exists(part):
            os.remove(part)


def guarded(process):
    """``processAlgorithm`` writing through ``Writes``: all outputs, or none."""

    def run(self, parameters, context, feedback):
        writes = Writes(self, parameters, context, feedback)
        self.writes = writes
        try:
            results = process(self, parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(
                    toolbelt.tr("Cancelled by the user; nothing was written."))
            return writes.commit(results)
        except (OSError, zipfile.BadZipFile) as error:  # a full disk, a vanished folder...
            raise QgsProcessingException(toolbelt.tr(
                "A file could not be written or read ({error}); nothing was written. Is the "
                "disk full?").format(error=error)) from error
        finally:
            writes.discard()
            self.writes = None

    run.__wrapped__ = process
    run.__doc__ = process.__doc__
    run.guarded = True
    return run
