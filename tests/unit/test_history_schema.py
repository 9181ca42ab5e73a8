"""History tables in the schema (additive), derived fields, region levels."""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core import catalogue, history_fields, schema
from industri_rumahan_plugin.core import progression as pg


def test_history_tables_are_attribute_tables_apart_from_the_layers():
    assert schema.SCHEMA_VERSION == 3  # 2: history (issue 14); 3: photo and consent
    assert set(schema.TABLES) == {"stage_history", "programme_register"}
    assert not set(schema.TABLES) & set(schema.LAYERS)  # attribute tables, not map layers
    for _table, geometry, fields in schema.TABLES.values():
        assert geometry == "None"
        names = schema.field_names(fields)
        assert len(names) == len(set(names)) and names[0] == "uid"
        for spec in fields:
            if spec.catalogue:
                assert spec.catalogue in catalogue.CATALOGUES, spec.name
    assert schema.TABLES["stage_history"][0] == "riwayat_tahap"
    assert schema.TABLES["programme_register"][0] == "partisipasi_program"
    history = schema.field_names(schema.STAGE_HISTORY_FIELDS)
    assert schema.layer_role(history) == "stage_history"
    assert schema.layer_role(history, "NoGeometry") == "stage_history"
    assert schema.layer_role(history, "MultiPolygon") is None
    assert schema.layer_role(schema.field_names(schema.PROGRAMME_FIELDS), "None") == (
        "programme_register")
    # the enterprise layer still wins, and keeps its single fields
    assert schema.layer_role(schema.field_names(), "Point") == "enterprises"
    for name in ("tahap", "pelatihan", "pelatihan_program", "pelatihan_tahun", "bantuan",
                 "bantuan_program", "bantuan_tahun"):
        assert name in schema.field_names()


def test_programme_catalogue_and_kinds():
    assert catalogue.codes(catalogue.PROGRAMMES) == [
        "p2wkss", "prima", "drppa", "ir_kemenpppa", "dekranasda", "program_daerah", "lainnya"]
    assert catalogue.codes(catalogue.PARTICIPATION_KINDS) == [
        "pelatihan", "bantuan", "hibah_peralatan", "pendampingan", "pemasaran"]
    assert catalogue.label_map(catalogue.PARTICIPATION_KINDS, "en")["pendampingan"] == "Mentoring"
    assert catalogue.CLOSED not in catalogue.codes(catalogue.STAGES)
    assert catalogue.codes(catalogue.HISTORY_STAGES)[-1] == catalogue.CLOSED


def test_derived_fields_follow_the_latest_rows():
    hist = pd.DataFrame({
        "uid": ["a", "a", "a", "b", "b", "c", "c", "c", "d"],
        "tahap": ["pemula", "berkembang", "tutup", "maju", "berkembang", "pemula", "tutup",
                  "berkembang", "maju"],
        "tanggal_berlaku": ["2023-08-01", "2024-08-01", "2025-01-10", "2024-05-01",
                            "2024-05-01", "2022-01-01", "2023-01-01", "2024-03-01", None],
    })
    stage = history_fields.current_stage(hist)
    # a: closed, last stage berkembang; b: same day, the later row wins; c: reopened;
    # d: its only row has no date
    assert stage.to_dict() == {"a": "berkembang", "b": "berkembang", "c": "berkembang"}
    assert history_fields.closed(hist).to_dict() == {"a": True, "b": False, "c": False}
    part = pd.DataFrame({"uid": ["a", "a", "a", "b"],
                         "jenis": ["pelatihan", "pelatihan", "bantuan", "pelatihan"],
                         "program": ["prima", "p2wkss", "drppa", "lainnya"],
                         "tahun": [2024, 2022, 2025, 2021],
                         "penyelenggara": ["DP3A", "PKK", "Dinsos", "BLK"]})
    last = history_fields.last_participation(part, "pelatihan")
    assert last.loc["a"].tolist() == ["prima", "DP3A", 2024]
    assert last.loc["b", "program"] == "lainnya"
    assert history_fields.last_participation(part, "bantuan").loc["a", "tahun"] == 2025


def test_kecamatan_level_fixed_regions_and_times_of_day():
    ent = pd.DataFrame({"uid": ["a", "b", "c"], "kode_kabupaten": ["19.01"] * 3,
                        "kode_kecamatan": ["19.01.01", "19.01.02", None]})
    hist = pd.DataFrame({"uid": ["a", "a", "b", "c"],
                         "tahap": ["pemula", "berkembang", "pemula", "maju"],
                         "tanggal_berlaku": pd.to_datetime([
                             "2023-05-01 08:00", "2024-12-31 16:30", "2023-05-01 08:00",
                             "2024-02-02 09:00"])})
    result = pg.progression(pg.prepare_history(hist, ent["uid"]), ent, "2024-01-01",
                            "2024-12-31", level="kecamatan",
                            regions=["19.01.01", "19.01.02", "19.01.03"])
    table = result.region_table().set_index("wilayah")
    assert list(table.index) == ["19.01.01", "19.01.02", "19.01.03", "tidak_diisi"]
    assert table.loc["19.01.01", "naik_1"] == 1  # dated 16:30 on the last day: inside
    assert table.loc["19.01.02", "tetap"] == 1
    assert table.loc["19.01.03", list(pg.CLASSES)].sum() == 0
    assert table.loc["tidak_diisi", "masuk"] == 1


def test_dates_in_any_usual_form_count_by_their_local_day():
    import datetime as dt

    days = pg.to_days(["2024-12-31", "2024-12-31 16:30", "2024-12-31T23:30:00+07:00",
                       "2024-12-31T01:00:00Z", dt.date(2024, 12, 31),
                       dt.datetime(2024, 12, 31, 23, 59), None, "31/12/2024"])
    day = (pd.Timestamp("2024-12-31") - pd.Timestamp("1970-01-01")).days
    assert days[:6].tolist() == [day] * 6
    assert days[6] == days[7] == pg.to_days([None])[0] < 0
