"""The regions ``generatedemo`` generates into, from any boundary layer the user gives
(pure shapely/pandas): invalid polygons repaired, each region's village centres found."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely

from industri_rumahan_plugin.core.demo import Region


def demo_regions(
    geometries: Sequence,
    attributes: pd.DataFrame,
    code_field: str,
    name_field: str = "",
    population_field: str = "",
    villages: tuple[np.ndarray, list] | None = None,
) -> list[Region]:
    """One ``Region`` per feature with a geometry, in layer order: its code, its name (the
    code without ``name_field``), its population as weight (1 without ``population_field``,
    0 where missing) and the ``villages`` (lon/lat, codes) lying inside it as centres."""
    regions = []
    for i, geom in enumerate(geometries):
        if geom is None:
            continue
        if not shapely.is_valid(geom):
            geom = shapely.make_valid(geom)
        code = str(attributes[code_field].iloc[i])
        centres = codes = None
        if villages is not None:
            vxy, vcodes = villages
            mask = shapely.contains_xy(geom, vxy[:, 0], vxy[:, 1])
            if mask.any():
                centres, codes = vxy[mask], [vcodes[j] for j in np.flatnonzero(mask)]
        pop = attributes[population_field].iloc[i] if population_field else 1.0
        regions.append(Region(
            code=code, name=str(attributes[name_field].iloc[i]) if name_field else code,
            geometry=geom, weight=float(pop) if pop is not None else 0.0,
            centres=centres, centre_codes=codes))
    return regions
