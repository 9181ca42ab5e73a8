-- Roles and row-level security of the shared Industri Rumahan database.
-- {schema}, {public_columns} and {personal_columns} are filled in by ddl.security_sql.
--
-- ir_provinsi   province staff: every row, every column, every regency.
-- ir_kabupaten  regency staff (through one ir_kab_XXXX role per regency): insert, update,
--               delete and read the rows of their own regency, personal data included
--               (they collect it); the rest of the province through views without
--               personal columns.
-- ir_pembaca    analysts, dashboards: aggregates (ringkasan_kabupaten) and the enterprises
--               whose owner consented to publication (usaha_publik: village point unless
--               the exact one was agreed, owner's name only if agreed); never NIK, phone,
--               address, nor any record or exact home of an enterprise without consent.

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
CREATE VIEW {schema}.usaha_umum AS SELECT {public_columns} FROM {schema}.usaha;
CREATE OR REPLACE VIEW {schema}.ringkasan_kabupaten AS
  SELECT kode_kabupaten, sektor, tahap, count(*) AS jumlah,
         sum(jumlah_pekerja) AS pekerja, sum(pekerja_perempuan) AS pekerja_perempuan
  FROM {schema}.usaha GROUP BY kode_kabupaten, sektor, tahap;
GRANT SELECT ON {schema}.usaha_umum, {schema}.ringkasan_kabupaten
  TO ir_provinsi, ir_kabupaten;
-- usaha_umum carries every business name and exact home location: not for readers (a
-- database made before issue 17 granted it to them).
REVOKE ALL ON {schema}.usaha_umum FROM ir_pembaca, PUBLIC;
GRANT SELECT ON {schema}.ringkasan_kabupaten TO ir_pembaca;

-- What readers may see record by record: the rule of core/publication.py. A security barrier,
-- so that no condition of the reader's query (a cast that fails, a division by zero) runs on
-- rows the view hides and gives away their values in an error message.
DROP VIEW IF EXISTS {schema}.usaha_publik;
CREATE VIEW {schema}.usaha_publik WITH (security_barrier) AS
  SELECT u.fid,
         (CASE WHEN u.izin_lokasi_tepat IS TRUE THEN u.geom
               ELSE (SELECT ST_PointOnSurface(d.geom) FROM {schema}.desa d
                     WHERE d.kode = u.kode_desa ORDER BY d.fid LIMIT 1)
          END)::geometry(Point, 4326) AS geom,
         u.izin_lokasi_tepat IS TRUE AS lokasi_tepat,
         {published_columns}
  FROM {schema}.usaha u
  WHERE u.izin_publikasi IS TRUE;
GRANT SELECT ON {schema}.usaha_publik TO ir_provinsi, ir_kabupaten, ir_pembaca;
GRANT SELECT ON {schema}.layanan, {schema}.kabupaten, {schema}.kecamatan, {schema}.desa,
  {schema}.schema_version TO ir_pembaca;
