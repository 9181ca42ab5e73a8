"""Indonesian translation: every tr() string has one, the .qm serves it, the tooling is stable."""

from __future__ import annotations

import shutil
import string
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import plugin_install  # noqa: E402
import update_translations as ut  # noqa: E402

KNOWN = ("Create enterprise database…", "Buat basis data usaha…")


@pytest.fixture(scope="module")
def extraction() -> ut.Extraction:
    return ut.extract()


@pytest.fixture(scope="module")
def ts_messages() -> dict:
    assert ut.TS_FILE.is_file(), "run scripts/update_translations"
    return ut.read_ts(ut.TS_FILE)


def test_every_string_in_the_code_has_an_indonesian_translation(extraction, ts_messages):
    missing = [f"{key[1]!r} ({m.locations[0][0]}:{m.locations[0][1]})"
               for key, m in extraction.messages.items()
               if key not in ts_messages or not ts_messages[key].finished
               or not ts_messages[key].translation.strip()]
    assert not missing, (
        f"{len(missing)} strings without Indonesian translation; run scripts/update_translations "
        "and translate them (or --import-tsv a list):\n" + "\n".join(missing))


def _fields(text: str) -> list[str]:
    try:
        return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})
    except ValueError:
        return ["<unbalanced braces>"]


def test_translations_keep_the_format_placeholders(ts_messages):
    wrong = [f"{m.source!r} -> {m.translation!r}" for m in ts_messages.values()
             if m.translation and not m.vanished
             and _fields(m.source) != _fields(m.translation)]
    assert not wrong, "placeholders differ (str.format would fail):\n" + "\n".join(wrong)


def test_no_f_string_is_passed_to_tr(extraction):
    f_strings = [w for w in extraction.warnings if "f-string" in w]
    assert not f_strings, "\n".join(f_strings)


def test_qm_serves_indonesian_for_id_and_english_for_en(qgis_app, ts_messages):
    from qgis.core import QgsSettings

    from industri_rumahan_plugin import toolbelt

    plugin_install.compile_translations()  # what scripts/setup does, if the .qm is stale
    settings = QgsSettings()
    key = f"{toolbelt.SETTINGS_PREFIX}/language"
    before = settings.value(key, None)
    try:
        settings.setValue(key, "id")
        translator = toolbelt.install_translator()
        assert translator is not None and not translator.isEmpty()
        try:
            assert toolbelt.tr(KNOWN[0]) == KNOWN[1]
            # The compiled .qm is current: every finished entry comes out as in the .ts.
            stale = [m.source for m in ts_messages.values()
                     if m.finished and not m.vanished and m.context == toolbelt.TR_CONTEXT
                     and toolbelt.tr(m.source) != m.translation]
            assert not stale, stale[:10]
        finally:
            toolbelt.remove_translator(translator)
        assert toolbelt.tr(KNOWN[0]) == KNOWN[0]

        settings.setValue(key, "en")
        assert toolbelt.language() == "en"
        assert toolbelt.install_translator() is None
        assert toolbelt.tr(KNOWN[0]) == KNOWN[0]
    finally:
        if before is None:
            settings.remove(key)
        else:
            settings.setValue(key, before)


def test_update_is_idempotent_and_keeps_translations(tmp_path):
    ts = tmp_path / "i18n" / "industri_rumahan_id.ts"
    ts.parent.mkdir()
    shutil.copy(ut.TS_FILE, ts)
    before = ut.read_ts(ts)
    ut.update(ts)
    first = ts.read_bytes()
    changed, _, _ = ut.update(ts)
    assert not changed and ts.read_bytes() == first
    after = ut.read_ts(ts)
    for key, message in before.items():
        if message.translation:
            assert after[key].translation == message.translation, key


SAMPLE = {
    "toolbelt.py": """
        def tr(message, context="IndustriRumahan"):
            return message
    """,
    "base.py": """
        from pkg import toolbelt
        class Algorithm(QgsProcessingAlgorithm):
            def tr(self, message):
                return toolbelt.tr(message)
    """,
    "alg.py": """
        from pkg import toolbelt
        from pkg.base import Algorithm
        from pkg.toolbelt import tr
        class Density(Algorithm):
            TITLE = "Density title"
            def run(self, name):
                self.tr("Algorithm text")
                toolbelt.tr("Toolbelt text")
                tr("Bare " "text")
                toolbelt.tr("Other context", context="Elsewhere")
                QCoreApplication.translate("Ctx", "Translate text")
                for key, label in (("a", "Label A"), ("b", "Label B")):
                    tr(label)
                tr(f"Oops {name}")
                tr(name)
        class Dock(QDockWidget):
            def build(self):
                self.tr("Qt object text")
    """,
}


def test_extractor_knows_the_plugin_conventions(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    for name, code in SAMPLE.items():
        (package / name).write_text(textwrap.dedent(code), encoding="utf-8")
    found = ut.extract(package, relative_to=package)
    keys = set(found.messages)
    ctx = ut.TR_CONTEXT
    assert keys == {
        (ctx, "Density title"), (ctx, "Algorithm text"), (ctx, "Toolbelt text"),
        (ctx, "Bare text"), ("Elsewhere", "Other context"), ("Ctx", "Translate text"),
        (ctx, "Label A"), (ctx, "Label B"), ("Dock", "Qt object text"),
    }
    assert found.messages[(ctx, "Toolbelt text")].locations == [("alg.py", 9)]
    assert any("f-string" in w and "alg.py:15" in w for w in found.warnings)
    assert any("non-literal" in w and "alg.py:16" in w for w in found.warnings)


def test_merge_marks_vanished_strings_and_imports_tsv(tmp_path):
    found = ut.Extraction()
    found.add(ut.TR_CONTEXT, "Kept", ("a.py", 1))
    found.add(ut.TR_CONTEXT, " (new)", ("a.py", 2))
    old = {(ut.TR_CONTEXT, "Kept"): ut.Message(ut.TR_CONTEXT, "Kept", translation="Tetap",
                                                finished=True),
           (ut.TR_CONTEXT, "Gone"): ut.Message(ut.TR_CONTEXT, "Gone", translation="Hilang",
                                                finished=True)}
    merged = ut.merge(found, old)
    tsv = tmp_path / "new.tsv"
    tsv.write_text("# English\tIndonesian\n(new)\t(baru)\n", encoding="utf-8")
    assert ut.import_tsv(merged, tsv) == 1
    by_source = {m.source: m for m in merged}
    assert by_source["Kept"].translation == "Tetap" and by_source["Kept"].finished
    assert by_source[" (new)"].translation == " (baru)" and by_source[" (new)"].finished
    assert by_source["Gone"].vanished and by_source["Gone"].translation == "Hilang"
    ts = tmp_path / "x.ts"
    ts.write_text(ut.render_ts(merged), encoding="utf-8")
    assert ut.read_ts(ts)[(ut.TR_CONTEXT, "Gone")].vanished
    assert ut.read_ts(ts)[(ut.TR_CONTEXT, " (new)")].translation == " (baru)"
    assert ut.unfinished(merged) == []
