"""Who defends whom, as questions of the Python API: :func:`defends` and :func:`obligation_network`.

Both answer from the knowledge the CLI and the HTTP API use (:func:`casus.knowledge.default_provider`, the
same rule as ``casus obligations``: the curated facts, plus ATOP 5.1 when its files are on this machine) over
the states of the system on the date (:func:`casus.data.system.system_members`: COW's list to 2016, casus's
sourced extension after). The triad table of a date is computed once
(:func:`casus.obligations.pairs.evaluate_pairs`) and kept for the next question about the same date.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import pandas as pd

from casus.errors import InvalidInputError
from casus.obligations.defends import DefendsReport, ObligationNetwork

if TYPE_CHECKING:
    from casus.knowledge import KnowledgeProvider

_CACHE_DATES = 4


def _provider(provider: KnowledgeProvider | None) -> KnowledgeProvider:
    from casus.knowledge import default_provider

    return default_provider() if provider is None else provider


@functools.lru_cache(maxsize=_CACHE_DATES)
def _triads(on: dt.date, atop: bool | None, provider: KnowledgeProvider) -> tuple[pd.DataFrame, tuple[str, ...], str]:
    from casus.data.system import system_coverage, system_members
    from casus.obligations.pairs import evaluate_pairs

    kb = provider.for_date(on, atop)
    states = tuple(system_members(kb, on))
    return evaluate_pairs(kb, states, on), states, str(system_coverage(on)["note"])


def clear_cache() -> None:
    """Forget the triad tables computed so far (tests that swap the data folder or the provider)."""
    _triads.cache_clear()


def _state(provider: KnowledgeProvider, name: str, states: tuple[str, ...], on: dt.date, note: str, role: str) -> str:
    state = provider.curated().states.resolve(name)
    if state.id not in states:
        raise InvalidInputError(
            f"--{role} {name!r}: {state.name} is not a state of the system on {on} ({note}); ask about a date "
            "when it is"
        )
    return state.id


def defends(
    target: str | None = None,
    attacker: str | None = None,
    on: str | dt.date | None = None,
    *,
    atop: bool | None = None,
    provider: KnowledgeProvider | None = None,
) -> DefendsReport:
    """Who is obligated to defend ``target`` (against whom), or whom an attack by ``attacker`` would bring in.

    Args:
        target: The state attacked (a name, code or id as a user writes it).
        attacker: The attacking state.
        on: The date (default today).
        atop: ``True`` requires ATOP 5.1, ``False`` leaves it out, ``None`` adds it when its files are here.
        provider: The knowledge provider (default :func:`casus.knowledge.default_provider`, as the CLI).

    Returns:
        A :class:`casus.obligations.defends.DefendsReport`: one group per pledge and target, with the
        obligated states, the attackers it answers, the engine's explanation and sources.

    Raises:
        InvalidInputError: Neither ``target`` nor ``attacker``, or a state outside the system on ``on``.
        UnknownEntityError: An unknown state ("did you mean …").

    >>> import casus
    >>> report = casus.defends(target="Estonia", on="2024-06-25", atop=False)
    >>> nato = next(g for g in report.groups if g.treaty.id == "north-atlantic-1949")
    >>> nato.provision.article, len(nato.obligated), nato.against.kind.value
    ('5', 31, 'non-parties')
    """
    from casus.kb.dates import parse_date
    from casus.obligations.defends import defends_report

    if target is None and attacker is None:
        raise InvalidInputError("give --target STATE or --attacker STATE (or both)")
    kp = _provider(provider)
    when = parse_date(on)
    triads, states, note = _triads(when, atop, kp)
    t = _state(kp, target, states, when, note, "target") if target is not None else None
    a = _state(kp, attacker, states, when, note, "attacker") if attacker is not None else None
    kb = kp.for_date(when, atop)
    return defends_report(kb, triads, states, when, target=t, attacker=a, system_note=note)


def obligation_network(
    on: str | dt.date | None = None,
    *,
    atop: bool | None = None,
    indeterminate: bool = False,
    provider: KnowledgeProvider | None = None,
) -> ObligationNetwork:
    """The network of defence obligations on a date: an edge from each obligated state to each state it defends.

    Args:
        on: The date (default today).
        atop: As for :func:`defends`.
        indeterminate: Also draw the obligations whose answer is only indeterminate.
        provider: As for :func:`defends`.

    >>> import casus
    >>> net = casus.obligation_network("2024-06-25", atop=False)
    >>> any(e.defender == "USA" and e.target == "EST" for e in net.edges)
    True
    """
    from casus.kb.dates import parse_date
    from casus.obligations.defends import obligation_network as network

    when = parse_date(on)
    triads, states, note = _triads(when, atop, _provider(provider))
    return network(triads, states, when, indeterminate=indeterminate, system_note=note)


__all__ = ["DefendsReport", "ObligationNetwork", "clear_cache", "defends", "obligation_network"]
