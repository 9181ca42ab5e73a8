"""What the catalogue needs besides the enterprises: region names and the photos' folders.

Region names come from the boundary layers of the enterprises' own GeoPackage (recognised by
their fields), else from the project's boundary layers; a code without a name is printed as
the code. Photos (``foto``) are stored relative to the database's or the project's folder.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject, QgsProviderRegistry, QgsVectorLayer

from industri_rumahan_plugin.adapters.geopackage import recognised_layers
from industri_rumahan_plugin.adapters.regions import CODE_FIELDS, RegionLocator, boundary_layers


def database_file(layer: QgsVectorLayer | None) -> Path | None:
    """The file behind an OGR layer (GeoPackage, Shapefile...), else None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    return Path(path) if path and Path(path).is_file() else None


def region_names(layer: QgsVectorLayer | None, project: QgsProject | None = None
                 ) -> dict[str, dict[str, str]]:
    """``{"villages"|"districts"|"regencies": {code: name}}``; regencies carry their kind
    ("Kabupaten", "Kota") when the name does not already start with it."""
    project = project or QgsProject.instance()
    found: dict[str, QgsVectorLayer] = {}
    path = database_file(layer)
    if path is not None and path.suffix.lower() == ".gpkg":
        found = {role: lyr for role, lyr in recognised_layers(path).items()
                 if role in CODE_FIELDS}
    for role, lyr in boundary_layers(project).items():
        found.setdefault(role, lyr)
    locator = RegionLocator(found, project)
    names = {role: locator.region_names(role) for role in found}
    regencies = found.get("regencies")
    if regencies is not None and regencies.fields().indexOf("jenis") >= 0:
        kinds = {str(f["kode"]): f["jenis"] for f in regencies.getFeatures()}
        for code, name in names.get("regencies", {}).items():
            kind = kinds.get(code)
            kind = str(kind).strip() if kind is not None and str(kind) != "NULL" else ""
            if kind and not name.lower().startswith(kind.lower()):
                names["regencies"][code] = f"{kind} {name}"
    return names


def photo_roots(layer: QgsVectorLayer | None, project: QgsProject | None = None
                ) -> list[Path]:
    """Folders a relative ``foto`` path may start from: the database's, then the project's."""
    project = project or QgsProject.instance()
    roots = []
    path = database_file(layer)
    if path is not None:
        roots.append(path.parent)
    home = project.homePath()
    if home and Path(home) not in roots:
        roots.append(Path(home))
    return roots
