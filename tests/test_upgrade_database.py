"""upgradedatabase: a version-1 GeoPackage (made by the v1 createdatabase + demo) -> version 3."""

from __future__ import annotations

import getpass
import re
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from qgis import processing
from qgis.core import QgsApplication, QgsProcessingException

from industri_rumahan_plugin.adapters.geopackage import check_database, recognised_layers
from industri_rumahan_plugin.adapters.gpkg_upgrade import backup_path
from industri_rumahan_plugin.core import history_seed, schema

V1 = Path(__file__).parent / "data" / "schema_v1_demo.gpkg"
V1_TABLES = {"usaha", "layanan", "kabupaten", "kecamatan", "desa", "ir_metadata", "ref_tahap",
             "ref_sektor", "ref_pemasaran", "ref_jenis_kelamin", "ref_status_binaan",
             "ref_jenis_layanan"}
V3_FIELDS = ("foto", "kontak_usaha", "izin_publikasi", "izin_publikasi_tanggal",
             "izin_lokasi_tepat", "izin_nama_pemilik")


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    target = tmp_path / "kantor.gpkg"
    shutil.copy(V1, target)
    return target


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table registered in the GeoPackage, read independently."""
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")]
        return {n: db.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}


def _upgrade(path: Path, **params) -> dict:
    return processing.run("industrirumahan:upgradedatabase", {"INPUT": str(path), **params})


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.v1-backup-*.gpkg"))


def test_fixture_is_a_version_1_database(v1_copy):
    assert check_database(v1_copy)[0] == "older"
    tables = _tables(v1_copy)
    assert set(tables) == V1_TABLES
    assert dict((k, v) for _fid, k, v in tables["ir_metadata"])["schema_version"] == "1"
    assert len(tables["usaha"]) == 300


def test_upgrade_keeps_every_record_and_seeds_the_history(provider, v1_copy):
    original = v1_copy.read_bytes()
    before = _tables(v1_copy)
    out = _upgrade(v1_copy)
    after = _tables(v1_copy)
    # backup beside it, byte-equal to the original
    backup = Path(out["BACKUP"])
    assert backup.parent == v1_copy.parent and _backups(v1_copy) == [backup]
    assert re.fullmatch(r"kantor\.v1-backup-\d{8}-\d{6}\.gpkg", backup.name)
    assert backup.read_bytes() == original
    # every record of every v1 table byte-equal; only the version changed in ir_metadata
    for table in V1_TABLES - {"ir_metadata"}:
        width = len(before[table][0]) if before[table] else 0
        assert [r[:width] for r in after[table]] == before[table], table
    # schema 3's enterprise fields are appended, empty: nobody has consented
    width = len(before["usaha"][0])
    assert {r[width:] for r in after["usaha"]} == {(None,) * len(V3_FIELDS)}
    meta = {k: v for _fid, k, v in after["ir_metadata"]}
    assert meta["schema_version"] == str(schema.SCHEMA_VERSION) == "3"
    assert "skema_diubah" in meta
    assert [r for r in after["ir_metadata"] if r[1] not in ("schema_version", "skema_diubah")
            ] == [r for r in before["ir_metadata"] if r[1] != "schema_version"]
    assert check_database(v1_copy) == ("ok", "")
    assert out["STATUS"] == "upgraded"
    assert out["RECORDS_COMPARED"] == sum(len(before[t]) for t in V1_TABLES - {"ir_metadata"})
    assert "300 records of usaha: all equal" in out["REPORT"]
    # history: one row per enterprise, its stage, dated diubah else dibuat, source impor
    with sqlite3.connect(v1_copy) as db:
        joined = db.execute(
            "SELECT u.fid, u.tahap, r.tahap, coalesce(u.diubah, u.dibuat), r.tanggal_berlaku, "
            "r.sumber, r.pengguna FROM usaha u JOIN riwayat_tahap r ON r.uid = u.uid "
            "ORDER BY u.fid").fetchall()
        training = db.execute(
            "SELECT count(*) FROM usaha WHERE pelatihan AND pelatihan_tahun IS NOT NULL"
        ).fetchone()[0]
        aid = db.execute("SELECT count(*) FROM usaha WHERE bantuan AND bantuan_tahun IS NOT NULL"
                         ).fetchone()[0]
        rows = {(u, j): (p, t, o) for u, j, p, t, o in db.execute(
            "SELECT u.fid, p.jenis, p.program, p.tahun, p.penyelenggara FROM usaha u "
            "JOIN partisipasi_program p ON p.uid = u.uid")}
    assert len(joined) == 300 == out["HISTORY_ROWS"]
    user = QgsApplication.userLoginName() or getpass.getuser()
    for fid, stage, seeded, date, effective, source, who in joined:
        assert (seeded, source, who) == (stage, "impor", user)
        if fid == 2:  # neither dibuat nor diubah: the upgrade time
            assert date is None and effective[:4] == backup.name[17:21]
        else:
            assert effective == date
    assert joined[2][1] == "maju" and joined[2][4] == "2026-03-14T09:30:00.000Z"
    assert out["PARTICIPATION_ROWS"] == training + aid == len(rows)
    assert rows[(4, "pelatihan")] == ("lainnya", 2024, "Pelatihan batik Bu 'Ani' – Pangkalpinang")
    assert rows[(2, "pelatihan")] == ("dekranasda", 2025, "Pelatihan Dekranasda")
    assert rows[(2, "bantuan")] == ("program_daerah", 2023, "Bantuan alat produksi")
    assert rows[(7, "bantuan")] == ("lainnya", 2022, None)
    assert (6, "pelatihan") not in rows  # trained, but no year: stays in the fields only
    assert "pelatihan_tanpa_tahun 1" in out["REPORT"]
    layers = recognised_layers(v1_copy)
    assert layers["stage_history"].featureCount() == 300
    assert layers["programme_register"].featureCount() == len(rows)


def test_upgraded_tables_are_laid_out_as_createdatabase_writes_them(provider, v1_copy, tmp_path):
    fresh = tmp_path / "baru.gpkg"
    processing.run("industrirumahan:createdatabase", {"OUTPUT": str(fresh), "LOAD": False})
    _upgrade(v1_copy)

    def layout(path):
        with sqlite3.connect(path) as db:
            return {t: (db.execute(f'PRAGMA table_info("{t}")').fetchall(),
                        sorted(r[1] for r in db.execute(f'PRAGMA index_list("{t}")')))
                    for t, in db.execute("SELECT table_name FROM gpkg_contents")}

    assert layout(v1_copy) == layout(fresh)


def test_dry_run_reports_and_changes_nothing(provider, v1_copy, tmp_path):
    original = v1_copy.read_bytes()
    dry = _upgrade(v1_copy, DRY_RUN=True)
    assert v1_copy.read_bytes() == original
    assert _backups(v1_copy) == [] and dry["BACKUP"] == "" and dry["STATUS"] == "dry_run"
    assert dry["REPORT"].startswith("Dry run: nothing was written")
    real = _upgrade(v1_copy)
    assert (dry["HISTORY_ROWS"], dry["PARTICIPATION_ROWS"], dry["RECORDS_COMPARED"]) == (
        real["HISTORY_ROWS"], real["PARTICIPATION_ROWS"], real["RECORDS_COMPARED"])


def test_running_again_on_the_current_version_changes_nothing(provider, v1_copy):
    _upgrade(v1_copy)
    upgraded = v1_copy.read_bytes()
    again = _upgrade(v1_copy)
    assert again["STATUS"] == "current" and again["HISTORY_ROWS"] == 0
    assert v1_copy.read_bytes() == upgraded
    assert len(_backups(v1_copy)) == 1


def test_a_failure_at_the_last_step_leaves_the_file_unchanged(provider, v1_copy):
    with sqlite3.connect(v1_copy) as db:  # the version can no longer be written
        db.execute("CREATE TRIGGER terkunci BEFORE UPDATE ON ir_metadata BEGIN "
                   "SELECT RAISE(ABORT, 'metadata dikunci'); END")
    original = v1_copy.read_bytes()
    with pytest.raises(QgsProcessingException, match="metadata dikunci"):
        _upgrade(v1_copy)
    assert v1_copy.read_bytes() == original
    assert _backups(v1_copy) == []  # the backup of an unchanged file is removed


def test_a_history_that_would_not_give_back_the_fields_is_rolled_back(provider, v1_copy):
    from osgeo import ogr

    source = ogr.Open(str(v1_copy), update=1)  # two enterprises share a uid, other stages
    source.ExecuteSQL("UPDATE usaha SET uid = (SELECT uid FROM usaha WHERE fid = 1), "
                      "tahap = 'maju' WHERE fid = 2")
    source = None
    original = v1_copy.read_bytes()
    with pytest.raises(QgsProcessingException, match="duplicated uid"):
        _upgrade(v1_copy)
    assert v1_copy.read_bytes() == original and _backups(v1_copy) == []


def test_foreign_and_newer_files_are_refused_unchanged(v1_copy, foreign_gpkg, tmp_path):
    foreign = foreign_gpkg
    before = foreign.read_bytes()
    with pytest.raises(QgsProcessingException, match="not an Industri Rumahan database"):
        _upgrade(foreign)
    assert foreign.read_bytes() == before
    with sqlite3.connect(v1_copy) as db:
        db.execute("UPDATE ir_metadata SET nilai = '4' WHERE kunci = 'schema_version'")
    before = v1_copy.read_bytes()
    with pytest.raises(QgsProcessingException, match="made by a newer plugin"):
        _upgrade(v1_copy)
    assert v1_copy.read_bytes() == before and _backups(v1_copy) == []


def test_older_file_is_pointed_to_the_upgrade(v1_copy):
    status, message = check_database(v1_copy)
    assert status == "older" and "upgradedatabase" in message


def test_backup_name_never_overwrites(tmp_path):
    import datetime as dt

    path = tmp_path / "data.gpkg"
    when = dt.datetime(2026, 1, 2, 3, 4, 5)
    first = backup_path(path, when)
    assert first.name == "data.v1-backup-20260102-030405.gpkg"
    first.write_bytes(b"x")
    assert backup_path(path, when).name == "data.v1-backup-20260102-030405-2.gpkg"


def test_demo_geopackage_is_current_with_consistent_history(demo_gpkg):
    assert check_database(demo_gpkg) == ("ok", "")
    with sqlite3.connect(demo_gpkg) as db:
        ent = pd.read_sql("SELECT * FROM usaha", db)
        hist = pd.read_sql("SELECT * FROM riwayat_tahap", db)
        part = pd.read_sql("SELECT * FROM partisipasi_program", db)
    assert set(hist["uid"]) <= set(ent["uid"]) and set(part["uid"]) <= set(ent["uid"])
    assert sorted(hist["tanggal_berlaku"].str[:4].unique()) == ["2023", "2024", "2025"]
    assert set(hist["sumber"]) == {"survei"}
    assert history_seed.compare(ent, hist, part) == {"tahap": [], "pelatihan": [],
                                                     "bantuan": []}
    # more than one stage over the years for some enterprises, and some closed
    assert (hist[hist["tahap"] != "tutup"].groupby("uid")["tahap"].nunique() > 1).sum() > 50
    assert (hist["tahap"] == "tutup").sum() > 20
    assert {"pendampingan", "pemasaran", "hibah_peralatan"} <= set(part["jenis"])


def test_programme_text_to_catalogue_code():
    assert history_seed.programme_code("Pelatihan Dekranasda") == "dekranasda"
    assert history_seed.programme_code("  p2wkss ") == "p2wkss"
    assert history_seed.programme_code("PRIMA") == "prima"
    assert history_seed.programme_code("Kursus menjahit desa") == "lainnya"
    assert history_seed.programme_code(None) == "lainnya"
    assert schema.layer_role(schema.field_names(schema.PROGRAMME_FIELDS)) == "programme_register"


def test_refusal_is_in_the_users_language(provider, v1_copy):
    import sys

    from qgis.core import QgsSettings

    from industri_rumahan_plugin import toolbelt

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import plugin_install

    plugin_install.compile_translations()
    with sqlite3.connect(v1_copy) as db:
        db.execute("UPDATE ir_metadata SET nilai = '4' WHERE kunci = 'schema_version'")
    before = v1_copy.read_bytes()
    settings, key = QgsSettings(), f"{toolbelt.SETTINGS_PREFIX}/language"
    old = settings.value(key, None)
    settings.setValue(key, "id")
    translator = toolbelt.install_translator()
    try:
        with pytest.raises(QgsProcessingException, match="dibuat oleh plugin yang lebih baru"):
            _upgrade(v1_copy)
    finally:
        toolbelt.remove_translator(translator)
        settings.remove(key) if old is None else settings.setValue(key, old)
    assert v1_copy.read_bytes() == before


def test_a_table_name_already_taken_is_refused_unchanged(provider, v1_copy):
    with sqlite3.connect(v1_copy) as db:  # an office's own table with one of the new names
        db.execute("CREATE TABLE ref_program (kode TEXT, nama TEXT)")
    before = v1_copy.read_bytes()
    with pytest.raises(QgsProcessingException, match="already has a table named ref_program"):
        _upgrade(v1_copy)
    assert v1_copy.read_bytes() == before and _backups(v1_copy) == []


def test_version_2_gets_the_consent_fields_and_nothing_else_changes(provider, demo_copy):
    """A version-2 file (the demo without schema 3's columns) -> 3: same rows, empty consent."""
    with sqlite3.connect(demo_copy) as db:
        for name in V3_FIELDS:
            db.execute(f'ALTER TABLE usaha DROP COLUMN "{name}"')
        db.execute("UPDATE ir_metadata SET nilai = '2' WHERE kunci = 'schema_version'")
    assert check_database(demo_copy)[0] == "older"
    before = _tables(demo_copy)
    out = _upgrade(demo_copy)
    after = _tables(demo_copy)
    assert out["STATUS"] == "upgraded" and out["HISTORY_ROWS"] == 0
    assert Path(out["BACKUP"]).name.startswith(f"{demo_copy.stem}.v2-backup-")
    assert set(after) == set(before)  # no table created: version 2 has the history already
    for table in set(before) - {"ir_metadata"}:
        width = len(before[table][0]) if before[table] else 0
        assert [r[:width] for r in after[table]] == before[table], table
    width = len(before["usaha"][0])
    assert {r[width:] for r in after["usaha"]} == {(None,) * len(V3_FIELDS)}
    with sqlite3.connect(demo_copy) as db:
        added = [r[1] for r in db.execute("PRAGMA table_info(usaha)")][-len(V3_FIELDS):]
    assert tuple(added) == V3_FIELDS
    assert "izin_publikasi" in out["REPORT"] and check_database(demo_copy) == ("ok", "")
    layer = recognised_layers(demo_copy)["enterprises"]
    assert layer.fields().indexOf("izin_publikasi") >= 0
