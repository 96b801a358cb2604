"""Answers for groupings that carry no mutual-defence obligation (the SCO, AUKUS, the Quad).

People ask what the SCO "must do" when one of its members is attacked. The answer is that it must do
nothing of the kind: its founding texts contain no collective-defence clause. So that the engine says so,
with a citation, instead of saying nothing, an organization or agreement may carry a
:class:`~casus.kb.treaties.NoMutualDefence` statement; when the target or the attacker of a crisis is a member
on that date, :func:`no_mutual_defence_results` returns one ``no_mutual_defence`` result for it.

References:
    Charter of the Shanghai Cooperation Organization (2002); the AUKUS leaders' statements (2021); the Quad
    leaders' joint statements — cited per organization in the curated data.
"""

from __future__ import annotations

import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.organizations import Organization
from casus.kb.treaties import NoMutualDefence, Treaty
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import Crisis
from casus.obligations.results import TreatyResult, Verdict


def _members(kb: KnowledgeBase, scope: str, crisis: Crisis) -> list[str]:
    involved = [s for s in (crisis.target, crisis.attacker.state) if s]
    return [
        s for s in involved if (m := kb.status_on(s, scope, crisis.on)) is not None and m.status is not Status.WITHDRAWN
    ]


def _as_treaty(org: Organization, statement: NoMutualDefence) -> Treaty:
    """A grouping with no treaty of its own (the Quad), presented as the record the answer is about."""
    return Treaty(
        id=org.id,
        title=org.name,
        organization=org.id,
        signed=org.founded or org.coverage.start or org.verified_through or dt.date(1815, 1, 1),
        in_force=org.founded,
        terminated=org.dissolved,
        sources=statement.sources or org.sources,
        no_mutual_defence=statement,
        origin=org.origin,
    )


def no_mutual_defence_results(kb: KnowledgeBase, crisis: Crisis) -> list[TreatyResult]:
    """The ``no_mutual_defence`` answers for a crisis.

    One result per grouping carrying such a statement of which the target or the attacker is a member on the
    crisis date (a treaty's statement first, then an organization's).
    """
    out: list[TreatyResult] = []
    done: set[str] = set()
    for treaty in kb.treaties.values():
        statement = treaty.no_mutual_defence
        if statement is None or treaty.signed > crisis.on:
            continue
        if treaty.terminated is not None and crisis.on >= treaty.terminated:
            continue
        members = _members(kb, treaty.party_scope, crisis)
        if members:
            out.append(_result(kb, treaty, statement, members, crisis))
            done.add(treaty.party_scope)
    for org in kb.organizations.values():
        statement = org.no_mutual_defence
        if statement is None or org.id in done or not org.exists_on(crisis.on):
            continue
        members = _members(kb, org.id, crisis)
        if not members:
            continue
        own = kb.treaties_of(org.id)
        treaty = own[0] if own else _as_treaty(org, statement)
        out.append(_result(kb, treaty, statement, members, crisis))
    return out


def _result(
    kb: KnowledgeBase, treaty: Treaty, statement: NoMutualDefence, members: list[str], crisis: Crisis
) -> TreatyResult:
    names = " and ".join(kb.states.name_on(s, crisis.on) for s in members)
    verb = "is a member" if len(members) == 1 else "are members"
    steps = (
        Step("membership", Outcome.INFO, f"{names} {verb} on {crisis.on}", treaty.sources),
        Step(
            "no_mutual_defence",
            Outcome.INFO,
            f"no mutual defence obligation: {statement.text}" + (f" — “{statement.quote}”" if statement.quote else ""),
            statement.sources,
        ),
    )
    return TreatyResult(treaty, Verdict.NO_MUTUAL_DEFENCE, None, (), (), (), steps)
