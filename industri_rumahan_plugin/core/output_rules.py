"""Whether an output path may be written: the rule, without files or QGIS.

Why one rule: the plugin once emptied an office's GeoPackage (``createdatabase`` pointed at
it), replaced an input's file with one output layer and overwrote the spreadsheet being
imported with its own report, each time with a success message. Every algorithm's file
outputs are decided here (through ``adapters.output_guard``), so no algorithm can forget.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What ``verdict`` may answer.
OK = "ok"
INPUT = "input"  # the file of an input layer of the same run
DATABASE = "database"  # an existing GeoPackage/SQLite file the plugin did not write
EXISTING = "existing"  # any other existing file the plugin did not write

#: Formats whose field names are cut to 10 characters (dBase).
SHORT_NAME_SUFFIXES = (".shp", ".dbf")
SHORT_NAME_LENGTH = 10


@dataclass(frozen=True)
class PathFacts:
    """What is known about one output path (gathered by the adapter)."""

    exists: bool
    is_input: bool
    temporary: bool  # inside QGIS's Processing temporary folder
    database: bool  # an SQLite file (GeoPackage, SpatiaLite) with tables
    plugin_output: bool  # written by the plugin and unchanged since (same size and time)


def verdict(facts: PathFacts) -> str:
    """``OK`` or why not: an input is never written; an existing file only when it is an
    unchanged earlier output of the plugin (or in QGIS's temporary folder)."""
    if facts.is_input:
        return INPUT
    if not facts.exists or facts.temporary or facts.plugin_output:
        return OK
    return DATABASE if facts.database else EXISTING


def short_field_names(names: list[str], limit: int = SHORT_NAME_LENGTH) -> list[str]:
    """Unique names of at most ``limit`` characters, case-insensitively (dBase compares
    names so): ``pct_perempuan`` and ``pct_perempuan_krtp`` become ``pct_peremp`` and
    ``pct_pere_1`` instead of two columns of one name."""
    out: list[str] = []
    taken: set[str] = set()
    for name in names:
        candidate = name[:limit]
        n = 0
        while candidate.lower() in taken:
            n += 1
            tail = f"_{n}"
            candidate = name[:limit - len(tail)] + tail
        taken.add(candidate.lower())
        out.append(candidate)
    return out
