"""``industrirumahan:exportreport``: the PDF report per region (+ XLSX and CSV tables)."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from industri_rumahan_plugin.compat import NumberType, ProcessingFlag
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm

LANGUAGES = ("id", "en")


class ExportReport(IndustriRumahanAlgorithm):
    ALG_ID = "exportreport"
    GROUP = "reports"
    TITLE = "Export region report (PDF)"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")
    HELP = {
        "id": (
            "Menulis satu PDF: halaman ringkasan provinsi lalu satu halaman per wilayah "
            "(kabupaten/kota, atau kecamatan dari satu kabupaten bila kode kabupaten diisi). "
            "Tiap halaman: peta usaha menurut tahap dan sektor, tabel sektor × tahap, bagian "
            "milik perempuan dan KRTP, grafik, dan kesenjangan layanan (bagian usaha di luar "
            "jarak ambang per jenis layanan). Angka berasal dari "
            "industrirumahan:densitybyregion. Tabel juga ditulis sebagai XLSX dan CSV di "
            "samping PDF. Angka 1–2 ditulis \"<3\"; nama pemilik, NIK dan telepon tidak pernah "
            "dimuat. Templat (.qpt) dapat diubah di perancang tata letak QGIS."
        ),
        "en": (
            "Writes one PDF: a province summary page, then one page per region (regency, or "
            "the districts of one regency when a regency code is given). Each page: a map of "
            "enterprises by stage and sector, a sector × stage table, women-owned and KRTP "
            "shares, a chart and the service gap (share of enterprises beyond the threshold "
            "per service type). Numbers come from industrirumahan:densitybyregion. The tables "
            "are also written as XLSX and CSV beside the PDF. Counts of 1–2 are shown as "
            "\"<3\"; owner names, NIK and phone numbers never appear. The template (.qpt) can "
            "be restyled in QGIS's layout designer."
        ),
    }
    INPUT = "INPUT"
    REGIONS = "REGIONS"
    SERVICES = "SERVICES"
    YEAR = "YEAR"
    REGENCY_CODE = "REGENCY_CODE"
    OFFICE = "OFFICE"
    THRESHOLD = "THRESHOLD"
    LANGUAGE = "LANGUAGE"
    SUPPRESS = "SUPPRESS_SMALL_COUNTS"
    TEMPLATE = "TEMPLATE"
    OUTPUT = "OUTPUT"

    def flags(self):
        # layouts and their fonts and pictures are built on the main thread
        return super().flags() | ProcessingFlag.NO_THREADING

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))  # offers "selected only"
        self.addParameter(params.regions(self.REGIONS, layer=True))
        self.addParameter(params.services(self.SERVICES, optional=True, layer=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Period: enterprises recorded up to the end of year (0 = all)"),
            NumberType.INTEGER, dt.date.today().year, False, 0, 2100))
        self.addParameter(QgsProcessingParameterString(
            self.REGENCY_CODE, self.tr("Only regions whose code starts with (e.g. a regency "
                                       "code for its kecamatan)"), "", optional=True))
        self.addParameter(params.office(self.OFFICE))
        self.addParameter(params.threshold(self.THRESHOLD))
        self.addParameter(params.language(self.LANGUAGE))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SUPPRESS, self.tr("Show counts of 1–2 as \"<3\" (privacy)"), True))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template (.qpt; empty = the plugin's)"),
            extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Report PDF"), self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputFile("XLSX", self.tr("Tables (XLSX)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def enterprise_layer(self, parameters: dict, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> QgsVectorLayer | None:
        """The enterprise layer as the user chose it: the layer itself (its unsaved edits and
        subset are seen by every child algorithm), or, for "selected features only" or a
        feature limit, a copy of exactly those features — the report's map draws a layer."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
                value.selectedFeaturesOnly or value.featureLimit >= 0
                or getattr(value, "filterExpression", "")):
            source = self.parameterAsSource(parameters, self.INPUT, context)
            return None if source is None else source.materialize(QgsFeatureRequest(), feedback)
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def home_layer(self, parameters: dict, context: QgsProcessingContext
                   ) -> QgsVectorLayer | None:
        """The layer the enterprises come from, also when only its selection is used: its
        database holds the stage history of the report's Kenaikan kelas page."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            layer = QgsProcessingUtils.mapLayerFromString(str(value.source.staticValue()),
                                                          context)
            return layer if isinstance(layer, QgsVectorLayer) else None
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.report.export import ReportOptions, export_report
        from industri_rumahan_plugin.report.template import TemplateError

        enterprises = self.enterprise_layer(parameters, context, feedback)
        regions = self.parameterAsVectorLayer(parameters, self.REGIONS, context)
        services = self.parameterAsVectorLayer(parameters, self.SERVICES, context)
        if enterprises is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if regions is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.REGIONS))
        self.require_fields(self.INPUT, enterprises.fields(), ["sektor", "tahap"])
        self.require_fields(self.REGIONS, regions.fields(), ["nama"])
        output = self.pdf_output(parameters, self.OUTPUT, context)
        options = ReportOptions(
            year=self.parameterAsInt(parameters, self.YEAR, context),
            regency_code=self.parameterAsString(parameters, self.REGENCY_CODE, context).strip(),
            office=self.parameterAsString(parameters, self.OFFICE, context) or "DP3A",
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            lang=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
            suppress=self.parameterAsBool(parameters, self.SUPPRESS, context),
            template=self.parameterAsFile(parameters, self.TEMPLATE, context),
        )
        try:
            result = export_report(enterprises, regions, services, output, options, context,
                                   feedback, self.home_layer(parameters, context))
        except TemplateError as error:
            raise QgsProcessingException(str(error)) from error
        except OSError as error:
            raise self.input_error(self.OUTPUT, self.tr("cannot be written: {error}").format(
                error=error)) from error
        feedback.pushInfo(self.tr("{pages} pages written to {path}; tables in {xlsx}.").format(
            pages=result["pages"], path=output, xlsx=result["xlsx"]))
        return {self.OUTPUT: output, "XLSX": result["xlsx"], "PAGES": result["pages"]}
