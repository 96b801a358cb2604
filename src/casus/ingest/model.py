"""What news ingestion produces: documents, entity mentions, dated events with evidence, sourcing signals.

Frozen dataclasses, like the knowledge base's. Offsets (``start``, ``end``) are character offsets into
:attr:`Document.text`, the text that was analysed and that the event store keeps, so every quote can be
checked: ``doc.text[ev.start:ev.end] == ev.quote``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from casus.errors import InvalidInputError
from casus.kb.events import EventType

#: Languages the ingestion pipeline reads.
LANGS = ("en", "fr", "ru")

#: How the ``claim`` of a ``deployment`` event starts when it is the deployment's end: forces withdrawn from
#: a place (PLOVER's ``RETREAT``), not a state leaving an organization.
DEPLOYMENT_END = "end of deployment: forces withdrawn"

#: Phases of an event other than a deployment's start and end (:attr:`ExtractedEvent.stage`):
#: ``considering`` (an intention, a plan, a future act: "we will leave", "intends to request"),
#: ``threatening`` (a threat to do it: "threatened to leave"), and the steps of an accession before it takes
#: effect or instead of a first one: ``signature`` (of the accession protocol), ``ratification`` (of a
#: state's accession, by a member) and ``return`` (rejoining).
STAGES = ("considering", "threatening", "signature", "ratification", "return")

#: How an organization the knowledge base does not know is kept: this prefix and its name as written
#: ("unknown:ECOWAS", "unknown:Alliance des Etats du Sahel"), never folded into a known one.
UNKNOWN_ORG = "unknown:"


class Modality(StrEnum):
    """How the text presents an event.

    ``asserted``: told as a fact by the article. ``negated``: said not to have happened ("did not request").
    ``hypothetical``: possible, conditional or planned ("could join", "pourrait", "может"). ``reported``: an
    act its own actor reports in reported speech ("Pashinyan said Armenia has frozen…"); other people's
    claims only ever become a ``statement`` event.
    """

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


class Precision(StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    PERIOD = "period"
    UNDATED = "undated"


@dataclass(frozen=True)
class Document:
    """One article, as read.

    Attributes:
        id: SHA-256 of the raw bytes (the content hash the store is keyed on).
        text: The text analysed (main text for HTML); offsets point into it.
        lang: ``en``, ``fr`` or ``ru``.
        title: Title, from HTML metadata or the first line of a plain-text article.
        published: Publication date (given, from metadata, or from a date line in the text).
        published_from: Where ``published`` came from: ``given``, ``metadata``, ``text`` or ``none``.
        byline: Author, when the document names one.
        url: Where it was fetched from, or its canonical URL.
        links: Links found in the document (``href`` targets, URLs in the text).
        origin: The path or URL it was read from (``-`` for standard input).
        media_type: ``text/plain`` or ``text/html``.
        decoding: Why the text may differ from what was written (bytes replaced, an encoding guessed), or ``""``.
    """

    id: str
    text: str
    lang: str
    title: str | None = None
    published: dt.date | None = None
    published_from: str = "none"
    byline: str | None = None
    url: str | None = None
    links: tuple[str, ...] = ()
    origin: str = ""
    media_type: str = "text/plain"
    decoding: str = ""

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise InvalidInputError(f"document language {self.lang!r} is not supported; use one of {LANGS}")

    @property
    def short_id(self) -> str:
        """The first 12 hex digits of :attr:`id`."""
        return self.id[:12]


@dataclass(frozen=True)
class Mention:
    """A resolved reference to a knowledge-base entity in the text.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        text: The surface text.
        kind: ``state``, ``capital`` (a metonym for its government), ``government`` (a ministry, government,
            presidency… standing for its state: "the foreign ministry in Tashkent"), ``organization`` (also a
            treaty, resolved to its organization or, without one, to the treaty id), ``person`` or ``members``
            ("the members of the CSTO").
        ref: State id, organization or treaty id, or person name.
        state: For a person: the state whose office they hold.
        organization: For a person: the organization whose office they hold.
        role: For a person: ``secretary_general``, ``prime_minister``, ``president``…
        by_role: For a person: the text names only the role ("the prime minister"), so who it is depends on
            the date; events look the holder up again on their own date.
    """

    start: int
    end: int
    text: str
    kind: str
    ref: str
    state: str | None = None
    organization: str | None = None
    role: str | None = None
    by_role: bool = False


@dataclass(frozen=True)
class When:
    """A date or period, resolved against the publication date.

    Attributes:
        start: First day (``None``: open, e.g. "some time before publication").
        end: Last day, inclusive.
        precision: How precise the resolution is.
        text: The expression it was read from (empty when undated).
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision
    text: str = ""

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise InvalidInputError(f"period {self.text!r} ends ({self.end}) before it starts ({self.start})")

    def overlaps(self, other: When) -> bool:
        """Whether two periods share a day (open ends overlap everything on their side)."""
        a0, a1 = self.start or dt.date.min, self.end or dt.date.max
        b0, b1 = other.start or dt.date.min, other.end or dt.date.max
        return a0 <= b1 and b0 <= a1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision.value,
            "text": self.text,
        }


