"""Hide Python modules from a child process, as on a QGIS that lacks them (tests only).

Put this directory first on PYTHONPATH and list top-level module names, comma separated, in
``IR_HIDE_MODULES``: importing any of them (or their submodules) raises ModuleNotFoundError,
and ``importlib.util.find_spec`` fails the same way. Python imports ``sitecustomize`` once at
start-up; the first one on ``sys.path`` wins, so the system's own is run from here as well.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import os
import sys

HIDDEN = frozenset(filter(None, os.environ.get("IR_HIDE_MODULES", "").replace(" ", "").split(",")))


class _HideFinder:
    """First on ``sys.meta_path``: refuses the hidden names before any real finder looks."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r} (hidden by IR_HIDE_MODULES)",
                                      name=name)
        return None


def _run_system_sitecustomize() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        if os.path.abspath(entry or ".") == here:
            continue
        spec = importlib.machinery.PathFinder.find_spec("sitecustomize", [entry])
        if spec is not None and spec.loader is not None:
            # the system's hook is optional comfort (apport, etc.)
            with contextlib.suppress(Exception):
                spec.loader.exec_module(type(sys)("_system_sitecustomize"))
            return


if HIDDEN:
    for _name in list(sys.modules):
        if _name.partition(".")[0] in HIDDEN:
            del sys.modules[_name]
    sys.meta_path.insert(0, _HideFinder())
_run_system_sitecustomize()
