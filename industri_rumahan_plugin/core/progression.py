"""Naik kelas: who moved up a class in a period, per region and group (pure, vectorised).

Definitions (docs/naik-kelas.md):

* An enterprise's *state* on a day is the stage of its last history row dated on or before
  that day (dates compared by calendar day; rows of one enterprise on the same day: the later
  row in the table wins). No row yet: *not recorded*; last row the closing marker ``tutup``:
  *closed*. Rows with an unknown enterprise, stage or date are ignored and counted.
* The period is ``(start, end]``: the start state is the state on ``start``, the end state the
  state on ``end``. Several changes inside the period count once, start against end; a change
  dated after ``end`` (or on/before ``start``) does not move the enterprise in this period.
* Classes: ``naik_1`` / ``naik_2`` (active at both ends, one / two or more classes higher),
  ``tetap`` (same stage), ``turun`` (lower), ``masuk`` (not recorded or closed at the start,
  active at the end: new or reopened), ``tutup`` (closed at the end by a closing row dated in
  the period), ``tidak_aktif`` (not recorded by ``end``, or closed on/before ``start``).
* ``pct_naik`` = (naik_1 + naik_2) / ``basis``, ``basis`` = enterprises active at both ends
  (naik_1 + naik_2 + tetap + turun). Entries and closures are outside the base.
* Programme comparison (descriptive, no causal claim): an enterprise *took part* in a
  programme when it has a participation row of that programme with ``tahun`` <= the end's
  year (during or before the period); everyone else did not.

Loops run over regions, groups and programmes (tens), never over enterprises.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from industri_rumahan_plugin.core import catalogue
from industri_rumahan_plugin.core.catalogue import CLOSED, UNFILLED
from industri_rumahan_plugin.core.density import category_codes

CLASSES = ("naik_1", "naik_2", "tetap", "turun", "masuk", "tutup", "tidak_aktif")
CLASS_LABELS: dict[str, tuple[str, str]] = {
    "naik_1": ("Naik satu kelas", "Up one class"),
    "naik_2": ("Naik dua kelas", "Up two classes"),
    "tetap": ("Tetap", "Stayed"),
    "turun": ("Turun kelas", "Moved down"),
    "masuk": ("Baru masuk", "Entered"),
    "tutup": ("Tutup", "Closed"),
    "tidak_aktif": ("Tidak aktif dalam periode", "Not active in period"),
}
NAIK_1, NAIK_2, TETAP, TURUN, MASUK, TUTUP, TIDAK_AKTIF = range(len(CLASSES))
#: Region fields by level.
LEVELS = {"kabupaten": "kode_kabupaten", "kecamatan": "kode_kecamatan"}
ALL = "semua"
NOT_RECORDED, CLOSED_STATE = 0, -1
STAGE_CODES = catalogue.codes(catalogue.STAGES)
#: Measures per region and group, in this order.
MEASURES = (*CLASSES, "naik", "basis", "pct_naik", "pct_turun",
            *(f"awal_{s}" for s in STAGE_CODES), *(f"akhir_{s}" for s in STAGE_CODES),
            "aktif_awal", "aktif_akhir")
LONG_COLUMNS = ["wilayah", "kelompok", "nilai_kelompok", "ukuran", "nilai"]


def to_days(values) -> np.ndarray:
    """Calendar days (int64 since 1970; missing or unreadable: INT64 min) of dates given as
    datetimes, dates or ISO 8601 text. The local day counts: an offset is dropped, not
    converted (23:30+07:00 on 31 December is 31 December)."""
    stamps = pd.Series(values)
    if not pd.api.types.is_datetime64_any_dtype(stamps):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # mixed offsets: handled below
            try:
                parsed = pd.to_datetime(stamps, errors="coerce", format="ISO8601")
            except (ValueError, TypeError):
                parsed = None
        if parsed is None or not pd.api.types.is_datetime64_any_dtype(parsed):
            parsed = pd.to_datetime(stamps.astype(str).str.slice(0, 10), errors="coerce",
                                    format="%Y-%m-%d")
        stamps = parsed
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_localize(None)
    return stamps.to_numpy("datetime64[ns]").astype("datetime64[D]").astype(np.int64)


def _day(value) -> int:
    day = int(to_days([value])[0])
    if day == np.iinfo(np.int64).min:
        raise ValueError(f"not a date: {value!r}")
    return day


@dataclass
class History:
    """A stage history sorted by (enterprise, date), ready to be asked the state on any day."""

    ent: np.ndarray  # int64 enterprise index, sorted
    day: np.ndarray  # int64 days since 1970
    state: np.ndarray  # int8 stage order 1..3, or CLOSED_STATE
    n_enterprises: int
    ignored: int = 0  # rows with an unknown enterprise, stage or date

    def __post_init__(self) -> None:
        self._same_next = np.r_[self.ent[1:] == self.ent[:-1], False]

    def states_on(self, day: int) -> tuple[np.ndarray, np.ndarray]:
        """Each enterprise's state on ``day`` and the date of the row it comes from."""
        on = self.day <= day
        last = on & ~(np.r_[on[1:], False] & self._same_next)
        state = np.zeros(self.n_enterprises, dtype=np.int8)
        since = np.full(self.n_enterprises, np.iinfo(np.int64).min, dtype=np.int64)
        state[self.ent[last]] = self.state[last]
        since[self.ent[last]] = self.day[last]
        return state, since


