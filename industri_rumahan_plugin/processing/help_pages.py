"""The offline help pages the algorithms' help button opens (``helpUrl``), one per language.

Built from each algorithm's ``TITLE`` and ``HELP`` by ``scripts/help_pages`` and shipped in
``help/``; a test keeps them current. One section per algorithm, anchored by its id.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

INTRO = {
    "en": ("Industri Rumahan: Processing algorithms",
           "What each algorithm of the Industri Rumahan toolbox does, for the officers who "
           "run it. The same text is in the algorithm dialog's help panel."),
    "id": ("Industri Rumahan: algoritma Processing",
           "Apa yang dikerjakan setiap algoritma di kotak alat Industri Rumahan, untuk petugas "
           "yang menjalankannya. Teks yang sama ada di panel bantuan dialog algoritma."),
}


def page(lang: str, classes: list[type], title_of: Callable[[str], str] = str) -> str:
    """The HTML page in ``lang`` ("id" or "en"); ``title_of`` translates a title."""
    heading, intro = INTRO[lang]
    parts = ["<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
             f"<title>{escape(heading)}</title>",
             "<style>body{font-family:sans-serif;max-width:50em;margin:auto;padding:1em}"
             "code{background:#eee}</style></head><body>",
             f"<h1>{escape(heading)}</h1>", f"<p>{escape(intro)}</p>", "<ul>"]
    parts += [f'<li><a href="#{c.ALG_ID}">{escape(title_of(c.TITLE))}</a></li>'
              for c in classes]
    parts.append("</ul>")
    for cls in classes:
        text = cls.HELP.get(lang) or cls.HELP.get("en", "")
        parts += [f'<h2 id="{cls.ALG_ID}">{escape(title_of(cls.TITLE))}</h2>',
                  f"<p><code>industrirumahan:{cls.ALG_ID}</code></p>",
                  f"<p>{text}</p>"]  # HELP is already HTML (entities such as &lt;)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
