"""``industrirumahan:exportxlsform``: the enterprise form as an XLSForm for ODK / KoBoToolbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm


class ExportXlsform(IndustriRumahanAlgorithm):
    ALG_ID = "exportxlsform"
    GROUP = "data"
    TITLE = "Export the enterprise form as XLSForm (ODK / KoBoToolbox)"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Menulis formulir usaha sebagai XLSForm (lembar survey, choices, settings) untuk "
            "ODK Collect, KoBoToolbox atau Enketo, dibuat dari skema dan katalog plugin: satu "
            "pertanyaan per field yang ditampilkan formulir plugin, bernama sama dengan field, "
            "pilihan katalog (select_one), batas angka dan panjang teks, field wajib, pesan "
            "dalam bahasa Indonesia dan Inggris, titik GPS (lokasi), foto, izin publikasi, dan "
            "tanggal survei. Dengan DESA, kode kabupaten/kecamatan/desa menjadi pilihan "
            "bertingkat (hanya desa terpilih bila \"hanya fitur terpilih\"). Ekspor data KoBo "
            "atau ODK (CSV/XLSX) dapat diimpor dengan importspreadsheet tanpa pemetaan kolom."
        ),
        "en": (
            "Writes the enterprise form as an XLSForm (survey, choices and settings sheets) "
            "for ODK Collect, KoBoToolbox or Enketo, generated from the plugin's schema and "
            "catalogues: one question per field the plugin's form shows, named as the field, "
            "catalogue choices (select_one), number bounds and text lengths, required fields, "
            "messages in Indonesian and English, a GPS point (lokasi), a photo, the publication "
            "consent and the survey date. With a village layer, the regency/district/village codes "
            "become cascading choices (only the selected villages with \"selected features "
            "only\"). KoBo or ODK submission exports (CSV/XLSX) import with importspreadsheet "
            "without a column mapping."
        ),
    }
    VILLAGES = "VILLAGES"
    VERSION = "VERSION"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VILLAGES, self.tr("Villages (desa/kelurahan) offered as choices"),
            [SourceType.POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.VERSION, self.tr("Form version (empty: schema version and today's date)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("XLSForm"), self.tr("Excel (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber("QUESTIONS", self.tr("Questions")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from industri_rumahan_plugin.adapters import form_config, xlsform_io
        from industri_rumahan_plugin.core import xlsform

        regions = None
        if parameters.get(self.VILLAGES) is not None:
            source = self.required_source(parameters, self.VILLAGES, context)
            self.require(schema.layer_role(source.fields().names(), "Polygon") == "villages",
                         self.VILLAGES, self.tr(
                             "{layer} is not a village (desa/kelurahan) layer of the plugin "
                             "(fields kode, nama, kec_kode, kab_kode).").format(
                             layer=source.sourceName()))
            layer = self.parameterAsVectorLayer(parameters, self.VILLAGES, context)
            regions = xlsform_io.region_choices(source, context, layer)
            self.require(regions["desa"], self.VILLAGES, self.tr(
                "No village to offer: the village layer (or its selection) is empty."))
            feedback.pushInfo(self.tr("{n} villages offered as choices").format(
                n=len(regions["desa"])))
        version = self.parameterAsString(parameters, self.VERSION, context).strip() or \
            f"{schema.SCHEMA_VERSION}.{dt.date.today():%Y%m%d}"
        sheets = xlsform.build(version, form_config.shown_fields(), regions)
        destination = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(destination).suffix.lower() != ".xlsx":
            destination = str(Path(destination).with_suffix(".xlsx"))
        xlsform_io.write_xlsform(destination, sheets)
        questions = sum(1 for row in sheets["survey"] if "group" not in row["type"])
        feedback.pushInfo(self.tr("XLSForm with {n} questions, version {version}: {path}").format(
            n=questions, version=version, path=destination))
        feedback.setProgress(100)
        return {self.OUTPUT: destination, "QUESTIONS": questions}
