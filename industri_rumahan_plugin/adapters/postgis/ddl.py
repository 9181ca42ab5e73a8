"""SQL for the plugin's schema in PostGIS, generated from ``core.schema`` (one source of truth).

Everything is idempotent: ``CREATE ... IF NOT EXISTS`` and ``ADD COLUMN IF NOT EXISTS`` turn an
older schema into the current one without touching its rows; lookups are upserted from
``core.catalogue``; ``schema_version`` records each upgrade.
"""

from __future__ import annotations

import re
from pathlib import Path

from industri_rumahan_plugin.adapters.gpkg_history import INDEXES, LOOKUPS_V2
from industri_rumahan_plugin.core import catalogue, programme_text, schema

PG_TYPES = {"string": "varchar", "int": "integer", "int64": "bigint",
            "double": "double precision", "bool": "boolean", "datetime": "timestamp"}
#: Fields of a consenting enterprise that ``usaha_publik`` shows: ``core.publication``'s
#: ``PUBLIC_FIELDS`` (repeated here because that module needs pandas; a unit test keeps the
#: two equal). ``nama_pemilik`` only where ``izin_nama_pemilik``.
PUBLISHED_FIELDS: tuple[str, ...] = (
    "nama_usaha", "produk_utama", "sektor", "tahap", "kontak_usaha", "foto", "nama_pemilik",
    "kode_desa", "kode_kecamatan", "kode_kabupaten",
)
GEOMETRY = {"Point": "geometry(Point, 4326)", "MultiPolygon": "geometry(MultiPolygon, 4326)"}
SECURITY_SQL = Path(__file__).with_name("security.sql")
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

LOOKUPS: dict[str, tuple[tuple[catalogue.Entry, ...], tuple[str, ...]]] = {
    "ref_tahap": (catalogue.STAGES, ("order", "level", "color")),
    "ref_sektor": (catalogue.SECTORS, ("kbli", "group", "color")),
    "ref_pemasaran": (catalogue.MARKET_REACH, ()),
    "ref_jenis_kelamin": (catalogue.SEX, ()),
    "ref_status_binaan": (catalogue.GUIDANCE_STATUS, ()),
    "ref_jenis_layanan": (catalogue.SERVICE_TYPES, ("color",)),
    **LOOKUPS_V2,
}


def ident(name: str) -> str:
    """A safe SQL identifier (our names are plain lower-case words)."""
    if not _IDENT.match(name):
        raise ValueError(f"not a valid identifier: {name!r}")
    return name


def literal(value: object) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def column_type(spec: schema.Field) -> str:
    base = PG_TYPES[spec.type]
    return f"varchar({spec.length})" if base == "varchar" and spec.length else (
        "text" if base == "varchar" else base)


def schema_sql(name: str = "ir") -> str:
    """Create or upgrade every table, lookup and index of the plugin in schema ``name``."""
    s = ident(name)
    out = [
        "CREATE EXTENSION IF NOT EXISTS postgis;",
        f"CREATE SCHEMA IF NOT EXISTS {s};",
        f"CREATE TABLE IF NOT EXISTS {s}.schema_version (versi integer NOT NULL, "
        "dipasang timestamptz NOT NULL DEFAULT now(), catatan text);",
    ]
    for _role, (table, geometry, specs) in schema.LAYERS.items():
        t = f"{s}.{ident(table)}"
        out.append(f"CREATE TABLE IF NOT EXISTS {t} (fid serial PRIMARY KEY, "
                   f"geom {GEOMETRY[geometry]});")
        out.append(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS geom {GEOMETRY[geometry]};")
        for spec in specs:
            out.append(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {ident(spec.name)} "
                       f"{column_type(spec)};")
        out.append(f"CREATE INDEX IF NOT EXISTS {table}_geom_idx ON {t} USING gist (geom);")
    usaha = f"{s}.{schema.ENTERPRISES}"
    out += [
        f"CREATE UNIQUE INDEX IF NOT EXISTS usaha_uid_idx ON {usaha} (uid);",
        f"CREATE INDEX IF NOT EXISTS usaha_kab_idx ON {usaha} (kode_kabupaten);",
        f"CREATE INDEX IF NOT EXISTS usaha_nik_idx ON {usaha} (nik);",
        f"CREATE INDEX IF NOT EXISTS usaha_desa_idx ON {usaha} (kode_desa);",
        f"CREATE INDEX IF NOT EXISTS layanan_kab_idx ON {s}.{schema.SERVICES} (kode_kabupaten);",
    ]
    for _role, (table, _geometry, specs) in schema.TABLES.items():
        t = f"{s}.{ident(table)}"
        out.append(f"CREATE TABLE IF NOT EXISTS {t} (fid serial PRIMARY KEY);")
        for spec in specs:
            out.append(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {ident(spec.name)} "
                       f"{column_type(spec)};")
    for index, (table, cols) in INDEXES.items():
        out.append(f"CREATE INDEX IF NOT EXISTS {ident(index)} ON {s}.{ident(table)} "
                   f"({', '.join(ident(c) for c in cols)});")
    out += _seed_sql(s)
    for table, (entries, extra) in LOOKUPS.items():
        t = f"{s}.{ident(table)}"
        cols = ["kode", "label_id", "label_en", *extra]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {t} (kode text PRIMARY KEY, label_id text, "
                   "label_en text);")
        for c in extra:
            out.append(f'ALTER TABLE {t} ADD COLUMN IF NOT EXISTS "{c}" text;')
        rows = ", ".join(
            "(" + ", ".join(literal(v) for v in (e.code, e.label_id, e.label_en,
                                                  *(getattr(e, x) for x in extra))) + ")"
            for e in entries)
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in cols[1:])
        out.append(f"INSERT INTO {t} ({quoted}) VALUES {rows} "
                   f"ON CONFLICT (kode) DO UPDATE SET {updates};")
    out.append(
        f"INSERT INTO {s}.schema_version (versi, catatan) SELECT {schema.SCHEMA_VERSION}, "
        f"'industri_rumahan' WHERE NOT EXISTS (SELECT 1 FROM {s}.schema_version "
        f"WHERE versi >= {schema.SCHEMA_VERSION});"
    )
    return "\n".join(out)


