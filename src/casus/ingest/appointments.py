"""Appointments to an organization's offices ("appointed Secretary General of the CSTO", "nommé").

Also "nommé secrétaire général de l'OTAN", "назначен генеральным секретарём ОДКБ". An ``appointment`` event
names the person (:attr:`~casus.ingest.model.ExtractedEvent.people`), the organization, the office in
:attr:`~casus.ingest.model.ExtractedEvent.claim` (a role id of :data:`casus.ingest.entities.ROLES`:
``secretary_general``) and, as its date, the first day of the term when the sentence gives one ("from 1
January 2026", "с 1 января 2026 года", "à partir du 1er octobre") or else the date of the appointment.
Accepted, it becomes an office-holder of the organization (:mod:`casus.store.offices`). Only offices of
organizations count: a state's ministers and presidents come from ``data/officeholders.csv``, not from news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.entities import ROLES, Gazetteer
from casus.ingest.extract import (
    SentenceReading,
    default_when,
    is_future,
    make_event,
    modality_of,
    pick_when,
    title_of,
)
from casus.ingest.model import ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Sentence, Token
from casus.ingest.temporal import TimeExpression
from casus.kb.events import EventType as T
from casus.kb.states import normalize

#: Words that make the date after them the first day of the term: "from", "à partir du", "с".
_FROM = {
    "en": re.compile(r"(?:from|as of|starting|effective|beginning)\s+(?:on\s+)?$", re.IGNORECASE),
    "fr": re.compile(r"(?:à partir du|à compter du|dès le|à partir de|à compter de)\s+$", re.IGNORECASE),
    "ru": re.compile(r"(?:^|\s)(?:с|со)\s+$", re.IGNORECASE),
}

#: Auxiliaries of a passive appointment, between the person and the verb ("X was appointed", "X a été nommé").
_PASSIVE = frozenset(["was", "has", "been", "is", "had", "a", "été", "est", "fut", "был", "была", "стал"])

#: Offices of an organization (a state's offices are not taken from news).
_ORG_ROLES = frozenset(["secretary_general"])


def _role_at(toks: Sequence[Token], i: int, lang: str) -> tuple[str, int, int] | None:
    """``(role, first, last)`` of an organization's office named within eight tokens after the verb at ``i``."""
    words = [(t.lemma if lang == "ru" else normalize(t.text.replace("-", " "))) for t in toks]
    for a in range(i + 1, min(len(toks), i + 9)):
        for b in range(min(len(toks), a + 4), a, -1):
            phrase = " ".join(w for w in words[a:b] if w)
            role = ROLES[lang].get(phrase)
            if role in _ORG_ROLES:
                return role, a, b
    return None


def _person(sent: Sentence, i: int, span: tuple[int, int], mentions: Sequence[Mention]) -> str | None:
    """Who is appointed: a named person just before a passive verb, or between the verb and the office."""
    toks = sent.tokens
    lo, hi = toks[span[0]].start, toks[span[1] - 1].end
    named = [m for m in mentions if m.kind == "person" and not m.by_role and not (lo <= m.start < hi)]
    named = [m for m in named if not (m.role and m.ref.startswith(f"{m.role} of"))]
    before = [m for m in named if m.end <= toks[i].start]
    if before:
        last = before[-1]
        between = [t.text.lower() for t in toks if last.end <= t.start < toks[i].start]
        if set(between) <= _PASSIVE | {",", "—"}:
            return last.ref
    after = [m for m in named if toks[i].end <= m.start < lo]
    if after:
        return after[0].ref
    k = i - 1
    while k >= 0 and toks[k].text.lower() in _PASSIVE:
        k -= 1
    name: list[str] = []
    while k >= 0 and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        name.insert(0, toks[k].text)
        k -= 1
    return " ".join(name) if 2 <= len(name) <= 4 and k < 0 else None


def _term_start(sent: Sentence, times: Sequence[TimeExpression], lang: str, after: int) -> TimeExpression | None:
    """The date after "from / à partir du / с" following the verb, if any."""
    for t in times:
        if t.start < after or t.when is None:
            continue
        lead = sent.text[max(0, t.start - sent.start - 20) : t.start - sent.start]
        if _FROM[lang].search(lead):
            return t
    return None


def appointment_events(reading: SentenceReading) -> list[ExtractedEvent]:
    """The appointments a sentence reports (usually none)."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    out: list[ExtractedEvent] = []
    for i, tok in enumerate(toks):
        if tok.lemma not in lx.APPOINT[lang] and tok.text.lower() not in lx.APPOINT[lang]:
            continue
        found = _role_at(toks, i, lang)
        if found is None:
            continue
        role, a, b = found
        end = toks[b - 1].end
        orgs = [m for m in mentions if m.start >= tok.end and m.kind in ("organization", "person")]
        org = next((m.organization or m.ref for m in orgs if m.kind == "organization" or m.organization), None)
        org = org or memory.main_org
        person = _person(sent, i, (a, b), mentions)
        if org is None or person is None or org.startswith("unknown:"):
            continue
        start = _term_start(sent, times, lang, end)
        when = start.when if start is not None else pick_when(times, tok.start, memory)
        modality = modality_of(sent, i, lang)
        stage = "considering" if is_future(sent, i, lang, None) and modality is Modality.HYPOTHETICAL else None
        if stage is not None:
            modality = Modality.ASSERTED
        ev = make_event(
            T.APPOINTMENT,
            sent,
            doc_id,
            org=org,
            subject=None,
            target=None,
            mentions=(),
            when=when or default_when(memory),
            modality=modality,
            claim=role,
            gaz=gaz,
            stage=stage,
        )
        out.append(_with_person(ev, person, gaz))
    return out


def _with_person(ev: ExtractedEvent, person: str, gaz: Gazetteer) -> ExtractedEvent:
    """The event with its appointee, and the office in its title."""
    moved = replace(ev, people=(person,))
    return replace(moved, title=f"{title_of(moved, gaz)}: {ev.claim.replace('_', ' ')}")
