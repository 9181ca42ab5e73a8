"""Stage suggestion rules: data, not code; defaults documented; scalar == vectorised."""

import json

import numpy as np
import pandas as pd
import pytest

from industri_rumahan_plugin.core import stage_rules
from industri_rumahan_plugin.core.demo import DemoOptions, Region, generate_enterprises


def test_defaults_are_json_and_valid():
    text = stage_rules.to_json(stage_rules.DEFAULT_RULES)
    assert stage_rules.from_json(text) == stage_rules.DEFAULT_RULES
    assert stage_rules.check_rules(json.loads(text)) == []
    assert stage_rules.default_rules() is not stage_rules.DEFAULT_RULES


def test_beginner_with_nothing():
    s = stage_rules.suggest({"jumlah_pekerja": 1, "omzet_bulanan_rp": 1e6})
    assert (s.stage, s.score, s.reasons) == ("pemula", 0.0, ())


def test_reasons_are_given_for_a_developing_enterprise():
    record = {"izin_nib": True, "izin_pirt": True, "pemasaran": "antar_kabupaten",
              "jumlah_pekerja": 1, "omzet_bulanan_rp": 1e6}
    s = stage_rules.suggest(record)
    assert s.stage == "berkembang" and s.score == 3.0
    assert s.reason_text("id") == "punya NIB dan PIRT, pemasaran antar-kabupaten"
    assert s.reason_text("en") == "has NIB and PIRT, sells between regencies"


def test_advanced_enterprise_by_hand_count():
    record = {"izin_nib": True, "izin_pirt": False, "izin_halal": True, "jumlah_pekerja": 6,
              "omzet_bulanan_rp": 30e6, "pemasaran": "nasional", "pemasaran_online": True}
    # NIB 1 + halal 1 + workers 2 + turnover 2 + national 2 + online 1 = 9
    s = stage_rules.suggest(record)
    assert (s.stage, s.score) == ("maju", 9.0)


def test_edited_rules_change_the_suggestion():
    rules = stage_rules.default_rules()
    rules["thresholds"] = {"berkembang": 1, "maju": 2}
    assert stage_rules.suggest({"pemasaran_online": True}, rules).stage == "berkembang"


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"thresholds": {"berkembang": 5, "maju": 2}, "criteria": []},
        {"thresholds": {"berkembang": 1, "maju": 2},
         "criteria": [{"id": "x", "points": 1, "all": [["nope", "==", 1]]}]},
        {"thresholds": {"berkembang": 1, "maju": 2},
         "criteria": [{"id": "x", "points": "a", "all": [["izin_nib", "~", 1]]}]},
    ],
)
def test_bad_rules_are_refused_with_messages(bad):
    problems = stage_rules.check_rules(bad)
    assert problems and all(len(p) == 2 for p in problems)
    with pytest.raises(stage_rules.RulesError):
        stage_rules.from_json(json.dumps(bad))
    with pytest.raises(stage_rules.RulesError):
        stage_rules.from_json("{not json")


def test_vectorised_equals_scalar_and_follows_demo_stages():
    import shapely

    region = Region("19.71", "Pangkalpinang", shapely.box(106.0, -2.2, 106.2, -2.0))
    frame, _ = generate_enterprises([region], DemoOptions(count=2000, seed=3))
    bulk = stage_rules.suggest_frame(frame)
    scalar = [stage_rules.suggest(r) for r in frame.to_dict("records")]
    # pandas gives NaN/None for missing, python dicts the same values: both paths agree
    assert list(bulk["stage"]) == [s.stage for s in scalar]
    assert np.allclose(bulk["score"], [s.score for s in scalar])
    # the demo draws permits/workers/turnover by stage: the defaults should mostly agree
    agreement = float((bulk["stage"] == frame["tahap"]).mean())
    assert agreement > 0.6, agreement
    assert pd.api.types.is_float_dtype(bulk["score"])
