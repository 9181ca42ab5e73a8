"""core/field_survey: canonical values, checksums and every merge decision, by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from industri_rumahan_plugin.core import field_survey as fs
from industri_rumahan_plugin.core.field_survey import Record

NAMES = ["uid", "nama_usaha", "tahap", "jumlah_pekerja", "modal_rp", "krtp", "diubah"]


def rec(uid: str, **values) -> Record:
    base = {"uid": uid, "nama_usaha": "Kue", "tahap": "pemula", "jumlah_pekerja": 2,
            "modal_rp": 1_000_000.0, "krtp": 1, "diubah": "2026-01-01T00:00:00.000"}
    base.update(values)
    return Record(uid, base, (106.1, -2.1))


def test_checksum_is_sha256_of_the_canonical_content():
    expected = {"uid": "a", "nama_usaha": "Kue", "tahap": "pemula", "jumlah_pekerja": 2,
                "modal_rp": 1000000.0, "krtp": True, "__xy__": [106.1, -2.1]}
    text = json.dumps(expected, sort_keys=True, ensure_ascii=True)
    assert rec("a").checksum(NAMES) == hashlib.sha256(text.encode()).hexdigest()


def test_readers_agree_and_bookkeeping_is_no_content():
    stored = rec("a")  # as SQLite gives it
    read = rec("a", krtp=True, modal_rp=1_000_000, nama_usaha="Kue",  # as QGIS gives it
               diubah=dt.datetime(2026, 5, 1, 8, 0))
    assert stored.checksum(NAMES) == read.checksum(NAMES)
    assert fs.canonical("  ", "string") is None
    assert fs.canonical("2026-10-05 09:30:00.123Z", "datetime") == "2026-10-05T09:30:00"
    assert fs.canonical(dt.date(2026, 10, 5), "datetime") == "2026-10-05T00:00:00"
    moved = Record("a", dict(stored.values), (106.1000001, -2.1))
    assert moved.checksum(NAMES) != stored.checksum(NAMES)


def test_every_decision():
    base = {u: rec(u).checksum(NAMES) for u in "abcdefg"}
    office = {"a": rec("a"), "b": rec("b"), "c": rec("c", tahap="maju"),
              "d": rec("d", nama_usaha="Kue Kantor"), "e": rec("e"),
              "n2": rec("n2", nama_usaha="Lain"), "g": rec("g", nama_usaha="Kue Baru")}
    field = {"a": rec("a"),  # untouched
             "b": rec("b", jumlah_pekerja=5),  # field only -> update
             "c": rec("c"),  # office only -> keep the office's
             "d": rec("d", nama_usaha="Kue Lapangan"),  # both -> conflict
             "f": rec("f", tahap="maju"),  # deleted in the office, edited in the field
             "n1": rec("n1"),  # new
             "n2": rec("n2"),  # new uid the office already has with other values
             "g": rec("g", nama_usaha="Kue Baru")}  # the same edit on both sides -> nothing
    plan = fs.plan_merge(base, field, office, NAMES, "both")
    assert plan.added == ["n1"]
    assert list(plan.updated) == ["b"]
    assert [(d.name, d.office, d.field) for d in plan.updated["b"]] == [("jumlah_pekerja", 2, 5)]
    assert list(plan.conflicts) == ["d"] and plan.conflicts["d"][1] == "both"
    assert plan.deleted == ["e"]  # packaged, office has it, the field deleted it
    assert plan.deleted_in_office == ["f"]
    assert plan.already_present == ["n2"]
    assert (plan.unchanged, plan.office_newer) == (2, 1)  # a, g; c
    assert plan.writes_field_version("b") and not plan.writes_field_version("d")
    assert fs.plan_merge(base, field, office, NAMES, "field").writes_field_version("d")


def test_stage_change_and_field_date():
    assert fs.stage_change(rec("a"), rec("a", tahap="maju")) == "maju"
    assert fs.stage_change(rec("a"), rec("a")) is None
    assert fs.stage_change(None, rec("a")) == "pemula"
    fallback = dt.datetime(2020, 1, 1)
    assert fs.field_date(rec("a", diubah="2026-10-06T10:00:00Z"), fallback) == dt.datetime(
        2026, 10, 6, 10)
    assert fs.field_date(rec("a", diubah=None, dibuat=None), fallback) == fallback


def test_codes_paths_and_package_fields():
    levels, bad = fs.parse_codes("19.01.02, 19.01.02.2007;19.01 Sungailiat")
    assert levels == {"regencies": {"19.01"}, "districts": {"19.01.02"},
                      "villages": {"19.01.02.2007"}}
    assert bad == ["Sungailiat"]
    assert fs.in_area({"kode_desa": "19.01.02.2007"}, {"villages": {"19.01.02.2007"}})
    assert not fs.in_area({"kode_kecamatan": "19.01.03"}, {"districts": {"19.01.02"}})
    assert fs.safe_relative("DCIM\\a.jpg") == "DCIM/a.jpg"
    assert fs.safe_relative("/etc/passwd") is None
    assert fs.safe_relative("../../x.jpg") is None
    assert fs.safe_relative("C:/x.jpg") is None
    assert "nik" not in fs.package_fields() and "telepon" not in fs.package_fields()
    assert {"nik", "telepon"} <= set(fs.package_fields(True))
    assert fs.photo_target("db_foto", "u1", "DCIM/sub/a.jpg") == "db_foto/u1_a.jpg"
