"""QGIS side of the XLSForm export: the region choices from boundary layers, and the workbook
written through GDAL (``adapters/xlsx.py``), as every XLSForm tool reads it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from qgis.core import QgsFeatureSource, QgsProcessingContext, QgsVectorLayer

from industri_rumahan_plugin.adapters import xlsx
from industri_rumahan_plugin.adapters.arrays import read_source
from industri_rumahan_plugin.adapters.geopackage import recognised_layers
from industri_rumahan_plugin.core import xlsform

VILLAGE_FIELDS = ("kode", "nama", "kec_kode", "kab_kode")


def write_xlsform(path: str | Path, sheets: Mapping[str, Sequence[Mapping[str, str]]]) -> Path:
    """survey, choices and settings as worksheets, every cell as text (empty cells blank)."""
    frames = {}
    for name, rows in sheets.items():
        frame = pd.DataFrame(list(rows), columns=xlsform.columns(name, list(rows)), dtype=object)
        frames[name] = frame.where(frame.notna() & frame.ne(""), None)
    return xlsx.write_sheets(path, frames)


def _names(layer: QgsVectorLayer | None) -> dict[str, str]:
    if layer is None:
        return {}
    table = read_source(layer, ["kode", "nama"], target_crs=None).attributes
    return dict(zip(table["kode"].astype(str), table["nama"].astype(str)))


def region_choices(villages: QgsFeatureSource, context: QgsProcessingContext,
                   layer: QgsVectorLayer | None = None) -> dict[str, list[xlsform.Region]]:
    """Regencies, districts and villages (code, name, parent) of the villages given (the
    selected ones when the user chose "selected features only"); the names of districts and
    regencies come from the same GeoPackage's boundary layers, else their codes stand."""
    table = read_source(villages, list(VILLAGE_FIELDS), context=context,
                        target_crs=None).attributes
    table = table.dropna(subset=["kode"]).astype(str).sort_values(["kab_kode", "kec_kode",
                                                                   "nama"])
    found: dict[str, QgsVectorLayer] = {}
    if layer is not None and layer.providerType() == "ogr":
        path = layer.source().split("|")[0]
        if path.lower().endswith(".gpkg"):
            found = recognised_layers(path)
    kab_names, kec_names = _names(found.get("regencies")), _names(found.get("districts"))
    regencies = [xlsform.Region(code, kab_names.get(code, code))
                 for code in dict.fromkeys(table["kab_kode"])]
    districts = [xlsform.Region(kec, kec_names.get(kec, kec), kab) for kec, kab in
                 dict.fromkeys(zip(table["kec_kode"], table["kab_kode"]))]
    desa = [xlsform.Region(code, name, kec) for code, name, kec in
            zip(table["kode"], table["nama"], table["kec_kode"])]
    return {"kabupaten": regencies, "kecamatan": districts, "desa": desa}
