"""Sizes and propensities for the landscape model, built from ATOP, MID and NMC for one year.

* **Size** ``s_i``: CINC (NMC) of the year, or of the last NMC year after it.
* **Propensity** ``p_ij = a · tie_ij + b · sim_ij − c · mid_ij`` with (defaults) ``a = 1``, ``b = 0.5``,
  ``c = 1``:

  - ``tie_ij``: 1 when ``i`` and ``j`` share an ATOP alliance in which either pledged defence or
    offence, 0.5 when they share a smaller pact without (at most :data:`SMALL_PACT` members: a
    nonaggression treaty open to all, such as the Treaty of Amity and Cooperation in Southeast Asia
    with 31 parties in 2014, says little about two of them), else 0 (spells touching the year);
  - ``sim_ij``: similarity of alliance portfolios — the correlation, over every other system state
    ``k``, of the two states' tie levels to ``k`` (2 defence/offence, 1 small pact, 0 none); 0 when either
    has no alliance (in the spirit of Signorino & Ritter's S, with Häge's correction for chance
    agreement: a correlation, not raw agreement, so two states with few ties are not "similar");
  - ``mid_ij``: 1 when they were on opposite sides of a MID active in the five years to the year.

References:
    Axelrod, Robert, and D. Scott Bennett. 1993. "A Landscape Theory of Aggregation." *British Journal
    of Political Science* 23(2): 211-233.

    Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity of
    Foreign Policy Positions." *International Studies Quarterly* 43(1): 115-144.

    Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for
    Chance Agreement." *Political Analysis* 19(3): 287-305.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from casus.errors import CoverageError, InvalidInputError
from casus.sim.align.landscape import Landscape, find_landscape
from casus.sim.panel import F64, DynamicsFrames, alliance_spells, state_panel
from casus.sim.rng import RngLike

MID_YEARS = 5
"""Years of MID history (to the year itself) that count as hostility."""
SMALL_PACT = 5
"""Largest alliance without a defence or offence pledge whose members count as tied."""


@dataclass(frozen=True)
class PropensityWeights:
    """Weights of the three components of the propensity.

    Attributes:
        alliance: Weight of the alliance tie.
        similarity: Weight of the portfolio similarity.
        mid: Weight of a recent MID (subtracted).
    """

    alliance: float = 1.0
    similarity: float = 0.5
    mid: float = 1.0


@dataclass(frozen=True)
class AlignmentInputs:
    """Sizes, propensities and their components for a set of states in one year.

    Attributes:
        year: The year.
        ccodes: COW codes, in order.
        sizes: CINC.
        propensity: The combined propensity matrix.
        tie: Alliance-tie component.
        similarity: Portfolio-similarity component.
        mid: MID component.
        notes: Coverage notes.
    """

    year: int
    ccodes: tuple[int, ...]
    sizes: F64
    propensity: F64
    tie: F64
    similarity: F64
    mid: F64
    notes: tuple[str, ...] = field(default=())


def largest_states(frames: DynamicsFrames, year: int, count: int = 20) -> tuple[int, ...]:
    """COW codes of the ``count`` states with the largest CINC in ``year`` (system members only)."""
    panel = state_panel(frames)
    col = panel.col(year)
    cinc = np.where(panel.in_system[:, col], np.nan_to_num(panel.cinc[:, col], nan=0.0), 0.0)
    order = np.argsort(-cinc, kind="stable")[:count]
    return tuple(int(c) for c in order if cinc[c] > 0)


def alignment_inputs(
    frames: DynamicsFrames, year: int, ccodes: Sequence[int], weights: PropensityWeights | None = None
) -> AlignmentInputs:
    """Build sizes and propensities for ``ccodes`` in ``year``.

    Raises:
        CoverageError: ``year`` outside 1816-2018 (ATOP and COW).
        InvalidInputError: Fewer than two states, a repeated state, or a state not in the system that year.
    """
    first, last = frames.first_year, frames.last_year
    if not first <= year <= last:
        atop = f"ATOP {frames.versions['atop']}" if "atop" in frames.versions else "ATOP"
        raise CoverageError(f"alliance ties are known for {first}-{last} ({atop}); {year} is unknown")
    codes = [int(c) for c in ccodes]
    if len(codes) < 2 or len(set(codes)) != len(codes):
        raise InvalidInputError(f"need at least two distinct states, got {codes}")
    wts = weights or PropensityWeights()
    panel = state_panel(frames)
    col = panel.col(year)
    missing = [c for c in codes if not panel.in_system[c, col]]
    if missing:
        raise InvalidInputError(f"not COW system members in {year}: {', '.join(map(str, missing))}")
    notes: list[str] = []
    if year > panel.nmc_last:
        notes.append(f"sizes: CINC of {panel.nmc_last}, the last NMC year")
    sizes = np.nan_to_num(panel.cinc[codes, col], nan=0.0)

    sp = alliance_spells(frames.members, frames.last_year)
    sp = sp.loc[(sp["entry_year"] <= year) & (sp["exit_year"] >= year)]
    system = np.flatnonzero(panel.in_system[:, col])
    level = np.zeros((1000, 1000))
    for _, grp in sp.groupby("atopid"):
        c = grp["ccode"].to_numpy(np.int64)
        if (grp["defense"].to_numpy() | grp["offense"].to_numpy()).any():
            lv = 2.0
        elif grp["ccode"].nunique() <= SMALL_PACT:
            lv = 1.0
        else:
            continue
        level[np.ix_(c, c)] = np.maximum(level[np.ix_(c, c)], lv)
    np.fill_diagonal(level, 0.0)
    tie = level[np.ix_(codes, codes)] / 2.0
    n = len(codes)
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            others = system[(system != codes[i]) & (system != codes[j])]
            x, y = level[codes[i], others], level[codes[j], others]
            if x.std() > 0 and y.std() > 0:
                sim[i, j] = sim[j, i] = float(np.corrcoef(x, y)[0, 1])

    last_mid = frames.mid_last_year
    if year > last_mid:
        notes.append(f"MIDs: MID 5.0 ends in {last_mid}; disputes after it are unknown, not absent")
    b = frames.midb
    recent = b.loc[(b["endyear"] >= year - MID_YEARS + 1) & (b["styear"] <= year) & b["ccode"].isin(codes)]
    mid = np.zeros((n, n))
    pos = {c: i for i, c in enumerate(codes)}
    for _, grp in recent.groupby("dispnum"):
        sides = grp.drop_duplicates("ccode")[["ccode", "sidea"]].to_numpy(np.int64)
        for ci, si in sides:
            for cj, sj in sides:
                if si != sj:
                    mid[pos[int(ci)], pos[int(cj)]] = 1.0
    prop = wts.alliance * tie + wts.similarity * sim - wts.mid * mid
    np.fill_diagonal(prop, 0.0)
    return AlignmentInputs(year, tuple(codes), sizes, prop, tie, sim, mid, tuple(notes))


class StatesAlignment(NamedTuple):
    """What :func:`align_states` returns: the inputs built from the data and the landscape found on them.

    Attributes:
        inputs: Sizes, propensities and coverage notes.
        landscape: The minimum-frustration configurations.
    """

    inputs: AlignmentInputs
    landscape: Landscape

    def to_dict(
        self, names: Mapping[str, str] | None = None, *, minima: int = 5, ask: str | None = None
    ) -> dict[str, Any]:
        """The JSON contract of ``casus align --format json`` (documented in ``docs/dynamics.md``).

        Args:
            names: Display name of each actor label (default: the label itself).
            minima: How many local minima to list.
            ask: An actor label: which bloc it aligns with, with whom, and how firmly.

        Raises:
            InvalidInputError: ``ask`` is not among the actors.
        """
        land, ids = self.landscape, self.landscape.actors
        name = {i: (names or {}).get(i, i) for i in ids}
        g = land.global_minimum
        actors = [
            {"state": sid, "name": name[sid], "bloc": "AB"[g.blocs[i]], "cinc": round(float(self.inputs.sizes[i]), 5),
             "switch_cost": land.alignment(i).switch_cost}
            for i, sid in enumerate(ids)
        ]  # fmt: skip
        local = [
            {"rank": r + 1, "energy": c.energy, "bloc_A": [ids[i] for i in c.bloc(0)],
             "bloc_B": [ids[i] for i in c.bloc(1)]}
            for r, c in enumerate(land.minima[:minima])
        ]  # fmt: skip
        answer: dict[str, Any] | None = None
        if ask is not None:
            a = land.alignment(ask)
            answer = {"state": ask, "name": name[ask], "bloc": "AB"[a.bloc], "partners": list(a.partners),
                      "opponents": list(a.opponents), "switch_cost": a.switch_cost}  # fmt: skip
        return {
            "year": self.inputs.year, "method": land.method, "energy": g.energy, "n_local_minima": land.n_minima,
            "evaluated": land.evaluated, "seed": land.seed, "actors": actors, "minima": local, "ask": answer,
            "notes": list(self.inputs.notes),
        }  # fmt: skip


def align_states(
    frames: DynamicsFrames,
    year: int,
    ccodes: Sequence[int],
    *,
    labels: Sequence[str] | None = None,
    weights: PropensityWeights | None = None,
    rng: RngLike = None,
    max_minima: int = 20,
) -> StatesAlignment:
    """Inputs from the data and the landscape search (exact up to 25 states, annealing beyond)."""
    inputs = alignment_inputs(frames, year, ccodes, weights)
    names = labels if labels is not None else [str(c) for c in inputs.ccodes]
    land = find_landscape(inputs.sizes, inputs.propensity, actors=names, rng=rng, max_minima=max_minima)
    return StatesAlignment(inputs, land)
