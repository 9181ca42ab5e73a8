"""Write the offline help pages (industri_rumahan_plugin/help/algorithms_{en,id}.html).

Run after changing an algorithm's TITLE or HELP: ``.venv/bin/python scripts/help_pages.py``
(tests/test_processing_defaults.py checks the pages are current).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

HELP_DIR = REPO / "industri_rumahan_plugin" / "help"


def pages() -> dict[str, str]:
    """File name -> HTML of every help page."""
    import update_translations as ut

    from industri_rumahan_plugin.processing.help_pages import page
    from industri_rumahan_plugin.processing.provider import algorithm_classes

    classes = algorithm_classes()
    ts = ut.read_ts(ut.TS_FILE)

    def indonesian(title: str) -> str:
        message = ts.get((ut.TR_CONTEXT, title))
        return message.translation if message is not None and message.translation else title

    return {"algorithms_en.html": page("en", classes),
            "algorithms_id.html": page("id", classes, indonesian)}


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    HELP_DIR.mkdir(exist_ok=True)
    for name, text in pages().items():
        (HELP_DIR / name).write_text(text, encoding="utf-8")
        print(f"  {HELP_DIR.relative_to(REPO) / name}")


if __name__ == "__main__":
    main()
