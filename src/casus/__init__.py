"""casus: collective-security organizations through time.

The stable Python API. Heavy modules are imported lazily, on first use of a name::

    >>> import casus
    >>> kb = casus.load_kb()
    >>> [m.state for m in casus.members_on("CSTO", "2024-06-25").members if m.status == "suspended"]
    ['ARM']
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "CasusError": "casus.errors",
    "CoverageError": "casus.errors",
    "InvalidInputError": "casus.errors",
    "ScenarioError": "casus.errors",
    "SourceFormatError": "casus.errors",
    "UnknownEntityError": "casus.errors",
    "KnowledgeBase": "casus.kb.knowledge",
    "Roster": "casus.kb.knowledge",
    "State": "casus.kb.states",
    "Organization": "casus.kb.organizations",
    "Treaty": "casus.kb.treaties",
    "Provision": "casus.kb.treaties",
    "Condition": "casus.kb.treaties",
    "Membership": "casus.kb.memberships",
    "Status": "casus.kb.memberships",
    "Event": "casus.kb.events",
    "Body": "casus.kb.organizations",
    "Officeholder": "casus.kb.organizations",
    "Standing": "casus.kb.organizations",
    "NoMutualDefence": "casus.kb.treaties",
    "Suspension": "casus.kb.treaties",
    "OfficesReport": "casus.kb.offices",
    "offices_on": "casus.kb.offices",
    "bodies_of": "casus.kb.offices",
    "Source": "casus.kb.sources",
    "Place": "casus.kb.places",
    "load_kb": "casus.curated",
    "load_states": "casus.curated",
    "Crisis": "casus.obligations",
    "Attacker": "casus.obligations",
    "Verdict": "casus.obligations",
    "evaluate_casus_foederis": "casus.obligations",
    "make_crisis": "casus.obligations",
    "Scenario": "casus.sim.crisis.scenario",
    "simulate_crisis": "casus.sim.crisis.simulate",
    "backtest": "casus.sim.crisis.backtest",
    "sobol_indices": "casus.sim.crisis.sensitivity",
    "KnowledgeProvider": "casus.knowledge",
    "cite": "casus.data.provenance",
    "versions": "casus.data.provenance",
}

__all__ = [*sorted(_LAZY), "bodies", "evaluate", "history", "members_on", "offices", "timeline"]

if TYPE_CHECKING:
    from casus.kb.events import Event
    from casus.kb.knowledge import Roster
    from casus.kb.memberships import Membership
    from casus.kb.offices import OfficesReport
    from casus.kb.organizations import Body
    from casus.obligations import TreatyResult


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'casus' has no attribute {name!r}")


def members_on(org: str, on: str | dt.date | None = None) -> Roster:
    """Members of an organization on a date (default today), with statuses, from the built-in knowledge."""
    from casus.curated import load_kb
    from casus.kb.dates import parse_date

    return load_kb().members_on(org, parse_date(on))


def history(state: str) -> tuple[Membership, ...]:
    """A state's spells across organizations and treaties."""
    from casus.curated import load_kb

    return load_kb().history(state)


def timeline(org: str) -> tuple[Event, ...]:
    """An organization's timeline."""
    from casus.curated import load_kb

    return load_kb().timeline(org)


def offices(org: str, on: str | dt.date | None = None) -> OfficesReport:
    """Who held each office of an organization on a date (default today).

    Past the organization's verified-through date the report names the holder known on that date and says the
    office is unknown after it.

    >>> import casus
    >>> casus.offices("NATO", "2001-09-12").offices[0].holder.person
    'Lord Robertson'
    """
    from casus.curated import load_kb
    from casus.kb.dates import parse_date
    from casus.kb.offices import offices_on

    return offices_on(load_kb().organization(org), parse_date(on))


def bodies(org: str) -> tuple[Body, ...]:
    """An organization's bodies with their decision rules."""
    from casus.curated import load_kb

    return load_kb().organization(org).bodies


def evaluate(
    attacker: str,
    target: str,
    on: str | dt.date | None = None,
    *,
    place: str | None = None,
    disputed: bool = False,
    kind: str = "armed-attack",
    requested: bool | None = None,
) -> list[TreatyResult]:
    """Casus-foederis evaluation with names as a user writes them (see :func:`casus.obligations.make_crisis`)."""
    from casus.curated import load_kb
    from casus.obligations import evaluate_casus_foederis, make_crisis

    kb = load_kb()
    crisis = make_crisis(
        kb, attacker=attacker, target=target, on=on, place=place, disputed=disputed, kind=kind, requested=requested
    )
    return evaluate_casus_foederis(kb, crisis)
