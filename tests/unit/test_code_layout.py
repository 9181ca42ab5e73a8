"""Keep the shape of the code: a pure core, absolute imports, small files, tr() for messages."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "industri_rumahan_plugin"
FORBIDDEN_IN_CORE = ("qgis", "PyQt5", "PyQt6", "osgeo", "sip")


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.level if hasattr(node, "level") else 0)
                      for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def test_core_imports_neither_qt_nor_qgis():
    offenders = []
    for path in (PACKAGE / "core").rglob("*.py"):
        for module, _level in _imports(path):
            if module.split(".")[0] in FORBIDDEN_IN_CORE:
                offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert offenders == []


def test_no_relative_imports_in_the_plugin():
    offenders = [
        str(path.relative_to(REPO))
        for path in PACKAGE.rglob("*.py")
        if any(level > 0 for _module, level in _imports(path))
    ]
    assert offenders == []


def test_qt_comes_through_qgis_pyqt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for module, _level in _imports(path):
            if module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert offenders == []


def test_python_files_stay_small():
    limit = 450  # the guide's ~400 lines, with a little slack for docstrings
    big = {
        str(p.relative_to(REPO)): n
        for p in [*PACKAGE.rglob("*.py"), *(REPO / "scripts").glob("*.py")]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit
    }
    assert big == {}


def test_metadata_declares_the_supported_qgis_and_provider():
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    assert "qgisMinimumVersion=3.22" in text
    # QGIS caps a plugin without a maximum at 3.99: QGIS 4 (Qt6) would refuse it.
    assert "\nqgisMaximumVersion=4.99\n" in text
    assert "hasProcessingProvider=yes" in text
    assert "\nversion=" in text


def test_lower_layers_never_import_higher_ones():
    """adapters/ serves everything above it; report/ and styles/ serve processing/ and gui/."""
    higher = {"adapters": ("processing", "gui", "report", "styles"),
              "report": ("processing", "gui"), "styles": ("processing", "gui")}
    offenders = []
    for layer, above in higher.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for module, _level in _imports(path):
                parts = module.split(".")
                if parts[0] == PACKAGE.name and len(parts) > 1 and parts[1] in above:
                    offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert offenders == []
