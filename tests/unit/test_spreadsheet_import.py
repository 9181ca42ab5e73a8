"""The pure spreadsheet import: header matching, parsing, villages, duplicates, report.

Malformed spreadsheets are written here as real XLSX (openpyxl) and CSV files and read back
through ``tables.read_table``, as the algorithm does.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from industri_rumahan_plugin.core.importing import (
    catalogue_match,
    coordinates,
    headers,
    pipeline,
    tables,
    values,
    villages,
)
from tests.conftest import DATA

VILLAGE_CSV = DATA / "boundaries" / "babel_desa_kelurahan_kode_centroid.csv"
KUDAI = (106.09098340982798, -1.8517251846546545)  # centroid of 19.01.01.1003


@pytest.fixture(scope="module")
def village_table() -> pd.DataFrame:
    return villages.load_village_table(VILLAGE_CSV)


def _problems(result: pipeline.ImportResult, row: int) -> set[str]:
    report = result.report
    return set(report.loc[report["row"] == row, "code"])


OFFICE_HEADERS = ["No", "Nama Usaha", "Nama Pemilik", "NIK", "Jenis Kelamin", "Alamat",
                  "Desa/Kelurahan", "Kecamatan", "Jenis Usaha", "Tahap", "Lat", "Long",
                  "No HP", "Omzet per bulan", "PIRT"]


def _office_xlsx(path) -> None:
    """A DP3A-style sheet: a title above the table, NIK as a number, mixed coordinates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DATA INDUSTRI RUMAHAN KABUPATEN BANGKA TAHUN 2025"])
    ws.append([])
    ws.append(OFFICE_HEADERS)
    rows = [
        # 4: clean, comma decimals
        [1, "Kerupuk Bu Siti", "Siti Aminah", "1901014101900001", "P", "Jl. Melati 1", "Kudai",
         "Sungailiat", "Makanan", "IR 1", "-1,8517", "106,0910", "0812 3456 789",
         "Rp 1.500.000", "Ya"],
        # 5: DMS, NIK typed as a number (openpyxl writes an int)
        [2, "Tenun Cual Mentok", "Rohani", 1905014101900002, "Perempuan", "", "Tanjung",
         "Mentok", "tenun", "Pemula", "2°2'22.6\" LS", "105°8'21.7\" BT", 81234567890,
         "2,5 juta", "tidak"],
        # 6: swapped lat/lon, stage "IR Maju"
        [3, "Pewter Timah Jaya", "Yanti", "", "wanita", "", "Sungailiat", "", "Kerajinan logam",
         "IR Maju", "106.1222", "-1.8578", "", "", ""],
        # 7: no coordinates: village centroid (approximate)
        [4, "Kopiah Resam Ibu Dewi", "Dewi", "", "P", "", "Desa Kudai", "", "anyaman",
         "berkembang", "", "", "", "", ""],
        # 8: outside Indonesia and unknown village -> no location
        [5, "Batik Laut", "Mega", "", "P", "", "Negeri Antah", "", "Batik", "IR 2", "48.85",
         "2.35", "", "", ""],
        # 9: unknown sector and missing owner
        [6, "Usaha Misteri", "", "", "P", "", "Kudai", "", "Tambang emas", "IR 1", "", "", "",
         "", ""],
        # 10: same NIK as row 4
        [7, "Kerupuk Bu Siti Cabang", "Siti Aminah", "1901014101900001", "P", "", "Kudai", "",
         "Makanan", "IR 1", "", "", "", "", ""],
        # 11: same name and village as row 7
        [8, "KOPIAH RESAM IBU DEWI", "Dewi S.", "", "P", "", "Kudai", "", "Anyaman", "IR 2", "",
         "", "", "", ""],
        # 12: ambiguous village name, disambiguated by its district
        [9, "Madu Pahit Air Duren", "Lestari", "", "P", "", "Air Duren", "Mendo Barat",
         "makanan", "IR 1", "", "", "", "", ""],
        # 13: ambiguous village without district -> no location
        [10, "Rusip Air Duren", "Juliana", "", "P", "", "Air Duren", "", "makanan", "IR 1",
         "", "", "", "", ""],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)


