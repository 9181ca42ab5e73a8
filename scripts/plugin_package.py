"""Build ``industri_rumahan_plugin.zip`` for QGIS's *Plugins > Install from ZIP*.

The zip has one top folder ``industri_rumahan_plugin/`` with ``metadata.txt`` (copied from the
top level), compiled ``.qm`` translations and the icons. The plugin loads icons by file path:
no compiled ``resources_rc.py`` (pyrcc5 writes PyQt5 code that QGIS 4's PyQt6 cannot import;
``resources.qrc`` stays at the top level for Qt Designer users). No tests, byte code or
translation sources. Entries are sorted with fixed timestamps, so the same sources
give the same zip.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plugin_install import METADATA, PLUGIN_NAME, REPO, copy_plugin

QRC = REPO / "resources.qrc"
DEFAULT_ZIP = REPO / "out" / f"{PLUGIN_NAME}.zip"
FORBIDDEN_PARTS = {"__pycache__", "tests", ".pytest_cache", "resources_rc.py"}
FORBIDDEN_SUFFIXES = {".pyc", ".pyo", ".ts"}


def write_qrc(qrc: Path = QRC) -> Path:
    """(Re)write ``resources.qrc`` listing every file of ``resources/icons`` (sorted)."""
    icons = sorted((REPO / PLUGIN_NAME / "resources" / "icons").iterdir())
    lines = ["<!DOCTYPE RCC>", '<RCC version="1.0">',
             f'  <qresource prefix="/plugins/{PLUGIN_NAME}">']
    lines += [f'    <file alias="{icon.name}">{icon.relative_to(qrc.parent).as_posix()}</file>'
              for icon in icons if icon.is_file()]
    lines += ["  </qresource>", "</RCC>"]
    qrc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return qrc


def _timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01: zip's minimum
    return time.gmtime(max(epoch, 315532800))[:6]


def zip_folder(folder: Path, zip_path: Path) -> list[str]:
    """Zip ``folder`` (its name as the top folder) with sorted, reproducible entries."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = _timestamp()
    names = []
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder.parent).as_posix()
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
            names.append(name)
    return names


def problems(zip_path: Path) -> list[str]:
    """What would make QGIS refuse or mis-install the zip (empty list: fine)."""
    found = []
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        meta = archive.read(f"{PLUGIN_NAME}/metadata.txt") if (
            f"{PLUGIN_NAME}/metadata.txt" in names) else b""
    if any(not n.startswith(f"{PLUGIN_NAME}/") for n in names):
        found.append(f"entries outside {PLUGIN_NAME}/")
    # QGIS's installer takes the folder of the first metadata.txt in sorted order.
    metadata_files = sorted(n for n in names if n.endswith("metadata.txt"))
    if not metadata_files or os.path.split(metadata_files[0])[0] != PLUGIN_NAME:
        found.append(f"{PLUGIN_NAME}/metadata.txt is not the first metadata.txt")
    if meta != METADATA.read_bytes():
        found.append("metadata.txt differs from the top-level one")
    for name in names:
        parts = set(name.split("/"))
        if parts & FORBIDDEN_PARTS or Path(name).suffix in FORBIDDEN_SUFFIXES:
            found.append(f"must not ship {name}")
    return found


def build_package(zip_path: Path = DEFAULT_ZIP) -> Path:
    """Stage a clean copy of the plugin, zip it and check the zip."""
    zip_path = Path(zip_path).resolve()
    with tempfile.TemporaryDirectory(prefix="ir_package_") as staging:
        folder = copy_plugin(Path(staging))
        if zip_path.exists():
            zip_path.unlink()
        zip_folder(folder, zip_path)
    bad = problems(zip_path)
    if bad:
        raise RuntimeError("; ".join(bad))
    return zip_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_ZIP,
                        help=f"zip to write (default {DEFAULT_ZIP.relative_to(REPO)})")
    parser.add_argument("--write-qrc", action="store_true",
                        help="first rewrite resources.qrc from resources/icons")
    args = parser.parse_args(argv)
    if args.write_qrc:
        print(f"{write_qrc()} lists every icon")
    path = build_package(args.output)
    with zipfile.ZipFile(path) as archive:
        count = len(archive.namelist())
    print(f"{path} ({count} files, {path.stat().st_size // 1024} KiB): "
          "QGIS > Plugins > Manage and Install Plugins > Install from ZIP")
    return 0


if __name__ == "__main__":
    sys.exit(main())
