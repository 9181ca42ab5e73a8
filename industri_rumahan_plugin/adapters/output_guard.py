"""The one place that decides whether an algorithm may write an output path.

Every algorithm of the provider runs ``check_outputs`` before it starts (dialog,
``processing.run``, ``qgis_process``, batch) and again for each staged file before it is
moved into place (``adapters.output_writer``). The rule itself is ``core.output_rules``:
never the file of an input layer of the run, never an existing database or file the plugin
did not write (an unchanged earlier output of the plugin may be replaced: the plugin records
each file it writes, with its size and time, in the user's profile), never a GeoPackage made
by another tool or a newer plugin as a database to write into.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, profile_json
from industri_rumahan_plugin.core import output_rules

DESTINATIONS = ("sink", "fileDestination", "rasterDestination", "vectorDestination",
                "folderDestination")
_NOT_FILES = ("memory:", "postgres:", "postgis:", "mssql:", "oracle:", "hana:")
_REGISTRY_LOCK = threading.Lock()
_DB_LOCKS: dict[str, threading.Lock] = {}


def norm(path: str | Path) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(str(path))))


def destination_value(value, context: QgsProcessingContext) -> str:
    """The destination string of a sink or file parameter value ('' when none)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        got = value.valueAsString(context.expressionContext(), "")
        value = got[0] if isinstance(got, tuple) else got
    return value.strip() if isinstance(value, str) else ""


def file_of_destination(dest: str) -> str | None:
    """The local file a destination string writes, or None (memory, PostGIS, temporary)."""
    if not dest or dest == QgsProcessing.TEMPORARY_OUTPUT or dest.startswith(_NOT_FILES):
        return None
    if dest.startswith("ogr:"):  # ogr:dbname='file.gpkg' table="name" (geom)
        return QgsDataSourceUri(dest[4:]).database() or None
    if dest.startswith("spatialite:"):
        return None
    return dest.split("|", 1)[0]


def layer_file(layer: QgsMapLayer | None) -> str | None:
    """The file a layer reads (GeoPackage, Shapefile, CSV, GeoTIFF...), or None."""
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or parts.get("dbname") or ""
    if path.startswith("file:"):
        path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
    return path if path and os.path.exists(path) else None


def input_files(alg, parameters: dict, context: QgsProcessingContext) -> dict[str, str]:
    """{normalised file: parameter} of every input layer or file of the run."""
    found: dict[str, str] = {}
    for definition in alg.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        if parameters.get(name) is None or kind in DESTINATIONS:
            continue
        paths: list[str | None] = []
        if kind == "file":
            paths.append(alg.parameterAsFile(parameters, name, context))
        elif kind == "multilayer":
            paths += [layer_file(lyr) for lyr in
                      alg.parameterAsLayerList(parameters, name, context)]
        elif kind in ("source", "vector"):
            paths.append(layer_file(alg.parameterAsVectorLayer(parameters, name, context)))
        elif kind == "raster":
            paths.append(layer_file(alg.parameterAsRasterLayer(parameters, name, context)))
        elif kind == "layer":
            paths.append(layer_file(alg.parameterAsLayer(parameters, name, context)))
        for path in paths:
            if path and os.path.exists(path):
                found.setdefault(norm(path), name)
    return found


def destination_files(alg, parameters: dict, context: QgsProcessingContext) -> dict[str, str]:
    """{parameter: file} of every file output of the run (memory and databases left out)."""
    out = {}
    for definition in alg.destinationParameterDefinitions():
        name = definition.name()
        if definition.type() == "folderDestination" and name not in getattr(
                alg, "NEW_FOLDERS", ()):
            continue  # a folder the algorithm manages itself (e.g. re-publishing a website)
        dest = destination_value(parameters.get(name), context)
        path = file_of_destination(dest)
        if path:
            out[name] = path
    return out


def check_outputs(alg, parameters: dict, context: QgsProcessingContext) -> None:
    """Refuse, before anything is written, an output path the rule does not allow."""
    destinations = destination_files(alg, parameters, context)
    inputs = input_files(alg, parameters, context) if destinations or alg_writes_into(alg) \
        else {}
    for name, path in destinations.items():
        check_path(alg, name, path, inputs)
    from industri_rumahan_plugin.adapters import output_tables

    for definition in alg.destinationParameterDefinitions():
        output_tables.check_table(alg, definition.name(), destination_value(
            parameters.get(definition.name()), context))
    for name in alg_writes_into(alg):
        check_database_target(alg, name, alg.parameterAsVectorLayer(parameters, name, context))


def alg_writes_into(alg) -> tuple[str, ...]:
    return tuple(getattr(alg, "WRITES_INTO", ()))


