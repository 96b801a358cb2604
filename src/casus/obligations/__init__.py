"""Casus-foederis evaluation: which treaties an event triggers, for whom, under which article, and why."""

from __future__ import annotations

import datetime as dt

from casus.kb.dates import parse_date
from casus.kb.knowledge import KnowledgeBase
from casus.kb.places import parse_point
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import NON_STATE, Attacker, Crisis, parse_kind
from casus.obligations.evaluate import evaluate_casus_foederis, evaluate_treaty
from casus.obligations.results import Duty, Permission, TreatyResult, Verdict


def parse_attacker(kb: KnowledgeBase, text: str, on: dt.date | None = None) -> Attacker:
    """Parse an attacker: a state name or code, ``non-state`` or ``non-state:NAME``.

    Raises:
        UnknownEntityError: An unknown state name.
    """
    raw = text.strip()
    rest = raw[len(NON_STATE) :]
    if raw.lower().startswith(NON_STATE) and (not rest or rest[0] == ":" or rest[0].isspace()):
        return Attacker.non_state(rest.lstrip(":").strip())
    state = kb.state(raw)
    return Attacker(state.id, kb.states.name_on(state.id, on))


def make_crisis(
    kb: KnowledgeBase,
    *,
    attacker: str | Attacker,
    target: str,
    on: str | dt.date | None,
    place: str | None = None,
    disputed: bool = False,
    kind: str = "armed-attack",
    requested: bool | None = None,
    provoked: bool | None = None,
    forces: str | None = None,
    conflict: str | None = None,
) -> Crisis:
    """Build a :class:`Crisis` from names as a user writes them (any language, codes, acronyms).

    ``place`` may be a country, an ISO 3166-2 code or subdivision name (``TR-27``, ``Gaziantep``), a city, a
    curated territory, a sea (``Mediterranean Sea``, with ``forces`` saying what was hit there) or a point
    ``LAT,LON`` (``35.5,18.0``: the state holding it on the date, or the sea), which treaty areas drawn as
    geometry test (:mod:`casus.geo.areas`).
    ``provoked=False`` says the attack was unprovoked; ``conflict`` names the conflict it belongs to.

    Raises:
        UnknownEntityError: Unknown state or place.
        InvalidInputError: Bad date or kind.
    """
    when = parse_date(on, field="--on")
    who = attacker if isinstance(attacker, Attacker) else parse_attacker(kb, attacker, when)
    tgt = kb.state(target)
    point = parse_point(place) if place else None
    if point is not None:
        where = kb.place_at(*point, when)
    else:
        where = kb.place(place, on=when) if place else kb.country_place(tgt.id, when)
    if disputed:
        where = where.with_disputed(True)
    named = conflict.strip() if conflict and conflict.strip() else None
    return Crisis(who, tgt.id, when, where, parse_kind(kind), requested, provoked, forces, named)


__all__ = [
    "Attacker",
    "Crisis",
    "Duty",
    "Outcome",
    "Permission",
    "Step",
    "TreatyResult",
    "Verdict",
    "evaluate_casus_foederis",
    "evaluate_treaty",
    "make_crisis",
    "parse_attacker",
]
