"""Open a field-survey package that came back (folder, zip, or its .gpkg/.qgz) and check it.

Nothing of the package is ever written: a zip is extracted into a temporary folder and the
package GeoPackage is read from a temporary copy (QField may leave a write-ahead log beside
it, which a read-only open could not replay). A file that is not a package of this plugin,
or is damaged, raises ``PackageError`` with a message for the user before anything else.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import survey_gpkg
from industri_rumahan_plugin.core import field_survey
from industri_rumahan_plugin.core.field_survey import Record


class PackageError(Exception):
    """A package that cannot be merged; the message is for the user."""


@dataclass
class Package:
    """A package's content as read: manifest, packaged checksums, records now."""

    root: Path  # photo paths are relative to this folder
    manifest: dict[str, str]
    names: list[str]
    packaged: dict[str, str]
    records: dict[str, Record]
    blobs: dict[str, bytes]
    srs: tuple[str, int] | None
    saved: dt.datetime  # when the package's GeoPackage was last written (field time)
    _tmp: tempfile.TemporaryDirectory = field(repr=False, default=None)

    @property
    def package_id(self) -> str:
        return self.manifest.get("paket_id", "")

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def _not_a_package(path: Path | str) -> PackageError:
    return PackageError(toolbelt.tr(
        "{path} is not a field survey package of this plugin (no {table} table in a "
        "GeoPackage). Nothing was written.").format(path=path, table=field_survey.MANIFEST_TABLE))


def _extract(archive: Path, target: Path) -> None:
    """Unzip, refusing a damaged archive and any member outside the folder."""
    try:
        with zipfile.ZipFile(archive) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise PackageError(toolbelt.tr(
                    "{path} is damaged ({member} does not match its checksum). Nothing was "
                    "written.").format(path=archive, member=bad))
            for member in zf.infolist():
                pure = PurePosixPath(member.filename)
                if pure.is_absolute() or ".." in pure.parts:
                    raise PackageError(toolbelt.tr(
                        "{path} holds a file outside the package ({member}). Nothing was "
                        "written.").format(path=archive, member=member.filename))
            zf.extractall(target)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise PackageError(toolbelt.tr(
            "{path} is not a readable zip file ({error}). Nothing was written.").format(
                path=archive, error=error)) from error


def _candidates(root: Path) -> list[Path]:
    found = sorted(root.glob("*.gpkg")) or sorted(root.glob("*/*.gpkg"))
    return [p for p in found if p.is_file()]


def _has_manifest(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (field_survey.MANIFEST_TABLE,)).fetchone() is not None
    except sqlite3.Error:
        return False


def open_package(path: str | Path) -> Package:
    """Read a package (folder, zip, or a file inside the folder); ``PackageError`` if unfit."""
    path = Path(path)
    tmp = tempfile.TemporaryDirectory(prefix="ir_survei_")
    try:
        if path.is_file() and path.suffix.lower() == ".zip":
            root = Path(tmp.name) / "paket"
            _extract(path, root)
        elif path.is_dir():
            root = path
        elif path.is_file() and path.suffix.lower() in (".gpkg", ".qgz", ".qgs"):
            root = path.parent
        elif path.is_file() and zipfile.is_zipfile(path):
            root = Path(tmp.name) / "paket"
            _extract(path, root)
        else:
            raise PackageError(toolbelt.tr("{path} not found or not a package (a folder, a "
                                           "zip or its .gpkg). Nothing was written.").format(
                                               path=path))
        candidates = _candidates(root)
        gpkg = next((p for p in candidates if _has_manifest(p)), None)
        if gpkg is None:
            if candidates and not any(_readable(p) for p in candidates):
                raise PackageError(toolbelt.tr(
                    "{path}: the package's GeoPackage is damaged (not an SQLite database). "
                    "Nothing was written.").format(path=path))
            raise _not_a_package(path)
        return _read(gpkg, tmp, path)
    except BaseException:
        tmp.cleanup()
        raise


def _readable(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.Error:
        return False


def _read(gpkg: Path, tmp: tempfile.TemporaryDirectory, shown: Path) -> Package:
    copy = Path(tmp.name) / "baca.gpkg"
    for suffix in ("", "-wal"):
        if Path(str(gpkg) + suffix).is_file():
            shutil.copyfile(str(gpkg) + suffix, str(copy) + suffix)
    saved = dt.datetime.fromtimestamp(gpkg.stat().st_mtime).replace(microsecond=0)
    try:
        with closing(survey_gpkg.connect(str(copy))) as con:
            con.execute("PRAGMA quick_check").fetchone()
            manifest = survey_gpkg.read_key_values(con, field_survey.MANIFEST_TABLE)
            if manifest.get("format") != field_survey.PACKAGE_FORMAT:
                raise _not_a_package(shown)
            if int(manifest.get("format_version", "0")) > field_survey.PACKAGE_FORMAT_VERSION:
                raise PackageError(toolbelt.tr(
                    "{path} was made by a newer plugin; update the plugin. Nothing was "
                    "written.").format(path=shown))
            table = manifest.get("lapisan_usaha", "")
            if table not in survey_gpkg.tables(con) or survey_gpkg.enterprise_table(con) is None:
                raise PackageError(toolbelt.tr(
                    "{path}: the package has lost its enterprise layer. Nothing was "
                    "written.").format(path=shown))
            names = [n for n in manifest.get("field", "").split(",") if n]
            packaged = {str(u): str(c) for u, c in con.execute(
                f"SELECT uid, checksum FROM {survey_gpkg.quote(field_survey.RECORDS_TABLE)}")}
            records, blobs = survey_gpkg.read_records(con, table, names)
            geometry = survey_gpkg.geometry_column(con, table)
            srs = survey_gpkg.srs_identity(con, geometry[1]) if geometry else None
    except (sqlite3.Error, ValueError, KeyError) as error:
        raise PackageError(toolbelt.tr(
            "{path}: the package's GeoPackage is damaged ({error}). Nothing was "
            "written.").format(path=shown, error=error)) from error
    if "uid" not in names or not manifest.get("paket_id"):
        raise _not_a_package(shown)
    # photo paths are relative to the project, i.e. the GeoPackage's folder
    return Package(gpkg.parent, manifest, names, packaged, records, blobs, srs, saved, tmp)
