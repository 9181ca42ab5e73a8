"""The enterprise, service and boundary schemas: the one source of truth for field names.

Storage (GeoPackage, PostGIS), attribute forms, validation, demo data and analyses read the
field definitions from here. Types are plain strings so the core stays free of Qt and QGIS;
adapters map them to QGIS field types (industri_rumahan_plugin/compat.py). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 3  # 2: stage history and programme register (issue 14); 3: photo, business
# contact and the owner's consent to publication (field survey and publishing issues)

# Layer (table) names written by ``createdatabase``. The plugin recognises layers by their
# fields (``layer_role``), never by these names, so users may rename layers in a project.
ENTERPRISES = "usaha"
SERVICES = "layanan"
REGENCIES = "kabupaten"
DISTRICTS = "kecamatan"
VILLAGES = "desa"
METADATA_TABLE = "ir_metadata"
# Attribute tables (no geometry) of the history (issue 14), one row per event.
STAGE_HISTORY = "riwayat_tahap"
PROGRAMME_REGISTER = "partisipasi_program"

# Form sections (tabs), in the order the form shows them.
SECTIONS: dict[str, tuple[str, str]] = {
    "usaha": ("Usaha", "Business"),
    "pemilik": ("Pemilik", "Owner"),
    "izin": ("Izin", "Permits"),
    "pemasaran": ("Pemasaran", "Marketing"),
    "pembinaan": ("Pelatihan & bantuan", "Training & aid"),
    "lokasi": ("Lokasi", "Location"),
    "publikasi": ("Foto & publikasi", "Photo & publication"),
    "catatan": ("Catatan", "Record"),
}


@dataclass(frozen=True)
class Field:
    """One attribute: type, constraints and labels in both languages."""

    name: str
    type: str  # "string", "int", "int64", "double", "bool", "datetime"
    alias_id: str
    alias_en: str
    section: str = "usaha"
    length: int = 0
    required: bool = False
    personal: bool = False  # never in reports or aggregate outputs
    catalogue: str | None = None  # key of core.catalogue.CATALOGUES
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""

    def alias(self, lang: str = "id") -> str:
        return self.alias_en if lang == "en" else self.alias_id


F = Field
ENTERPRISE_FIELDS: tuple[Field, ...] = (
    F("uid", "string", "ID unik", "Unique ID", "catatan", 36, required=True),
    F("nama_usaha", "string", "Nama usaha", "Business name", "usaha", 120, required=True),
    F("sektor", "string", "Sektor", "Sector", "usaha", 32, required=True, catalogue="sektor"),
    F("produk_utama", "string", "Produk utama", "Main product", "usaha", 120),
    F("kbli", "string", "KBLI", "KBLI code", "usaha", 5),
    F("tahap", "string", "Tahap", "Stage", "usaha", 16, required=True, catalogue="tahap"),
    F("tahun_mulai", "int", "Tahun mulai", "Year started", "usaha", minimum=1945),
    F("jumlah_pekerja", "int", "Jumlah pekerja", "Workers", "usaha", minimum=0, maximum=99,
      unit="orang"),
    F("pekerja_perempuan", "int", "Pekerja perempuan", "Women workers", "usaha", minimum=0,
      maximum=99, unit="orang"),
    F("modal_rp", "double", "Modal", "Capital", "usaha", minimum=0, maximum=10_000_000_000,
      unit="Rp"),
    F("omzet_bulanan_rp", "double", "Omzet per bulan", "Monthly turnover", "usaha", minimum=0,
      maximum=5_000_000_000, unit="Rp"),
    F("nama_pemilik", "string", "Nama pemilik", "Owner name", "pemilik", 120, required=True,
      personal=True),
    F("nik", "string", "NIK", "National ID (NIK)", "pemilik", 16, personal=True),
    F("jenis_kelamin_pemilik", "string", "Jenis kelamin pemilik", "Owner sex", "pemilik", 1,
      required=True, catalogue="jenis_kelamin"),
    F("krtp", "bool", "Perempuan kepala rumah tangga (KRTP)", "Woman head of household (KRTP)",
      "pemilik"),
    F("telepon", "string", "Telepon", "Phone", "pemilik", 20, personal=True),
    F("alamat", "string", "Alamat", "Address", "pemilik", 200, personal=True),
    F("izin_pirt", "bool", "SPP-IRT (PIRT)", "Home food permit (SPP-IRT)", "izin"),
    F("izin_nib", "bool", "NIB", "Business ID (NIB)", "izin"),
    F("izin_halal", "bool", "Sertifikat halal", "Halal certificate", "izin"),
    F("izin_bpom", "bool", "Izin edar BPOM", "BPOM registration", "izin"),
    F("pemasaran", "string", "Jangkauan pemasaran", "Market reach", "pemasaran", 16,
      catalogue="pemasaran"),
    F("pemasaran_online", "bool", "Pemasaran online", "Sells online", "pemasaran"),
    F("pelatihan", "bool", "Pernah dilatih", "Received training", "pembinaan"),
    F("pelatihan_program", "string", "Program pelatihan", "Training programme", "pembinaan", 120),
    F("pelatihan_tahun", "int", "Tahun pelatihan", "Training year", "pembinaan", minimum=1945),
    F("bantuan", "bool", "Pernah menerima bantuan", "Received aid", "pembinaan"),
    F("bantuan_program", "string", "Program bantuan", "Aid programme", "pembinaan", 120),
    F("bantuan_tahun", "int", "Tahun bantuan", "Aid year", "pembinaan", minimum=1945),
    F("status_binaan", "string", "Status binaan", "Guidance status", "pembinaan", 16,
      catalogue="status_binaan"),
    F("kode_desa", "string", "Kode desa/kelurahan", "Village code", "lokasi", 13),
    F("kode_kecamatan", "string", "Kode kecamatan", "District code", "lokasi", 8),
    F("kode_kabupaten", "string", "Kode kabupaten/kota", "Regency code", "lokasi", 5),
    F("catatan", "string", "Catatan", "Notes", "catatan", 500),
    F("dibuat", "datetime", "Dibuat", "Created", "catatan"),
    F("diubah", "datetime", "Diubah", "Modified", "catatan"),
    F("diubah_oleh", "string", "Diubah oleh", "Modified by", "catatan", 60),
    # schema version 3 (appended, as the upgrade adds them): photo, contact, consent
    F("foto", "string", "Foto produk", "Product photo", "publikasi", 255),
    F("kontak_usaha", "string", "Kontak usaha (publik)", "Business contact (public)",
      "publikasi", 120),
    F("izin_publikasi", "bool", "Pemilik setuju dipublikasikan", "Owner consents to publication",
      "publikasi"),
    F("izin_publikasi_tanggal", "datetime", "Tanggal persetujuan publikasi",
      "Date of consent to publication", "publikasi"),
    F("izin_lokasi_tepat", "bool", "Setuju titik lokasi persis ditampilkan",
      "Consents to the exact location being shown", "publikasi"),
    F("izin_nama_pemilik", "bool", "Setuju nama pemilik ditampilkan",
      "Consents to the owner's name being shown", "publikasi"),
)

SERVICE_FIELDS: tuple[Field, ...] = (
    F("uid", "string", "ID unik", "Unique ID", length=36, required=True),
    F("jenis", "string", "Jenis layanan", "Service type", length=32, required=True,
      catalogue="jenis_layanan"),
    F("nama", "string", "Nama", "Name", length=120, required=True),
    F("kapasitas", "double", "Kapasitas", "Capacity", minimum=0),
    F("kode_kabupaten", "string", "Kode kabupaten/kota", "Regency code", length=5),
    F("alamat", "string", "Alamat", "Address", length=200),
    F("sumber", "string", "Sumber data", "Data source", length=120),
)

_REGION_COMMON: tuple[Field, ...] = (
    F("kode", "string", "Kode Kemendagri", "Kemendagri code", length=13, required=True),
    F("nama", "string", "Nama", "Name", length=80, required=True),
)
_POPULATION: tuple[Field, ...] = (
    F("penduduk_total", "int64", "Penduduk", "Population", minimum=0),
    F("penduduk_pria", "int64", "Penduduk laki-laki", "Male population", minimum=0),
    F("penduduk_wanita", "int64", "Penduduk perempuan", "Female population", minimum=0),
    F("luas_km2", "double", "Luas (km²)", "Area (km²)", minimum=0, unit="km²"),
)
REGENCY_FIELDS: tuple[Field, ...] = (
    *_REGION_COMMON,
    F("jenis", "string", "Jenis", "Type", length=16),
    F("prov_kode", "string", "Kode provinsi", "Province code", length=2),
    F("prov_nama", "string", "Provinsi", "Province", length=80),
    F("kode_bps2020", "string", "Kode BPS 2020", "BPS 2020 code", length=10),
    *_POPULATION,
)
DISTRICT_FIELDS: tuple[Field, ...] = (
    *_REGION_COMMON,
    F("kab_kode", "string", "Kode kabupaten/kota", "Regency code", length=5),
    F("kab_nama", "string", "Kabupaten/kota", "Regency", length=80),
    F("kode_bps2020", "string", "Kode BPS 2020", "BPS 2020 code", length=10),
    *_POPULATION,
)
VILLAGE_FIELDS: tuple[Field, ...] = (
    *_REGION_COMMON,
    F("jenis", "string", "Jenis", "Type", length=16),
    F("kec_kode", "string", "Kode kecamatan", "District code", length=8),
    F("kab_kode", "string", "Kode kabupaten/kota", "Regency code", length=5),
)
# Stage history: one row per stage observed or changed (survey, import, edit). The enterprise's
# ``tahap`` is derived from it: the stage of its latest row that is not the closing marker.
STAGE_HISTORY_FIELDS: tuple[Field, ...] = (
    F("uid", "string", "ID unik usaha", "Enterprise unique ID", length=36, required=True),
    F("tahap", "string", "Tahap", "Stage", length=16, required=True, catalogue="tahap_riwayat"),
    F("tanggal_berlaku", "datetime", "Tanggal berlaku", "Effective date", required=True),
    F("sumber", "string", "Sumber", "Source", length=16, required=True,
      catalogue="sumber_riwayat"),
    F("pengguna", "string", "Pengguna", "User", length=60),
)
# Programme register: one row per participation. The enterprise's ``pelatihan*`` / ``bantuan*``
# fields are derived from it: the latest ``pelatihan`` row / the latest ``bantuan`` row.
PROGRAMME_FIELDS: tuple[Field, ...] = (
    F("uid", "string", "ID unik usaha", "Enterprise unique ID", length=36, required=True),
    F("jenis", "string", "Jenis kegiatan", "Kind", length=32, required=True,
      catalogue="jenis_partisipasi"),
    F("program", "string", "Program", "Programme", length=32, required=True, catalogue="program"),
    F("tahun", "int", "Tahun", "Year", required=True, minimum=1945),
    F("penyelenggara", "string", "Penyelenggara", "Organiser", length=120),
    F("catatan", "string", "Catatan", "Notes", length=500),
)
del F

#: layer role -> (table name, geometry type, fields)
LAYERS: dict[str, tuple[str, str, tuple[Field, ...]]] = {
    "enterprises": (ENTERPRISES, "Point", ENTERPRISE_FIELDS),
    "services": (SERVICES, "Point", SERVICE_FIELDS),
    "regencies": (REGENCIES, "MultiPolygon", REGENCY_FIELDS),
    "districts": (DISTRICTS, "MultiPolygon", DISTRICT_FIELDS),
    "villages": (VILLAGES, "MultiPolygon", VILLAGE_FIELDS),
}

#: table role -> (table name, "None", fields): attribute tables without geometry (schema
#: version 2). Kept apart from ``LAYERS`` (the map layers); ``createdatabase``, the upgrade,
#: the PostGIS DDL and ``publishtopostgis`` write both.
TABLES: dict[str, tuple[str, str, tuple[Field, ...]]] = {
    "stage_history": (STAGE_HISTORY, "None", STAGE_HISTORY_FIELDS),
    "programme_register": (PROGRAMME_REGISTER, "None", PROGRAMME_FIELDS),
}

# Fields whose presence identifies a role; checked most specific first.
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    ("enterprises", frozenset({"uid", "nama_usaha", "sektor", "tahap", "jenis_kelamin_pemilik"})),
    ("stage_history", frozenset({"uid", "tahap", "tanggal_berlaku", "sumber"})),
    ("programme_register", frozenset({"uid", "jenis", "program", "tahun"})),
    ("services", frozenset({"uid", "jenis", "nama", "kapasitas"})),
    ("villages", frozenset({"kode", "nama", "kec_kode", "kab_kode"})),
    ("districts", frozenset({"kode", "nama", "kab_kode"})),
    ("regencies", frozenset({"kode", "nama", "prov_kode"})),
)


BOUNDARY_ROLES: tuple[str, ...] = ("regencies", "districts", "villages")

# Indicator fields the region analyses add to a copy of the region fields (densitybyregion
# "jml_usaha", servicegap/accessibility "n_usaha", nearestneighbourindex "nni", the progression
# tables "pct_naik"). A boundary layer of the schema never carries them, so a polygon layer with
# the key fields of a region AND one of these is an analysis output, not a boundary layer: used
# as regions it would count the output's own copies of the figures (issue 13).
ANALYSIS_OUTPUT_FIELDS: frozenset[str] = frozenset({"jml_usaha", "n_usaha", "nni", "pct_naik"})


def is_analysis_output(field_names: list[str] | set[str]) -> bool:
    """True when a table carries an indicator field of one of the plugin's analyses."""
    return bool(ANALYSIS_OUTPUT_FIELDS & set(field_names))


