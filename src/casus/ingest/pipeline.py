"""The ingestion pipeline: a document in, its events and sourcing signals out; many documents into a store.

:func:`analyze` is the pure part (text → :class:`~casus.ingest.model.Analysis`); :func:`ingest` reads
sources (files, URL lists, URLs, standard input), skips documents the store already holds (by content hash:
re-ingesting is a no-op that loads no language model) and writes the rest, each in one transaction.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from casus.errors import SourceFormatError, StoreError, TimeBudgetError
from casus.ingest import lexicon as lx
from casus.ingest import nlp
from casus.ingest.absences import date_absences
from casus.ingest.attribution import attribute, attributing_speaker, headline_speaker
from casus.ingest.blocs import members_forces, not_self_joined
from casus.ingest.documents import Fetcher, build_document, expand_sources, read_document
from casus.ingest.entities import ROLE_ONLY, SOME_STATE, Gazetteer, gazetteer
from casus.ingest.extract import Discourse, SentenceReading, title_of, told_ahead
from casus.ingest.invocations import names_article
from casus.ingest.model import UNKNOWN_ORG, Analysis, Document, Evidence, ExtractedEvent, Mention, Modality, Precision
from casus.ingest.pacts import pacts_by_parties, with_founders
from casus.ingest.proposer import Sentences, load_proposer, proposed_signals
from casus.ingest.proposer import propose as propose_events
from casus.ingest.ranking import held_signals, hold_back
from casus.ingest.sentences import sentence_events
from casus.ingest.signals import assess
from casus.ingest.summits import align_summits, founded_at_summit
from casus.ingest.temporal import TimeExpression, find_dates, undated
from casus.ingest.unknown import defined_acronyms, known_by_acronym, long_names
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase

if TYPE_CHECKING:
    from casus.store.events import EventStore

_MAIN = "@main"


def _settle(
    m: Mention, main: str | None, gaz: Gazetteer, on: dt.date | None, state: str | None = None
) -> Mention | None:
    """Replace the placeholders: the article's main organization, and the state an institution stands for.

    ``state`` is the state named last before the mention ("Uzbekistan…, the ministry said"), if any.
    """
    if m.ref == SOME_STATE:
        return replace(m, ref=state) if state else None
    if m.state == SOME_STATE:
        if not state:
            return None
        ref = m.ref
        if m.role and ref.startswith(f"{m.role} of"):
            ref = gaz.holder(state, m.role, on) or f"{m.role} of {state}"
        return replace(m, state=state, ref=ref)
    if m.ref == _MAIN:
        return replace(m, ref=main) if main else None
    if m.organization == _MAIN:
        if not main:
            return replace(m, organization=None)
        ref = m.ref
        if m.role and ref.startswith(f"{m.role} of"):
            ref = gaz.holder(main, m.role, on) or f"{m.role} of {main}"
        return replace(m, organization=main, ref=ref)
    return m


#: A dateline opening a paragraph: "VLADIVOSTOK, Russia (Sputnik) -", "YEREVAN, June 12 (Reuters) –".
_DATELINE = re.compile(r"\s*[A-ZА-ЯЁ][A-ZА-ЯЁ'’. -]{2,30},\s+[^,.()\n]{2,40}?\s*\([^)\n]{2,40}\)\s*[-–—]")


def _off_dateline(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """A sentence's mentions without those of the dateline opening it: the place it was filed from acts in nothing.

    >>> ru = Mention(13, 19, "Russia", "state", "RUS")
    >>> _off_dateline([ru], "VLADIVOSTOK, Russia (Sputnik) - Laos wants to join the SCO", 0)
    []
    """
    found = _DATELINE.match(text)
    if found is None:
        return mentions
    end = offset + found.end()
    return [m for m in mentions if m.start >= end]


def _settle_all(
    raw: Sequence[Mention], main: str | None, gaz: Gazetteer, on: dt.date | None, memory: Discourse
) -> list[Mention]:
    """Settle a sentence's mentions in order; an institution with no state takes the one named last.

    Named by its name, not by a nationality adjective: "les avions russes … le gouvernement a décidé" (the
    Estonian prime minister's words) is Estonia's government, the state the article named before.

    A generic organization word right before an organization's name is dropped: the name says which.
    """
    out: list[Mention] = []
    named = memory.last_named_state or memory.last_state  # "le gouvernement" after "les avions russes": not Russia's
    last = named.ref if named else None
    holder = memory.last_person
    for k, m in enumerate(raw):
        if m.ref.startswith(ROLE_ONLY):
            if holder is not None and holder.role == m.role:  # "— написал премьер" after "премьер-министр … Михал"
                out.append(replace(holder, start=m.start, end=m.end, text=m.text))
            continue
        after = raw[k + 1] if k + 1 < len(raw) else None
        if m.ref == _MAIN and after is not None and after.kind == "organization" and 0 <= after.start - m.end <= 20:
            continue  # "l'organisation ouest-africaine CEDEAO": the generic word stands for the name after it
        settled = _settle(m, main, gaz, on, last)
        if settled is None:
            continue
        out.append(settled)
        holder = settled if settled.kind == "person" else holder
        if settled.kind in ("capital", "government") or (settled.kind == "state" and settled.text[:1].isupper()):
            last = settled.ref
    return out


#: Distinct claims joined into a merged event's claim (a long document can repeat one event thousands of times).
_MAX_CLAIMS = 20


def merge_events(events: Iterable[ExtractedEvent]) -> list[ExtractedEvent]:
    """Merge events with the same :meth:`~ExtractedEvent.key`, keeping all their evidence.

    Confidence combines as a noisy-or of the reports (two independent 0.6 reports give 0.84), capped at 0.99.
    One pass with a set of the quotes seen per event: linear in the number of reports, however often a long
    document repeats one event.
    """
    groups: dict[tuple[object, ...], list[ExtractedEvent]] = {}
    for ev in events:
        groups.setdefault(ev.key(), []).append(ev)
    out: list[ExtractedEvent] = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        evidence: list[Evidence] = []
        seen: set[tuple[str, int, int]] = set()
        claims: list[str] = [first.claim] if first.claim else []
        mentioned: dict[str, None] = {}
        speakers: dict[str, None] = {}
        members = first.members
        for ev in group:
            for e in ev.evidence:
                if (e.document, e.start, e.end) not in seen:
                    seen.add((e.document, e.start, e.end))
                    evidence.append(e)
            if ev.claim and len(claims) < _MAX_CLAIMS and not any(ev.claim in c for c in claims):
                claims.append(ev.claim)  # the quotes themselves all stay in the evidence
            mentioned.update(dict.fromkeys(ev.mentioned))
            speakers.update(dict.fromkeys(ev.speakers))
            members = members or ev.members
        miss = 1.0
        for e in evidence:
            miss *= 1 - e.confidence
        out.append(
            replace(
                first,
                evidence=tuple(evidence),
                claim=" … ".join(claims).strip(" …"),
                confidence=round(min(0.99, max(first.confidence, 1 - miss)), 3),
                mentioned=tuple(mentioned),
                members=members,
                speakers=tuple(speakers),
            )
        )
    return out


def fold_undated(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Fold an undated event into the one dated event of a document that is otherwise the same.

    A headline ("Armenia freezes its CSTO participation") and the sentence that dates the act ("on Thursday")
    report one event; two dated candidates leave the undated one alone. A deployment told without date or
    destination ("the deployment of SAMIDRC aligns with …") folds likewise into the one dated report of it,
    whatever its destination. A membership change folds only into the same step of it: the accession itself
    ("Иран вступил в ШОС") is not the signing of its memorandum that the next sentence dates.
    """

    def loose(ev: ExtractedEvent, target: bool = True) -> tuple[object, ...]:
        k = ev.key()
        step = ev.stage if ev.type in lx.MEMBERSHIP_TYPES else None  # "Иран вступил" is not the memorandum's signing
        return (k[0], k[1], k[2], k[4] if target else "", k[7], ev.phase, ev.extra.get("body"), step)  # troika's summit

    result = list(events)
    dated: dict[tuple[object, ...], list[int]] = {}
    for k, ev in enumerate(result):
        if ev.when.start is not None:
            dated.setdefault(loose(ev), []).append(k)
            if ev.type is EventType.DEPLOYMENT and ev.target:
                dated.setdefault(loose(ev, target=False), []).append(k)
    dropped: set[int] = set()
    folded: dict[int, list[ExtractedEvent]] = {}
    for k, ev in enumerate(result):
        if ev.when.start is not None:
            continue
        candidates = [
            j
            for j in dated.get(loose(ev), [])
            if (ev.type is not EventType.STATEMENT or set(ev.people) <= set(result[j].people))
            and not _other_members(ev, result[j])
        ]
        if len(candidates) == 1:
            j = candidates[0]
            folded.setdefault(j, [result[j]]).append(replace(ev, when=result[j].when, target=result[j].target))
            dropped.add(k)
    for j, group in folded.items():
        result[j] = merge_events(group)[0]
    return [ev for k, ev in enumerate(result) if k not in dropped]


def _other_members(ev: ExtractedEvent, other: ExtractedEvent) -> bool:
    """Whether two events name different states as members: two suspensions, not one.

    "The African Union (AU) has officially lifted its suspension of Gabon" and "Mali, Burkina Faso, Guinea, and
    Niger—remain suspended from the AU" (en11-07): the undated one does not fold into the dated one.
    """
    return bool(ev.members and other.members and not set(ev.members) & set(other.members))


def fold_untargeted(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Fold a deployment told without its destination into the one report of it, otherwise the same, that names it.

    "West African countries ordered the standby forces readied" and "the chiefs of staff are ordered to ready
    the standby forces … to restore constitutional order in Niger" (ru6-12) are one deployment being
    considered, to Niger; two destinations leave the report without one alone.
    """

    def loose(ev: ExtractedEvent) -> tuple[object, ...]:
        k = ev.key()
        return (*k[:4], *k[5:])

    aimed: dict[tuple[object, ...], list[int]] = {}
    for k, ev in enumerate(events):
        if ev.type is EventType.DEPLOYMENT and ev.target:
            aimed.setdefault(loose(ev), []).append(k)

    def host(ev: ExtractedEvent, dropped: set[int]) -> int | None:
        targets = aimed.get(loose(ev), []) if ev.type is EventType.DEPLOYMENT and not ev.target else []
        return targets[0] if len(targets) == 1 else None

    return _fold_into(events, host, lambda ev, into: replace(ev, target=into.target))


def _fold_into(
    events: list[ExtractedEvent],
    host: Callable[[ExtractedEvent, set[int]], int | None],
    adopt: Callable[[ExtractedEvent, ExtractedEvent], ExtractedEvent],
) -> list[ExtractedEvent]:
    """Merge each event ``host`` finds a home for into that event (as ``adopt`` makes it fit), dropping it.

    The one mechanism of the folds of a report told twice (without its destination, without its actor):
    ``host`` gets the event and the positions already folded away, ``adopt`` the event and its host.
    """
    result = list(events)
    dropped: set[int] = set()
    for k, ev in enumerate(events):
        j = host(ev, dropped)
        if j is not None:
            result[j] = merge_events([result[j], adopt(ev, result[j])])[0]
            dropped.add(k)
    return [ev for k, ev in enumerate(result) if k not in dropped]


def fold_actorless(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Fold a deployment read without an actor into the report of the same organization's deployment that has one.

    "ce qui a poussé au déploiement du contingent" after "le contingent de l'OTSC … qui a été envoyé … le 6
    janvier" (fr7-08), "ce déploiement permettra" after "la CEDEAO va activer sa force en attente" (fr6-08):
    the bare noun refers back to the deployment the article tells, not to another one. It folds into the first
    report of that organization's deployment with an actor, the end of a deployment only into an end, when
    the periods share a day; a period of its own apart from every such report leaves it alone.
    """

    def host(ev: ExtractedEvent, dropped: set[int]) -> int | None:
        if ev.type is not EventType.DEPLOYMENT or ev.actors or not ev.organization:
            return None
        return next((j for j, o in enumerate(events) if j not in dropped and _same_deployment(ev, o)), None)

    return _fold_into(events, host, lambda ev, into: replace(ev, actors=into.actors, when=into.when))


def own_forces(events: list[ExtractedEvent], gaz: Gazetteer) -> list[ExtractedEvent]:
    """A deployment of a named organization still without an actor once folded is that organization's own.

    "The force was first deployed in the violence-plagued region in November last year" (the East African
    Community's force), "le rapatriement des soldats de la Force de l'EAC s'est poursuivi": forces an
    organization sends or withdraws are its deployment, the organization the actor (set 6's decision 26); a
    treaty without an organization names no one who sends forces, so it stays without.
    """
    return [
        replace(ev, actors=(ev.organization,), title=title_of(replace(ev, actors=(ev.organization,)), gaz))
        if ev.type is EventType.DEPLOYMENT
        and not ev.actors
        and not ev.people
        and ev.organization is not None
        and (ev.organization in gaz.kb.organizations or ev.organization.startswith(UNKNOWN_ORG))
        else ev
        for ev in events
    ]


def _same_deployment(bare: ExtractedEvent, other: ExtractedEvent) -> bool:
    """Whether ``other`` is a deployment by someone of the organization ``bare`` names, at a shared time."""
    if other.type is not EventType.DEPLOYMENT or not other.actors or other.organization != bare.organization:
        return False
    return (bare.phase == "end") == (other.phase == "end") and bare.when.overlaps(other.when)


#: Acts whose place is not what they are about: a membership change, and a founding (fr8-01: NATO's founding
#: told "face à l'Union soviétique" and again without a place is one founding).
_PLACELESS = lx.MEMBERSHIP_CHANGES | {EventType.FOUNDING}


#: Stages that tell a membership change as intended, not done (a plain act folds into them).
_INTENTIONS = frozenset(["considering", "threatening"])


def fold_membership(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One document's reports of one membership change are one event, whatever their targets.

    "Sweden joins NATO …, as war in Ukraine prompts security rethink" and "Sweden became the 32nd member of NATO
    today … at a ceremony in Washington" are one accession (the places are where it was told or done, not what
    it is about): reports that differ only in their target merge, keeping the first target. And an undated,
    unstaged act the same document tells as an intention ("Армения объявила о выходе из ОДКБ" over "Пашинян
    заявил, что Армения выйдет из ОДКБ") is that intention, said more briefly: it folds into it; not into a
    step of it ("Иран вступил в ШОС" is not the signing of its memorandum a year before). A founding's
    reports merge across targets too.
    """
    staged = {
        (ev.type, ev.organization, frozenset(ev.actors))
        for ev in events
        if ev.type in lx.MEMBERSHIP_CHANGES and ev.stage in _INTENTIONS
    }
    groups: dict[tuple[object, ...], list[ExtractedEvent]] = {}
    order: list[ExtractedEvent | tuple[object, ...]] = []
    for ev in events:
        if ev.type not in _PLACELESS:
            order.append(ev)
            continue
        plain = ev.stage is None and ev.when.start is None and ev.modality is Modality.ASSERTED
        if plain and (ev.type, ev.organization, frozenset(ev.actors)) in staged:
            continue  # the headline's "announced its exit" of an exit the body says is planned
        k = ev.key()
        loose = (*k[:4], *k[5:])
        if loose not in groups:
            order.append(loose)
        groups.setdefault(loose, []).append(ev)
    out = []
    for item in order:
        if isinstance(item, ExtractedEvent):
            out.append(item)
            continue
        group = groups[item]
        out.append(merge_events([replace(ev, target=group[0].target) for ev in group])[0])
    return out


#: CPU seconds one document's analysis may take before it is refused (``None``: no limit). CPU time, not
#: wall time, so that a busy machine does not refuse what an idle one reads; loading the models is not counted.
TIME_BUDGET = 30.0

#: Sentences parsed per batch; the time budget is checked between batches.
_BATCH = 64


_warm_up = functools.cache(nlp.warm_up)


class _Deadline:
    """The process CPU time a document's analysis must be done by; :meth:`check` raises once it has passed."""

    def __init__(self, origin: str, budget: float | None) -> None:
        self.origin, self.budget = origin, budget
        self.at = None if budget is None else time.process_time() + budget

    def check(self) -> None:
        if self.at is not None and time.process_time() > self.at:
            raise TimeBudgetError(
                self.origin,
                f"analysis took longer than its {self.budget:g} CPU-second budget; nothing of it was stored — split "
                "the document, or raise the budget (`casus ingest --time-budget SECONDS`)",
            )


#: "Currently" describes a state ("the CSTO currently comprises…"), not the day of a neighbour's event.
_STATE_NOW = frozenset(
    [
        "currently",
        "at present",
        "at the moment",
        "actuellement",
        "à présent",
        "à l'heure actuelle",
        "сейчас",
        "в настоящее время",
        "на сегодняшний день",
    ]
)


#: A verb of saying and its complementizer before a date: the date is the claimed event's ("He claims that on
#: the morning of September 19, three Russian MiG-31 fighter jets invaded"), not one a neighbour may borrow.
_CLAIMED = re.compile(
    r"\b(?:claims?|claimed|says|said|alleges?|alleged)\s+that\b|"
    r"\b(?:affirme|assure|prétend|a\s+affirmé|a\s+assuré|a\s+prétendu)\s+qu|"
    r"(?:утверждает|утверждал|утверждают|заявляет|заявил|заявила)\s*,\s*что\b",
    re.IGNORECASE,
)


def _within(times: Sequence[TimeExpression], starts: Sequence[int], s: int, e: int) -> Sequence[TimeExpression]:
    """The date expressions (sorted, ``starts`` their offsets) that start between offsets ``s`` and ``e``."""
    return times[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]


def _neighbour_when(
    text: str, spans: Sequence[tuple[int, int]], times: Sequence[TimeExpression], starts: Sequence[int], k: int
) -> TimeExpression | None:
    """An explicit date in the sentence before or after sentence ``k``, in the same paragraph.

    The headline's neighbour is the lead. It dates an event its own sentence leaves undated ("On Saturday,
    Tokayev asked the CSTO for help. The bloc agreed to send troops."), rather than "on or before
    publication". Only a single day or month, and only when that sentence has exactly one such date ("hier,
    dimanche" is one day told twice). The
    expression is returned whole: an event told in the future takes its forward resolution.
    """

    def single(j: int) -> TimeExpression | None:
        s, e = spans[j]
        found = times[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
        days = [
            t
            for t in found
            if t.when is not None
            and t.when.precision in (Precision.DAY, Precision.MONTH)
            and t.when.text.lower() not in _STATE_NOW
            and not _CLAIMED.search(text[s : t.start])  # "He claims that on the morning of September 19, …"
            and not t.since  # "находились … с 10 ноября 2020 года": when a state began
        ]
        return days[0] if len({(t.when.start, t.when.end) for t in days if t.when}) == 1 else None

    for j in (k - 1, k + 1):
        if not 0 <= j < len(spans):
            continue
        a, b = (spans[j][1], spans[k][0]) if j < k else (spans[k][1], spans[j][0])
        if text[a:b].count("\n") > 1 and min(j, k) != 0:
            continue  # another paragraph (the headline and the lead go together)
        found = single(j)
        if found is not None:
            return found
    return None


def _sentence_events(reading: SentenceReading, following: tuple[str, Sequence[Mention]] | None) -> list[ExtractedEvent]:
    """A sentence's events, told by the speaker its headline or the ``following`` sentence names (see attribution)."""
    sent = reading.sent
    speaker = headline_speaker(sent.text, sent.start, reading.mentions)
    if speaker is not None:
        reading = replace(reading, mentions=[m for m in reading.mentions if m is not speaker])
    elif following is not None:
        speaker = attributing_speaker(following[0], following[1], reading.lang)
    found = sentence_events(reading)
    return found if speaker is None else attribute(found, speaker, reading.gaz)


def _remember(memory: Discourse, mentions: Sequence[Mention], text: str) -> None:
    """What a sentence leaves for the next ones to refer back to: the last person, state, named state, article."""
    memory.article_before = names_article(text)  # "Article 4 allows… It was recently invoked by Poland"
    people = [m for m in mentions if m.kind == "person"]
    if people:
        memory.last_person = people[-1]
    states = [m for m in mentions if m.kind in ("state", "capital", "government")]
    if states:
        memory.last_state = states[-1]
    named = [m for m in states if m.text[:1].isupper()]  # "le pays balte" is Estonia, not "(appareils) russes"
    if named:
        memory.last_named_state = named[-1]
    joining = (EventType.ACCESSION, EventType.APPLICATION)
    joined = {a for ev in memory.events[-4:] if ev.type in joining for a in ev.actors}
    members = [m for m in named if m.ref in joined]
    if members:
        memory.last_member = members[-1]  # what "the Nordic nation" of a later accession stands for
    listed = tuple(dict.fromkeys(m.ref for m in named if m.kind == "state"))
    if len(listed) >= 2:
        memory.last_list = listed  # what "les trois pays", "these countries" refer back to


def _find_mentions(
    doc: Document,
    spans: Sequence[tuple[int, int]],
    parsed: dict[int, nlp.Sentence],
    gaz: Gazetteer,
    deadline: _Deadline,
) -> tuple[list[list[Mention]], str | None]:
    """Every sentence's raw mentions, and the article's main organization (the one it names most).

    A pact named by its parties is resolved in its sentence but does not count towards the main organization.
    """
    text, lang, pub = doc.text, doc.lang, doc.published
    raw: list[list[Mention]] = []
    counts: Counter[str] = Counter()
    named: list[str] = []  # states named so far, for a pact named "with" one of them
    acronyms = defined_acronyms(text)
    for k, (s, e) in enumerate(spans):
        persons = parsed[k].persons if k in parsed else ()
        tokens = nlp.simple_tokens(text[s:e], s)
        names = gaz.find(tokens, lang, main_org=_MAIN, on=pub, persons=persons, text=text, acronyms=acronyms)
        counts.update(m.ref for m in names if m.kind == "organization" and m.ref != _MAIN)
        raw.append(pacts_by_parties(tokens, names, lang, gaz, pub, named))
        named += [m.ref for m in names if m.kind in ("state", "capital") and m.ref != SOME_STATE]
        if k % _BATCH == 0:
            deadline.check()
    raw, counts = _one_name_each(raw, counts, lang, text)
    return raw, _main_organization(counts)


def _main_organization(counts: Counter[str]) -> str | None:
    """The organization an article names most; at equal counts a known one before one the KB does not know.

    "LA HAYE, le 25 juin 2025, (WAM) — Les dirigeants de l'OTAN…": the news agency's acronym, named as often
    as NATO, is not what "ses alliés" refers to.

    >>> _main_organization(Counter({"unknown:WAM": 1, "nato": 1}))
    'nato'
    """
    if not counts:
        return None
    return max(counts, key=lambda ref: (counts[ref], not ref.startswith(UNKNOWN_ORG)))


def _one_name_each(
    raw: list[list[Mention]], counts: Counter[str], lang: str, text: str
) -> tuple[list[list[Mention]], Counter[str]]:
    """One ref for each organization named several ways.

    An unknown organization named in full and by the acronym the article defines is kept under the acronym;
    an acronym defined for a known organization is that organization (:func:`~casus.ingest.unknown.known_by_acronym`).
    """
    orgs = [(m.text, m.ref) for ms in raw for m in ms if m.kind == "organization"]
    same = long_names(orgs, lang) | {k: v for ms in raw for k, v in known_by_acronym(ms, text).items()}
    if not same:
        return raw, counts
    raw = [[replace(m, ref=same[m.ref]) if m.kind == "organization" and m.ref in same else m for m in ms] for ms in raw]
    merged: Counter[str] = Counter()
    for ref, n in counts.items():
        merged[same.get(ref, ref)] += n
    return raw, merged


def analyze(
    doc: Document, kb: KnowledgeBase | None = None, *, budget: float | None = TIME_BUDGET, **options: bool | None
) -> Analysis:
    """Read one document: entity mentions, events (merged within the document) and sourcing signals.

    Every step is linear in the length of the text (sentences longer than
    :data:`~casus.ingest.nlp.MAX_SENTENCE_CHARS` are cut), and the analysis stops with
    :class:`~casus.errors.TimeBudgetError` once it has run for ``budget`` seconds.

    Args:
        doc: The document.
        kb: Knowledge base entities resolve against (the built-in one by default).
        budget: CPU seconds the analysis may take, models loaded (``None``: no limit).
        options: ``ranked`` (default true): score every core event with the learned event scorer
            (:mod:`casus.ingest.ranking`): its confidence becomes the model's probability, and those under the
            model's threshold are held back (:attr:`Analysis.held_back`, with a ``held_back`` signal each);
            ``False``: every candidate the rules read, with the rules' confidence (what the scorer is trained
            on). ``propose``: add the events
            the learned proposer (:mod:`casus.ingest.proposer`) reads where the rules read nothing of their
            type, each with a ``proposed`` signal (default ``None``: as the shipped model's ``enabled`` says).

    Raises:
        MissingExtraError: The ``[ingest]`` extra is not installed.
        TimeBudgetError: The analysis overran ``budget``.
    """
    if kb is None:
        from casus.curated import load_kb

        kb = load_kb()
    gaz = gazetteer(kb)
    _warm_up(doc.lang)
    deadline = _Deadline(doc.origin, budget)
    pub = doc.published  # None: relative dates stay unresolved (a `no_date` signal says so), never today's
    text, lang = doc.text, doc.lang
    spans = nlp.split_sentences(text)
    times = find_dates(text, lang, pub)  # sorted by start
    starts = [t.start for t in times]
    deadline.check()
    pattern = lx.prefilter(lang)
    candidates = [k for k, (s, e) in enumerate(spans) if pattern.search(lx.fold(text[s:e]))]
    parsed: dict[int, nlp.Sentence] = {}
    for b in range(0, len(candidates), _BATCH):
        batch = candidates[b : b + _BATCH]
        parsed.update(
            zip(batch, nlp.parse(lang, [(spans[k][0], text[spans[k][0] : spans[k][1]]) for k in batch]), strict=True)
        )
        deadline.check()
    raw, main = _find_mentions(doc, spans, parsed, gaz, deadline)
    memory = Discourse(main, pub)
    events: list[ExtractedEvent] = []
    all_mentions: list[Mention] = []
    for k, (s, e) in enumerate(spans):
        mentions = _off_dateline(_settle_all(raw[k], main, gaz, pub, memory), text[s:e], s)
        all_mentions += mentions
        if k % _BATCH == 0:
            deadline.check()
        if k in parsed and not text[s:e].rstrip().endswith("?"):  # a question asserts nothing
            sent_times = told_ahead(parsed[k], _within(times, starts, s, e), lang)
            unresolved = any(t.unresolved for t in sent_times)
            near = None if unresolved else _neighbour_when(text, spans, times, starts, k)
            memory.neighbour_when = near.when if near else None
            memory.neighbour_future = near.future if near else None
            following = None
            if k + 1 < len(spans):
                nxt = text[spans[k + 1][0] : spans[k + 1][1]]
                following = (nxt, _settle_all(raw[k + 1], main, gaz, pub, memory))
            reading = SentenceReading(parsed[k], lang, mentions, sent_times, memory, doc.id, gaz)
            found = _placed(_sentence_events(reading, following), k, near, sent_times)
            events += found
            memory.events += found
            explicit = [t.when for t in sent_times if t.when is not None and t.explicit]
            if explicit:
                memory.last_when = explicit[-1]
        else:
            memory.last_statement = None
        _remember(memory, mentions, text[s:e])
    found = _across_sentences(events, lang, pub, gaz)
    found += _proposed(doc, found, (spans, all_mentions, times, parsed), gaz, options.get("propose"))
    analysis = Analysis(doc, tuple(found), (*assess(doc), *proposed_signals(found)), tuple(all_mentions))
    return _ranked(analysis, kb) if options.get("ranked", True) is not False else analysis


def _across_sentences(
    events: list[ExtractedEvent], lang: str, pub: dt.date | None, gaz: Gazetteer
) -> list[ExtractedEvent]:
    """The sentences' events settled against each other: dates beside, founders, folds, missions, applications."""
    found = missions_beside_ends(_folded(_with_rules(with_founders(undated_beside(events, pub), gaz)), gaz), gaz, pub)
    return applications_named(found, lang, pub, gaz)


def _with_rules(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Events with the rule family that read them (``founders`` for those :func:`with_founders` added)."""
    return [ev if "rule" in ev.extra else replace(ev, extra={**ev.extra, "rule": "founders"}) for ev in events]


def _proposed(
    doc: Document,
    found: list[ExtractedEvent],
    read: tuple[Sequence[tuple[int, int]], Sequence[Mention], Sequence[TimeExpression], dict[int, nlp.Sentence]],
    gaz: Gazetteer,
    propose: bool | None,
) -> list[ExtractedEvent]:
    """The events the learned proposer adds (types the rules read nothing of), titled like the rules' events.

    ``read``: the sentences' spans, the mentions, the dates and the parsed sentences; ``propose``: ``None`` as the
    model file says.
    """
    if not (load_proposer().enabled if propose is None else propose):
        return []
    sents = Sentences.of(*read)
    return [
        replace(ev, title=f"{title_of(ev, gaz)} (proposed by the model)")
        for ev in propose_events(doc, sents, found, load_proposer())
    ]


def applications_named(
    events: list[ExtractedEvent], lang: str, published: dt.date | None, gaz: Gazetteer
) -> list[ExtractedEvent]:
    """Events, with the application a ratification step names as existing: undated, asserted, once per state.

    "The Hungarian parliament has ratified Sweden's application for NATO membership" (en10-03), "Парламент Турции
    … одобрил заявку Швеции на вступление в НАТО" (ru10-12): Sweden's application is named in passing (set 10's
    decision 112, the latest on it, after set 5's decision 14), beside the ratification that approves it. The
    applicant is the first state the ratification concerns (not "la candidature de Helsinki … après celui de la
    Hongrie", nor "Russia's invasion of Ukraine" after it); a state with an application in the article has it.
    """
    applied = {a for ev in events if ev.type is EventType.APPLICATION for a in ev.actors}
    out = list(events)
    for ev in events:
        if ev.type is not EventType.ACCESSION or ev.stage != "ratification":
            continue
        quotes = " ".join(e.quote.lower() for e in ev.evidence)
        if not any(noun in quotes for noun in lx.APPLICATION_NOUNS.get(lang, ())):
            continue
        states = tuple(s for s in ev.mentioned[:1] if s not in applied and s not in ev.actors and len(s) == 3)
        if not states:
            continue
        applied.update(states)
        bid = replace(ev, type=EventType.APPLICATION, actors=states, mentioned=(), people=(), speakers=(), stage=None)
        bid = replace(bid, modality=Modality.ASSERTED, when=undated(published), target=None)
        out.append(replace(bid, title=title_of(bid, gaz)))
    return out


def undated_beside(events: list[ExtractedEvent], published: dt.date | None) -> list[ExtractedEvent]:
    """A deployment's phase dated by the neighbour sentence's date that dates the other phase there is undated.

    "The East African Community regional force has begun its withdrawal from the Democratic Republic of Congo …
    The force was first deployed … in November last year": November 2022 is when the force came, not when it
    left. A date the neighbour's own deployment carries belongs to it.
    """
    told = {
        (ev.extra.get("sentence"), ev.when, ev.phase)
        for ev in events
        if ev.type is EventType.DEPLOYMENT and not ev.extra.get("neighbour_date")
    }

    def other_phase_there(ev: ExtractedEvent) -> bool:
        k, other = ev.extra.get("sentence"), "start" if ev.phase == "end" else "end"
        return isinstance(k, int) and any((j, ev.when, other) in told for j in (k - 1, k + 1))

    return [
        replace(ev, when=undated(published), extra={**ev.extra, "neighbour_date": False})
        if ev.type is EventType.DEPLOYMENT and ev.extra.get("neighbour_date") and other_phase_there(ev)
        else ev
        for ev in events
    ]


def missions_beside_ends(
    events: list[ExtractedEvent], gaz: Gazetteer, published: dt.date | None
) -> list[ExtractedEvent]:
    """An organization's contingent whose withdrawal the article tells, and whose sending it does not, was sent.

    "Завтра начинается организованный вывод миротворческого контингента ОДКБ" (ru10-08): the contingent
    withdrawn is named as deployed, an undated deployment of the organization beside the end (set 10's decision
    94, as en8-05 and fr8-03 label both). Only where the withdrawal's quote names the forces as a contingent or
    peacekeepers (:data:`~casus.ingest.lexicon.MISSION_FORCES`): a mandate ended ("a mis fin au mandat de sa
    mission", fr6-02) or "the withdrawal of forces" names no mission told as sent.
    """
    sent = {ev.organization for ev in events if ev.type is EventType.DEPLOYMENT and ev.phase != "end"}
    added = [
        replace(ev, claim="", stage=None, when=undated(published), extra={**ev.extra, "rule": "mission_beside_end"})
        for ev in events
        if ev.type is EventType.DEPLOYMENT
        and ev.phase == "end"
        and ev.organization is not None
        and ev.actors == (ev.organization,)
        and ev.organization not in sent
        and ev.modality in (Modality.ASSERTED, Modality.REPORTED)  # "можно начинать вывод": no mission told as sent
        and any(w in q.quote.lower() for q in ev.evidence for w in lx.MISSION_FORCES)
    ]
    return events + [replace(ev, title=title_of(ev, gaz)) for ev in merge_events(added)]


def _folded(events: list[ExtractedEvent], gaz: Gazetteer) -> list[ExtractedEvent]:
    """A document's events merged and folded: one event per act told, actorless forces given their owner."""
    merged = merge_events(founded_at_summit(date_absences(align_summits(merge_events(events)))))
    folded = own_forces(fold_actorless(fold_untargeted(fold_membership(fold_undated(merged)))), gaz)
    return not_self_joined(members_forces(folded, gaz.kb))


def _ranked(analysis: Analysis, kb: KnowledgeBase) -> Analysis:
    """The analysis with its core events scored by the learned event scorer, those under its threshold held back."""
    kept, held = hold_back(analysis.events, analysis.document, kb, mentions=analysis.mentions)
    return replace(analysis, events=kept, signals=(*analysis.signals, *held_signals(held)), held_back=held)


def _placed(
    found: Sequence[ExtractedEvent], k: int, near: TimeExpression | None, sent_times: Sequence[TimeExpression]
) -> list[ExtractedEvent]:
    """A sentence's events with where they were read: the sentence's index, and whether a neighbour dated them."""
    own = {t.when for t in sent_times if t.when is not None}
    borrowed = {near.when, near.future} - {None} - own if near is not None else set()
    return [replace(ev, extra={**ev.extra, "sentence": k, "neighbour_date": ev.when in borrowed}) for ev in found]


def analyze_text(
    text: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    origin: str = "<text>",
    ranked: bool = True,
) -> Analysis:
    """Analyze an article given as a string.

    >>> a = analyze_text("Armenia froze its participation in the CSTO last week.", lang="en",
    ...                  published=dt.date(2024, 2, 28))
    >>> [(e.type.value, e.actors, e.organization, str(e.when.start)) for e in a.events]
    [('suspension', ('ARM',), 'csto', '2024-02-19')]
    """
    return analyze(build_document(text.encode("utf-8"), origin, lang=lang, published=published), kb, ranked=ranked)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one source.

    Attributes:
        origin: Path, URL or ``-``.
        document: The document (``None`` when it was refused).
        new: False when the store already held the document, or it was refused (nothing was written).
        events: Events stored for this document (new or merged), as the store holds them.
        signals: The document's sourcing signals.
        error: Why the source was refused (one line: fetch failure, too large, over its time budget…), or ``""``.
    """

    origin: str
    document: Document | None
    new: bool
    events: tuple[ExtractedEvent, ...]
    signals: tuple[object, ...]
    error: str = ""


def ingest(
    sources: Sequence[str],
    store: EventStore,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    fetch: Fetcher | None = None,
    stdin: bytes | None = None,
    budget: float | None = TIME_BUDGET,
) -> list[IngestResult]:
    """Read, analyze and store articles; documents already in the store are not analyzed again.

    Args:
        sources: File paths, http(s) URLs, URL-list files, or ``-`` (then ``stdin`` holds the bytes).
        store: The event store to write to.
        lang: Force the language (else detected per document).
        published: Force the publication date (else read from each document).
        kb: Knowledge base entities resolve against (the built-in one by default).
        fetch: The function that fetches URLs (tests pass one bound to a local server).
        stdin: The bytes of standard input, for ``-``.
        budget: CPU seconds each document's analysis may take (``None``: no limit).

    Every source gets a result, in order: a source that cannot be read, fetched, decoded or analysed in its
    time budget, or whose write the store refuses, gets a result with ``error`` set (nothing of it is
    written) and the rest of the list goes on.

    Raises:
        SourceFormatError: A missing file or a malformed URL list among ``sources`` (before anything is read).
        InvalidInputError: An unsupported ``lang``.
    """
    results: list[IngestResult] = []
    for origin in expand_sources(list(sources)):
        try:
            results.append(_ingest_one(origin, store, lang, published, kb, fetch, stdin, budget))
        except (SourceFormatError, StoreError) as err:  # this source only: the rest of the list goes on
            results.append(IngestResult(origin, None, False, (), (), error=str(err)))
    return results


def _ingest_one(
    origin: str,
    store: EventStore,
    lang: str | None,
    published: dt.date | None,
    kb: KnowledgeBase | None,
    fetch: Fetcher | None,
    stdin: bytes | None,
    budget: float | None,
) -> IngestResult:
    if origin == "-":
        doc = build_document(stdin or b"", "-", lang=lang, published=published)
    else:
        doc = read_document(origin, lang=lang, published=published, fetch=fetch)
    return ingest_document(doc, store, kb, origin=origin, budget=budget)


def ingest_document(
    doc: Document,
    store: EventStore,
    kb: KnowledgeBase | None = None,
    *,
    origin: str = "",
    budget: float | None = TIME_BUDGET,
) -> IngestResult:
    """Analyze and store one document, unless the store already holds it (then nothing is analyzed)."""
    origin = origin or doc.origin
    if store.has_document(doc.id):
        stored = store.document(doc.id)
        return IngestResult(origin, stored.document, False, store.events_of_document(doc.id), stored.signals)
    analysis = analyze(doc, kb, budget=budget)
    store.add_analysis(analysis)
    return IngestResult(origin, doc, True, store.events_of_document(doc.id), analysis.signals)
