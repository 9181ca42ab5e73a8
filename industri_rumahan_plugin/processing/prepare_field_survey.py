"""``industrirumahan:preparefieldsurvey``: an offline QField package for chosen regions."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from industri_rumahan_plugin.compat import SourceType
from industri_rumahan_plugin.core import field_survey, schema
from industri_rumahan_plugin.processing import params
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel
from industri_rumahan_plugin.toolbelt import language

AREA = "AREA"


class PrepareFieldSurvey(IndustriRumahanAlgorithm):
    ALG_ID = "preparefieldsurvey"
    GROUP = "data"
    TITLE = "Prepare a field survey package (QField)"
    REQUIRES = ("numpy",)  # the map styles
    HELP = {
        "id": (
            "Menyiapkan paket survei lapangan untuk QField: sebuah folder berisi GeoPackage "
            "(usaha yang dipilih, batas kecamatan/desa dan layanan di sekitarnya), proyek QGIS "
            "(.qgz) dengan formulir, daftar pilihan, aturan dan nilai bawaan plugin, gaya menurut "
            "tahap dan sektor, kolom foto (lampiran, jalur relatif di DCIM/) dan kode wilayah "
            "yang mengikuti titik. Pilih usaha dengan WILAYAH (lapisan kecamatan atau desa; hanya "
            "yang terpilih bila dicentang) atau KODE (mis. 19.01.02, 19.01.02.2007), atau hanya "
            "usaha terpilih. NIK dan telepon tidak dibawa kecuali DATA_PRIBADI dicentang (ponsel "
            "bisa hilang). Paket mencatat asalnya (basis data, waktu, ID unik dan checksum tiap "
            "usaha) untuk penggabungan kembali (mergefieldsurvey). Sebuah ZIP di samping folder "
            "untuk dikirim. Folder harus baru atau kosong."
        ),
        "en": (
            "Prepares a field survey package for QField: a folder with a GeoPackage (the chosen "
            "enterprises, the district/village boundaries and services around them), a QGIS "
            "project (.qgz) with the plugin's forms, value maps, constraints and default values, "
            "styles by stage and sector, a photo field (attachment, relative paths under DCIM/) "
            "and region codes that follow the point. Choose enterprises by regions (a kecamatan "
            "or desa layer; only its selected features when ticked) or region codes (e.g. "
            "19.01.02, 19.01.02.2007), or only the selected enterprises. NIK and phone are left "
            "out unless asked for (phones get lost). The package records what it was made from "
            "(database, time, uid and checksum of every enterprise) for the merge back "
            "(mergefieldsurvey). A ZIP beside the folder for sending. The folder must be new or "
            "empty."
        ),
    }

    NEW_FOLDERS = ("OUTPUT",)  # a package that came back from the field is never overwritten

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(params.enterprises("INPUT"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "REGIONS", self.tr("Regions (kecamatan or desa layer)"),
            [SourceType.POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CODES", self.tr("Region codes (kecamatan or desa, comma separated)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "PERSONAL", self.tr("Include NIK and phone numbers"), False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", self.tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("QGIS project for QField")))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", self.tr("Package GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("ZIP", self.tr("Package ZIP")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Enterprises packaged")))

    def processAlgorithm(self, parameters, context, feedback) -> dict:
        from industri_rumahan_plugin.adapters import survey_package
        from industri_rumahan_plugin.styles.apply import apply_style

        source = self.required_source(parameters, "INPUT", context)
        self.require(schema.layer_role(source.fields().names()) == "enterprises", "INPUT", self.tr(
            "not an enterprise layer of the plugin's schema (fields uid, nama_usaha, "
            "sektor, tahap, jenis_kelamin_pemilik)."))
        levels, label = self._area(parameters, context)
        features = []
        for feature in source.getFeatures():
            check_cancel(feedback)
            values = dict(zip(feature.fields().names(), feature.attributes()))
            if any(levels.values()) and not field_survey.in_area(values, levels):
                continue
            features.append(feature)
        self.require(features, "INPUT", self.tr(
            "No enterprise lies in the chosen regions (or selection): nothing to package."))
        area = survey_package.Area(levels["regencies"], levels["districts"],
                                   levels["villages"], label)
        # staged beside the chosen folder, moved into place (with the zip) when all is written
        folder = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        try:
            result = survey_package.write_package(
                folder, features, source.sourceCrs(), self._database(parameters, context),
                area, self.parameterAsBoolean(parameters, "PERSONAL", context), language(),
                lambda layer, name: apply_style(layer, name, lang=language()), feedback)
        except (OSError, FileExistsError) as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("{n} enterprises packaged in {path} ({photos} photos); "
                                  "zip: {zip}").format(n=result.count, path=result.folder,
                                                       photos=result.photos, zip=result.zip))
        feedback.setProgress(100)
        return {"OUTPUT": str(result.folder), "PROJECT": str(result.project),
                "GEOPACKAGE": str(result.geopackage), "ZIP": str(result.zip),
                "COUNT": result.count}

    def _area(self, parameters, context) -> tuple[dict[str, set[str]], str]:
        levels, bad = field_survey.parse_codes(
            self.parameterAsString(parameters, "CODES", context) or "")
        self.require(not bad, "CODES", self.tr(
            "{codes} are no kecamatan or desa codes (e.g. 19.01.02 or 19.01.02.2007).").format(
            codes=", ".join(bad)))
        regions = self.parameterAsSource(parameters, "REGIONS", context)
        if regions is not None:
            role = schema.boundary_role(regions.fields().names(),
                                        QgsWkbTypes.displayString(regions.wkbType()))
            self.require(role is not None, "REGIONS", self.tr(
                "Choose a kabupaten/kota, kecamatan or desa layer of the schema."))
            codes = {str(f["kode"]) for f in regions.getFeatures() if f["kode"]}
            self.require(codes, "REGIONS", self.tr("No region given (is anything selected?)."))
            levels[role] |= codes
        label = ", ".join(sorted(set().union(*levels.values())))
        return levels, label

    def _database(self, parameters, context) -> Path | None:
        """The GeoPackage of the enterprise layer (for boundaries, services, photos)."""
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None or layer.providerType() != "ogr":
            return None
        path = Path(layer.source().split("|")[0])
        return path if path.suffix.lower() == ".gpkg" and path.is_file() else None
