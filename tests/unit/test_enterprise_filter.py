"""List search, filters, counts and masking (pure core), against hand-counted rows."""

import pandas as pd

from industri_rumahan_plugin.core import enterprise_filter as ef

FRAME = pd.DataFrame({
    "nama_usaha": ["Kerupuk Siti", "Tenun Cual Aminah", "Pewter Budi", None],
    "nama_pemilik": ["Siti Rahman", "Aminah", "Budi", "Sri"],
    "produk_utama": ["Kerupuk ikan", "Kain cual", "Miniatur timah", "Kerupuk udang"],
    "sektor": ["makanan", "tenun_cual", "pewter", "makanan"],
    "tahap": ["pemula", "maju", "berkembang", "pemula"],
    "jenis_kelamin_pemilik": ["P", "P", "L", "P"],
    "krtp": [True, False, False, None],
    "status_binaan": ["dibina", "mandiri", "belum", None],
    "kode_desa": ["19.05.01.2001", "19.05.01.2001", "19.71.04.1005", None],
    "kode_kecamatan": ["19.05.01", "19.05.01", "19.71.04", None],
    "kode_kabupaten": ["19.05", "19.05", "19.71", "19.71"],
    "nik": ["1905014506880001", None, "1971010101800002", ""],
    "telepon": ["081234567890", None, None, None],
})
PREPARED = ef.prepare(FRAME, {"19.05.01.2001": "Sungai Daeng", "19.71.04.1005": "Masjid Jamik"})


def rows(query):
    return list(ef.matches(PREPARED, query).nonzero()[0])


def test_search_all_words_any_field_case_insensitive():
    assert rows(ef.Query("KERUPUK")) == [0, 3]
    assert rows(ef.Query("kain cual")) == [1]
    assert rows(ef.Query("masjid")) == [2]  # by village name
    assert rows(ef.Query("siti kerupuk")) == [0]
    assert rows(ef.Query("nothing")) == []


def test_filters_and_counts():
    query = ef.Query("", {"kabupaten": "19.05", "perempuan": True, "sektor": None})
    mask = ef.matches(PREPARED, query)
    assert list(mask.nonzero()[0]) == [0, 1]
    assert ef.counts(PREPARED, mask) == {"total": 4, "shown": 2, "women": 2, "krtp": 1}
    assert rows(ef.Query("", {"krtp": "false"})) == [1, 2, 3]
    assert rows(ef.Query("", {"status_binaan": "mandiri", "tahap": "maju"})) == [1]


def test_masking_hides_the_middle():
    assert ef.mask_nik("1905014506880001") == "1905••••••••0001"
    assert ef.mask_phone("081234567890") == "0812••••7890"
    assert ef.mask_nik(None) == "" and ef.mask_nik("") == "" and ef.mask_nik("1234") == "••••"