def check_path(alg, name: str, path: str, inputs: dict[str, str]) -> None:
    """Raise the rule's refusal for output ``name`` at ``path`` (names parameter and file)."""
    if os.path.isdir(path):  # a folder output: only a new or empty folder
        if os.listdir(path):
            raise errors.parameter_error(alg, name, toolbelt.tr(
                "the folder {path} is not empty; its files are never replaced. "
                "Choose a new folder.").format(path=path))
        return
    answer = output_rules.verdict(facts(path, inputs))
    if answer == output_rules.OK:
        return
    if answer == output_rules.INPUT:
        message = toolbelt.tr(
            "{path} is the file of the input {input} of this run; writing the output "
            "there would destroy it. Choose another file.")
    elif answer == output_rules.DATABASE:
        message = toolbelt.tr(
            "{path} is an existing database (tables: {tables}) that this plugin did "
            "not write; it is never replaced. Choose a new file name.")
    else:
        message = toolbelt.tr(
            "{path} already exists and is not an unchanged output of this plugin; "
            "it is not replaced. Choose a new file name, or delete the file first.")
    message = message.format(path=path, input=inputs.get(norm(path), ""),
                             tables=", ".join(sqlite_tables(path)[:10]))
    if answer == output_rules.DATABASE and path.lower().endswith(".gpkg"):
        from industri_rumahan_plugin.adapters.geopackage import check_database

        status, detail = check_database(path)
        if status != "ok":
            message += " " + detail
    raise errors.parameter_error(alg, name, message)


def facts(path: str, inputs: dict[str, str]) -> output_rules.PathFacts:
    key = norm(path)
    exists = os.path.exists(path)
    temp = norm(QgsProcessingUtils.tempFolder())
    return output_rules.PathFacts(
        exists=exists,
        is_input=key in inputs,
        temporary=key.startswith(temp + os.sep),
        database=exists and bool(sqlite_tables(path)),
        plugin_output=exists and is_plugin_output(path),
    )


def sqlite_tables(path: str) -> list[str]:
    """The user tables of an SQLite file (GeoPackage, SpatiaLite); [] for any other file."""
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return []
        con = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro",
                              uri=True)
        try:
            rows = con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'gpkg%' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'rtree%'").fetchall()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return ["?"]
    return sorted((r[0] for r in rows), key=lambda t: (t.startswith(("ref_", "ir_")), t))


# --- the plugin's own outputs -------------------------------------------------------------

REGISTER = "outputs.json"


def _load() -> dict[str, list[int]]:
    return profile_json.load(REGISTER)


def _stamp(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns]


def is_plugin_output(path: str) -> bool:
    """True when the plugin wrote ``path`` and it has not changed since (size and time)."""
    entry = _load().get(norm(path))
    try:
        return entry is not None and list(entry) == _stamp(path)
    except OSError:
        return False


def mark_outputs(paths: list[str]) -> None:
    """Record files the plugin has just written, so that a later run may replace them."""
    with profile_json.LOCK:
        registry = {k: v for k, v in _load().items() if os.path.exists(k)}
        for path in paths:
            if os.path.exists(path):
                registry[norm(path)] = _stamp(path)
        profile_json.save(REGISTER, registry)  # else a later run refuses: nothing is lost


# --- databases written in place -----------------------------------------------------------

def check_database_target(alg, name: str, layer) -> None:
    """A GeoPackage written in place (import) must be the plugin's, of this schema or older."""
    from industri_rumahan_plugin.adapters.geopackage import check_database

    path = layer_file(layer)
    if not path or not path.lower().endswith(".gpkg"):
        return
    status, message = check_database(path)
    if status in ("foreign", "newer"):
        raise errors.parameter_error(alg, name, message)


@contextmanager
def database_lock(path: str | None, feedback=None) -> Iterator[None]:
    """One writer at a time for ``path``: threads of this process and other processes (a
    lock file beside the database, removed after). A no-op without a file."""
    if not path:
        yield
        return
    from qgis.PyQt.QtCore import QLockFile

    key = norm(path)
    with _REGISTRY_LOCK:
        lock = _DB_LOCKS.setdefault(key, threading.Lock())
    with lock:
        lock_file = QLockFile(path + ".industri_rumahan.lock")
        lock_file.setStaleLockTime(0)  # only a dead process's lock is stale, never a slow one
        if not lock_file.tryLock(0):
            if feedback is not None:
                feedback.pushInfo(toolbelt.tr(
                    "Another import into {path} is running; waiting for it to finish…").format(
                        path=path))
            if not lock_file.tryLock(30 * 60 * 1000):
                raise QgsProcessingException(toolbelt.tr(
                    "{path} is locked by another import; nothing was written.").format(
                        path=path))
        try:
            yield
        finally:
            lock_file.unlock()
