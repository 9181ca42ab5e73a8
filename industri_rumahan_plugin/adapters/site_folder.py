"""A published site replaced all at once: built beside its folder, swapped in when complete.

Re-publishing into the same folder is the normal case (the office's web host serves it), so
the folder cannot be a "new or empty" output. A failed or cancelled run must still leave the
site as it was: the new one is built in a hidden sibling folder, the office's own files (a
CNAME, notes) are carried over, and only then the two folders change places.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path


def is_ours(site: Path, generator: str) -> bool:
    """True for a missing or empty folder, or one holding a site this plugin published."""
    if not site.exists():
        return True
    if not site.is_dir():
        return False
    if not any(site.iterdir()):
        return True
    index = site / "index.html"
    return index.is_file() and generator in index.read_text(encoding="utf-8", errors="ignore")


def zip_is_ours(zip_path: Path, site: Path, generator: str) -> bool:
    """True for a zip of this site published by this plugin (any version): every member
    under the site's folder name, and its start page made by the plugin. The zip is a copy
    of the site, so a new copy may replace it (an older plugin never recorded it as its
    output)."""
    import zipfile

    try:
        with zipfile.ZipFile(zip_path) as archive:
            names = archive.namelist()
            top = site.name + "/"
            if not names or not all(name.startswith(top) for name in names):
                return False
            index = archive.read(top + "index.html").decode("utf-8", errors="ignore")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return generator in index


def replace_site(site: Path, own: Iterable[str], build: Callable[[Path], None]) -> None:
    """Run ``build`` into a new folder and put it in place of ``site`` only if it returns.

    ``own`` names what the plugin writes at the top of a site (its entries in the old site
    are dropped: a photo whose consent was withdrawn must not stay published); everything
    else of the old site is carried into the new one.
    """
    own = set(own)
    site.parent.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex[:10]
    new = site.with_name(f".{site.name}.ir-new-{token}")
    new.mkdir()
    try:
        build(new)
        if site.is_dir():
            for path in site.iterdir():
                kept = path.name not in own and path.stem != "logo"
                if kept and not (new / path.name).exists():
                    _copy(path, new / path.name)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    old = site.with_name(f".{site.name}.ir-old-{token}")
    if site.exists():
        os.replace(site, old)
    try:
        os.replace(new, site)
    except OSError:
        if old.exists():
            os.replace(old, site)  # the old site back: nothing lost
        shutil.rmtree(new, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)
