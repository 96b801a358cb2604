"""Evaluation of one condition of one provision against a crisis.

Each function returns a :class:`Step`: the condition, its outcome (``pass``, ``fail``, ``unknown`` or, for
procedural requirements, ``procedure``), a sentence saying why, and the sources. A condition whose details
a source does not give (ATOP codes *that* a pledge is limited to a location, not *which*) is ``unknown``,
never silently satisfied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from casus.errors import InvalidInputError
from casus.kb.knowledge import KnowledgeBase
from casus.kb.places import Place
from casus.kb.states import normalize
from casus.kb.treaties import Condition, ConditionKind, Provision, Treaty
from casus.obligations.allies import allied_under
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

    def __post_init__(self) -> None:
        # each source once, in the order first cited (a condition and its scope often cite the same text)
        object.__setattr__(self, "sources", tuple(dict.fromkeys(self.sources)))


def possessive(name: str) -> str:
    """English possessive of a name: ``Poland's``, ``United States'``.

    >>> possessive("Poland"), possessive("United States")
    ("Poland's", "United States'")
    """
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def is_party(kb: KnowledgeBase, treaty: Treaty, state: str | None, on: dt.date) -> bool:
    """Whether ``state`` is bound by ``treaty`` on ``on`` (member or suspended)."""
    if state is None:
        return False
    spell = kb.status_on(state, treaty.party_scope, on)
    return spell is not None and spell.status.is_party


@dataclass(frozen=True)
class _Check:
    """One condition of one provision, asked about one crisis: what every check needs."""

    kb: KnowledgeBase
    treaty: Treaty
    provision: Provision
    cond: Condition
    crisis: Crisis

    @property
    def sources(self) -> tuple[str, ...]:
        return self.cond.sources or self.provision.sources

    @property
    def target(self) -> str:
        return self.kb.states.name_on(self.crisis.target, self.crisis.on)

    def name(self, state: str) -> str:
        """A state's name on the crisis date (an id casus does not know stays as written)."""
        return self.kb.states.name_on(state, self.crisis.on) if state in self.kb.states else state

    def step(self, outcome: Outcome, detail: str, sources: tuple[str, ...] | None = None) -> Step:
        src = self.sources if sources is None else sources
        return Step(self.cond.kind.value, outcome, detail, src, self.provision.id)


def _target_territory(c: _Check) -> Step:
    place = c.crisis.place
    if c.crisis.forces is not None:
        what = {"forces": "armed forces", "vessel": "a vessel", "aircraft": "an aircraft"}[c.crisis.forces]
        return c.step(
            Outcome.PASS,
            f"the attack is on {c.target}'s {what} at {place.name}: an attack on a state's forces is an attack on "
            "the state (where they must be for the pledge to hold is the location check)",
        )
    if place.disputed:
        claimants = [c.name(s) for s in place.claimants]
        claim = f" (claimed also by {', '.join(claimants)})" if claimants else ""
        what = (
            f"the place ({place.name}) is flagged as disputed"
            if place.id == place.country
            else f"{place.name} is disputed"
        )
        return c.step(
            Outcome.UNKNOWN,
            f"{what}{claim}: whether the event is on {possessive(c.target)} "
            f"territory cannot be settled, so the obligation is indeterminate"
            + (f" — {place.note}" if place.note else ""),
        )
    if place.country != c.crisis.target:
        owner = possessive(c.name(place.country))
        return c.step(Outcome.FAIL, f"{place.name} is {owner} territory, not {possessive(c.target)}")
    if place.id == place.country:
        return c.step(Outcome.PASS, f"the event is on {possessive(c.target)} own territory")
    return c.step(Outcome.PASS, f"{place.name} is {possessive(c.target)} territory")


