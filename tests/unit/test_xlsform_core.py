"""core/xlsform.py and the server-export preset without QGIS: names, lists, parsing."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from industri_rumahan_plugin.core import catalogue, schema, xlsform
from industri_rumahan_plugin.core.importing import headers, presets, values


def test_names_are_unique_and_never_shadow_a_field():
    sheets = xlsform.build("1")
    names = [row["name"] for row in sheets["survey"] if row["type"] != "end_group"]
    assert len(names) == len(set(names))
    groups = {row["name"] for row in sheets["survey"] if row["type"] == "begin_group"}
    assert groups == {xlsform.GROUP_PREFIX + s for s in schema.SECTIONS}
    assert not groups & set(schema.field_names())


def test_every_list_a_question_uses_is_in_choices():
    sheets = xlsform.build("1")
    used = {row["type"].split()[1] for row in sheets["survey"]
            if row["type"].startswith("select_one")}
    listed = {row["list_name"] for row in sheets["choices"]}
    assert used == listed
    stages = [row["name"] for row in sheets["choices"] if row["list_name"] == "tahap"]
    assert stages == catalogue.codes(catalogue.STAGES)


def test_regions_make_a_cascade_only_when_complete():
    regions = {"kabupaten": [xlsform.Region("19.01", "Bangka")],
               "kecamatan": [xlsform.Region("19.01.02", "Belinyu", "19.01")],
               "desa": [xlsform.Region("19.01.02.2001", "Riau", "19.01.02")]}
    survey = {r["name"]: r for r in xlsform.build("1", regions=regions)["survey"]}
    assert survey["kode_kecamatan"]["type"] == "select_one kecamatan"
    order = [r["name"] for r in xlsform.build("1", regions=regions)["survey"]]
    assert order.index("kode_kabupaten") < order.index("kode_kecamatan") < order.index(
        "kode_desa")
    partial = {r["name"]: r for r in xlsform.build("1", regions={"desa": regions["desa"]})[
        "survey"]}
    assert partial["kode_desa"]["type"] == "text"


def test_columns_keep_the_xlsform_order():
    rows = [{"name": "a", "type": "text", "label::English (en)": "A"}]
    assert xlsform.columns("survey", rows) == ["type", "name", "label::English (en)"]


def test_detect_needs_the_servers_own_columns():
    assert presets.detect(["_uuid", "_submission_time", "nama_usaha"]) == presets.KOBO
    assert presets.detect(["_lokasi_latitude", "nama_usaha"]) == presets.KOBO
    assert presets.detect(["KEY", "SubmissionDate", "nama_usaha"]) == presets.ODK_CENTRAL
    assert presets.detect(["_id", "Nama Usaha", "UUID"]) is None
    assert presets.mapping(["Nama Usaha", "UUID"]) == {}


def test_user_mapping_wins_over_the_preset():
    columns = ["_uuid", "_submission_time", "bagian_usaha/nama_usaha", "catatan_lain"]
    mapped = headers.match_headers(columns, {"catatan_lain": "catatan"})
    assert mapped == {"_submission_time": headers.SURVEY_DATE,
                      "bagian_usaha/nama_usaha": "nama_usaha", "catatan_lain": "catatan"}


def test_photo_names_go_into_the_photo_folder():
    names = pd.Series(["1723456789.jpg", None, "DCIM/a.jpg", ""], dtype=object)
    assert presets.photo_paths(names, "ir_foto").tolist() == [
        "ir_foto/1723456789.jpg", None, "DCIM/a.jpg", ""]


def test_datetimes_as_servers_write_them():
    parsed, bad = values.parse_datetime(pd.Series(
        ["2026-08-15T10:11:12.345+07:00", "2026-08-15T10:11:12Z", "15/08/2026", "", "kemarin"]))
    assert parsed.tolist() == [dt.datetime(2026, 8, 15, 10, 11, 12),
                               dt.datetime(2026, 8, 15, 10, 11, 12),
                               dt.datetime(2026, 8, 15), None, None]
    assert bad.tolist() == [False, False, False, False, True]
