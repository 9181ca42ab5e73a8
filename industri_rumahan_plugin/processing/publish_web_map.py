"""``industrirumahan:publishwebmap``: a static web map and catalogue, without personal data.

A folder that works opened from disk and on any static web host (and the same as a zip):
choropleths per kabupaten/kota and kecamatan, a panel per region, and the catalogue of the
enterprises whose owners agreed to publication. The heavy work lives in ``report.web_site``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from industri_rumahan_plugin.adapters import output_guard, site_folder
from industri_rumahan_plugin.compat import FileBehavior, ProcessingFlag, SourceType
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

#: Level key -> the file the site loads (``data/<key>.js``) and its regions parameter.
LEVELS = (("kabupaten", "REGIONS"), ("kecamatan", "DISTRICTS"))
#: What the site writes itself (cleared before a new run; nothing else in the folder is).
OWN = ("index.html", "app.js", "style.css", "data", "foto", "vendor", "logo")
#: In every page this algorithm writes: a folder holding it is an earlier site.
GENERATOR = '<meta name="generator" content="Industri Rumahan publishwebmap">'


class PublishWebMap(IndustriRumahanAlgorithm):
    ALG_ID = "publishwebmap"
    GROUP = "reports"
    TITLE = "Publish web map and catalogue"
    REQUIRES = ("numpy", "pandas", "scipy", "shapely")  # scipy: servicegap, run as a child
    HELP = {
        "id": (
            "Menulis situs web statis (folder dan zip) yang dapat dibuka langsung dari disk "
            "atau diunggah ke hosting statis mana pun: peta koroplet per kabupaten/kota dan "
            "kecamatan (usaha per 1.000 penduduk, bagian milik perempuan dan KRTP, bagian per "
            "tahap, kesenjangan layanan) dengan kelas dan warna gaya plugin; panel per wilayah "
            "(angka utama, tabel sektor × tahap; jumlah 1–2 ditulis \"<3\"); katalog usaha yang "
            "pemiliknya setuju dipublikasikan (izin_publikasi), lokasinya tingkat desa kecuali "
            "izin_lokasi_tepat, nama pemilik hanya dengan izin_nama_pemilik. NIK, nomor "
            "telepon pribadi dan alamat tidak pernah masuk ke berkas situs. Antarmuka bahasa "
            "Indonesia dan Inggris, peta dasar OSM bila ada koneksi."
        ),
        "en": (
            "Writes a static website (a folder and a zip) that works opened from disk or on "
            "any static web host: choropleths per regency and district (enterprises per 1,000 "
            "population, share women-owned and KRTP, share per stage, service gap) with the "
            "plugin's style classes and colours; a panel per region (key figures, sector × "
            "stage table; counts of 1–2 shown as \"<3\"); the catalogue of the enterprises whose "
            "owners agreed to publication (izin_publikasi), located at village level unless "
            "izin_lokasi_tepat, owner names only with izin_nama_pemilik. NIK, personal phone "
            "numbers and addresses never enter any file of the site. Indonesian interface with "
            "an English switch; an OSM basemap when there is a connection."
        ),
    }
    INPUT = "INPUT"
    FILTER = "FILTER"
    REGIONS = "REGIONS"
    DISTRICTS = "DISTRICTS"
    VILLAGES = "VILLAGES"
    SERVICES = "SERVICES"
    THRESHOLD = "THRESHOLD"
    TITLE_TEXT = "TITLE"
    OFFICE = "OFFICE"
    SOURCE = "SOURCE"
    DATA_DATE = "DATA_DATE"
    LOGO = "LOGO"
    PHOTO_FOLDER = "PHOTO_FOLDER"
    ZIP = "ZIP"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises(self.INPUT))
        self.addParameter(params.filter_expression(self.FILTER, self.INPUT))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.REGIONS, self.tr("Regencies (kabupaten/kota)"), [SourceType.POLYGON]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DISTRICTS, self.tr("Districts (kecamatan)"), [SourceType.POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.VILLAGES, self.tr("Villages (desa/kelurahan): catalogue locations"),
            [SourceType.POLYGON], optional=True))
        self.addParameter(params.services(self.SERVICES, optional=True, layer=True))
        self.addParameter(params.threshold(self.THRESHOLD))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE_TEXT, self.tr("Title (empty = \"Peta Industri Rumahan\" / \"Home "
                                     "industries map\")"), "", optional=True))
        self.addParameter(params.office(self.OFFICE))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Source of the data"), "", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DATA_DATE, self.tr("Date of the data (empty = today)"), "", optional=True))
        self.addParameter(params.logo(self.LOGO))
        self.addParameter(QgsProcessingParameterFile(
            self.PHOTO_FOLDER, self.tr("Folder the photo paths are relative to (empty = the "
                                       "enterprise layer's folder)"),
            behavior=FileBehavior.FOLDER, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ZIP, self.tr("Also write the site as a zip"), True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT, self.tr("Website folder")))
        self.addOutput(QgsProcessingOutputFile("INDEX", self.tr("Start page")))
        self.addOutput(QgsProcessingOutputFile("ZIP_FILE", self.tr("Website zip")))
        self.addOutput(QgsProcessingOutputNumber("CATALOGUE_COUNT",
                                                 self.tr("Enterprises in the catalogue")))

    def flags(self):
        # photos are re-encoded with QImage, which belongs to the main thread
        return super().flags() | ProcessingFlag.NO_THREADING

    def checkParameterValues(self, parameters: dict, context) -> tuple[bool, str]:
        for name in (self.DISTRICTS, self.VILLAGES):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is not None and schema.is_analysis_output(layer.fields().names()):
                return False, str(self.input_error(name, self.tr(
                    "{layer} is an analysis output, not a boundary layer.").format(
                    layer=layer.name())))
        return super().checkParameterValues(parameters, context)

    def zip_target(self, parameters, context, site: Path) -> Path | None:
        """The zip beside the site when asked for, checked before building: new, an unchanged
        output of the plugin, or a zip of this site published by an earlier version."""
        if not self.parameterAsBool(parameters, self.ZIP, context):
            return None
        target = site.with_name(site.name + ".zip")
        if site_folder.zip_is_ours(target, site, GENERATOR) and self.writes is not None:
            self.writes.may_replace(str(target))
        else:
            output_guard.check_path(self, self.ZIP, str(target), {})
        return target

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        from industri_rumahan_plugin.report.web_build import build_site
        from industri_rumahan_plugin.report.web_site import SiteOptions

        source = self.required_source(parameters, self.INPUT, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        self.require_fields(self.INPUT, source.fields(), ["sektor", "tahap"])
        levels = {}
        for key, name in LEVELS:
            regions = self.parameterAsVectorLayer(parameters, name, context)
            if regions is not None:
                self.require_fields(name, regions.fields(), ["nama"])
                levels[key] = regions
        site = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        photo_folder = self.parameterAsFile(parameters, self.PHOTO_FOLDER, context)
        if not photo_folder and layer is not None:
            path = layer.source().split("|")[0]
            photo_folder = str(Path(path).parent) if Path(path).is_file() else ""
        options = SiteOptions(
            title=self.parameterAsString(parameters, self.TITLE_TEXT, context),
            office=self.parameterAsString(parameters, self.OFFICE, context),
            source=self.parameterAsString(parameters, self.SOURCE, context),
            date=self.parameterAsString(parameters, self.DATA_DATE, context).strip(),
            logo=self.parameterAsFile(parameters, self.LOGO, context),
            threshold_m=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            photo_folder=photo_folder, levels=levels)
        self.require(site_folder.is_ours(site, GENERATOR), self.OUTPUT, self.tr(
            "{folder} is not empty and holds no site published by this plugin: choose an "
            "empty or new folder.").format(folder=str(site)))
        zip_target = self.zip_target(parameters, context, site)
        check_cancel(feedback)
        found = {}
        site_folder.replace_site(site, OWN, lambda folder: found.update(count=build_site(
            folder, parameters[self.INPUT], source,
            self.parameterAsExpression(parameters, self.FILTER, context),
            self.parameterAsVectorLayer(parameters, self.VILLAGES, context),
            self.parameterAsVectorLayer(parameters, self.SERVICES, context),
            options, context, feedback)))
        results = {self.OUTPUT: str(site), "INDEX": str(site / "index.html"),
                   "CATALOGUE_COUNT": found["count"], "ZIP_FILE": None}
        if zip_target is not None:
            from industri_rumahan_plugin.adapters.web_files import zip_site

            staged = self.writes.staged(str(zip_target)) if self.writes else zip_target
            results["ZIP_FILE"] = str(zip_site(site, Path(staged)))  # moved on success
        feedback.setProgress(100)
        return results