@pytest.fixture
def office_result(tmp_path, village_table) -> pipeline.ImportResult:
    path = tmp_path / "data_ir.xlsx"
    _office_xlsx(path)
    frame, first_row = tables.read_table(path)
    assert first_row == 4  # header found on row 3 below the title
    return pipeline.prepare_import(frame, None, village_table, first_row=None)


def test_common_indonesian_headers_are_matched():
    mapping = headers.match_headers([*OFFICE_HEADERS, "Lat/Long", "Desa/Kel.", "Keterangan"])
    assert mapping["Nama Usaha"] == "nama_usaha"
    assert mapping["Nama Pemilik"] == "nama_pemilik"
    assert mapping["Jenis Usaha"] == "sektor"
    assert mapping["Jenis Kelamin"] == "jenis_kelamin_pemilik"
    assert mapping["No HP"] == "telepon"
    assert mapping["Desa/Kelurahan"] == headers.VILLAGE_NAME
    assert mapping["Lat"] == headers.LAT and mapping["Long"] == headers.LON
    assert mapping["Lat/Long"] == headers.LATLON
    assert mapping["Keterangan"] == "catatan"
    assert "No" not in mapping and "Desa/Kel." not in mapping  # village already taken


def test_user_overrides_win_and_can_ignore_a_column():
    mapping = headers.match_headers(["Nama", "Usaha", "Produk"],
                                    {"Nama": "nama_usaha", "Produk": ""})
    assert mapping == {"Nama": "nama_usaha"}


def test_coordinates_in_every_office_spelling():
    parsed = coordinates.parse_degrees(pd.Series(
        ["-1,8578", "1°51'28\" LS", "106 7 20 BT", "S 1 51 28", "2:30:00 S", "abc", ""]))
    assert parsed[0] == pytest.approx(-1.8578)
    assert parsed[1] == pytest.approx(-(1 + 51 / 60 + 28 / 3600))
    assert parsed[2] == pytest.approx(106 + 7 / 60 + 20 / 3600)
    assert parsed[3] == pytest.approx(-(1 + 51 / 60 + 28 / 3600))
    assert parsed[4] == pytest.approx(-2.5)
    assert parsed[5:].isna().all()
    lat, lon = coordinates.split_latlon(pd.Series(["-1.85, 106.12", "-1,85; 106,12",
                                                   "-1.85 106.12", "-1,85, 106,12"]))
    assert coordinates.parse_degrees(lat).tolist() == [-1.85] * 4
    assert coordinates.parse_degrees(lon).tolist() == [106.12] * 4
    points = coordinates.resolve_points(pd.Series(["-1.85", "106.1", "48.85", "", "x"]),
                                        pd.Series(["106.1", "-1.85", "2.35", "", "1"]))
    assert points["problem"].tolist() == ["", "swapped", "outside", "missing", "unreadable"]
    assert points.loc[1, ["lon", "lat"]].tolist() == [106.1, -1.85]


def test_numbers_booleans_nik_and_phone():
    num, bad = values.parse_number(pd.Series(["Rp 1.500.000", "2,5 juta", "1,500,000", "12 orang",
                                              "1,5", "banyak", ""]))
    assert num[:5].tolist() == [1_500_000, 2_500_000, 1_500_000, 12, 1.5]
    assert bad.tolist() == [False] * 5 + [True, False]
    flags, bad = values.parse_bool(pd.Series(["Ya", "sudah", "Tidak", "belum", "mungkin", ""]))
    assert flags[:4].tolist() == [True, True, False, False] and bad.tolist()[4]
    nik, bad, rounded = values.parse_nik(pd.Series(
        ["1901014101900001", "1901014101900001.0", "1.901014E+15", "12345",
         "'1901 0141 0190 0001"]))
    assert nik.tolist() == ["1901014101900001", "1901014101900001", None, None,
                            "1901014101900001"]
    assert rounded.tolist() == [False, False, True, False, False]
    assert bad.tolist() == [False, False, True, True, False]
    phone, bad = values.parse_phone(pd.Series(["+62 812-3456-789", "81234567890", "12"]))
    assert phone.tolist() == ["08123456789", "081234567890", None] and bad.tolist()[2]


