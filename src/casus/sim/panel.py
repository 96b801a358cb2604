"""Inputs of the membership-dynamics models: alliance spells, a state-year panel and the system threat series.

Everything here is pure: it takes data frames already loaded (see :class:`DynamicsFrames`, built by the
adapter :func:`casus.sim.io.load_dynamics_frames`) and returns arrays and frames.

Conventions (documented in ``docs/dynamics.md``):

* **Spells.** ATOP's member file has one row per member *and alliance phase*. A phase change is a
  renegotiation of the text, not an exit: consecutive rows of one member in one alliance whose dates touch
  (a gap of at most one day) are merged into one spell. A longer gap is an exit followed by a re-entry
  (Uzbekistan in the CSTO, atopid 4220: 1992-1999, then 2006-2012).
* **Years.** The panel runs from the first year of COW's state system (1816) to the last year ATOP observes
  (2018: ATOP 5.1 is censored at 2018-12-31). Both come from the datasets' provenance records
  (:mod:`casus.data.provenance`), through :class:`DynamicsFrames` (:attr:`~DynamicsFrames.first_year`,
  :attr:`~DynamicsFrames.observed_until`), not from constants here. A spell touches every calendar year from
  its entry year to its exit year (the censoring year when ongoing).
* **Coverage.** COW system membership and major-power status stop in 2016 and are carried to 2018 for the
  states in the system in 2016; NMC 6.0 CINC stops in 2016 and each state's 2016 value is carried forward;
  MID 5.0 stops in 2014. MID-based covariates of later years repeat the last observed year and the rows
  are flagged ``imputed`` so that results can be reported with and without them.

References:
    Leeds, Brett Ashley. 2022. *ATOP Codebook, version 5.1*, sections 1.52-1.53 and 2.3.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

NON_SYSTEM_MEMBERS = frozenset({8152})
"""ATOP members that are not COW states (Annam); left out, as in ATOP's dyadic files."""
MERGE_GAP_DAYS = 1
"""Phase rows of one member whose dates are at most this many days apart form one spell."""

_NC = 1000  # COW codes are < 1000

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class DynamicsFrames:
    """The data the dynamics and alignment models are built from (already loaded).

    Attributes:
        members: ATOP 5.1 member file as :func:`casus.data.atop.load_atop_members` returns it.
        alliances: ATOP 5.1 alliance file (:func:`casus.data.atop.load_atop_alliances`).
        system: COW system membership, columns ``ccode, year``.
        nmc: NMC state-years, columns ``ccode, year, cinc`` (NaN when missing).
        majors: COW major-power spells, columns ``ccode, styear, endyear``.
        mida: MID disputes, columns ``dispnum, styear``.
        midb: MID participants, columns ``dispnum, ccode, styear, endyear, sidea, orig``.
        first_year: First year of the panel (COW system membership's first, from its provenance record).
        observed_until: Last day the alliance data speak for (ATOP's censoring date, from its provenance
            record); the panel ends in its year.
        versions: Dataset versions, for the record (``{"atop": "5.1", "nmc": "6.0", …}``).
    """

    members: pd.DataFrame
    alliances: pd.DataFrame
    system: pd.DataFrame
    nmc: pd.DataFrame
    majors: pd.DataFrame
    mida: pd.DataFrame
    midb: pd.DataFrame
    first_year: int
    observed_until: dt.date
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def last_year(self) -> int:
        """Last year of the panel (the year of :attr:`observed_until`)."""
        return self.observed_until.year

    @property
    def mid_last_year(self) -> int:
        """Last year with MID data."""
        return int(self.mida["styear"].max())

    @property
    def nmc_last_year(self) -> int:
        """Last year with NMC data."""
        return int(self.nmc["year"].max())


