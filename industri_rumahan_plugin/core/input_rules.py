"""Pure rules for analysis inputs: coordinates against a declared geographic CRS, and which
fields may become categories (one output column per value). No numpy, no Qt, no QGIS: every
algorithm's preparation asks these, including those that need no analysis library.
"""

from __future__ import annotations

import math

from industri_rumahan_plugin.core import schema

#: A little slack around ±180/±90 for points digitised on the antimeridian or a pole.
_LON_LIMIT = 180.0 + 1e-6
_LAT_LIMIT = 90.0 + 1e-6


def coordinates_fit_geographic(xmin: float, ymin: float, xmax: float, ymax: float) -> bool:
    """False when an extent cannot be degrees (metres of a projected CRS declared EPSG:4326)."""
    values = (xmin, ymin, xmax, ymax)
    if not all(math.isfinite(v) for v in values):
        return True  # an empty layer has no extent to judge
    return (abs(xmin) <= _LON_LIMIT and abs(xmax) <= _LON_LIMIT
            and abs(ymin) <= _LAT_LIMIT and abs(ymax) <= _LAT_LIMIT)


def fields_by_name() -> dict[str, schema.Field]:
    """Enterprise and service fields of the schema by name."""
    out: dict[str, schema.Field] = {}
    for f in (*schema.SERVICE_FIELDS, *schema.ENTERPRISE_FIELDS):
        out[f.name] = f
    return out


def catalogue_fields() -> list[str]:
    """Fields whose values come from a catalogue: the only ones fit to be categories.

    Any other field (``uid``, ``nik``, ``nama_pemilik``) as a category makes one output column
    per distinct value: owners' names as column names, or a million columns.
    """
    return [name for name, f in fields_by_name().items() if f.catalogue and not f.personal]


def category_field_allowed(name: str) -> bool:
    return name in catalogue_fields()


