"""``industrirumahan:exportcatalogue``: the consented product catalogue as a printable PDF."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.compat import ProcessingFlag
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

LANGUAGES = ("id", "en")
ORDERS = ("sector", "region")


class ExportCatalogue(IndustriRumahanAlgorithm):
    ALG_ID = "exportcatalogue"
    GROUP = "reports"
    TITLE = "Export product catalogue (PDF)"
    REQUIRES = ("numpy", "pandas", "shapely")
    HELP = {
        "id": (
            "Menulis katalog produk industri rumahan sebagai PDF A4 untuk pameran "
            "(Dekranasda): halaman sampul (nama kantor, logo, tanggal, sumber data, daftar "
            "isi, grafik sektor × tahap), lalu satu kartu per usaha — foto, nama usaha, "
            "produk, sektor, tahap, desa/kelurahan dan kecamatan, kontak usaha — "
            "dikelompokkan menurut sektor dan kabupaten/kota (atau sebaliknya) dengan judul. "
            "Hanya usaha yang pemiliknya setuju dipublikasikan (izin_publikasi). NIK, telepon "
            "pribadi dan alamat tidak pernah dimuat; nama pemilik hanya bila izin_nama_pemilik. "
            "Perubahan yang belum disimpan, pilihan (fitur terpilih saja) dan filter lapisan "
            "dihormati. PDF ditulis utuh atau tidak sama sekali."
        ),
        "en": (
            "Writes the home industries' product catalogue as an A4 PDF for exhibitions "
            "(Dekranasda): a cover (office name, logo, date, data source, contents, a sector "
            "× stage chart), then one card per enterprise — photo, business name, product, "
            "sector, stage, village and district, business contact — grouped by sector and "
            "regency (or the other way round) under headings. Only enterprises whose owners "
            "agreed to publication (izin_publikasi). NIK, personal phone numbers and "
            "addresses never appear; owner names only with izin_nama_pemilik. Unsaved edits, "
            "a selection (selected features only) and layer filters are honoured. The PDF is "
            "written whole or not at all."
        ),
    }
    INPUT = "INPUT"
    OFFICE = "OFFICE"
    TITLE_TEXT = "TITLE"
    LOGO = "LOGO"
    DATE = "DATE"
    SOURCE = "SOURCE"
    ORDER = "ORDER"
    SECTION_NEW_PAGE = "SECTION_NEW_PAGE"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"

    def flags(self):
        # layouts, fonts and pictures are built on the main thread
        return super().flags() | ProcessingFlag.NO_THREADING

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        self.addParameter(params.office(self.OFFICE))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE_TEXT, self.tr("Title (empty = \"Katalog Produk Industri Rumahan\")"),
            "", optional=True))
        self.addParameter(params.logo(self.LOGO))
        self.addParameter(QgsProcessingParameterString(
            self.DATE, self.tr("Date on the cover (empty = today)"), "", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Data source (empty = the office's home industry database)"),
            "", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ORDER, self.tr("Group by"),
            [self.tr("Sector, then regency/city"), self.tr("Regency/city, then sector")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SECTION_NEW_PAGE, self.tr("Start each group on a new page"), True))
        self.addParameter(params.language(self.LANGUAGE))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Catalogue PDF"), self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Enterprises in the "
                                                                  "catalogue")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.adapters import catalogue_sources as sources
        from industri_rumahan_plugin.adapters.arrays import WGS84
        from industri_rumahan_plugin.adapters.point_arrays import read_points
        from industri_rumahan_plugin.core import product_catalogue as pc
        from industri_rumahan_plugin.core import publication
        from industri_rumahan_plugin.report.catalogue_export import export_catalogue

        source = self.required_source(parameters, self.INPUT, context)
        names = source.fields().names()
        self.require_fields(self.INPUT, source.fields(), ["nama_usaha"])
        self.require_fields(self.INPUT, source.fields(), [publication.CONSENT], self.tr(
            "Upgrade the database with industrirumahan:upgradedatabase."))
        output = self.pdf_output(parameters, self.OUTPUT, context)
        lang = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        order = ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)]
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        feedback.setProgressText(self.tr("Reading the enterprises…"))
        # the public fields and the consents only: NIK, phone and address are never read
        wanted = [*publication.PUBLIC_FIELDS, publication.CONSENT, publication.OWNER_NAME]
        points = read_points(layer, parameters.get(self.INPUT), source,
                             [f for f in wanted if f in names], WGS84, context, feedback,
                             "", (0, 8))
        check_cancel(feedback)
        project = context.project()
        table = pc.cards(points.attributes, sources.region_names(layer, project), lang, order)
        feedback.pushInfo(self.tr("{n} of {total} enterprises agreed to publication.").format(
            n=len(table), total=len(points.attributes)))
        options = self._options(parameters, context, lang, order)
        feedback.setProgressText(self.tr("Laying out the catalogue pages…"))
        try:
            result = export_catalogue(table, output, sources.photo_roots(layer, project),
                                      options, feedback)
        except OSError as error:
            raise self.input_error(self.OUTPUT, self.tr("cannot be written: {error}").format(
                error=error)) from error
        if result["missing_photos"]:
            feedback.pushWarning(self.tr(
                "{n} photo(s) not found or not readable: their cards show no photo.").format(
                n=result["missing_photos"]))
        feedback.pushInfo(self.tr("{pages} pages, {n} enterprises written to {path}.").format(
            pages=result["pages"], n=result["count"], path=output))
        return {self.OUTPUT: output, "COUNT": result["count"], "PAGES": result["pages"]}

    def _options(self, parameters, context, lang: str, order: str):
        from industri_rumahan_plugin.report.catalogue_export import CatalogueOptions

        return CatalogueOptions(
            office=self.parameterAsString(parameters, self.OFFICE, context) or "DP3A",
            title=self.parameterAsString(parameters, self.TITLE_TEXT, context).strip(),
            logo=self.parameterAsFile(parameters, self.LOGO, context),
            date=self.parameterAsString(parameters, self.DATE, context).strip(),
            source=self.parameterAsString(parameters, self.SOURCE, context).strip(),
            lang=lang, order=order,
            section_new_page=self.parameterAsBool(parameters, self.SECTION_NEW_PAGE, context))
