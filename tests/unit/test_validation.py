"""Record validation (pure core): each rule, its message in both languages, no false alarms."""

import datetime as dt

import pytest

from industri_rumahan_plugin.core import validation

TODAY = dt.date(2026, 3, 1)


def good_record(**changes):
    record = {
        "uid": "6f1c7e0e-4c55-4d2c-9a0e-1d2b3c4d5e6f", "nama_usaha": "Kerupuk Ikan Siti",
        "sektor": "makanan", "tahap": "pemula", "nama_pemilik": "Siti Rahman",
        "jenis_kelamin_pemilik": "P", "nik": "1901014506880001", "telepon": "081234567890",
        "jumlah_pekerja": 3, "pekerja_perempuan": 2, "modal_rp": 5_000_000.0,
        "omzet_bulanan_rp": 2_000_000.0, "tahun_mulai": 2019, "krtp": True,
        "pemasaran": "lokal", "status_binaan": "dibina",
    }
    record.update(changes)
    return record


def keys(issues, severity=validation.ERROR):
    return sorted((i.field, i.key) for i in issues if i.severity == severity)


def test_a_good_record_has_no_error():
    assert keys(validation.validate(good_record(), today=TODAY, inside_province=True)) == []
    assert validation.validate(good_record(), today=TODAY, inside_province=True) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"nama_usaha": "  "}, [("nama_usaha", "required")]),
        ({"sektor": None}, [("sektor", "required")]),
        ({"sektor": "tambang"}, [("sektor", "not_in_catalogue")]),
        ({"nik": "19010145068800"}, [("nik", "nik_format")]),
        ({"nik": "19010145068800AB"}, [("nik", "nik_format")]),
        ({"telepon": "08-12"}, [("telepon", "phone_format")]),
        ({"jumlah_pekerja": -1, "pekerja_perempuan": None}, [("jumlah_pekerja", "negative")]),
        ({"modal_rp": 2e10}, [("modal_rp", "too_large")]),
        ({"modal_rp": "banyak"}, [("modal_rp", "not_a_number")]),
        ({"tahun_mulai": 2027}, [("tahun_mulai", "year_future")]),
        ({"pelatihan_tahun": 1900}, [("pelatihan_tahun", "year_too_early")]),
        ({"pekerja_perempuan": 4}, [("pekerja_perempuan", "women_workers_exceed")]),
        ({"jenis_kelamin_pemilik": "L"}, [("krtp", "krtp_not_woman")]),
        ({"nama_usaha": "x" * 121}, [("nama_usaha", "too_long")]),
    ],
)
def test_each_bad_input_gets_its_issue(changes, expected):
    issues = validation.validate(good_record(**changes), today=TODAY, inside_province=True)
    assert keys(issues) == expected
    for issue in issues:
        assert issue.text("id") and issue.text("en") and "{" not in issue.text("id")


def test_nik_must_be_unique_among_other_enterprises():
    issues = validation.validate(good_record(), other_niks={"1901014506880001"}, today=TODAY,
                                 inside_province=True)
    assert keys(issues) == [("nik", "nik_duplicate")]
    assert issues[0].text("id") == "NIK ini sudah tercatat untuk usaha lain."


def test_location_gives_warnings_not_errors():
    outside = validation.validate(good_record(), today=TODAY, inside_province=False)
    assert validation.errors(outside) == []
    assert keys(outside, validation.WARNING) == [("lokasi", "outside_province")]
    missing = validation.validate(good_record(), today=TODAY, inside_province=None)
    assert keys(missing, validation.WARNING) == [("lokasi", "no_location")]


def test_messages_carry_the_field_label_in_the_language():
    issues = validation.validate(good_record(nama_usaha=None), today=TODAY, lang="id",
                                 inside_province=True)
    assert validation.by_field(issues, "id") == {"nama_usaha": ["Nama usaha wajib diisi."]}
    issues = validation.validate(good_record(nama_usaha=None), today=TODAY, lang="en",
                                 inside_province=True)
    assert validation.by_field(issues, "en") == {"nama_usaha": ["Business name is required."]}


def test_constraint_expressions_cover_the_field_rules():
    exprs = validation.constraint_expressions()
    assert {"nik", "telepon", "pekerja_perempuan", "krtp", "tahun_mulai", "sektor",
            "modal_rp"} <= set(exprs)
    assert "year(now())" in exprs["tahun_mulai"][0]
    assert exprs["nik"][1].text("id") == "NIK harus tepat 16 angka."
    assert all("{" not in issue.text("id") for _, issue in exprs.values())
    assert validation.required_fields() == ["nama_usaha", "sektor", "tahap", "nama_pemilik",
                                            "jenis_kelamin_pemilik"]
