"""``industrirumahan:createshareddatabase``: the plugin's schema in PostgreSQL + PostGIS."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from industri_rumahan_plugin.adapters.postgis import ddl
from industri_rumahan_plugin.adapters.postgis.connection import (
    SharedDatabaseError,
    connection,
    execute,
)
from industri_rumahan_plugin.core import schema
from industri_rumahan_plugin.processing.base import IndustriRumahanAlgorithm, check_cancel


class CreateSharedDatabase(IndustriRumahanAlgorithm):
    ALG_ID = "createshareddatabase"
    GROUP = "data"
    TITLE = "Create or upgrade the shared PostGIS database"
    HELP = {
        "id": (
            "Membuat (atau meningkatkan tanpa kehilangan data) skema plugin di PostgreSQL + "
            "PostGIS: tabel usaha, layanan dan wilayah, tabel rujukan, indeks dan versi skema. "
            "Dengan peran dan keamanan baris: peran ir_provinsi (semua), ir_kabupaten dan satu "
            "peran ir_kab_XXXX per kabupaten (hanya usaha kabupatennya), ir_pembaca (hanya "
            "ringkasan per kabupaten dan tampilan usaha_publik: usaha yang pemiliknya setuju "
            "dipublikasikan, di titik desa kecuali lokasi persis disetujui), dengan row-level "
            "security. Tambahkan pengguna ke peran ini."
        ),
        "en": (
            "Creates (or upgrades without loss) the plugin's schema in PostgreSQL + PostGIS: "
            "enterprise, service and region tables, lookup tables, indexes and schema version. "
            "With roles and row-level security: ir_provinsi (everything), ir_kabupaten and one "
            "ir_kab_XXXX per regency (only that regency's enterprises), ir_pembaca (only the "
            "per-regency summary and the view usaha_publik: enterprises whose owner consented "
            "to publication, at the village point unless the exact one was agreed), enforced by "
            "row-level security. Grant these roles to your users."
        ),
    }
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    SECURITY = "SECURITY"
    REGENCIES = "REGENCIES"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.DATABASE, self.tr("PostgreSQL connection"), "postgres"))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("Schema"), defaultValue="ir"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SECURITY, self.tr("Create roles and row-level security"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.REGENCIES, self.tr("Regency codes for per-regency roles (comma separated)"),
            defaultValue="19.01,19.02,19.03,19.04,19.05,19.06,19.71", optional=True))
        self.addOutput(QgsProcessingOutputNumber("VERSION", self.tr("Schema version")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        name = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        schema_name = self.parameterAsString(parameters, self.SCHEMA, context).strip() or "ir"
        codes = [c.strip() for c in self.parameterAsString(parameters, self.REGENCIES, context)
                 .split(",") if c.strip()]
        try:
            sql = ddl.schema_sql(schema_name)
        except ValueError as error:
            raise self.input_error(self.SCHEMA, self.tr("not a valid schema name: {name}").format(
                name=schema_name)) from error
        if self.parameterAsBoolean(parameters, self.SECURITY, context):
            try:
                sql += "\n" + ddl.security_sql(schema_name, codes)
            except ValueError as error:
                raise self.input_error(self.REGENCIES, str(error)) from error
        check_cancel(feedback)
        try:
            conn = connection(name)
            before = execute(conn, _VERSION_SQL.format(s=schema_name))
            execute(conn, sql)
        except SharedDatabaseError as error:
            raise QgsProcessingException(str(error)) from error
        found = before[0][0] if before and before[0] and before[0][0] is not None else None
        if found is None:
            feedback.pushInfo(self.tr("Created schema {schema} (version {v}).").format(
                schema=schema_name, v=schema.SCHEMA_VERSION))
        else:
            feedback.pushInfo(self.tr("Schema {schema} upgraded from version {old} to {v}; "
                                      "existing rows kept.").format(
                schema=schema_name, old=found, v=schema.SCHEMA_VERSION))
        feedback.setProgress(100)
        return {"VERSION": schema.SCHEMA_VERSION}


_VERSION_SQL = (
    "SELECT CASE WHEN to_regclass('{s}.schema_version') IS NULL THEN NULL ELSE "
    "(xpath('/row/v/text()', query_to_xml('SELECT max(versi) AS v FROM {s}.schema_version', "
    "false, false, '')))[1]::text END"
)
