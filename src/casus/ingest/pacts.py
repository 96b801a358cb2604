"""Which organization or pact: conventions read from the knowledge base rather than from the words.

A founding is an act of the founding parties. "Le pacte Aukus, signé entre les États-Unis, le Royaume-Uni et
l'Australie", "the Shusha Declaration … signed between Azerbaijan and Turkey on June 15, 2021", "Формат QUAD был
инициирован в 2007 году премьером Японии": whoever the sentence names (a president, a prime minister, nobody),
the founding's actors are the states the knowledge base records as members from the organization's first day
(its founding members, or a bilateral pact's parties), added to the states the sentence names. An
organization whose first day the knowledge base gives to fewer than two states keeps only the named ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from casus.ingest.entities import Gazetteer
from casus.ingest.extract import title_of
from casus.ingest.model import ExtractedEvent
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase


def founders(kb: KnowledgeBase, scope: str) -> tuple[str, ...]:
    """The states whose membership of an organization or pact begins on its first recorded day.

    >>> from casus.curated import load_kb
    >>> founders(load_kb(), "aukus")
    ('AUS', 'GBR', 'USA')
    >>> founders(load_kb(), "shusha-2021")
    ('AZE', 'TUR')
    """
    spells = [s for s in kb.spells(scope) if s.start is not None]
    if not spells:
        return ()
    first = min(s.start for s in spells if s.start is not None)
    states = tuple(sorted({s.state for s in spells if s.start == first}))
    return states if len(states) >= 2 else ()


def with_founders(events: Iterable[ExtractedEvent], gaz: Gazetteer) -> list[ExtractedEvent]:
    """Each founding of a known organization or pact with its founding parties among its actors (module doc)."""
    out = []
    for ev in events:
        if ev.type is EventType.FOUNDING and ev.organization:
            parties = founders(gaz.kb, ev.organization)
            actors = tuple(dict.fromkeys((*ev.actors, *parties)))
            if actors != ev.actors:
                ev = replace_actors(ev, actors, gaz)
        out.append(ev)
    return out


def replace_actors(ev: ExtractedEvent, actors: tuple[str, ...], gaz: Gazetteer) -> ExtractedEvent:
    """The event with other actors (and the title that names them); they leave its other mentions."""
    from dataclasses import replace

    mentioned = tuple(m for m in ev.mentioned if m not in actors)
    moved = replace(ev, actors=actors, mentioned=mentioned)
    return replace(moved, title=title_of(moved, gaz))
