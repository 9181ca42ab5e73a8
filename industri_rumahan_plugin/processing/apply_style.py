"""``industrirumahan:applystyle``: put one of the plugin's styles on a layer (batch, models)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.compat import ProcessingFlag, SourceType
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm
from industri_rumahan_plugin.styles import STYLE_TITLES, STYLES
from industri_rumahan_plugin.styles.apply import (
    StyleError,
    apply_style,
    qml_text,
    show_feature_count,
)

LANGUAGES = ("", "id", "en")


class ApplyStyle(IndustriRumahanAlgorithm):
    ALG_ID = "applystyle"
    GROUP = "styles"
    TITLE = "Apply map style"
    REQUIRES = ("numpy",)
    HELP = {
        "id": (
            "Memberi gaya peta plugin pada sebuah lapisan. Titik usaha: menurut tahap (tiga warna "
            "berurutan, aman buta warna), menurut sektor (warna dan simbol per kelompok sektor) "
            "atau tahap × sektor (warna tahap, simbol sektor); titik mengelompok (klaster) pada "
            "skala provinsi dan nama usaha tampil mulai skala 1:25.000. Wilayah: kepadatan "
            "(Jenks, satuan di legenda), location quotient (divergen, berpusat di 1), porsi usaha "
            "tanpa layanan, indeks aksesibilitas. Tanpa kolom pilihan: kolom baku (tahap, sektor) "
            "atau "
            "kolom yang namanya cocok (per_km2, lq_..., ...). Legenda dalam bahasa antarmuka "
            "dengan jumlah fitur. Gaya dapat juga disimpan sebagai berkas .qml."
        ),
        "en": (
            "Puts one of the plugin's map styles on a layer. Enterprise points: by stage (three "
            "ordered, colour-blind-safe colours), by sector (colour and marker per sector "
            "group) or stage × sector (colour by stage, marker by sector); points cluster at "
            "province scale and business names show from 1:25,000. Regions: density (Jenks, "
            "unit in the legend), location quotient (diverging, centred at 1), share of "
            "enterprises without service, accessibility index. Without a chosen field: the "
            "standard field "
            "(tahap, sektor) or the first field whose name fits (per_km2, lq_..., ...). Legend "
            "in the interface language with feature counts. The style can also be saved as a "
            ".qml file."
        ),
    }
    INPUT = "INPUT"
    STYLE = "STYLE"
    FIELD = "FIELD"
    LANGUAGE = "LANGUAGE"
    QML = "QML"
    OUTPUT = "OUTPUT"
    FIELD_USED = "FIELD_USED"

    def flags(self):
        # Changes a project layer's renderer: must run in the main thread.
        return super().flags() | ProcessingFlag.NO_THREADING

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INPUT, self.tr("Layer to style"),
            [SourceType.POINT, SourceType.POLYGON]))
        self.addParameter(QgsProcessingParameterEnum(
            self.STYLE, self.tr("Style"), [self.tr(STYLE_TITLES[s]) for s in STYLES],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, self.tr("Field (empty: standard or best matching field)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Legend language"),
            [self.tr("Interface language"), "Bahasa Indonesia", "English"],
            defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.QML, self.tr("Also save the style as"), self.tr("QGIS layer style (*.qml)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, self.tr("Styled layer")))
        self.addOutput(QgsProcessingOutputString(self.FIELD_USED, self.tr("Field used")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise self.input_error(self.INPUT, self.tr("the layer could not be opened."))
        style = STYLES[self.parameterAsEnum(parameters, self.STYLE, context)]
        field = self.parameterAsString(parameters, self.FIELD, context) or None
        language = self.parameterAsEnum(parameters, self.LANGUAGE, context)
        lang = LANGUAGES[language] if 0 <= language < len(LANGUAGES) else ""
        try:
            used = apply_style(layer, style, field, lang or toolbelt.language())
        except StyleError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(60)
        project = context.project()
        if project is not None and project.mapLayer(layer.id()) is not None:
            show_feature_count(layer, project)
        else:
            feedback.pushInfo(self.tr(
                "The layer is not in the project: save the style as a .qml file to keep it."))
        qml = self.parameterAsFileOutput(parameters, self.QML, context)
        if qml:
            path = Path(qml).with_suffix(".qml")
            path.write_text(qml_text(layer), encoding="utf-8")
            feedback.pushInfo(self.tr("Style saved as {path}").format(path=path))
        feedback.setProgress(100)
        return {self.OUTPUT: layer.id(), self.FIELD_USED: used, self.QML: qml or None}
