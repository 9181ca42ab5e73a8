"""One interface language: the plugin's vocabulary in each language (from the .ts, the schema
and the catalogues), the translator compiled from the .ts, and every text a widget tree shows.

A text of the Indonesian interface that is one of the plugin's English strings (and not also
an Indonesian one) is a failure, and the other way round; proper names and field values are
in neither vocabulary, so they never fail.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from industri_rumahan_plugin.core import catalogue, schema

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "industri_rumahan_plugin" / "i18n" / "industri_rumahan_id.ts"


@lru_cache(maxsize=1)
def ts_pairs() -> tuple[tuple[str, str], ...]:
    root = ET.parse(TS).getroot()
    pairs = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if source:  # an untranslated source is English only: shown in Indonesian, it fails
            pairs.append((source, translation))
    return tuple(pairs)


def _pairs() -> list[tuple[str, str]]:
    """(English, Indonesian) of every plugin text: .ts, field labels, sections, catalogues."""
    pairs = list(ts_pairs())
    pairs += [(f.alias_en, f.alias_id) for f in schema.ENTERPRISE_FIELDS]
    pairs += [(en, id_) for id_, en in schema.SECTIONS.values()]
    for entries in catalogue.CATALOGUES.values():
        pairs += [(e.label_en, e.label_id) for e in entries]
    pairs.append((catalogue.unfilled_label("en"), catalogue.unfilled_label("id")))
    return pairs


#: Indonesian terms the English interface keeps as names (the ID card number, programmes)
PROPER_NAMES = {"NIK", "KRTP", "NIB", "PIRT", "KBLI"}


def _pattern(text: str) -> re.Pattern | None:
    """A full-line pattern for a template ("{n} rows" -> r"(.+) rows"); None if too vague."""
    literal = re.sub(r"\{[^{}]*\}", "", text)
    if len(re.sub(r"\W", "", literal)) < 3:
        return None
    parts = re.split(r"\{[^{}]*\}", normalise(text))
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$", re.DOTALL)


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, list[tuple[re.Pattern, str]]]:
    """For each language, the patterns of texts that belong ONLY to the other language."""
    pairs = [(en, id_) for en, id_ in _pairs() if normalise(en) != normalise(id_)]
    english = {normalise(en) for en, _ in pairs} - PROPER_NAMES
    indonesian = {normalise(id_) for _, id_ in pairs if id_} - PROPER_NAMES
    foreign: dict[str, list[tuple[re.Pattern, str]]] = {"id": [], "en": []}
    for text in english - indonesian:
        pattern = _pattern(text)
        if pattern is not None:
            foreign["id"].append((pattern, text))
    for text in indonesian - english:
        pattern = _pattern(text)
        if pattern is not None:
            foreign["en"].append((pattern, text))
    return foreign


def normalise(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = re.sub(r"<[^>]+>", "", text)
    return text.strip().lstrip("•").strip().rstrip(":").strip()


def foreign_texts(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str, str]]:
    """(where, text, matched plugin string) for each text of the other language."""
    found = []
    for where, text in texts:
        for line in text.splitlines():
            line = normalise(line)
            if not line:
                continue
            for pattern, source in vocabularies()[lang]:
                if pattern.match(line):
                    found.append((where, line, source))
                    break
    return found


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text the widget tree shows or offers: labels, buttons, items, tabs, titles..."""
    out: list[tuple[str, str]] = []

    def add(widget, kind: str, text) -> None:
        if text:
            chain, parent = [], widget.parentWidget()
            while parent is not None and len(chain) < 3:
                chain.append(type(parent).__name__ + ":" + parent.objectName())
                parent = parent.parentWidget()
            where = f"{type(widget).__name__}:{widget.objectName()}:{kind} in {'<'.join(chain)}"
            out.append((where, str(text)))

    for widget in [root, *root.findChildren(QWidget)]:
        if _hidden(widget, root):
            continue
        add(widget, "windowTitle", widget.windowTitle() if widget.isWindow() else "")
        add(widget, "toolTip", widget.toolTip())
        if hasattr(widget, "panelTitle"):
            add(widget, "panelTitle", widget.panelTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, f"item{i}", widget.itemText(i))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, f"tab{i}", widget.tabText(i))
        elif isinstance(widget, QLineEdit):
            add(widget, "text", widget.text())
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, "text", widget.text())
            add(widget, "special", widget.specialValueText())
        elif isinstance(widget, QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(widget, f"header{column}", model.headerData(column, 1))
        if isinstance(widget, QMessageBox):
            add(widget, "text", widget.text())
            add(widget, "informative", widget.informativeText())
    return out


#: QGIS's own widgets inside a form, with QGIS's own texts (QGIS translates them)
QGIS_OWN = ("QgsMessageBar",)


def _hidden(widget: QWidget, root: QWidget) -> bool:
    """Hidden on purpose (a hidden button box, an empty message bar), not merely a page of
    a tab or stack that is not the current one: those pages count as shown."""
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget):
            return True
        if widget.metaObject().className() in QGIS_OWN:
            return True
        widget = parent
    return False


def compiled_qm(directory: Path) -> Path:
    """The .ts compiled by lrelease (as scripts/plugin_install does for the desktop)."""
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    assert lrelease, "lrelease (qttools5-dev-tools) is needed to compile the translation"
    qm = directory / "industri_rumahan_id.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(qm)], check=True)
    return qm


@contextlib.contextmanager
def interface_language(lang: str, work: Path) -> Iterator[None]:
    """The plugin in ``lang``: its language setting and (Indonesian) its translator."""
    QgsSettings().setValue("IndustriRumahan/language", lang)
    translator = None
    if lang == "id":
        translator = QTranslator()
        assert translator.load(str(compiled_qm(work)))
        QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QgsSettings().remove("IndustriRumahan/language")
