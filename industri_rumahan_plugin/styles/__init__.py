"""Map styles built from the catalogues: enterprises by stage/sector, regions by indicator.

``enterprise_styles`` and ``region_styles`` build renderers; ``apply`` puts them on layers;
``postprocess`` attaches them to Processing outputs; ``preview`` renders them to images.
"""

from __future__ import annotations

#: Enterprise (point) styles, in menu order.
ENTERPRISE_STYLES: tuple[str, ...] = ("stage", "sector", "stage_sector")
#: Region (polygon) styles for the density and service-gap outputs.
REGION_STYLES: tuple[str, ...] = ("density", "location_quotient", "gap_share", "accessibility")
#: Every style name, in the order of the Processing enum (``industrirumahan:applystyle``).
STYLES: tuple[str, ...] = ENTERPRISE_STYLES + REGION_STYLES

#: Style titles for menus and the Processing enum (English source, through ``toolbelt.tr``).
STYLE_TITLES: dict[str, str] = {
    "stage": "Enterprises by stage",
    "sector": "Enterprises by sector",
    "stage_sector": "Enterprises by stage and sector",
    "density": "Regions: enterprise density",
    "location_quotient": "Regions: location quotient (specialisation)",
    "gap_share": "Regions: share of enterprises without service",
    "accessibility": "Regions: accessibility index",
}