def cow_region(ccode: npt.ArrayLike) -> I64:
    """COW region of a state code: 1 Americas, 2 Europe, 3 Africa, 4 Middle East, 5 Asia, 6 Oceania.

    >>> cow_region([2, 365, 371, 651, 705, 900]).tolist()
    [1, 2, 2, 4, 5, 6]
    """
    c = np.asarray(ccode, dtype=np.int64)
    return np.searchsorted(np.array([200, 400, 600, 700, 900]), c, side="right").astype(np.int64) + 1


def alliance_spells(members: pd.DataFrame, last_year: int) -> pd.DataFrame:
    """Membership spells with phases merged: one row per (alliance, state, continuous spell).

    Returns:
        ``atopid, ccode, spell`` (0, 1, … for re-entries), ``start, end`` (``end`` NaT when ongoing),
        ``ongoing``, ``entry_year, exit_year`` (``exit_year`` = ``last_year``, ATOP's censoring year, when
        ongoing), ``termmode`` of the
        spell's last row, ``defense`` and ``offense`` (1 if it made that pledge in any of the spell's
        phases).
    """
    m = members.loc[~members["member"].isin(list(NON_SYSTEM_MEMBERS))]
    x = pd.DataFrame(
        {
            "atopid": m["atopid"].to_numpy(np.int64),
            "ccode": m["member"].to_numpy(np.int64),
            "start": m["ent_date"].to_numpy("datetime64[D]"),
            "end": m["exit_date"].to_numpy("datetime64[D]"),
            "ongoing": m["ongoing"].to_numpy(bool),
            "termmode": m["termmode"].fillna(0).to_numpy(np.int64),
            "defense": m["defense"].to_numpy(np.int64),
            "offense": m["offense"].to_numpy(np.int64),
        }
    ).sort_values(["atopid", "ccode", "start"], ignore_index=True)
    far = np.datetime64("2262-01-01", "D")
    end = np.where(x["ongoing"].to_numpy(), far, x["end"].to_numpy())
    key = x["atopid"].to_numpy() * _NC + x["ccode"].to_numpy()
    new_group = np.r_[True, key[1:] != key[:-1]]
    # running maximum of the end date within each (alliance, state)
    run_end = end.copy()
    for i in range(1, len(end)):  # ~2,500 rows
        if not new_group[i]:
            run_end[i] = max(run_end[i], run_end[i - 1])
    gap = np.r_[np.timedelta64(0, "D"), x["start"].to_numpy()[1:] - run_end[:-1]]
    new_spell = new_group | (gap > np.timedelta64(MERGE_GAP_DAYS, "D"))
    spell_id = np.cumsum(new_spell) - 1
    x["spell_id"] = spell_id
    x["end_filled"] = end
    g = x.groupby("spell_id", sort=True)
    last = g["end_filled"].idxmax()
    out = pd.DataFrame(
        {
            "atopid": g["atopid"].first().to_numpy(),
            "ccode": g["ccode"].first().to_numpy(),
            "start": g["start"].min().to_numpy(),
            "end_filled": g["end_filled"].max().to_numpy(),
            "termmode": x.loc[last.to_numpy(), "termmode"].to_numpy(),
            "defense": g["defense"].max().to_numpy(),
            "offense": g["offense"].max().to_numpy(),
        }
    )
    out["ongoing"] = out["end_filled"].to_numpy() == far
    out["end"] = out["end_filled"].where(~out["ongoing"])
    out["spell"] = out.groupby(["atopid", "ccode"]).cumcount()
    out["entry_year"] = pd.DatetimeIndex(out["start"]).year.to_numpy(np.int64)
    out["exit_year"] = np.where(out["ongoing"], last_year, pd.DatetimeIndex(out["end"]).year.fillna(last_year))
    out["exit_year"] = out["exit_year"].astype(np.int64)
    cols = [
        "atopid", "ccode", "spell", "start", "end", "ongoing", "entry_year", "exit_year", "termmode", "defense",
        "offense",
    ]  # fmt: skip
    return out[cols]


