"""Choose a metric CRS for distances in metres whatever the layer's CRS (pure).

A UTM zone when the data fit in about one zone (a kabupaten or a province), otherwise a
Lambert azimuthal equal-area projection centred on the data (the whole country): areas stay
exact and distances are within a few per cent over Indonesia's 5,000 km.
"""

from __future__ import annotations

import math


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 / UTM zone holding (lon, lat)."""
    zone = math.floor((lon + 180.0) / 6.0) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def metric_crs(lon_min: float, lat_min: float, lon_max: float, lat_max: float) -> str:
    """A CRS definition (``EPSG:…`` or a PROJ string) in metres suited to the lon/lat extent."""
    lon_c = (lon_min + lon_max) / 2.0
    lat_c = (lat_min + lat_max) / 2.0
    if lon_max - lon_min <= 6.0 and abs(lat_c) < 80:
        return f"EPSG:{utm_epsg(lon_c, lat_c)}"
    return (
        f"+proj=laea +lat_0={lat_c:.4f} +lon_0={lon_c:.4f} +x_0=0 +y_0=0 "
        "+datum=WGS84 +units=m +no_defs +type=crs"
    )
