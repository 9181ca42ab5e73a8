"""The pure side of a re-import: value comparison, survey dates, planned history."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from industri_rumahan_plugin.core.importing import pipeline, updates, values


def test_same_value_by_type():
    assert updates.same_value(3, 3.0, "int") and updates.same_value(" a", "a", "string")
    assert updates.same_value(False, False, "bool") and not updates.same_value(False, True, "bool")
    assert not updates.same_value(None, "x", "string") and updates.same_value(None, None, "int")
    assert not updates.same_value(1500000.0, 2000000.0, "double")


def test_parse_date_forms():
    parsed, bad = values.parse_date(pd.Series(["2025-08-15", "15/08/2025", "5-8-2025",
                                               "2025-08-15 00:00:00", "45884", "", "kemarin",
                                               "31/02/2025"]))
    assert list(parsed[:5].dt.date) == [dt.date(2025, 8, 15), dt.date(2025, 8, 15),
                                        dt.date(2025, 8, 5), dt.date(2025, 8, 15),
                                        dt.date(2025, 8, 15)]
    assert parsed[5:].isna().all()
    assert list(bad) == [False] * 5 + [False, True, True]


def test_survey_dates_fall_back_to_the_default():
    index = pd.Index([2, 3])
    given = pd.Series([pd.Timestamp("2025-08-20"), pd.NaT], index=index)
    out = updates.survey_dates(given, dt.date(2025, 9, 1), index)
    assert list(out.dt.date) == [dt.date(2025, 8, 20), dt.date(2025, 9, 1)]


def test_stage_history_planned_from_the_latest_row():
    base = {"Nama Usaha": "Getas Ani", "Nama Pemilik": "Ani", "Jenis Kelamin": "P",
            "Jenis Usaha": "makanan", "Lat": "-1.85", "Long": "106.1",
            "NIK": "1971045506900001"}
    existing = pd.DataFrame([{"fid": 7, "uid": "u-1", "nik": "1971045506900001",
                              "nama_usaha": "Getas Ani", "kode_desa": None, "tahap": "berkembang",
                              "sektor": "makanan", "nama_pemilik": "Ani",
                              "jenis_kelamin_pemilik": "P"}])
    result = pipeline.prepare_import(pd.DataFrame([{**base, "Tahap": "IR 3"}], dtype=object),
                                     None, None, existing, first_row=2)
    dates = updates.survey_dates(None, dt.date(2024, 8, 1), result.records.index)
    later = pd.DataFrame({"uid": ["u-1", "u-1"], "tahap": ["pemula", "berkembang"],
                          "tanggal_berlaku": pd.to_datetime(["2023-08-01", "2025-08-01"])})
    plan = updates.plan_updates(result, existing, dates, later)
    # the 2024 observation is recorded; the 2025 stage stays the enterprise's stage
    assert list(plan.history["tahap"]) == ["maju"]
    assert plan.history["tanggal_berlaku"][0] == dt.datetime(2024, 8, 1)
    assert plan.changes.empty and plan.updated_rows() == []
    no_history = updates.plan_updates(result, existing, dates, None)
    assert no_history.history.empty and list(no_history.changes["new"]) == ["maju"]
