"""``industrirumahan:publishtopostgis``: copy a plugin GeoPackage into the shared database."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.adapters.geopackage import check_database, recognised_layers
from industri_rumahan_plugin.adapters.postgis.connection import (
    SharedDatabaseError,
    connection,
    table_layer,
)
from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel, require

KEYS = {"enterprises": "uid", "services": "uid", "regencies": "kode", "districts": "kode",
        "villages": "kode"}


class PublishToPostgis(IndustriRumahanAlgorithm):
    ALG_ID = "publishtopostgis"
    GROUP = "data"
    TITLE = "Publish a GeoPackage to the shared PostGIS database"
    HELP = {
        "id": (
            "Menyalin usaha, layanan dan wilayah dari GeoPackage plugin ke basis data PostGIS "
            "bersama (buat dulu dengan createshareddatabase). Nilai dan geometri disalin apa "
            "adanya; baris yang sudah ada (uid atau kode sama) dilewati, jadi menerbitkan dua "
            "kali tidak menggandakan. Setiap tabel ditulis dalam satu transaksi."
        ),
        "en": (
            "Copies enterprises, services and regions from a plugin GeoPackage into the shared "
            "PostGIS database (create it first with createshareddatabase). Values and "
            "geometries are copied unchanged; rows already there (same uid or code) are "
            "skipped, so publishing twice duplicates nothing. Each table is written in one "
            "transaction."
        ),
    }
    INPUT = "INPUT"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Plugin GeoPackage"), fileFilter="GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.DATABASE, self.tr("PostgreSQL connection"), "postgres"))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("Schema"), defaultValue="ir"))
        self.addOutput(QgsProcessingOutputNumber("COPIED", self.tr("Rows copied")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", self.tr("Rows already present")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        path = self.parameterAsFile(parameters, self.INPUT, context)
        status, message = check_database(path)
        require(status == "ok", message)
        schema_name = self.parameterAsString(parameters, self.SCHEMA, context).strip() or "ir"
        try:
            conn = connection(self.parameterAsConnectionName(parameters, self.DATABASE, context))
        except SharedDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        sources = recognised_layers(path)
        copied = skipped = 0
        for step, (role, (table, _geometry, specs)) in enumerate(schema.LAYERS.items()):
            source = sources.get(role)
            if source is None:
                continue
            target = table_layer(conn, schema_name, table)
            require(target.isValid(), self.tr(
                "Table {schema}.{table} not found: run createshareddatabase first.").format(
                    schema=schema_name, table=table))
            n_new, n_old = self._copy(source, target, specs, KEYS[role])
            copied += n_new
            skipped += n_old
            feedback.pushInfo(self.tr("{table}: {new} copied, {old} already present").format(
                table=table, new=n_new, old=n_old))
            feedback.setProgress(100 * (step + 1) / len(schema.LAYERS))
            check_cancel(feedback)
        return {"COPIED": copied, "SKIPPED": skipped}

    def _copy(self, source, target, specs, key: str) -> tuple[int, int]:
        key_index = target.fields().indexOf(key)
        request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes([key_index])
        present = {str(f[key]) for f in target.getFeatures(request)}
        names = [s.name for s in specs if source.fields().indexOf(s.name) >= 0]
        src_index = [source.fields().indexOf(n) for n in names]
        dst_index = [target.fields().indexOf(n) for n in names]
        features, old = [], 0
        for feature in source.getFeatures():
            if str(feature[key]) in present:
                old += 1
                continue
            out = QgsFeature(target.fields())
            attrs = feature.attributes()
            for s, d in zip(src_index, dst_index):
                out.setAttribute(d, attrs[s])
            out.setGeometry(feature.geometry())
            features.append(out)
        if features:
            provider = target.dataProvider()
            provider.clearErrors()
            ok, _ = provider.addFeatures(features)
            if not ok:
                raise QgsProcessingException(self.tr(
                    "The database refused the rows of {table}; nothing of it was copied: "
                    "{error}").format(table=target.name(), error="; ".join(provider.errors())))
        return len(features), old
