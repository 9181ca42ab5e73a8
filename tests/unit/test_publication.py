"""core.publication: the owner's consent decides what a public output may carry (schema 3)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from industri_rumahan_plugin.core import demo, publication, schema


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "uid": ["a", "b", "c", "d", "e"],
        "nama_usaha": ["Kerupuk Ani", "Batik Sri", "Tenun Rina", "Madu Budi", "Lada Tini"],
        "nama_pemilik": ["Ani", "Sri", "Rina", "Budi", "Tini"],
        "nik": ["1901"] * 5, "telepon": ["0812"] * 5, "alamat": ["Jl. A"] * 5,
        "izin_publikasi": [True, "ya", None, 0, "1"],
        "izin_nama_pemilik": [True, False, True, True, None],
        "izin_lokasi_tepat": [False, True, True, True, "tidak"],
    })


def test_only_explicit_consent_publishes():
    assert publication.consented(_frame()).tolist() == [True, True, False, False, True]
    assert not publication.consented(pd.DataFrame({"uid": ["x"]})).any()  # a version-2 table


def test_public_frame_carries_no_personal_field_and_names_only_with_consent():
    out = publication.public_frame(_frame())
    assert out["nama_usaha"].tolist() == ["Kerupuk Ani", "Batik Sri", "Lada Tini"]
    assert out["nama_pemilik"].tolist() == ["Ani", None, None]
    assert out["lokasi_tepat"].tolist() == [False, True, False]
    assert not set(out.columns) & publication.NEVER_PUBLIC
    assert {"nik", "telepon", "alamat"} == publication.NEVER_PUBLIC
    assert set(publication.PUBLIC_FIELDS) <= set(schema.field_names())


def test_points_are_exact_only_with_consent():
    xy = np.array([[106.1, -2.1], [106.2, -2.2], [106.3, -2.3]])
    village = np.array([[106.0, -2.0], [106.0, -2.0], [np.nan, np.nan]])
    out = publication.public_points(xy, [False, True, False], village)
    assert out[0].tolist() == [106.0, -2.0] and out[1].tolist() == [106.2, -2.2]
    assert np.isnan(out[2]).all()  # unknown village: no point rather than the home


def test_demo_consent_is_a_minority_and_consistent():
    regions = [demo.Region("19.01", "Bangka", shapely.box(105, -2, 106, -1))]
    frame, _xy = demo.generate_enterprises(regions, demo.DemoOptions(count=400))
    consent = frame["izin_publikasi"].astype(bool)
    assert 0.2 < consent.mean() < 0.6
    # exact point, owner name and date only for consenting owners
    for field in ("izin_lokasi_tepat", "izin_nama_pemilik"):
        assert not (frame[field].astype(bool) & ~consent).any()
    assert frame.loc[consent, "izin_publikasi_tanggal"].notna().all()
    assert frame.loc[~consent, "izin_publikasi_tanggal"].isna().all()
    assert frame["kontak_usaha"].notna().sum() > 0
    assert not (frame["kontak_usaha"].notna() & ~consent).any()
