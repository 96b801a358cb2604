"""Forces sent under a bilateral pact's article: the deploying party invokes the pact.

"Они были направлены в соответствии со статьей 4 Договора о всеобъемлющем стратегическом партнерстве между
КНДР и Россией", "troops deployed under Article 4 of the treaty", "des troupes envoyées en vertu de l'article
4 du traité": a sentence that tells of forces sent (a deployment verb or noun) and puts them under a pact ("under
/ in accordance with / pursuant to / en vertu de / conformément à / в соответствии с / согласно / на
основании" an article or a treaty) tells the ``invocation`` of that pact by the state that sends them.

Which pact: the treaty the sentence names, or else ("falls under a defense treaty between the two countries")
the knowledge base's bilateral pact whose parties the sentence names. Only bilateral (or small) pacts without
an organization of their own: forces of an organization sent under its treaty answer a member's request, and
that member, not the senders, invokes it (:mod:`casus.ingest.requests`). Who invokes: one of the pact's
parties — the subject of the deployment verb, else the party the sentence names before the verb ("North Korean
troops"), else the one the text spoke of last ("Они" after "Северная Корея подтвердила участие своих войск").

References:
    Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's
    Republic of Korea (Pyongyang, 19 June 2024), Article 4 (military assistance if either party is attacked);
    North Korea confirmed on 28 April 2025 that its troops fought in the Kursk region under it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casus.ingest import lexicon as lx
from casus.ingest.attribution import speaker_ids
from casus.ingest.extract import (
    Discourse,
    SentenceReading,
    default_when,
    find_subject,
    make_event,
    own_dates,
    pick_when,
)
from casus.ingest.foundings import pact_parties
from casus.ingest.model import ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Sentence
from casus.kb.events import EventType as T
from casus.kb.knowledge import KnowledgeBase

#: "under / in accordance with" an article or a treaty, in each language.
#: "under / in accordance with" an article, or a pact named as one of defence or mutual assistance (forces
#: stationed "under the agreement" invoke nothing).
UNDER: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:under|in accordance with|pursuant to|in line with)\s+(?:the\s+|a\s+|its\s+)?"
        r"(?:article|art\.|(?:mutual\s+)?defen[cs]e\s+(?:treaty|pact|agreement)|mutual[- ]assistance)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:conformément|en vertu|au titre|en application)\s+(?:à|au|d[eu]|d['’])\s*(?:l['’]|la\s+|le\s+)?"
        r"(?:article|traité\s+de\s+défense|pacte\s+de\s+défense|accord\s+de\s+défense)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?:в\s+соответствии\s+со?|согласно|на\s+основании)\s+(?:стать|ст\.|договор\w*\s+о\s+взаимн)",
        re.IGNORECASE,
    ),
}

_AGENTS = ("state", "capital", "government", "person")


def _deployment_verb(sent: Sentence, lang: str) -> int | None:
    """The index of a word of sending forces (a deployment trigger's lemma), if the sentence has one."""
    lemmas = {r.lemma for r in lx.RULES[lang] if r.type is T.DEPLOYMENT}
    return next((k for k, t in enumerate(sent.tokens) if t.lemma in lemmas), None)


def _state(m: Mention | None) -> str | None:
    if m is None:
        return None
    return m.state if m.kind == "person" else (m.ref if m.kind in _AGENTS else None)


def _pact(kb: KnowledgeBase, mentions: Sequence[Mention], after: int) -> tuple[str, frozenset[str]] | None:
    """The bilateral pact named after ``after``, else the one whose parties the sentence names."""
    pacts = pact_parties(kb)
    named = next((m.ref for m in mentions if m.start >= after and m.ref in pacts), None)
    if named is not None:
        return named, pacts[named]
    states = {s for s in (_state(m) for m in mentions) if s}
    found = sorted((kb.treaties[t].signed, t) for t, parties in pacts.items() if parties <= states)
    return (found[-1][1], pacts[found[-1][1]]) if found else None


def _invoker(
    sent: Sentence, k: int, mentions: Sequence[Mention], lang: str, memory: Discourse, parties: frozenset[str]
) -> Mention | None:
    """The party that sends the forces (see the module docstring)."""
    subject = find_subject(sent, k, mentions, lang, memory)
    candidates = [subject, *(m for m in mentions if m.start < sent.tokens[k].end)]
    candidates += [memory.last_named_state, memory.last_state, memory.last_person]
    return next((m for m in candidates if _state(m) in parties), None)


def pact_invocations(
    reading: SentenceReading, claims: Sequence[tuple[tuple[int, int], Mention | None]] = ()
) -> list[ExtractedEvent]:
    """The invocation of a bilateral pact that forces sent under it tell (see the module docstring).

    ``claims`` are the sentence's claims with their speakers: inside one, the invocation is the speaker's
    self-report (``reported``) when the speaker is on the invoking party's side, and part of the statement
    only otherwise or when nobody is named.
    """
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    under = UNDER[lang].search(sent.text)
    k = _deployment_verb(sent, lang) if under else None
    if under is None or k is None:
        return []
    at = sent.start + under.start()
    pact = _pact(gaz.kb, mentions, at)
    invoker = _invoker(sent, k, mentions, lang, memory, pact[1]) if pact else None
    if pact is None or invoker is None:
        return []
    told = [who for (a, b), who in claims if a <= at < b]
    if told and (told[0] is None or _state(told[0]) != _state(invoker)):
        return []  # someone else's word, or nobody's
    when = pick_when(own_dates(sent, k, times, lang), sent.tokens[k].start, memory) or default_when(memory)
    return [
        make_event(
            T.INVOCATION,
            sent,
            doc_id,
            org=pact[0],
            subject=invoker,
            target=None,
            mentions=mentions,
            when=when,
            modality=Modality.REPORTED if told else Modality.ASSERTED,
            gaz=gaz,
            speakers=speaker_ids(told[0]) if told else (),
        )
    ]
