-- The shared PostGIS schema of version 1 (commit f6eb9e0): ddl.schema_sql("{schema}") + ddl.security_sql("{schema}", ["19.01", "19.02"]), with the schema name as {schema}.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS {schema};
CREATE TABLE IF NOT EXISTS {schema}.schema_version (versi integer NOT NULL, dipasang timestamptz NOT NULL DEFAULT now(), catatan text);
CREATE TABLE IF NOT EXISTS {schema}.usaha (fid serial PRIMARY KEY, geom geometry(Point, 4326));
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS uid varchar(36);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS nama_usaha varchar(120);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS sektor varchar(32);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS produk_utama varchar(120);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS kbli varchar(5);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS tahap varchar(16);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS tahun_mulai integer;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS jumlah_pekerja integer;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pekerja_perempuan integer;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS modal_rp double precision;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS omzet_bulanan_rp double precision;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS nama_pemilik varchar(120);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS nik varchar(16);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS jenis_kelamin_pemilik varchar(1);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS krtp boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS telepon varchar(20);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS alamat varchar(200);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS izin_pirt boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS izin_nib boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS izin_halal boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS izin_bpom boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pemasaran varchar(16);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pemasaran_online boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pelatihan boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pelatihan_program varchar(120);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS pelatihan_tahun integer;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS bantuan boolean;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS bantuan_program varchar(120);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS bantuan_tahun integer;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS status_binaan varchar(16);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS kode_desa varchar(13);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS kode_kecamatan varchar(8);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS kode_kabupaten varchar(5);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS catatan varchar(500);
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS dibuat timestamp;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS diubah timestamp;
ALTER TABLE {schema}.usaha ADD COLUMN IF NOT EXISTS diubah_oleh varchar(60);
CREATE INDEX IF NOT EXISTS usaha_geom_idx ON {schema}.usaha USING gist (geom);
CREATE TABLE IF NOT EXISTS {schema}.layanan (fid serial PRIMARY KEY, geom geometry(Point, 4326));
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS uid varchar(36);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS jenis varchar(32);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS nama varchar(120);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS kapasitas double precision;
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS kode_kabupaten varchar(5);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS alamat varchar(200);
ALTER TABLE {schema}.layanan ADD COLUMN IF NOT EXISTS sumber varchar(120);
CREATE INDEX IF NOT EXISTS layanan_geom_idx ON {schema}.layanan USING gist (geom);
CREATE TABLE IF NOT EXISTS {schema}.kabupaten (fid serial PRIMARY KEY, geom geometry(MultiPolygon, 4326));
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS geom geometry(MultiPolygon, 4326);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS kode varchar(13);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS nama varchar(80);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS jenis varchar(16);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS prov_kode varchar(2);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS prov_nama varchar(80);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS kode_bps2020 varchar(10);
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS penduduk_total bigint;
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS penduduk_pria bigint;
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS penduduk_wanita bigint;
ALTER TABLE {schema}.kabupaten ADD COLUMN IF NOT EXISTS luas_km2 double precision;
CREATE INDEX IF NOT EXISTS kabupaten_geom_idx ON {schema}.kabupaten USING gist (geom);
CREATE TABLE IF NOT EXISTS {schema}.kecamatan (fid serial PRIMARY KEY, geom geometry(MultiPolygon, 4326));
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS geom geometry(MultiPolygon, 4326);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS kode varchar(13);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS nama varchar(80);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS kab_kode varchar(5);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS kab_nama varchar(80);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS kode_bps2020 varchar(10);
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS penduduk_total bigint;
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS penduduk_pria bigint;
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS penduduk_wanita bigint;
ALTER TABLE {schema}.kecamatan ADD COLUMN IF NOT EXISTS luas_km2 double precision;
CREATE INDEX IF NOT EXISTS kecamatan_geom_idx ON {schema}.kecamatan USING gist (geom);
CREATE TABLE IF NOT EXISTS {schema}.desa (fid serial PRIMARY KEY, geom geometry(MultiPolygon, 4326));
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS geom geometry(MultiPolygon, 4326);
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS kode varchar(13);
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS nama varchar(80);
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS jenis varchar(16);
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS kec_kode varchar(8);
ALTER TABLE {schema}.desa ADD COLUMN IF NOT EXISTS kab_kode varchar(5);
CREATE INDEX IF NOT EXISTS desa_geom_idx ON {schema}.desa USING gist (geom);
CREATE UNIQUE INDEX IF NOT EXISTS usaha_uid_idx ON {schema}.usaha (uid);
CREATE INDEX IF NOT EXISTS usaha_kab_idx ON {schema}.usaha (kode_kabupaten);
CREATE INDEX IF NOT EXISTS usaha_nik_idx ON {schema}.usaha (nik);
CREATE INDEX IF NOT EXISTS usaha_desa_idx ON {schema}.usaha (kode_desa);
CREATE INDEX IF NOT EXISTS layanan_kab_idx ON {schema}.layanan (kode_kabupaten);
CREATE TABLE IF NOT EXISTS {schema}.ref_tahap (kode text PRIMARY KEY, label_id text, label_en text);
ALTER TABLE {schema}.ref_tahap ADD COLUMN IF NOT EXISTS "order" text;
ALTER TABLE {schema}.ref_tahap ADD COLUMN IF NOT EXISTS "level" text;
ALTER TABLE {schema}.ref_tahap ADD COLUMN IF NOT EXISTS "color" text;
INSERT INTO {schema}.ref_tahap ("kode", "label_id", "label_en", "order", "level", "color") VALUES ('pemula', 'Pemula', 'Beginner', '1', 'IR 1', '#fde725'), ('berkembang', 'Berkembang', 'Developing', '2', 'IR 2', '#21918c'), ('maju', 'Maju', 'Advanced', '3', 'IR 3', '#440154') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en", "order" = EXCLUDED."order", "level" = EXCLUDED."level", "color" = EXCLUDED."color";
CREATE TABLE IF NOT EXISTS {schema}.ref_sektor (kode text PRIMARY KEY, label_id text, label_en text);
ALTER TABLE {schema}.ref_sektor ADD COLUMN IF NOT EXISTS "kbli" text;
ALTER TABLE {schema}.ref_sektor ADD COLUMN IF NOT EXISTS "group" text;
ALTER TABLE {schema}.ref_sektor ADD COLUMN IF NOT EXISTS "color" text;
INSERT INTO {schema}.ref_sektor ("kode", "label_id", "label_en", "kbli", "group", "color") VALUES ('makanan', 'Makanan', 'Food', '10', 'pangan', '#e69f00'), ('minuman', 'Minuman', 'Beverages', '11', 'pangan', '#56b4e9'), ('tenun_cual', 'Tenun cual', 'Cual weaving', '13', 'tekstil', '#cc79a7'), ('batik', 'Batik', 'Batik', '13', 'tekstil', '#882255'), ('rajutan', 'Rajutan', 'Knitting', '13', 'tekstil', '#aa4499'), ('anyaman', 'Anyaman & kopiah resam', 'Woven crafts (bamboo, rattan, resam, pandan)', '16', 'anyaman', '#009e73'), ('pewter', 'Pewter & logam', 'Pewter & metalwork', '25', 'logam', '#7f7f7f'), ('batu_satam', 'Batu satam & perhiasan', 'Satam stone & jewellery', '32', 'perhiasan', '#332288'), ('konveksi', 'Pakaian & konveksi', 'Clothing & garments', '14', 'tekstil', '#d55e00'), ('aksesoris', 'Aksesoris', 'Accessories', '32', 'perhiasan', '#ddcc77'), ('kerajinan_kayu', 'Kerajinan kayu', 'Woodcraft', '16', 'kayu', '#8c510a'), ('lainnya', 'Lainnya', 'Other', '32', 'lainnya', '#bbbbbb') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en", "kbli" = EXCLUDED."kbli", "group" = EXCLUDED."group", "color" = EXCLUDED."color";
CREATE TABLE IF NOT EXISTS {schema}.ref_pemasaran (kode text PRIMARY KEY, label_id text, label_en text);
INSERT INTO {schema}.ref_pemasaran ("kode", "label_id", "label_en") VALUES ('lokal', 'Lokal (kecamatan/kabupaten)', 'Local'), ('antar_kabupaten', 'Antar-kabupaten', 'Between regencies'), ('nasional', 'Nasional', 'National'), ('ekspor', 'Ekspor', 'Export') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en";
CREATE TABLE IF NOT EXISTS {schema}.ref_jenis_kelamin (kode text PRIMARY KEY, label_id text, label_en text);
INSERT INTO {schema}.ref_jenis_kelamin ("kode", "label_id", "label_en") VALUES ('P', 'Perempuan', 'Woman'), ('L', 'Laki-laki', 'Man') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en";
CREATE TABLE IF NOT EXISTS {schema}.ref_status_binaan (kode text PRIMARY KEY, label_id text, label_en text);
INSERT INTO {schema}.ref_status_binaan ("kode", "label_id", "label_en") VALUES ('belum', 'Belum dibina', 'Not yet assisted'), ('dibina', 'Sedang dibina', 'Being assisted'), ('mandiri', 'Mandiri (selesai dibina)', 'Graduated') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en";
CREATE TABLE IF NOT EXISTS {schema}.ref_jenis_layanan (kode text PRIMARY KEY, label_id text, label_en text);
ALTER TABLE {schema}.ref_jenis_layanan ADD COLUMN IF NOT EXISTS "color" text;
INSERT INTO {schema}.ref_jenis_layanan ("kode", "label_id", "label_en", "color") VALUES ('pelatihan', 'Pelatihan / BLK', 'Training centre', '#1b9e77'), ('pasar', 'Pasar', 'Market', '#d95f02'), ('galeri_dekranasda', 'Galeri Dekranasda', 'Dekranasda craft gallery', '#7570b3'), ('bank_kur', 'Bank / KUR', 'Bank (KUR credit)', '#e7298a'), ('plut_kumkm', 'PLUT-KUMKM', 'PLUT-KUMKM business centre', '#66a61e'), ('pendamping_halal', 'Pendamping halal', 'Halal certification assistant', '#e6ab02'), ('dinkes_pirt', 'Dinas Kesehatan (SPP-IRT)', 'Health office (SPP-IRT permit)', '#a6761d'), ('pos_logistik', 'Pos / logistik', 'Post & logistics', '#666666') ON CONFLICT (kode) DO UPDATE SET "label_id" = EXCLUDED."label_id", "label_en" = EXCLUDED."label_en", "color" = EXCLUDED."color";
INSERT INTO {schema}.schema_version (versi, catatan) SELECT 1, 'industri_rumahan' WHERE NOT EXISTS (SELECT 1 FROM {schema}.schema_version WHERE versi >= 1);
-- Roles and row-level security of the shared Industri Rumahan database.
-- {schema}, fid, geom, uid, nama_usaha, sektor, produk_utama, kbli, tahap, tahun_mulai, jumlah_pekerja, pekerja_perempuan, modal_rp, omzet_bulanan_rp, jenis_kelamin_pemilik, krtp, izin_pirt, izin_nib, izin_halal, izin_bpom, pemasaran, pemasaran_online, pelatihan, pelatihan_program, pelatihan_tahun, bantuan, bantuan_program, bantuan_tahun, status_binaan, kode_desa, kode_kecamatan, kode_kabupaten, catatan, dibuat, diubah, diubah_oleh and nama_pemilik, nik, telepon, alamat are filled in by ddl.security_sql.
--
-- ir_provinsi   province staff: every row, every column, every regency.
-- ir_kabupaten  regency staff (through one ir_kab_XXXX role per regency): insert, update,
--               delete and read the rows of their own regency, personal data included
--               (they collect it); the rest of the province through views without
--               personal columns.
-- ir_pembaca    analysts, dashboards: the views only; never NIK, names, phone, address.

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ir_provinsi') THEN
    CREATE ROLE ir_provinsi NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ir_kabupaten') THEN
    CREATE ROLE ir_kabupaten NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ir_pembaca') THEN
    CREATE ROLE ir_pembaca NOLOGIN; END IF;
