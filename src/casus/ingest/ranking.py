"""The learned event scorer: which of the events the rules read are likely right (issue #10).

The rules read candidates; a small logistic model, trained by ``scripts/train_event_model.py`` on the labelled
development sets, gives each core event (statements are left alone) a probability of matching a gold event.
Its features are general properties of the event, never words of one article: the event type, phase and
modality, what kind of organization it names and whether its actors were members of it on the date (from the
knowledge base), how it is dated, where in the article it was read, how many sentences tell it, what other
candidates the article has, its language and the rules' own confidence (see :func:`features`).

The model is a data file (``data/event_model.json``: feature names, coefficients, intercept, threshold,
training sets and leave-one-set-out figures); applying it is a dot product and a sigmoid, so scikit-learn is
needed only to train. An event under the threshold is *held back*: not among the article's events, kept in
:attr:`~casus.ingest.model.Analysis.held_back` with a ``held_back`` signal saying why.

References:
    Cox, D. R. (1958). The regression analysis of binary sequences. *Journal of the Royal Statistical
    Society B* 20(2), 215-242 (the logistic model).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from casus.errors import SourceFormatError
from casus.ingest.model import UNKNOWN_ORG, Document, ExtractedEvent, Mention, Signal
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status

#: Where the shipped model is, inside the ``casus.ingest`` package.
MODEL_FILE = "data/event_model.json"


@dataclass(frozen=True)
class EventModel:
    """A logistic model over named features.

    Attributes:
        features: Feature names, in the order of ``weights``.
        weights: One coefficient per feature.
        intercept: The constant term.
        threshold: Events with a lower probability are held back (0: none is).
        thresholds: Per event type (``accession``…), a threshold in place of ``threshold``.
        margin: When set, an event is also held back when another candidate of the article tells the same type
            by the same organization and actors (a duplicate of it, or a rival reading) with a probability higher
            by more than ``margin``.
        meta: What the file says of its training (sets, date, scikit-learn version, figures).
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    thresholds: dict[str, float] = field(default_factory=dict)
    margin: float | None = None

    def __post_init__(self) -> None:
        if len(self.features) != len(self.weights):
            raise ValueError(f"{len(self.features)} features but {len(self.weights)} weights")

    def probability(self, values: dict[str, float]) -> float:
        """The probability that an event with these feature values is right.

        >>> m = EventModel(("type=suspension", "confidence"), (1.0, 2.0), -1.0, 0.5)
        >>> round(m.probability({"type=suspension": 1.0, "confidence": 0.5}), 3)
        0.731
        """
        z = self.intercept + sum(w * values.get(f, 0.0) for f, w in zip(self.features, self.weights, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def cut(self, type_: str) -> float:
        """The threshold of an event type.

        >>> EventModel(("confidence",), (1.0,), 0.0, 0.2, thresholds={"founding": 0.6}).cut("founding")
        0.6
        """
        return self.thresholds.get(type_, self.threshold)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the data file."""
        return {
            **self.meta,
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "intercept": round(self.intercept, 6),
            "threshold": round(self.threshold, 4),
            "thresholds": {k: round(v, 4) for k, v in sorted(self.thresholds.items())},
            "margin": None if self.margin is None else round(self.margin, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventModel:
        """Read the JSON form (see :meth:`to_dict`).

        Raises:
            SourceFormatError: A missing or malformed field.
        """
        try:
            own = ("features", "weights", "intercept", "threshold", "thresholds", "margin")
            meta = {k: v for k, v in data.items() if k not in own}
            return cls(
                tuple(str(f) for f in data["features"]),
                tuple(float(w) for w in data["weights"]),
                float(data["intercept"]),
                float(data["threshold"]),
                meta,
                {str(k): float(v) for k, v in data.get("thresholds", {}).items()},
                None if data.get("margin") is None else float(data["margin"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise SourceFormatError(MODEL_FILE, f"malformed event model: {err}") from None


@functools.cache
def load_model() -> EventModel:
    """The shipped model (``casus/ingest/data/event_model.json``)."""
    text = resources.files("casus.ingest").joinpath(MODEL_FILE).read_text("utf-8")
    return EventModel.from_dict(json.loads(text))


def _org_kind(org: str | None, kb: KnowledgeBase) -> str:
    if not org:
        return "none"
    if org.startswith(UNKNOWN_ORG):
        return "unknown"
    if org in kb.organizations:
        return "known"
    return "treaty" if org in kb.treaties else "other"


def _membership(ev: ExtractedEvent, kb: KnowledgeBase, on: dt.date | None) -> str:
    """Whether the event's state actors were members of its organization on ``on``: all, some, none, n/a."""
    org = ev.organization
    states = [a for a in ev.actors if a in kb.states]
    if on is None or not org or org.startswith(UNKNOWN_ORG) or not states:
        return "na"
    members = sum(kb.status_on(s, org, on) is not None for s in states)
    return "all" if members == len(states) else "some" if members else "none"


def _date_bin(ev: ExtractedEvent, published: dt.date | None) -> str:
    start = ev.when.start
    if start is None:
        return "undated"
    if published is None:
        return "dated"
    days = (published - start).days
    if days < 0:
        return "future"
    for limit, name in ((1, "day"), (7, "week"), (31, "month"), (365, "year"), (3650, "decade")):
        if days <= limit:
            return name
    return "older"


def _position(sentence: int | None) -> str:
    if sentence is None:
        return "unknown"
    return "headline" if sentence == 0 else "lead" if sentence <= 2 else "body" if sentence <= 9 else "late"


def _count(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _core(events: Sequence[ExtractedEvent]) -> list[ExtractedEvent]:
    return [ev for ev in events if ev.type is not EventType.STATEMENT]


def _context(ev: ExtractedEvent, core: Sequence[ExtractedEvent]) -> list[str]:
    """What the article's other core events say of this one: rivals of its type and organization, its org's share."""
    rivals = [o for o in core if o is not ev and o.type is ev.type and o.organization == ev.organization]
    orgs = [o.organization for o in core if o.organization]
    main = max(set(orgs), key=lambda o: (orgs.count(o), o)) if orgs else None
    best = all(len(ev.evidence) >= len(o.evidence) for o in rivals)
    return [
        f"rivals={_count(len(rivals), 2)}",
        f"best_supported={'yes' if best else 'no'}",
        f"main_org={'yes' if ev.organization and ev.organization == main else 'no'}",
        f"candidates={_count(len(core), 6)}",
    ]


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: How far (days) a date the knowledge base records may lie from the event's period and still agree with it.
KB_SLACK = 366
_KB_TYPES = frozenset({EventType.ACCESSION, EventType.WITHDRAWAL, EventType.SUSPENSION, EventType.FOUNDING})


def _sentence(ev: ExtractedEvent, doc: Document) -> tuple[int, int, str]:
    """Where the event was first read (offsets into ``doc.text``) and that text."""
    if not ev.evidence:
        return 0, 0, ""
    first = ev.evidence[0]
    return first.start, first.end, doc.text[first.start : first.end] or first.quote


def _years(ev: ExtractedEvent, text: str) -> list[str]:
    """Whether the sentence writes a year: the event's own (``year=same``) or only others (background, history)."""
    years = {int(y) for y in _YEAR.findall(text)}
    if not years:
        return []
    return ["year=same" if ev.when.start and ev.when.start.year in years else "year=other"]


def _refs(m: Mention) -> set[str]:
    return {r for r in (m.ref, m.state, m.organization) if r}


def _subject(ev: ExtractedEvent, span: tuple[int, int], mentions: Sequence[Mention]) -> list[str]:
    """Whether the sentence names the event's actors, and whose name comes first (the subject, mostly)."""
    if not mentions:
        return []
    inside = sorted(
        (m for m in mentions if span[0] <= m.start < span[1] and m.kind != "members"), key=lambda m: m.start
    )
    actors = set(ev.actors) | set(ev.people)
    named = set().union(*(_refs(m) for m in inside)) if inside else set()
    first = _refs(inside[0]) if inside else set()
    subject = "none" if not inside else "actor" if first & actors else "org" if ev.organization in first else "other"
    entities = len({m.ref for m in inside})
    return [
        f"subject={subject}",
        f"actor_named={'na' if not actors else 'yes' if actors & named else 'no'}",
        f"entities={_count(entities, 3)}",
    ]


def _kb_dates(ev: ExtractedEvent, kb: KnowledgeBase, org: str) -> list[dt.date]:
    """The dates the knowledge base gives the change the event tells (a founding, an entry, an exit, a suspension)."""
    if ev.type is EventType.FOUNDING:
        found = kb.organizations[org].founded if org in kb.organizations else None
        return [found] if found else []
    spells = [m for m in kb.spells(org) if m.state in ev.actors]
    if ev.type is EventType.ACCESSION:
        return [m.start for m in spells if m.status in (Status.MEMBER, Status.OBSERVER, Status.PARTNER)]
    if ev.type is EventType.SUSPENSION:
        return [m.start for m in spells if m.status is Status.SUSPENDED]
    return [m.start for m in spells if m.status is Status.WITHDRAWN] + [m.end for m in spells if m.end]


def _kb_agreement(ev: ExtractedEvent, kb: KnowledgeBase, published: dt.date | None) -> str:
    """Whether the knowledge base agrees with a founding, entry, exit or suspension: ``agrees``, ``differs``, ``na``.

    ``agrees``: it records the change within a year of the event's period; ``differs``: only at other dates
    (or never); ``na``: it cannot say (another type, a stage, an unknown organization, no state actor).
    """
    org = ev.organization
    if ev.type not in _KB_TYPES or not org or org.startswith(UNKNOWN_ORG) or ev.phase not in (None, "return"):
        return "na"
    hi = ev.when.end or published
    lo = ev.when.start or (hi - dt.timedelta(days=3 * 365) if hi else None)
    if lo is None or hi is None:
        return "na"
    dates = _kb_dates(ev, kb, org)
    if not dates and ev.type is not EventType.FOUNDING and not any(a in kb.states for a in ev.actors):
        return "na"
    slack = dt.timedelta(days=KB_SLACK)
    return "agrees" if any(lo - slack <= d <= hi + slack for d in dates) else "differs"


def features(
    ev: ExtractedEvent,
    doc: Document,
    kb: KnowledgeBase,
    others: Sequence[ExtractedEvent] = (),
    mentions: Sequence[Mention] = (),
) -> dict[str, float]:
    """The feature values of one event (binary indicators ``name=value``, and the rules' ``confidence``).

    Read from the event and its ``extra["sentence"]`` (where it was read), the article's other events
    (``others``: every event of the article, this one included), the document's language and date, and the
    knowledge base; the years the sentence it was read from writes, and the article's entity mentions there
    (``mentions``: whose name comes first, whether its actors are named, how many entities); nothing is parsed
    again. The rule family and the neighbour's date the readers also note
    (``extra["rule"]``, ``extra["neighbour_date"]``) are not features: the candidates of the code each set was
    scored blind with, which the model is trained on too, do not carry them.
    """
    on = ev.when.start or ev.when.end or doc.published
    type_ = ev.type.value
    org_kind = _org_kind(ev.organization, kb)
    member = _membership(ev, kb, on)
    start, end, sentence = _sentence(ev, doc)
    names = [
        f"type={type_}",
        f"phase={ev.phase or 'none'}",
        f"modality={ev.modality.value}",
        f"org={org_kind}",
        f"member={member}",
        f"type_member={type_}:{member}",
        f"type_modality={type_}:{ev.modality.value}",
        f"type_org={type_}:{org_kind}",
        f"actors={_count(len(ev.actors), 3)}",
        f"precision={ev.when.precision.value}",
        f"when={_date_bin(ev, doc.published)}",
        f"position={_position(ev.extra.get('sentence'))}",
        f"evidence={_count(len(ev.evidence), 3)}",
        f"lang={doc.lang}",
        f"kb={_kb_agreement(ev, kb, doc.published)}",
        *_context(ev, _core(others) or [ev]),
        *_years(ev, sentence),
        *_subject(ev, (start, end), mentions),
    ]
    flags = {
        "actor_is_org": bool(ev.organization) and ev.organization in ev.actors,
        "has_members": bool(ev.members),
        "has_people": bool(ev.people),
        "has_speaker": bool(ev.speakers),
        "has_target": ev.target is not None,
    }
    values = dict.fromkeys(names, 1.0)
    values.update({k: 1.0 for k, v in flags.items() if v})
    values["confidence"] = float(ev.extra.get("rule_confidence", ev.confidence))
    return values


def _same(ev: ExtractedEvent) -> tuple[str, str | None, frozenset[str]]:
    return ev.type.value, ev.organization, frozenset(ev.actors)


def holds(core: Sequence[ExtractedEvent], probabilities: Sequence[float], model: EventModel) -> list[bool]:
    """Which of an article's core events (with their probabilities) the model holds back.

    Those under their type's threshold, and, when the model has a ``margin``, those with a more probable
    duplicate (same type, organization and actors) by more than the margin.

    >>> m = EventModel(("confidence",), (1.0,), 0.0, 0.3, margin=0.2)
    >>> from casus.ingest.model import Precision, When
    >>> ev = ExtractedEvent(EventType.ACCESSION, "nato", ("FIN",), When(None, None, Precision.UNDATED), ())
    >>> holds([ev, ev, ev], [0.9, 0.6, 0.2], m)
    [False, True, True]
    """
    pairs = list(zip(core, probabilities, strict=True))
    out = []
    for k, (ev, p) in enumerate(pairs):
        rival = max((q for j, (o, q) in enumerate(pairs) if j != k and _same(o) == _same(ev)), default=0.0)
        out.append(p < model.cut(ev.type.value) or (model.margin is not None and p < rival - model.margin))
    return out


def hold_back(
    events: Sequence[ExtractedEvent],
    doc: Document,
    kb: KnowledgeBase,
    model: EventModel | None = None,
    mentions: Sequence[Mention] = (),
) -> tuple[tuple[ExtractedEvent, ...], tuple[ExtractedEvent, ...]]:
    """Score the core events; return those kept and those held back (see :func:`holds`).

    Each scored event's ``confidence`` becomes the model's probability (the rules' own is kept in
    ``extra["rule_confidence"]``). Statements are kept as they are. ``mentions`` are the article's entity
    mentions (see :func:`features`).
    """
    model = model or load_model()
    core = _core(events)
    probabilities = [model.probability(features(ev, doc, kb, events, mentions)) for ev in core]
    back = {id(ev) for ev, h in zip(core, holds(core, probabilities, model), strict=True) if h}
    score = {id(ev): p for ev, p in zip(core, probabilities, strict=True)}
    kept: list[ExtractedEvent] = []
    out: list[ExtractedEvent] = []
    for ev in events:
        if ev.type is EventType.STATEMENT:
            kept.append(ev)
            continue
        p = score[id(ev)]
        scored = replace(ev, confidence=round(p, 3), extra={**ev.extra, "rule_confidence": ev.confidence})
        (out if id(ev) in back else kept).append(scored)
    return tuple(kept), tuple(out)


def held_signals(held: Sequence[ExtractedEvent], model: EventModel | None = None) -> tuple[Signal, ...]:
    """One ``held_back`` signal per held-back event: what it was, its probability, and where it was read."""
    model = model or load_model()
    out = []
    for ev in held:
        first = ev.evidence[0] if ev.evidence else None
        detail = (
            f"held back by the event scorer: {ev.title} (probability {ev.confidence:.2f}, "
            f"threshold {model.cut(ev.type.value):.2f}"
            + ("" if model.margin is None else f", or a duplicate more probable by {model.margin:.2f}")
            + ")"
        )
        if first is None:
            out.append(Signal("held_back", detail))
        else:
            out.append(Signal("held_back", detail, first.start, first.end, first.quote))
    return tuple(out)
