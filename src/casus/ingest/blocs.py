"""Blocs as actors: an organization that joins, leaves or founds stands for its member states.

"L'Alliance des États du Sahel a quitté la CEDEAO" is a withdrawal by Burkina Faso, Mali and Niger (the
annotation convention of the real-article sets: a bloc acting in another organization acts through its
member states). The members are those the sentence names when it names some, else the knowledge base's
roster on the date. An organization is never the actor of a change of its own membership ("the CSTO joins
the CSTO" is a misreading), and the states that found an organization are its members the sentence names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from casus.errors import CasusError
from casus.ingest.model import ExtractedEvent, Mention
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase

#: A bloc stands for at most this many members (beyond, naming them all would say nothing).
MAX_BLOC = 8


def roster(kb: KnowledgeBase, org: str, on: dt.date | None) -> tuple[str, ...]:
    """The member states of ``org`` on ``on`` (empty when unknown, or when the date is not known)."""
    if on is None or org not in kb.organizations:
        return ()
    try:
        return kb.members_on(org, on).states()
    except CasusError:
        return ()


def bloc_members(
    kb: KnowledgeBase, bloc: str, mentions: Sequence[Mention], on: dt.date | None
) -> tuple[str, ...] | None:
    """The states a bloc acting in another organization stands for (see module doc); ``None`` if it cannot say.

    >>> from casus.curated import load_kb
    >>> bloc_members(load_kb(), "aes", [], dt.date(2024, 7, 7))
    ('BFA', 'MLI', 'NER')
    """
    members = roster(kb, bloc, on)
    if not members or len(members) > MAX_BLOC:
        return None
    named = tuple(dict.fromkeys(m.ref for m in mentions if m.kind == "state" and m.ref in members))
    return named or tuple(sorted(members))


def founders_named(kb: KnowledgeBase, org: str, mentions: Sequence[Mention], on: dt.date | None) -> tuple[str, ...]:
    """The states a founding sentence names that are members of the organization founded (two at least).

    A leader or an institution names its state ("Президенты Мали, Нигера и Буркина-Фасо подписали хартию").
    """
    members = set(roster(kb, org, on))
    refs = (m.ref if m.kind == "state" else m.state for m in mentions if m.kind in ("state", "person", "government"))
    named = tuple(dict.fromkeys(r for r in refs if r in members))
    return named if len(named) >= 2 else ()


def members_forces(events: Sequence[ExtractedEvent], kb: KnowledgeBase) -> list[ExtractedEvent]:
    """The events without a deployment of states none of which belongs to the organization it is told under.

    "withdrawal of the Azerbaijani troops from the sovereign territory of the Republic of Armenia", in a sentence
    on a CSTO decision (en6-09), and "Belarus, where Russian troops are stationed", in an article on NATO
    (en8-01): an organization's deployment is made by it or by its members; a non-member's troops are no
    alliance event of that organization. A state the knowledge base cannot place (no roster that day) stays.
    """
    return [ev for ev in events if not _outsiders(ev, kb)]


def _outsiders(ev: ExtractedEvent, kb: KnowledgeBase) -> bool:
    if ev.type is not EventType.DEPLOYMENT or not ev.organization or not ev.actors:
        return False
    if not all(a in kb.states for a in ev.actors):
        return False
    members = roster(kb, ev.organization, ev.when.end or ev.when.start)
    return bool(members) and not set(ev.actors) & set(members)


#: Changes of one's own membership: an organization cannot make them in itself.
_OWN_MEMBERSHIP = frozenset({EventType.ACCESSION, EventType.APPLICATION, EventType.WITHDRAWAL})


def not_self_joined(events: Sequence[ExtractedEvent]) -> list[ExtractedEvent]:
    """The events without a membership change whose only actor is the organization it is a change in.

    "NATO Secretary General Jens Stoltenberg said that NATO has become 'bigger and stronger,' before the Swedish
    flag joined 31 other flags" (en9-04) is no accession by NATO to NATO: the organization joins, applies to or
    leaves nothing of its own (a bloc acting in another organization stands for its members, see module doc).
    """
    return [
        ev for ev in events if not (ev.type in _OWN_MEMBERSHIP and ev.organization and ev.actors == (ev.organization,))
    ]