@dataclass(frozen=True)
class Evidence:
    """Where an event is told: a quote with its offsets in a document."""

    document: str
    quote: str
    start: int
    end: int
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "document": self.document,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class ExtractedEvent:
    """An alliance event read from news, waiting for review.

    Attributes:
        type: PLOVER-aligned alliance event type.
        organization: Organization id it concerns, when resolved; a treaty without an organization gives its
            treaty id (``rio-1947``).
        actors: Who acted: state ids or organization ids.
        people: Named people who acted or spoke (resolved office-holders or names as written).
        target: State or organization id the action was directed at.
        mentioned: Other states or organizations the event concerns (the second object of "sanction Russia or
            arm Ukraine").
        members: States listed as members (for a roster statement: "its members are…").
        when: Date or period.
        modality: Asserted, negated, hypothetical or reported.
        claim: For a statement: what was said (reported content or quote); for a refusal: what was refused;
            for the end of a deployment: :data:`DEPLOYMENT_END` (see :attr:`phase`); for an appointment: the
            office (a role id such as ``secretary_general``; the appointee is in :attr:`people`).
        title: One-line description.
        confidence: 0-1. The rules' score (lowered by negation, hypotheticals and missing arguments), replaced
            for a core event by the learned event scorer's probability that it is right
            (:mod:`casus.ingest.ranking`; the rules' score is then kept in ``extra["rule_confidence"]``).
        evidence: Quotes supporting it (several after merging reports of several articles).
        stage: A phase other than a deployment's start or end (see :data:`STAGES`): "we will leave" is a
            withdrawal at stage ``considering``, not an asserted withdrawal.
        speakers: Whose words carry the event (people, or state/organization ids for a body: "the Kremlin
            said" → ``RUS``), kept apart from the actors: "Belarus joined the SCO, Tokayev announced" has
            actor ``BLR`` and speaker Kassym-Jomart Tokayev. Empty when the article itself tells it.
        extra: What the readers note for the scorer, not part of the event's identity or JSON: ``rule`` (the
            rule family that read it), ``sentence`` (its sentence's index), ``neighbour_date``.
    """

    type: EventType
    organization: str | None
    actors: tuple[str, ...]
    when: When
    evidence: tuple[Evidence, ...]
    people: tuple[str, ...] = ()
    target: str | None = None
    mentioned: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    modality: Modality = Modality.ASSERTED
    claim: str = ""
    title: str = ""
    confidence: float = 0.5
    stage: str | None = None
    speakers: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.stage is not None and self.stage not in STAGES:
            raise InvalidInputError(f"event stage {self.stage!r} is not one of {', '.join(STAGES)}")

    @property
    def phase(self) -> str | None:
        """The event's phase.

        Its :attr:`stage` when it has one; for a deployment ``start`` (forces sent) or ``end`` (forces
        withdrawn); ``None`` otherwise.
        """
        if self.stage is not None:
            return self.stage
        if self.type is not EventType.DEPLOYMENT:
            return None
        return "end" if self.claim.startswith(DEPLOYMENT_END) else "start"

    def key(self) -> tuple[Any, ...]:
        """What makes two reports the same event: type, organization, actors, target, period, modality.

        Statements also compare their speakers (``people``), appointments their appointee and office; the end
        of a deployment is not its start.
        """
        people = tuple(sorted(self.people)) if self.type in (EventType.STATEMENT, EventType.APPOINTMENT) else ()
        key: tuple[Any, ...] = (
            self.type.value,
            self.organization or "",
            tuple(sorted(self.actors)),
            people,
            self.target or "",
            self.when.start.isoformat() if self.when.start else "",
            self.when.end.isoformat() if self.when.end else "",
            self.modality.value,
        )
        if self.stage is not None:
            key = (*key, self.stage)
        if self.type is EventType.APPOINTMENT:
            return (*key, self.claim)
        return (*key, "end") if self.type is EventType.DEPLOYMENT and self.claim.startswith(DEPLOYMENT_END) else key

    @property
    def id(self) -> str:
        """A stable id derived from :meth:`key` (16 hex digits)."""
        return hashlib.sha256(repr(self.key()).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON contract of an event (see ``docs/ingest.md``)."""
        return {
            "id": self.id,
            "type": self.type.value,
            "phase": self.phase,
            "organization": self.organization,
            "actors": list(self.actors),
            "people": list(self.people),
            "speakers": list(self.speakers),
            "target": self.target,
            "mentioned": list(self.mentioned),
            "members": list(self.members),
            "date": self.when.to_dict(),
            "modality": self.modality.value,
            "claim": self.claim,
            "title": self.title,
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Signal:
    """A source-quality signal: something a careful reader would notice. A signal, never a verdict.

    Attributes:
        kind: ``unattributed_quote``, ``rewrite_leftover``, ``duplicated_title``, ``no_byline``,
            ``no_source_link`` or ``decoding`` (bytes replaced or an encoding guessed).
        detail: What exactly was seen.
        start: Offset of the passage, when there is one.
        end: Offset after it.
        quote: The passage.
    """

    kind: str
    detail: str
    start: int | None = None
    end: int | None = None
    quote: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"kind": self.kind, "detail": self.detail, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Analysis:
    """Everything read from one document.

    Attributes:
        document: The document.
        events: The events read, ranked by the learned event scorer (``confidence`` is its probability).
        signals: Sourcing signals, and one ``held_back`` signal per held-back event.
        mentions: The entities named.
        held_back: Events the rules read but the scorer put under its threshold: not proposed for review as
            events, kept so that nothing read is lost (see :mod:`casus.ingest.ranking`).
    """

    document: Document
    events: tuple[ExtractedEvent, ...]
    signals: tuple[Signal, ...]
    mentions: tuple[Mention, ...] = ()
    held_back: tuple[ExtractedEvent, ...] = ()
