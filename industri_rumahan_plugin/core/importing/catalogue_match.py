"""Map the spellings found in spreadsheets to catalogue codes ("IR 1" -> ``pemula``).

Each catalogue gets a lookup built from its codes and labels in both languages, plus the
variants offices write (stage levels, common sector words). Values that still do not match
are tried against keywords ("Kue kering" contains "kue" -> food).
"""

from __future__ import annotations

import re

import pandas as pd

from industri_rumahan_plugin.core import catalogue

_EXTRA: dict[str, dict[str, tuple[str, ...]]] = {
    "tahap": {
        "pemula": ("ir1", "iri", "irpemula", "tahap1", "1", "i", "tingkat1", "awal", "tumbuh"),
        "berkembang": ("ir2", "irii", "irberkembang", "tahap2", "2", "ii", "tingkat2", "madya",
                       "menengah"),
        "maju": ("ir3", "iriii", "irmaju", "tahap3", "3", "iii", "tingkat3", "mandiri"),
    },
    "sektor": {
        "makanan": ("pangan", "kuliner", "olahanmakanan", "makananolahan", "food", "kue",
                    "makananringan", "camilan", "snack"),
        "minuman": ("olahanminuman", "kopi", "jamu", "sirup", "drink"),
        "tenun_cual": ("tenun", "cual", "kaincual", "tenunan"),
        "batik": ("batikcap", "batiktulis"),
        "rajutan": ("rajut", "merajut", "knitting"),
        "anyaman": ("anyam", "kopiahresam", "resam", "rotan", "pandan", "bambu", "tikar"),
        "pewter": ("logam", "timah", "kerajinanlogam", "pewter"),
        "batu_satam": ("satam", "perhiasan", "batusatam", "batuakik", "akik"),
        "konveksi": ("pakaian", "jahit", "menjahit", "penjahit", "garmen", "fashion", "busana",
                     "sablon", "bordir"),
        "aksesoris": ("aksesori", "asesoris", "kerajinantangan", "souvenir", "suvenir"),
        "kerajinan_kayu": ("kayu", "ukiran", "mebel", "meubel", "furnitur"),
        "lainnya": ("lain", "lainlain", "lain2", "jasa", "other"),
    },
    "jenis_kelamin": {
        "P": ("perempuan", "wanita", "pr", "f", "female", "w", "ibu"),
        "L": ("lakilaki", "laki", "pria", "lk", "m", "male", "bapak"),
    },
    "pemasaran": {
        "lokal": ("lokal", "kecamatan", "kabupaten", "desa", "setempat", "dalamkabupaten"),
        "antar_kabupaten": ("antarkabupaten", "antarkota", "provinsi", "regional",
                            "antarkabupatenkota"),
        "nasional": ("nasional", "luarprovinsi", "antarprovinsi", "indonesia"),
        "ekspor": ("ekspor", "export", "luarnegeri", "internasional"),
    },
    "status_binaan": {
        "belum": ("belumdibina", "tidak", "belum"),
        "dibina": ("dibina", "binaan", "sedangdibina", "ya"),
        "mandiri": ("mandiri", "lulus", "selesai"),
    },
}

# Keywords tried inside longer values, in this order (first hit wins).
_KEYWORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "sektor": (
        ("minum", "minuman"), ("kopi", "minuman"), ("sirup", "minuman"), ("jamu", "minuman"),
        ("makan", "makanan"), ("kue", "makanan"), ("kerupuk", "makanan"), ("keripik", "makanan"),
        ("olahan", "makanan"), ("ikan", "makanan"), ("cual", "tenun_cual"),
        ("tenun", "tenun_cual"), ("batik", "batik"), ("rajut", "rajutan"),
        ("anyam", "anyaman"), ("resam", "anyaman"), ("rotan", "anyaman"), ("pewter", "pewter"),
        ("timah", "pewter"), ("logam", "pewter"), ("satam", "batu_satam"),
        ("perhiasan", "batu_satam"), ("jahit", "konveksi"), ("konveksi", "konveksi"),
        ("pakaian", "konveksi"), ("kayu", "kerajinan_kayu"), ("aksesor", "aksesoris"),
    ),
    "tahap": (("pemula", "pemula"), ("berkembang", "berkembang"), ("maju", "maju")),
}


def value_key(value: object) -> str:
    """'IR-1 ' -> 'ir1', 'Laki-laki' -> 'lakilaki'."""
    return re.sub(r"[^a-z0-9]", "", str(value).lower())


def lookup(name: str) -> dict[str, str]:
    """Every accepted spelling (as a key) of catalogue ``name`` -> its code."""
    index: dict[str, str] = {}
    for entry in catalogue.CATALOGUES[name]:
        spellings = [entry.code, entry.label_id, entry.label_en]
        if isinstance(entry, catalogue.Stage):
            spellings.append(entry.level)
        for text in spellings:
            index.setdefault(value_key(text), entry.code)
    for code, extra in _EXTRA.get(name, {}).items():
        for text in extra:
            index.setdefault(value_key(text), code)
    return index


def to_codes(values: pd.Series, name: str) -> tuple[pd.Series, pd.Series]:
    """Catalogue codes for free-typed ``values``; returns (codes, bad) like ``values``."""
    text = values.astype("string").fillna("")
    keys = text.map(value_key, na_action="ignore").fillna("")
    codes = keys.map(lookup(name)).astype(object)
    for word, code in _KEYWORDS.get(name, ()):
        todo = codes.isna() & keys.ne("")
        if not todo.any():
            break
        hit = todo & keys.str.contains(word, regex=False)
        codes[hit] = code
    codes = codes.where(codes.notna(), None)
    bad = codes.isna() & keys.ne("")
    return codes, bad.astype(bool)
