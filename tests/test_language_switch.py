"""The interface language changes while QGIS runs (issue 13): the open panel, its list and an
open form say everything again in the new language, keep what was typed, the choices made and
the selection, and write nothing. A translator installed or removed (as QGIS's options or the
plugin's own switch do) is what Qt announces with LanguageChange."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QTabWidget

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.core import catalogue, schema
from tests.language_support import compiled_qm, foreign_texts, widget_texts
from tests.test_dock import editor, fill, open_dock

KEY = f"{toolbelt.SETTINGS_PREFIX}/language"


@pytest.fixture
def english_dock(demo_copy, qgis_iface, qgis_new_project, qtbot):
    QgsSettings().setValue(KEY, "en")
    project = QgsProject.instance()
    for name in ("usaha", "kabupaten", "kecamatan", "desa"):
        project.addMapLayer(QgsVectorLayer(f"{demo_copy}|layername={name}", name, "ogr"))
    try:
        yield from open_dock(qgis_iface, qtbot)
    finally:
        QgsSettings().remove(KEY)


def _texts(dock) -> list[tuple[str, str]]:
    return widget_texts(dock)  # the form panel sits in the dock's panel stack


def _tabs(panel) -> list[str]:
    tabs = panel.form.findChildren(QTabWidget)[0]
    return [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())]


def _sections(layer, lang: str) -> list[str]:
    fields = layer.fields().names()
    return [(en if lang == "en" else id_) for section, (id_, en) in schema.SECTIONS.items()
            if any(f.section == section and f.name in fields for f in schema.ENTERPRISE_FIELDS)]


def test_switching_language_retranslates_the_open_panel_and_form(english_dock, qtbot,
                                                                 tmp_path):
    dock = english_dock
    sector = dock.browse.filters["sektor"]
    sector.setCurrentIndex(sector.findData("batik"))
    qtbot.wait(300)
    dock.browse.table.selectRow(2)
    fid = dock.selected_fids()[0]
    panel = dock.edit_selected()
    fill(qtbot, panel, {"produk_utama": "Kain uji bahasa"})
    before = _texts(dock)
    assert foreign_texts(before, "en") == [] and len(before) > 100
    assert _tabs(panel) == _sections(dock.layer, "en")

    translator = QTranslator()  # what toolbelt.sync_translator installs for Indonesian
    assert translator.load(str(compiled_qm(tmp_path)))
    QgsSettings().setValue(KEY, "id")
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dock.browse.add_button.text() == "Tambah", timeout=5000)
        qtbot.wait(200)
        assert dock.stack.currentPanel() is panel  # still open, same record
        texts = _texts(dock)
        found = foreign_texts(texts, "id")
        assert found == [], "\n".join(map(str, found))
        assert len(texts) >= len(before) * 0.9
        assert _tabs(panel) == _sections(dock.layer, "id")
        assert sector.currentData() == "batik"
        assert sector.currentText() == catalogue.by_code(catalogue.SECTORS, "batik").label("id")
        assert dock.browse.model.headerData(0, 1) == "Usaha"
        assert panel.record()["produk_utama"] == "Kain uji bahasa"  # typed, kept
        assert editor(panel, "produk_utama").text() == "Kain uji bahasa"
        assert dock.selected_fids() == [fid] and dock.layer.selectedFeatureIds() == [fid]
        assert panel.panelTitle() == "Ubah usaha" or "usaha" in panel.panelTitle().lower()
    finally:
        QgsSettings().setValue(KEY, "en")
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dock.browse.add_button.text() == "Add", timeout=5000)
    qtbot.wait(200)
    found = foreign_texts(_texts(dock), "en")
    assert found == [], "\n".join(map(str, found))
    assert _tabs(panel) == _sections(dock.layer, "en")
    assert panel.record()["produk_utama"] == "Kain uji bahasa"
    panel.cancel()  # nothing was written by switching
    assert not (dock.layer.isEditable() and dock.layer.editBuffer().isModified())
    stored = QgsVectorLayer(dock.layer.source(), "check", "ogr").getFeature(fid)
    assert stored["produk_utama"] != "Kain uji bahasa"


def test_the_plugin_switch_installs_and_removes_its_translator(qgis_app):
    """toolbelt.set_language applies at once; the last user still removes the translator."""
    qm = toolbelt.plugin_path("i18n", "industri_rumahan_id.qm")
    if not qm.is_file():
        pytest.skip("no compiled .qm in the tree (scripts/update_translations compiles it)")
    old = QgsSettings().value(KEY, "")
    try:
        toolbelt.set_language("en")
        assert toolbelt.install_translator("switch-test") is None  # English: not needed
        assert toolbelt.tr("points") == "points"
        assert toolbelt.set_language("id", "switch-test") is True
        assert toolbelt.tr("points") == "titik"
        assert toolbelt.set_language("id") is False  # already so
        assert toolbelt.set_language("en") is True
        assert toolbelt.tr("points") == "points"
        toolbelt.set_language("id", "switch-test")
    finally:
        toolbelt.remove_translator(None, "switch-test")
        QgsSettings().setValue(KEY, old)
    assert toolbelt.tr("points") == "points"
