"""What may be published of an enterprise: the owner's consent decides (schema version 3).

One rule for every public output (web map, product catalogue, anything published later), so
that no exporter decides for itself: only enterprises whose owner agreed (``izin_publikasi``);
of those, only the public fields; the owner's name only with ``izin_nama_pemilik``; the exact
point only with ``izin_lokasi_tepat``, otherwise the village's representative point. NIK,
personal phone and address never. Pure pandas/numpy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import schema

CONSENT = "izin_publikasi"
CONSENT_DATE = "izin_publikasi_tanggal"
EXACT_LOCATION = "izin_lokasi_tepat"
OWNER_NAME = "izin_nama_pemilik"

#: Fields a consenting enterprise shows, in this order. ``nama_pemilik`` is emptied where the
#: owner did not agree to it (``public_frame``). Nothing personal besides it, ever.
PUBLIC_FIELDS: tuple[str, ...] = (
    "nama_usaha", "produk_utama", "sektor", "tahap", "kontak_usaha", "foto", "nama_pemilik",
    "kode_desa", "kode_kecamatan", "kode_kabupaten",
)
#: Personal fields that no public output may carry, with or without consent.
NEVER_PUBLIC: frozenset[str] = frozenset(set(schema.personal_fields()) - {"nama_pemilik"})

_TRUE = {"1", "true", "t", "ya", "y", "yes"}


def flag(values: pd.Series) -> pd.Series:
    """A consent column as booleans: True only for an explicit yes (True, 1, "ya", "true"…);
    NULL, False and anything unrecognised are no consent."""
    if values.dtype == bool:
        return values
    return values.map(lambda v: v is not None and v == v and str(v).strip().lower() in _TRUE
                      if not isinstance(v, (bool, np.bool_)) else bool(v)).astype(bool)


def consented(frame: pd.DataFrame) -> pd.Series:
    """True for the enterprises whose owner agreed to publication (missing column: none)."""
    if CONSENT not in frame.columns:
        return pd.Series(False, index=frame.index)
    return flag(frame[CONSENT])


def public_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The consenting enterprises with their public fields only, plus ``lokasi_tepat`` (bool:
    the exact point may be shown). The owner's name only where ``izin_nama_pemilik``."""
    rows = frame.loc[consented(frame)]
    out = pd.DataFrame(index=rows.index)
    for name in PUBLIC_FIELDS:
        out[name] = rows[name] if name in rows.columns else None
    name_ok = flag(rows[OWNER_NAME]) if OWNER_NAME in rows.columns else pd.Series(
        False, index=rows.index)
    out["nama_pemilik"] = out["nama_pemilik"].where(name_ok, None)
    out["lokasi_tepat"] = (flag(rows[EXACT_LOCATION]) if EXACT_LOCATION in rows.columns
                           else pd.Series(False, index=rows.index))
    return out


def public_points(xy: np.ndarray, exact: np.ndarray, village_xy: np.ndarray) -> np.ndarray:
    """Each enterprise's published point: its own where ``exact``, else its village's
    representative point (``village_xy``, NaN where the village is unknown: such an
    enterprise gets no point at all rather than its home)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    village_xy = np.asarray(village_xy, dtype=float).reshape(-1, 2)
    return np.where(np.asarray(exact, dtype=bool)[:, None], xy, village_xy)
