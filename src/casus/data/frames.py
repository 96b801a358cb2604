"""State-year and dyad-year frames with data added from ATOP, NMC, COW majors and MID (à la peacesciencer).

A frame is a plain :class:`pandas.DataFrame`: ``ccode, year`` (state-years) or ``ccode1, ccode2, year``
(dyad-years), ``int16`` keys, built from COW system membership. The ``add_*`` functions return a new
frame with columns added; they **never change the row count** (a left lookup on integer keys).

Coverage is data: a source's columns are missing (``<NA>``) in years the source does not cover and 0/1
inside. ATOP covers 1815-2018, NMC 6.0 1816-2016, NMC 7.0 1816-2022, MID 5.0 1816-2014, COW majors
1816-2016.

Example (France pledged to defend Belgium in 1832, not the reverse)::

    f = add_atop(dyad_years(1832, 1832))
    f.query("ccode1 == 220 and ccode2 == 211")["atop_defense"]  # 1
    f.query("ccode1 == 211 and ccode2 == 220")["atop_defense"]  # 0
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.data.atop import OBLIGATIONS, load_atop_members, member_years, pledge_spells, pledge_years
from casus.data.cow import load_majors, load_system
from casus.data.mid import load_midb, mid_dyad_years, mid_state_years
from casus.data.nmc import COMPONENTS, load_nmc
from casus.data.provenance import get_provenance
from casus.errors import CoverageError, InvalidInputError

FrameKind = Literal["state-years", "dyad-years"]
SOURCES: tuple[str, ...] = ("atop", "nmc", "majors", "mids")
"""The sources :func:`build_frame` can add, in the order they are added."""

_I64 = npt.NDArray[np.int64]


def _check_span(start: int, end: int) -> None:
    cov = get_provenance("cow_states")
    if start > end:
        raise InvalidInputError(f"start year {start} is after end year {end}")
    if start < cov.coverage_start or end > cov.coverage_end:
        raise CoverageError(
            f"frames are built from COW system membership v2016, which covers {cov.coverage_start}-"
            f"{cov.coverage_end}; {start}-{end} is outside it"
        )


def _system(start: int, end: int, system: pd.DataFrame | None) -> pd.DataFrame:
    _check_span(start, end)
    s = load_system() if system is None else system
    s = s.loc[(s["year"] >= start) & (s["year"] <= end), ["ccode", "year"]]
    return s.sort_values(["year", "ccode"], ignore_index=True)


def state_years(start: int = 1816, end: int = 2016, *, system: pd.DataFrame | None = None) -> pd.DataFrame:
    """All COW system members' state-years from ``start`` to ``end`` (inclusive).

    Args:
        start: First year (≥ 1816).
        end: Last year (≤ 2016).
        system: Pre-loaded :func:`~casus.data.cow.load_system` (loaded when ``None``).

    Returns:
        ``ccode, year`` (int16), sorted by year then ccode.

    Raises:
        CoverageError: Years outside COW system coverage (1816-2016).
        InvalidInputError: ``start`` after ``end``.
    """
    s = _system(start, end, system)
    out = pd.DataFrame({"ccode": s["ccode"].to_numpy(np.int16), "year": s["year"].to_numpy(np.int16)})
    out.attrs["casus_frame"] = "state-years"
    return out


def dyad_years(
    start: int = 1816, end: int = 2016, directed: bool = True, *, system: pd.DataFrame | None = None
) -> pd.DataFrame:
    """All dyad-years of COW system members from ``start`` to ``end`` (inclusive).

    Directed frames hold both ``(a, b)`` and ``(b, a)``; undirected ones only ``ccode1 < ccode2``.
    1816-2016 directed is 1,912,350 rows.

    Args:
        start: First year (≥ 1816).
        end: Last year (≤ 2016).
        directed: Directed (default) or undirected dyads.
        system: Pre-loaded :func:`~casus.data.cow.load_system` (loaded when ``None``).

    Returns:
        ``ccode1, ccode2, year`` (int16), sorted by year, ccode1, ccode2.

    Raises:
        CoverageError: Years outside COW system coverage (1816-2016).
        InvalidInputError: ``start`` after ``end``.
    """
    s = _system(start, end, system)
    cc = s["ccode"].to_numpy(np.int16)
    yr = s["year"].to_numpy(np.int16)
    # Group boundaries of each year; every state-year is paired with every state of its year.
    first = np.flatnonzero(np.r_[True, yr[1:] != yr[:-1]])
    size = np.diff(np.r_[first, len(yr)])
    g_start = np.repeat(first, size)
    g_size = np.repeat(size, size)
    row = np.repeat(np.arange(len(yr)), g_size)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(g_size) - g_size, g_size)
    partner = g_start[row] + offset
    keep = partner != row if directed else partner > row
    row, partner = row[keep], partner[keep]
    out = pd.DataFrame({"ccode1": cc[row], "ccode2": cc[partner], "year": yr[row]})
    out.attrs["casus_frame"] = "dyad-years"
    out.attrs["directed"] = directed
    return out


def _frame_kind(frame: pd.DataFrame) -> FrameKind:
    cols = set(frame.columns)
    if {"ccode1", "ccode2", "year"} <= cols:
        return "dyad-years"
    if {"ccode", "year"} <= cols:
        return "state-years"
    raise InvalidInputError(
        "a frame needs columns ccode, year (state-years) or ccode1, ccode2, year (dyad-years); "
        "build one with state_years() or dyad_years()"
    )


def _is_directed(frame: pd.DataFrame) -> bool:
    flag = frame.attrs.get("directed")
    if isinstance(flag, bool):
        return flag
    return not bool((frame["ccode1"].to_numpy() < frame["ccode2"].to_numpy()).all())


def _key2(c: npt.ArrayLike, y: npt.ArrayLike) -> _I64:
    return np.asarray(c, dtype=np.int64) * 10_000 + np.asarray(y, dtype=np.int64)


def _key3(c1: npt.ArrayLike, c2: npt.ArrayLike, y: npt.ArrayLike) -> _I64:
    return (np.asarray(c1, dtype=np.int64) * 1000 + np.asarray(c2, dtype=np.int64)) * 10_000 + np.asarray(
        y, dtype=np.int64
    )


def _lookup(table_keys: _I64, keys: _I64) -> _I64:
    """Row of each key in the sorted ``table_keys``, or -1."""
    if len(table_keys) == 0:
        return np.full(len(keys), -1, dtype=np.int64)
    pos = np.searchsorted(table_keys, keys)
    pos = np.minimum(pos, len(table_keys) - 1)
    return np.where(table_keys[pos] == keys, pos, -1).astype(np.int64)


def _covered(years: npt.NDArray[np.int16], name: str, version: str | None = None) -> npt.NDArray[np.bool_]:
    p = get_provenance(name, version)
    return (years >= p.coverage_start) & (years <= p.coverage_end)


def _take(values: npt.NDArray[np.int8], idx: _I64) -> npt.NDArray[np.int8]:
    """Table value where found, 0 where not."""
    return np.where(idx >= 0, values[np.maximum(idx, 0)], 0).astype(np.int8)


def _flag(values: npt.NDArray[np.int8], idx: _I64, covered: npt.NDArray[np.bool_]) -> pd.arrays.IntegerArray:
    """Nullable int8 column: table value where found, 0 where not found, NA outside coverage."""
    return pd.arrays.IntegerArray(_take(values, idx), ~covered)


def _with(frame: pd.DataFrame, cols: dict[str, object] | pd.DataFrame) -> pd.DataFrame:
    clash = [c for c in cols if c in frame.columns]
    if clash:
        raise InvalidInputError(f"the frame already has column(s) {clash}; was this source added twice?")
    new = cols if isinstance(cols, pd.DataFrame) else pd.DataFrame(cols, index=frame.index)
    out = pd.concat([frame, new], axis=1)
    out.attrs = dict(frame.attrs)
    return out


def add_atop(frame: pd.DataFrame, *, members: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ATOP 5.1 alliance obligations (computed from the member-level file, with dates).

    Dyad-years: ``atop_defense``, ``atop_offense``, ``atop_neutral``, ``atop_nonagg``, ``atop_consul`` —
    in a directed frame, what ``ccode1`` promised ``ccode2`` (ATOP's directionality: in 1832 France →
    Belgium has defense 1, Belgium → France 0); in an undirected frame, whether either promised it to
    the other — and ``atop_ally`` (the two share an alliance). State-years: whether the state promised
    the obligation to anyone, and ``atop_ally``. ``<NA>`` outside 1815-2018.

    Args:
        frame: A state-year or dyad-year frame.
        members: Pre-loaded :func:`~casus.data.atop.load_atop_members`.

    Returns:
        A new frame with the same rows.

    References:
        Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002.
        "Alliance Treaty Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-260.
    """
    kind = _frame_kind(frame)
    m = load_atop_members() if members is None else members
    names = [*(f"atop_{o}" for o in OBLIGATIONS), "atop_ally"]
    year = frame["year"].to_numpy(np.int16)
    cov = _covered(year, "atop")
    cols: dict[str, object] = {}
    if kind == "state-years":
        t = member_years(m)
        idx = _lookup(_key2(t["ccode"], t["year"]), _key2(frame["ccode"], year))
        for n in names:
            cols[n] = _flag(t[n].to_numpy(np.int8), idx, cov)
        return _with(frame, cols)
    t = pledge_years(pledge_spells(m))
    tk = _key3(t["ccode1"], t["ccode2"], t["year"])
    c1, c2 = frame["ccode1"].to_numpy(), frame["ccode2"].to_numpy()
    idx = _lookup(tk, _key3(c1, c2, year))
    rev = None if _is_directed(frame) else _lookup(tk, _key3(c2, c1, year))
    for n in names:
        v = t[n].to_numpy(np.int8)
        a = _take(v, idx) if rev is None else np.maximum(_take(v, idx), _take(v, rev))
        cols[n] = pd.arrays.IntegerArray(a, ~cov)
    return _with(frame, cols)