def alliance_table(alliances: pd.DataFrame, last_year: int) -> pd.DataFrame:
    """One row per alliance: ``atopid, begyr, endyr`` (``last_year`` when ongoing), ``ongoing, terminated``, flags.

    ``terminated`` is True when the alliance ended by ``last_year`` for a reason ATOP codes (``term`` 1-3);
    ``term == 0`` with an end date means censoring by a member's loss of independence, not termination.
    """
    a = alliances
    ongoing = a["ongoing"].to_numpy(bool)
    endyr = np.where(ongoing, last_year, a["endyr"].fillna(last_year).to_numpy(np.int64))
    term = a["term"].fillna(0).to_numpy(np.int64)
    return pd.DataFrame(
        {
            "atopid": a["atopid"].to_numpy(np.int64),
            "begyr": a["begyr"].to_numpy(np.int64),
            "endyr": endyr.astype(np.int64),
            "end_date": a["end_date"].to_numpy("datetime64[D]"),
            "ongoing": ongoing,
            "terminated": (~ongoing) & (term > 0),
            "bilat": a["bilat"].to_numpy(np.int64),
            "defense": a["defense"].to_numpy(np.int64),
            "organ": (a["organ1"].fillna(0).to_numpy(np.int64) > 0).astype(np.int64),
            "open": (
                (a["proadd"].fillna(0).to_numpy(np.int64) > 0) | (a["futmem"].fillna(0).to_numpy(np.int64) > 0)
            ).astype(np.int64),
        }
    )


@dataclass(frozen=True)
class StatePanel:
    """Dense state-year arrays indexed ``[ccode, year - first_year]`` (1816-2018 with ATOP 5.1 and COW).

    Attributes:
        in_system: COW system member that year (2016 membership carried to 2018).
        cinc: CINC (NMC), carried forward after the last NMC year; NaN where never known.
        major: COW major power that year (2016 status carried to 2018).
        mid_any: In some MID ongoing that year; years after ``mid_last`` repeat ``mid_last``.
        mid_last: Last year with MID data.
        nmc_last: Last year with NMC data.
        first_year: The panel's first year.
        last_year: Its last year.
    """

    in_system: B
    cinc: F64
    major: B
    mid_any: B
    mid_last: int
    nmc_last: int
    first_year: int
    last_year: int

    def col(self, year: npt.ArrayLike) -> I64:
        """Column index of calendar years (clipped to the panel)."""
        return _col(year, self.first_year, self.last_year)

    def log_cinc(self, ccode: npt.ArrayLike, year: npt.ArrayLike) -> F64:
        """``log(CINC)`` with a floor of 1e-6 (and 1e-6 where unknown)."""
        v = self.cinc[np.asarray(ccode, dtype=np.int64), self.col(year)]
        return np.log(np.maximum(np.nan_to_num(v, nan=1e-6), 1e-6))


def _col(year: npt.ArrayLike, first: int, last: int) -> I64:
    return np.clip(np.asarray(year, dtype=np.int64) - first, 0, last - first)


