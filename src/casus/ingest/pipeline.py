"""The ingestion pipeline: a document in, its events and sourcing signals out; many documents into a store.

:func:`analyze` is the pure part (text → :class:`~casus.ingest.model.Analysis`); :func:`ingest` reads
sources (files, URL lists, URLs, standard input), skips documents the store already holds (by content hash:
re-ingesting is a no-op that loads no language model) and writes the rest, each in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from casus.ingest import lexicon as lx
from casus.ingest import nlp
from casus.ingest.documents import Fetcher, build_document, expand_sources, read_document
from casus.ingest.entities import SOME_STATE, Gazetteer, gazetteer
from casus.ingest.extract import Discourse
from casus.ingest.model import Analysis, Document, ExtractedEvent, Mention
from casus.ingest.sentences import sentence_events
from casus.ingest.signals import assess
from casus.ingest.temporal import find_dates
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase

if TYPE_CHECKING:
    from casus.store.events import EventStore

_MAIN = "@main"


def _settle(m: Mention, main: str | None, gaz: Gazetteer, on: dt.date, state: str | None = None) -> Mention | None:
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


def _settle_all(
    raw: Sequence[Mention], main: str | None, gaz: Gazetteer, on: dt.date, memory: Discourse
) -> list[Mention]:
    """Settle a sentence's mentions in order; an institution with no state takes the one named last."""
    out: list[Mention] = []
    last = memory.last_state.ref if memory.last_state else None
    for m in raw:
        settled = _settle(m, main, gaz, on, last)
        if settled is None:
            continue
        out.append(settled)
        if settled.kind in ("state", "capital", "government"):
            last = settled.ref
    return out


def merge_events(events: Iterable[ExtractedEvent]) -> list[ExtractedEvent]:
    """Merge events with the same :meth:`~ExtractedEvent.key`, keeping all their evidence.

    Confidence combines as a noisy-or of the reports (two independent 0.6 reports give 0.84), capped at 0.99.
    """
    merged: dict[tuple[object, ...], ExtractedEvent] = {}
    for ev in events:
        key = ev.key()
        old = merged.get(key)
        if old is None:
            merged[key] = ev
            continue
        evidence = list(old.evidence)
        for e in ev.evidence:
            if not any(x.document == e.document and x.start == e.start and x.end == e.end for x in evidence):
                evidence.append(e)
        claim = old.claim if not ev.claim or ev.claim in old.claim else f"{old.claim} … {ev.claim}".strip(" …")
        conf = 1.0
        for e in evidence:
            conf *= 1 - e.confidence
        merged[key] = replace(
            old,
            evidence=tuple(evidence),
            claim=claim,
            confidence=round(min(0.99, max(old.confidence, 1 - conf)), 3),
            mentioned=tuple(dict.fromkeys((*old.mentioned, *ev.mentioned))),
            members=old.members or ev.members,
        )
    return list(merged.values())


