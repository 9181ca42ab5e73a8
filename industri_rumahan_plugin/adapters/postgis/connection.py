"""Run the plugin's SQL and open its tables through a QGIS PostgreSQL connection."""

from __future__ import annotations

from qgis.core import (
    QgsDataSourceUri,
    QgsException,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from industri_rumahan_plugin import toolbelt


class SharedDatabaseError(Exception):
    """The database refused something; the message is for the user."""


def connection(name: str):
    """The saved QGIS PostgreSQL connection called ``name``."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        conn = metadata.findConnection(name)
    except QgsProviderConnectionException:
        conn = None
    if conn is None:
        raise SharedDatabaseError(
            toolbelt.tr("No PostgreSQL connection named {name} in QGIS.").format(name=name))
    return conn


def execute(conn, sql: str) -> list:
    """One round trip (a multi-statement string runs as one implicit transaction)."""
    try:
        return conn.executeSql(sql)
    except (QgsProviderConnectionException, QgsException) as error:
        raise SharedDatabaseError(
            toolbelt.tr("The database refused the change: {error}").format(error=error)
        ) from error


def table_layer(conn, schema_name: str, table: str, geometry: bool = True) -> QgsVectorLayer:
    uri = QgsDataSourceUri(conn.uri())
    uri.setDataSource(schema_name, table, "geom" if geometry else None, "", "fid")
    return QgsVectorLayer(uri.uri(False), table, "postgres")
