"""core.suggest: the extra weights of women-owned and KRTP enterprises, by hand."""

from __future__ import annotations

import pandas as pd

from industri_rumahan_plugin.core.suggest import enterprise_weights, weight_fields

NAMES = ["uid", "jenis_kelamin_pemilik", "krtp"]


def test_only_weights_given_and_fields_present_are_read():
    assert weight_fields(NAMES, 0.0, 0.0) == []
    assert weight_fields(NAMES, 1.5, 0.0) == ["jenis_kelamin_pemilik"]
    assert weight_fields(NAMES, 1.0, 2.0) == ["jenis_kelamin_pemilik", "krtp"]
    assert weight_fields(["uid", "krtp"], 1.0, 2.0) == ["krtp"]


def test_weights_add_up_per_enterprise():
    frame = pd.DataFrame({"jenis_kelamin_pemilik": ["P", "L", "P", None],
                          "krtp": [True, 1, False, None]})
    assert enterprise_weights(frame, 4, 1.5, 2.0).tolist() == [4.5, 3.0, 2.5, 1.0]
    assert enterprise_weights(frame[["krtp"]], 4, 1.5, 2.0).tolist() == [3.0, 3.0, 1.0, 1.0]


def test_without_columns_every_enterprise_counts_one():
    assert enterprise_weights(pd.DataFrame(index=range(3)), 3, 5.0, 5.0).tolist() == [1.0] * 3
