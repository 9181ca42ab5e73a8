"""mergefieldsurvey: a package edited the way QField edits it comes back with nothing lost.

QField edits the package's GeoPackage through QGIS's own OGR provider, so the field's edits
here go through a ``QgsVectorLayer`` on the package (two new enterprises with real JPEG/PNG
photos in DCIM/, three edited, one deleted); the office changes one of the edited records
too. Expected values are read independently with SQLite from the package and the office.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QColor, QImage

from industri_rumahan_plugin.core import field_survey, schema, validation
from industri_rumahan_plugin.toolbelt import language

RULES = {"office": 0, "field": 1, "both": 2}


def sql(path: Path, query: str, args=()) -> list[tuple]:
    with closing(sqlite3.connect(path)) as con:
        return list(con.execute(query, args))


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted), for byte-for-byte comparisons of a database."""
    with closing(sqlite3.connect(path)) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = "
                                           "'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def layer_of(path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={schema.ENTERPRISES}", "usaha", "ogr")
    assert layer.isValid()
    return layer


def image(path: Path, color: str, fmt: str) -> bytes:
    picture = QImage(16, 12, QImage.Format.Format_RGB32)
    picture.fill(QColor(color))
    assert picture.save(str(path), fmt)
    return path.read_bytes()


def when(day: int, hour: int) -> QDateTime:
    return QDateTime(QDate(2026, 10, day), QTime(hour, 0))


def merge(package, office: Path, rule: str = "both", dry_run: bool = False) -> dict:
    return processing.run("industrirumahan:mergefieldsurvey", {
        "PACKAGE": str(package), "TARGET": layer_of(office), "RULE": RULES[rule],
        "DRY_RUN": dry_run})


def next_stage(stage: str) -> str:
    order = ["pemula", "berkembang", "maju"]
    return order[(order.index(stage) + 1) % 3]


@pytest.fixture
def surveyed(demo_copy, tmp_path, provider):
    """A package of the busiest district, edited in the field as QField does, and one of
    the edited records changed in the office as well."""
    office = demo_copy
    code = sql(office, "SELECT kode_kecamatan FROM usaha GROUP BY kode_kecamatan "
                       "ORDER BY count(*) DESC LIMIT 1")[0][0]
    result = processing.run("industrirumahan:preparefieldsurvey", {
        "INPUT": layer_of(office), "CODES": code, "OUTPUT": str(tmp_path / "paket")})
    folder = Path(result["OUTPUT"])
    field_layer = layer_of(Path(result["GEOPACKAGE"]))
    features = sorted(field_layer.getFeatures(), key=lambda f: f["uid"])
    stage_up, bigger, both, gone = features[:4]
    facts = {"stage_up": stage_up["uid"], "bigger": bigger["uid"], "both": both["uid"],
             "gone": gone["uid"], "new": [], "photos": {}, "folder": folder, "office": office,
             "stage": next_stage(stage_up["tahap"]), "workers": (bigger["jumlah_pekerja"] or 0)
             + 4}
    assert field_layer.startEditing()
    fields = field_layer.fields()
    for i, (color, fmt, ext) in enumerate((("#c03030", "JPG", "jpg"), ("#3060c0", "PNG", "png"))):
        new = QgsFeature(fields)
        uid = str(uuid.uuid4())
        values = {"uid": uid, "nama_usaha": f"Kue Lapangan {i}", "sektor": "makanan",
                  "tahap": "pemula", "nama_pemilik": f"Ibu Lapangan {i}",
                  "jenis_kelamin_pemilik": "P", "krtp": True, "jumlah_pekerja": 2,
                  "kode_desa": stage_up["kode_desa"], "kode_kecamatan": code,
                  "kode_kabupaten": stage_up["kode_kabupaten"], "dibuat": when(5, 9 + i),
                  "diubah": when(5, 9 + i), "diubah_oleh": "petugas"}
        values["foto"] = f"DCIM/{uid}_20261005.{ext}"
        facts["photos"][uid] = image(folder / values["foto"], color, fmt)
        for name, value in values.items():
            new[name] = value
        point = stage_up.geometry().asPoint()
        new.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x() + 0.001 * (i + 1),
                                                           point.y())))
        assert field_layer.addFeature(new)
        facts["new"].append(uid)
    edits = {stage_up.id(): {"tahap": facts["stage"], "diubah": when(6, 10)},
             bigger.id(): {"jumlah_pekerja": facts["workers"], "diubah": when(7, 11)},
             both.id(): {"produk_utama": "Kemplang lapangan", "diubah": when(8, 12)}}
    edits[bigger.id()]["foto"] = "DCIM/usaha_besar.jpg"
    facts["photos"][facts["bigger"]] = image(folder / "DCIM/usaha_besar.jpg", "#20a020", "JPG")
    for fid, values in edits.items():
        for name, value in values.items():
            assert field_layer.changeAttributeValue(fid, fields.indexOf(name), value)
    moved = bigger.geometry().asPoint()
    field_layer.changeGeometry(bigger.id(), QgsGeometry.fromPointXY(
        QgsPointXY(moved.x() + 0.0005, moved.y() - 0.0005)))
    assert field_layer.deleteFeature(gone.id())
    assert field_layer.commitChanges(), field_layer.commitErrors()
    office_layer = layer_of(office)
    office_feature = next(office_layer.getFeatures(f"\"uid\" = '{facts['both']}'"))
    assert office_layer.startEditing()
    office_layer.changeAttributeValue(office_feature.id(),
                                      office_layer.fields().indexOf("produk_utama"),
                                      "Kemplang kantor")
    assert office_layer.commitChanges()
    facts["before"] = dump(office)
    return facts