def add_nmc(frame: pd.DataFrame, version: str = "6.0", *, nmc: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add NMC capabilities: ``cinc`` and the six components (suffixes ``_1``/``_2`` in dyad-years).

    Values are NaN where the component is missing or the year lies outside the version's coverage
    (6.0: 1816-2016; 7.0: 1816-2022).

    Args:
        frame: A state-year or dyad-year frame.
        version: ``"6.0"`` or ``"7.0"``.
        nmc: Pre-loaded :func:`~casus.data.nmc.load_nmc` of that version.

    Returns:
        A new frame with the same rows.

    References:
        Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty,
        and Major Power War, 1820-1965." In Bruce Russett (ed.), *Peace, War, and Numbers*, 19-48.
    """
    kind = _frame_kind(frame)
    t = load_nmc(version=version) if nmc is None else nmc
    t = t.sort_values(["ccode", "year"])
    tk = _key2(t["ccode"], t["year"])
    year = frame["year"].to_numpy(np.int16)
    cov = _covered(year, "nmc", version)
    fields = ["cinc", *COMPONENTS]
    sides = [("ccode", "")] if kind == "state-years" else [("ccode1", "_1"), ("ccode2", "_2")]
    table = t[fields].to_numpy(np.float64)
    blocks = []
    for ccol, suffix in sides:
        idx = _lookup(tk, _key2(frame[ccol], year))
        vals = table[np.maximum(idx, 0)]  # one gather of all fields: a single float64 block
        vals[(idx < 0) | ~cov] = np.nan
        blocks.append(pd.DataFrame(vals, columns=[f"{f}{suffix}" for f in fields], index=frame.index, copy=False))
    return _with(frame, pd.concat(blocks, axis=1) if len(blocks) > 1 else blocks[0])


def add_majors(frame: pd.DataFrame, *, majors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add COW major-power status: ``cowmaj`` (state-years) or ``cowmaj_1``/``cowmaj_2`` (dyad-years).

    A state is a major power in every year its major-power spell touches. ``<NA>`` outside 1816-2016.

    Args:
        frame: A state-year or dyad-year frame.
        majors: Pre-loaded :func:`~casus.data.cow.load_majors`.

    Returns:
        A new frame with the same rows.
    """
    kind = _frame_kind(frame)
    mj = load_majors() if majors is None else majors
    n = (mj["endyear"] - mj["styear"] + 1).to_numpy(np.int64)
    row = np.repeat(np.arange(len(mj)), n)
    yrs = mj["styear"].to_numpy(np.int64)[row] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    tk = np.unique(_key2(mj["ccode"].to_numpy()[row], yrs))
    ones = np.ones(len(tk), dtype=np.int8)
    year = frame["year"].to_numpy(np.int16)
    cov = _covered(year, "cow_states")
    sides = [("ccode", "cowmaj")] if kind == "state-years" else [("ccode1", "cowmaj_1"), ("ccode2", "cowmaj_2")]
    cols: dict[str, object] = {name: _flag(ones, _lookup(tk, _key2(frame[c], year)), cov) for c, name in sides}
    return _with(frame, cols)


def add_mids(frame: pd.DataFrame, *, midb: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add MID 5.0 involvement: ``mid_onset``, ``mid_ongoing``, ``mid_hostlev`` (0 = no dispute).

    Dyad-years: the two states on opposite sides of a dispute (see
    :func:`~casus.data.mid.mid_dyad_years`); the columns are symmetric. State-years: the state in any
    dispute. ``<NA>`` outside 1816-2014.

    Args:
        frame: A state-year or dyad-year frame.
        midb: Pre-loaded :func:`~casus.data.mid.load_midb`.

    Returns:
        A new frame with the same rows.

    References:
        Palmer, Glenn, et al. 2022. "The MID5 Dataset, 2011-2014: Procedures, coding rules, and
        description." *Conflict Management and Peace Science* 39(4): 470-482.
    """
    kind = _frame_kind(frame)
    b = load_midb() if midb is None else midb
    year = frame["year"].to_numpy(np.int16)
    cov = _covered(year, "mid")
    if kind == "state-years":
        t = mid_state_years(b)
        idx = _lookup(_key2(t["ccode"], t["year"]), _key2(frame["ccode"], year))
    else:
        t = mid_dyad_years(b)
        idx = _lookup(_key3(t["ccode1"], t["ccode2"], t["year"]), _key3(frame["ccode1"], frame["ccode2"], year))
    cols: dict[str, object] = {
        c: _flag(t[c].to_numpy(np.int8), idx, cov) for c in ("mid_onset", "mid_ongoing", "mid_hostlev")
    }
    return _with(frame, cols)


def build_frame(
    kind: str,
    start: int = 1816,
    end: int = 2016,
    with_: Iterable[str] = SOURCES,
    directed: bool = True,
    *,
    nmc_version: str = "6.0",
) -> pd.DataFrame:
    """Build a frame and add sources in one call (what ``casus frame`` runs).

    Args:
        kind: ``"state-years"`` or ``"dyad-years"``.
        start: First year (≥ 1816).
        end: Last year (≤ 2016).
        with_: Sources to add, any of ``atop``, ``nmc``, ``majors``, ``mids``.
        directed: For dyad-years: directed (default) or undirected.
        nmc_version: NMC version for ``nmc``.

    Returns:
        The frame; ``attrs["casus_sources"]`` lists the sources added.

    Raises:
        InvalidInputError: Unknown kind or source.
        CoverageError: Years outside 1816-2016.
    """
    chosen = list(dict.fromkeys(with_))
    unknown = [s for s in chosen if s not in SOURCES]
    if unknown:
        raise InvalidInputError(f"unknown source(s) {unknown}; choose from {list(SOURCES)}")
    if kind == "state-years":
        frame = state_years(start, end)
    elif kind == "dyad-years":
        frame = dyad_years(start, end, directed=directed)
    else:
        raise InvalidInputError(f"unknown frame kind {kind!r}; use 'state-years' or 'dyad-years'")
    for src in SOURCES:
        if src not in chosen:
            continue
        if src == "atop":
            frame = add_atop(frame)
        elif src == "nmc":
            frame = add_nmc(frame, version=nmc_version)
        elif src == "majors":
            frame = add_majors(frame)
        else:
            frame = add_mids(frame)
    frame.attrs["casus_sources"] = [s for s in SOURCES if s in chosen]
    return frame


def write_frame(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a frame as Parquet (``.parquet``/``.pq``) or CSV (``.csv``, ``.csv.gz``), atomically.

    Returns:
        The path written.

    Raises:
        InvalidInputError: Unsupported suffix, or a folder that cannot be created or written to.
    """
    target = Path(path)
    name = target.name.lower()
    if name.endswith((".parquet", ".pq")):
        fmt = "parquet"
    elif name.endswith((".csv", ".csv.gz")):
        fmt = "csv"
    else:
        raise InvalidInputError(f"cannot tell the format of {target}; use a .parquet or .csv suffix")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise InvalidInputError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the frame an ordinary file's mode
    try:
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False, compression="gzip" if name.endswith(".gz") else None)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
