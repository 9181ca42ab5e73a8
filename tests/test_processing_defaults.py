"""Processing dialogs: defaults are the recognised layers, enumerations show translated labels
(values stay the codes), help texts speak to officers and link to the shipped help page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator, QUrl

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import ProcessingFlag
from industri_rumahan_plugin.core import catalogue
from tests.conftest import REPO

sys.path[:0] = ["/usr/share/qgis/python/plugins", str(REPO / "scripts")]

LAYER_ALGS = ("densitybyregion", "servicegap", "heatmap", "nearestservice", "accessibility",
              "nearestneighbourindex", "exportspreadsheet")


@pytest.fixture
def confusing_project(demo_gpkg, qgis_new_project, provider, tmp_path):
    """An analysis output on top, the enterprises-outside output (enterprise schema, memory)
    above the enterprises, districts before regencies, services at the bottom."""
    from qgis import processing

    project = QgsProject.instance()
    layers = {}
    for name in ("layanan", "usaha", "kabupaten", "kecamatan"):
        layers[name] = project.addMapLayer(
            QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr"))
    result = processing.run("industrirumahan:densitybyregion", {
        "INPUT": layers["usaha"], "REGIONS": layers["kabupaten"],
        "OUTPUT": str(tmp_path / "kepadatan.gpkg")})
    layers["density"] = project.addMapLayer(QgsVectorLayer(result["OUTPUT"], "kepadatan", "ogr"))
    outside = QgsVectorLayer(f"Point?crs=EPSG:4326&{_fields_uri(layers['usaha'])}",
                             "di luar wilayah", "memory")
    outside.dataProvider().addFeatures(list(layers["usaha"].getFeatures())[:5])
    layers["outside"] = project.addMapLayer(outside)
    assert layers["density"].isValid() and outside.featureCount() == 5
    yield layers
    project.removeAllMapLayers()


def _fields_uri(layer: QgsVectorLayer) -> str:
    return "&".join(f"field={f.name()}:string" for f in layer.fields() if f.name() != "fid")


def test_defaults_are_the_recognised_layers(confusing_project):
    registry = QgsApplication.processingRegistry()
    expected = {"INPUT": confusing_project["usaha"].id(),
                "REGIONS": confusing_project["kabupaten"].id(),
                "SERVICES": confusing_project["layanan"].id()}
    checked = 0
    for alg_id in LAYER_ALGS:
        alg = registry.createAlgorithmById(f"industrirumahan:{alg_id}")
        for name, layer_id in expected.items():
            param = alg.parameterDefinition(name)
            if param is None or param.flags() & ProcessingFlag.OPTIONAL:  # kept empty
                continue
            assert param.defaultValue() == layer_id, (alg_id, name)
            checked += 1
    assert checked >= 12


@pytest.fixture
def iface(qgis_iface):
    """pytest-qgis's iface with a real browser model (the algorithm dialog asks for one)."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    qgis_iface.browserModel = lambda: model
    return qgis_iface


def test_the_dialog_opens_with_the_recognised_layers(confusing_project, iface, qtbot):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    alg = QgsApplication.processingRegistry().createAlgorithmById(
        "industrirumahan:servicegap")
    dialog = AlgorithmDialog(alg, parent=iface.mainWindow())
    qtbot.addWidget(dialog)
    wrappers = dialog.mainWidget().wrappers
    project = QgsProject.instance()
    chosen = {name: project.mapLayer(str(wrappers[name].parameterValue()))
              for name in ("INPUT", "REGIONS", "SERVICES")}
    assert chosen["INPUT"] is confusing_project["usaha"]
    assert chosen["REGIONS"] is confusing_project["kabupaten"]
    assert chosen["SERVICES"] is confusing_project["layanan"]


@pytest.fixture
def indonesian(tmp_path):
    """The plugin's .qm (compiled from the .ts) installed, language setting "id"."""
    import plugin_install
    from qgis.core import QgsSettings

    plugin_install.compile_translations(REPO / "industri_rumahan_plugin" / "i18n", tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "industri_rumahan_id.qm"))
    QCoreApplication.installTranslator(translator)
    QgsSettings().setValue(f"{toolbelt.SETTINGS_PREFIX}/language", "id")
    yield
    QCoreApplication.removeTranslator(translator)
    QgsSettings().remove(f"{toolbelt.SETTINGS_PREFIX}/language")


def _combo_texts(alg_id: str, name: str, iface, qtbot) -> tuple[list[str], object]:
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"industrirumahan:{alg_id}")
    dialog = AlgorithmDialog(alg, parent=iface.mainWindow())
    qtbot.addWidget(dialog)
    combo = dialog.mainWidget().wrappers[name].widget
    texts = [combo.itemText(i) for i in range(combo.count())]
    return texts, dialog.mainWidget().wrappers[name].parameterValue()


