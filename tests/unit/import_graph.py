"""Which third-party libraries a plugin module can reach through its imports (static, by ast).

Follows every import of the plugin's own modules, at module level and inside functions, so the
answer over-approximates what a run may import: an algorithm's ``REQUIRES`` must cover it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "industri_rumahan_plugin"
#: Their function-level imports load the whole plugin (classFactory, the provider's list).
ENTRY_POINTS = {PACKAGE, f"{PACKAGE}.plugin", f"{PACKAGE}.processing.provider"}


def module_file(name: str) -> Path | None:
    base = REPO.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


@cache
def direct_imports(name: str) -> frozenset[tuple[str, bool]]:
    """(imported module, at module level?) of plugin module ``name``."""
    path = module_file(name)
    if path is None:
        return frozenset()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    for node in tree.body:  # imports under `if TYPE_CHECKING:` never run
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in ast.walk(node):
                top.add(-id(sub))
    found = set()
    for node in ast.walk(tree):
        if -id(node) in top:
            continue
        if isinstance(node, ast.Import):
            found |= {(alias.name, id(node) in top) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add((node.module, id(node) in top))
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if module_file(sub) is not None:
                    found.add((sub, id(node) in top))
    return frozenset(found)


def reachable(name: str, module_level_only: bool = False) -> set[str]:
    """Top-level third-party names reachable from ``name`` (plugin modules followed)."""
    seen: set[str] = set()
    libs: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        parts = current.split(".")
        for i in range(2, len(parts)):  # importing a.b.c runs a.b's __init__ too
            todo.append(".".join(parts[:i]))
        for imported, at_top in direct_imports(current):
            if not at_top and (module_level_only or (current in ENTRY_POINTS and current != name)):
                continue
            if imported.split(".")[0] == PACKAGE:
                todo.append(imported)
            else:
                libs.add(imported.split(".")[0])
    return libs