def _location(c: _Check) -> Step:
    place = c.crisis.place
    if not c.cond.values:
        return c.step(
            Outcome.UNKNOWN,
            "the pledge is limited to a location that the source does not name"
            + (f" ({c.cond.text})" if c.cond.text else ""),
        )
    reasons = []
    unknown = False
    src = c.sources
    for scope_id in c.cond.values:
        scope = c.kb.scopes.get(scope_id)
        if scope is None:
            if scope_id == place.id or scope_id == place.country:
                return c.step(Outcome.PASS, f"{place.name} is within the pledge's area ({scope_id})", src)
            reasons.append(f"{place.name} is not {scope_id}")
            continue
        found: bool | None
        found, why, more = _in_scope(c, scope_id, place)
        if found:
            return c.step(Outcome.PASS, _with_note(_named(c, why), place), _unique(*c.sources, *scope.sources, *more))
        if found is None:
            unknown = True
        reasons.append(why)
        src = _unique(*src, *scope.sources, *more)
    return c.step(Outcome.UNKNOWN if unknown else Outcome.FAIL, _with_note(_named(c, "; ".join(reasons)), place), src)


def _named(c: _Check, text: str) -> str:
    """A scope's reason with the holder's name for its id (``part of TUR,``, ``held by TUR`` → ``Türkiye``)."""
    holder = c.crisis.place.country
    if not holder:
        return text
    name = c.name(holder)
    return text.replace(f" part of {holder},", f" part of {name},").replace(f"(held by {holder})", f"(held by {name})")


