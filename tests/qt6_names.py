"""Which Qt names the code uses, found with ``ast`` (no import of the code needed).

Used by tests/test_qt6_ready.py. Every ``from qgis.PyQt.<module> import Name`` of a file gives a
local name; every attribute chain on that name (``Qt.AlignmentFlag.AlignLeft``,
``QDialog.exec``) is a *use*. A chain stops at a call or a subscript. Run as a script with
``--check`` in the PyQt6 venv (.venv-qt6), it reads uses as JSON on stdin and prints those that
the PyQt6 class of the same name lacks.
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

# PyQt6 moved these from QtWidgets to QtGui; QGIS 4's qgis.PyQt.QtWidgets re-exports them.
MOVED_TO_QTGUI = frozenset({"QAction", "QActionGroup", "QShortcut", "QUndoCommand",
                            "QUndoGroup", "QUndoStack", "QFileSystemModel"})
# qgis.PyQt modules without a PyQt6 module of the same name, and where QGIS 4 takes them from.
MODULE_ALIASES = {"Qt": "QtCore"}


class Use(NamedTuple):
    """One use, e.g. ("industri_rumahan_plugin/gui/dock.py", 12, "QtCore", "Qt.Key.Key_A")."""

    file: str
    line: int  # 0: the import itself
    module: str  # of qgis.PyQt
    chain: str


def _qt_imports(tree: ast.AST) -> dict[str, tuple[str, str]]:
    """Local name -> (qgis.PyQt module, imported name), from every import in the file."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt."):
            module = node.module.split(".", 2)[2]
            for alias in node.names:
                names[alias.asname or alias.name] = (module, alias.name)
    return names


def _chain(node: ast.Attribute) -> list[str] | None:
    parts = []
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        parts.append(current.attr)
        current = current.value
    if not isinstance(current, ast.Name):
        return None
    parts.append(current.id)
    return parts[::-1]


def uses_in(path: Path, root: Path) -> list[Use]:
    """Every imported Qt name and every attribute chain on one, in one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported = _qt_imports(tree)
    rel = path.relative_to(root).as_posix()
    found = [Use(rel, 0, module, name) for module, name in imported.values()]
    inner: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            if isinstance(node.value, ast.Attribute):
                sub: ast.AST = node.value
                while isinstance(sub, ast.Attribute):
                    inner.add(id(sub))
                    sub = sub.value
            parts = _chain(node)
            if parts and parts[0] in imported:
                module, name = imported[parts[0]]
                found.append(Use(rel, node.lineno, module, ".".join([name, *parts[1:]])))
    return found


def uses_in_tree(paths: Iterable[Path], root: Path) -> list[Use]:
    return [use for path in sorted(paths) for use in uses_in(path, root)]


def qt6_home(module: str, name: str) -> str:
    """The PyQt6 module that holds ``name`` imported from ``qgis.PyQt.<module>``."""
    module = MODULE_ALIASES.get(module, module)
    if module == "QtWidgets" and name in MOVED_TO_QTGUI:
        return "QtGui"
    return module


def missing(uses: Iterable[tuple[str, int, str, str]], package: str) -> list[str]:
    """Uses whose chain does not resolve on ``package`` (PyQt5 or PyQt6) -> "file:line chain"."""
    import importlib

    bad = []
    for file, line, module, chain in uses:
        head, *rest = chain.split(".")
        home = qt6_home(module, head) if package == "PyQt6" else module
        try:
            obj = getattr(importlib.import_module(f"{package}.{home}"), head)
            for part in rest:
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            bad.append(f"{file}:{line} {package}.{home}.{chain}")
    return bad


if __name__ == "__main__" and sys.argv[1:] == ["--check"]:
    print(json.dumps(missing(json.load(sys.stdin), "PyQt6")))
