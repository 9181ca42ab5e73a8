"""``industrirumahan:stageprogression`` against plain-Python counts: a hand-made history with
every kind of move, the demo history, and what the user sees (filter, unsaved edits)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from qgis import processing
from qgis.core import QgsProject, QgsVectorLayer

from industri_rumahan_plugin.core import catalogue
from tests import history_fixtures as hf

ALG = "industrirumahan:stageprogression"
ORDER = {"pemula": 1, "berkembang": 2, "maju": 3}
CLASSES = ("naik_1", "naik_2", "tetap", "turun", "masuk", "tutup", "tidak_aktif")


def _day(value) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def state_on(rows: list[tuple[dt.date, str]], day: dt.date) -> tuple[str | None, dt.date | None]:
    """The stage (or 'tutup') of the last row on or before ``day``; rows in table order."""
    found, since = None, None
    for when, stage in sorted(rows, key=lambda r: r[0]):  # stable: table order on one day
        if when <= day:
            found, since = stage, when
    return found, since


def classify(rows, start: dt.date, end: dt.date) -> str:
    """The documented classes (docs/naik-kelas.md), one enterprise at a time."""
    s0, _ = state_on(rows, start)
    s1, since = state_on(rows, end)
    active0, active1 = s0 in ORDER, s1 in ORDER
    if s1 == catalogue.CLOSED and since > start:
        return "tutup"
    if active0 and active1:
        diff = ORDER[s1] - ORDER[s0]
        return "naik_1" if diff == 1 else "naik_2" if diff >= 2 else "tetap" if diff == 0 \
            else "turun"
    if active1:
        return "masuk"
    return "tidak_aktif"


def independent(enterprises, history, start, end) -> dict[str, Counter]:
    """Class counts per region code and per (region, sex), by loops."""
    rows = defaultdict(list)
    for uid, stage, when in zip(history["uid"], history["tahap"], history["tanggal_berlaku"]):
        if stage in (*ORDER, catalogue.CLOSED):
            rows[uid].append((_day(when), stage))
    out: dict = defaultdict(Counter)
    for uid, region, sex in zip(enterprises["uid"], enterprises["kode_kabupaten"],
                                enterprises["jenis_kelamin_pemilik"]):
        klass = classify(rows.get(uid, []), start, end)
        out[region][klass] += 1
        out[(region, sex)][klass] += 1
        out["semua"][klass] += 1
    return out


def features(path) -> dict[str, dict]:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return {f["kode"]: dict(zip(layer.fields().names(), f.attributes()))
            for f in layer.getFeatures()}


def long_rows(path) -> list[dict]:
    layer = QgsVectorLayer(str(path), "long", "ogr")
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def _run(gpkg, tmp_path, **extra) -> dict:
    params = {"INPUT": f"{gpkg}|layername=usaha", "REGIONS": f"{gpkg}|layername=kabupaten",
              "OUTPUT": str(tmp_path / "naik.gpkg"), "OUTPUT_TABLE": str(tmp_path / "naik.csv")}
    params.update(extra)
    return processing.run(ALG, params)


@pytest.fixture
def handmade(demo_copy):
    """Twelve enterprises with every kind of move in 2024, the rest without history."""
    ent = hf.read_enterprises(demo_copy)
    u = list(ent["uid"])
    rows = [
        (u[0], "pemula", "2023-08-10"), (u[0], "berkembang", "2024-08-10"),  # up one
        (u[1], "pemula", "2023-08-11"), (u[1], "maju", "2024-06-01"),  # up two
        (u[2], "maju", "2023-08-12"), (u[2], "berkembang", "2024-08-12"),  # down
        (u[3], "berkembang", "2023-08-13"),  # stayed
        (u[4], "pemula", "2024-05-01"),  # new
        (u[5], "berkembang", "2023-08-14"), (u[5], "tutup", "2024-10-01"),  # closed
        (u[6], "pemula", "2023-08-15"), (u[6], "berkembang", "2024-03-01"),  # several
        (u[6], "maju", "2024-06-01"), (u[6], "berkembang", "2024-09-01"),
        (u[7], "pemula", "2023-08-16"), (u[7], "maju", "2025-02-01"),  # after the period
        (u[8], "pemula", "2023-08-17"), (u[8], "tutup", "2023-11-01"),  # closed before
        (u[9], "tutup", "2023-11-02"), (u[9], "pemula", "2024-04-01"),  # reopened
        (u[10], "pemula", "2023-08-18"), (u[10], "berkembang", "2024-01-01"),  # on the start
        (u[11], "pemula", "2024-03-01"), (u[11], "tutup", "2024-09-01"),  # in and out
        (u[12], "maju", "2024-02-02"), (u[12], "pemula", "2024-02-02"),  # same day: last wins
        ("tidak-ada", "maju", "2023-08-01"), (u[13], "juara", "2023-08-01"),  # ignored
    ]
    history = hf.history_rows(rows)
    participation = hf.participation_rows([(u[0], "pelatihan", "prima", 2023),
                                           (u[1], "pendampingan", "drppa", 2024),
                                           (u[2], "pelatihan", "prima", 2026)])
    hf.write_tables(demo_copy, history, participation)
    return demo_copy, ent, history, u


def test_every_kind_of_move_counts_as_documented(handmade, tmp_path):
    gpkg, ent, history, u = handmade
    out = _run(gpkg, tmp_path, START="2024-01-01", END="2024-12-31")
    assert (out["START"], out["END"]) == ("2024-01-01", "2024-12-31")
    expected = independent(ent, history, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    # the cases themselves, so the independent counter is checked too
    by_uid = {uid: classify([(_day(w), s) for x, s, w in zip(
        history["uid"], history["tahap"], history["tanggal_berlaku"]) if x == uid],
        dt.date(2024, 1, 1), dt.date(2024, 12, 31)) for uid in u[:13]}
    assert [by_uid[x] for x in u[:13]] == [
        "naik_1", "naik_2", "turun", "tetap", "masuk", "tutup", "naik_1", "tetap",
        "tidak_aktif", "masuk", "tetap", "tutup", "masuk"]
    regions = features(tmp_path / "naik.gpkg")
    assert len(regions) == 7
    for code, row in regions.items():
        for klass in CLASSES:
            assert row[klass] == expected[code][klass], (code, klass)
        up = expected[code]["naik_1"] + expected[code]["naik_2"]
        base = up + expected[code]["tetap"] + expected[code]["turun"]
        assert row["naik"] == up and row["basis"] == base
        assert row["pct_naik"] == (pytest.approx(100 * up / base) if base else None)
        women = expected[(code, "P")]
        assert row["naik_p"] == women["naik_1"] + women["naik_2"]
    assert sum(r["tidak_aktif"] for r in regions.values()) == len(ent) - 12
    assert (out["NAIK"], out["BASIS"]) == (3, 7)
    long = long_rows(tmp_path / "naik.csv")
    assert {r["kelompok"] for r in long} >= {"semua", "sektor", "jenis_kelamin_pemilik", "krtp",
                                            "ikut_program:prima", "ikut_kegiatan:semua"}
    cell = {(r["wilayah"], r["kelompok"], r["nilai_kelompok"], r["ukuran"]): float(r["nilai"])
            for r in long if r["nilai"] not in (None, "")}
    for klass in CLASSES:
        assert cell[("semua", "semua", "semua", klass)] == expected["semua"][klass]
    # took part by the end's year: u[0] (prima 2023) yes, u[2] (prima 2026) no
    assert cell[("semua", "ikut_program:prima", "ya", "naik_1")] == 1
    assert cell[("semua", "ikut_program:prima", "ya", "basis")] == 1
    assert cell[("semua", "ikut_kegiatan:semua", "ya", "naik")] == 2
    assert not {"nik", "nama_pemilik", "telepon"} & set(long[0])


def test_the_demo_history_with_default_period(demo_copy, tmp_path):
    history, _part = hf.add_demo_history(demo_copy)
    ent = hf.read_enterprises(demo_copy)
    out = _run(demo_copy, tmp_path)
    days = [_day(d) for d in history["tanggal_berlaku"]]
    first = min(days).year
    start = max(d for d, s in zip(days, history["sumber"]) if d.year == first and s == "survei")
    end = max(days)
    assert (out["START"], out["END"]) == (start.isoformat(), end.isoformat())
    expected = independent(ent, history, start, end)
    regions = features(tmp_path / "naik.gpkg")
    for code, row in regions.items():
        assert {k: row[k] for k in CLASSES} == {k: expected[code][k] for k in CLASSES}
    assert sum(sum(row[k] for k in CLASSES) for row in regions.values()) == len(ent)
    assert out["NAIK"] == expected["semua"]["naik_1"] + expected["semua"]["naik_2"] > 100


def test_filter_and_unsaved_edits_of_the_layer_count(demo_copy, tmp_path):
    history, _part = hf.add_demo_history(demo_copy)
    ent = hf.read_enterprises(demo_copy)
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    layer.setSubsetString("\"kode_kabupaten\" = '19.01'")
    QgsProject.instance().addMapLayer(layer)
    try:
        kept = ent[ent["kode_kabupaten"] == "19.01"]
        start, end = dt.date(2023, 12, 31), dt.date(2025, 12, 31)
        expected = independent(kept, history, start, end)
        # a man's enterprise that moved up becomes a woman's in the edit buffer only
        classes = {uid: classify([(_day(w), s) for x, s, w in zip(
            history["uid"], history["tahap"], history["tanggal_berlaku"]) if x == uid],
            start, end) for uid in kept["uid"]}
        man = next(uid for uid, sex in zip(kept["uid"], kept["jenis_kelamin_pemilik"])
                   if sex == "L" and classes[uid] == "naik_1")
        fid = next(f.id() for f in layer.getFeatures() if f["uid"] == man)
        layer.startEditing()
        layer.changeAttributeValue(fid, layer.fields().indexOf("jenis_kelamin_pemilik"), "P")
        out = _run(None, tmp_path, INPUT=layer.id(), START="2023-12-31", END="2025-12-31",
                   REGIONS=f"{demo_copy}|layername=kabupaten")
        regions = features(tmp_path / "naik.gpkg")
        assert sum(sum(r[k] for k in CLASSES) for r in regions.values()) == len(kept)
        row = regions["19.01"]
        assert {k: row[k] for k in CLASSES} == {k: expected["19.01"][k] for k in CLASSES}
        women = expected[("19.01", "P")]
        assert row["naik_p"] == women["naik_1"] + women["naik_2"] + 1
        assert out["NAIK"] == expected["semua"]["naik_1"] + expected["semua"]["naik_2"]
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_without_a_history_table_the_algorithm_says_so(demo_copy, tmp_path):
    from qgis.core import QgsProcessingException

    hf.drop_history(demo_copy)  # once the demo carries them
    with pytest.raises(QgsProcessingException, match="riwayat_tahap"):
        _run(demo_copy, tmp_path)


def test_selected_features_only_and_kecamatan_level(demo_copy, tmp_path):
    from qgis.core import QgsProcessingFeatureSourceDefinition

    history, _part = hf.add_demo_history(demo_copy)
    ent = hf.read_enterprises(demo_copy)
    layer = QgsVectorLayer(f"{demo_copy}|layername=usaha", "usaha", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        chosen = [f.id() for f in layer.getFeatures()][::3]
        layer.selectByIds(chosen)
        uids = {f["uid"] for f in layer.getSelectedFeatures()}
        kept = ent[ent["uid"].isin(uids)]
        out = _run(demo_copy, tmp_path, START="2023-12-31", END="2025-12-31",
                   INPUT=QgsProcessingFeatureSourceDefinition(layer.id(), True),
                   REGIONS=f"{demo_copy}|layername=kecamatan")
        regions = features(tmp_path / "naik.gpkg")
        assert len(regions) == QgsVectorLayer(f"{demo_copy}|layername=kecamatan", "k",
                                              "ogr").featureCount() > 40
        assert sum(sum(r[k] for k in CLASSES) for r in regions.values()) == len(kept) == \
            len(chosen)
        rows = defaultdict(list)
        for uid, stage, when in zip(history["uid"], history["tahap"],
                                    history["tanggal_berlaku"]):
            rows[uid].append((_day(when), stage))
        expected: dict = defaultdict(Counter)
        for uid, code in zip(kept["uid"], kept["kode_kecamatan"]):
            expected[code][classify(rows[uid], dt.date(2023, 12, 31),
                                    dt.date(2025, 12, 31))] += 1
        for code, row in regions.items():
            assert {k: row[k] for k in CLASSES} == {k: expected[code][k] for k in CLASSES}
        assert out["NAIK"] == sum(c["naik_1"] + c["naik_2"] for c in expected.values())
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