END $$;

CREATE TABLE IF NOT EXISTS {schema}.peran_kabupaten (
  peran name PRIMARY KEY, kode_kabupaten varchar(5) NOT NULL);

-- The regencies the current user may edit (through membership of ir_kab_XXXX roles).
CREATE OR REPLACE FUNCTION {schema}.kabupaten_saya() RETURNS SETOF varchar
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.kode_kabupaten FROM {schema}.peran_kabupaten p
  WHERE pg_has_role(session_user, p.peran, 'MEMBER') $$;

-- A clear message instead of a bare policy violation when a regency edits another's rows.
CREATE OR REPLACE FUNCTION {schema}.jaga_kabupaten() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  kode varchar;
  milik varchar;
BEGIN
  IF pg_has_role(session_user, 'ir_provinsi', 'MEMBER')
     OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    kode := OLD.kode_kabupaten;
    IF kode IS NULL OR kode NOT IN (SELECT {schema}.kabupaten_saya()) THEN
      kode := COALESCE(kode, '?');
    ELSE
      kode := NULL;
    END IF;
  END IF;
  IF kode IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.kode_kabupaten IS NULL OR NEW.kode_kabupaten NOT IN (SELECT {schema}.kabupaten_saya())
    THEN
      kode := COALESCE(NEW.kode_kabupaten, '?');
    END IF;
  END IF;
  IF kode IS NOT NULL THEN
    SELECT string_agg(k, ', ') INTO milik FROM {schema}.kabupaten_saya() AS k;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('Ditolak: usaha di kabupaten/kota %s bukan wilayah Anda (%s). '
                       'Refused: enterprises of regency %s are not yours (%s).',
                       kode, COALESCE(milik, '-'), kode, COALESCE(milik, '-'));
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

