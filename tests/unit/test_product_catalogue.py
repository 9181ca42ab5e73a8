"""The catalogue's pure part: who is in it, what a card holds, where it goes on a page."""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core import product_catalogue as pc


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "nama_usaha": ["Zahra Batik", "Abon Sari", "Kopi Hitam", "Tenun Ani", "Abon Budi"],
        "produk_utama": ["Batik tulis", "Abon ikan", "Kopi", "Kain cual", None],
        "sektor": ["batik", "makanan", "minuman", "tenun_cual", "makanan"],
        "tahap": ["maju", "pemula", "berkembang", "maju", None],
        "kode_desa": ["19.01.01.1001", "19.71.01.1001", "19.02.01.2001", "19.01.01.1002", ""],
        "kode_kecamatan": ["19.01.01", "19.71.01", "19.02.01", "19.01.01", "19.01.02"],
        "kode_kabupaten": ["19.01", "19.71", "19.02", "19.01", "19.01"],
        "foto": [None, "foto/abon.jpg", None, None, None],
        "kontak_usaha": ["wa.me/62811", None, "toko.id/kopi", None, None],
        "izin_publikasi": [True, True, False, None, True],
        "izin_nama_pemilik": [True, False, True, True, None],
        "nama_pemilik": ["Zahra Putri", "Sari Dewi", "Rina Wati", "Ani Lestari", "Budi Santoso"],
        "nik": ["1901010101900001"] * 5, "telepon": ["081234567890"] * 5,
        "alamat": ["Jl. Melati No. 1"] * 5,
    })


NAMES = {"regencies": {"19.01": "Kabupaten Bangka", "19.71": "Kota Pangkal Pinang"},
         "districts": {"19.01.01": "Sungailiat"}, "villages": {"19.01.01.1001": "Sungailiat"}}


def test_cards_hold_only_consented_enterprises_and_public_fields():
    table = pc.cards(_frame(), NAMES)
    assert sorted(table["name"]) == ["Abon Budi", "Abon Sari", "Zahra Batik"]
    assert set(pc.CARD_COLUMNS) <= set(table.columns)
    assert not {"nik", "telepon", "alamat", "nama_pemilik"} & set(table.columns)
    text = table.to_csv()
    for secret in ("1901010101900001", "081234567890", "Jl. Melati", "Sari Dewi",
                   "Budi Santoso", "Rina Wati", "Ani Lestari", "Kopi Hitam"):
        assert secret not in text
    owners = dict(zip(table["name"], table["owner"]))
    assert owners == {"Zahra Batik": "Zahra Putri", "Abon Sari": "", "Abon Budi": ""}


def test_cards_are_sorted_by_sector_then_region_then_name():
    table = pc.cards(_frame(), NAMES)
    # catalogue order: makanan before batik; within makanan Kabupaten Bangka before Kota
    assert list(table["name"]) == ["Abon Budi", "Abon Sari", "Zahra Batik"]
    assert list(table["group1"]) == ["Makanan", "Makanan", "Batik"]
    assert list(table["group2"]) == ["Kabupaten Bangka", "Kota Pangkal Pinang",
                                     "Kabupaten Bangka"]
    by_region = pc.cards(_frame(), NAMES, order=pc.REGION_FIRST)
    assert list(by_region["group1"]) == ["Kabupaten Bangka", "Kabupaten Bangka",
                                         "Kota Pangkal Pinang"]
    assert list(by_region["name"]) == ["Abon Budi", "Zahra Batik", "Abon Sari"]


def test_region_lines_use_names_and_fall_back_to_codes():
    table = pc.cards(_frame(), NAMES).set_index("name")
    assert table.loc["Zahra Batik", "village"] == "Sungailiat"
    assert table.loc["Abon Sari", "village"] == "19.71.01.1001"  # no name known
    assert table.loc["Abon Budi", "district"] == "19.01.02"
    assert pc.cards(_frame(), NAMES, lang="en")["sector_label"].tolist() == [
        "Food", "Food", "Batik"]