def fold_undated(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Fold an undated event into the one dated event of a document that is otherwise the same.

    A headline ("Armenia freezes its CSTO participation") and the sentence that dates the act ("on Thursday")
    report one event; two dated candidates leave the undated one alone.
    """

    def loose(ev: ExtractedEvent) -> tuple[object, ...]:
        k = ev.key()
        return (k[0], k[1], k[2], k[4], k[7], ev.phase)

    result = list(events)
    dated: dict[tuple[object, ...], list[int]] = {}
    for k, ev in enumerate(result):
        if ev.when.start is not None:
            dated.setdefault(loose(ev), []).append(k)
    dropped: set[int] = set()
    for k, ev in enumerate(result):
        candidates = [
            j
            for j in dated.get(loose(ev), [])
            if ev.type is not EventType.STATEMENT or set(ev.people) <= set(result[j].people)
        ]
        if ev.when.start is None and len(candidates) == 1:
            j = candidates[0]
            result[j] = merge_events([result[j], replace(ev, when=result[j].when)])[0]
            dropped.add(k)
    return [ev for k, ev in enumerate(result) if k not in dropped]


def analyze(doc: Document, kb: KnowledgeBase | None = None) -> Analysis:
    """Read one document: entity mentions, events (merged within the document) and sourcing signals.

    Raises:
        MissingExtraError: The ``[ingest]`` extra is not installed.
    """
    if kb is None:
        from casus.curated import load_kb

        kb = load_kb()
    gaz = gazetteer(kb)
    pub = doc.published or dt.date.today()
    text, lang = doc.text, doc.lang
    spans = nlp.split_sentences(text)
    times = find_dates(text, lang, pub)
    pattern = lx.prefilter(lang)
    candidates = [k for k, (s, e) in enumerate(spans) if pattern.search(lx.fold(text[s:e]))]
    parsed = dict(
        zip(
            candidates,
            nlp.parse(lang, [(spans[k][0], text[spans[k][0] : spans[k][1]]) for k in candidates]),
            strict=True,
        )
    )
    raw: list[list[Mention]] = []
    for k, (s, e) in enumerate(spans):
        persons = parsed[k].persons if k in parsed else ()
        raw.append(gaz.find(nlp.simple_tokens(text[s:e], s), lang, main_org=_MAIN, on=pub, persons=persons, text=text))
    counts = Counter(m.ref for ms in raw for m in ms if m.kind == "organization" and m.ref != _MAIN)
    main = counts.most_common(1)[0][0] if counts else None
    memory = Discourse(main, pub)
    events: list[ExtractedEvent] = []
    all_mentions: list[Mention] = []
    for k, (s, e) in enumerate(spans):
        mentions = _settle_all(raw[k], main, gaz, pub, memory)
        all_mentions += mentions
        if k in parsed and not text[s:e].rstrip().endswith("?"):  # a question asserts nothing
            sent_times = [t for t in times if s <= t.start < e]
            events += sentence_events(parsed[k], lang, mentions, sent_times, memory, doc.id, gaz)
            explicit = [t.when for t in sent_times if t.when is not None and t.explicit]
            if explicit:
                memory.last_when = explicit[-1]
        else:
            memory.last_statement = None
        people = [m for m in mentions if m.kind == "person"]
        if people:
            memory.last_person = people[-1]
        states = [m for m in mentions if m.kind in ("state", "capital", "government")]
        if states:
            memory.last_state = states[-1]
    return Analysis(doc, tuple(fold_undated(merge_events(events))), assess(doc), tuple(all_mentions))


def analyze_text(
    text: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    origin: str = "<text>",
) -> Analysis:
    """Analyze an article given as a string.

    >>> a = analyze_text("Armenia froze its participation in the CSTO last week.", lang="en",
    ...                  published=dt.date(2024, 2, 28))
    >>> [(e.type.value, e.actors, e.organization, str(e.when.start)) for e in a.events]
    [('suspension', ('ARM',), 'csto', '2024-02-19')]
    """
    return analyze(build_document(text.encode("utf-8"), origin, lang=lang, published=published), kb)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one source.

    Attributes:
        origin: Path, URL or ``-``.
        document: The document id (content hash).
        new: False when the store already held the document (nothing was written).
        analysis: The analysis, for a new document.
        events: Events stored for this document (new or merged), as the store holds them.
        signals: The document's sourcing signals.
    """

    origin: str
    document: Document
    new: bool
    events: tuple[ExtractedEvent, ...]
    signals: tuple[object, ...]


def ingest(
    sources: Sequence[str],
    store: EventStore,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    fetch: Fetcher | None = None,
    stdin: bytes | None = None,
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

    Raises:
        SourceFormatError: An unreadable source (nothing is written for it or after it).
        StoreError: The store refused a write (that document's transaction is rolled back).
    """
    results: list[IngestResult] = []
    for origin in expand_sources(list(sources)):
        if origin == "-":
            doc = build_document(stdin or b"", "-", lang=lang, published=published)
        else:
            doc = read_document(origin, lang=lang, published=published, fetch=fetch)
        if store.has_document(doc.id):
            stored = store.document(doc.id)
            results.append(
                IngestResult(origin, stored.document, False, store.events_of_document(doc.id), stored.signals)
            )
            continue
        analysis = analyze(doc, kb)
        store.add_analysis(analysis)
        results.append(IngestResult(origin, doc, True, store.events_of_document(doc.id), analysis.signals))
    return results