def record(path: Path, uid: str, names: list[str]) -> dict:
    cols = ", ".join(f'"{n}"' for n in names)
    row = sql(path, f"SELECT {cols}, geom FROM usaha WHERE uid = ?", (uid,))
    assert len(row) == 1, uid
    return dict(zip([*names, "geom"], row[0]))


def test_merge_applies_the_field_and_keeps_every_version(surveyed):
    office, folder = surveyed["office"], surveyed["folder"]
    package_gpkg = folder / "survei_industri_rumahan.gpkg"
    names = field_survey.package_fields(False)
    history_before = sql(office, "SELECT count(*) FROM riwayat_tahap")[0][0]
    result = merge(folder, office)
    assert (result["ADDED"], result["UPDATED"], result["CONFLICTS"], result["DELETED"]) == (
        2, 2, 1, 1)
    assert result["WARNINGS"] == ""  # what the field sent keeps the plugin's rules
    photo_dir = f"{office.stem}_foto"
    for uid in surveyed["new"]:  # new: the field's values, photo moved beside the database
        mine, theirs = record(office, uid, names), record(package_gpkg, uid, names)
        name = theirs["foto"].split("/")[-1]
        assert mine.pop("foto") == f"{photo_dir}/{uid}_{name}"
        theirs.pop("foto")
        target = office.parent / photo_dir / f"{uid}_{name}"
        assert target.read_bytes() == surveyed["photos"][uid]
        assert mine == theirs
    stage_up = record(office, surveyed["stage_up"], names)
    assert stage_up["tahap"] == surveyed["stage"]
    bigger = record(office, surveyed["bigger"], names)
    assert bigger["jumlah_pekerja"] == surveyed["workers"]
    assert bigger["geom"] == record(package_gpkg, surveyed["bigger"], names)["geom"]
    target = f"{photo_dir}/{surveyed['bigger']}_usaha_besar.jpg"
    assert bigger["foto"] == target
    assert (office.parent / target).read_bytes()[:2] == b"\xff\xd8"  # a real JPEG
    assert (office.parent / target).read_bytes() == surveyed["photos"][surveyed["bigger"]]
    # conflict kept both: the office's version stays, the field's goes to review
    assert record(office, surveyed["both"], names)["produk_utama"] == "Kemplang kantor"
    reviews = sql(office, f"SELECT uid, jenis, aturan, versi, nilai FROM "
                          f"{field_survey.CONFLICTS_TABLE} ORDER BY jenis")
    assert [(r[0], r[1], r[2], r[3]) for r in reviews] == [
        (surveyed["gone"], "hapus", "both", "kantor"),
        (surveyed["both"], "konflik", "both", "lapangan")]
    assert json.loads(reviews[1][4])["produk_utama"] == "Kemplang lapangan"
    # deleted in the field: still in the office, unchanged
    assert sql(office, "SELECT count(*) FROM usaha WHERE uid = ?", (surveyed["gone"],)) == [(1,)]
    # stage history: the new records' first stage and the raised stage, with field dates
    rows = sql(office, "SELECT uid, tahap, substr(tanggal_berlaku, 1, 19), sumber FROM "
                       "riwayat_tahap ORDER BY fid DESC LIMIT 3")
    assert sorted(rows) == sorted([
        (surveyed["new"][0], "pemula", "2026-10-05T09:00:00", "survei"),
        (surveyed["new"][1], "pemula", "2026-10-05T10:00:00", "survei"),
        (surveyed["stage_up"], surveyed["stage"], "2026-10-06T10:00:00", "survei")])
    assert sql(office, "SELECT count(*) FROM riwayat_tahap")[0][0] == history_before + 3
    # every other enterprise is exactly as it was
    touched = {surveyed["stage_up"], surveyed["bigger"]}
    before = [r for r in surveyed["before"]["usaha"] if not set(r) & touched]
    after = dump(office)["usaha"]
    assert [r for r in after if not set(r) & (touched | set(surveyed["new"]))] == before
    # merging the same package again changes nothing, not one byte
    state, file_hash = dump(office), digest(office)
    again = merge(folder, office)
    assert again["CHANGES"] == ""
    assert (again["ADDED"], again["UPDATED"], again["CONFLICTS"]) == (0, 0, 0)
    assert dump(office) == state and digest(office) == file_hash


