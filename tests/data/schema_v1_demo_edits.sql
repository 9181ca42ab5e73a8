-- Applied one line at a time through GDAL (ogr.Open(path, 1).ExecuteSQL(line)) to the
-- v1 demo GeoPackage to make schema_v1_demo.gpkg (see README.md), then VACUUM.
delete from desa;
update usaha set diubah = NULL where fid = 1;
update usaha set dibuat = NULL, diubah = NULL where fid = 2;
update usaha set tahap = 'maju', diubah = '2026-03-14T09:30:00.000Z', diubah_oleh = 'staf' where fid = 3;
update usaha set pelatihan = 1, pelatihan_program = 'Pelatihan batik Bu ''Ani'' – Pangkalpinang', pelatihan_tahun = 2024 where fid = 4;
update usaha set pelatihan = 1, pelatihan_program = 'BLK Kabupaten', pelatihan_tahun = NULL where fid = 6;
update usaha set bantuan = 1, bantuan_program = NULL, bantuan_tahun = 2022 where fid = 7;
update usaha set nama_usaha = 'Kerupuk "Ikan" ''Mak Inah''', catatan = 'baris' || char(10) || 'kedua' where fid = 8;
