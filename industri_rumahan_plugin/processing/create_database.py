"""``industrirumahan:createdatabase``: a new, empty plugin GeoPackage."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
)

from industri_rumahan_plugin.adapters.geopackage import DatabaseError, create_database
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm

LAYER_TITLES = {
    "enterprises": "Industri rumahan",
    "services": "Layanan",
    "regencies": "Kabupaten/kota",
    "districts": "Kecamatan",
    "villages": "Desa/kelurahan",
    # attribute tables: named as the tables, which the dock and the analyses look for
    "stage_history": schema.STAGE_HISTORY,
    "programme_register": schema.PROGRAMME_REGISTER,
}


class CreateDatabase(IndustriRumahanAlgorithm):
    ALG_ID = "createdatabase"
    GROUP = "data"
    TITLE = "Create enterprise database"
    HELP = {
        "id": (
            "Membuat GeoPackage baru berisi lapisan industri rumahan, layanan, kabupaten/kota, "
            "kecamatan dan desa/kelurahan dengan skema plugin, tabel riwayat tahap dan "
            "partisipasi program, tabel rujukan (sektor, tahap, jenis layanan, program) dan "
            "tabel versi skema. Berkas yang sudah ada dan bukan milik plugin "
            "tidak akan diubah."
        ),
        "en": (
            "Creates a new GeoPackage with the plugin's enterprise, service, regency, district "
            "and village layers, the stage-history and programme-participation tables, lookup "
            "tables (sectors, stages, service types, programmes) and a schema version table. "
            "An existing file that is not the plugin's own is never changed."
        ),
    }
    OUTPUT = "OUTPUT"
    LOAD = "LOAD"
    LAYERS = "LAYERS"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("GeoPackage"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.LOAD, self.tr("Add the layers to the project"), defaultValue=True
            )
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.LAYERS, self.tr("Layers")))

    def processAlgorithm(
        self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".gpkg":
            path = path.with_suffix(".gpkg")
        try:
            uris = create_database(path, feedback=feedback)
        except DatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(self.tr("Created {path} (schema version {version})").format(
            path=path, version=schema.SCHEMA_VERSION))
        if self.parameterAsBoolean(parameters, self.LOAD, context):
            for role, uri in uris.items():
                details = QgsProcessingContext.LayerDetails(
                    LAYER_TITLES[role], context.project(), role
                )
                context.addLayerToLoadOnCompletion(uri, details)
        return {self.OUTPUT: str(path), self.LAYERS: list(uris.values())}