DROP TRIGGER IF EXISTS usaha_jaga_kabupaten ON {schema}.usaha;
CREATE TRIGGER usaha_jaga_kabupaten BEFORE INSERT OR UPDATE OR DELETE ON {schema}.usaha
  FOR EACH ROW EXECUTE FUNCTION {schema}.jaga_kabupaten();

ALTER TABLE {schema}.usaha ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS provinsi_semua ON {schema}.usaha;
CREATE POLICY provinsi_semua ON {schema}.usaha TO ir_provinsi USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS kabupaten_sendiri ON {schema}.usaha;
CREATE POLICY kabupaten_sendiri ON {schema}.usaha TO ir_kabupaten
  USING (kode_kabupaten IN (SELECT {schema}.kabupaten_saya()))
  WITH CHECK (kode_kabupaten IN (SELECT {schema}.kabupaten_saya()));

GRANT USAGE ON SCHEMA {schema} TO ir_provinsi, ir_kabupaten, ir_pembaca;
GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO ir_provinsi, ir_kabupaten;
REVOKE SELECT ON {schema}.usaha FROM ir_pembaca;
GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.usaha TO ir_provinsi, ir_kabupaten;
GRANT INSERT, UPDATE, DELETE ON {schema}.layanan, {schema}.kabupaten, {schema}.kecamatan,
  {schema}.desa TO ir_provinsi;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO ir_provinsi, ir_kabupaten;
