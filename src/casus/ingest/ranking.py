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
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from casus.errors import SourceFormatError
from casus.ingest.model import UNKNOWN_ORG, Document, ExtractedEvent, Signal
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase

#: Where the shipped model is, inside the ``casus.ingest`` package.
MODEL_FILE = "data/event_model.json"


@dataclass(frozen=True)
class EventModel:
    """A logistic model over named features.

    Attributes:
        features: Feature names, in the order of ``weights``.
        weights: One coefficient per feature.
        intercept: The constant term.
        threshold: Events with a lower probability are held back.
        meta: What the file says of its training (sets, date, scikit-learn version, figures).
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

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

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the data file."""
        return {
            **self.meta,
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "intercept": round(self.intercept, 6),
            "threshold": round(self.threshold, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventModel:
        """Read the JSON form (see :meth:`to_dict`).

        Raises:
            SourceFormatError: A missing or malformed field.
        """
        try:
            meta = {k: v for k, v in data.items() if k not in ("features", "weights", "intercept", "threshold")}
            return cls(
                tuple(str(f) for f in data["features"]),
                tuple(float(w) for w in data["weights"]),
                float(data["intercept"]),
                float(data["threshold"]),
                meta,
            )
        except (KeyError, TypeError, ValueError) as err:
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


def features(
    ev: ExtractedEvent, doc: Document, kb: KnowledgeBase, others: Sequence[ExtractedEvent] = ()
) -> dict[str, float]:
    """The feature values of one event (binary indicators ``name=value``, and the rules' ``confidence``).

    Read from the event and its ``extra["sentence"]`` (where it was read), the article's other events
    (``others``: every event of the article, this one included), the document's language and date, and the
    knowledge base; nothing is parsed again. The rule family and the neighbour's date the readers also note
    (``extra["rule"]``, ``extra["neighbour_date"]``) are not features: the candidates of the code each set was
    scored blind with, which the model is trained on too, do not carry them.
    """
    on = ev.when.start or ev.when.end or doc.published
    type_ = ev.type.value
    org_kind = _org_kind(ev.organization, kb)
    member = _membership(ev, kb, on)
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
        *_context(ev, _core(others) or [ev]),
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


def hold_back(
    events: Sequence[ExtractedEvent], doc: Document, kb: KnowledgeBase, model: EventModel | None = None
) -> tuple[tuple[ExtractedEvent, ...], tuple[ExtractedEvent, ...]]:
    """Score the core events; return those kept and those held back (under the threshold).

    Each scored event's ``confidence`` becomes the model's probability (the rules' own is kept in
    ``extra["rule_confidence"]``). Statements are kept as they are.
    """
    model = model or load_model()
    kept: list[ExtractedEvent] = []
    held: list[ExtractedEvent] = []
    for ev in events:
        if ev.type is EventType.STATEMENT:
            kept.append(ev)
            continue
        p = model.probability(features(ev, doc, kb, events))
        scored = replace(ev, confidence=round(p, 3), extra={**ev.extra, "rule_confidence": ev.confidence})
        (kept if p >= model.threshold else held).append(scored)
    return tuple(kept), tuple(held)


def held_signals(held: Sequence[ExtractedEvent], model: EventModel | None = None) -> tuple[Signal, ...]:
    """One ``held_back`` signal per held-back event: what it was, its probability, and where it was read."""
    model = model or load_model()
    out = []
    for ev in held:
        first = ev.evidence[0] if ev.evidence else None
        detail = (
            f"held back by the event scorer: {ev.title} (probability {ev.confidence:.2f}, "
            f"under the threshold {model.threshold:.2f})"
        )
        if first is None:
            out.append(Signal("held_back", detail))
        else:
            out.append(Signal("held_back", detail, first.start, first.end, first.quote))
    return tuple(out)