def _many(counts: dict[str, int]) -> pd.DataFrame:
    rows = []
    for sector, n in counts.items():
        for i in range(n):
            rows.append({"nama_usaha": f"{sector} {i:03d}", "sektor": sector, "tahap": "maju",
                         "kode_kabupaten": "19.01" if i % 3 else "19.71",
                         "izin_publikasi": True})
    return pc.cards(pd.DataFrame(rows), NAMES)


def test_every_card_is_placed_once_inside_the_page_and_headings_are_not_orphans():
    table = _many({"makanan": 23, "batik": 3, "minuman": 1})
    g = pc.Geometry()
    pages = pc.paginate(table, g)
    placed = [b.row for page in pages for b in page if b.kind == "card"]
    assert sorted(placed) == list(range(len(table)))
    for page in pages:
        for b in page:
            assert g.top <= b.y and b.y + b.h <= g.bottom + 1e-9
            assert g.left <= b.x and b.x + b.w <= g.left + g.width + 1e-9
        assert page[-1].kind == "card"  # no heading left alone at the foot
        assert page[0].kind == "h1"  # every page says which section it shows
    # one section per page start: makanan's 23 cards need more than one page, then batik
    firsts = [page[0].text for page in pages]
    assert firsts[0] == "Makanan" and all(t == "Makanan (lanjutan)" for t in firsts[1:-2])
    assert firsts[-2:] == ["Minuman", "Batik"]


def test_sections_flow_on_when_not_on_new_pages_and_contents_give_pages():
    table = _many({"makanan": 1, "batik": 1, "minuman": 1})  # 3 × (h1 + h2 + a row) fit
    together = pc.paginate(table, section_new_page=False)
    assert len(together) == 1
    apart = pc.paginate(table, section_new_page=True)
    assert len(apart) == 3
    entries = pc.contents(table, apart)
    assert entries == [("Makanan", 1, 2), ("Minuman", 1, 3), ("Batik", 1, 4)]
    assert pc.contents(table, together) == [("Makanan", 1, 2), ("Minuman", 1, 2),
                                            ("Batik", 1, 2)]
    rows = pc.contents_rows(entries, pc.SECTOR_FIRST)
    assert rows[0] == ["Sektor", "Usaha", "Halaman"] and rows[-1] == ["Jumlah", "3", ""]


def test_fit_cuts_at_a_word_and_counts_lines():
    def measure(value: str) -> float:
        return float(len(value))

    assert pc.wrap("aa bb cc dd", 5, measure) == ["aa bb", "cc dd"]
    assert pc.fit("aa bb cc dd", 5, 2, measure) == ("aa bb cc dd", 2)
    text, lines = pc.fit("aa bb cc dd ee", 5, 2, measure)
    assert text == "aa bb cc…" and lines == 2
    assert pc.fit("", 5, 1, measure) == ("", 0)


def test_stage_counts_feed_the_report_chart_table():
    from industri_rumahan_plugin.core import report_tables as rt

    table = pc.cards(_frame(), NAMES)
    row = pc.stage_counts(table)
    counts = rt.sector_stage_counts(row, rt.stage_codes(row))
    assert int(counts.loc["makanan", rt.TOTAL]) == 2
    assert int(counts.loc["batik", "maju"]) == 1
    assert int(counts.loc[rt.TOTAL, rt.TOTAL]) == 3


def test_long_date_in_both_languages():
    assert pc.long_date(2026, 11, 30) == "30 November 2026"
    assert pc.long_date(2026, 8, 1, "en") == "1 August 2026"
    assert pc.long_date(2026, 8, 1) == "1 Agustus 2026"


def test_nobody_consenting_gives_no_cards_and_no_pages():
    frame = _frame().assign(izin_publikasi=[False, None, 0, "tidak", False])
    table = pc.cards(frame, NAMES)
    assert len(table) == 0 and set(pc.CARD_COLUMNS) <= set(table.columns)
    assert pc.paginate(table) == [] and pc.contents(table, []) == []
