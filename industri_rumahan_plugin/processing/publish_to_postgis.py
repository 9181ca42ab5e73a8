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
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel

KEYS = {"enterprises": ("uid",), "services": ("uid",), "regencies": ("kode",),
        "districts": ("kode",), "villages": ("kode",),
        # history rows have no key of their own: a row is present when all its values are
        **{role: tuple(schema.field_names(specs))
           for role, (_t, _g, specs) in schema.TABLES.items()}}


class PublishToPostgis(IndustriRumahanAlgorithm):
    ALG_ID = "publishtopostgis"
    GROUP = "data"
    TITLE = "Publish a GeoPackage to the shared PostGIS database"
    HELP = {
        "id": (
            "Menyalin usaha, layanan, wilayah, riwayat tahap dan partisipasi program dari "
            "GeoPackage plugin ke basis data PostGIS bersama (buat dulu dengan "
            "createshareddatabase). Nilai dan geometri disalin apa adanya; baris yang sudah ada "
            "(uid atau kode sama; untuk riwayat: semua nilai sama) dilewati, jadi menerbitkan "
            "dua kali tidak menggandakan. Setiap tabel ditulis dalam satu transaksi."
        ),
        "en": (
            "Copies enterprises, services, regions, stage history and programme participation "
            "from a plugin GeoPackage into the shared PostGIS database (create it first with "
            "createshareddatabase). Values and geometries are copied unchanged; rows already "
            "there (same uid or code; history rows: all values equal) are skipped, so "
            "publishing twice duplicates nothing. Each table is written in one transaction."
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
        self.require(status == "ok", self.INPUT, message)
        schema_name = self.parameterAsString(parameters, self.SCHEMA, context).strip() or "ir"
        try:
            conn = connection(self.parameterAsConnectionName(parameters, self.DATABASE, context))
        except SharedDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        sources = recognised_layers(path)
        copied = skipped = 0
        tables = {**schema.LAYERS, **schema.TABLES}
        for step, (role, (table, geometry, specs)) in enumerate(tables.items()):
            source = sources.get(role)
            if source is None:
                continue
            target = table_layer(conn, schema_name, table, geometry != "None")
            self.require(target.isValid(), self.DATABASE, self.tr(
                "Table {schema}.{table} not found: run createshareddatabase first.").format(
                    schema=schema_name, table=table))
            n_new, n_old = self._copy(source, target, specs, KEYS[role])
            copied += n_new
            skipped += n_old
            feedback.pushInfo(self.tr("{table}: {new} copied, {old} already present").format(
                table=table, new=n_new, old=n_old))
            feedback.setProgress(100 * (step + 1) / len(tables))
            check_cancel(feedback)
        return {"COPIED": copied, "SKIPPED": skipped}

    def _copy(self, source, target, specs, key: tuple[str, ...]) -> tuple[int, int]:
        request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes([target.fields().indexOf(k) for k in key])
        present = {_key(f, key) for f in target.getFeatures(request)}
        names = [s.name for s in specs if source.fields().indexOf(s.name) >= 0]
        src_index = [source.fields().indexOf(n) for n in names]
        dst_index = [target.fields().indexOf(n) for n in names]
        features, old = [], 0
        for feature in source.getFeatures():
            if _key(feature, key) in present:
                old += 1
                continue
            out = QgsFeature(target.fields())
            attrs = feature.attributes()
            for s, d in zip(src_index, dst_index):
                out.setAttribute(d, attrs[s])
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            features.append(out)
        if features:
            provider = target.dataProvider()
            provider.clearErrors()
            ok, _ = provider.addFeatures(features)
            if not ok:
                raise self.input_error(self.DATABASE, self.tr(
                    "the database refused the rows of {table}; nothing of it was copied: "
                    "{error}").format(table=target.name(), error="; ".join(provider.errors())))
        return len(features), old


def _key(feature: QgsFeature, names: tuple[str, ...]) -> tuple:
    """Comparable values of a feature's key fields, whatever provider they come from."""
    out = []
    for name in names:
        value = feature[name]
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            out.append(None)
        elif hasattr(value, "toString") and hasattr(value, "date"):  # QDateTime
            out.append(value.toString("yyyy-MM-dd HH:mm:ss.zzz"))
        else:
            out.append(str(value))
    return tuple(out)