def boundary_role(field_names: list[str] | set[str], geometry: str = "") -> str | None:
    """"regencies", "districts" or "villages" for a boundary layer of the schema, else None."""
    role = layer_role(field_names, geometry)
    return role if role in BOUNDARY_ROLES else None


def layer_role(field_names: list[str] | set[str], geometry: str = "") -> str | None:
    """Which of the plugin's layers a table is, judged by its fields (not its name).

    ``geometry`` ("Point", "Polygon"...) disambiguates when given. An analysis output that
    copies a region's key fields is no boundary layer: None (see ``ANALYSIS_OUTPUT_FIELDS``).
    """
    names = set(field_names)
    for role, signature in _SIGNATURES:
        if signature <= names:
            if role in BOUNDARY_ROLES and is_analysis_output(names):
                return None
            expected = (LAYERS.get(role) or TABLES[role])[1]
            if geometry and ("Polygon" in expected) != ("Polygon" in geometry):
                continue
            return role
    return None


def field(name: str, fields: tuple[Field, ...] = ENTERPRISE_FIELDS) -> Field:
    for f in fields:
        if f.name == name:
            return f
    raise KeyError(name)


def personal_fields(fields: tuple[Field, ...] = ENTERPRISE_FIELDS) -> list[str]:
    """Names of fields holding personal data (NIK, names, phone, address)."""
    return [f.name for f in fields if f.personal]


def field_names(fields: tuple[Field, ...] = ENTERPRISE_FIELDS) -> list[str]:
    return [f.name for f in fields]