def state_panel(frames: DynamicsFrames) -> StatePanel:
    """Build the dense state-year panel from COW system membership, NMC, major powers and MIDs."""
    first, last = frames.first_year, frames.last_year

    def col(year: npt.ArrayLike) -> I64:
        return _col(year, first, last)

    ny = last - first + 1
    s = frames.system
    in_system = np.zeros((_NC, ny), bool)
    sy = s["year"].to_numpy(np.int64)
    ok = (sy >= first) & (sy <= last)
    in_system[s["ccode"].to_numpy(np.int64)[ok], col(sy[ok])] = True
    sys_last = int(sy.max())
    in_system[:, col(np.arange(sys_last + 1, last + 1))] = in_system[:, [col(sys_last)[()]]]

    n = frames.nmc
    cinc = np.full((_NC, ny), np.nan)
    ny_ = n["year"].to_numpy(np.int64)
    ok = (ny_ >= first) & (ny_ <= last)
    cinc[n["ccode"].to_numpy(np.int64)[ok], col(ny_[ok])] = n["cinc"].to_numpy(np.float64)[ok]
    cinc = pd.DataFrame(cinc.T).ffill().to_numpy().T  # carry each state's last value forward

    mj = frames.majors
    major = np.zeros((_NC, ny), bool)
    for c, y0, y1 in mj[["ccode", "styear", "endyear"]].to_numpy(np.int64):
        y1 = last if y1 >= int(mj["endyear"].max()) else y1
        major[c, col(y0) : col(y1) + 1] = True

    b = frames.midb
    mid_any = np.zeros((_NC, ny), bool)
    mid_last = frames.mid_last_year
    for c, y0, y1 in b[["ccode", "styear", "endyear"]].to_numpy(np.int64):
        mid_any[c, col(y0) : col(min(y1, mid_last)) + 1] = True
    mid_any[:, col(np.arange(mid_last + 1, last + 1))] = mid_any[:, [col(mid_last)[()]]]
    return StatePanel(in_system, cinc, major, mid_any, mid_last, frames.nmc_last_year, first, last)


@dataclass(frozen=True)
class ThreatScale:
    """How the system threat measure is standardised: ``z = (onsets - mean) / sd``.

    Attributes:
        mean: Mean yearly MID onsets over the reference years.
        sd: Their standard deviation.
        first: First reference year.
        last: Last reference year (the last MID year).
    """

    mean: float
    sd: float
    first: int
    last: int

    def z(self, onsets: npt.ArrayLike) -> F64:
        """Standardise yearly onset counts."""
        return (np.asarray(onsets, dtype=np.float64) - self.mean) / self.sd

    def onsets(self, z: npt.ArrayLike) -> F64:
        """Onset counts of standardised values."""
        return np.asarray(z, dtype=np.float64) * self.sd + self.mean


@dataclass(frozen=True)
class ThreatSeries:
    """The system-level threat measure by year.

    ``value[t]`` is the standardised count of MID onsets in year ``t - 1`` (a one-year lag, so that the
    threat is known at the start of the year the hazard applies to). ``per_state`` is the robustness
    variant: onsets per system member, standardised the same way.

    Attributes:
        years: Calendar years of the panel (1816-2018).
        value: Standardised onsets of the previous year.
        per_state: Standardised onsets per system state of the previous year.
        imputed: True where the previous year is after the last MID year (value carried forward).
        scale: The standardisation of ``value``.
    """

    years: I64
    value: F64
    per_state: F64
    imputed: B
    scale: ThreatScale

    def at(self, year: npt.ArrayLike, *, per_state: bool = False) -> F64:
        """The threat of given years."""
        v = self.per_state if per_state else self.value
        return v[_col(year, int(self.years[0]), int(self.years[-1]))]


def threat_series(frames: DynamicsFrames, panel: StatePanel) -> ThreatSeries:
    """MID onsets per year (MID 5.0 ``styear``), standardised over 1816-last MID year, lagged one year."""
    first = panel.first_year
    years = np.arange(first, panel.last_year + 1)
    last = frames.mid_last_year
    counts = frames.mida.groupby("styear").size().reindex(years, fill_value=0).to_numpy(np.float64)
    nstates = panel.in_system.sum(axis=0).astype(np.float64)
    rate = counts / np.maximum(nstates, 1.0)
    ref = years <= last
    scale = ThreatScale(float(counts[ref].mean()), float(counts[ref].std(ddof=1)), first, last)
    z = scale.z(counts)
    zr = (rate - rate[ref].mean()) / rate[ref].std(ddof=1)
    prev = np.clip(years - 1, first, last) - first  # lag 1, carried forward after the last year
    return ThreatSeries(years, z[prev], zr[prev], years - 1 > last, scale)