def enterprise_index(uids: Sequence, keys: Sequence) -> np.ndarray:
    """Position of each key among ``uids`` (-1 when absent); the uids must be unique."""
    index = pd.Index(pd.Series(uids, dtype=object))
    if not index.is_unique:
        raise ValueError(f"{int(index.duplicated().sum())} enterprise uid(s) occur more than "
                         "once; make them unique first")
    return index.get_indexer(pd.Series(keys, dtype=object))


def prepare_history(history: pd.DataFrame, uids: Sequence, uid: str = "uid",
                    stage: str = "tahap", date: str = "tanggal_berlaku") -> History:
    """Index, clean and sort a history table once (then ask as many periods as needed)."""
    ent = enterprise_index(uids, history[uid])
    order = {code: i + 1 for i, code in enumerate(STAGE_CODES)} | {CLOSED: CLOSED_STATE}
    raw, uniques = pd.factorize(pd.Series(history[stage], dtype=object))
    lookup = np.array([order.get(str(v).strip(), 99) for v in uniques] + [99], dtype=np.int8)
    state = lookup[raw]
    day = to_days(history[date].to_numpy())
    ok = (ent >= 0) & (state != 99) & (day != np.iinfo(np.int64).min)
    ent, day, state = ent[ok], day[ok], state[ok]
    sort = np.lexsort((day, ent))  # stable: same enterprise and day keeps the table's order
    return History(ent[sort], day[sort], state[sort], len(uids), int((~ok).sum()))


