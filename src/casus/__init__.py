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
    "ObligationsAnswer": "casus.knowledge",
    "StateHistory": "casus.kb.answers",
    "DatasetCoverage": "casus.kb.answers",
    "default_provider": "casus.knowledge",
    "defends": "casus.defence",
    "obligation_network": "casus.defence",
    "DefendsReport": "casus.obligations.defends",
    "ObligationNetwork": "casus.obligations.defends",
    "cite": "casus.data.provenance",
    "versions": "casus.data.provenance",
}

__all__ = [*sorted(_LAZY), "bodies", "evaluate", "history", "members_on", "offices", "timeline", "to_dict"]

if TYPE_CHECKING:
    from casus.kb.answers import StateHistory
    from casus.kb.events import Event
    from casus.kb.knowledge import Roster
    from casus.kb.offices import OfficesReport
    from casus.kb.organizations import Body
    from casus.knowledge import ObligationsAnswer


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'casus' has no attribute {name!r}")


def members_on(org: str, on: str | dt.date | None = None) -> Roster:
    """Members of an organization on a date (default today), with statuses.

    Answered from the knowledge the CLI and the HTTP API use (:mod:`casus.knowledge`): the curated facts, and
    ATOP 5.1 for an ``atop-…`` alliance.
    """
    from casus.kb.dates import parse_date
    from casus.knowledge import default_provider

    return default_provider().for_org(org).members_on(org, parse_date(on))


def history(state: str, *, atop: bool | None = None) -> StateHistory:
    """A state's spells across organizations and treaties, with what the answer covers.

    The curated spells, plus the state's ATOP 5.1 alliances when the files are on this machine (``atop=True``
    requires them, ``False`` leaves them out). Iterating gives the spells; ``coverage`` and ``note`` say
    what was consulted and, for an empty answer, why it is empty.

    >>> import casus
    >>> h = casus.history("Uzbekistan", atop=False)
    >>> h.spells[0].organization, h.coverage[0].status
    ('csto', 'left_out')
    """
    from casus.knowledge import answer_history, default_provider

    return answer_history(default_provider(), state, atop)


def timeline(org: str) -> tuple[Event, ...]:
    """An organization's timeline (ATOP 5.1 for an ``atop-…`` alliance)."""
    from casus.knowledge import default_provider

    return default_provider().for_org(org).timeline(org)


def offices(org: str, on: str | dt.date | None = None) -> OfficesReport:
    """Who held each office of an organization on a date (default today).

    Past the organization's verified-through date the report names the holder known on that date and says the
    office is unknown after it.

    >>> import casus
    >>> casus.offices("NATO", "2001-09-12").offices[0].holder.person
    'Lord Robertson'
    """
    from casus.kb.dates import parse_date
    from casus.kb.offices import offices_on
    from casus.knowledge import default_provider

    return offices_on(default_provider().curated().organization(org), parse_date(on))


def bodies(org: str) -> tuple[Body, ...]:
    """An organization's bodies with their decision rules."""
    from casus.knowledge import default_provider

    return default_provider().curated().organization(org).bodies


def evaluate(
    attacker: str,
    target: str,
    on: str | dt.date | None = None,
    *,
    place: str | None = None,
    disputed: bool = False,
    kind: str = "armed-attack",
    requested: bool | None = None,
    atop: bool | None = None,
    include_unrelated: bool = False,
    unprovoked: bool | None = None,
    conflict: str | None = None,
    forces: str | None = None,
) -> ObligationsAnswer:
    """Casus-foederis evaluation with names as a user writes them (see :func:`casus.obligations.make_crisis`).

    Iterating the answer gives one :class:`~casus.obligations.TreatyResult` per treaty (``.results``);
    ``.coverage`` and ``.note`` say which datasets were consulted and, in one line, what is missing or past a
    dataset's coverage (ATOP 5.1 after 2018-12-31) or why no treaty answers.

    Answered from the same knowledge as ``casus obligations`` and ``GET /api/v1/obligations``: the curated
    facts, plus ATOP 5.1 alliances when ``on`` is within ATOP's coverage and its files are on this machine
    (``atop=True`` requires them, ``atop=False`` leaves them out). ``unprovoked``, ``conflict`` and ``forces``
    (``forces``, ``vessel`` or ``aircraft`` hit at ``place``) are facts about the event that decide ATOP's
    non-provocation and specific-conflict conditions and NATO Art. 6(ii).
    """
    from casus.knowledge import answer_obligations, default_provider

    return answer_obligations(
        default_provider(),
        attacker=attacker,
        target=target,
        on=on,
        place=place,
        disputed=disputed,
        kind=kind,
        requested=requested,
        unprovoked=unprovoked,
        conflict=conflict,
        forces=forces,
        atop=atop,
        include_unrelated=include_unrelated,
    )


def to_dict(result: Any) -> Any:
    """The JSON contract form of a result of this API (a roster, spells, events, treaty results…).

    The same serialiser as ``--format json`` and the HTTP API (:func:`casus.contract.to_dict`)::

        >>> import casus
        >>> casus.to_dict(casus.members_on("CSTO", "2024-06-25"))["members"][0]["status"]
        'suspended'

    Raises:
        TypeError: A value that is no casus result.
    """
    from casus.contract import to_dict as contract_to_dict
    from casus.knowledge import default_provider

    return contract_to_dict(default_provider().widest(), result)
