"""Obligation counts for directed dyad-year frames: who defends whom, joined to ``casus frame dyad-years``.

For each directed dyad-year ``(ccode1, ccode2, year)`` the columns count what an armed attack by ``ccode1``
on the whole territory of ``ccode2``, on 1 July of ``year``, would set off — from the triad table of
:func:`casus.obligations.pairs.evaluate_pairs` (curated treaties and, when loaded, every ATOP 5.1 alliance):

* ``obl_triggered``: third states obligated to defend ``ccode2`` (a triggered pledge, any treaty);
* ``obl_indeterminate``: third states whose obligation is only indeterminate (no triggered pledge of theirs);
* ``obl_treaties_triggered`` / ``obl_treaties_indeterminate``: treaties whose decisive provision answers so.

The direction follows the initiator convention of MID dyads (``ccode1`` acts, ``ccode2`` is acted upon), so
the ``(2, 365)`` row of 1970 counts the Warsaw Pact allies a US attack on the Soviet Union would bring in, and
``(365, 2)`` the NATO allies of the United States. Coverage is data: a dyad whose two states were not both in
the system on 1 July (joined later that year, say) gets ``<NA>``, never 0. The join never changes the row count.

References:
    Leeds, B. A. et al. (2002), "Alliance Treaty Obligations and Provisions, 1815-1944", International
    Interactions 28: 237-260 (the pledges); Correlates of War Project (2017), State System Membership v2016.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from casus.data.cow import load_states
from casus.data.system import COW_END, load_system_extension, system_members
from casus.errors import InvalidInputError
from casus.kb.knowledge import KnowledgeBase

OBLIGATION_COLUMNS = ("obl_triggered", "obl_indeterminate", "obl_treaties_triggered", "obl_treaties_indeterminate")
_KEYS = ["ccode1", "ccode2", "year"]


def ccodes_on(kb: KnowledgeBase, on: dt.date, states: pd.DataFrame | None = None) -> dict[str, int]:
    """The COW code of each casus state id it has in the system on ``on`` (DEU is 260 in 1970, 255 from 1990-10-03).

    >>> from casus.curated import load_kb
    >>> ccodes_on(load_kb(), dt.date(2024, 6, 25))["RUS"]
    365
    """
    if on > COW_END:
        rows = load_system_extension().members_on(on)
        return {kb.states.by_cow(r.ccode).id: r.ccode for r in rows if r.ccode is not None}
    df = load_states() if states is None else states
    day = pd.Timestamp(on)
    active = df[(df["start_date"] <= day) & ((df["end_date"] >= day) | df["ongoing"])]
    return {kb.states.by_cow(int(c)).id: int(c) for c in active["ccode"]}


def obligation_counts(triads: pd.DataFrame) -> pd.DataFrame:
    """Per directed pair of a triad table: ``attacker, target`` and the four counts of :data:`OBLIGATION_COLUMNS`.

    Only pairs with at least one triad are listed (every other pair of the date counts 0).
    """
    df = pd.DataFrame(
        {
            "attacker": triads["attacker"].astype(str),
            "target": triads["target"].astype(str),
            "obligated": triads["obligated"].astype(object),
            "treaty": triads["treaty"].astype(str),
            "trig": (triads["verdict"].astype(str) == "triggered").to_numpy(),
        }
    )
    pair = ["attacker", "target"]
    states = df.dropna(subset=["obligated"]).groupby([*pair, "obligated"], sort=False)["trig"].max().reset_index()
    per_state = states.groupby(pair, sort=False)["trig"].agg(["sum", "size"])
    treaties = df.drop_duplicates([*pair, "treaty"]).groupby(pair, sort=False)["trig"].agg(["sum", "size"])
    out = pd.concat(
        {
            "obl_triggered": per_state["sum"],
            "obl_indeterminate": per_state["size"] - per_state["sum"],
            "obl_treaties_triggered": treaties["sum"],
            "obl_treaties_indeterminate": treaties["size"] - treaties["sum"],
        },
        axis=1,
    )
    return out.fillna(0).astype(np.int16).reset_index()


def _year_counts(
    kb: KnowledgeBase, year: int, states: pd.DataFrame | None, triads: pd.DataFrame | None
) -> pd.DataFrame:
    from casus.obligations.pairs import evaluate_pairs

    on = dt.date(year, 7, 1)
    members = system_members(kb, on, states)
    table = evaluate_pairs(kb, members, on) if triads is None else triads
    codes = ccodes_on(kb, on, states)
    counts = obligation_counts(table)
    counts = counts[counts["attacker"].isin(codes) & counts["target"].isin(codes)]
    c1 = np.array([codes[s] for s in members], dtype=np.int16)
    # every ordered pair of the members (0 when no triad), then the counts where there are triads
    a, t = np.meshgrid(c1, c1, indexing="ij")
    off = a != t
    full = pd.DataFrame({"ccode1": a[off], "ccode2": t[off], "year": np.int16(year)})
    got = pd.DataFrame(
        {
            "ccode1": counts["attacker"].map(codes).to_numpy(np.int16),
            "ccode2": counts["target"].map(codes).to_numpy(np.int16),
            **{c: counts[c].to_numpy(np.int16) for c in OBLIGATION_COLUMNS},
        }
    )
    full = full.merge(got, on=["ccode1", "ccode2"], how="left", validate="one_to_one")
    for c in OBLIGATION_COLUMNS:
        full[c] = full[c].fillna(0).astype(np.int16)
    return full


def add_obligations(
    frame: pd.DataFrame,
    kb: KnowledgeBase,
    *,
    triads: dict[int, pd.DataFrame] | None = None,
    states: pd.DataFrame | None = None,
    progress: Callable[[Iterable[int]], Iterable[int]] | None = None,
) -> pd.DataFrame:
    """Add the obligation counts of each directed dyad-year (1 July of each year) to a dyad-year frame.

    Args:
        frame: A directed dyad-year frame (:func:`casus.data.frames.dyad_years`).
        kb: The knowledge base that answers (curated, or with ATOP 5.1 alliances).
        triads: Per year, a triad table already computed (e.g. read back from ``casus sweep pairs --years``);
            years not given are computed with :func:`~casus.obligations.pairs.evaluate_pairs`.
        states: COW state spells (:func:`~casus.data.cow.load_states`), loaded when omitted.
        progress: Wraps the iteration over years (a progress bar).

    Returns:
        A new frame with :data:`OBLIGATION_COLUMNS` (``Int16``), same rows in the same order.

    Raises:
        InvalidInputError: An undirected or non-dyad frame, or one that has the columns already.
    """
    if not {"ccode1", "ccode2", "year"} <= set(frame.columns) or frame.attrs.get("directed") is False:
        raise InvalidInputError("obligations are directed: build a directed dyad-year frame (no --undirected)")
    if set(OBLIGATION_COLUMNS) & set(frame.columns):
        raise InvalidInputError("the frame already has the obligation columns")
    spells = (
        load_states() if states is None and not frame.empty and int(frame["year"].min()) <= COW_END.year else states
    )
    years = sorted({int(y) for y in frame["year"].unique()})
    parts = [_year_counts(kb, y, spells, (triads or {}).get(y)) for y in (progress(years) if progress else years)]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*_KEYS, *OBLIGATION_COLUMNS])
    keys = frame[_KEYS].astype(np.int16)
    joined = keys.merge(table.astype({k: np.int16 for k in _KEYS}), on=_KEYS, how="left", validate="many_to_one")
    out = frame.copy()
    for c in OBLIGATION_COLUMNS:
        out[c] = pd.array(joined[c].to_numpy(), dtype="Int16") if len(joined) else pd.array([], dtype="Int16")
    out.attrs = dict(frame.attrs)
    out.attrs["casus_sources"] = [*frame.attrs.get("casus_sources", []), "obligations"]
    return out
