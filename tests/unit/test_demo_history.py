"""Demo surveys 2023-2025: deterministic, consistent with the current fields, plausible."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from industri_rumahan_plugin.core import catalogue, demo, demo_history, history_fields, schema
from industri_rumahan_plugin.core import progression as pg


@pytest.fixture(scope="module")
def demo_data():
    regions = [demo.Region("19.01", "A", shapely.box(105.0, -2.0, 106.0, -1.0), 2.0),
               demo.Region("19.02", "B", shapely.box(107.0, -3.0, 108.0, -2.0), 1.0)]
    ent, _xy = demo.generate_enterprises(regions, demo.DemoOptions(count=3000, seed=11))
    part = demo_history.generate_participation(ent, seed=5)
    hist = demo_history.generate_history(ent, part, seed=5)
    return ent, part, hist


def test_deterministic_and_in_the_schema(demo_data):
    ent, part, hist = demo_data
    again_part = demo_history.generate_participation(ent, seed=5)
    pd.testing.assert_frame_equal(hist, demo_history.generate_history(ent, again_part, seed=5))
    pd.testing.assert_frame_equal(part, again_part)
    assert list(hist.columns) == schema.field_names(schema.STAGE_HISTORY_FIELDS)
    assert list(part.columns) == schema.field_names(schema.PROGRAMME_FIELDS)
    assert set(hist["tahap"]) <= set(catalogue.codes(catalogue.HISTORY_STAGES))
    assert set(part["program"]) <= set(catalogue.codes(catalogue.PROGRAMMES))
    assert set(part["jenis"]) <= set(catalogue.codes(catalogue.PARTICIPATION_KINDS))
    assert set(hist["tanggal_berlaku"].dt.year) == {2023, 2024, 2025}
    assert schema.layer_role(list(hist.columns)) == "stage_history"
    assert schema.layer_role(list(part.columns)) == "programme_register"


def test_latest_stage_is_the_current_field(demo_data):
    ent, part, hist = demo_data
    assert set(hist["uid"]) == set(ent["uid"])  # every enterprise surveyed at least once
    derived = history_fields.current_stage(hist)
    assert derived.reindex(ent["uid"]).tolist() == ent["tahap"].tolist()
    closed = history_fields.closed(hist)
    assert 0.02 * len(ent) < closed.sum() < 0.05 * len(ent)
    trained = ent[ent["pelatihan"]].set_index("uid")
    last = history_fields.last_participation(part, "pelatihan").reindex(trained.index)
    assert last["tahun"].tolist() == trained["pelatihan_tahun"].astype(int).tolist()
    assert last["penyelenggara"].tolist() == trained["pelatihan_program"].tolist()


def test_moves_up_down_entries_closures_and_more_ups_among_the_trained(demo_data):
    ent, part, hist = demo_data
    history = pg.prepare_history(hist, ent["uid"])
    result = pg.progression(history, ent, "2023-12-31", "2025-12-31", participation=part)
    counts = dict(zip(pg.CLASSES, np.bincount(result.classes, minlength=len(pg.CLASSES))))
    assert all(counts[c] > 0 for c in ("naik_1", "naik_2", "tetap", "turun", "masuk", "tutup"))
    comp = result.programme_comparison().set_index(["jenis", "kode"])
    trained = comp.loc[("kegiatan", "pelatihan")]
    assert trained["pct_naik_ikut"] > trained["pct_naik_tidak"] + 5