@pytest.mark.parametrize("rule", ["office", "field"])
def test_conflict_rule_and_the_losing_version(surveyed, rule, tmp_path):
    office, folder = surveyed["office"], surveyed["folder"]
    archive = tmp_path / "kembali.zip"  # zipped this time, the folder itself in the zip
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            zf.write(path, path.relative_to(folder.parent).as_posix())
    assert merge(archive, office, rule)["ADDED"] == 2
    for uid, picture in surveyed["photos"].items():
        stored = record(office, uid, ["foto"])["foto"]
        assert (office.parent / stored).read_bytes() == picture
    kept = record(office, surveyed["both"], ["produk_utama"])["produk_utama"]
    review = sql(office, f"SELECT versi, nilai FROM {field_survey.CONFLICTS_TABLE} "
                         f"WHERE jenis = 'konflik'")
    assert len(review) == 1
    losing = json.loads(review[0][1])["produk_utama"]
    if rule == "office":
        assert (kept, review[0][0], losing) == ("Kemplang kantor", "lapangan",
                                                "Kemplang lapangan")
    else:
        assert (kept, review[0][0], losing) == ("Kemplang lapangan", "kantor",
                                                "Kemplang kantor")
    state = dump(office)
    assert merge(archive, office, rule)["CHANGES"] == ""
    assert dump(office) == state


