"""Which third-party Python libraries are present, without importing them.

QGIS installers differ: Debian's QGIS has no pandas, some macOS builds no scipy, old
OSGeo4W installs shapely 1.x. The plugin must load anyway and tell the user what to add,
so the check looks at installed distributions (``importlib.metadata``) and module specs
(``importlib.util.find_spec``) instead of importing numpy's heavy neighbours at start-up.
Pure Python: no Qt, no QGIS, no third-party import.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys
from dataclasses import dataclass
from importlib.machinery import PathFinder

#: Libraries the plugin uses: import name -> (minimum version, distribution, Debian package).
LIBRARIES: dict[str, tuple[str, str, str]] = {
    "numpy": ("1.20", "numpy", "python3-numpy"),
    "shapely": ("2.0", "shapely", "python3-shapely"),
    "pandas": ("1.3", "pandas", "python3-pandas"),
    "scipy": ("1.7", "scipy", "python3-scipy"),
}
#: Not needed any more: XLSX files are read and written through GDAL (``adapters.xlsx``).
NOT_NEEDED = ("openpyxl", "pyproj")


@dataclass(frozen=True)
class Missing:
    """A library that cannot be used: absent, or present in a version that is too old."""

    name: str
    found: str  # installed version, "" when absent
    minimum: str

    def describe(self) -> str:
        """``pandas`` or ``shapely 1.8.5 (needs ≥ 2.0)``."""
        if not self.found:
            return self.name
        return f"{self.name} {self.found} (≥ {self.minimum})"


def _version_tuple(text: str) -> tuple[int, ...]:
    """'2.0.1' -> (2, 0, 1); '1.26.4rc1' -> (1, 26, 4); unreadable parts stop the tuple."""
    parts = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
    return tuple(parts)


def installed_version(name: str) -> str | None:
    """The version of importable module ``name``, or None when it cannot be imported.

    Reads the distribution metadata; when there is none (a module copied without its
    ``.dist-info``), falls back to the module's ``__version__``, importing it only then.
    A module hidden from the import system (``find_spec`` is None) counts as absent even
    if its metadata is still on disk.
    """
    module = sys.modules.get(name)
    if module is None:
        try:
            if importlib.util.find_spec(name) is None:
                return None
        except (ImportError, ValueError):
            return None
    dist = LIBRARIES.get(name, ("", name, ""))[1]
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        module = module or importlib.import_module(name)
    except Exception:  # a broken install is a missing library
        return None
    return str(getattr(module, "__version__", "0"))


def check(name: str) -> Missing | None:
    """None when ``name`` is importable in a usable version, else what is wrong."""
    minimum = LIBRARIES[name][0]
    found = installed_version(name)
    if found is None:
        return Missing(name, "", minimum)
    if _version_tuple(found) in ((), (0,)):  # unknown, e.g. Debian sid's shapely "0+unknown"
        probe = VERSION_PROBES.get(name)
        if probe is None or _has_module(probe):
            return None
        return Missing(name, found, minimum)
    if _version_tuple(found) < _version_tuple(minimum):
        return Missing(name, found, minimum)
    return None


#: A submodule that only a usable version has, for installs whose version is unreadable.
VERSION_PROBES = {"shapely": "shapely.lib"}  # shapely 2's compiled core; 1.x has none


def _has_module(name: str) -> bool:
    """Whether dotted module ``name`` exists, without importing its package (which
    ``find_spec("a.b")`` would do)."""
    package, _, child = name.rpartition(".")
    try:
        spec = importlib.util.find_spec(package or child)
        if spec is None or not package:
            return spec is not None
        locations = list(spec.submodule_search_locations or [])
        return bool(locations) and PathFinder.find_spec(child, locations) is not None
    except (ImportError, ValueError):
        return False


_cache: dict[str, Missing | None] = {}


def missing(names: tuple[str, ...] | list[str] | None = None) -> list[Missing]:
    """The libraries of ``names`` (default: all of ``LIBRARIES``) that cannot be used.

    Cached per process: installing a library needs a QGIS restart anyway.
    """
    out = []
    for name in names if names is not None else tuple(LIBRARIES):
        if name not in _cache:
            _cache[name] = check(name)
        if _cache[name] is not None:
            out.append(_cache[name])
    return out


def clear_cache() -> None:
    _cache.clear()


def pip_command(items: list[Missing]) -> str:
    """Windows (OSGeo4W Shell) / any pip: ``python -m pip install pandas "shapely>=2.0"``."""
    specs = [f'"{m.name}>={m.minimum}"' if m.found else m.name for m in items]
    return "python -m pip install " + " ".join(specs)


def apt_command(items: list[Missing]) -> str:
    """Debian/Ubuntu: ``sudo apt install python3-pandas`` for what is absent; a version the
    distribution has too old (Debian 12's shapely 1.8) comes from pip for the user instead."""
    absent = [LIBRARIES[m.name][2] for m in items if not m.found]
    old = [f'"{m.name}>={m.minimum}"' for m in items if m.found]
    commands = ["sudo apt install " + " ".join(absent)] if absent else []
    if old:
        commands.append("python3 -m pip install --user --break-system-packages " + " ".join(old))
    return "; ".join(commands)


def names_text(items: list[Missing]) -> str:
    return ", ".join(m.describe() for m in items)