def _norm_sql(column: str) -> str:
    """SQL twin of ``programme_text.norm``: lower case, '-'/'_' as spaces, spaces collapsed."""
    return (f"btrim(regexp_replace(lower(translate({column}, '-_', '  ')), "
            "'\\s+', ' ', 'g'))")


def _seed_sql(s: str) -> list[str]:
    """Upgrading from version 1: seed the history from the single fields (as the GeoPackage
    upgrade does: core/history_seed.py), once, only while no version >= 2 is recorded."""
    older = (f"NOT EXISTS (SELECT 1 FROM {s}.schema_version WHERE versi >= 2)")
    stages = ", ".join(literal(c) for c in catalogue.codes(catalogue.STAGES))
    out = [
        f"INSERT INTO {s}.{schema.STAGE_HISTORY} (uid, tahap, tanggal_berlaku, sumber, pengguna) "
        f"SELECT u.uid, u.tahap, coalesce(u.diubah, u.dibuat, now()::timestamp), 'impor', "
        f"session_user FROM {s}.{schema.ENTERPRISES} u WHERE u.uid IS NOT NULL AND u.tahap IN "
        f"({stages}) AND {older} ORDER BY u.fid;"
    ]
    known = ", ".join(f"({literal(text)}, {literal(code)})"
                      for text, code in programme_text.known_texts().items())
    for kind in programme_text.KINDS:
        out.append(
            f"INSERT INTO {s}.{schema.PROGRAMME_REGISTER} (uid, jenis, program, tahun, "
            f"penyelenggara) SELECT u.uid, '{kind}', coalesce(p.kode, 'lainnya'), "
            f"u.{kind}_tahun, u.{kind}_program FROM {s}.{schema.ENTERPRISES} u LEFT JOIN "
            f"(VALUES {known}) AS p (teks, kode) ON p.teks = {_norm_sql(f'u.{kind}_program')} "
            f"WHERE u.uid IS NOT NULL AND u.{kind} AND u.{kind}_tahun IS NOT NULL AND {older} "
            "ORDER BY u.fid;")
    return out


def security_sql(name: str = "ir", regencies: list[str] | tuple[str, ...] = ()) -> str:
    """Roles, grants, row-level security, the guard trigger and the shared views."""
    s = ident(name)
    personal = schema.personal_fields()
    public_cols = [f.name for f in schema.ENTERPRISE_FIELDS if f.name not in personal]
    text = SECURITY_SQL.read_text(encoding="utf-8")
    text = (text.replace("{schema}", s)
            .replace("{public_columns}", ", ".join(["fid", "geom", *public_cols]))
            .replace("{personal_columns}", ", ".join(personal))
            .replace("{published_columns}", ", ".join(_published(f) for f in PUBLISHED_FIELDS)))
    roles = []
    for code in regencies:
        if not re.fullmatch(r"\d{2}\.\d{2}", code):
            raise ValueError(f"not a regency code: {code!r}")
        role = regency_role(code)
        roles.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
            f"THEN CREATE ROLE {role} NOLOGIN IN ROLE ir_kabupaten; END IF; END $$;\n"
            f"INSERT INTO {s}.peran_kabupaten (peran, kode_kabupaten) VALUES ('{role}', "
            f"'{code}') ON CONFLICT (peran) DO UPDATE SET kode_kabupaten = EXCLUDED.kode_kabupaten;"
        )
    return text + "\n" + history_security_sql(s) + "\n" + "\n".join(roles)


def _published(name: str) -> str:
    if name == "nama_pemilik":
        return "CASE WHEN u.izin_nama_pemilik IS TRUE THEN u.nama_pemilik END AS nama_pemilik"
    return f"u.{ident(name)}"


def history_security_sql(s: str) -> str:
    """Row-level security of the person-level history tables, as on ``usaha``: a row is
    visible and editable to the regency that owns its enterprise; the province sees all;
    ``ir_pembaca`` sees none (they are personal records, not aggregates)."""
    out = []
    owned = (f"EXISTS (SELECT 1 FROM {s}.{schema.ENTERPRISES} u WHERE u.uid = {{t}}.uid "
             f"AND u.kode_kabupaten IN (SELECT {s}.kabupaten_saya()))")
    for _role, (table, _geometry, _specs) in schema.TABLES.items():
        t = f"{s}.{ident(table)}"
        own = owned.format(t=ident(table))
        out += [
            f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;",
            f"DROP POLICY IF EXISTS provinsi_semua ON {t};",
            f"CREATE POLICY provinsi_semua ON {t} TO ir_provinsi USING (true) "
            "WITH CHECK (true);",
            f"DROP POLICY IF EXISTS kabupaten_sendiri ON {t};",
            f"CREATE POLICY kabupaten_sendiri ON {t} TO ir_kabupaten USING ({own}) "
            f"WITH CHECK ({own});",
            f"REVOKE ALL ON {t} FROM PUBLIC, ir_pembaca;",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO ir_provinsi, ir_kabupaten;",
        ]
    return "\n".join(out)


def regency_role(code: str) -> str:
    """'19.01' -> 'ir_kab_1901': the group role of one regency's staff."""
    return "ir_kab_" + code.replace(".", "")
