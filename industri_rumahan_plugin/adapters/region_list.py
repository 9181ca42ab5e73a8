"""The regions of a boundary layer as codes, names and features, in layer order: what the
progression outputs are keyed by (features without a code are left out)."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureSource


def _missing(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


def region_list(source: QgsFeatureSource, code_field: str = "kode", name_field: str = "nama"
                ) -> tuple[list[str], dict[str, str], list[QgsFeature]]:
    """(codes, code -> name (the code when the name is empty or absent), features)."""
    has_name = name_field in source.fields().names()
    codes, names, features = [], {}, []
    for feature in source.getFeatures():
        code = feature[code_field]
        if _missing(code):
            continue
        codes.append(str(code))
        name = feature[name_field] if has_name else None
        names[str(code)] = str(name) if not _missing(name) and name != "" else str(code)
        features.append(QgsFeature(feature))
    return codes, names, features
