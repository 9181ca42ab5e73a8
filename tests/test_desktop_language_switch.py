"""The interface language changed while the real QGIS desktop runs (Xvfb, 1366 x 768): started
in Indonesian with the panel and an edit form open and a value typed, QGIS's options switch to
English (optionsChanged, as the Options dialog emits), then the plugin's own switch back to
Indonesian. Every text of the panel and form, and the plugin's menu and toolbar entries, is in
the new language each time, and the typed value stays; screenshots go to docs/ (issue 13)."""

from __future__ import annotations

import pytest

from tests.desktop_support import DESKTOP_MARKS, REPO, desktop_session
from tests.language_support import foreign_texts

pytestmark = DESKTOP_MARKS
TYPED = "Kain tenun uji"
SHOTS = ("desktop_language_id.png", "desktop_language_en.png")

# Run inside QGIS (tests/desktop_support.py's probe frame); @GPKG@, @REPO@, @EN_SHOT@ filled in.
COLLECT = r'''
sys.path.insert(0, @REPO@)
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsSettings, QgsVectorLayer
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QEventLoop, QRect, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLineEdit, QTabWidget
from tests.language_support import widget_texts

GPKG, EN_SHOT, TYPED = @GPKG@, @EN_SHOT@, @TYPED@


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def state(dock, panel):
    editor = [w for w in panel.form.findChildren(QLineEdit, "produk_utama")][0]
    tabs = panel.form.findChildren(QTabWidget)[0]
    return {"texts": [list(t) for t in widget_texts(dock)],
            "open": dock.stack.currentPanel() is panel,
            "typed": [editor.text(), panel.record().get("produk_utama")],
            "tabs": [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())],
            "add": dock.browse.add_button.text(),
            "actions": [a.text() for a in qgis.utils.plugins["industri_rumahan_plugin"].actions]}


def collect(window, result):
    window.setGeometry(QRect(0, 0, 1366, 768))
    project = QgsProject.instance()
    for name in ("usaha", "kabupaten", "kecamatan", "desa"):
        project.addMapLayer(QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr"))
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32748"))
    qgis.utils.iface.mapCanvas().zoomToFullExtent()
    plugin = qgis.utils.plugins["industri_rumahan_plugin"]
    plugin.toggle_dock(True)
    wait(2500)
    dock = plugin.dock
    dock.browse.table.setFocus()
    dock.browse.table.selectRow(3)
    wait(500)
    QTest.keyClick(dock.browse.table, Qt.Key.Key_Return)
    wait(1000)
    panel = dock.stack.currentPanel()
    editor = [w for w in panel.form.findChildren(QLineEdit, "produk_utama")][0]
    editor.clear()
    QTest.keyClicks(editor, TYPED)
    wait(300)
    result["id"] = state(dock, panel)

    # QGIS's Options dialog: interface language English, then optionsChanged
    settings = QgsSettings()
    settings.setValue("locale/userLocale", "en_US")
    settings.setValue("locale/overrideFlag", True)
    QgsGui.instance().optionsChanged.emit()
    wait(2000)
    result["en"] = state(dock, panel)
    window.grab().save(EN_SHOT, "PNG")

    # the plugin's own switch, back to Indonesian
    from industri_rumahan_plugin import toolbelt
    result["switched"] = toolbelt.set_language("id", plugin)
    wait(2000)
    result["id_again"] = state(dock, panel)
'''


@pytest.fixture(scope="module")
def switched(tmp_path_factory, demo_gpkg) -> dict:
    work = tmp_path_factory.mktemp("desktop_language")
    return desktop_session(work, COLLECT, lang="id", gpkg=demo_gpkg,
                           values={"EN_SHOT": str(work / "en.png"), "TYPED": TYPED},
                           shots=dict(zip(("id.png", "en.png"), SHOTS)),
                           window_shot=work / "id.png")


def test_no_error(switched):
    assert "probe_error" not in switched, switched["probe_error"]
    assert switched["python_errors"] == [], "\n".join(switched["python_errors"])


@pytest.mark.parametrize("step, lang", [("id", "id"), ("en", "en"), ("id_again", "id")])
def test_every_text_in_the_language_of_the_moment(switched, step, lang):
    seen = switched[step]
    texts = [tuple(t) for t in seen["texts"]]
    assert len(texts) > 100
    found = foreign_texts(texts, lang)
    assert found == [], "\n".join(map(str, found))
    from industri_rumahan_plugin.core import schema

    assert seen["tabs"][0] == schema.SECTIONS["usaha"][0 if lang == "id" else 1]


@pytest.mark.parametrize("step, lang", [("id", "id"), ("en", "en"), ("id_again", "id")])
def test_the_menu_and_toolbar_follow_at_once(switched, step, lang):
    """The plugin's menu and toolbar entries, not only the panel, change language at once."""
    actions = switched[step]["actions"]
    assert len(actions) >= 12
    assert foreign_texts([("action", text) for text in actions], lang) == []
    assert ("Panel industri rumahan" if lang == "id" else "Home industries panel") in actions
    assert switched[step]["add"] == ("Tambah" if lang == "id" else "Add")


def test_the_form_stays_open_with_the_typed_value(switched):
    assert switched["switched"] is True
    for step in ("id", "en", "id_again"):
        assert switched[step]["open"], step
        assert switched[step]["typed"] == [TYPED, TYPED], step


def test_screenshots_saved(switched, qgis_app):
    from qgis.PyQt.QtGui import QImage

    for name in SHOTS:
        image = QImage(str(REPO / "docs" / name))
        assert not image.isNull() and (image.width(), image.height()) == (1366, 768)