def test_stage_and_sector_spellings_become_catalogue_codes():
    stages, bad = catalogue_match.to_codes(
        pd.Series(["IR 1", "ir-2", "IR Maju", "Pemula", "Berkembang", "IR III", "Tahap 9", ""]),
        "tahap")
    assert stages.tolist() == ["pemula", "berkembang", "maju", "pemula", "berkembang", "maju",
                               None, None]
    assert bad.tolist() == [False] * 6 + [True, False]
    sectors, bad = catalogue_match.to_codes(
        pd.Series(["Makanan", "Kue kering", "Tenun", "Kerajinan logam", "Anyaman & kopiah resam",
                   "Pakaian", "Tambang emas"]), "sektor")
    assert sectors.tolist()[:6] == ["makanan", "makanan", "tenun_cual", "pewter", "anyaman",
                                    "konveksi"]
    assert sectors[6] is None and bad.tolist()[6]


def test_office_spreadsheet_rows_and_report(office_result):
    r = office_result
    rec = r.records
    assert r.status.to_dict() == {4: "ok", 5: "ok", 6: "ok", 7: "ok", 8: "error", 9: "error",
                                  10: "error", 11: "error", 12: "ok", 13: "error"}
    # row 4: comma decimals, phone, money in Indonesian notation, permit yes
    assert (r.lon[4], r.lat[4]) == (pytest.approx(106.091), pytest.approx(-1.8517))
    assert rec.loc[4, ["sektor", "tahap", "jenis_kelamin_pemilik", "kode_desa"]].tolist() == [
        "makanan", "pemula", "P", "19.01.01.1003"]
    assert rec.loc[4, "telepon"] == "08123456789" and rec.loc[4, "omzet_bulanan_rp"] == 1.5e6
    assert rec.loc[4, "izin_pirt"] is True and not r.approximate[4]
    # row 5: DMS, NIK stored as a number, phone lost its 0, "2,5 juta"
    assert r.lat[5] == pytest.approx(-(2 + 2 / 60 + 22.6 / 3600))
    assert r.lon[5] == pytest.approx(105 + 8 / 60 + 21.7 / 3600)
    assert rec.loc[5, "nik"] == "1905014101900002" and rec.loc[5, "telepon"] == "081234567890"
    assert rec.loc[5, ["sektor", "kode_kabupaten", "omzet_bulanan_rp"]].tolist() == [
        "tenun_cual", "19.05", 2.5e6]
    # row 6: swapped and corrected
    assert "coords_swapped" in _problems(r, 6)
    assert (r.lon[6], r.lat[6]) == (106.1222, -1.8578) and rec.loc[6, "tahap"] == "maju"
    # row 7: approximate location from the village, noted in the record
    assert r.approximate[7] and (r.lon[7], r.lat[7]) == KUDAI
    assert "approximate_location" in _problems(r, 7)
    assert rec.loc[7, "catatan"] == pipeline.APPROXIMATE_NOTE
    assert {"coords_outside", "village_unknown_name", "no_location"} <= _problems(r, 8)
    assert {"not_in_catalogue", "required"} <= _problems(r, 9)
    assert "duplicate_nik" in _problems(r, 10)
    dup = r.report[(r.report["row"] == 11) & (r.report["code"] == "duplicate_name_village")]
    assert dup["detail"].tolist() == ["7"]  # points at the first occurrence
    assert rec.loc[12, "kode_desa"] == "19.01.04.2009"
    assert {"village_ambiguous", "no_location"} <= _problems(r, 13)
    # severities, and no personal data in the report
    assert set(r.report["severity"]) <= {"error", "warning", "skipped"}
    personal = r.report["field"].isin(["nik", "nama_pemilik", "telepon", "alamat"])
    row_refs = r.report["code"].str.startswith("duplicate")  # detail = first row's number
    assert (r.report.loc[personal & ~row_refs, "detail"] == "").all()
    assert not r.report["detail"].astype(str).str.contains("1901014101900001").any()


def test_reimport_adds_nothing(office_result, village_table, tmp_path):
    first = office_result
    existing = first.accepted()[["uid", "nik", "nama_usaha", "kode_desa"]]
    path = tmp_path / "again.xlsx"
    _office_xlsx(path)
    frame, _ = tables.read_table(path)
    again = pipeline.prepare_import(frame, None, village_table, existing, None)
    assert again.counts()["ok"] == 0
    assert again.counts()["exists"] == first.counts()["ok"] == 5
    assert set(again.accepted().index) == set()
    # deterministic ids: the same rows get the same uid
    assert (again.records.loc[existing.index, "uid"] == existing["uid"]).all()


