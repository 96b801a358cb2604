"""Who defends whom, asked of one state: who must defend a target, whom an attacker would bring in, the network.

Built on the triad table of :func:`casus.obligations.pairs.evaluate_pairs` (one row per attacker, target,
obligated state and treaty). A target's answer is grouped so that a reader sees each pledge once: per treaty,
provision, verdict and set of obligated states, the attackers it answers, described as a rule when one fits
("any state that is not a party", "any state except …") rather than listed. Each group carries the engine's
own explanation for one representative attacker (the conditions checked, the deciding fact when the answer
is indeterminate, the sources), so the grouping never re-decides a case.

Worked cases (``tests/obligations/test_defends.py``):

* Estonia, 2024-06-25: an attack by any state that is not a NATO party triggers Art. 5 of the North Atlantic
  Treaty, and the 31 other allies are obligated.
* Armenia, 2024-06-25: the Collective Security Treaty's Art. 4 is still triggered — Armenia froze its
  participation on 2024-02-22 but remains a party, and the organization says its commitments stand; the
  group's ``target_party`` condition says so, with its sources.

References:
    North Atlantic Treaty (1949), Arts. 5-6; Collective Security Treaty (1992), Art. 4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from casus.kb.knowledge import KnowledgeBase
from casus.kb.treaties import CrisisKind, PledgeKind, Provision, Treaty
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import Attacker, Crisis
from casus.obligations.evaluate import evaluate_treaty
from casus.obligations.results import TreatyResult, Verdict

if TYPE_CHECKING:  # pandas is an extra: the tables arrive from casus.obligations.pairs, which imports it
    import pandas as pd


class AgainstKind(StrEnum):
    """How the attackers a pledge answers are described."""

    ANY = "any"  # every other state of the system
    NON_PARTIES = "non-parties"  # every state that is not a party of the treaty
    NON_PARTIES_EXCEPT = "non-parties-except"  # every non-party except those listed
    ANY_EXCEPT = "any-except"  # every other state except those listed
    ONLY = "only"  # the states listed


@dataclass(frozen=True)
class Against:
    """The attackers a group answers: a rule and the states it lists (exceptions, or the attackers themselves)."""

    kind: AgainstKind
    states: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class DefenceGroup:
    """One pledge to one target: the treaty's decisive provision, its verdict, who must act, against whom.

    Attributes:
        target: The state attacked.
        treaty: The treaty.
        provision: Its decisive provision.
        verdict: ``triggered`` or ``indeterminate``.
        deciding: For an indeterminate answer, the check whose facts are missing (e.g. ``coverage``).
        obligated: The states that must act (ids, sorted).
        against: The attackers this answer holds for.
        example: The engine's full answer for one of those attackers (explanation, sources).
    """

    target: str
    treaty: Treaty
    provision: Provision
    verdict: Verdict
    deciding: str
    obligated: tuple[str, ...]
    against: Against
    example: TreatyResult

    @property
    def deciding_step(self) -> Step | None:
        """The first undecided check of the example (the fact an indeterminate answer waits for)."""
        return next((s for s in self.example.explanation if s.outcome is Outcome.UNKNOWN), None)

    @property
    def conditions(self) -> tuple[Step, ...]:
        """The checks of the decisive provision (and whether the treaty was in force), as the engine made them."""
        pid = self.provision.id
        return tuple(s for s in self.example.explanation if s.provision in (pid, "") or s.check == "in_force")


@dataclass(frozen=True)
class DefendsReport:
    """The answer to ``casus defends``: the groups, the date, the question and which state list answered."""

    on: dt.date
    target: str | None
    attacker: str | None
    groups: tuple[DefenceGroup, ...]
    states: int
    system_note: str


def _parties(kb: KnowledgeBase, treaty: Treaty, on: dt.date) -> frozenset[str]:
    return frozenset(m.state for m in kb.spells(treaty.party_scope) if m.active_on(on) and m.status.is_party)


def describe_attackers(attackers: set[str], universe: set[str], parties: frozenset[str]) -> Against:
    """The shortest true description of ``attackers`` among ``universe`` (every other state of the system).

    >>> describe_attackers({"RUS", "CHN"}, {"RUS", "CHN", "DEU"}, frozenset({"DEU", "EST"}))
    Against(kind=<AgainstKind.NON_PARTIES: 'non-parties'>, states=(), count=2)
    >>> describe_attackers({"RUS", "CHN"}, {"RUS", "CHN", "IRN", "DEU"}, frozenset({"DEU"})).states
    ('IRN',)
    """
    n = len(attackers)
    outside = universe - parties
    if attackers == universe:
        return Against(AgainstKind.ANY, (), n)
    if attackers == outside:
        return Against(AgainstKind.NON_PARTIES, (), n)
    if attackers <= outside and len(outside - attackers) < n:
        return Against(AgainstKind.NON_PARTIES_EXCEPT, tuple(sorted(outside - attackers)), n)
    if len(universe - attackers) < n:
        return Against(AgainstKind.ANY_EXCEPT, tuple(sorted(universe - attackers)), n)
    return Against(AgainstKind.ONLY, tuple(sorted(attackers)), n)


def _example(kb: KnowledgeBase, treaty: Treaty, attacker: str, target: str, on: dt.date) -> TreatyResult:
    crisis = Crisis(
        Attacker(attacker, kb.states.name_on(attacker, on)),
        target,
        on,
        kb.country_place(target, on),
        CrisisKind.ARMED_ATTACK,
    )
    return evaluate_treaty(kb, treaty, crisis)


_ORDER = {Verdict.TRIGGERED: 0, Verdict.INDETERMINATE: 1}


def _target_groups(
    kb: KnowledgeBase, rows: pd.DataFrame, target: str, states: Sequence[str], on: dt.date
) -> list[DefenceGroup]:
    """The groups of one target's rows (every row has ``target == target``)."""
    out: list[DefenceGroup] = []
    universe = set(states) - {target}
    keys = ["treaty", "provision", "verdict", "deciding"]
    for (tid, pid, verdict, deciding), part in rows.groupby(keys, observed=True, sort=False):
        by_attacker: dict[str, set[str]] = {}
        for a, o in zip(part["attacker"], part["obligated"], strict=True):
            got = by_attacker.setdefault(str(a), set())
            if isinstance(o, str):
                got.add(o)
        treaty = kb.treaty(str(tid))
        provision = next(p for p in treaty.provisions if p.id == str(pid))
        parties = _parties(kb, treaty, on)
        # an attacking party is never obligated against itself: clusters compare obligated sets with it put back
        clusters: dict[tuple[str, ...], set[str]] = {}
        for attacker, bound in by_attacker.items():
            back = {attacker} & parties if bound else set()
            clusters.setdefault(tuple(sorted(bound | back)), set()).add(attacker)
        for obligated, attackers in clusters.items():
            example = _example(kb, treaty, min(attackers), target, on)
            against = describe_attackers(attackers, universe, parties)
            out.append(
                DefenceGroup(
                    target, treaty, provision, Verdict(str(verdict)), str(deciding), obligated, against, example
                )
            )
    out.sort(
        key=lambda g: (
            _ORDER.get(g.verdict, 2),
            g.provision.kind is not PledgeKind.DEFENSE,
            -len(g.obligated),
            g.treaty.id,
        )
    )
    return out


