"""Match the headers offices use in their spreadsheets to schema fields.

Spreadsheets are typed by hand: "Nama Usaha", "NAMA USAHA ", "Nama_Usaha", "Desa/Kel." all mean
the same. Headers are reduced to a key (lower case, letters and digits only) and looked up in a
synonym table built from the schema aliases plus common variants. Besides schema fields, a
header may map to a *helper* column (village name, coordinates...) named with a leading ``_``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from industri_rumahan_plugin.core import schema

# Helper targets that are not schema fields but feed them (location, codes).
LAT = "_lat"
LON = "_lon"
LATLON = "_latlon"  # one column holding "lat, lon"
VILLAGE_NAME = "_desa"
DISTRICT_NAME = "_kecamatan"
REGENCY_NAME = "_kabupaten"
SURVEY_DATE = "_tanggal_survei"  # the day the row was surveyed (stage history date)
HELPERS = (LAT, LON, LATLON, VILLAGE_NAME, DISTRICT_NAME, REGENCY_NAME, SURVEY_DATE)
IGNORE = ""  # mapping target meaning "do not import this column"

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "uid": ("uid", "id unik", "uuid"),
    "nama_usaha": ("nama usaha", "nama ir", "nama industri rumahan", "usaha", "nama perusahaan",
                   "nama ukm", "nama umkm", "merek", "merk usaha"),
    "sektor": ("jenis usaha", "sektor", "sektor usaha", "bidang usaha", "kategori usaha",
               "jenis industri", "bidang", "kategori"),
    "produk_utama": ("produk", "produk utama", "jenis produk", "hasil produksi", "komoditas"),
    "kbli": ("kbli", "kode kbli"),
    "tahap": ("tahap", "tahapan", "tingkat", "level ir", "kategori ir", "klasifikasi ir",
              "tahap ir", "status ir", "tingkatan"),
    "tahun_mulai": ("tahun mulai", "tahun berdiri", "mulai usaha", "tahun mulai usaha"),
    "jumlah_pekerja": ("jumlah pekerja", "jumlah tenaga kerja", "tenaga kerja", "jml pekerja",
                       "jml tenaga kerja", "pekerja"),
    "pekerja_perempuan": ("pekerja perempuan", "tenaga kerja perempuan", "tk perempuan",
                          "jumlah pekerja perempuan"),
    "modal_rp": ("modal", "modal rp", "modal usaha", "aset"),
    "omzet_bulanan_rp": ("omzet", "omset", "omzet per bulan", "omset per bulan", "omzet bulanan",
                         "omset bulanan", "pendapatan per bulan"),
    "nama_pemilik": ("nama pemilik", "pemilik", "nama pengusaha", "nama pelaku usaha",
                     "pelaku usaha", "nama", "nama lengkap", "penanggung jawab"),
    "nik": ("nik", "no nik", "nomor nik", "nik pemilik", "no ktp", "nomor ktp", "ktp"),
    "jenis_kelamin_pemilik": ("jenis kelamin", "jk", "l p", "jenis kelamin pemilik", "gender",
                              "kelamin"),
    "krtp": ("krtp", "kepala rumah tangga perempuan", "perempuan kepala rumah tangga", "pekka"),
    "telepon": ("no hp", "nomor hp", "hp", "no telp", "no telepon", "telepon", "telp",
                "no wa", "nomor wa", "whatsapp", "kontak", "no hp wa"),
    "alamat": ("alamat", "alamat usaha", "alamat lengkap", "alamat rumah", "jalan"),
    "izin_pirt": ("pirt", "spp irt", "izin pirt", "p irt"),
    "izin_nib": ("nib", "izin nib", "punya nib"),
    "izin_halal": ("halal", "sertifikat halal", "izin halal"),
    "izin_bpom": ("bpom", "izin bpom", "izin edar bpom"),
    "pemasaran": ("pemasaran", "jangkauan pemasaran", "wilayah pemasaran", "daerah pemasaran"),
    "pemasaran_online": ("pemasaran online", "online", "jualan online", "penjualan online"),
    "pelatihan": ("pelatihan", "pernah pelatihan", "pernah dilatih", "ikut pelatihan"),
    "pelatihan_program": ("program pelatihan", "nama pelatihan", "jenis pelatihan"),
    "pelatihan_tahun": ("tahun pelatihan",),
    "bantuan": ("bantuan", "pernah menerima bantuan", "penerima bantuan"),
    "bantuan_program": ("program bantuan", "jenis bantuan", "nama bantuan"),
    "bantuan_tahun": ("tahun bantuan",),
    "status_binaan": ("status binaan", "binaan", "status pembinaan"),
    "kode_desa": ("kode desa", "kode kelurahan", "kode desa kelurahan", "kode desa kel",
                  "kode wilayah"),
    "kode_kecamatan": ("kode kecamatan", "kode kec"),
    "kode_kabupaten": ("kode kabupaten", "kode kab", "kode kabupaten kota", "kode kab kota"),
    "catatan": ("catatan", "keterangan", "ket"),
    LAT: ("lat", "latitude", "lintang", "koordinat lat", "y", "koordinat y", "lat y"),
    LON: ("long", "lon", "lng", "longitude", "bujur", "koordinat long", "x", "koordinat x",
          "long x"),
    LATLON: ("lat long", "lat lon", "latlong", "koordinat", "titik koordinat", "lokasi gps",
             "lat lng", "gps", "koordinat gps"),
    VILLAGE_NAME: ("desa", "kelurahan", "desa kelurahan", "desa kel", "kel desa", "nama desa",
                   "kelurahan desa", "desa kelurahan nama"),
    DISTRICT_NAME: ("kecamatan", "kec", "nama kecamatan"),
    SURVEY_DATE: ("tanggal survei", "tanggal survey", "tgl survei", "tanggal pendataan",
                  "tgl pendataan", "tanggal pencacahan", "tanggal pengumpulan data",
                  "waktu survei", "survey date", "tanggal kunjungan"),
    REGENCY_NAME: ("kabupaten", "kabupaten kota", "kab kota", "kota", "kab", "nama kabupaten"),
}


def header_key(header: object) -> str:
    """'Desa/Kel.' -> 'desakel': lower case, letters and digits only (spaces dropped)."""
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


def _synonym_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for target, names in _SYNONYMS.items():
        for name in names:
            index.setdefault(header_key(name), target)
    # Schema names and aliases (both languages): the plugin's own exports read back.
    for spec in schema.ENTERPRISE_FIELDS:
        for name in (spec.name, spec.alias_id, spec.alias_en):
            index.setdefault(header_key(name), spec.name)
    index.setdefault(header_key("Lintang"), LAT)
    index.setdefault(header_key("Bujur"), LON)
    return index


SYNONYMS = _synonym_index()


def match_headers(
    headers: Iterable[object], overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``{header: target}`` for every header recognised; first header wins a target.

    ``overrides`` (header -> field, "" to ignore a column) come from the user's mapping and
    take precedence over automatic matching. Exports of KoBoToolbox and ODK Central are
    matched by their preset (``presets.mapping``).
    """
    from industri_rumahan_plugin.core.importing import presets  # it imports this module

    headers = list(headers)
    # a KoBoToolbox / ODK Central export maps itself; the user's choices still win
    overrides = {**presets.mapping(headers), **dict(overrides or {})}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    taken.update(target for target in overrides.values() if target)
    for header in headers:
        name = str(header)
        if name in overrides:
            if overrides[name]:
                mapping[name] = overrides[name]
            continue
        target = SYNONYMS.get(header_key(name))
        if target and target not in taken:
            mapping[name] = target
            taken.add(target)
    return mapping


def valid_targets() -> list[str]:
    """Every target a header may be mapped to (schema fields then helpers)."""
    return [*schema.field_names(schema.ENTERPRISE_FIELDS), *HELPERS]


def header_score(cells: Iterable[object]) -> int:
    """How many cells of a row look like known headers (to find the header row)."""
    return sum(1 for c in cells if header_key(c) and header_key(c) in SYNONYMS)
