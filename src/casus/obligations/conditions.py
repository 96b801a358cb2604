"""Evaluation of one condition of one provision against a crisis.

Each function returns a :class:`Step`: the condition, its outcome (``pass``, ``fail``, ``unknown`` or, for
procedural requirements, ``procedure``), a sentence saying why, and the sources. A condition whose details
a source does not give (ATOP codes *that* a pledge is limited to a location, not *which*) is ``unknown``,
never silently satisfied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casus.kb.knowledge import KnowledgeBase
from casus.kb.treaties import Condition, ConditionKind, Provision, Treaty
from casus.obligations.crisis import Crisis


class Outcome(StrEnum):
    """Outcome of one evaluated condition."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    PROCEDURE = "procedure"
    INFO = "info"


@dataclass(frozen=True)
class Step:
    """One line of an explanation trace."""

    check: str
    outcome: Outcome
    detail: str
    sources: tuple[str, ...] = ()
    provision: str | None = None


def is_party(kb: KnowledgeBase, treaty: Treaty, state: str | None, on: dt.date) -> bool:
    """Whether ``state`` is bound by ``treaty`` on ``on`` (member or suspended)."""
    if state is None:
        return False
    spell = kb.status_on(state, treaty.party_scope, on)
    return spell is not None and spell.status.is_party


def evaluate_condition(
    kb: KnowledgeBase, treaty: Treaty, provision: Provision, cond: Condition, crisis: Crisis
) -> Step:
    """Evaluate one condition; see the module docstring for the outcomes."""
    src = cond.sources or provision.sources
    pid = provision.id
    place = crisis.place
    target = kb.states.name_on(crisis.target, crisis.on)

    def step(outcome: Outcome, detail: str) -> Step:
        return Step(cond.kind.value, outcome, detail, src, pid)

    kind = cond.kind
    if kind is ConditionKind.TARGET_TERRITORY:
        if place.disputed:
            claimants = [kb.states.name_on(c, crisis.on) if c in kb.states else c for c in place.claimants]
            claim = f" (claimed also by {', '.join(claimants)})" if claimants else ""
            what = (
                f"the place ({place.name}) is flagged as disputed"
                if place.id == place.country
                else (f"{place.name} is disputed")
            )
            return step(
                Outcome.UNKNOWN,
                f"{what}{claim}: whether the event is on {target}'s "
                f"territory cannot be settled, so the obligation is indeterminate"
                + (f" — {place.note}" if place.note else ""),
            )
        if place.country != crisis.target:
            owner = kb.states.name_on(place.country, crisis.on) if place.country in kb.states else place.country
            return step(Outcome.FAIL, f"{place.name} is {owner}'s territory, not {target}'s")
        return step(Outcome.PASS, f"{place.name} is {target}'s territory")
    if kind is ConditionKind.LOCATION:
        if not cond.values:
            return step(
                Outcome.UNKNOWN,
                "the pledge is limited to a location that the source does not name"
                + (f" ({cond.text})" if cond.text else ""),
            )
        reasons = []
        for scope_id in cond.values:
            scope = kb.scopes.get(scope_id)
            if scope is None:
                if scope_id == place.id or scope_id == place.country:
                    return step(Outcome.PASS, f"{place.name} is within the pledge's area ({scope_id})")
                reasons.append(f"{place.name} is not {scope_id}")
                continue
            inside, why = scope.contains(place, crisis.on)
            if inside:
                return Step(cond.kind.value, Outcome.PASS, why, (*src, *scope.sources), pid)
            reasons.append(why)
            src = (*src, *scope.sources)
        return Step(cond.kind.value, Outcome.FAIL, "; ".join(reasons), src, pid)
    if kind is ConditionKind.ATTACKER_OUTSIDE:
        if not crisis.attacker.is_state:
            return step(Outcome.PASS, f"{crisis.attacker.label} is not a party")
        if is_party(kb, treaty, crisis.attacker.state, crisis.on):
            return step(
                Outcome.FAIL,
                f"{crisis.attacker.label} is itself a party: collective defence does not "
                f"apply between parties" + (f" — {cond.text}" if cond.text else ""),
            )
        return step(Outcome.PASS, f"{crisis.attacker.label} is not a party")
    if kind is ConditionKind.STATE_ATTACKER:
        if crisis.attacker.is_state:
            return step(Outcome.PASS, f"{crisis.attacker.label} is a state")
        mode = cond.values[0] if cond.values else "contested"
        if mode == "covered":
            return step(Outcome.PASS, f"a non-state attack counts: {cond.text}")
        if mode == "excluded":
            return step(Outcome.FAIL, f"only attacks by states count: {cond.text}")
        return step(Outcome.UNKNOWN, f"whether a non-state attack counts is unsettled: {cond.text}")
    if kind is ConditionKind.ADVERSARY:
        if not cond.values:
            return step(Outcome.UNKNOWN, "the pledge is limited to a specific adversary that the source does not name")
        if crisis.attacker.state in cond.values:
            return step(Outcome.PASS, f"{crisis.attacker.label} is a named adversary")
        named = ", ".join(kb.states.name_on(s, crisis.on) if s in kb.states else s for s in cond.values)
        return step(Outcome.FAIL, f"the pledge is limited to attacks by {named}; {crisis.attacker.label} is not one")
    if kind is ConditionKind.NUMBER:
        if not cond.values:
            return step(
                Outcome.UNKNOWN, "the pledge depends on the number of attackers, which the source does not give"
            )
        need = int(cond.values[0])
        if need <= 1:
            return step(Outcome.PASS, "one attacker suffices")
        return step(Outcome.FAIL, f"the pledge applies only against {need} or more attackers; this event has one")
    if kind is ConditionKind.NON_PROVOCATION:
        if crisis.provoked is None:
            return step(Outcome.UNKNOWN, "the pledge holds only if the attack was unprovoked; the event does not say")
        if crisis.provoked:
            return step(Outcome.FAIL, f"{target} is said to have provoked the attack")
        return step(Outcome.PASS, "the attack is taken as unprovoked")
    if kind is ConditionKind.DEMAND:
        return step(Outcome.UNKNOWN, "the pledge applies only after a demand is refused; the event does not say")
    if kind is ConditionKind.CONFLICT:
        named = ", ".join(cond.values) or "a specific conflict the source does not name"
        return step(Outcome.UNKNOWN, f"the pledge is limited to {named}; whether this event belongs to it is not said")
    if kind is ConditionKind.REQUEST:
        if crisis.requested is None:
            return step(
                Outcome.PROCEDURE, f"requires a request from {target}" + (f": {cond.text}" if cond.text else "")
            )
        if crisis.requested:
            return step(Outcome.PASS, f"{target} has asked for help")
        return step(Outcome.FAIL, f"{target} has not asked for help")
    # DECISION
    bodies = []
    for body_id in cond.values:
        org = kb.organizations.get(treaty.organization or "")
        body = org.body(body_id) if org else None
        if body is None:
            bodies.append(body_id)
            continue
        veto = " — any one member can block it" if body.decision_rule.blocks_with_one_veto() else ""
        bodies.append(f"the {body.name} ({body.decision_rule.value}){veto}")
    return step(Outcome.PROCEDURE, "requires a decision of " + (", ".join(bodies) or "the parties"))
