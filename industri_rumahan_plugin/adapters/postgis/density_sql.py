"""``densitybyregion``'s point assignment and counting pushed into PostGIS (one query).

When the enterprises and the regions are tables of the same PostgreSQL database, the
database assigns each point with exactly the rule of ``core.density.assign_points``:

* candidates: the regions whose closed polygon holds the point (``ST_Covers``), among the
  regions the algorithm read (the region layer's subset string applies);
* one candidate: that region; several: the one whose boundary is farthest from the point
  (``ST_Distance`` to ``ST_Boundary``, in the regions' CRS, like the in-process code, which
  reprojects the points to the regions' CRS), ties to the region read first by QGIS;
* no candidate, or no location: outside.

and returns one row per (region, category values, flag values) with its count: a few hundred
rows instead of every point, and never a personal field. Those rows are expanded with
``numpy.repeat`` into the very arrays the in-process path hands to ``core.density
.density_table`` (region per point, attribute columns), so the areas, densities, LQs, ranks and
outputs downstream are the same code. Anything this module cannot reproduce exactly (other
providers, two databases, a selection, an untranslatable filter, invalid regions, multi-point
layers...) returns None with the reason, and the caller reads the points in QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import (
    QgsDataSourceUri,
    QgsException,
    QgsFeedback,
    QgsProcessingFeedback,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from industri_rumahan_plugin import toolbelt
from industri_rumahan_plugin.adapters import gateway
from industri_rumahan_plugin.adapters.point_arrays import PointArrays
from industri_rumahan_plugin.adapters.postgis.expression_sql import quote_ident, to_sql
from industri_rumahan_plugin.adapters.region_stats import Regions, to_plain
from industri_rumahan_plugin.compat import GeometryType, WkbType, field_kind
from industri_rumahan_plugin.core import density, schema


@dataclass
class Pushed:
    """The in-process kernel's inputs, rebuilt from the database's grouped counts.

    ``points.xy`` is NaN for points without a location and 0 otherwise (coordinates never
    leave the database); ``points.fids`` holds the primary key of points counted outside
    (when asked for) and -1 for the others.
    """

    points: PointArrays
    assignment: density.Assignment
    groups: int  # rows the database returned


class NotPushedError(Exception):
    """Why the aggregation stays in QGIS (a translated message for the log)."""


def database_of(layer: QgsVectorLayer | None) -> tuple | None:
    """(service, host, port, database, user, authcfg) of a PostgreSQL layer, else None."""
    if layer is None or layer.providerType() != "postgres":
        return None
    uri = QgsDataSourceUri(layer.source())
    return (uri.service(), uri.host(), uri.port() or "5432", uri.database(), uri.username(),
            uri.authConfigId())


def same_database(points: QgsVectorLayer | None, regions: QgsVectorLayer | None) -> bool:
    """Both layers are PostgreSQL tables reached through the same connection."""
    a, b = database_of(points), database_of(regions)
    return a is not None and a == b


def _table(uri: QgsDataSourceUri) -> str:
    if not uri.table() or uri.table().startswith("("):
        raise NotPushedError(toolbelt.tr("the layer is an SQL query, not a table"))
    return f"{quote_ident(uri.schema() or 'public')}.{quote_ident(uri.table())}"


def _key(uri: QgsDataSourceUri, layer: QgsVectorLayer) -> str:
    key = uri.keyColumn().strip('"')
    if not key or "," in key or layer.fields().indexOf(key) < 0:
        raise NotPushedError(toolbelt.tr("the layer has no single-column primary key"))
    return key


def build_sql(
    points: QgsVectorLayer,
    regions_layer: QgsVectorLayer,
    region_keys: list,
    fields: list[str],
    where: str,
    want_outside_keys: bool,
) -> str:
    """The grouped query: columns rk, value columns..., missing, shared, edge, pk, n."""
    puri, ruri = QgsDataSourceUri(points.source()), QgsDataSourceUri(regions_layer.source())
    pkey, rkey = _key(puri, points), _key(ruri, regions_layer)
    pgeom, rgeom = quote_ident(puri.geometryColumn()), quote_ident(ruri.geometryColumn())
    srid = regions_layer.crs().postgisSrid()
    g = f"p.{pgeom}"
    if points.crs().postgisSrid() != srid:
        g = f"ST_Transform(p.{pgeom}, {int(srid)})"
    keys = "ARRAY[" + ", ".join(_sql_value(k) for k in region_keys) + "]::text[]"
    values = "".join(f", p.{quote_ident(f)} AS v{i}" for i, f in enumerate(fields))
    region_where = f" AND ({regions_layer.subsetString()})" if regions_layer.subsetString() \
        else ""
    outside_key = "CASE WHEN a.rk IS NULL THEN pts.pk END" if want_outside_keys else "NULL"
    vcols = "".join(f", pts.v{i}" for i in range(len(fields)))
    groups = ", ".join(str(i) for i in range(1, len(fields) + 6))
    return f"""
