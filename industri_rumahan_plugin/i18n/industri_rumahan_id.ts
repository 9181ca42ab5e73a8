<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>IndustriRumahan</name>
    <message>
        <location filename="../adapters/arrays.py" line="75"/>
        <location filename="../adapters/network_costs.py" line="133"/>
        <location filename="../adapters/network_costs.py" line="143"/>
        <source>Field(s) not found in the input layer: {fields}</source>
        <translation>Kolom tidak ditemukan di lapisan masukan: {fields}</translation>
    </message>
    <message>
        <location filename="../adapters/arrays.py" line="84"/>
        <source>The filter expression is invalid: {error}</source>
        <translation>Ekspresi filter tidak valid: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="37"/>
        <source>Category field {field} not found in the enterprises; left out.</source>
        <translation>Kolom kategori {field} tidak ditemukan pada usaha; tidak disertakan.</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="67"/>
        <source>{n} enterprises read{fast}.</source>
        <translation>{n} usaha dibaca{fast}.</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="68"/>
        <source> (fast path)</source>
        <translation> (jalur cepat)</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="69"/>
        <source>Assigning enterprises to regions…</source>
        <translation>Menempatkan usaha ke wilayah…</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="88"/>
        <source>{n} enterprises have no location and are not counted.</source>
        <translation>{n} usaha tidak memiliki lokasi dan tidak dihitung.</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="91"/>
        <source>{n} enterprises lie outside every region and are not counted.</source>
        <translation>{n} usaha berada di luar semua wilayah dan tidak dihitung.</translation>
    </message>
    <message>
        <location filename="../adapters/density_io.py" line="94"/>
        <source>{n} enterprises lie in more than one region (overlap or shared boundary; {b} exactly on a boundary): each was counted once.</source>
        <translation>{n} usaha berada di lebih dari satu wilayah (tumpang tindih atau batas bersama; {b} tepat di batas): masing-masing dihitung sekali.</translation>
    </message>
    <message>
        <location filename="../adapters/feedback.py" line="13"/>
        <location filename="../adapters/network_costs.py" line="115"/>
        <location filename="../adapters/output_writer.py" line="303"/>
        <source>Cancelled by the user; nothing was written.</source>
        <translation>Dibatalkan oleh pengguna; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/form_config.py" line="56"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Gambar (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="128"/>
        <source>{n} services without a valid capacity count as 0.</source>
        <translation>{n} layanan tanpa kapasitas yang valid dihitung 0.</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="172"/>
        <source>Choose a field of the origin-destination table.</source>
        <translation>Pilih sebuah kolom dari tabel asal-tujuan.</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="182"/>
        <source>The origin-destination table cannot be used ({reason}): its origin ids must be the enterprises&apos; id field and its destination ids the services&apos; id field.</source>
        <translation>Tabel asal-tujuan tidak dapat dipakai ({reason}): id asalnya harus kolom id usaha dan id tujuannya kolom id layanan.</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="188"/>
        <source>Origin-destination table: {rows} rows, {pairs} usable pairs; skipped {uo} rows with unknown origin ids, {ud} with unknown destination ids, {bc} without a valid cost; {none} enterprises have no pair.</source>
        <translation>Tabel asal-tujuan: {rows} baris, {pairs} pasangan terpakai; dilewati {uo} baris dengan id asal tak dikenal, {ud} dengan id tujuan tak dikenal, {bc} tanpa biaya yang valid; {none} usaha tidak memiliki pasangan.</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="204"/>
        <source>The layer already has a field named {name}; rename it first.</source>
        <translation>Lapisan sudah memiliki kolom bernama {name}; ganti namanya terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="274"/>
        <source>{jenis}: {pairs} pairs within the catchment; mean index {mean:.6g}; {under} enterprises underserved (below {threshold:.6g}).</source>
        <translation>{jenis}: {pairs} pasangan dalam jangkauan; indeks rata-rata {mean:.6g}; {under} usaha kurang terlayani (di bawah {threshold:.6g}).</translation>
    </message>
    <message>
        <location filename="../adapters/gap_io.py" line="346"/>
        <source>Field {name} not found: not used.</source>
        <translation>Kolom {name} tidak ditemukan: tidak dipakai.</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="55"/>
        <source>a layer is limited to selected features</source>
        <translation>lapisan dibatasi pada fitur terpilih</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="57"/>
        <source>a layer has a feature limit</source>
        <translation>lapisan dibatasi jumlah fiturnya</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="59"/>
        <source>a layer has its own filter expression</source>
        <translation>lapisan memiliki ekspresi filter sendiri</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="76"/>
        <source>the input is not a layer</source>
        <translation>masukan bukan lapisan</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="78"/>
        <source>the layer has unsaved edits</source>
        <translation>lapisan memiliki suntingan yang belum disimpan</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="84"/>
        <location filename="../adapters/gateway.py" line="92"/>
        <location filename="../adapters/gateway.py" line="96"/>
        <source>the layer is not a plain file or database table</source>
        <translation>lapisan bukan berkas biasa atau tabel basis data</translation>
    </message>
    <message>
        <location filename="../adapters/gateway.py" line="87"/>
        <source>the layer has a subset filter</source>
        <translation>lapisan memiliki filter subset</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="93"/>
        <source>Cannot write table {name} in {path}: {error}</source>
        <translation>Tidak dapat menulis tabel {name} di {path}: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="124"/>
        <source>Cannot write features to table {name}: {error}</source>
        <translation>Tidak dapat menulis fitur ke tabel {name}: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="207"/>
        <source>File not found: {path}</source>
        <translation>Berkas tidak ditemukan: {path}</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="210"/>
        <source>{path} is not an Industri Rumahan database (no ir_metadata table). It was not changed.</source>
        <translation>{path} bukan basis data Industri Rumahan (tidak ada tabel ir_metadata). Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="219"/>
        <source>{path} uses schema version {found}; this plugin needs version {needed}. The file was not changed: upgrade it with the Upgrade database algorithm (industrirumahan:upgradedatabase), which keeps a backup copy.</source>
        <translation>{path} memakai skema versi {found}; plugin ini memerlukan versi {needed}. Berkas tidak diubah: tingkatkan dengan algoritma Tingkatkan basis data (industrirumahan:upgradedatabase), yang membuat salinan cadangan dulu.</translation>
    </message>
    <message>
        <location filename="../adapters/geopackage.py" line="225"/>
        <source>{path} was made by a newer plugin (schema version {found}); update the plugin. The file was not changed.</source>
        <translation>{path} dibuat oleh plugin yang lebih baru (skema versi {found}); perbarui plugin. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="69"/>
        <source>{path} already uses schema version {v}; nothing to do, the file was not changed.</source>
        <translation>{path} sudah memakai skema versi {v}; tidak ada yang perlu dilakukan, berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="71"/>
        <source>Dry run: nothing was written. The upgrade would:</source>
        <translation>Uji coba: tidak ada yang ditulis. Peningkatan akan:</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="72"/>
        <source>Upgraded {path} from schema version {old} to {new}.</source>
        <translation>{path} ditingkatkan dari skema versi {old} ke {new}.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="76"/>
        <source>Backup copy: {path}</source>
        <translation>Salinan cadangan: {path}</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="78"/>
        <source>Tables created: {tables}</source>
        <translation>Tabel yang dibuat: {tables}</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="81"/>
        <source>Enterprise fields added (empty: nobody has consented to publication yet): {fields}</source>
        <translation>Isian usaha ditambahkan (kosong: belum ada yang setuju dipublikasikan): {fields}</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="84"/>
        <source>Stage history: {n} rows (one per enterprise, source &apos;impor&apos;); programme participation: {m} rows.</source>
        <translation>Riwayat tahap: {n} baris (satu per usaha, sumber &apos;impor&apos;); partisipasi program: {m} baris.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="88"/>
        <source>Compared {n} records of {table}: all equal before and after.</source>
        <translation>{n} rekaman {table} dibandingkan: semuanya sama sebelum dan sesudah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="92"/>
        <source>The history gives back the current {check} fields of every enterprise.</source>
        <translation>Riwayat menghasilkan kembali isian {check} saat ini untuk setiap usaha.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="96"/>
        <source>Not carried into the history (kept in the enterprise fields): {items}</source>
        <translation>Tidak dimasukkan ke riwayat (tetap di isian usaha): {items}</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="193"/>
        <source>The upgrade of {path} failed and was rolled back; the file is unchanged: {error}</source>
        <translation>Peningkatan {path} gagal dan dibatalkan; berkas tidak berubah: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="204"/>
        <source>{path} uses schema version {found}; only version {known} can be upgraded. The file was not changed.</source>
        <translation>{path} memakai skema versi {found}; hanya versi {known} yang dapat ditingkatkan. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="210"/>
        <source>{path} has no enterprise layer; it cannot be upgraded. The file was not changed.</source>
        <translation>{path} tidak memiliki lapisan usaha; tidak dapat ditingkatkan. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="215"/>
        <source>{path} already has a table named {tables}; rename it first. The file was not changed.</source>
        <translation>{path} sudah memiliki tabel bernama {tables}; ganti namanya terlebih dahulu. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="223"/>
        <source>Reading every record…</source>
        <translation>Membaca setiap rekaman…</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="251"/>
        <source>Creating the history tables…</source>
        <translation>Membuat tabel riwayat…</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="255"/>
        <source>Comparing every record…</source>
        <translation>Membandingkan setiap rekaman…</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="261"/>
        <source>The upgrade would change existing records of {tables}; it was rolled back and the file is unchanged.</source>
        <translation>Peningkatan akan mengubah rekaman yang ada di {tables}; semuanya dibatalkan dan berkas tidak berubah.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="266"/>
        <source>The schema version was not written; rolled back.</source>
        <translation>Versi skema tidak tertulis; dibatalkan.</translation>
    </message>
    <message>
        <location filename="../adapters/gpkg_upgrade.py" line="276"/>
        <source>After seeding, the history does not give back the current fields of some enterprises (duplicated uid?): {items}. The upgrade was rolled back and the file is unchanged.</source>
        <translation>Setelah diisi, riwayat tidak menghasilkan kembali isian saat ini untuk beberapa usaha (uid ganda?): {items}. Peningkatan dibatalkan dan berkas tidak berubah.</translation>
    </message>
    <message>
        <location filename="../adapters/heatmap_io.py" line="58"/>
        <source>GDAL could not create {path}. Detail: {detail}</source>
        <translation>GDAL tidak dapat membuat {path}. Rincian: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/import_updates.py" line="65"/>
        <location filename="../adapters/spreadsheet_io.py" line="162"/>
        <source>the data provider refused the rows</source>
        <translation>penyedia data menolak baris-baris tersebut</translation>
    </message>
    <message>
        <location filename="../adapters/import_updates.py" line="69"/>
        <source>the data provider refused the changes</source>
        <translation>penyedia data menolak perubahan</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="62"/>
        <source>points</source>
        <translation>titik</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="62"/>
        <source>polygons</source>
        <translation>poligon</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="63"/>
        <source>{layer} holds {actual} geometries, but this input needs {expected}. Choose the right layer.</source>
        <translation>{layer} berisi geometri {actual}, padahal masukan ini memerlukan {expected}. Pilih lapisan yang benar.</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="67"/>
        <location filename="../gui/rule_widgets.py" line="49"/>
        <source>no</source>
        <translation>tanpa</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="104"/>
        <source>the CRS of {layer} is wrong. It is declared as {crs} (degrees), but its coordinates reach {x:.0f}, {y:.0f}, beyond ±180/±90: they are probably metres of a projected CRS (e.g. UTM). Set the layer&apos;s real CRS (Layer properties › Source) or reproject it, then run again.</source>
        <translation>CRS {layer} salah. Lapisan dinyatakan sebagai {crs} (derajat), tetapi koordinatnya mencapai {x:.0f}, {y:.0f}, melewati ±180/±90: kemungkinan besar itu meter dari CRS terproyeksi (mis. UTM). Tetapkan CRS yang sebenarnya (Properti lapisan › Sumber) atau proyeksikan ulang, lalu jalankan lagi.</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="126"/>
        <source>{n} features of {layer} have several points each (feature ids {ids}); an enterprise or service is one place. Split them with &quot;Multipart to singleparts&quot; or correct them, then run again.</source>
        <translation>{n} fitur {layer} masing-masing berisi beberapa titik (id fitur {ids}); satu usaha atau layanan adalah satu tempat. Pisahkan dengan &quot;Multipart to singleparts&quot; atau perbaiki, lalu jalankan lagi.</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="180"/>
        <source>the GeoPackage {path} is damaged, so part of its data cannot be read (nothing was analysed). Restore it from a backup, or repair a copy (e.g. &quot;sqlite3 file.gpkg .recover&quot;). Detail: {detail}</source>
        <translation>GeoPackage {path} rusak, sehingga sebagian datanya tidak dapat dibaca (tidak ada yang dianalisis). Pulihkan dari cadangan, atau perbaiki salinannya (mis. &quot;sqlite3 file.gpkg .recover&quot;). Rincian: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="193"/>
        <source>the filter expression has an error and was not used: {error}</source>
        <translation>ekspresi filter mengandung kesalahan dan tidak dipakai: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="202"/>
        <source>the filter expression names fields the layer does not have: {fields}. Available fields: {available}</source>
        <translation>ekspresi filter menyebut kolom yang tidak ada di lapisan: {fields}. Kolom yang tersedia: {available}</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="216"/>
        <source>the filter expression cannot be evaluated: {error}</source>
        <translation>ekspresi filter tidak dapat dievaluasi: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/input_checks.py" line="225"/>
        <source>{fields} cannot be category fields: each value would become an output column (names, identity numbers). Choose from: {allowed}</source>
        <translation>{fields} tidak boleh menjadi kolom kategori: setiap nilainya akan menjadi kolom keluaran (nama, nomor identitas). Pilih dari: {allowed}</translation>
    </message>
    <message>
        <location filename="../adapters/network_costs.py" line="157"/>
        <source>The road network has no usable lines: costs cannot be computed on it.</source>
        <translation>Jaringan jalan tidak memiliki garis yang dapat dipakai: biaya tidak dapat dihitung.</translation>
    </message>
    <message>
        <location filename="../adapters/normalise.py" line="27"/>
        <source>{field}: {n} values written another way (e.g. &quot;Ya&quot;, &quot;Makanan &quot;) were read as their catalogue value.</source>
        <translation>{field}: {n} nilai yang ditulis dengan cara lain (mis. &quot;Ya&quot;, &quot;Makanan &quot;) dibaca sebagai nilai katalognya.</translation>
    </message>
    <message>
        <location filename="../adapters/normalise.py" line="32"/>
        <source>{field}: {n} values are not yes/no and count as unknown: {values}</source>
        <translation>{field}: {n} nilai bukan ya/tidak dan dihitung sebagai tidak diketahui: {values}</translation>
    </message>
    <message>
        <location filename="../adapters/normalise.py" line="34"/>
        <source>{field}: {n} values are not in the catalogue and are counted under their own name: {values}</source>
        <translation>{field}: {n} nilai tidak ada di katalog dan dihitung dengan namanya sendiri: {values}</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="145"/>
        <source>the folder {path} is not empty; its files are never replaced. Choose a new folder.</source>
        <translation>folder {path} tidak kosong; berkas di dalamnya tidak pernah ditimpa. Pilih folder baru.</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="153"/>
        <source>{path} is the file of the input {input} of this run; writing the output there would destroy it. Choose another file.</source>
        <translation>{path} adalah berkas masukan {input} dari proses ini; menulis keluaran ke sana akan merusaknya. Pilih berkas lain.</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="157"/>
        <source>{path} is an existing database (tables: {tables}) that this plugin did not write; it is never replaced. Choose a new file name.</source>
        <translation>{path} adalah basis data yang sudah ada (tabel: {tables}) yang tidak ditulis oleh plugin ini; berkas itu tidak pernah ditimpa. Pilih nama berkas baru.</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="161"/>
        <source>{path} already exists and is not an unchanged output of this plugin; it is not replaced. Choose a new file name, or delete the file first.</source>
        <translation>{path} sudah ada dan bukan keluaran plugin ini yang belum diubah; berkas itu tidak ditimpa. Pilih nama berkas baru, atau hapus berkas itu terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="271"/>
        <source>Another import into {path} is running; waiting for it to finish…</source>
        <translation>Impor lain ke {path} sedang berjalan; menunggu hingga selesai…</translation>
    </message>
    <message>
        <location filename="../adapters/output_guard.py" line="275"/>
        <source>{path} is locked by another import; nothing was written.</source>
        <translation>{path} dikunci oleh impor lain; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/output_tables.py" line="58"/>
        <source>the table {table} already exists in the database and was not written by this plugin; QGIS would drop it with all its rows. Choose a new table name.</source>
        <translation>tabel {table} sudah ada di basis data dan tidak ditulis oleh plugin ini; QGIS akan menghapusnya beserta semua barisnya. Pilih nama tabel baru.</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="100"/>
        <source>the output could not be completed ({error}); nothing was written.</source>
        <translation>keluaran tidak dapat diselesaikan ({error}); tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="108"/>
        <source>no reason given</source>
        <translation>tanpa alasan</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="109"/>
        <source>feature {n} ({label}) was refused by the output ({error}); nothing was written.</source>
        <translation>fitur ke-{n} ({label}) ditolak oleh keluaran ({error}); tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="181"/>
        <source>field names are limited to 10 characters in this format: {old} is written as {new}.</source>
        <translation>nama kolom dalam format ini paling panjang 10 karakter: {old} ditulis sebagai {new}.</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="279"/>
        <source>{path} could not be written completely (is the disk full?); nothing was written.</source>
        <translation>{path} tidak dapat ditulis seluruhnya (apakah disk penuh?); tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/output_writer.py" line="306"/>
        <source>A file could not be written or read ({error}); nothing was written. Is the disk full?</source>
        <translation>Sebuah berkas tidak dapat ditulis atau dibaca ({error}); tidak ada yang ditulis. Apakah disk penuh?</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/connection.py" line="29"/>
        <source>No PostgreSQL connection named {name} in QGIS.</source>
        <translation>Tidak ada koneksi PostgreSQL bernama {name} di QGIS.</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/connection.py" line="39"/>
        <source>The database refused the change: {error}</source>
        <translation>Basis data menolak perubahan: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="83"/>
        <source>the layer is an SQL query, not a table</source>
        <translation>lapisan adalah kueri SQL, bukan tabel</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="90"/>
        <location filename="../adapters/postgis/density_sql.py" line="139"/>
        <source>the layer has no single-column primary key</source>
        <translation>lapisan tidak memiliki kunci primer satu kolom</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="158"/>
        <source>the enterprises are not single points</source>
        <translation>usaha bukan titik tunggal</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="161"/>
        <source>the regions are not plain polygons</source>
        <translation>wilayah bukan poligon biasa</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="163"/>
        <source>a region geometry is invalid (repaired in QGIS)</source>
        <translation>ada geometri wilayah yang tidak valid (diperbaiki di QGIS)</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="165"/>
        <source>a layer&apos;s CRS has no PostGIS SRID</source>
        <translation>CRS lapisan tidak memiliki SRID PostGIS</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="168"/>
        <source>a category field is personal data</source>
        <translation>bidang kategori adalah data pribadi</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="173"/>
        <source>the filter expression has no exact SQL translation</source>
        <translation>ekspresi filter tidak memiliki padanan SQL yang persis</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="191"/>
        <source>the enterprises and the regions are not tables of the same PostGIS database</source>
        <translation>usaha dan wilayah bukan tabel dari basis data PostGIS yang sama</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="199"/>
        <source>the enterprises&apos; primary key is not an integer</source>
        <translation>kunci primer usaha bukan bilangan bulat</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="212"/>
        <location filename="../adapters/postgis/density_sql.py" line="230"/>
        <source>the regions changed while they were read</source>
        <translation>wilayah berubah saat sedang dibaca</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="215"/>
        <source>the database refused the query: {error}</source>
        <translation>basis data menolak kueri: {error}</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="268"/>
        <source>Aggregation not pushed down to PostGIS: {reason}.</source>
        <translation>Agregasi tidak dijalankan di PostGIS: {reason}.</translation>
    </message>
    <message>
        <location filename="../adapters/postgis/density_sql.py" line="271"/>
        <source>Aggregation pushed down to PostGIS.</source>
        <translation>Agregasi dijalankan di PostGIS.</translation>
    </message>
    <message>
        <location filename="../adapters/region_stats.py" line="89"/>
        <source>Invalid geometry of region {name} repaired.</source>
        <translation>Geometri wilayah {name} yang tidak valid telah diperbaiki.</translation>
    </message>
    <message>
        <location filename="../adapters/region_stats.py" line="91"/>
        <source>Invalid geometry of region {name} skipped: it counts nothing.</source>
        <translation>Geometri wilayah {name} yang tidak valid dilewati: wilayah ini tidak menghitung apa pun.</translation>
    </message>
    <message>
        <location filename="../adapters/region_stats.py" line="168"/>
        <location filename="../processing/stage_progression.py" line="120"/>
        <source>Region field {field} renamed {new}: the statistic of that name is computed here.</source>
        <translation>Kolom wilayah {field} diganti namanya menjadi {new}: statistik dengan nama itu dihitung di sini.</translation>
    </message>
    <message>
        <location filename="../adapters/region_stats.py" line="205"/>
        <location filename="../adapters/region_stats.py" line="221"/>
        <source>Could not write a feature to the output.</source>
        <translation>Tidak dapat menulis fitur ke keluaran.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="14"/>
        <source>The file {file} was not found.</source>
        <translation>Berkas {file} tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="15"/>
        <source>{file} is empty: it holds no table at all.</source>
        <translation>{file} kosong: tidak berisi tabel sama sekali.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="16"/>
        <source>{file} has a header row but no data rows: nothing to import.</source>
        <translation>{file} hanya berisi baris judul kolom tanpa baris data: tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="17"/>
        <source>{file} is protected by a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it, then import again.</source>
        <translation>{file} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook) lalu simpan, kemudian impor lagi.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="20"/>
        <source>{file} is an Excel 97-2003 workbook (.xls). Save it as .xlsx (Excel Workbook) or CSV, then import again.</source>
        <translation>{file} adalah buku kerja Excel 97-2003 (.xls). Simpan sebagai .xlsx (Excel Workbook) atau CSV, lalu impor lagi.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="22"/>
        <source>{file} is damaged or incomplete (cut off while copying or downloading). Copy or download it again.</source>
        <translation>{file} rusak atau tidak lengkap (terpotong saat disalin atau diunduh). Salin atau unduh lagi.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="24"/>
        <source>{file} is not a spreadsheet, although its name ends in {suffix}. Choose the XLSX or CSV file exported from Excel.</source>
        <translation>{file} bukan spreadsheet, walaupun namanya berakhiran {suffix}. Pilih berkas XLSX atau CSV yang diekspor dari Excel.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="26"/>
        <source>{file} has no worksheet of that name.</source>
        <translation>{file} tidak memiliki lembar kerja dengan nama itu.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="27"/>
        <source>The text encoding of {file} is not recognised. Save it from Excel as &quot;CSV UTF-8&quot;.</source>
        <translation>Pengodean teks {file} tidak dikenali. Simpan dari Excel sebagai &quot;CSV UTF-8&quot;.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="29"/>
        <source>{file} cannot be read as a table.</source>
        <translation>{file} tidak dapat dibaca sebagai tabel.</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="36"/>
        <source>The file</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_errors.py" line="40"/>
        <source>Detail: {detail}</source>
        <translation>Rincian: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="35"/>
        <source>Required column not found in the spreadsheet</source>
        <translation>Kolom wajib tidak ditemukan di lembar kerja</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="36"/>
        <source>Required value is empty</source>
        <translation>Nilai wajib kosong</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="37"/>
        <source>Value not in the list of choices: {detail}</source>
        <translation>Nilai tidak ada dalam daftar pilihan: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="38"/>
        <source>Not a number: {detail}</source>
        <translation>Bukan angka: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="39"/>
        <source>Number outside the plausible range (left empty): {detail}</source>
        <translation>Angka di luar rentang yang wajar (dibiarkan kosong): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="40"/>
        <source>Not a whole number (rounded): {detail}</source>
        <translation>Bukan bilangan bulat (dibulatkan): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="41"/>
        <source>Not yes/no (left empty): {detail}</source>
        <translation>Bukan ya/tidak (dibiarkan kosong): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="42"/>
        <source>Text longer than {detail} characters (shortened)</source>
        <translation>Teks lebih panjang dari {detail} karakter (dipendekkan)</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="43"/>
        <source>NIK is not 16 digits (left empty)</source>
        <translation>NIK tidak 16 digit (dibiarkan kosong)</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="44"/>
        <source>NIK was stored by Excel as a rounded number: format the column as text (left empty)</source>
        <translation>NIK tersimpan oleh Excel sebagai angka yang dibulatkan: format kolomnya sebagai teks (dibiarkan kosong)</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="46"/>
        <source>Phone number not recognised (left empty)</source>
        <translation>Nomor telepon tidak dikenali (dibiarkan kosong)</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="47"/>
        <source>Latitude and longitude were swapped (corrected): {detail}</source>
        <translation>Lintang dan bujur tertukar (diperbaiki): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="48"/>
        <source>Coordinates outside Indonesia: {detail}</source>
        <translation>Koordinat di luar Indonesia: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="49"/>
        <source>Coordinates not readable: {detail}</source>
        <translation>Koordinat tidak dapat dibaca: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="50"/>
        <source>Village code not found: {detail}</source>
        <translation>Kode desa tidak ditemukan: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="51"/>
        <source>Village name not found: {detail}</source>
        <translation>Nama desa tidak ditemukan: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="52"/>
        <source>Village name found in several districts; add the district (Kecamatan): {detail}</source>
        <translation>Nama desa ditemukan di beberapa kecamatan; tambahkan kecamatannya: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="54"/>
        <source>No coordinates: located at the village centroid (approximate)</source>
        <translation>Tanpa koordinat: ditempatkan di titik tengah desa (perkiraan)</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="56"/>
        <source>No location: no usable coordinates and no known village</source>
        <translation>Tanpa lokasi: tidak ada koordinat yang dapat dipakai dan desa tidak dikenal</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="57"/>
        <source>Same NIK as row {detail}</source>
        <translation>NIK sama dengan baris {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="58"/>
        <source>Same business name and village as row {detail}</source>
        <translation>Nama usaha dan desa sama dengan baris {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="59"/>
        <source>Same unique ID as row {detail}</source>
        <translation>ID unik sama dengan baris {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="60"/>
        <source>Already in the database (same unique ID): skipped</source>
        <translation>Sudah ada di basis data (ID unik sama): dilewati</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="61"/>
        <source>Already in the database (same NIK): skipped</source>
        <translation>Sudah ada di basis data (NIK sama): dilewati</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="62"/>
        <source>Already in the database (same name and village): skipped</source>
        <translation>Sudah ada di basis data (nama dan desa sama): dilewati</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="63"/>
        <source>Already in the database (same unique ID): updated</source>
        <translation>Sudah ada di basis data (ID unik sama): diperbarui</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="64"/>
        <source>Already in the database (same NIK): updated</source>
        <translation>Sudah ada di basis data (NIK sama): diperbarui</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="65"/>
        <source>Already in the database (same name and village): updated</source>
        <translation>Sudah ada di basis data (nama dan desa sama): diperbarui</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="66"/>
        <source>Changed: {detail}</source>
        <translation>Diubah: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="67"/>
        <source>Stage recorded in the stage history: {detail}</source>
        <translation>Tahap dicatat di riwayat tahap: {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="68"/>
        <source>Not a date (the survey date given to the import is used): {detail}</source>
        <translation>Bukan tanggal (tanggal survei yang diberikan pada impor dipakai): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="69"/>
        <source>Not a date and time (left empty): {detail}</source>
        <translation>Bukan tanggal dan jam (dikosongkan): {detail}</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="76"/>
        <source>imported</source>
        <translation>diimpor</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="76"/>
        <location filename="../gui/import_dialog.py" line="276"/>
        <source>not imported</source>
        <translation>tidak diimpor</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="77"/>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="77"/>
        <source>updated</source>
        <translation>diperbarui</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="78"/>
        <source>recorded</source>
        <translation>dicatat</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="86"/>
        <location filename="../gui/import_dialog.py" line="104"/>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="87"/>
        <location filename="../gui/import_dialog.py" line="94"/>
        <location filename="../gui/import_dialog.py" line="104"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="88"/>
        <location filename="../gui/import_dialog.py" line="94"/>
        <location filename="../gui/rules_dialog.py" line="130"/>
        <source>Field</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="89"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="90"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../adapters/spreadsheet_io.py" line="167"/>
        <source>unexpected feature count after writing</source>
        <translation>jumlah fitur tidak sesuai setelah penulisan</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="69"/>
        <source>{uid}: photo path {path} refused (absolute or outside the package)</source>
        <translation>{uid}: jalur foto {path} ditolak (absolut atau di luar paket)</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="77"/>
        <source>{uid}: photo {path} is not in the package</source>
        <translation>{uid}: foto {path} tidak ada di dalam paket</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="135"/>
        <source>{path} has no enterprise layer. Nothing was written.</source>
        <translation>{path} tidak memiliki lapisan usaha. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="139"/>
        <source>The office database lacks the fields {fields} of the package: upgrade it (upgradedatabase). Nothing was written.</source>
        <translation>Basis data kantor tidak memiliki field {fields} dari paket: tingkatkan dulu (upgradedatabase). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="145"/>
        <source>The package&apos;s coordinate system ({a}) differs from the database&apos;s ({b}). Nothing was written.</source>
        <translation>Sistem koordinat paket ({a}) berbeda dari basis data ({b}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="154"/>
        <source>None of the package&apos;s enterprises is in {path}: the package was made from another database ({source}). Nothing was written.</source>
        <translation>Tidak satu pun usaha dalam paket ada di {path}: paket dibuat dari basis data lain ({source}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="173"/>
        <source>add {uid} {name}</source>
        <translation>tambah {uid} {name}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="177"/>
        <source>update {uid} {name}: {field} {old} → {new}</source>
        <translation>ubah {uid} {name}: {field} {old} → {new}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="182"/>
        <source>conflict {uid} {name} ({fields}): rule {rule}</source>
        <translation>konflik {uid} {name} ({fields}): aturan {rule}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="190"/>
        <source>deleted in the field (not applied, to review) {uid} {name}</source>
        <translation>dihapus di lapangan (tidak diterapkan, untuk ditinjau) {uid} {name}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="194"/>
        <source>edited in the field but deleted in the office (not re-added, to review) {uid}</source>
        <translation>diubah di lapangan tetapi dihapus di kantor (tidak ditambahkan lagi, untuk ditinjau) {uid}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="198"/>
        <source>new in the field but already in the office with other values (kept, to review) {uid}</source>
        <translation>baru di lapangan tetapi sudah ada di kantor dengan nilai lain (dipertahankan, untuk ditinjau) {uid}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="204"/>
        <source>photo {src} → {target}</source>
        <translation>foto {src} → {target}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="206"/>
        <source>stage history {uid}: {stage} on {date}</source>
        <translation>riwayat tahap {uid}: {stage} pada {date}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="218"/>
        <source>{uid} {name}: {problem}</source>
        <translation>{uid} {name}: {problem}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_merge.py" line="256"/>
        <source>The database refused the merge ({error}). Nothing was written.</source>
        <translation>Basis data menolak penggabungan ({error}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="55"/>
        <source>{path} is not a field survey package of this plugin (no {table} table in a GeoPackage). Nothing was written.</source>
        <translation>{path} bukan paket survei lapangan plugin ini (tidak ada tabel {table} di GeoPackage). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="66"/>
        <source>{path} is damaged ({member} does not match its checksum). Nothing was written.</source>
        <translation>{path} rusak ({member} tidak cocok dengan checksum-nya). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="72"/>
        <source>{path} holds a file outside the package ({member}). Nothing was written.</source>
        <translation>{path} berisi berkas di luar paket ({member}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="77"/>
        <source>{path} is not a readable zip file ({error}). Nothing was written.</source>
        <translation>{path} bukan berkas zip yang dapat dibaca ({error}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="112"/>
        <source>{path} not found or not a package (a folder, a zip or its .gpkg). Nothing was written.</source>
        <translation>{path} tidak ditemukan atau bukan paket (folder, zip, atau .gpkg-nya). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="119"/>
        <source>{path}: the package&apos;s GeoPackage is damaged (not an SQLite database). Nothing was written.</source>
        <translation>{path}: GeoPackage paket rusak (bukan basis data SQLite). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="151"/>
        <source>{path} was made by a newer plugin; update the plugin. Nothing was written.</source>
        <translation>{path} dibuat oleh plugin yang lebih baru; perbarui plugin. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="156"/>
        <source>{path}: the package has lost its enterprise layer. Nothing was written.</source>
        <translation>{path}: lapisan usaha paket hilang. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_open.py" line="166"/>
        <source>{path}: the package&apos;s GeoPackage is damaged ({error}). Nothing was written.</source>
        <translation>{path}: GeoPackage paket rusak ({error}). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../adapters/survey_package.py" line="84"/>
        <source>{path} is not empty: choose a new folder for the package (a package that came back from the field must never be overwritten).</source>
        <translation>{path} tidak kosong: pilih folder baru untuk paket (paket yang kembali dari lapangan tidak boleh tertimpa).</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="86"/>
        <location filename="../gui/browse_panel.py" line="210"/>
        <location filename="../gui/enterprise_model.py" line="95"/>
        <location filename="../processing/heatmap.py" line="65"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="87"/>
        <location filename="../gui/browse_panel.py" line="208"/>
        <location filename="../gui/enterprise_model.py" line="95"/>
        <location filename="../processing/heatmap.py" line="64"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="114"/>
        <source>Field survey of home enterprises</source>
        <translation>Survei lapangan industri rumahan</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="115"/>
        <location filename="../adapters/survey_project.py" line="146"/>
        <source>Home enterprises</source>
        <translation>Industri rumahan</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="116"/>
        <location filename="../gui/report_dialog.py" line="100"/>
        <location filename="../processing/params.py" line="48"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="126"/>
        <source>Cannot open layer {name} of {path}</source>
        <translation>Tidak dapat membuka lapisan {name} dari {path}</translation>
    </message>
    <message>
        <location filename="../adapters/survey_project.py" line="139"/>
        <source>Cannot write the project {path}: {error}</source>
        <translation>Tidak dapat menulis proyek {path}: {error}</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="22"/>
        <source>To add them: on Windows, open the OSGeo4W Shell as administrator and run: {pip} — on Debian/Ubuntu run: {apt} — on macOS or any other system, install the QGIS plugin QPIP (Plugins menu), which installs them. Then restart QGIS.</source>
        <translation>Cara menambahkannya: di Windows, buka OSGeo4W Shell sebagai administrator lalu jalankan: {pip} — di Debian/Ubuntu jalankan: {apt} — di macOS atau sistem lain, pasang plugin QGIS QPIP (menu Plugin), yang akan memasangnya. Setelah itu mulai ulang QGIS.</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="30"/>
        <source>Industri Rumahan: this QGIS lacks Python libraries: {names}. The algorithms that need them cannot run; the others work.</source>
        <translation>Industri Rumahan: QGIS ini tidak memiliki pustaka Python: {names}. Algoritme yang memerlukannya tidak dapat dijalankan; yang lain tetap berfungsi.</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="41"/>
        <source>This tool needs Python libraries that this QGIS lacks: {names}.</source>
        <translation>Alat ini memerlukan pustaka Python yang tidak ada di QGIS ini: {names}.</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="62"/>
        <source>How to install…</source>
        <translation>Cara memasang…</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="204"/>
        <location filename="../gui/buttons.py" line="17"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="204"/>
        <location filename="../gui/buttons.py" line="17"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="206"/>
        <source>Regency</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="207"/>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="212"/>
        <source>Guidance</source>
        <translation>Pembinaan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="214"/>
        <source>Women-owned</source>
        <translation>Milik perempuan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="215"/>
        <source>KRTP</source>
        <translation>KRTP</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="227"/>
        <source>Home industries</source>
        <translation>Industri rumahan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="228"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="229"/>
        <source>Stage rules…</source>
        <translation>Aturan tahap…</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="230"/>
        <source>Search business, owner, product, village…</source>
        <translation>Cari usaha, pemilik, produk, desa…</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="233"/>
        <source>(all)</source>
        <translation>(semua)</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="236"/>
        <source>Enter or double-click opens the selected enterprise.</source>
        <translation>Enter atau klik ganda membuka usaha yang dipilih.</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="237"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="238"/>
        <source>Edit</source>
        <translation>Sunting</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="239"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="240"/>
        <source>Undo change</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="241"/>
        <source>Redo change</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="242"/>
        <source>Save edits</source>
        <translation>Simpan suntingan</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="243"/>
        <source>Save each change to the file</source>
        <translation>Simpan setiap perubahan ke berkas</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="281"/>
        <source>Each change is written to the file at once. Undo change writes a new change that restores the previous values.</source>
        <translation>Setiap perubahan langsung ditulis ke berkas. Urungkan menulis perubahan baru yang memulihkan nilai sebelumnya.</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="284"/>
        <source>Changes wait in the layer&apos;s edit buffer until Save edits; each saved form or deletion is one undo step.</source>
        <translation>Perubahan menunggu di penyangga suntingan lapisan sampai Simpan suntingan; setiap formulir yang disimpan atau setiap penghapusan adalah satu langkah Urungkan.</translation>
    </message>
    <message>
        <location filename="../gui/browse_panel.py" line="352"/>
        <source>{shown} of {total} enterprises shown · women-owned {women} · KRTP {krtp}</source>
        <translation>{shown} dari {total} usaha ditampilkan · milik perempuan {women} · KRTP {krtp}</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="16"/>
        <location filename="../gui/form_layout.py" line="109"/>
        <location filename="../gui/report_dialog.py" line="144"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="16"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="17"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="18"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="18"/>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="19"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location filename="../gui/buttons.py" line="19"/>
        <location filename="../gui/form_layout.py" line="108"/>
        <location filename="../gui/rules_dialog.py" line="84"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="44"/>
        <location filename="../gui/dock.py" line="341"/>
        <location filename="../gui/dock_language.py" line="44"/>
        <source>Industri Rumahan</source>
        <translation>Industri Rumahan</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="258"/>
        <source>The layer cannot be edited (read-only file or data source).</source>
        <translation>Lapisan tidak dapat disunting (berkas atau sumber data hanya-baca).</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="284"/>
        <source>Delete {n} enterprise(s)?</source>
        <translation>Hapus {n} usaha?</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="286"/>
        <source>They are removed from the file at once; Undo change puts them back (as a new change).</source>
        <translation>Usaha tersebut langsung dihapus dari berkas; Urungkan mengembalikannya (sebagai perubahan baru).</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="289"/>
        <source>This can be undone (Undo change) until you save the edits.</source>
        <translation>Ini dapat diurungkan (Urungkan) sampai suntingan disimpan (Simpan suntingan).</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="301"/>
        <location filename="../gui/form_panel.py" line="281"/>
        <source>The layer cannot be edited (read-only file or data source). Nothing was written.</source>
        <translation>Lapisan tidak dapat disunting (berkas atau sumber data hanya-baca). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="304"/>
        <location filename="../gui/dock.py" line="313"/>
        <source>Delete enterprises</source>
        <translation>Hapus usaha</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="325"/>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="328"/>
        <location filename="../gui/dock_undo.py" line="52"/>
        <source>Could not save to the file: {reasons}. The changes are kept as unsaved edits.</source>
        <translation>Tidak dapat menyimpan ke berkas: {reasons}. Perubahan disimpan sebagai suntingan yang belum tersimpan.</translation>
    </message>
    <message>
        <location filename="../gui/dock_undo.py" line="19"/>
        <location filename="../gui/form_panel.py" line="293"/>
        <source>Enterprise {name}</source>
        <translation>Usaha {name}</translation>
    </message>
    <message>
        <location filename="../gui/dock_undo.py" line="35"/>
        <source>Undone and saved: {what}.</source>
        <translation>Diurungkan dan disimpan: {what}.</translation>
    </message>
    <message>
        <location filename="../gui/dock_undo.py" line="46"/>
        <source>Redone and saved: {what}.</source>
        <translation>Diulangi dan disimpan: {what}.</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="93"/>
        <source>Business</source>
        <translation>Usaha</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="93"/>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="94"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="94"/>
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="96"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../gui/enterprise_model.py" line="96"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../gui/field_survey.py" line="101"/>
        <source>Not available: this installation has no {algorithm} algorithm.</source>
        <translation>Tidak tersedia: instalasi ini tidak memiliki algoritma {algorithm}.</translation>
    </message>
    <message>
        <location filename="../gui/field_survey.py" line="109"/>
        <source>Prepare field survey package…</source>
        <translation>Siapkan paket survei lapangan…</translation>
    </message>
    <message>
        <location filename="../gui/field_survey.py" line="110"/>
        <source>Merge field survey package…</source>
        <translation>Gabungkan paket survei lapangan…</translation>
    </message>
    <message>
        <location filename="../gui/field_survey.py" line="111"/>
        <source>Export XLSForm…</source>
        <translation>Ekspor XLSForm…</translation>
    </message>
    <message>
        <location filename="../gui/field_survey.py" line="137"/>
        <source>Field survey</source>
        <translation>Survei lapangan</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="95"/>
        <location filename="../gui/form_panel.py" line="106"/>
        <source>No location yet.</source>
        <translation>Belum ada lokasi.</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="100"/>
        <source>New enterprise</source>
        <translation>Usaha baru</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="101"/>
        <source>Edit enterprise</source>
        <translation>Sunting usaha</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="102"/>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="103"/>
        <source>Lon/X</source>
        <translation>Bujur/X</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="104"/>
        <source>Lat/Y</source>
        <translation>Lintang/Y</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="105"/>
        <source>Pick on map</source>
        <translation>Pilih di peta</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="106"/>
        <source>Village centroid</source>
        <translation>Titik tengah desa</translation>
    </message>
    <message>
        <location filename="../gui/form_layout.py" line="107"/>
        <source>Use suggestion</source>
        <translation>Pakai saran</translation>
    </message>
    <message>
        <location filename="../gui/form_panel.py" line="163"/>
        <source>Unknown village code: fill in a valid code first.</source>
        <translation>Kode desa tidak dikenal: isi kode yang valid terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../gui/form_panel.py" line="201"/>
        <source>no criterion met</source>
        <translation>tidak ada kriteria yang terpenuhi</translation>
    </message>
    <message>
        <location filename="../gui/form_panel.py" line="202"/>
        <source>Suggested stage: {stage} ({reasons})</source>
        <translation>Tahap yang disarankan: {stage} ({reasons})</translation>
    </message>
    <message>
        <location filename="../gui/form_panel.py" line="311"/>
        <source>The edit buffer refused the change. Nothing was written.</source>
        <translation>Penyangga suntingan menolak perubahan. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../gui/form_panel.py" line="323"/>
        <source>Could not save to the file: {reasons}. Your input is kept here and in the layer&apos;s unsaved edits; fix the cause and save again.</source>
        <translation>Tidak dapat menyimpan ke berkas: {reasons}. Isian Anda tetap ada di sini dan di suntingan lapisan yang belum tersimpan; perbaiki penyebabnya lalu simpan lagi.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="44"/>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="45"/>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="46"/>
        <source>Latitude, longitude (one column)</source>
        <translation>Lintang, bujur (satu kolom)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="47"/>
        <source>Village (desa/kelurahan) name</source>
        <translation>Nama desa/kelurahan</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="48"/>
        <source>District (kecamatan) name</source>
        <translation>Nama kecamatan</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="49"/>
        <source>Regency (kabupaten/kota) name</source>
        <translation>Nama kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="50"/>
        <location filename="../gui/import_dialog.py" line="85"/>
        <source>Survey date</source>
        <translation>Tanggal survei</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="52"/>
        <source>(do not import)</source>
        <translation>(jangan diimpor)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="64"/>
        <location filename="../processing/import_spreadsheet.py" line="31"/>
        <source>Import enterprises from a spreadsheet</source>
        <translation>Impor usaha dari lembar kerja</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="70"/>
        <location filename="../processing/import_spreadsheet.py" line="85"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>Lembar kerja (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="72"/>
        <location filename="../processing/export_spreadsheet.py" line="47"/>
        <source>Spreadsheet</source>
        <translation>Lembar kerja</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="77"/>
        <source>Enterprise layer</source>
        <translation>Lapisan usaha</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="78"/>
        <source>Dry run (check only, write nothing)</source>
        <translation>Uji coba (hanya periksa, tidak menulis apa pun)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="83"/>
        <source>YYYY-MM-DD or DD/MM/YYYY; empty: today (a survey-date column wins)</source>
        <translation>TTTT-BB-HH atau HH/BB/TTTT; kosong: hari ini (kolom tanggal survei diutamakan)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="88"/>
        <location filename="../processing/export_spreadsheet.py" line="47"/>
        <location filename="../processing/import_spreadsheet.py" line="102"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="89"/>
        <location filename="../processing/import_spreadsheet.py" line="101"/>
        <source>Validation report</source>
        <translation>Laporan validasi</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="94"/>
        <source>Example</source>
        <translation>Contoh</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="104"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="111"/>
        <source>Open report</source>
        <translation>Buka laporan</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="117"/>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="148"/>
        <source>Cannot read the spreadsheet: {error}</source>
        <translation>Tidak dapat membaca lembar kerja: {error}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="169"/>
        <source>{n} rows. Required fields without a column: {fields}</source>
        <translation>{n} baris. Kolom wajib yang belum punya kolom sumber: {fields}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="171"/>
        <source>{n} rows; every required field has a column.</source>
        <translation>{n} baris; setiap kolom wajib sudah punya kolom sumber.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="200"/>
        <source>Choose the enterprise layer to import into.</source>
        <translation>Pilih lapisan usaha tujuan impor.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="210"/>
        <source>{ok} would be imported, {upd} enterprises would be updated, {skip} already present, {bad} not imported, {approx} at a village centroid.</source>
        <translation>{ok} akan diimpor, {upd} usaha akan diperbarui, {skip} sudah ada, {bad} tidak diimpor, {approx} di titik tengah desa.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="216"/>
        <source>{ok} imported, {skip} already present, {bad} not imported, {approx} at a village centroid.</source>
        <translation>{ok} diimpor, {skip} sudah ada, {bad} tidak diimpor, {approx} di titik tengah desa.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="221"/>
        <source>{n} changes to enterprises already present are listed in the report.</source>
        <translation>{n} perubahan pada usaha yang sudah ada tercantum di laporan.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="224"/>
        <source>{upd} enterprises updated, {st} stage changes recorded in the history.</source>
        <translation>{upd} usaha diperbarui, {st} perubahan tahap dicatat di riwayat.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="228"/>
        <source>Dry run, nothing written.</source>
        <translation>Uji coba, tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="230"/>
        <source>Report: {path}</source>
        <translation>Laporan: {path}</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="65"/>
        <location filename="../gui/report_dialog.py" line="168"/>
        <source>Region report (PDF)</source>
        <translation>Laporan wilayah (PDF)</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="86"/>
        <source>all records</source>
        <translation>semua catatan</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="89"/>
        <source>e.g. 19.01 for the kecamatan of one regency</source>
        <translation>mis. 19.01 untuk kecamatan di satu kabupaten</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="92"/>
        <location filename="../processing/params.py" line="84"/>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="92"/>
        <location filename="../processing/params.py" line="84"/>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="93"/>
        <location filename="../processing/export_report.py" line="88"/>
        <location filename="../processing/gender_disaggregated_tables.py" line="55"/>
        <source>Show counts of 1–2 as &quot;&lt;3&quot; (privacy)</source>
        <translation>Tampilkan jumlah 1–2 sebagai &quot;&lt;3&quot; (privasi)</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="97"/>
        <location filename="../processing/export_catalogue.py" line="87"/>
        <location filename="../processing/export_report.py" line="93"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="98"/>
        <location filename="../processing/export_spreadsheet.py" line="76"/>
        <location filename="../processing/params.py" line="34"/>
        <source>Enterprises</source>
        <translation>Usaha</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="99"/>
        <source>Regions</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="101"/>
        <source>Period: up to the end of year</source>
        <translation>Periode: hingga akhir tahun</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="102"/>
        <source>Only regions whose code starts with</source>
        <translation>Hanya wilayah yang kodenya diawali</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="103"/>
        <source>Office</source>
        <translation>Dinas</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="104"/>
        <source>Report language</source>
        <translation>Bahasa laporan</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="106"/>
        <location filename="../processing/export_report.py" line="93"/>
        <source>Report PDF</source>
        <translation>PDF laporan</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="141"/>
        <source>Choose the enterprise and region layers and the PDF file.</source>
        <translation>Pilih lapisan usaha, lapisan wilayah dan berkas PDF.</translation>
    </message>
    <message>
        <location filename="../gui/report_dialog.py" line="144"/>
        <source>Writing the report…</source>
        <translation>Menulis laporan…</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="33"/>
        <source>is</source>
        <translation>adalah</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="33"/>
        <source>is not</source>
        <translation>bukan</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="34"/>
        <source>is one of</source>
        <translation>salah satu dari</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="49"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="77"/>
        <source>always</source>
        <translation>selalu</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="78"/>
        <source>at least one</source>
        <translation>minimal satu</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="118"/>
        <source>Row {row}: {field} has no choice {values}; choose from: {choices}.</source>
        <translation>Baris {row}: {field} tidak punya pilihan {values}; pilih dari: {choices}.</translation>
    </message>
    <message>
        <location filename="../gui/rule_widgets.py" line="133"/>
        <source>Row {row}: {field} is not a number; compare it with &quot;is&quot; or &quot;is not&quot;.</source>
        <translation>Baris {row}: {field} bukan angka; bandingkan dengan &quot;adalah&quot; atau &quot;bukan&quot;.</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="59"/>
        <source>Stage suggestion rules</source>
        <translation>Aturan saran tahap</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="65"/>
        <source>No official thresholds between pemula, berkembang and maju are public: these rules only suggest a stage, the office decides. Each criterion adds its points when its conditions hold; the thresholds turn the total into a stage.</source>
        <translation>Belum ada ambang resmi yang dipublikasikan antara pemula, berkembang dan maju: aturan ini hanya menyarankan tahap, dinas yang memutuskan. Setiap kriteria menambahkan poinnya bila syaratnya terpenuhi; ambang batas mengubah jumlah poin menjadi tahap.</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="72"/>
        <source>Rules</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="73"/>
        <source>JSON (advanced)</source>
        <translation>JSON (lanjutan)</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="85"/>
        <source>Reset to defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="105"/>
        <location filename="../gui/rules_dialog.py" line="107"/>
        <source>Points for {stage}</source>
        <translation>Poin untuk {stage}</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="112"/>
        <source>Points</source>
        <translation>Poin</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="113"/>
        <source>Reason (Indonesian)</source>
        <translation>Alasan (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="114"/>
        <source>Reason (English)</source>
        <translation>Alasan (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="124"/>
        <source>Add criterion</source>
        <translation>Tambah kriteria</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="125"/>
        <source>Remove criterion</source>
        <translation>Hapus kriteria</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="130"/>
        <source>Must hold</source>
        <translation>Harus terpenuhi</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="131"/>
        <source>Comparison</source>
        <translation>Perbandingan</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="132"/>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="139"/>
        <source>Add condition</source>
        <translation>Tambah syarat</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="140"/>
        <source>Remove condition</source>
        <translation>Hapus syarat</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="196"/>
        <source>Choose a criterion to see its conditions.</source>
        <translation>Pilih kriteria untuk melihat syaratnya.</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="199"/>
        <source>Conditions of criterion {n}</source>
        <translation>Syarat kriteria {n}</translation>
    </message>
    <message>
        <location filename="../gui/rules_dialog.py" line="310"/>
        <source>Criterion {n}: write the reason users will read.</source>
        <translation>Kriteria {n}: tuliskan alasan yang akan dibaca pengguna.</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Create enterprise database…</source>
        <translation>Buat basis data usaha…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="64"/>
        <source>Home industries panel</source>
        <translation>Panel industri rumahan</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="70"/>
        <source>Generate demo enterprises…</source>
        <translation>Buat usaha contoh…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="76"/>
        <source>Import enterprises from a spreadsheet…</source>
        <translation>Impor usaha dari lembar kerja…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="82"/>
        <source>Export enterprises to a spreadsheet…</source>
        <translation>Ekspor usaha ke lembar kerja…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="88"/>
        <source>Region report (PDF)…</source>
        <translation>Laporan wilayah (PDF)…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="95"/>
        <source>Export product catalogue (PDF)…</source>
        <translation>Ekspor katalog produk (PDF)…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="127"/>
        <source>Publish web map and catalogue…</source>
        <translation>Terbitkan peta web dan katalog…</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="24"/>
        <source>Service accessibility (2SFCA, E2SFCA, gravity)</source>
        <translation>Aksesibilitas layanan (2SFCA, E2SFCA, gravitasi)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="92"/>
        <source>Enterprise demand weight field (empty = 1 each)</source>
        <translation>Kolom bobot permintaan usaha (kosong = masing-masing 1)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="95"/>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="96"/>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="96"/>
        <source>2SFCA, Gaussian decay</source>
        <translation>2SFCA, peluruhan Gauss</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="96"/>
        <source>E2SFCA (step weights)</source>
        <translation>E2SFCA (bobot bertingkat)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="97"/>
        <source>Gravity</source>
        <translation>Gravitasi</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="99"/>
        <source>Distance decay (any decay works with 2SFCA and gravity)</source>
        <translation>Peluruhan jarak (setiap peluruhan berlaku untuk 2SFCA dan gravitasi)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="100"/>
        <source>As the method</source>
        <translation>Sesuai metode</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="100"/>
        <source>None (uniform)</source>
        <translation>Tanpa peluruhan (seragam)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="100"/>
        <source>Steps</source>
        <translation>Bertingkat</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="101"/>
        <location filename="../processing/enum_params.py" line="50"/>
        <source>Gaussian</source>
        <translation>Gauss</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="101"/>
        <source>Power (gravity)</source>
        <translation>Pangkat (gravitasi)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="103"/>
        <source>Catchment (metres, or the cost unit of the OD table or the road network)</source>
        <translation>Jangkauan (meter, atau satuan biaya tabel asal-tujuan atau jaringan jalan)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="106"/>
        <source>E2SFCA step weights (equal steps up to the catchment)</source>
        <translation>Bobot bertingkat E2SFCA (tingkat sama besar hingga batas jangkauan)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="109"/>
        <source>Gaussian sigma (0 = half the catchment)</source>
        <translation>Sigma Gauss (0 = setengah jangkauan)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="112"/>
        <source>Gravity exponent alpha (negative = decay)</source>
        <translation>Eksponen gravitasi alfa (negatif = peluruhan)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="115"/>
        <source>Gravity minimum cost (avoids infinity at 0)</source>
        <translation>Biaya minimum gravitasi (menghindari tak hingga pada 0)</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="118"/>
        <source>Underserved below this share of the mean index</source>
        <translation>Kurang terlayani di bawah proporsi indeks rata-rata ini</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="124"/>
        <location filename="../processing/generate_demo.py" line="57"/>
        <location filename="../processing/service_gap.py" line="46"/>
        <source>Region code field</source>
        <translation>Kolom kode wilayah</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="126"/>
        <source>Enterprises with accessibility</source>
        <translation>Usaha dengan aksesibilitas</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="128"/>
        <source>Accessibility by region</source>
        <translation>Aksesibilitas per wilayah</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="140"/>
        <location filename="../processing/accessibility.py" line="141"/>
        <location filename="../processing/nearest_service.py" line="60"/>
        <location filename="../processing/service_gap.py" line="74"/>
        <location filename="../processing/service_gap.py" line="75"/>
        <source>Choose a field.</source>
        <translation>Pilih sebuah kolom.</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="186"/>
        <source>Give a catchment greater than 0.</source>
        <translation>Isikan jangkauan lebih dari 0.</translation>
    </message>
    <message>
        <location filename="../processing/accessibility.py" line="191"/>
        <source>Step weights must be non-negative numbers separated by commas.</source>
        <translation>Bobot bertingkat harus berupa angka non-negatif yang dipisahkan koma.</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="36"/>
        <source>Apply map style</source>
        <translation>Terapkan gaya peta</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="77"/>
        <source>Layer to style</source>
        <translation>Lapisan yang diberi gaya</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Enterprises by sector</source>
        <translation>Usaha menurut sektor</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Enterprises by stage</source>
        <translation>Usaha menurut tahap</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Enterprises by stage and sector</source>
        <translation>Usaha menurut tahap dan sektor</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Regions: accessibility index</source>
        <translation>Wilayah: indeks aksesibilitas</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Regions: enterprise density</source>
        <translation>Wilayah: kepadatan usaha</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Regions: location quotient (specialisation)</source>
        <translation>Wilayah: location quotient (spesialisasi)</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <location filename="../styles/actions.py" line="20"/>
        <location filename="../styles/actions.py" line="40"/>
        <location filename="../styles/apply.py" line="30"/>
        <source>Regions: share of enterprises without service</source>
        <translation>Wilayah: proporsi usaha tanpa layanan</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="80"/>
        <source>Style</source>
        <translation>Gaya</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="83"/>
        <source>Field (empty: standard or best matching field)</source>
        <translation>Kolom (kosong: kolom standar atau yang paling cocok)</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="86"/>
        <source>Legend language</source>
        <translation>Bahasa legenda</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="87"/>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="90"/>
        <source>Also save the style as</source>
        <translation>Simpan juga gaya sebagai</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="90"/>
        <source>QGIS layer style (*.qml)</source>
        <translation>Gaya lapisan QGIS (*.qml)</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="92"/>
        <source>Styled layer</source>
        <translation>Lapisan bergaya</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="93"/>
        <source>Field used</source>
        <translation>Kolom yang dipakai</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="99"/>
        <source>the layer could not be opened.</source>
        <translation>lapisan tidak dapat dibuka.</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="113"/>
        <source>The layer is not in the project: save the style as a .qml file to keep it.</source>
        <translation>Lapisan tidak ada di proyek: simpan gaya sebagai berkas .qml agar tidak hilang.</translation>
    </message>
    <message>
        <location filename="../processing/apply_style.py" line="119"/>
        <source>Style saved as {path}</source>
        <translation>Gaya disimpan sebagai {path}</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="117"/>
        <source>{layer} is an analysis output, not a boundary layer (it already holds the figures of an analysis). Choose the kabupaten/kota or kecamatan layer of the database.</source>
        <translation>{layer} adalah keluaran analisis, bukan layer batas wilayah (sudah berisi angka hasil analisis). Pilih layer kabupaten/kota atau kecamatan dari basis data.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="204"/>
        <source>the layer has no field {fields}.</source>
        <translation>lapisan tidak memiliki field {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="35"/>
        <source>Create enterprise database</source>
        <translation>Buat basis data usaha</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="58"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="58"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="63"/>
        <source>Add the layers to the project</source>
        <translation>Tambahkan lapisan ke proyek</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="66"/>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location filename="../processing/create_database.py" line="78"/>
        <source>Created {path} (schema version {version})</source>
        <translation>{path} dibuat (skema versi {version})</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="28"/>
        <source>Create or upgrade the shared PostGIS database</source>
        <translation>Buat atau tingkatkan basis data PostGIS bersama</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="56"/>
        <location filename="../processing/publish_to_postgis.py" line="62"/>
        <source>PostgreSQL connection</source>
        <translation>Koneksi PostgreSQL</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="58"/>
        <location filename="../processing/publish_to_postgis.py" line="64"/>
        <source>Schema</source>
        <translation>Skema</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="60"/>
        <source>Create roles and row-level security</source>
        <translation>Buat peran dan keamanan tingkat baris</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="62"/>
        <source>Regency codes for per-regency roles (comma separated)</source>
        <translation>Kode kabupaten/kota untuk peran per kabupaten/kota (dipisahkan koma)</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="64"/>
        <source>Schema version</source>
        <translation>Versi skema</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="75"/>
        <source>not a valid schema name: {name}</source>
        <translation>bukan nama skema yang sah: {name}</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="91"/>
        <source>Created schema {schema} (version {v}).</source>
        <translation>Skema {schema} dibuat (versi {v}).</translation>
    </message>
    <message>
        <location filename="../processing/create_shared_database.py" line="94"/>
        <source>Schema {schema} upgraded from version {old} to {v}; existing rows kept.</source>
        <translation>Skema {schema} ditingkatkan dari versi {old} ke {v}; baris yang ada tetap disimpan.</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="25"/>
        <source>Enterprise density by region</source>
        <translation>Kepadatan usaha per wilayah</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="72"/>
        <source>Category fields (first two are crossed)</source>
        <translation>Kolom kategori (dua yang pertama disilangkan)</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="75"/>
        <source>Repair invalid region geometries (otherwise skip them)</source>
        <translation>Perbaiki geometri wilayah yang tidak valid (jika tidak, lewati)</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="77"/>
        <source>Count in the database when both layers are in the same PostGIS database</source>
        <translation>Hitung di basis data bila kedua lapisan ada di basis data PostGIS yang sama</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="82"/>
        <source>Regions with enterprise statistics</source>
        <translation>Wilayah dengan statistik usaha</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="85"/>
        <source>Long table (for spreadsheet pivots)</source>
        <translation>Tabel panjang (untuk pivot lembar kerja)</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="88"/>
        <source>Enterprises outside every region</source>
        <translation>Usaha di luar semua wilayah</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="92"/>
        <source>Enterprises outside every region (not counted)</source>
        <translation>Usaha di luar semua wilayah (tidak dihitung)</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="94"/>
        <source>Enterprises in more than one region (counted once)</source>
        <translation>Usaha di lebih dari satu wilayah (dihitung sekali)</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="118"/>
        <source>The layer has no features.</source>
        <translation>Lapisan ini tidak berisi fitur.</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="122"/>
        <location filename="../processing/progression_inputs.py" line="122"/>
        <source>Reading enterprises…</source>
        <translation>Membaca usaha…</translation>
    </message>
    <message>
        <location filename="../processing/density_by_region.py" line="154"/>
        <source>Field {field} not found: its statistics are left out.</source>
        <translation>Kolom {field} tidak ditemukan: statistiknya tidak disertakan.</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="45"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="49"/>
        <source>Epanechnikov</source>
        <translation>Epanechnikov</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="49"/>
        <source>Quartic</source>
        <translation>Kuartik</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="54"/>
        <source>Neighbouring regions (shared border or corner)</source>
        <translation>Wilayah bertetangga (berbagi batas atau sudut)</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="55"/>
        <source>Distance band</source>
        <translation>Pita jarak</translation>
    </message>
    <message>
        <location filename="../processing/enum_params.py" line="56"/>
        <source>Nearest neighbours (fixed number)</source>
        <translation>Tetangga terdekat (jumlah tetap)</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="26"/>
        <source>Export product catalogue (PDF)</source>
        <translation>Ekspor katalog produk (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="71"/>
        <source>Title (empty = &quot;Katalog Produk Industri Rumahan&quot;)</source>
        <translation>Judul (kosong = &quot;Katalog Produk Industri Rumahan&quot;)</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="75"/>
        <source>Date on the cover (empty = today)</source>
        <translation>Tanggal di sampul (kosong = hari ini)</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="77"/>
        <source>Data source (empty = the office&apos;s home industry database)</source>
        <translation>Sumber data (kosong = basis data industri rumahan kantor)</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="80"/>
        <source>Group by</source>
        <translation>Kelompokkan menurut</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="81"/>
        <source>Regency/city, then sector</source>
        <translation>Kabupaten/kota, lalu sektor</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="81"/>
        <source>Sector, then regency/city</source>
        <translation>Sektor, lalu kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="84"/>
        <source>Start each group on a new page</source>
        <translation>Setiap kelompok dimulai di halaman baru</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="87"/>
        <source>Catalogue PDF</source>
        <translation>PDF katalog</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="88"/>
        <location filename="../processing/publish_web_map.py" line="116"/>
        <source>Enterprises in the catalogue</source>
        <translation>Usaha dalam katalog</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="90"/>
        <location filename="../processing/export_report.py" line="95"/>
        <source>Pages</source>
        <translation>Halaman</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="105"/>
        <source>Upgrade the database with industrirumahan:upgradedatabase.</source>
        <translation>Perbarui basis data dengan industrirumahan:upgradedatabase.</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="111"/>
        <source>Reading the enterprises…</source>
        <translation>Membaca data usaha…</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="120"/>
        <source>{n} of {total} enterprises agreed to publication.</source>
        <translation>{n} dari {total} usaha setuju dipublikasikan.</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="123"/>
        <source>Laying out the catalogue pages…</source>
        <translation>Menyusun halaman katalog…</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="128"/>
        <location filename="../processing/export_report.py" line="152"/>
        <source>cannot be written: {error}</source>
        <translation>tidak dapat ditulis: {error}</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="131"/>
        <source>{n} photo(s) not found or not readable: their cards show no photo.</source>
        <translation>{n} foto tidak ditemukan atau tidak terbaca: kartunya tampil tanpa foto.</translation>
    </message>
    <message>
        <location filename="../processing/export_catalogue.py" line="134"/>
        <source>{pages} pages, {n} enterprises written to {path}.</source>
        <translation>{pages} halaman, {n} usaha ditulis ke {path}.</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="34"/>
        <source>Export region report (PDF)</source>
        <translation>Ekspor laporan wilayah (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="79"/>
        <source>Period: enterprises recorded up to the end of year (0 = all)</source>
        <translation>Periode: usaha yang tercatat hingga akhir tahun (0 = semua)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="82"/>
        <source>Only regions whose code starts with (e.g. a regency code for its kecamatan)</source>
        <translation>Hanya wilayah yang kodenya diawali dengan (mis. kode kabupaten/kota untuk kecamatannya)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="90"/>
        <source>Layout template (.qpt; empty = the plugin&apos;s)</source>
        <translation>Templat tata letak (.qpt; kosong = milik plugin)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="94"/>
        <source>Tables (XLSX)</source>
        <translation>Tabel (XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="154"/>
        <source>{pages} pages written to {path}; tables in {xlsx}.</source>
        <translation>{pages} halaman ditulis ke {path}; tabel di {xlsx}.</translation>
    </message>
    <message>
        <location filename="../processing/export_spreadsheet.py" line="23"/>
        <source>Export enterprises to a spreadsheet</source>
        <translation>Ekspor usaha ke lembar kerja</translation>
    </message>
    <message>
        <location filename="../processing/export_spreadsheet.py" line="44"/>
        <source>Mask NIK (show only its region code and last digits)</source>
        <translation>Samarkan NIK (tampilkan hanya kode wilayah dan digit terakhirnya)</translation>
    </message>
    <message>
        <location filename="../processing/export_spreadsheet.py" line="48"/>
        <source>Enterprises written</source>
        <translation>Usaha yang ditulis</translation>
    </message>
    <message>
        <location filename="../processing/export_spreadsheet.py" line="59"/>
        <source>The enterprise layer is invalid.</source>
        <translation>Lapisan usaha tidak valid.</translation>
    </message>
    <message>
        <location filename="../processing/export_spreadsheet.py" line="61"/>
        <source>The layer has no nama_usaha field: it is not an enterprise layer of the plugin.</source>
        <translation>Lapisan tidak memiliki kolom nama_usaha: ini bukan lapisan usaha dari plugin.</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="25"/>
        <source>Export the enterprise form as XLSForm (ODK / KoBoToolbox)</source>
        <translation>Ekspor formulir usaha sebagai XLSForm (ODK / KoBoToolbox)</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="56"/>
        <source>Villages (desa/kelurahan) offered as choices</source>
        <translation>Desa/kelurahan yang ditawarkan sebagai pilihan</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="59"/>
        <source>Form version (empty: schema version and today&apos;s date)</source>
        <translation>Versi formulir (kosong: versi skema dan tanggal hari ini)</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="62"/>
        <location filename="../processing/gender_disaggregated_tables.py" line="60"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="62"/>
        <source>XLSForm</source>
        <translation>XLSForm</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="63"/>
        <source>Questions</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="74"/>
        <source>{layer} is not a village (desa/kelurahan) layer of the plugin (fields kode, nama, kec_kode, kab_kode).</source>
        <translation>{layer} bukan lapisan desa/kelurahan plugin (field kode, nama, kec_kode, kab_kode).</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="80"/>
        <source>No village to offer: the village layer (or its selection) is empty.</source>
        <translation>Tidak ada desa untuk ditawarkan: lapisan desa (atau pilihannya) kosong.</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="82"/>
        <source>{n} villages offered as choices</source>
        <translation>{n} desa ditawarkan sebagai pilihan</translation>
    </message>
    <message>
        <location filename="../processing/export_xlsform.py" line="92"/>
        <source>XLSForm with {n} questions, version {version}: {path}</source>
        <translation>XLSForm dengan {n} pertanyaan, versi {version}: {path}</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="23"/>
        <source>Sex-disaggregated tables (data terpilah, XLSX)</source>
        <translation>Tabel data terpilah (XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="57"/>
        <source>Data source (metadata sheet)</source>
        <translation>Sumber data (lembar metadata)</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="60"/>
        <source>Workbook</source>
        <translation>Buku kerja</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="61"/>
        <source>Tables written</source>
        <translation>Tabel yang ditulis</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="78"/>
        <source>No stage history: the progression table is left out.</source>
        <translation>Tidak ada riwayat tahap: tabel kenaikan kelas tidak dibuat.</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="80"/>
        <source>No programme participation table: the participation table is left out.</source>
        <translation>Tidak ada tabel partisipasi program: tabel keikutsertaan program tidak dibuat.</translation>
    </message>
    <message>
        <location filename="../processing/gender_disaggregated_tables.py" line="96"/>
        <source>{n} tables written to {path}.</source>
        <translation>{n} tabel ditulis ke {path}.</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="25"/>
        <source>Generate demo enterprises</source>
        <translation>Buat usaha contoh</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="59"/>
        <location filename="../processing/service_gap.py" line="48"/>
        <source>Region name field</source>
        <translation>Kolom nama wilayah</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="62"/>
        <source>Village points (cluster centres)</source>
        <translation>Titik desa (pusat klaster)</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="65"/>
        <source>Village code field</source>
        <translation>Kolom kode desa</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="68"/>
        <source>Number of enterprises</source>
        <translation>Jumlah usaha</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="72"/>
        <source>Demo enterprises</source>
        <translation>Usaha contoh</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="74"/>
        <source>Demo services</source>
        <translation>Layanan contoh</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="92"/>
        <source>Population field {field} not found: every region gets the same weight.</source>
        <translation>Kolom penduduk {field} tidak ditemukan: setiap wilayah mendapat bobot yang sama.</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="99"/>
        <source>The region layer has no features.</source>
        <translation>Lapisan wilayah tidak memiliki fitur.</translation>
    </message>
    <message>
        <location filename="../processing/generate_demo.py" line="109"/>
        <source>Generating {n} enterprises in {r} regions…</source>
        <translation>Membuat {n} usaha di {r} wilayah…</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="29"/>
        <source>Enterprise heatmap (kernel density)</source>
        <translation>Peta panas usaha (kepadatan kernel)</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="71"/>
        <source>Weight field</source>
        <translation>Kolom bobot</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="74"/>
        <source>Radius (metres)</source>
        <translation>Radius (meter)</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="77"/>
        <source>Pixel size (metres)</source>
        <translation>Ukuran piksel (meter)</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="80"/>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="82"/>
        <source>Heatmap (enterprises per km²)</source>
        <translation>Peta panas (usaha per km²)</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="102"/>
        <source>Field {field} not found in the enterprises.</source>
        <translation>Kolom {field} tidak ditemukan pada usaha.</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="110"/>
        <source>No enterprise matches the choice: nothing to estimate a density from.</source>
        <translation>Tidak ada usaha yang sesuai pilihan: tidak ada data untuk memperkirakan kepadatan.</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="113"/>
        <source>{n} enterprises, metric CRS {crs}.</source>
        <translation>{n} usaha, CRS metrik {crs}.</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="115"/>
        <source>Estimating the density…</source>
        <translation>Memperkirakan kepadatan…</translation>
    </message>
    <message>
        <location filename="../processing/heatmap.py" line="124"/>
        <source>The density cannot be estimated from these inputs. Detail: {detail}</source>
        <translation>Kepadatan tidak dapat diperkirakan dari masukan ini. Rincian: {detail}</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="28"/>
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>Titik panas (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="63"/>
        <source>Regions or points with a value</source>
        <translation>Wilayah atau titik yang memiliki nilai</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="66"/>
        <source>Value field</source>
        <translation>Kolom nilai</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="69"/>
        <source>Neighbours</source>
        <translation>Tetangga</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="71"/>
        <source>Distance band (metres)</source>
        <translation>Pita jarak (meter)</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="74"/>
        <source>Number of nearest neighbours</source>
        <translation>Jumlah tetangga terdekat</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="77"/>
        <source>Permutations (0 = none)</source>
        <translation>Permutasi (0 = tidak ada)</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="81"/>
        <source>Hot spots</source>
        <translation>Titik panas</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="93"/>
        <source>Field {field} not found.</source>
        <translation>Kolom {field} tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="96"/>
        <source>Queen contiguity needs polygons; choose a distance band or k nearest for points.</source>
        <translation>Ketetanggaan queen memerlukan poligon; untuk titik pilih pita jarak atau k terdekat.</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="102"/>
        <source>Gi* needs at least 3 features with a value and a geometry.</source>
        <translation>Gi* memerlukan sedikitnya 3 fitur yang memiliki nilai dan geometri.</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="105"/>
        <source>{n} features without a value or geometry are left out.</source>
        <translation>{n} fitur tanpa nilai atau geometri tidak disertakan.</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="113"/>
        <source>{n} features have no neighbour: their Gi* only reflects their own value.</source>
        <translation>{n} fitur tidak memiliki tetangga: Gi*-nya hanya mencerminkan nilainya sendiri.</translation>
    </message>
    <message>
        <location filename="../processing/hotspots.py" line="125"/>
        <source>Hot spots at 95 % or more: {hot}; cold spots: {cold}.</source>
        <translation>Titik panas pada 95 % atau lebih: {hot}; titik dingin: {cold}.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="84"/>
        <source>Spreadsheet (XLSX or CSV)</source>
        <translation>Lembar kerja (XLSX atau CSV)</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="87"/>
        <source>Sheet name (XLSX; empty: the first sheet)</source>
        <translation>Nama sheet (XLSX; kosong: sheet pertama)</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="89"/>
        <source>Enterprise layer to add to</source>
        <translation>Lapisan usaha tujuan penambahan</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="91"/>
        <source>Column mapping (JSON: header -&gt; field; &quot;&quot; ignores a column)</source>
        <translation>Pemetaan kolom (JSON: judul -&gt; kolom; &quot;&quot; mengabaikan kolom)</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="94"/>
        <source>Village boundaries (for villages without coordinates)</source>
        <translation>Batas desa (untuk desa tanpa koordinat)</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="97"/>
        <source>Survey date (YYYY-MM-DD or DD/MM/YYYY; empty: today; a survey-date column of the sheet wins)</source>
        <translation>Tanggal survei (TTTT-BB-HH atau HH/BB/TTTT; kosong: hari ini; kolom tanggal survei di lembar kerja diutamakan)</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="106"/>
        <location filename="../processing/publish_to_postgis.py" line="66"/>
        <source>Rows already present</source>
        <translation>Baris yang sudah ada</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="106"/>
        <source>Rows at a village centroid</source>
        <translation>Baris di titik tengah desa</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="106"/>
        <source>Rows imported</source>
        <translation>Baris yang diimpor</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="106"/>
        <source>Rows not imported</source>
        <translation>Baris yang tidak diimpor</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="107"/>
        <location filename="../processing/merge_field_survey.py" line="75"/>
        <source>Enterprises updated</source>
        <translation>Usaha diperbarui</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="109"/>
        <source>Stage-history rows recorded</source>
        <translation>Baris riwayat tahap dicatat</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="111"/>
        <source>Field changes and stage-history rows listed in the report</source>
        <translation>Perubahan field dan baris riwayat tahap yang tercantum di laporan</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="113"/>
        <source>Rows to import</source>
        <translation>Baris yang akan diimpor</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="115"/>
        <source>Enterprises to update</source>
        <translation>Usaha yang akan diperbarui</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="125"/>
        <source>The target layer is invalid.</source>
        <translation>Lapisan tujuan tidak valid.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="128"/>
        <source>{layer} is not an enterprise layer of the plugin (fields uid, nama_usaha, sektor, tahap... are missing).</source>
        <translation>{layer} bukan lapisan usaha dari plugin (kolom uid, nama_usaha, sektor, tahap... tidak ada).</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="131"/>
        <source>{layer} is being edited: save or discard its edits first.</source>
        <translation>{layer} sedang disunting: simpan atau buang suntingannya terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="142"/>
        <source>cannot be read: {error}</source>
        <translation>tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="144"/>
        <source>{n} rows read from {file}</source>
        <translation>{n} baris dibaca dari {file}</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="170"/>
        <source>The database has no stage-history table (schema version 1): stage changes are not recorded.</source>
        <translation>Basis data tidak memiliki tabel riwayat tahap (skema versi 1): perubahan tahap tidak dicatat.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="195"/>
        <source>Dry run: {ok} rows would be imported, {upd} enterprises updated ({n} field changes, {st} stage-history rows), {skip} are already present unchanged, {bad} have errors. Nothing was written.</source>
        <translation>Uji coba: {ok} baris akan diimpor, {upd} usaha diperbarui ({n} perubahan field, {st} baris riwayat tahap), {skip} sudah ada tanpa perubahan, {bad} bermasalah. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="207"/>
        <source>nothing was imported: the database refused the rows ({error}).</source>
        <translation>tidak ada yang diimpor: basis data menolak baris-barisnya ({error}).</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="211"/>
        <source>{ok} rows imported, {upd} enterprises updated, {skip} already present unchanged, {bad} not imported (see the report).</source>
        <translation>{ok} baris diimpor, {upd} usaha diperbarui, {skip} sudah ada tanpa perubahan, {bad} tidak diimpor (lihat laporan).</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="227"/>
        <source>{server} export recognised: columns matched by the plugin&apos;s XLSForm names.</source>
        <translation>Ekspor {server} dikenali: kolom dicocokkan menurut nama XLSForm plugin.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="234"/>
        <source>Photos: put the downloaded attachments into the folder {folder} beside the database.</source>
        <translation>Foto: letakkan lampiran yang diunduh ke folder {folder} di samping basis data.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="256"/>
        <source>  row {row}: {field}: {detail}</source>
        <translation>  baris {row}: {field}: {detail}</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="270"/>
        <source>The survey date is not a date: {text} (use YYYY-MM-DD or DD/MM/YYYY).</source>
        <translation>Tanggal survei bukan tanggal: {text} (gunakan TTTT-BB-HH atau HH/BB/TTTT).</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="282"/>
        <source>The column mapping is not valid JSON: {error}</source>
        <translation>Pemetaan kolom bukan JSON yang valid: {error}</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="284"/>
        <source>The column mapping must be a JSON object: {&quot;header&quot;: &quot;field&quot;}.</source>
        <translation>Pemetaan kolom harus berupa objek JSON: {&quot;header&quot;: &quot;field&quot;}.</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="288"/>
        <source>Unknown field(s) in the column mapping: {fields}</source>
        <translation>Kolom tidak dikenal dalam pemetaan kolom: {fields}</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="301"/>
        <location filename="../processing/upgrade_database.py" line="61"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../processing/import_spreadsheet.py" line="302"/>
        <source>Validation report: {path}</source>
        <translation>Laporan validasi: {path}</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="26"/>
        <source>Merge a field survey package (QField)</source>
        <translation>Gabungkan paket survei lapangan (QField)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="62"/>
        <source>Field survey package (zip, or the .gpkg in its folder)</source>
        <translation>Paket survei lapangan (zip, atau .gpkg di foldernya)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="65"/>
        <source>Office enterprise layer (GeoPackage)</source>
        <translation>Lapisan usaha kantor (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="67"/>
        <source>When the office and the field both changed a record</source>
        <translation>Bila kantor dan lapangan sama-sama mengubah satu usaha</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="68"/>
        <source>Field wins</source>
        <translation>Lapangan menang</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="68"/>
        <source>Keep both for review</source>
        <translation>Simpan keduanya untuk ditinjau</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="68"/>
        <source>Office wins</source>
        <translation>Kantor menang</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="72"/>
        <source>Change list</source>
        <translation>Daftar perubahan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="74"/>
        <source>Enterprises added</source>
        <translation>Usaha ditambahkan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="76"/>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="77"/>
        <source>Deletions to review</source>
        <translation>Penghapusan untuk ditinjau</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="78"/>
        <source>Photos copied</source>
        <translation>Foto disalin</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="80"/>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="81"/>
        <source>Warnings</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="128"/>
        <location filename="../processing/merge_field_survey.py" line="132"/>
        <source>Choose the enterprise layer of an office GeoPackage.</source>
        <translation>Pilih lapisan usaha dari GeoPackage kantor.</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="133"/>
        <source>the layer has unsaved edits: save or discard them first (the merge writes the file).</source>
        <translation>lapisan memiliki suntingan yang belum disimpan: simpan atau buang dulu (penggabungan menulis berkasnya).</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="141"/>
        <source>The package was made from {source}, not {target}.</source>
        <translation>Paket dibuat dari {source}, bukan {target}.</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="148"/>
        <source>{n} conflicts or deletions of this package were kept for review by an earlier merge (table {table}).</source>
        <translation>{n} konflik atau penghapusan dari paket ini sudah disimpan untuk ditinjau oleh penggabungan sebelumnya (tabel {table}).</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_survey.py" line="152"/>
        <source>Nothing to merge: the database already holds the package&apos;s data.</source>
        <translation>Tidak ada yang digabungkan: basis data sudah memuat data paket.</translation>
    </message>
    <message>
        <location filename="../processing/nearest_neighbour_index.py" line="22"/>
        <source>Nearest neighbour index by region (Clark-Evans)</source>
        <translation>Indeks tetangga terdekat per wilayah (Clark-Evans)</translation>
    </message>
    <message>
        <location filename="../processing/nearest_neighbour_index.py" line="49"/>
        <source>Regions with nearest neighbour index</source>
        <translation>Wilayah dengan indeks tetangga terdekat</translation>
    </message>
    <message>
        <location filename="../processing/nearest_neighbour_index.py" line="79"/>
        <source>No enterprise lies in any region.</source>
        <translation>Tidak ada usaha yang berada di wilayah mana pun.</translation>
    </message>
    <message>
        <location filename="../processing/nearest_neighbour_index.py" line="82"/>
        <source>Distances measured in {crs}.</source>
        <translation>Jarak diukur dalam {crs}.</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="14"/>
        <source>Nearest service per type</source>
        <translation>Layanan terdekat per jenis</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="47"/>
        <source>Maximum distance or cost (0 = no limit)</source>
        <translation>Jarak atau biaya maksimum (0 = tanpa batas)</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="51"/>
        <source>Enterprises with nearest services</source>
        <translation>Usaha dengan layanan terdekat</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="76"/>
        <source>{n} enterprises, {m} services; types: {types}</source>
        <translation>{n} usaha, {m} layanan; jenis: {types}</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="79"/>
        <source>No enterprise has a point geometry.</source>
        <translation>Tidak ada usaha yang memiliki geometri titik.</translation>
    </message>
    <message>
        <location filename="../processing/nearest_service.py" line="86"/>
        <source>No service of type {jenis}: its columns stay empty.</source>
        <translation>Tidak ada layanan berjenis {jenis}: kolom-kolomnya tetap kosong.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="38"/>
        <source>Road network (line layer; for road-network costs)</source>
        <translation>Jaringan jalan (lapisan garis; untuk biaya melalui jalan)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="41"/>
        <source>Road-network cost</source>
        <translation>Biaya jaringan jalan</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="42"/>
        <source>Fastest (travel time in minutes)</source>
        <translation>Tercepat (waktu tempuh dalam menit)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="42"/>
        <source>Shortest (distance in metres)</source>
        <translation>Terpendek (jarak dalam meter)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="45"/>
        <source>Speed field (km/h; empty = default speed everywhere)</source>
        <translation>Kolom kecepatan (km/jam; kosong = kecepatan bawaan di semua jalan)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="48"/>
        <source>Default speed (km/h)</source>
        <translation>Kecepatan bawaan (km/jam)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="52"/>
        <source>Topology tolerance (metres; road ends closer than this are joined)</source>
        <translation>Toleransi topologi (meter; ujung jalan yang lebih dekat dari ini disambungkan)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="55"/>
        <source>Direction field (empty = every road both ways)</source>
        <translation>Kolom arah (kosong = semua jalan dua arah)</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="58"/>
        <source>Value for one-way roads in line direction</source>
        <translation>Nilai untuk jalan satu arah searah garis</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="60"/>
        <source>Value for one-way roads against line direction</source>
        <translation>Nilai untuk jalan satu arah berlawanan arah garis</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="63"/>
        <source>Value for two-way roads</source>
        <translation>Nilai untuk jalan dua arah</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="78"/>
        <location filename="../processing/network_params.py" line="126"/>
        <source>Choose the road network layer for road-network costs.</source>
        <translation>Pilih lapisan jaringan jalan untuk biaya jaringan jalan.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="81"/>
        <source>A road network is given: costs come from the road network.</source>
        <translation>Jaringan jalan diberikan: biaya dihitung melalui jaringan jalan.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="84"/>
        <source>Costs come from the origin-destination table; the road network is not used.</source>
        <translation>Biaya diambil dari tabel asal-tujuan; jaringan jalan tidak dipakai.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="129"/>
        <source>Give a speed greater than 0.</source>
        <translation>Isikan kecepatan lebih dari 0.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="133"/>
        <source>Road network: {vertices} vertices, {edges} edges; {pairs} enterprise-service costs (unit: {unit}). Distance from the enterprises to the nearest road: median {median:.0f} m, maximum {maximum:.0f} m.</source>
        <translation>Jaringan jalan: {vertices} simpul, {edges} ruas; {pairs} biaya usaha-layanan (satuan: {unit}). Jarak usaha ke jalan terdekat: median {median:.0f} m, maksimum {maximum:.0f} m.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="138"/>
        <source>metres</source>
        <translation>meter</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="138"/>
        <source>minutes</source>
        <translation>menit</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="141"/>
        <source>{n} enterprises cannot reach any service over the road network (roads not connected): their fields stay empty.</source>
        <translation>{n} usaha tidak dapat mencapai layanan mana pun melalui jaringan jalan (jalan tidak tersambung): kolomnya dibiarkan kosong.</translation>
    </message>
    <message>
        <location filename="../processing/network_params.py" line="166"/>
        <source>Choose the origin-destination table.</source>
        <translation>Pilih tabel asal-tujuan.</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="41"/>
        <source>Regions (kabupaten/kota or kecamatan)</source>
        <translation>Wilayah (kabupaten/kota atau kecamatan)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="54"/>
        <source>Filter enterprises (expression)</source>
        <translation>Saring usaha (ekspresi)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="60"/>
        <source>Population field</source>
        <translation>Kolom jumlah penduduk</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="60"/>
        <source>Women population field</source>
        <translation>Kolom jumlah penduduk perempuan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="68"/>
        <source>Service gap threshold (metres)</source>
        <translation>Ambang kesenjangan layanan (meter)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="72"/>
        <source>Office (shown in the output)</source>
        <translation>Kantor (ditampilkan pada keluaran)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="76"/>
        <source>Office logo (PNG, JPEG or SVG)</source>
        <translation>Logo instansi (PNG, JPEG atau SVG)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="78"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="83"/>
        <source>Language of the output</source>
        <translation>Bahasa keluaran</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="88"/>
        <source>Dry run (check and list only, write nothing)</source>
        <translation>Uji coba (hanya periksa dan daftar, tidak menulis apa pun)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="94"/>
        <source>Random seed</source>
        <translation>Benih acak</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="103"/>
        <location filename="../processing/suggest_service_sites.py" line="49"/>
        <source>Service type field</source>
        <translation>Kolom jenis layanan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="105"/>
        <source>Service types (comma-separated codes; empty = every type)</source>
        <translation>Jenis layanan (kode dipisahkan koma; kosong = semua jenis)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="108"/>
        <source>Service name field</source>
        <translation>Kolom nama layanan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="110"/>
        <source>Service id field</source>
        <translation>Kolom id layanan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="113"/>
        <source>Service capacity field</source>
        <translation>Kolom kapasitas layanan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="120"/>
        <source>Costs</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="121"/>
        <source>Geodesic distance on WGS84 (metres)</source>
        <translation>Jarak geodesik pada WGS84 (meter)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="121"/>
        <source>Origin-destination table</source>
        <translation>Tabel asal-tujuan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="122"/>
        <source>Road network (NETWORK layer)</source>
        <translation>Jaringan jalan (lapisan NETWORK)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="125"/>
        <source>Enterprise id field (for the origin-destination table)</source>
        <translation>Kolom id usaha (untuk tabel asal-tujuan)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="128"/>
        <source>Origin-destination table (CSV or table layer)</source>
        <translation>Tabel asal-tujuan (CSV atau lapisan tabel)</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="130"/>
        <source>Origin id field</source>
        <translation>Kolom id asal</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="131"/>
        <source>Destination id field</source>
        <translation>Kolom id tujuan</translation>
    </message>
    <message>
        <location filename="../processing/params.py" line="132"/>
        <source>Cost field</source>
        <translation>Kolom biaya</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="30"/>
        <source>Prepare a field survey package (QField)</source>
        <translation>Siapkan paket survei lapangan (QField)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="65"/>
        <source>Regions (kecamatan or desa layer)</source>
        <translation>Wilayah (lapisan kecamatan atau desa)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="68"/>
        <source>Region codes (kecamatan or desa, comma separated)</source>
        <translation>Kode wilayah (kecamatan atau desa, dipisah koma)</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="71"/>
        <source>Include NIK and phone numbers</source>
        <translation>Sertakan NIK dan nomor telepon</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="73"/>
        <source>Package folder</source>
        <translation>Folder paket</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="74"/>
        <source>QGIS project for QField</source>
        <translation>Proyek QGIS untuk QField</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="75"/>
        <source>Package GeoPackage</source>
        <translation>GeoPackage paket</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="76"/>
        <source>Package ZIP</source>
        <translation>ZIP paket</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="77"/>
        <source>Enterprises packaged</source>
        <translation>Usaha dalam paket</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="84"/>
        <source>not an enterprise layer of the plugin&apos;s schema (fields uid, nama_usaha, sektor, tahap, jenis_kelamin_pemilik).</source>
        <translation>bukan lapisan usaha skema plugin (field uid, nama_usaha, sektor, tahap, jenis_kelamin_pemilik).</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="95"/>
        <source>No enterprise lies in the chosen regions (or selection): nothing to package.</source>
        <translation>Tidak ada usaha di wilayah (atau pilihan) tersebut: tidak ada yang dikemas.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="108"/>
        <source>{n} enterprises packaged in {path} ({photos} photos); zip: {zip}</source>
        <translation>{n} usaha dikemas di {path} ({photos} foto); zip: {zip}</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="119"/>
        <source>{codes} are no kecamatan or desa codes (e.g. 19.01.02 or 19.01.02.2007).</source>
        <translation>{codes} bukan kode kecamatan atau desa (mis. 19.01.02 atau 19.01.02.2007).</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="126"/>
        <source>Choose a kabupaten/kota, kecamatan or desa layer of the schema.</source>
        <translation>Pilih lapisan kabupaten/kota, kecamatan atau desa dari skema.</translation>
    </message>
    <message>
        <location filename="../processing/prepare_field_survey.py" line="129"/>
        <source>No region given (is anything selected?).</source>
        <translation>Tidak ada wilayah (apakah ada yang dipilih?).</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="57"/>
        <source>Stage history table (riwayat_tahap; empty = found by its fields)</source>
        <translation>Tabel riwayat tahap (riwayat_tahap; kosong = dicari menurut kolomnya)</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="60"/>
        <source>Programme participation table (partisipasi_program; empty = found by its fields)</source>
        <translation>Tabel partisipasi program (partisipasi_program; kosong = dicari menurut kolomnya)</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="64"/>
        <source>From the region layer</source>
        <translation>Menurut lapisan wilayah</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="64"/>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="64"/>
        <source>Region level</source>
        <translation>Tingkat wilayah</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="65"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="67"/>
        <source>Period from (empty = the end of the first survey in the history)</source>
        <translation>Periode dari (kosong = akhir survei pertama di riwayat)</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="70"/>
        <source>Period to (empty = the last date in the history)</source>
        <translation>Periode sampai (kosong = tanggal terakhir di riwayat)</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="113"/>
        <source>The region layer has no field kode.</source>
        <translation>Lapisan wilayah tidak memiliki kolom kode.</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="119"/>
        <source>The enterprise layer has no field {field}.</source>
        <translation>Lapisan usaha tidak memiliki kolom {field}.</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="143"/>
        <source>The period ends before it starts.</source>
        <translation>Periode berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <location filename="../processing/progression_inputs.py" line="149"/>
        <source>No stage history table (riwayat_tahap) was given or found next to the enterprise layer.</source>
        <translation>Tabel riwayat tahap (riwayat_tahap) tidak diberikan dan tidak ditemukan di samping lapisan usaha.</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="37"/>
        <source>Publish a GeoPackage to the shared PostGIS database</source>
        <translation>Terbitkan GeoPackage ke basis data PostGIS bersama</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="60"/>
        <location filename="../processing/upgrade_database.py" line="52"/>
        <source>Plugin GeoPackage</source>
        <translation>GeoPackage plugin</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="65"/>
        <source>Rows copied</source>
        <translation>Baris yang disalin</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="86"/>
        <source>Table {schema}.{table} not found: run createshareddatabase first.</source>
        <translation>Tabel {schema}.{table} tidak ditemukan: jalankan createshareddatabase terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="92"/>
        <source>{table}: {new} copied, {old} already present</source>
        <translation>{table}: {new} disalin, {old} sudah ada</translation>
    </message>
    <message>
        <location filename="../processing/publish_to_postgis.py" line="122"/>
        <source>the database refused the rows of {table}; nothing of it was copied: {error}</source>
        <translation>basis data menolak baris-baris {table}; tidak ada yang disalin: {error}</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="41"/>
        <source>Publish web map and catalogue</source>
        <translation>Terbitkan peta web dan katalog</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="87"/>
        <source>Regencies (kabupaten/kota)</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="89"/>
        <source>Districts (kecamatan)</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="92"/>
        <source>Villages (desa/kelurahan): catalogue locations</source>
        <translation>Desa/kelurahan: lokasi katalog</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="97"/>
        <source>Title (empty = &quot;Peta Industri Rumahan&quot; / &quot;Home industries map&quot;)</source>
        <translation>Judul (kosong = &quot;Peta Industri Rumahan&quot; / &quot;Home industries map&quot;)</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="101"/>
        <source>Source of the data</source>
        <translation>Sumber data</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="103"/>
        <source>Date of the data (empty = today)</source>
        <translation>Tanggal data (kosong = hari ini)</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="106"/>
        <source>Folder the photo paths are relative to (empty = the enterprise layer&apos;s folder)</source>
        <translation>Folder acuan jalur foto (kosong = folder lapisan usaha)</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="110"/>
        <source>Also write the site as a zip</source>
        <translation>Tulis juga situs sebagai zip</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="112"/>
        <source>Website folder</source>
        <translation>Folder situs web</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="113"/>
        <source>Start page</source>
        <translation>Halaman awal</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="114"/>
        <source>Website zip</source>
        <translation>Zip situs web</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="126"/>
        <source>{layer} is an analysis output, not a boundary layer.</source>
        <translation>{layer} adalah keluaran analisis, bukan lapisan batas wilayah.</translation>
    </message>
    <message>
        <location filename="../processing/publish_web_map.py" line="159"/>
        <source>{folder} is not empty and holds no site published by this plugin: choose an empty or new folder.</source>
        <translation>{folder} tidak kosong dan tidak berisi situs yang diterbitkan plugin ini: pilih folder yang kosong atau baru.</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="16"/>
        <location filename="../processing/service_gap.py" line="59"/>
        <source>Service gap by region</source>
        <translation>Kesenjangan layanan per wilayah</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="51"/>
        <source>Owner sex field (P = woman)</source>
        <translation>Kolom jenis kelamin pemilik (P = perempuan)</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="52"/>
        <source>Woman head of household (KRTP) field</source>
        <translation>Kolom kepala rumah tangga perempuan (KRTP)</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="53"/>
        <source>Sector field</source>
        <translation>Kolom sektor</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="54"/>
        <source>Stage field</source>
        <translation>Kolom tahap</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="61"/>
        <source>Programme gap by region, sector and stage</source>
        <translation>Kesenjangan program per wilayah, sektor dan tahap</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="91"/>
        <source>{n} enterprises lie in no region; they are reported on a separate row.</source>
        <translation>{n} usaha tidak berada di wilayah mana pun; usaha tersebut dilaporkan di baris tersendiri.</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="94"/>
        <source>No service of type {jenis}: every enterprise counts as uncovered.</source>
        <translation>Tidak ada layanan berjenis {jenis}: setiap usaha dihitung tidak terjangkau.</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="102"/>
        <source>outside every region</source>
        <translation>di luar semua wilayah</translation>
    </message>
    <message>
        <location filename="../processing/service_gap.py" line="110"/>
        <source>The enterprise layer has no pelatihan/bantuan/status_binaan fields: no programme gap.</source>
        <translation>Lapisan usaha tidak memiliki kolom pelatihan/bantuan/status_binaan: tidak ada kesenjangan program.</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="21"/>
        <source>Stage progression (naik kelas) by region</source>
        <translation>Kenaikan kelas per wilayah</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="61"/>
        <source>Regions with stage progression</source>
        <translation>Wilayah dengan kenaikan kelas</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="63"/>
        <source>Long table (for spreadsheets)</source>
        <translation>Tabel panjang (untuk lembar kerja)</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="65"/>
        <source>Period from</source>
        <translation>Periode dari</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="66"/>
        <source>Period to</source>
        <translation>Periode sampai</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="67"/>
        <source>Enterprises moved up</source>
        <translation>Usaha yang naik kelas</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="68"/>
        <source>Enterprises active at the start and the end</source>
        <translation>Usaha yang aktif di awal dan akhir periode</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="78"/>
        <source>The stage history has no dated rows.</source>
        <translation>Riwayat tahap tidak memiliki baris bertanggal.</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="79"/>
        <source>Classifying enterprises…</source>
        <translation>Mengelompokkan usaha…</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="83"/>
        <source>{n} history rows belong to no enterprise read (other or filtered-out enterprises) or have an unknown stage or no date: left out.</source>
        <translation>{n} baris riwayat bukan milik usaha yang dibaca (usaha lain atau tersaring) atau tahapnya tidak dikenal atau tanpa tanggal: tidak dihitung.</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="92"/>
        <source>Enterprises with region codes not in the region layer ({codes}) are counted in the totals and the long table only.</source>
        <translation>Usaha dengan kode wilayah yang tidak ada di lapisan wilayah ({codes}) hanya dihitung pada jumlah dan tabel panjang.</translation>
    </message>
    <message>
        <location filename="../processing/stage_progression.py" line="96"/>
        <source>Period {period}: {up} of {base} enterprises active at both ends moved up a class.</source>
        <translation>Periode {period}: {up} dari {base} usaha yang aktif di awal dan akhir naik kelas.</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="21"/>
        <source>Suggest new service sites</source>
        <translation>Sarankan lokasi layanan baru</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="45"/>
        <source>Candidate sites (points; polygons use their centroid)</source>
        <translation>Lokasi kandidat (titik; poligon memakai titik tengahnya)</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="52"/>
        <source>Service type of the new sites (empty = all services)</source>
        <translation>Jenis layanan lokasi baru (kosong = semua layanan)</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="56"/>
        <source>Number of sites to suggest</source>
        <translation>Jumlah lokasi yang disarankan</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="59"/>
        <source>Extra weight for women-owned enterprises</source>
        <translation>Bobot tambahan untuk usaha milik perempuan</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="62"/>
        <source>Extra weight for KRTP enterprises</source>
        <translation>Bobot tambahan untuk usaha KRTP</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="65"/>
        <source>Suggested sites</source>
        <translation>Lokasi yang disarankan</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="91"/>
        <source>{n} enterprises are already within reach.</source>
        <translation>{n} usaha sudah berada dalam jangkauan.</translation>
    </message>
    <message>
        <location filename="../processing/suggest_service_sites.py" line="104"/>
        <source>{k} sites cover {n} more enterprises.</source>
        <translation>{k} lokasi menjangkau {n} usaha tambahan.</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="21"/>
        <source>Upgrade enterprise database</source>
        <translation>Tingkatkan basis data usaha</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="55"/>
        <source>Backup copy</source>
        <translation>Salinan cadangan</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="56"/>
        <source>Stage history rows</source>
        <translation>Baris riwayat tahap</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="58"/>
        <source>Programme participation rows</source>
        <translation>Baris partisipasi program</translation>
    </message>
    <message>
        <location filename="../processing/upgrade_database.py" line="60"/>
        <source>Records compared</source>
        <translation>Rekaman yang dibandingkan</translation>
    </message>
    <message>
        <location filename="../report/data.py" line="63"/>
        <source>A report step produced no layer.</source>
        <translation>Salah satu langkah laporan tidak menghasilkan lapisan.</translation>
    </message>
    <message>
        <location filename="../report/data.py" line="94"/>
        <source>No region has a code starting with {code}.</source>
        <translation>Tidak ada wilayah dengan kode yang diawali {code}.</translation>
    </message>
    <message>
        <location filename="../report/data.py" line="170"/>
        <source>Counting enterprises per region…</source>
        <translation>Menghitung usaha per wilayah…</translation>
    </message>
    <message>
        <location filename="../report/data.py" line="175"/>
        <source>Measuring distances to services…</source>
        <translation>Mengukur jarak ke layanan…</translation>
    </message>
    <message>
        <location filename="../report/export.py" line="102"/>
        <source>The template has no item(s) {ids}: left out.</source>
        <translation>Templat tidak memiliki item {ids}: tidak disertakan.</translation>
    </message>
    <message>
        <location filename="../report/export.py" line="144"/>
        <source>The template has no Kenaikan kelas page: only the headline figure is printed.</source>
        <translation>Templat tidak memiliki halaman Kenaikan kelas: hanya angka utama yang dicetak.</translation>
    </message>
    <message>
        <location filename="../report/export.py" line="182"/>
        <source>The region atlas could not start.</source>
        <translation>Atlas wilayah tidak dapat dimulai.</translation>
    </message>
    <message>
        <location filename="../report/template.py" line="70"/>
        <source>Cannot read the layout template {path}: {error}</source>
        <translation>Tidak dapat membaca templat tata letak {path}: {error}</translation>
    </message>
    <message>
        <location filename="../report/template.py" line="74"/>
        <source>The layout template {path} is not valid XML.</source>
        <translation>Templat tata letak {path} bukan XML yang valid.</translation>
    </message>
    <message>
        <location filename="../report/template.py" line="80"/>
        <source>The layout template {path} must have two pages (summary, region).</source>
        <translation>Templat tata letak {path} harus memiliki dua halaman (ringkasan, wilayah).</translation>
    </message>
    <message>
        <location filename="../report/web_build.py" line="29"/>
        <source>Figures per region: {level}…</source>
        <translation>Angka per wilayah: {level}…</translation>
    </message>
    <message>
        <location filename="../report/web_build.py" line="41"/>
        <source>Catalogue of consented enterprises…</source>
        <translation>Katalog usaha yang setuju dipublikasikan…</translation>
    </message>
    <message>
        <location filename="../report/web_build.py" line="52"/>
        <source>The enterprise layer has no field izin_publikasi (consent to publication): the catalogue is empty. Upgrade the database (upgradedatabase).</source>
        <translation>Lapisan usaha tidak memiliki kolom izin_publikasi (persetujuan publikasi): katalog kosong. Tingkatkan basis data (upgradedatabase).</translation>
    </message>
    <message>
        <location filename="../report/web_build.py" line="59"/>
        <source>{n} of {total} enterprises are in the catalogue (consent to publication).</source>
        <translation>{n} dari {total} usaha masuk katalog (setuju dipublikasikan).</translation>
    </message>
    <message>
        <location filename="../report/web_site.py" line="163"/>
        <source>Photo not found or not an image: {path}</source>
        <translation>Foto tidak ditemukan atau bukan gambar: {path}</translation>
    </message>
    <message>
        <location filename="../styles/actions.py" line="20"/>
        <source>Style active layer: {title}</source>
        <translation>Beri gaya lapisan aktif: {title}</translation>
    </message>
    <message>
        <location filename="../styles/actions.py" line="29"/>
        <source>Select an enterprise point layer in the Layers panel first.</source>
        <translation>Pilih lapisan titik usaha di panel Lapisan terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../styles/actions.py" line="39"/>
        <source>{layer}: {title}</source>
        <translation>{layer}: {title}</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="49"/>
        <source>Layer {layer} has no field {field} for the style {style}.</source>
        <translation>Lapisan {layer} tidak memiliki kolom {field} untuk gaya {style}.</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="60"/>
        <location filename="../styles/postprocess.py" line="65"/>
        <source>Unknown style: {style}</source>
        <translation>Gaya tidak dikenal: {style}</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="66"/>
        <source>point</source>
        <translation>titik</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="66"/>
        <source>polygon</source>
        <translation>poligon</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="68"/>
        <source>The style {style} needs a {kind} layer; {layer} is not one.</source>
        <translation>Gaya {style} memerlukan lapisan {kind}; {layer} bukan lapisan {kind}.</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="75"/>
        <source>Layer {layer} has no field {field}.</source>
        <translation>Lapisan {layer} tidak memiliki kolom {field}.</translation>
    </message>
    <message>
        <location filename="../styles/apply.py" line="84"/>
        <source>Field {field} of {layer} holds no numbers.</source>
        <translation>Kolom {field} pada {layer} tidak berisi angka.</translation>
    </message>
    <message>
        <source>CODES: {codes} are no kecamatan or desa codes (e.g. 19.01.02 or 19.01.02.2007).</source>
        <translation type="vanished">CODES: {codes} bukan kode kecamatan atau desa (mis. 19.01.02 atau 19.01.02.2007).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation type="vanished">Dibatalkan: tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Cannot write the catalogue: {error}</source>
        <translation type="vanished">Katalog tidak dapat ditulis: {error}</translation>
    </message>
    <message>
        <source>Cannot write the report: {error}</source>
        <translation type="vanished">Tidak dapat menulis laporan: {error}</translation>
    </message>
    <message>
        <source>Catalogue language</source>
        <translation type="vanished">Bahasa katalog</translation>
    </message>
    <message>
        <source>Catchment (metres, or the OD table&apos;s cost unit)</source>
        <translation type="vanished">Jangkauan (meter, atau satuan biaya tabel asal-tujuan)</translation>
    </message>
    <message>
        <source>Choose the enterprise and candidate layers.</source>
        <translation type="vanished">Pilih lapisan usaha dan lapisan kandidat.</translation>
    </message>
    <message>
        <source>Choose the enterprise and service layers.</source>
        <translation type="vanished">Pilih lapisan usaha dan lapisan layanan.</translation>
    </message>
    <message>
        <source>Choose the enterprise, service and region layers.</source>
        <translation type="vanished">Pilih lapisan usaha, layanan dan wilayah.</translation>
    </message>
    <message>
        <source>Choose the road network layer (NETWORK).</source>
        <translation type="vanished">Pilih lapisan jaringan jalan (NETWORK).</translation>
    </message>
    <message>
        <source>Choose the service type and capacity fields.</source>
        <translation type="vanished">Pilih kolom jenis layanan dan kolom kapasitas.</translation>
    </message>
    <message>
        <source>Choose the service type and region code fields.</source>
        <translation type="vanished">Pilih kolom jenis layanan dan kolom kode wilayah.</translation>
    </message>
    <message>
        <source>Choose the service type field.</source>
        <translation type="vanished">Pilih kolom jenis layanan.</translation>
    </message>
    <message>
        <source>Choose the {what} field of the origin-destination table.</source>
        <translation type="vanished">Pilih kolom {what} pada tabel asal-tujuan.</translation>
    </message>
    <message>
        <source>Coverage threshold (metres)</source>
        <translation type="vanished">Ambang jangkauan (meter)</translation>
    </message>
    <message>
        <source>Distance threshold (metres)</source>
        <translation type="vanished">Ambang jarak (meter)</translation>
    </message>
    <message>
        <source>Dry run (list the changes, write nothing)</source>
        <translation type="vanished">Uji coba (daftar perubahan, tidak menulis apa pun)</translation>
    </message>
    <message>
        <source>Dry run (report only, change nothing)</source>
        <translation type="vanished">Uji coba (hanya laporan, tidak mengubah apa pun)</translation>
    </message>
    <message>
        <source>Dry run: {ok} rows would be imported, {skip} are already present, {bad} have errors. Nothing was written.</source>
        <translation type="vanished">Uji coba: {ok} baris akan diimpor, {skip} sudah ada, {bad} memiliki kesalahan. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Existing services (optional)</source>
        <translation type="vanished">Layanan yang sudah ada (opsional)</translation>
    </message>
    <message>
        <source>INPUT is not an enterprise layer of the plugin&apos;s schema (fields uid, nama_usaha, sektor, tahap, jenis_kelamin_pemilik).</source>
        <translation type="vanished">INPUT bukan lapisan usaha skema plugin (field uid, nama_usaha, sektor, tahap, jenis_kelamin_pemilik).</translation>
    </message>
    <message>
        <source>Invalid input: {error}</source>
        <translation type="vanished">Masukan tidak valid: {error}</translation>
    </message>
    <message>
        <source>Logo (SVG, PNG or JPEG)</source>
        <translation type="vanished">Logo (SVG, PNG atau JPEG)</translation>
    </message>
    <message>
        <source>Nothing was imported: the database refused the rows ({error}).</source>
        <translation type="vanished">Tidak ada yang diimpor: basis data menolak baris-baris tersebut ({error}).</translation>
    </message>
    <message>
        <source>Office (shown in the title)</source>
        <translation type="vanished">Dinas (ditampilkan di judul)</translation>
    </message>
    <message>
        <source>Office (shown on the cover and every page)</source>
        <translation type="vanished">Kantor (tampil di sampul dan setiap halaman)</translation>
    </message>
    <message>
        <source>Pictures (*.svg *.png *.jpg *.jpeg)</source>
        <translation type="vanished">Gambar (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Population field (weights the counts)</source>
        <translation type="vanished">Kolom jumlah penduduk (pembobot jumlah)</translation>
    </message>
    <message>
        <source>REGIONS holds no region (is anything selected?).</source>
        <translation type="vanished">REGIONS tidak berisi wilayah (adakah yang dipilih?).</translation>
    </message>
    <message>
        <source>REGIONS must be a kabupaten/kota, kecamatan or desa layer of the schema.</source>
        <translation type="vanished">REGIONS harus lapisan kabupaten/kota, kecamatan atau desa dari skema.</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="vanished">Ulangi</translation>
    </message>
    <message>
        <source>Regions (kabupaten or kecamatan)</source>
        <translation type="vanished">Wilayah (kabupaten/kota atau kecamatan)</translation>
    </message>
    <message>
        <source>Regions for a summary (optional)</source>
        <translation type="vanished">Wilayah untuk ringkasan (opsional)</translation>
    </message>
    <message>
        <source>TARGET has unsaved edits: save or discard them first (the merge writes the file).</source>
        <translation type="vanished">TARGET memiliki suntingan yang belum disimpan: simpan atau buang dulu (penggabungan menulis berkasnya).</translation>
    </message>
    <message>
        <source>TARGET must be the enterprise layer of an office GeoPackage.</source>
        <translation type="vanished">TARGET harus lapisan usaha dari GeoPackage kantor.</translation>
    </message>
    <message>
        <source>The catchment must be greater than 0.</source>
        <translation type="vanished">Jangkauan harus lebih besar dari 0.</translation>
    </message>
    <message>
        <source>The database refused the rows of {table}; nothing of it was copied: {error}</source>
        <translation type="vanished">Basis data menolak baris-baris {table}; tidak ada yang disalin: {error}</translation>
    </message>
    <message>
        <source>The default speed must be greater than 0.</source>
        <translation type="vanished">Kecepatan bawaan harus lebih besar dari 0.</translation>
    </message>
    <message>
        <source>The enterprise layer has no field izin_publikasi (the owner&apos;s consent to publication): upgrade the database with industrirumahan:upgradedatabase.</source>
        <translation type="vanished">Lapisan usaha tidak memiliki kolom izin_publikasi (persetujuan pemilik untuk dipublikasikan): perbarui basis data dengan industrirumahan:upgradedatabase.</translation>
    </message>
    <message>
        <source>The input already has a field named {name}; rename it first.</source>
        <translation type="vanished">Masukan sudah memiliki kolom bernama {name}; ganti namanya terlebih dahulu.</translation>
    </message>
    <message>
        <source>The layer to style could not be opened.</source>
        <translation type="vanished">Lapisan yang akan diberi gaya tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The region layer has no field nama.</source>
        <translation type="vanished">Lapisan wilayah tidak memiliki kolom nama.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="vanished">Batalkan</translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="vanished">biaya</translation>
    </message>
    <message>
        <source>destination</source>
        <translation type="vanished">tujuan</translation>
    </message>
    <message>
        <source>origin</source>
        <translation type="vanished">asal</translation>
    </message>
    <message>
        <source>{ok} rows imported, {skip} already present, {bad} not imported (see the report).</source>
        <translation type="vanished">{ok} baris diimpor, {skip} sudah ada, {bad} tidak diimpor (lihat laporan).</translation>
    </message>
    <message>
        <source>{path} uses schema version {found}; this plugin needs version {needed}. The file was not changed: upgrade it with a copy first.</source>
        <translation type="vanished">{path} memakai skema versi {found}; plugin ini memerlukan versi {needed}. Berkas tidak diubah: tingkatkan versinya pada salinan terlebih dahulu.</translation>
    </message>
</context>
</TS>
