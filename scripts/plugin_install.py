"""Install the plugin into a QGIS profile, and run QGIS / qgis_process against that profile.

Used by ``scripts/install_plugin``, ``scripts/package``, ``scripts/demo`` and the tests, so that
all of them install the plugin the same way QGIS users get it: a folder
``<profiles root>/profiles/<profile>/python/plugins/industri_rumahan_plugin`` holding
``metadata.txt`` and compiled ``.qm`` translations, enabled in ``QGIS/QGIS3.ini``.
Runs with any Python 3.9+; only ``enable_plugin`` needs Qt (``qgis.PyQt``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "industri_rumahan_plugin"
PLUGIN_SRC = REPO / PLUGIN_NAME
METADATA = REPO / "metadata.txt"
DEFAULT_PROFILES_ROOT = Path.home() / ".local" / "share" / "QGIS" / "QGIS3"
QGIS_BIN = "/usr/bin/qgis.bin"
# The Debian ``qgis_process`` wrapper passes a flag QGIS 3.22 rejects: call the binary.
QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"

# Never shipped: byte code, editor/test leftovers and translation sources (the .qm are shipped).
EXCLUDED = ("__pycache__", "*.pyc", "*.pyo", "*.ts", "tests", ".pytest_cache", "*~", ".*")


def plugins_dir(profiles_root: Path, profile: str = "default") -> Path:
    return Path(profiles_root) / "profiles" / profile / "python" / "plugins"


def settings_file(profiles_root: Path, profile: str = "default") -> Path:
    return Path(profiles_root) / "profiles" / profile / "QGIS" / "QGIS3.ini"


def compile_translations(
    i18n_dir: Path = PLUGIN_SRC / "i18n", out_dir: Path | None = None
) -> list[Path]:
    """Compile every ``*.ts`` of ``i18n_dir`` to ``.qm`` (in ``out_dir``, default beside it).

    Skips up-to-date files so it can run on every install; without ``lrelease`` an existing
    ``.qm`` is kept and a missing one is reported, because the plugin still works in English.
    """
    out_dir = Path(out_dir or i18n_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    compiled = []
    for ts in sorted(Path(i18n_dir).glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        stale = not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime
        if stale and lrelease:
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        elif stale:
            print(f"install: lrelease not found, {qm.name} not (re)compiled", file=sys.stderr)
        if qm.is_file():
            compiled.append(qm)
    return compiled


def copy_plugin(target_parent: Path) -> Path:
    """Copy the package with ``metadata.txt`` and compiled translations into ``target_parent``."""
    compile_translations()
    target = Path(target_parent) / PLUGIN_NAME
    _remove(target)
    shutil.copytree(PLUGIN_SRC, target, ignore=shutil.ignore_patterns(*EXCLUDED))
    shutil.copy2(METADATA, target / "metadata.txt")
    compile_translations(PLUGIN_SRC / "i18n", target / "i18n")
    return target


def link_plugin(target_parent: Path) -> Path:
    """Link the sources into a real plugin folder (developers: edits show after a reload).

    QGIS only lists a plugin folder holding ``metadata.txt``, so the folder is real and holds
    symlinks to each top-level entry of the package plus one to the top-level ``metadata.txt``:
    nothing is written into the source tree. Re-run after adding a top-level module.
    """
    compile_translations()
    target = Path(target_parent) / PLUGIN_NAME
    _remove(target)
    target.mkdir(parents=True)
    for entry in sorted(PLUGIN_SRC.iterdir()):
        if entry.name != "__pycache__" and not entry.name.startswith("."):
            (target / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    (target / "metadata.txt").symlink_to(METADATA)
    return target


def enable_plugin(profiles_root: Path, profile: str = "default") -> Path:
    """Set ``[PythonPlugins] industri_rumahan_plugin=true`` with QSettings (keeps other keys)."""
    from qgis.PyQt.QtCore import QSettings

    path = settings_file(profiles_root, profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(f"PythonPlugins/{PLUGIN_NAME}", True)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise OSError(f"could not write {path}")
    return path


def install_plugin(
    profiles_root: Path | str | None = None, profile: str = "default", link: bool = False
) -> Path:
    """Install (copy, or symlink with ``link``) and enable the plugin; returns its folder."""
    root = Path(profiles_root).expanduser().resolve() if profiles_root else DEFAULT_PROFILES_ROOT
    parent = plugins_dir(root, profile)
    parent.mkdir(parents=True, exist_ok=True)
    target = link_plugin(parent) if link else copy_plugin(parent)
    enable_plugin(root, profile)
    return target


def dependency_path() -> str:
    """Where the Python packages QGIS's own Python lacks (shapely 2, pandas…) are installed.

    QGIS runs ``/usr/bin/python3``; the project's ``.venv`` (system site packages) adds them.
    """
    if sys.prefix != sys.base_prefix:
        return sysconfig.get_paths()["purelib"]
    venv = REPO / ".venv" / "lib"
    found = sorted(venv.glob("python3*/site-packages"))
    return str(found[-1]) if found else ""


def qgis_env(profiles_root: Path, *, offscreen: bool = True, base: dict | None = None) -> dict:
    """Environment for QGIS processes using ``profiles_root`` and the project's dependencies.

    The repository itself is removed from PYTHONPATH so that QGIS imports the installed copy.
    """
    env = dict(os.environ if base is None else base)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(profiles_root)
    keep = [p for p in env.get("PYTHONPATH", "").split(os.pathsep)
            if p and p != "." and Path(p).resolve() != REPO]
    deps = dependency_path()
    env["PYTHONPATH"] = os.pathsep.join([deps, *keep] if deps else keep)
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
    env.setdefault("QGIS_DISABLE_MESSAGE_HOOKS", "1")
    return env


def run_qgis_process(
    profiles_root: Path, *args: str, timeout: float = 300, check: bool = False
) -> subprocess.CompletedProcess:
    """Run ``qgis_process.bin ARGS`` with the plugin of ``profiles_root`` (text output)."""
    return subprocess.run(
        [QGIS_PROCESS_BIN, *args], env=qgis_env(profiles_root), capture_output=True,
        text=True, timeout=timeout, check=check,
    )


def desktop_command(
    profiles_root: Path,
    project_path: Path | str | None = None,
    *,
    code: Path | str | None = None,
    profile: str = "default",
    extra_args: Sequence[str] = (),
    xvfb: bool | None = None,
) -> list[str]:
    """The QGIS desktop command line, in ``xvfb-run -a`` if ``xvfb`` (default: no display)."""
    cmd = [QGIS_BIN, "--profiles-path", str(profiles_root), "--profile", profile,
           "--nologo", "--noversioncheck"]
    if code is not None:
        cmd += ["--code", str(code)]
    cmd += list(extra_args)
    if project_path is not None:
        cmd += ["--project", str(project_path)]
    if xvfb is None:
        xvfb = not os.environ.get("DISPLAY") and shutil.which("xvfb-run") is not None
    if xvfb:
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *cmd]
    return cmd


def launch_desktop(
    profile_root: Path | str,
    project_path: Path | str | None = None,
    *,
    code: Path | str | None = None,
    profile: str = "default",
    extra_args: Sequence[str] = (),
    xvfb: bool | None = None,
    **popen_kwargs,
) -> subprocess.Popen:
    """Start QGIS desktop on ``profile_root`` (plugin installed there) opening ``project_path``.

    ``code`` is a Python file QGIS runs once started; ``xvfb`` runs QGIS in a virtual X
    server (default: only when there is no display). Returns the running process; the caller
    waits for it or terminates it (``start_new_session=True`` lets it kill Xvfb too).
    """
    env = qgis_env(Path(profile_root), offscreen=False, base=popen_kwargs.pop("env", None))
    cmd = desktop_command(Path(profile_root), project_path, code=code, profile=profile,
                          extra_args=extra_args, xvfb=xvfb)
    return subprocess.Popen(cmd, env=env, **popen_kwargs)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles_root", nargs="?", type=Path, default=None,
                        help=f"QGIS profiles root (default {DEFAULT_PROFILES_ROOT})")
    parser.add_argument("--profile", default="default", help="profile name (default: default)")
    parser.add_argument("--link", action="store_true",
                        help="symlink the source package instead of copying (developers)")
    args = parser.parse_args(argv)
    target = install_plugin(args.profiles_root, args.profile, link=args.link)
    how = "linked" if args.link else "installed"
    print(f"{PLUGIN_NAME} {how} in {target} and enabled; restart QGIS to load it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
