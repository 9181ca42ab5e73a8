"""Reads the plugin's metadata.txt (installed beside this package or at the repo top level)."""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    for candidate in (_HERE / "metadata.txt", _HERE.parent / "metadata.txt"):
        if candidate.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(candidate, encoding="utf-8")
            return dict(parser["general"])
    return {}


def plugin_version() -> str:
    return metadata().get("version", "0")
