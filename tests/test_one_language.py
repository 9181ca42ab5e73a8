"""One language (issue 13): in the Indonesian interface no English text of the plugin, in the
English one no Indonesian text, over every widget of the dock, its forms and dialogs; the form
follows the interface language even when a project stored the other one; no "NULL"; Rupiah
with the language's thousands separators."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QApplication, QMessageBox, QTabWidget

from industri_rumahan_plugin.adapters.form_config import configure_enterprise_layer
from industri_rumahan_plugin.core import catalogue, schema
from tests.language_support import foreign_texts, interface_language, widget_texts
from tests.test_dock import open_dock

LANGS = ["id", "en"]


@pytest.fixture(params=LANGS)
def lang_dock(request, demo_copy, qgis_iface, qgis_new_project, qtbot, tmp_path):
    """The dock created in the interface language ``request.param``."""
    lang = request.param
    with interface_language(lang, tmp_path):
        project = QgsProject.instance()
        for name in ("usaha", "kabupaten", "kecamatan", "desa"):
            layer = QgsVectorLayer(f"{demo_copy}|layername={name}", name, "ogr")
            project.addMapLayer(layer)
        # the project was configured in the OTHER language (as a saved project would be)
        configure_enterprise_layer(project.mapLayersByName("usaha")[0],
                                   "en" if lang == "id" else "id")
        for dock in open_dock(qgis_iface, qtbot):
            yield lang, dock


def answer_question(texts: list, answer=QMessageBox.StandardButton.No) -> None:
    """Read the open question box (its texts and buttons), then answer it."""
    def check():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, check)
            return
        texts.extend(widget_texts(box))
        texts.append(("yes", box.button(QMessageBox.StandardButton.Yes).text()))
        texts.append(("no", box.button(QMessageBox.StandardButton.No).text()))
        box.button(answer).click()
    QTimer.singleShot(0, check)


def all_texts(dock, qtbot) -> list[tuple[str, str]]:
    """Every text of the dock, its add and edit forms, its question and dialogs."""
    from industri_rumahan_plugin.adapters import rule_store
    from industri_rumahan_plugin.gui.import_dialog import ImportDialog
    from industri_rumahan_plugin.gui.rules_dialog import StageRulesDialog

    texts = widget_texts(dock)
    dock.browse.table.selectRow(0)
    texts += [("undo_hint(buffer)", t) for _w, t in widget_texts(dock.browse.undo_hint)]
    panel = dock.edit_selected()
    texts += widget_texts(panel)
    panel.cancel()
    panel = dock.add()
    texts += widget_texts(panel)
    panel.cancel()
    dock.confirm = dock._ask  # the real question box
    dock.browse.table.selectRow(0)
    answer_question(texts)
    assert dock.delete_selected() is False  # answered No
    dock.browse.auto_commit.setChecked(False)
    texts += widget_texts(dock.browse)
    answer_question(texts)
    dock.delete_selected()
    for dialog in (StageRulesDialog(rule_store.load_rules(), dock), ImportDialog(dock)):
        qtbot.addWidget(dialog)
        texts += widget_texts(dialog)
    return texts


def test_no_text_of_the_other_language(lang_dock, qtbot):
    lang, dock = lang_dock
    texts = all_texts(dock, qtbot)
    assert len(texts) > 150  # the walk really saw the widgets
    found = foreign_texts(texts, lang)
    assert found == [], "\n".join(map(str, found))
    if lang == "id":
        assert ("yes", "Ya") in texts and ("no", "Tidak") in texts
        assert any("Urungkan" in t for _w, t in texts)
    else:
        assert ("yes", "Yes") in texts and ("no", "No") in texts


def test_the_form_follows_the_interface_language(lang_dock):
    lang, dock = lang_dock
    panel = dock.add()
    tabs = panel.form.findChildren(QTabWidget)[0]
    shown = [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())]
    fields = dock.layer.fields().names()
    expected = [(en if lang == "en" else id_) for section, (id_, en) in schema.SECTIONS.items()
                if any(f.section == section and f.name in fields
                       for f in schema.ENTERPRISE_FIELDS)]
    assert shown == expected
    aliases = {f.name: dock.layer.attributeDisplayName(dock.layer.fields().indexOf(f.name))
               for f in schema.ENTERPRISE_FIELDS if f.name in fields}
    assert aliases == {f.name: f.alias(lang) for f in schema.ENTERPRISE_FIELDS
                       if f.name in fields}
    workers = panel.form.findChildren(QAbstractSpinBox, "jumlah_pekerja")[0]
    assert workers.suffix() == (" orang" if lang == "id" else " people")
    sector = panel.form.findChildren(type(dock.browse.filters["sektor"]), "sektor")[0]
    labels = [sector.itemText(i) for i in range(1, sector.count())]
    assert labels == [e.label(lang) for e in catalogue.SECTORS]
    model = dock.browse.model
    column = model.COLUMNS.index("tahap")
    codes = {e.label(lang) for e in catalogue.STAGES}
    assert {model.data(model.index(r, column)) for r in range(50)} <= codes
    panel.cancel()


def test_no_null_text_and_rupiah_in_the_language(lang_dock):
    lang, dock = lang_dock
    layer = dock.layer
    fid = next(f.id() for f in layer.getFeatures(
        "\"modal_rp\" >= 1000000 AND \"bantuan_program\" IS NULL AND \"bantuan_tahun\" IS NULL"))
    dock.layer.selectByIds([fid])
    panel = dock.edit_selected()
    texts = widget_texts(panel)
    assert [(w, t) for w, t in texts if t.strip() == "NULL"] == []
    value = int(layer.getFeature(fid)["modal_rp"])
    separator = "." if lang == "id" else ","
    expected = "Rp " + f"{value:,}".replace(",", separator)
    modal = [w for w in panel.form.findChildren(QAbstractSpinBox, "modal_rp")]
    assert [m.text() for m in modal] == [expected]
    from industri_rumahan_plugin.gui.form_widgets import format_rupiah

    assert format_rupiah(value, lang) == expected
    empty = [w for w in panel.form.findChildren(QAbstractSpinBox, "bantuan_tahun")]
    assert [w.text() for w in empty] == ["—"]
    assert panel.record()["bantuan_program"] is None  # shown empty, still NULL
    assert not layer.editBuffer().isModified()  # opening and showing wrote nothing
    panel.cancel()
    assert not layer.isEditable()


def test_a_saved_project_opens_in_the_interface_language(demo_copy, qgis_new_project,
                                                         tmp_path):
    """Saved in Indonesian, opened in English: the form is configured again on load (the
    plugin's project watcher), without the dock ever being opened."""
    from industri_rumahan_plugin.gui.history_watch import HistoryWatcher

    project = QgsProject.instance()
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    project.addMapLayer(layer)
    configure_enterprise_layer(layer, "id")
    path = tmp_path / "saved_in_indonesian.qgz"
    assert project.write(str(path))
    project.clear()
    watcher = HistoryWatcher(project)
    try:
        with interface_language("en", tmp_path):
            assert project.read(str(path))
            loaded = project.mapLayersByName("usaha")[0]
            index = loaded.fields().indexOf("jumlah_pekerja")
            assert loaded.attributeDisplayName(index) == schema.field(
                "jumlah_pekerja").alias("en")
            tabs = [t.name() for t in loaded.editFormConfig().tabs()]
            assert tabs[0] == schema.SECTIONS["usaha"][1]
    finally:
        watcher.stop()
        project.clear()


def test_counts_with_the_language_separators(lang_dock):
    lang, dock = lang_dock
    total = dock.layer.featureCount()
    expected = f"{total:,}".replace(",", "." if lang == "id" else ",")
    text = dock.browse.counts_label.text()
    assert text.startswith(f"{expected} ") and f" {expected} " in text


def test_style_messages_name_the_style_not_its_code(qgis_new_project, tmp_path):
    """ "Gaya stage memerlukan lapisan titik" mixed a code into Indonesian (issue 13)."""
    from industri_rumahan_plugin.styles.apply import StyleError, apply_style

    polygons = QgsVectorLayer("Polygon?crs=EPSG:4326&field=tahap:string", "p", "memory")
    with interface_language("id", tmp_path), pytest.raises(StyleError) as refused:
        apply_style(polygons, "stage")
    message = str(refused.value)
    assert "stage" not in message and "Usaha menurut tahap" in message, message
    assert foreign_texts([("style", message)], "id") == []
