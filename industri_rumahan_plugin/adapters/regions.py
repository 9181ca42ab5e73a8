"""Region codes of a point from the boundary layers (desa, kecamatan, kabupaten).

The boundary layers of the project are recognised by their fields (``schema.layer_role``).
A point is located by a rectangle request plus an exact point-in-polygon test per layer; a
point outside every boundary is reported so the form can warn (islets and coasts are often
missing from boundary files), never silently coded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from industri_rumahan_plugin.compat import FeatureRequest
from industri_rumahan_plugin.core import schema

#: boundary role -> enterprise field it fills
CODE_FIELDS = {"villages": "kode_desa", "districts": "kode_kecamatan",
               "regencies": "kode_kabupaten"}


@dataclass
class Location:
    codes: dict[str, str] = field(default_factory=dict)  # enterprise field -> code
    names: dict[str, str] = field(default_factory=dict)  # enterprise field -> region name

    @property
    def inside(self) -> bool:
        return bool(self.codes)


def boundary_layers(project: QgsProject | None = None) -> dict[str, QgsVectorLayer]:
    """The project's boundary layers by role (first of each role in layer order)."""
    project = project or QgsProject.instance()
    found: dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
            continue
        role = schema.layer_role(layer.fields().names(),
                                 QgsWkbTypes.displayString(layer.wkbType()))
        if role in CODE_FIELDS and role not in found:
            found[role] = layer
    return found


class RegionLocator:
    """Point -> region codes, and village code -> centroid, for one set of boundary layers."""

    def __init__(self, layers: dict[str, QgsVectorLayer], project: QgsProject | None = None):
        self.layers = layers
        self.project = project or QgsProject.instance()
        self._names: dict[str, dict[str, str]] = {}

    @classmethod
    def from_project(cls, project: QgsProject | None = None) -> RegionLocator:
        return cls(boundary_layers(project), project)

    def _transform(self, src: QgsCoordinateReferenceSystem,
                   dst: QgsCoordinateReferenceSystem) -> QgsCoordinateTransform:
        return QgsCoordinateTransform(src, dst, self.project.transformContext())

    def locate(self, point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> Location:
        """Codes and names of the regions containing ``point`` (given in ``crs``)."""
        location = Location()
        parents: dict = {}
        for role, layer in self.layers.items():
            if layer is None or not layer.isValid():
                continue
            pt = self._transform(crs, layer.crs()).transform(point)
            geom = QgsGeometry.fromPointXY(pt)
            request = QgsFeatureRequest().setFilterRect(QgsRectangle(pt.x(), pt.y(),
                                                                     pt.x(), pt.y()))
            for feature in layer.getFeatures(request):
                if feature.geometry().contains(geom):
                    target = CODE_FIELDS[role]
                    location.codes[target] = str(feature["kode"])
                    location.names[target] = str(feature["nama"])
                    if role == "villages":
                        parents = {"kode_kecamatan": feature["kec_kode"],
                                   "kode_kabupaten": feature["kab_kode"]}
                    break
        # boundary files of different sources leave gaps: take the village's own parents
        for target, role in (("kode_kecamatan", "districts"), ("kode_kabupaten", "regencies")):
            code = parents.get(target)
            if target not in location.codes and code:
                location.codes[target] = str(code)
                location.names[target] = self.region_names(role).get(str(code), str(code))
        return location

    def village_centroid(self, code: str,
                         crs: QgsCoordinateReferenceSystem) -> QgsPointXY | None:
        """A point inside the village with this code (its centroid, or a point on its
        surface when the centroid falls outside), in ``crs``."""
        layer = self.layers.get("villages")
        if layer is None or not code:
            return None
        escaped = code.replace("'", "''")
        request = QgsFeatureRequest().setFilterExpression(f"\"kode\" = '{escaped}'")
        request.setLimit(1)
        for feature in layer.getFeatures(request):
            geom = feature.geometry()
            centre = geom.centroid()
            if not geom.contains(centre):
                centre = geom.pointOnSurface()
            return self._transform(layer.crs(), crs).transform(centre.asPoint())
        return None

    def village_names(self) -> dict[str, str]:
        """``{kode: nama}`` of every village (for searching the list by village)."""
        layer = self.layers.get("villages")
        if layer is None:
            return {}
        request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes(["kode", "nama"], layer.fields())
        return {str(f["kode"]): str(f["nama"]) for f in layer.getFeatures(request)}

    def region_names(self, role: str) -> dict[str, str]:
        if role in self._names:
            return self._names[role]
        layer = self.layers.get(role)
        if layer is None:
            return {}
        request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes(["kode", "nama"], layer.fields())
        self._names[role] = {str(f["kode"]): str(f["nama"]) for f in layer.getFeatures(request)}
        return self._names[role]

    def district_regencies(self) -> dict[str, str]:
        """``{district kode: regency kode}`` from the districts' ``kab_kode`` (filter narrowing)."""
        layer = self.layers.get("districts")
        if layer is None or layer.fields().indexOf("kab_kode") < 0:
            return {}
        request = QgsFeatureRequest().setFlags(FeatureRequest.NO_GEOMETRY)
        request.setSubsetOfAttributes(["kode", "kab_kode"], layer.fields())
        return {str(f["kode"]): str(f["kab_kode"]) for f in layer.getFeatures(request)}
