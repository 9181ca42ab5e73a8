"""Seeding the history from version-1 single fields, and the check that it gives them back."""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core import history_seed, programme_text, schema


def _enterprises() -> pd.DataFrame:
    return pd.DataFrame({
        "uid": ["a", "b", "c", "d", None],
        "tahap": ["pemula", "maju", "Maju", "berkembang", "pemula"],
        "dibuat": ["2024-01-01T00:00:00.000Z", None, "2024-02-01", "2024-03-01", None],
        "diubah": ["2025-05-05T10:00:00.000Z", None, None, None, None],
        "pelatihan": [1, 0, 1, True, 1],
        "pelatihan_program": ["Pelatihan DP3A", None, "Kursus jahit", "PRIMA", "x"],
        "pelatihan_tahun": [2024, None, None, 2023, 2020],
        "bantuan": [0, 1, None, 1, 0],
        "bantuan_program": [None, "hibah_modal dp3a", None, None, None],
        "bantuan_tahun": [None, 2022, None, 2021, None],
    })


def test_stage_rows_are_dated_diubah_else_dibuat_else_the_upgrade():
    rows = history_seed.stage_rows(_enterprises(), "2026-11-29T00:00:00.000Z", "staf")
    assert list(rows.columns) == schema.field_names(schema.STAGE_HISTORY_FIELDS)
    # c: "Maju" is no catalogue code; the row without uid has no enterprise to belong to
    assert rows.values.tolist() == [
        ["a", "pemula", "2025-05-05T10:00:00.000Z", "impor", "staf"],
        ["b", "maju", "2026-11-29T00:00:00.000Z", "impor", "staf"],
        ["d", "berkembang", "2024-03-01", "impor", "staf"]]
    assert history_seed.not_carried(_enterprises()) == {
        "tanpa_uid": 1, "tahap_tidak_valid": 1, "pelatihan_tanpa_tahun": 1,
        "bantuan_tanpa_tahun": 0}


def test_participation_rows_map_text_to_codes_and_keep_the_text():
    rows = history_seed.participation_rows(_enterprises())
    assert list(rows.columns) == schema.field_names(schema.PROGRAMME_FIELDS)
    assert rows.drop(columns="catatan").values.tolist() == [
        ["a", "pelatihan", "ir_kemenpppa", 2024, "Pelatihan DP3A"],
        ["d", "pelatihan", "prima", 2023, "PRIMA"],
        ["b", "bantuan", "ir_kemenpppa", 2022, "hibah_modal dp3a"],
        ["d", "bantuan", "lainnya", 2021, None]]
    assert programme_text.programme_code("Program Industri Rumahan KemenPPPA") == "ir_kemenpppa"


def test_compare_finds_what_does_not_give_the_fields_back():
    ent = _enterprises()
    history = history_seed.stage_rows(ent, "2026-11-29", "staf")
    part = history_seed.participation_rows(ent)
    assert history_seed.compare(ent, history, part) == {"tahap": [], "pelatihan": [],
                                                        "bantuan": []}
    later = pd.concat([history, pd.DataFrame([{"uid": "a", "tahap": "maju",
                                              "tanggal_berlaku": "2026-01-01"}])])
    assert history_seed.compare(ent, later, part)["tahap"] == ["a"]
    wrong_year = part.assign(tahun=part["tahun"].where(part["uid"] != "d", 1999))
    assert history_seed.compare(ent, history, wrong_year) == {
        "tahap": [], "pelatihan": ["d"], "bantuan": ["d"]}
    twice = pd.concat([ent, ent.iloc[[0]].assign(tahap="maju")])
    assert "a" in history_seed.compare(twice, history, part)["tahap"]