def test_dry_run_lists_every_change_and_writes_nothing(surveyed):
    office, folder = surveyed["office"], surveyed["folder"]
    field_layer = layer_of(folder / "survei_industri_rumahan.gpkg")  # a rule broken in the field
    new = next(field_layer.getFeatures(f"\"uid\" = '{surveyed['new'][0]}'"))
    assert field_layer.startEditing()
    field_layer.changeAttributeValue(new.id(), field_layer.fields().indexOf("pekerja_perempuan"), 5)
    assert field_layer.commitChanges()
    file_hash = digest(office)
    result = merge(folder, office, dry_run=True)
    assert result["WARNINGS"].splitlines() == [
        f"{surveyed['new'][0]} Kue Lapangan 0: "
        + validation.Issue("pekerja_perempuan", "women_workers_exceed").text(language())]
    lines = result["CHANGES"].splitlines()
    assert sum(line.startswith("add ") for line in lines) == 2
    assert any(line.startswith(f"update {surveyed['bigger']}") and "jumlah_pekerja" in line
               for line in lines)
    assert any(line.startswith(f"update {surveyed['stage_up']}") and "tahap" in line
               for line in lines)
    assert any(line.startswith(f"conflict {surveyed['both']}") for line in lines)
    assert any(surveyed["gone"] in line and line.startswith("deleted") for line in lines)
    assert sum(line.startswith("stage history") for line in lines) == 3
    assert sum(line.startswith("photo ") for line in lines) == 3
    assert digest(office) == file_hash
    assert not (office.parent / f"{office.stem}_foto").exists()


def test_damaged_or_foreign_package_writes_nothing(surveyed, foreign_gpkg, tmp_path):
    office, folder = surveyed["office"], surveyed["folder"]
    file_hash = digest(office)
    archive = Path(str(folder) + ".zip")
    damaged = tmp_path / "rusak.zip"
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)  # a bad transfer: a block of zeros
    damaged.write_bytes(bytes(data))
    with pytest.raises(QgsProcessingException,
                       match=r"damaged \(survei_industri_rumahan.gpkg does not match"):
        merge(damaged, office)
    truncated = tmp_path / "terpotong.zip"
    truncated.write_bytes(archive.read_bytes()[: len(data) // 3])
    with pytest.raises(QgsProcessingException, match="is not a readable zip file"):
        merge(truncated, office)
    foreign = tmp_path / "asing"
    foreign.mkdir()
    (foreign / "data.gpkg").write_bytes(Path(foreign_gpkg).read_bytes())
    with pytest.raises(QgsProcessingException, match="not a field survey package"):
        merge(foreign, office)
    broken = tmp_path / "gpkg_rusak"
    broken.mkdir()
    (broken / "survei_industri_rumahan.gpkg").write_bytes(b"not a database" * 100)
    with pytest.raises(QgsProcessingException, match="damaged"):
        merge(broken, office)
    assert digest(office) == file_hash
    assert not (office.parent / f"{office.stem}_foto").exists()
    assert not any(p.name.startswith(".") for p in office.parent.iterdir())


def test_a_refused_write_leaves_everything_as_it_was(surveyed):
    office, folder = surveyed["office"], surveyed["folder"]
    with closing(sqlite3.connect(office)) as con, con:  # the last write of the merge fails
        con.execute("CREATE TRIGGER ir_test_refuse BEFORE INSERT ON riwayat_tahap "
                    "BEGIN SELECT RAISE(ABORT, 'riwayat dikunci'); END")
    state, file_hash = dump(office), digest(office)
    with pytest.raises(QgsProcessingException, match=r"refused the merge \(riwayat dikunci\)"):
        merge(folder, office, "field")
    assert dump(office) == state and digest(office) == file_hash
    assert not (office.parent / f"{office.stem}_foto").exists()  # no photo moved
    assert not any(p.name.startswith(".") for p in office.parent.iterdir())  # no staging


def test_unsaved_edits_in_the_office_layer_are_refused(surveyed):
    office, folder = surveyed["office"], surveyed["folder"]
    layer = layer_of(office)
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("catatan"), "belum disimpan")
    file_hash = digest(office)
    with pytest.raises(QgsProcessingException, match="unsaved edits"):
        processing.run("industrirumahan:mergefieldsurvey", {"PACKAGE": str(folder),
                                                            "TARGET": layer})
    layer.rollBack()
    assert digest(office) == file_hash