def _unique(*ids: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _in_scope(c: _Check, scope_id: str, place: Place) -> tuple[bool | None, str, tuple[str, ...]]:
    """Whether ``place`` is in a scope, why, and the sources beyond the scope's.

    By the scope's geometry when the place has a point and the scope is drawn (:mod:`casus.geo.areas`), else by
    its named regions, states and places.
    """
    scope = c.kb.scopes[scope_id]
    area = c.kb.areas.get(scope_id)
    if area is not None and place.has_point:
        drawn = area.locate(
            place,
            c.crisis.on,
            forces=c.crisis.forces is not None,
            is_party=lambda s: is_party(c.kb, c.treaty, s, c.crisis.on),
        )
        if drawn is not None:
            return drawn
    found, why = scope.contains_forces(place, c.crisis.on) if c.crisis.forces else scope.contains(place, c.crisis.on)
    return found, why, ()


def _with_note(text: str, place: Place) -> str:
    """Add a Natural Earth place's caveat (de facto boundaries, label areas) to a location reason."""
    return f"{text} — {place.note}" if place.note and "Natural Earth" in place.note else text


def _attacker_outside(c: _Check) -> Step:
    attacker = c.crisis.attacker
    if attacker.is_state and is_party(c.kb, c.treaty, attacker.state, c.crisis.on):
        return c.step(
            Outcome.FAIL,
            f"{attacker.label} is itself a party: collective defence does not "
            f"apply between parties" + (f" — {c.cond.text}" if c.cond.text else ""),
        )
    return c.step(Outcome.PASS, f"{attacker.label} is not a party")


#: What a ``state_attacker`` condition's value says of an attack by a non-state actor.
_NON_STATE_MODES = {
    "covered": (Outcome.PASS, "a non-state attack counts: {}"),
    "excluded": (Outcome.FAIL, "only attacks by states count: {}"),
    "contested": (Outcome.UNKNOWN, "whether a non-state attack counts is unsettled: {}"),
}


def _state_attacker(c: _Check) -> Step:
    if c.crisis.attacker.is_state:
        return c.step(Outcome.PASS, f"{c.crisis.attacker.label} is a state")
    mode = c.cond.values[0] if c.cond.values else "contested"
    outcome, detail = _NON_STATE_MODES.get(mode, _NON_STATE_MODES["contested"])
    return c.step(outcome, detail.format(c.cond.text))


#: In an adversary condition's values: the pledge also covers the named adversaries' allies ("Germany or any
#: State allied with the latter"): an attacker bound to one of them by a defence pledge that day passes
#: (:func:`casus.obligations.allies.allied_under`).
ALLIES = "+allies"


def adversary_matches(kb: KnowledgeBase, state: str | None, values: tuple[str, ...], on: dt.date) -> bool:
    """Whether an attacker passes an adversary condition with these values (named, or allied with one named)."""
    if state is None or not values:
        return False
    if state in values:
        return True
    enemies = frozenset(v for v in values if v != ALLIES)
    return ALLIES in values and allied_under(kb, state, enemies, on) is not None


def _adversary(c: _Check) -> Step:
    attacker = c.crisis.attacker
    if not c.cond.values:
        return c.step(Outcome.UNKNOWN, "the pledge is limited to a specific adversary that the source does not name")
    if attacker.state in c.cond.values:
        return c.step(Outcome.PASS, f"{attacker.label} is a named adversary")
    named = ", ".join(c.name(s) for s in c.cond.values if s != ALLIES)
    if ALLIES in c.cond.values:
        enemies = frozenset(v for v in c.cond.values if v != ALLIES)
        treaty = allied_under(c.kb, attacker.state, enemies, c.crisis.on) if attacker.state else None
        if treaty is not None:
            return c.step(
                Outcome.PASS,
                f"{attacker.label} is allied with {named} on {c.crisis.on.isoformat()} ({treaty.title}): the pledge "
                f"covers attacks by {named} or a state allied with it",
            )
        return c.step(
            Outcome.FAIL,
            f"the pledge is limited to attacks by {named} or a state allied with it; {attacker.label} is neither "
            "(no defence pledge casus knows binds them that day; a looser association is not tested)",
        )
    return c.step(Outcome.FAIL, f"the pledge is limited to attacks by {named}; {attacker.label} is not one")


def _number(c: _Check) -> Step:
    if not c.cond.values:
        return c.step(Outcome.UNKNOWN, "the pledge depends on the number of attackers, which the source does not give")
    need = int(c.cond.values[0])
    if need <= 1:
        return c.step(Outcome.PASS, "one attacker suffices")
    return c.step(Outcome.FAIL, f"the pledge applies only against {need} or more attackers; this event has one")


def _non_provocation(c: _Check) -> Step:
    if c.crisis.provoked is None:
        return c.step(
            Outcome.UNKNOWN,
            "the pledge holds only if the attack was unprovoked; the event does not say "
            "(give --unprovoked or --provoked to decide it)",
        )
    if c.crisis.provoked:
        return c.step(Outcome.FAIL, f"{c.target} is said to have provoked the attack")
    return c.step(Outcome.PASS, "the attack is taken as unprovoked")


def _demand(c: _Check) -> Step:
    return c.step(Outcome.UNKNOWN, "the pledge applies only after a demand is refused; the event does not say")


def _conflict(c: _Check) -> Step:
    """A pledge limited to a specific conflict.

    Decided when the event names its conflict and the source names the pledge's; otherwise unknown, saying which
    fact would decide it.
    """
    asked = c.crisis.conflict
    if not c.cond.values:
        if asked is None:
            return c.step(
                Outcome.UNKNOWN,
                "the pledge is limited to a specific conflict the source does not name; neither is this "
                "event's conflict given (--conflict NAME)",
            )
        return c.step(
            Outcome.UNKNOWN,
            f"the pledge is limited to a specific conflict the source does not name, so whether {asked} is it "
            "cannot be decided",
        )
    named = ", ".join(c.cond.values)
    if asked is None:
        return c.step(
            Outcome.UNKNOWN,
            f"the pledge is limited to {named}; whether this event belongs to it is not said (--conflict NAME)",
        )
    if any(normalize(v) == normalize(asked) for v in c.cond.values):
        return c.step(Outcome.PASS, f"the event belongs to {asked}, the conflict the pledge is limited to")
    return c.step(Outcome.FAIL, f"the pledge is limited to {named}; this event belongs to {asked}")


def _request(c: _Check) -> Step:
    if c.crisis.requested is None:
        return c.step(
            Outcome.PROCEDURE, f"requires a request from {c.target}" + (f": {c.cond.text}" if c.cond.text else "")
        )
    if c.crisis.requested:
        return c.step(Outcome.PASS, f"{c.target} has asked for help")
    return c.step(Outcome.FAIL, f"{c.target} has not asked for help")


def _decision(c: _Check) -> Step:
    bodies = []
    org = c.kb.organizations.get(c.treaty.organization or "")
    for body_id in c.cond.values:
        body = org.body(body_id) if org else None
        if body is None:
            bodies.append(body_id)
            continue
        veto = " — any one member can block it" if body.decision_rule.blocks_with_one_veto() else ""
        bodies.append(f"the {body.name} ({body.decision_rule.value}){veto}")
    return c.step(Outcome.PROCEDURE, "requires a decision of " + (", ".join(bodies) or "the parties"))


def _any_of(c: _Check) -> Step:
    """Alternative branches (the Rio Treaty's Art. 3(3)): any passing branch passes; every branch is reported.

    Fails only when every branch fails; unknown when none passes and one is unknown.
    """
    steps = [CHECKS[b.kind](_Check(c.kb, c.treaty, c.provision, b, c.crisis)) for b in c.cond.branches]
    outcomes = [s.outcome for s in steps]
    outcome = (
        Outcome.PASS if Outcome.PASS in outcomes else (Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.FAIL)
    )
    words = {Outcome.PASS: "holds", Outcome.FAIL: "does not hold", Outcome.UNKNOWN: "cannot be settled"}
    parts = [
        f"({i}) {b.text or b.kind.value} — {words.get(s.outcome, s.outcome.value)}: {s.detail}"
        for i, (b, s) in enumerate(zip(c.cond.branches, steps, strict=True), start=1)
    ]
    lead = {
        Outcome.PASS: "one branch suffices and at least one holds",
        Outcome.FAIL: "no branch holds",
        Outcome.UNKNOWN: "no branch holds for certain",
    }[outcome]
    head = f"{c.cond.text}: " if c.cond.text else ""
    sources = tuple(dict.fromkeys(sid for s in [c.step(outcome, ""), *steps] for sid in s.sources))
    return c.step(outcome, f"{head}{lead} — " + "; ".join(parts), sources)


#: How each kind of condition is checked. A kind without an entry is an error, never a default reading: a new
#: :class:`~casus.kb.treaties.ConditionKind` needs its check here.
CHECKS: dict[ConditionKind, Callable[[_Check], Step]] = {
    ConditionKind.TARGET_TERRITORY: _target_territory,
    ConditionKind.LOCATION: _location,
    ConditionKind.ATTACKER_OUTSIDE: _attacker_outside,
    ConditionKind.STATE_ATTACKER: _state_attacker,
    ConditionKind.ADVERSARY: _adversary,
    ConditionKind.NUMBER: _number,
    ConditionKind.NON_PROVOCATION: _non_provocation,
    ConditionKind.DEMAND: _demand,
    ConditionKind.CONFLICT: _conflict,
    ConditionKind.REQUEST: _request,
    ConditionKind.DECISION: _decision,
    ConditionKind.ANY_OF: _any_of,
}


def evaluate_condition(
    kb: KnowledgeBase, treaty: Treaty, provision: Provision, cond: Condition, crisis: Crisis
) -> Step:
    """Evaluate one condition; see the module docstring for the outcomes.

    Raises:
        InvalidInputError: A condition kind with no check in :data:`CHECKS`.
    """
    check = CHECKS.get(cond.kind)
    if check is None:
        raise InvalidInputError(
            f"provision {provision.id!r}: no check for condition kind {str(cond.kind)!r}; "
            f"add one to casus.obligations.conditions.CHECKS (known: {', '.join(CHECKS)})"
        )
    return check(_Check(kb, treaty, provision, cond, crisis))