def defends_report(
    kb: KnowledgeBase,
    triads: pd.DataFrame,
    states: Sequence[str],
    on: dt.date,
    *,
    target: str | None = None,
    attacker: str | None = None,
    system_note: str = "",
) -> DefendsReport:
    """Group a date's triad table for one target, one attacker, or both.

    Args:
        kb: The knowledge base the triads were computed from.
        triads: :func:`casus.obligations.pairs.evaluate_pairs` for ``states`` on ``on``.
        states: The states of the system on ``on``.
        on: The date.
        target: Keep attacks on this state (id).
        attacker: Keep attacks by this state (id).
        system_note: Which state list answered (shown with the report).

    Returns:
        The report; with ``attacker`` alone, one set of groups per target it could attack.
    """
    rows = triads
    if target is not None:
        rows = rows[rows["target"] == target]
    if attacker is not None:
        rows = rows[rows["attacker"] == attacker]
    groups: list[DefenceGroup] = []
    for t in sorted({str(x) for x in rows["target"].unique()}):
        groups += _target_groups(kb, rows[rows["target"] == t], t, states, on)
    return DefendsReport(on, target, attacker, tuple(groups), len(states), system_note)


@dataclass(frozen=True)
class ObligationEdge:
    """``defender`` must (or, indeterminate, may have to) defend ``target`` against ``attackers`` states."""

    defender: str
    target: str
    verdict: Verdict
    treaties: tuple[str, ...]
    attackers: int


@dataclass(frozen=True)
class ObligationNetwork:
    """The directed network of defence obligations among the states of the system on one date."""

    on: dt.date
    states: tuple[str, ...]
    edges: tuple[ObligationEdge, ...]
    indeterminate: bool
    system_note: str


def obligation_network(
    triads: pd.DataFrame, states: Sequence[str], on: dt.date, *, indeterminate: bool = False, system_note: str = ""
) -> ObligationNetwork:
    """One edge per (obligated state, target): the treaties and how many attackers trigger the obligation.

    Args:
        triads: :func:`casus.obligations.pairs.evaluate_pairs` for ``states`` on ``on``.
        states: The states of the system on ``on``.
        on: The date.
        indeterminate: Also draw obligations whose answer is only indeterminate (``verdict`` says which).
        system_note: Which state list answered.
    """
    rows = triads.dropna(subset=["obligated"])
    if not indeterminate:
        rows = rows[rows["verdict"] == Verdict.TRIGGERED.value]
    rows = rows.assign(trig=rows["verdict"] == Verdict.TRIGGERED.value)
    keys = ["obligated", "target"]
    grouped = rows.groupby(keys, observed=True).agg(trig=("trig", "any"), attackers=("attacker", "nunique"))
    pairs = rows[[*keys, "treaty"]].drop_duplicates()
    treaties: dict[tuple[str, str], list[str]] = {}
    for d, t, tr in zip(pairs["obligated"], pairs["target"], pairs["treaty"], strict=True):
        treaties.setdefault((str(d), str(t)), []).append(str(tr))
    edges = tuple(
        ObligationEdge(
            str(d),
            str(t),
            Verdict.TRIGGERED if trig else Verdict.INDETERMINATE,
            tuple(sorted(treaties[(str(d), str(t))])),
            int(n),
        )
        for (d, t), trig, n in zip(grouped.index, grouped["trig"], grouped["attackers"], strict=True)
    )
    return ObligationNetwork(on, tuple(states), edges, indeterminate, system_note)
