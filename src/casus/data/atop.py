"""ATOP 5.1 loaders and directed alliance pledges built from the member-level file.

The member-level file (``atop5_1m.csv``) has one row per member and alliance phase, with that member's
entry and exit dates and *its own* obligations. :func:`pledge_spells` turns it into directed pledges
(``ccode1`` promises ``ccode2``) with dates; :func:`pledge_years` aggregates them to directed dyad-years
the way ATOP's own directed dyad-year file does.

Worked example — the one-sided Belgium–France pledge of 1832 (atopid 1060, signed 1832-11-10): France's
row has ``defense = 1``, Belgium's has no obligation, so :func:`pledge_spells` yields ``220 → 211`` with
``defense = 1`` and ``211 → 220`` with every obligation 0 (the states still share the alliance).

References:
    Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002.
    "Alliance Treaty Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-260.

    Leeds, Brett Ashley. 2022. *ATOP Codebook, version 5.1*, sections 2.3 (member level) and 2.7
    (directed dyad-year data).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.data._io import build_dates, read_csv_checked, resolve
from casus.data.provenance import get_provenance

OBLIGATIONS: tuple[str, ...] = ("defense", "offense", "neutral", "nonagg", "consul")
"""ATOP's five primary obligations, in ATOP's order."""

#: Bit of each obligation in the packed representation used by :func:`pledge_years`.
_BITS = {o: 1 << i for i, o in enumerate(OBLIGATIONS)}
_ALLY_BIT = 1 << len(OBLIGATIONS)

NON_SYSTEM_MEMBERS: frozenset[int] = frozenset({8152})
"""ATOP members that are not COW states (8152: Annam, atopid 1320); ATOP's dyadic files drop them."""

_OB_DTYPES = {o: "int8" for o in OBLIGATIONS}
_M_DTYPES: dict[str, str] = {
    "atopid": "int32",
    "member": "int16",
    "cowsys": "int8",
    "yrent": "int16",
    "moent": "int8",
    "dayent": "Int8",
    "yrexit": "Int16",
    "moexit": "Int8",
    "dayexit": "Int8",
    "ineffect": "int8",
    "bilat": "int8",
    "phase": "int8",
    "maxphase": "int8",
    "asymm": "int8",
    "active": "int8",
    "conditio": "int8",
    "version": "float64",
    **_OB_DTYPES,
}


def observed_until() -> pd.Timestamp:
    """The date ATOP 5.1 is right-censored at (2018-12-31)."""
    end = get_provenance("atop").observed_until
    assert end is not None
    return pd.Timestamp(end)


def _censored_span(
    src: Path, df: pd.DataFrame, start: tuple[str, str, str, str], end: tuple[str, str, str, str]
) -> tuple[npt.NDArray[np.bool_], tuple[pd.Series, pd.Series], tuple[pd.Series, pd.Series]]:
    """Start and end dates of ATOP spells, with ATOP's censoring.

    An end year ``0`` means "still in force on 2018-12-31": the end columns become NA (in place) and
    ``ongoing`` is True, so the censoring date is never presented as an end.

    Args:
        src: The source file (for error messages).
        df: The loaded frame.
        start: Prefix for messages, then the year, month and day columns of the start.
        end: The same for the end.

    Returns:
        ``ongoing``, then ``(dates, day_known)`` for the start and for the end (see :func:`build_dates`).
    """
    ongoing = (df[end[1]] == 0).fillna(False).to_numpy(dtype=bool)
    for col in end[1:]:
        df[col] = df[col].mask(ongoing)
    first = build_dates(src, start[0], df[start[1]], df[start[2]], df[start[3]], missing_day="first")
    last = build_dates(src, end[0], df[end[1]], df[end[2]], df[end[3]], missing_day="last")
    return ongoing, first, last


