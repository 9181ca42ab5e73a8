"""QGIS 4 (Qt6) readiness, checked without QGIS 4: every Qt name we use exists in PyQt6.

PyQt6 has no unscoped enums (``Qt.AlignLeft``), no ``exec_()`` and no ``QVariant.Int``. The
code's Qt uses are found with ``ast`` (tests/qt6_names.py) and looked up on the real PyQt6
classes in a separate venv (``.venv-qt6``, made by scripts/setup_qt6_check: PyQt6 must not be
in the test venv, where pytest-qt would pick it). The same uses must also resolve on the host's
PyQt5, since QGIS 3.22 runs the same code.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import qt6_names  # noqa: E402

PACKAGE = REPO / "industri_rumahan_plugin"
QT6_PYTHON = REPO / ".venv-qt6" / "bin" / "python"
COMPAT = PACKAGE / "compat.py"


def _sources() -> list[Path]:
    return sorted([*PACKAGE.rglob("*.py"), *(REPO / "scripts").glob("*.py"),
                   *(REPO / "tests").rglob("*.py")])


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.fixture(scope="module")
def uses() -> list[qt6_names.Use]:
    found = qt6_names.uses_in_tree(_sources(), REPO)
    assert len(found) > 150  # the collector sees the code (imports and chains)
    return found


def _qt_base_uses() -> list[qt6_names.Use]:
    """``QgsDockWidget.SomeQtEnum``: chains on QGIS classes that reach a Qt base class."""
    import importlib

    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("qgis.core", "qgis.gui"):
                for alias in node.names:
                    names[alias.asname or alias.name] = (node.module, alias.name)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in names):
                continue
            module, name = names[node.value.id]
            cls = getattr(importlib.import_module(module), name, None)
            owner = next((c for c in getattr(cls, "__mro__", ())
                          if node.attr in vars(c)), None)
            if owner is not None and owner.__module__.startswith("PyQt5."):
                qt_module = owner.__module__.split(".")[1]
                found.append(qt6_names.Use(_rel(path), node.lineno, qt_module,
                                           f"{owner.__name__}.{node.attr}"))
    return found


def test_every_qt_name_exists_in_pyqt5_of_the_host(uses, qgis_app):
    """The scoped spellings work on QGIS 3.22's PyQt5 5.15 too."""
    missing = qt6_names.missing(uses, "PyQt5")
    assert not missing, "not in the host's PyQt5:\n" + "\n".join(missing)


def test_every_qt_name_exists_in_pyqt6(uses, qgis_app):
    if not QT6_PYTHON.is_file():
        pytest.skip(f"{QT6_PYTHON.relative_to(REPO)} is missing: run scripts/setup_qt6_check")
    checked = [*uses, *_qt_base_uses()]
    result = subprocess.run(
        [str(QT6_PYTHON), str(REPO / "tests" / "qt6_names.py"), "--check"],
        input=json.dumps(checked), capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""})
    assert result.returncode == 0, result.stderr[-3000:]
    missing = json.loads(result.stdout)
    assert not missing, "not in PyQt6 (use the scoped enum, exec()):\n" + "\n".join(missing)


def test_the_pyqt6_check_finds_pyqt5_only_names(tmp_path):
    """The lookup can fail: the names issue 11 found would be reported (and QAction maps)."""
    if not QT6_PYTHON.is_file():
        pytest.skip(f"{QT6_PYTHON.relative_to(REPO)} is missing: run scripts/setup_qt6_check")
    sample = tmp_path / "old.py"
    sample.write_text(
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from qgis.PyQt.QtWidgets import QAction, QDialog, QMessageBox\n"
        "area = Qt.RightDockWidgetArea\n"
        "kind = QVariant.Int\n"
        "answer = QMessageBox.StandardButton.Yes | QMessageBox.No\n"
        "run = QDialog.exec_\n"
        "ok = (Qt.AlignmentFlag.AlignLeft, QDialog.exec, QAction.triggered)\n",
        encoding="utf-8")
    uses = qt6_names.uses_in(sample, tmp_path)
    result = subprocess.run(
        [str(QT6_PYTHON), str(REPO / "tests" / "qt6_names.py"), "--check"],
        input=json.dumps(uses), capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""})
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(json.loads(result.stdout)) == [
        "old.py:3 PyQt6.QtCore.Qt.RightDockWidgetArea",
        "old.py:4 PyQt6.QtCore.QVariant.Int",
        "old.py:5 PyQt6.QtWidgets.QMessageBox.No",
        "old.py:6 PyQt6.QtWidgets.QDialog.exec_",
    ]


def test_no_exec_underscore_resources_rc_or_qtwebkit():
    """PyQt6 has no ``exec_``, no pyrcc (compiled ``resources_rc``) and no QtWebKit."""
    offenders = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                       [node.module or "", *(a.name for a in node.names)]
                       if isinstance(node, ast.ImportFrom) else [])
            if any("resources_rc" in m or "QtWebKit" in m for m in modules):
                offenders.append(f"{_rel(path)}:{node.lineno} imports {modules}")
            if isinstance(node, ast.Attribute) and node.attr == "exec_":
                offenders.append(f"{_rel(path)}:{node.lineno} exec_")
    assert not offenders, "\n".join(offenders)


def test_field_types_only_through_compat(uses):
    """``QVariant.Int`` and friends: QGIS 3.38 wants QMetaType, PyQt6 has no QVariant.Int."""
    offenders = [f"{use.file}:{use.line} {use.chain}" for use in uses
                 if use.chain.split(".")[0] in ("QVariant", "QMetaType")
                 and len(use.chain.split(".")) > 1 and use.chain.split(".")[1][:1].isupper()
                 and use.file != _rel(COMPAT)]
    assert not offenders, "use industri_rumahan_plugin.compat:\n" + "\n".join(offenders)
