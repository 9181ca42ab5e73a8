"""The rule deciding whether an output path may be written, and dBase names (issue 17)."""

from __future__ import annotations

import itertools

from industri_rumahan_plugin.core import output_rules as rules
from industri_rumahan_plugin.core.output_rules import PathFacts, short_field_names, verdict


def test_an_input_is_never_written_whatever_else_holds():
    for exists, temporary, database, ours in itertools.product([False, True], repeat=4):
        facts = PathFacts(exists, True, temporary, database, ours)
        assert verdict(facts) == rules.INPUT


def test_an_existing_file_only_when_it_is_an_unchanged_plugin_output_or_temporary():
    table = {}
    for temporary, database, ours in itertools.product([False, True], repeat=3):
        table[(temporary, database, ours)] = verdict(
            PathFacts(True, False, temporary, database, ours))
    assert table[(False, True, False)] == rules.DATABASE
    assert table[(False, False, False)] == rules.EXISTING
    assert all(v == rules.OK for k, v in table.items() if k[0] or k[2])
    assert verdict(PathFacts(False, False, False, False, False)) == rules.OK


def test_short_names_are_unique_case_insensitively_and_keep_short_ones():
    names = ["kode", "pct_perempuan", "pct_perempuan_krtp", "PCT_PEREMPUAN_x", "pct_pere_1",
             "jml_usaha_makanan_pemula", "jml_usaha_makanan_maju"]
    out = short_field_names(names)
    assert out[0] == "kode" and out[1] == "pct_peremp"
    assert all(len(n) <= 10 for n in out)
    assert len({n.lower() for n in out}) == len(names)
    assert [n[:4] for n in out] == [n[:4] for n in names]  # still recognisable
    assert short_field_names(out) == out  # already fitting names are kept
