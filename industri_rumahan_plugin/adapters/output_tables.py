"""Database tables as outputs: never replace a table the plugin did not write.

QGIS writes a Processing output to a PostGIS destination by dropping and re-creating the
table: given ``ir.layanan`` as the output of ``densitybyregion``, the office's services would
be gone (``ir.usaha`` survives only because views depend on it). A table is therefore
written only when it does not exist yet or is an earlier output of this plugin; the tables
of the schema never. The plugin's tables are recorded in the profile, like its files.
"""

from __future__ import annotations

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import errors, profile_json
from industri_rumahan_plugin.core import schema

PREFIXES = {"postgis:": "postgres", "postgres:": "postgres"}
REGISTER = "tables.json"


def table_of(dest: str) -> tuple[str, QgsDataSourceUri] | None:
    """(provider, uri) of a database destination string, or None for files and memory."""
    for prefix, provider in PREFIXES.items():
        if dest.startswith(prefix):
            uri = QgsDataSourceUri(dest[len(prefix):])
            return (provider, uri) if uri.table() else None
    return None


def key(uri: QgsDataSourceUri) -> str:
    """The table, as one string: host, port, database, schema and name."""
    return (f"{uri.host() or 'local'}:{uri.port() or '5432'}/{uri.database()}/"
            f"{uri.schema() or 'public'}.{uri.table()}")


def exists(provider: str, uri: QgsDataSourceUri) -> bool | None:
    """Whether the table exists (None when the database cannot be asked: QGIS will say)."""
    try:
        metadata = QgsProviderRegistry.instance().providerMetadata(provider)
        connection = metadata.createConnection(uri.uri(False), {})
        return bool(connection.tableExists(uri.schema() or "public", uri.table()))
    except Exception:
        return None


def check_table(alg, name: str, dest: str) -> None:
    """Refuse output ``name`` at ``dest`` when it would replace a table not written by us."""
    found = table_of(dest)
    if found is None:
        return
    provider, uri = found
    ours = schema_table(uri.table())
    if not ours and exists(provider, uri) is not True:
        return
    if not ours and key(uri) in _load():
        return
    raise errors.parameter_error(alg, name, toolbelt.tr(
        "the table {table} already exists in the database and was not written by this "
        "plugin; QGIS would drop it with all its rows. Choose a new table name.").format(
        table=f"{uri.schema() or 'public'}.{uri.table()}"))


def schema_table(table: str) -> bool:
    """A table name of the plugin's schema (enterprises, services, boundaries, history...)."""
    return table in {spec[0] for spec in (*schema.LAYERS.values(), *schema.TABLES.values())}


def mark(dest: str) -> None:
    """Record a table the plugin has just written, so that a later run may replace it."""
    found = table_of(dest)
    if found is None:
        return
    with profile_json.LOCK:
        registry = _load()
        registry[key(found[1])] = True
        profile_json.save(REGISTER, registry)  # else a later run refuses: nothing is lost


def _load() -> dict[str, bool]:
    return profile_json.load(REGISTER)