@pytest.mark.parametrize("sep, decimal", [(";", ","), (",", ".")])
def test_csv_with_either_separator(tmp_path, village_table, sep, decimal):
    lines = [
        sep.join(["NAMA USAHA", "Nama_Pemilik", "Jenis Kelamin", "Desa", "Kecamatan",
                  "Sektor", "Tahapan", "Latitude", "Longitude", "Jumlah Tenaga Kerja"]),
        sep.join(["Getas Pak Ahmad", "Ahmad", "Laki-laki", "Kudai", "Sungailiat", "pangan",
                  "IR 2", f"-1{decimal}85", f"106{decimal}09", "3"]),
        sep.join(["Sirup Jeruk Kunci", "Fitri", "P", "Sungailiat", "", "minuman", "IR-1", "", "",
                  "dua"]),
    ]
    path = tmp_path / "data.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    frame, first_row = tables.read_table(path)
    assert first_row == 2 and len(frame.columns) == 10
    r = pipeline.prepare_import(frame, None, village_table, first_row=None)
    assert r.status.tolist() == ["ok", "ok"]
    assert r.records["jenis_kelamin_pemilik"].tolist() == ["L", "P"]
    assert r.records["tahap"].tolist() == ["berkembang", "pemula"]
    assert r.records.loc[2, "jumlah_pekerja"] == 3 and r.records.loc[3, "jumlah_pekerja"] is None
    assert "not_a_number" in _problems(r, 3)
    assert (r.lon[2], r.lat[2]) == (106.09, -1.85) and r.approximate.tolist() == [False, True]


def test_missing_required_column_rejects_every_row(village_table):
    frame = pd.DataFrame({"Nama Usaha": ["A", "B"], "Nama Pemilik": ["x", "y"],
                          "Lat/Long": ["-1.85, 106.1", "-1.86, 106.2"]})
    r = pipeline.prepare_import(frame, None, village_table)
    assert r.status.tolist() == ["error", "error"]
    missing = set(r.report.loc[r.report["code"] == "missing_column", "field"])
    assert missing == {"sektor", "tahap", "jenis_kelamin_pemilik"}


def test_export_round_trip_masks_nik_and_reimports_as_existing(office_result, village_table,
                                                                tmp_path):
    ok = office_result.accepted()
    frame = tables.export_frame(ok, office_result.lon[ok.index], office_result.lat[ok.index])
    assert "Nama usaha" in frame.columns and "Lintang" in frame.columns
    assert frame.loc[0, "NIK"] == "190101******0001"
    assert frame.loc[0, "Tahap"] == "Pemula" and frame.loc[0, "SPP-IRT (PIRT)"] == "Ya"
    path = tables.write_table(frame, tmp_path / "ekspor.xlsx")
    back, first_row = tables.read_table(path)
    r = pipeline.prepare_import(back, None, village_table, ok[["uid", "nik", "nama_usaha",
                                                               "kode_desa"]], None)
    assert r.counts() == {"ok": 0, "error": 0, "exists": 5}
    fresh = pipeline.prepare_import(back, None, village_table, None, first_row)
    assert fresh.records["sektor"].tolist() == ok["sektor"].tolist()
    assert fresh.records["tahap"].tolist() == ok["tahap"].tolist()
    assert fresh.lon.round(6).tolist() == ok.index.map(office_result.lon).round(6).tolist()


def test_record_rules_of_the_dock_apply_to_imports(village_table):
    frame = pd.DataFrame({
        "Nama Usaha": ["Kue A", "Kue B"], "Nama Pemilik": ["Ani", "Budi"],
        "Jenis Kelamin": ["P", "L"], "KRTP": ["tidak", "ya"], "Jenis Usaha": ["makanan"] * 2,
        "Tahap": ["IR 1"] * 2, "Jumlah Pekerja": ["2", "2"], "Pekerja Perempuan": ["5", "1"],
        "Desa": ["Kudai", "Kudai"],
    })
    r = pipeline.prepare_import(frame, None, village_table, lang="en")
    assert r.status.tolist() == ["error", "error"]
    assert "rule_women_workers_exceed" in _problems(r, 2)
    assert "rule_krtp_not_woman" in _problems(r, 3)