WITH pts AS (
  SELECT {g} AS g, p.{quote_ident(pkey)} AS pk{values}
  FROM {_table(puri)} p WHERE {where or 'true'}
)
SELECT a.rk{vcols}, (pts.g IS NULL OR ST_IsEmpty(pts.g)) AS missing,
       COALESCE(a.n > 1, false) AS shared, COALESCE(a.depth = 0, false) AS edge,
       {outside_key} AS outside_pk, count(*) AS n
FROM pts LEFT JOIN LATERAL (
  SELECT c.rk, c.n,
         CASE WHEN c.n > 1 THEN ST_Distance(pts.g, ST_Boundary(c.geom)) END AS depth,
         CASE WHEN c.n > 1 THEN array_position({keys}, c.rk::text) END AS pos
  FROM (SELECT r.{quote_ident(rkey)} AS rk, r.{rgeom} AS geom, count(*) OVER () AS n
        FROM {_table(ruri)} r
        WHERE ST_Covers(r.{rgeom}, pts.g){region_where}) c
  ORDER BY depth DESC NULLS LAST, pos LIMIT 1
) a ON true
GROUP BY {groups}"""


def _sql_value(value) -> str:
    if isinstance(value, bool) or value is None:
        raise NotPushedError(toolbelt.tr("the layer has no single-column primary key"))
    return "'" + str(value).replace("'", "''") + "'"


def check(
    points: QgsVectorLayer | None,
    parameter_value,
    regions_layer: QgsVectorLayer | None,
    region_value,
    regions: Regions,
    fields: list[str],
    expression: str,
) -> str:
    """The SQL ``WHERE`` of the points (subset string and filter); raises NotPushedError."""
    for layer, value in ((points, parameter_value), (regions_layer, region_value)):
        decision = gateway.decide(layer, value, subset_ok=True, providers=("postgres",))
        if not decision.fast:
            raise NotPushedError(decision.reason)
    if QgsWkbTypes.flatType(points.wkbType()) != WkbType.POINT:
        raise NotPushedError(toolbelt.tr("the enterprises are not single points"))
    if QgsWkbTypes.geometryType(regions_layer.wkbType()) != GeometryType.POLYGON or \
            QgsWkbTypes.isCurvedType(regions_layer.wkbType()):
        raise NotPushedError(toolbelt.tr("the regions are not plain polygons"))
    if regions.invalid.any():
        raise NotPushedError(toolbelt.tr("a region geometry is invalid (repaired in QGIS)"))
    if not points.crs().postgisSrid() or not regions_layer.crs().postgisSrid():
        raise NotPushedError(toolbelt.tr("a layer's CRS has no PostGIS SRID"))
    personal = set(schema.personal_fields())
    if any(f in personal or points.fields().indexOf(f) < 0 for f in fields):
        raise NotPushedError(toolbelt.tr("a category field is personal data"))
    where = [f"({points.subsetString()})"] if points.subsetString() else []
    if expression:
        translated = to_sql(expression, points.fields())
        if translated is None:
            raise NotPushedError(toolbelt.tr("the filter expression has no exact SQL translation"))
        where.append(translated)
    return " AND ".join(where)


def pushdown(
    points: QgsVectorLayer | None,
    parameter_value,
    regions_layer: QgsVectorLayer | None,
    region_value,
    regions: Regions,
    fields: list[str],
    expression: str = "",
    want_outside_keys: bool = False,
    feedback: QgsFeedback | None = None,
) -> Pushed:
    """Assign and count in the database; raises NotPushedError (with the reason) when it cannot."""
    if not same_database(points, regions_layer):
        raise NotPushedError(toolbelt.tr("the enterprises and the regions are not tables of the "
                                    "same PostGIS database"))
    where = check(points, parameter_value, regions_layer, region_value, regions, fields,
                  expression)
    rkey = _key(QgsDataSourceUri(regions_layer.source()), regions_layer)
    pkey = _key(QgsDataSourceUri(points.source()), points)
    if want_outside_keys and field_kind(points.fields().field(pkey)) not in (
            "int", "int64"):
        raise NotPushedError(toolbelt.tr("the enterprises' primary key is not an integer"))
    index = regions_layer.fields().indexOf(rkey)
    region_keys = [to_plain(f.attributes()[index]) for f in regions.features]
    sql = build_sql(points, regions_layer, region_keys, fields, where, want_outside_keys)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri(points.source())
    try:
        conn = metadata.createConnection(uri.connectionInfo(True), {})
        total = conn.executeSql(
            f"SELECT count(*) FROM {_table(QgsDataSourceUri(regions_layer.source()))}"
            + (f" WHERE {regions_layer.subsetString()}" if regions_layer.subsetString()
               else ""), feedback)
        if int(total[0][0]) != len(regions):
            raise NotPushedError(toolbelt.tr("the regions changed while they were read"))
        rows = conn.executeSql(sql, feedback)
    except (QgsProviderConnectionException, QgsException) as error:
        raise NotPushedError(toolbelt.tr("the database refused the query: {error}").format(
            error=error)) from error
    return expand(rows, region_keys, fields)


def expand(rows: list, region_keys: list, fields: list[str]) -> Pushed:
    """Grouped rows -> per-point arrays (np.repeat), region indices in the read order."""
    k = len(fields)
    plain = [[to_plain(v) for v in row] for row in rows]
    position = {key: i for i, key in enumerate(region_keys)}
    n = np.asarray([int(r[k + 5]) for r in plain], dtype=np.int64)
    try:
        region = np.asarray([density.OUTSIDE if r[0] is None else position[r[0]]
                             for r in plain], dtype=np.int64)
    except KeyError as error:
        raise NotPushedError(toolbelt.tr("the regions changed while they were read")) from error
    flag = np.asarray([[bool(v) for v in r[k + 1:k + 4]] for r in plain],
                      dtype=bool).reshape(-1, 3)
    missing, shared, edge = flag[:, 0], flag[:, 1], flag[:, 2]
    outside_key = np.asarray([-1 if r[k + 4] is None else int(r[k + 4]) for r in plain],
                             dtype=np.int64)
    columns = {f: np.asarray([r[1 + i] for r in plain], dtype=object)
               for i, f in enumerate(fields)}
    frame = pd.DataFrame({f: np.repeat(v, n) for f, v in columns.items()}, columns=fields)
    xy = np.zeros((int(n.sum()), 2))
    xy[np.repeat(missing, n)] = np.nan
    points = PointArrays(xy, frame, np.repeat(outside_key, n))
    assignment = density.Assignment(np.repeat(region, n), shared=int(n[shared].sum()),
                                    on_boundary=int(n[shared & edge].sum()))
    return Pushed(points, assignment, len(plain))


def try_pushdown(
    points: QgsVectorLayer | None,
    parameter_value,
    regions_layer: QgsVectorLayer | None,
    region_value,
    regions: Regions,
    fields: list[str],
    expression: str,
    want_outside_keys: bool,
    feedback: QgsProcessingFeedback,
) -> Pushed | None:
    """``pushdown`` with the outcome in the log; None (read in QGIS) when it cannot.

    Silent for layers that are not both PostgreSQL; otherwise says why it fell back.
    """
    if database_of(points) is None or database_of(regions_layer) is None:
        return None
    try:
        pushed = pushdown(points, parameter_value, regions_layer, region_value, regions,
                          fields, expression, want_outside_keys, feedback)
    except NotPushedError as reason:
        feedback.pushInfo(toolbelt.tr("Aggregation not pushed down to PostGIS: {reason}.")
                          .format(reason=reason))
        return None
    feedback.pushInfo(toolbelt.tr("Aggregation pushed down to PostGIS."))
    feedback.setProgress(80)
    return pushed
