"""Free programme text (the v1 ``pelatihan_program`` / ``bantuan_program``) -> catalogue codes.

Used by the GeoPackage upgrade (core/history_seed.py), its SQL twin for PostGIS
(adapters/postgis/ddl.py) and the demo history. Plain Python (no numpy/pandas): the PostGIS
DDL is built where pandas may be missing.
"""

from __future__ import annotations

import functools

from industri_rumahan_plugin.core import catalogue

#: The single fields that become programme-register rows, by participation kind.
KINDS = ("pelatihan", "bantuan")
# demo.py's free-text programme names -> catalogue programme codes
PROGRAMME_OF = {
    "Pelatihan DP3A": "ir_kemenpppa", "BLK Kabupaten": "program_daerah",
    "Pelatihan Dekranasda": "dekranasda", "PLUT-KUMKM": "lainnya",
    "Pendampingan halal": "lainnya", "Bantuan alat produksi": "program_daerah",
    "Hibah modal DP3A": "ir_kemenpppa", "KUR": "lainnya", "Bantuan kemasan": "program_daerah",
    "PNM Mekaar": "lainnya",
}


def norm(text: str) -> str:
    """Lower case, '-' and '_' as spaces, spaces collapsed (the SQL twin is in ddl.py)."""
    return " ".join(str(text).lower().replace("-", " ").replace("_", " ").split())


@functools.lru_cache(maxsize=1)
def known_texts() -> dict[str, str]:
    """Normalised programme texts -> catalogue codes (demo names, codes, labels)."""
    known = {norm(text): code for text, code in PROGRAMME_OF.items()}
    for entry in catalogue.PROGRAMMES:
        known[norm(entry.code)] = entry.code
        known[norm(entry.label_id)] = entry.code
        known[norm(entry.label_id.split(" (")[0])] = entry.code
    return known


def programme_code(text: object) -> str:
    """A programme's free text -> its catalogue code, else ``lainnya``."""
    if text is None or (isinstance(text, float) and text != text):
        return "lainnya"
    return known_texts().get(norm(text), "lainnya")