def load_atop_members(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ATOP 5.1 member-level file (one row per member and alliance phase).

    Defects handled (see ``docs/data.md``):

    * exit year/month/day ``0`` (still in force on 2018-12-31) become NA, ``exit_date`` is NaT and
      ``ongoing`` is True — the censoring date is never presented as an end;
    * a missing ``dayent``/``dayexit`` is imputed as the first/last day of the month in
      ``ent_date``/``exit_date`` and flagged by ``ent_day_known``/``exit_day_known``;
    * obligations stay per member: a member's ``defense = 1`` is *its* promise.

    Args:
        path: The CSV, or a folder holding it; default: search the data folders.

    Returns:
        All 105 columns (codes as nullable ``Int32`` unless listed in the schema) plus ``ent_date``,
        ``exit_date`` (``datetime64[s]``), ``ongoing``, ``ent_day_known`` and ``exit_day_known``.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.

    References:
        Leeds et al. 2002; ATOP 5.1 codebook, section 2.3.
    """
    src = resolve("atop", "atop5_1m.csv", path)
    df = read_csv_checked(src, _M_DTYPES, other_dtype="Int32")
    ongoing, (ent, ent_known), (ext, ext_known) = _censored_span(
        src, df, ("ent", "yrent", "moent", "dayent"), ("exit", "yrexit", "moexit", "dayexit")
    )
    extra = pd.DataFrame(
        {
            "ent_date": ent,
            "exit_date": ext,
            "ongoing": ongoing,
            "ent_day_known": ent_known,
            "exit_day_known": ext_known & ~ongoing,
        },
        index=df.index,
    )
    return pd.concat([df, extra], axis=1)


def load_atop_alliances(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ATOP 5.1 alliance-level file (one row per alliance, members in ``mem1``…``mem59``).

    End year/month/day ``0`` (in force on 2018-12-31) become NA and ``ongoing`` is True; ``beg_date`` and
    ``end_date`` are built like the member file's dates.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("atop", "atop5_1a.csv", path)
    dtypes = {
        "atopid": "int32",
        "begyr": "int16",
        "begmo": "int8",
        "begday": "Int8",
        "endyr": "Int16",
        "endmo": "Int8",
        "endday": "Int8",
        "ineffect": "int8",
        "bilat": "int8",
        "maxphase": "int8",
        "asymm": "int8",
        "version": "float64",
        "mem1": "Int16",
        "mem2": "Int16",
        **_OB_DTYPES,
    }
    df = read_csv_checked(src, dtypes, other_dtype="Int32")
    ongoing, (beg, _), (end, _) = _censored_span(
        src, df, ("beg", "begyr", "begmo", "begday"), ("end", "endyr", "endmo", "endday")
    )
    extra = pd.DataFrame({"beg_date": beg, "end_date": end, "ongoing": ongoing}, index=df.index)
    return pd.concat([df, extra], axis=1)


def load_atop_state_years(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ATOP 5.1 state-year file (only state-years with some alliance; ``state`` is a ccode).

    ``defense`` etc. say whether the state has promised that obligation to anyone that year (not whether
    it received one).

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("atop", "atop5_1sy.csv", path)
    dtypes = {
        "state": "int16",
        "year": "int16",
        "atopally": "int8",
        "number": "int16",
        "transyr": "int8",
        "version": "float64",
        **_OB_DTYPES,
    }
    return read_csv_checked(src, dtypes, other_dtype="Int32")


def load_atop_ddyr(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the reduced ATOP 5.1 directed dyad-year file (peacesciencer's ``atop_alliance``).

    ``ccode1`` makes the commitments to ``ccode2``. The file has no atopids; it holds every directed
    dyad-year sharing an alliance (170 rows with no obligation at all), 1815-2018.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("atop", "atop5_1ddyr_obligations.csv.gz", path)
    dtypes = {"ccode1": "int16", "ccode2": "int16", "year": "int16", **{f"atop_{o}": "int8" for o in OBLIGATIONS}}
    return read_csv_checked(src, dtypes)


def load_atop_inst(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the Leeds & Anac ATOP 5.1 institutionalization file (one row per alliance phase).

    ``atopidphase`` is read as text (the file writes it as a decimal such as ``1020.1``).

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.

    References:
        Leeds, Brett Ashley and Sezi Anac. 2005. "Alliance Institutionalization and Alliance
        Performance." *International Interactions* 31(3): 183-202.
    """
    src = resolve("atop", "atopinst5_1.csv", path)
    dtypes = {"atopid": "int32", "atopidphase": "str", "milinst": "Int8", "formal": "Int8", "version": "float64"}
    return read_csv_checked(src, dtypes)


def load_partner_exceptions() -> pd.DataFrame:
    """The shipped table of obligations a member does *not* owe to a given partner.

    In multilateral asymmetric alliances the member file only says that a member owes an obligation to
    "one or more alliance partners". ATOP's directed dyad-year data resolve to whom from the treaty
    texts; this table (``atopid, phase, obligation, ccode1, ccode2``: ``ccode1`` does not owe
    ``obligation`` to ``ccode2`` under that alliance phase) carries that resolution. It was derived with
    :func:`derive_partner_exceptions` and is checked against the ddyr file by the tests.
    """
    ref = resources.files("casus.data").joinpath("atop_partner_exceptions.csv")
    with resources.as_file(ref) as p:
        return pd.read_csv(
            p, dtype={"atopid": "int32", "phase": "int8", "obligation": "str", "ccode1": "int16", "ccode2": "int16"}
        )


def pledge_spells(members: pd.DataFrame | None = None, *, exceptions: bool = True) -> pd.DataFrame:
    """Directed alliance pledges with dates: what ``ccode1`` promises ``ccode2`` under one alliance phase.

    Every ordered pair of distinct members of the same ``(atopid, phase)`` whose membership spells
    overlap by more than a day gives one row. The obligations are ``ccode1``'s own (its member row),
    minus the partner exceptions of multilateral asymmetric alliances (see
    :func:`load_partner_exceptions`). Non-COW members (8152) are dropped, as in ATOP's dyadic files.

    Args:
        members: The member file as returned by :func:`load_atop_members` (loaded when ``None``).
        exceptions: Apply the partner exceptions (turn off to see the member file's raw upper bound).

    Returns:
        Columns ``atopid, phase, ccode1, ccode2, start, end, ongoing`` and the five obligations (int8).
        ``end`` is the earlier exit, or 2018-12-31 when both are still in force (``ongoing`` True).

    References:
        Leeds et al. 2002; ATOP 5.1 codebook, section 2.7.
    """
    m = load_atop_members() if members is None else members
    m = m.loc[~m["member"].isin(list(NON_SYSTEM_MEMBERS))]
    cap = observed_until()
    x = pd.DataFrame(
        {
            "atopid": m["atopid"].to_numpy(np.int32),
            "phase": m["phase"].to_numpy(np.int8),
            "ccode": m["member"].to_numpy(np.int16),
            "ent": m["ent_date"].to_numpy(),
            "exit": m["exit_date"].fillna(cap).to_numpy(),
            "ongoing": m["ongoing"].to_numpy(bool),
            **{o: m[o].to_numpy(np.int8) for o in OBLIGATIONS},
        }
    )
    p = x.merge(x[["atopid", "phase", "ccode", "ent", "exit", "ongoing"]], on=["atopid", "phase"], suffixes=("1", "2"))
    p = p.loc[p["ccode1"] != p["ccode2"]]
    start = np.maximum(p["ent1"].to_numpy(), p["ent2"].to_numpy())
    end = np.minimum(p["exit1"].to_numpy(), p["exit2"].to_numpy())
    keep = start < end
    out = pd.DataFrame(
        {
            "atopid": p["atopid"].to_numpy()[keep],
            "phase": p["phase"].to_numpy()[keep],
            "ccode1": p["ccode1"].to_numpy()[keep],
            "ccode2": p["ccode2"].to_numpy()[keep],
            "start": start[keep],
            "end": end[keep],
            "ongoing": (p["ongoing1"].to_numpy() & p["ongoing2"].to_numpy())[keep],
            **{o: p[o].to_numpy()[keep] for o in OBLIGATIONS},
        }
    )
    if exceptions:
        exc = load_partner_exceptions()
        key = _spell_key(out["atopid"], out["phase"], out["ccode1"], out["ccode2"])
        for o in OBLIGATIONS:
            e = exc.loc[exc["obligation"] == o]
            hit = np.isin(key, _spell_key(e["atopid"], e["phase"], e["ccode1"], e["ccode2"]))
            out.loc[hit, o] = np.int8(0)
    return out.sort_values(["atopid", "phase", "ccode1", "ccode2"], ignore_index=True)


def _spell_key(atopid: pd.Series, phase: pd.Series, c1: pd.Series, c2: pd.Series) -> npt.NDArray[np.int64]:
    a = atopid.to_numpy(np.int64) * 10 + phase.to_numpy(np.int64)
    key: npt.NDArray[np.int64] = (a * 1000 + c1.to_numpy(np.int64)) * 1000 + c2.to_numpy(np.int64)
    return key


def _expand_years(start: pd.Series, end: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Row index and calendar year for every year a ``[start, end]`` spell touches."""
    y0 = start.dt.year.to_numpy(np.int64)
    n = end.dt.year.to_numpy(np.int64) - y0 + 1
    row = np.repeat(np.arange(len(start)), n)
    year = y0[row] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    return row, year


def _latest_phase(unit_key: np.ndarray, atopid: np.ndarray, phase: np.ndarray) -> np.ndarray:
    """Positions to keep so that each (unit, alliance) has only its latest phase (sorted by unit)."""
    k = (unit_key * 10_000 + atopid.astype(np.int64)) * 10 + phase.astype(np.int64)
    order = np.argsort(k, kind="stable")
    ks = k[order] // 10
    last = np.r_[ks[1:] != ks[:-1], True]
    return order[last]


def pledge_years(spells: pd.DataFrame | None = None) -> pd.DataFrame:
    """Directed dyad-years with ATOP obligations, aggregated over alliances (ATOP's ddyr semantics).

    A spell counts in every calendar year it touches (ATOP's convention). In a year in which an alliance
    moves to a new phase, the dyad's coding is the latest phase's, as in ATOP's own dyadic and
    state-year files (e.g. atopid 1362 in 1888 drops neutrality with phase 2).

    Args:
        spells: Output of :func:`pledge_spells` (computed when ``None``).

    Returns:
        ``ccode1, ccode2, year`` (int16) and ``atop_defense``…``atop_consul`` plus ``atop_ally`` (1: the
        two share an alliance that year, even without obligations), int8, sorted by the three keys.
        Only dyad-years sharing an alliance appear.

    References:
        ATOP 5.1 codebook, section 2.7 (directed dyad-year data).
    """
    s = pledge_spells() if spells is None else spells
    row, year = _expand_years(s["start"], s["end"])
    bits = np.full(len(s), _ALLY_BIT, dtype=np.int64)
    for o in OBLIGATIONS:
        bits |= s[o].to_numpy(np.int64) * _BITS[o]
    key = dyad_year_key(s["ccode1"].to_numpy()[row], s["ccode2"].to_numpy()[row], year)
    keep = _latest_phase(key, s["atopid"].to_numpy()[row], s["phase"].to_numpy()[row])
    key, b = key[keep], bits[row][keep]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    agg = np.bitwise_or.reduceat(b, first)
    ukey = key[first]
    out = pd.DataFrame(
        {
            "ccode1": (ukey // 10_000_000).astype(np.int16),
            "ccode2": ((ukey // 10_000) % 1000).astype(np.int16),
            "year": (ukey % 10_000).astype(np.int16),
        }
    )
    for o in OBLIGATIONS:
        out[f"atop_{o}"] = ((agg & _BITS[o]) > 0).astype(np.int8)
    out["atop_ally"] = np.int8(1)
    return out


def member_years(members: pd.DataFrame | None = None) -> pd.DataFrame:
    """State-years with the obligations the state has promised to anyone (ATOP's state-year semantics).

    As in :func:`pledge_years`, a phase-transition year is coded with the latest phase.

    Returns:
        ``ccode, year`` (int16), ``atop_defense``…``atop_consul`` and ``atop_ally`` (int8), one row per
        state-year in which the state is in some alliance, sorted.

    References:
        ATOP 5.1 codebook, section 2.5 (state-year data).
    """
    m = load_atop_members() if members is None else members
    m = m.loc[~m["member"].isin(list(NON_SYSTEM_MEMBERS))]
    row, year = _expand_years(m["ent_date"], m["exit_date"].fillna(observed_until()))
    key = m["member"].to_numpy(np.int64)[row] * 10_000 + year
    keep = _latest_phase(key, m["atopid"].to_numpy()[row], m["phase"].to_numpy()[row])
    df = pd.DataFrame({"ccode": (key[keep] // 10_000).astype(np.int16), "year": (key[keep] % 10_000).astype(np.int16)})
    for o in OBLIGATIONS:
        df[f"atop_{o}"] = m[o].to_numpy(np.int8)[row][keep]
    df["atop_ally"] = np.int8(1)
    return df.groupby(["ccode", "year"], as_index=False, sort=True).max()


def dyad_year_key(ccode1: np.ndarray, ccode2: np.ndarray, year: np.ndarray) -> np.ndarray:
    """One int64 per directed dyad-year: ``ccode1 * 10**7 + ccode2 * 10**4 + year``."""
    return (ccode1.astype(np.int64) * 1000 + ccode2.astype(np.int64)) * 10_000 + year.astype(np.int64)


def derive_partner_exceptions(members: pd.DataFrame, ddyr: pd.DataFrame) -> pd.DataFrame:
    """Derive the partner exceptions from ATOP's directed dyad-year coding.

    For every pledge of a multilateral asymmetric alliance phase (the member file gives ``ccode1``'s
    obligation but not to whom), the pledge is an exception when the ddyr file records the obligation
    as 0 for that directed dyad in any year of the spell: the ddyr value is a maximum over all
    alliances, so a 0 means this alliance does not carry it.

    Args:
        members: :func:`load_atop_members`.
        ddyr: :func:`load_atop_ddyr`.

    Returns:
        ``atopid, phase, obligation, ccode1, ccode2`` sorted (the shape of
        :func:`load_partner_exceptions`).
    """
    kind = members.groupby(["atopid", "phase"])[["asymm", "bilat"]].first()
    multi = kind.index[(kind["asymm"] == 1) & (kind["bilat"] == 0)]
    s = pledge_spells(members, exceptions=False)
    s = s.loc[pd.MultiIndex.from_frame(s[["atopid", "phase"]]).isin(multi)].reset_index(drop=True)
    row, year = _expand_years(s["start"], s["end"])
    ex = s.iloc[row].assign(year=year.astype(np.int16)).reset_index(drop=True)
    ex = ex.merge(ddyr, on=["ccode1", "ccode2", "year"], how="left")
    rows = []
    for o in OBLIGATIONS:
        hit = ex.loc[(ex[o] == 1) & (ex[f"atop_{o}"] == 0), ["atopid", "phase", "ccode1", "ccode2"]]
        rows.append(hit.drop_duplicates().assign(obligation=o))
    out = pd.concat(rows, ignore_index=True)[["atopid", "phase", "obligation", "ccode1", "ccode2"]]
    return out.sort_values(["atopid", "phase", "obligation", "ccode1", "ccode2"], ignore_index=True)