def classify(history: History, start, end) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per enterprise: (class index into ``CLASSES``, start state, end state)."""
    start_day, end_day = _day(start), _day(end)
    if end_day < start_day:
        raise ValueError("the period ends before it starts")
    s0, _ = history.states_on(start_day)
    s1, since1 = history.states_on(end_day)
    klass = np.full(history.n_enterprises, TIDAK_AKTIF, dtype=np.int8)
    both = (s0 > 0) & (s1 > 0)
    diff = s1.astype(np.int16) - s0
    klass[both & (diff == 1)] = NAIK_1
    klass[both & (diff >= 2)] = NAIK_2
    klass[both & (diff == 0)] = TETAP
    klass[both & (diff < 0)] = TURUN
    klass[(s0 <= 0) & (s1 > 0)] = MASUK
    klass[(s1 == CLOSED_STATE) & (since1 > start_day)] = TUTUP
    return klass, s0, s1


@dataclass
class Group:
    """A breakdown: its type (``kelompok``), an integer value per enterprise and the labels."""

    kind: str
    codes: np.ndarray
    labels: list[str]


def category_group(kind: str, values: Sequence, known: Sequence[str] = ()) -> Group:
    codes, labels = category_codes(values, known)
    return Group(kind, codes, labels)


def truthy(values: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """(is true, is missing) for a yes/no field: bools, 0/1, "ya"/"true"; per distinct value."""
    raw, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    yes = np.array([str(v).strip().lower() in ("1", "true", "ya", "y", "t") for v in uniques]
                   + [False], dtype=bool)
    return yes[raw], raw < 0


def flag_group(kind: str, values: Sequence) -> Group:
    """A yes/no field (KRTP): ``ya`` / ``tidak`` / not filled in."""
    yes, missing = truthy(values)
    codes = np.where(missing, 2, np.where(yes, 0, 1)).astype(np.int64)
    return Group(kind, codes, ["ya", "tidak", UNFILLED])


def participation_groups(participation: pd.DataFrame | None, uids: Sequence, end,
                         column: str, catalogue_entries: Sequence) -> list[Group]:
    """One group per code of ``column`` (``program`` or ``jenis``) and one for any code
    (``semua``): ``ikut_program:<code>`` / ``ikut_kegiatan:<code>`` with values ``ya`` (has a
    row of that code with ``tahun`` <= the end's year) and ``tidak``."""
    codes_known = [e.code for e in catalogue_entries]
    n = len(uids)
    if participation is None or len(participation) == 0:
        took = np.zeros((n, len(codes_known)), dtype=bool)
        labels = codes_known
    else:
        ent = enterprise_index(uids, participation["uid"])
        year = pd.to_numeric(participation["tahun"], errors="coerce").to_numpy(float)
        ok = (ent >= 0) & (year <= pd.Timestamp(end).year)
        codes, labels = category_codes(participation[column].to_numpy(object)[ok], codes_known)
        took = np.zeros((n, len(labels)), dtype=bool)
        took[ent[ok], codes] = True
    which = "program" if column == "program" else "kegiatan"
    groups = []
    for j, label in enumerate([*labels, ALL]):
        if label == UNFILLED or (j < len(labels) and label not in codes_known
                                 and not took[:, j].any()):
            continue
        flag = took.any(axis=1) if label == ALL else took[:, j]
        groups.append(Group(f"ikut_{which}:{label}", (~flag).astype(np.int64), ["ya", "tidak"]))
    return groups


def _tally(region: np.ndarray, m: int, klass: np.ndarray, s0: np.ndarray, s1: np.ndarray,
           group: Group | None) -> np.ndarray:
    """Measures (m + 1 regions incl. all, k values, MEASURES) for one grouping."""
    k = 1 if group is None else len(group.labels)
    cell = region * k + (0 if group is None else group.codes)
    c = len(CLASSES)
    counts = np.bincount(cell * c + klass, minlength=m * k * c).reshape(m, k, c).astype(float)
    s = len(STAGE_CODES)
    start = np.bincount(cell[s0 > 0] * s + s0[s0 > 0] - 1, minlength=m * k * s).reshape(m, k, s)
    end = np.bincount(cell[s1 > 0] * s + s1[s1 > 0] - 1, minlength=m * k * s).reshape(m, k, s)
    core = np.concatenate([counts, start, end], axis=2)
    core = np.concatenate([core, core.sum(axis=0, keepdims=True)], axis=0)
    counts, start, end = core[..., :c], core[..., c:c + s], core[..., c + s:]
    naik = counts[..., NAIK_1] + counts[..., NAIK_2]
    basis = naik + counts[..., TETAP] + counts[..., TURUN]
    with np.errstate(invalid="ignore", divide="ignore"):
        pct_naik = np.where(basis > 0, 100.0 * naik / basis, np.nan)
        pct_turun = np.where(basis > 0, 100.0 * counts[..., TURUN] / basis, np.nan)
    return np.concatenate([counts, naik[..., None], basis[..., None], pct_naik[..., None],
                           pct_turun[..., None], start, end, start.sum(axis=2, keepdims=True),
                           end.sum(axis=2, keepdims=True)], axis=2)


@dataclass
class Progression:
    """A period's classes per enterprise and the tallies per region and group."""

    regions: list[str]  # region codes (the last entry of each tally is ``ALL``)
    classes: np.ndarray  # int8 per enterprise, index into CLASSES
    start_state: np.ndarray
    end_state: np.ndarray
    tallies: dict[str, tuple[list[str], np.ndarray]]  # kind -> (labels, (m+1, k, measures))
    ignored_rows: int = 0

    def region_table(self) -> pd.DataFrame:
        """One row per region (no total row): the ``semua`` tallies, for choropleths."""
        _, values = self.tallies[ALL]
        frame = pd.DataFrame(values[:-1, 0, :], columns=list(MEASURES))
        frame.insert(0, "wilayah", self.regions)
        return _as_counts(frame)

    def long_table(self) -> pd.DataFrame:
        """(wilayah, kelompok, nilai_kelompok, ukuran, nilai): every region (and ``semua``),
        every group value, every measure."""
        parts = []
        names = np.asarray([*self.regions, ALL], dtype=object)
        measures = np.asarray(MEASURES, dtype=object)
        for kind, (labels, values) in self.tallies.items():
            m1, k, q = values.shape
            parts.append(pd.DataFrame({
                "wilayah": np.repeat(names, k * q),
                "kelompok": kind,
                "nilai_kelompok": np.tile(np.repeat(np.asarray(labels, dtype=object), q), m1),
                "ukuran": np.tile(measures, m1 * k),
                "nilai": values.reshape(-1),
            }))
        return pd.concat(parts, ignore_index=True)[LONG_COLUMNS]

    def group_table(self, kind: str, region: str = ALL) -> pd.DataFrame:
        """One row per value of a grouping (e.g. ``sektor``) in one region (default all)."""
        labels, values = self.tallies[kind]
        row = len(self.regions) if region == ALL else self.regions.index(region)
        frame = pd.DataFrame(values[row], columns=list(MEASURES))
        frame.insert(0, "nilai_kelompok", labels)
        return _as_counts(frame)

    def programme_comparison(self, region: str = ALL) -> pd.DataFrame:
        """Per programme/kind: base and share moved up of those who took part and who did not
        (descriptive only: no causal claim)."""
        rows = []
        for kind in self.tallies:
            if not kind.startswith("ikut_"):
                continue
            table = self.group_table(kind, region).set_index("nilai_kelompok")
            which, code = kind[len("ikut_"):].split(":", 1)
            took, other = table.loc["ya"], table.loc["tidak"]
            rows.append({"jenis": which, "kode": code,
                         "basis_ikut": took["basis"], "naik_ikut": took["naik"],
                         "pct_naik_ikut": took["pct_naik"], "basis_tidak": other["basis"],
                         "naik_tidak": other["naik"], "pct_naik_tidak": other["pct_naik"],
                         "selisih_poin": took["pct_naik"] - other["pct_naik"]})
        return pd.DataFrame(rows)


#: Groups written as columns of the region layer: (kelompok, nilai_kelompok, column suffix).
GROUP_COLUMNS = (("jenis_kelamin_pemilik", "P", "p"), ("jenis_kelamin_pemilik", "L", "l"),
                 ("krtp", "ya", "krtp"))
GROUP_MEASURES = ("naik", "basis", "pct_naik")


def region_group_table(result: Progression) -> pd.DataFrame:
    """``region_table()`` with naik / basis / pct_naik by owner's sex and KRTP (``naik_p``,
    ``basis_krtp``...): 0 (NaN for shares) where the group is absent."""
    table = result.region_table()
    measures = list(MEASURES)
    for kind, value, suffix in GROUP_COLUMNS:
        labels, values = result.tallies.get(kind, ([], None))
        for measure in GROUP_MEASURES:
            column = f"{measure}_{suffix}"
            if values is None or value not in labels:
                table[column] = np.nan if measure.startswith("pct_") else 0
                continue
            data = values[:-1, labels.index(value), measures.index(measure)]
            table[column] = data if measure.startswith("pct_") else data.astype(np.int64)
    return table

def _as_counts(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        if col in MEASURES and not col.startswith("pct_"):
            frame[col] = frame[col].astype(np.int64)
    return frame


def region_codes(enterprises: pd.DataFrame, level: str = "kabupaten",
                 regions: Sequence[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """Each enterprise's region index and the region codes: ``regions`` first (kept even when
    empty), then other codes seen, then 'not filled in' only when some enterprise lacks one."""
    field = LEVELS.get(level, level)
    codes, labels = category_codes(enterprises[field].to_numpy(object), list(regions or []))
    if not (codes == len(labels) - 1).any():  # drop the empty 'not filled in' region
        labels = labels[:-1]
    return codes, labels


def progression(history: History, enterprises: pd.DataFrame, start, end,
                level: str = "kabupaten", regions: Sequence[str] | None = None,
                participation: pd.DataFrame | None = None) -> Progression:
    """Classify every enterprise for the period and tally per region (``level``: kabupaten or
    kecamatan) for all, by sector, owner's sex, KRTP and programme participation.

    ``enterprises`` must be in the order of the ``uids`` the history was prepared with.
    ``regions`` fixes the region rows (codes; regions with no enterprise get zeros).
    """
    if len(enterprises) != history.n_enterprises:
        raise ValueError("the enterprises are not those the history was prepared with")
    klass, s0, s1 = classify(history, start, end)
    codes, labels = region_codes(enterprises, level, regions)
    m = len(labels)
    groups: list[Group | None] = [None]
    if "sektor" in enterprises:
        groups.append(category_group("sektor", enterprises["sektor"].to_numpy(object),
                                     catalogue.codes(catalogue.SECTORS)))
    if "jenis_kelamin_pemilik" in enterprises:
        groups.append(category_group("jenis_kelamin_pemilik",
                                     enterprises["jenis_kelamin_pemilik"].to_numpy(object),
                                     catalogue.codes(catalogue.SEX)))
    if "krtp" in enterprises:
        groups.append(flag_group("krtp", enterprises["krtp"].to_numpy(object)))
    uids = enterprises["uid"].to_numpy(object)
    groups += participation_groups(participation, uids, end, "program", catalogue.PROGRAMMES)
    groups += participation_groups(participation, uids, end, "jenis",
                                   catalogue.PARTICIPATION_KINDS)
    tallies = {}
    for group in groups:
        values = _tally(codes, m, klass, s0, s1, group)
        tallies[ALL if group is None else group.kind] = (
            [ALL] if group is None else group.labels, values)
    return Progression(labels, klass, s0, s1, tallies, history.ignored)