def test_enum_labels_in_english(provider, iface, qtbot, qgis_new_project):
    from qgis.core import QgsSettings

    QgsSettings().setValue(f"{toolbelt.SETTINGS_PREFIX}/language", "en")
    try:
        kernels, value = _combo_texts("heatmap", "KERNEL", iface, qtbot)
        assert kernels == ["Quartic", "Epanechnikov", "Gaussian"] and value == "quartic"
        sectors, value = _combo_texts("heatmap", "SECTOR", iface, qtbot)
        assert sectors == ["All", *(s.label("en") for s in catalogue.SECTORS)]
        assert value == "semua"
        stages, _ = _combo_texts("heatmap", "STAGE", iface, qtbot)
        assert stages[1:] == [s.label("en") for s in catalogue.STAGES]
        weights, value = _combo_texts("hotspots", "WEIGHTS", iface, qtbot)
        assert "Distance band" in weights and value == "queen"
        for text in kernels + sectors + stages + weights:  # no raw code anywhere
            assert not re.fullmatch(r"[a-z_]+", text), text
    finally:
        QgsSettings().remove(f"{toolbelt.SETTINGS_PREFIX}/language")


def test_enum_labels_in_indonesian(provider, indonesian, iface, qtbot, qgis_new_project):
    kernels, value = _combo_texts("heatmap", "KERNEL", iface, qtbot)
    assert kernels == ["Kuartik", "Epanechnikov", "Gauss"] and value == "quartic"
    sectors, _ = _combo_texts("heatmap", "SECTOR", iface, qtbot)
    assert sectors == ["Semua", *(s.label("id") for s in catalogue.SECTORS)]
    weights, value = _combo_texts("hotspots", "WEIGHTS", iface, qtbot)
    assert "Pita jarak" in weights and value == "queen"


def test_codes_still_run_from_scripts(provider, demo_gpkg, tmp_path):
    """Batch users and models keep passing the codes."""
    from qgis import processing

    result = processing.run("industrirumahan:heatmap", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "STAGE": catalogue.STAGES[0].code,
        "KERNEL": "gaussian", "PIXEL_SIZE": 1000, "OUTPUT": str(tmp_path / "panas.tif")})
    assert Path(result["OUTPUT"]).is_file() and result["TOTAL"] > 0


def test_help_speaks_to_officers_and_links_the_shipped_page(provider):
    import help_pages

    for alg in provider.algorithms():
        for lang in ("en", "id"):
            text = type(alg).HELP.get(lang, "")
            names = {p.name() for p in alg.parameterDefinitions()} - {"INPUT", "OUTPUT"}
            named = [n for n in names if re.search(rf"\b{n}\b", text)]
            assert not named, (alg.id(), lang, named)
            assert not re.search(r"(?i)\b(issue|isu)\b.*\d{4,}", text), (alg.id(), lang)
        url = QUrl(alg.helpUrl())
        page = Path(url.toLocalFile())
        assert page.is_file(), alg.id()
        assert f'id="{url.fragment()}"' in page.read_text(encoding="utf-8")
    for name, text in help_pages.pages().items():  # the shipped pages are current
        shipped = REPO / "industri_rumahan_plugin" / "help" / name
        assert shipped.read_text(encoding="utf-8") == text, f"run scripts/help_pages.py ({name})"


def test_outside_count_is_an_output_and_a_warning(provider, demo_gpkg):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):
            self.warnings.append(text)

    alg = QgsApplication.processingRegistry().algorithmById("industrirumahan:densitybyregion")
    assert alg.outputDefinition("OUTSIDE_COUNT") is not None
    kecamatan = QgsVectorLayer(f"{demo_gpkg}|layername=kecamatan", "kec", "ogr")
    kecamatan.setSubsetString("kab_kode = (SELECT min(kab_kode) FROM kecamatan)")
    feedback = Recorder()
    result = processing.run("industrirumahan:densitybyregion", {
        "INPUT": f"{demo_gpkg}|layername=usaha", "REGIONS": kecamatan,
        "OUTPUT": "memory:"}, feedback=feedback)
    usaha = QgsVectorLayer(f"{demo_gpkg}|layername=usaha", "u", "ogr")
    counted = sum(f["jml_usaha"] for f in result["OUTPUT"].getFeatures())
    # shared points are counted once, so every enterprise is either counted or outside
    assert result["OUTSIDE_COUNT"] == usaha.featureCount() - counted > 0
    assert any(str(result["OUTSIDE_COUNT"]) in w and "outside" in w for w in feedback.warnings)
