"""Small JSON records in the QGIS profile, written whole or not at all.

The output register, the database tables the plugin wrote and the GeoPackages found intact
live here: several processes (the desktop, ``qgis_process`` runs) read and write them, so a
write goes to a private temporary file first and replaces the record in one step.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from qgis.core import QgsApplication

LOCK = threading.Lock()


def path(name: str) -> Path:
    return Path(QgsApplication.qgisSettingsDirPath()) / "industri_rumahan" / name


def load(name: str) -> dict:
    """The record, or {} when it is missing or unreadable."""
    try:
        data = json.loads(path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(name: str, data: dict) -> bool:
    """Replace the record atomically; False (nothing lost, only not recorded) on error."""
    target = path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        return False
    return True