GRANT EXECUTE ON FUNCTION {schema}.kabupaten_saya() TO ir_provinsi, ir_kabupaten, ir_pembaca;

-- The province's map and aggregates without personal data (views run as their owner, so
-- they show every regency; they never carry NIK, names, phone or address).
DROP VIEW IF EXISTS {schema}.usaha_umum;
CREATE VIEW {schema}.usaha_umum AS SELECT fid, geom, uid, nama_usaha, sektor, produk_utama, kbli, tahap, tahun_mulai, jumlah_pekerja, pekerja_perempuan, modal_rp, omzet_bulanan_rp, jenis_kelamin_pemilik, krtp, izin_pirt, izin_nib, izin_halal, izin_bpom, pemasaran, pemasaran_online, pelatihan, pelatihan_program, pelatihan_tahun, bantuan, bantuan_program, bantuan_tahun, status_binaan, kode_desa, kode_kecamatan, kode_kabupaten, catatan, dibuat, diubah, diubah_oleh FROM {schema}.usaha;
CREATE OR REPLACE VIEW {schema}.ringkasan_kabupaten AS
  SELECT kode_kabupaten, sektor, tahap, count(*) AS jumlah,
         sum(jumlah_pekerja) AS pekerja, sum(pekerja_perempuan) AS pekerja_perempuan
  FROM {schema}.usaha GROUP BY kode_kabupaten, sektor, tahap;
GRANT SELECT ON {schema}.usaha_umum, {schema}.ringkasan_kabupaten
  TO ir_provinsi, ir_kabupaten, ir_pembaca;
GRANT SELECT ON {schema}.layanan, {schema}.kabupaten, {schema}.kecamatan, {schema}.desa,
  {schema}.schema_version TO ir_pembaca;

DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ir_kab_1901') THEN CREATE ROLE ir_kab_1901 NOLOGIN IN ROLE ir_kabupaten; END IF; END $$;
INSERT INTO {schema}.peran_kabupaten (peran, kode_kabupaten) VALUES ('ir_kab_1901', '19.01') ON CONFLICT (peran) DO UPDATE SET kode_kabupaten = EXCLUDED.kode_kabupaten;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ir_kab_1902') THEN CREATE ROLE ir_kab_1902 NOLOGIN IN ROLE ir_kabupaten; END IF; END $$;
INSERT INTO {schema}.peran_kabupaten (peran, kode_kabupaten) VALUES ('ir_kab_1902', '19.02') ON CONFLICT (peran) DO UPDATE SET kode_kabupaten = EXCLUDED.kode_kabupaten;
