"""The learned event proposer: events in sentences the rules read nothing of that type from (issue #10).

The rules fire on trigger words and patterns written for the development sets; on a set they have not seen,
most missed events had no candidate of their type at all. A sentence × event-class classifier (one logistic
model per class: a type with its phase, ``summit/considering``, ``deployment/end``…), trained by
``scripts/train_event_proposer.py`` on the development sets' gold events aligned to sentences, reads each
sentence from general evidence: its words and the character n-grams of its words (stems without a stemmer,
in the three languages alike), which kinds of entity it names (an organization, a state, several states, a
person) and whether it holds a date, and where it stands in the article.

Where the classifier is confident for a class the rules read no event of in the article, :func:`propose`
builds the event with the pipeline's own readings of the sentence: the organization it names (else the
article's main one), the states it names as actors, its first date (else undated), asserted. Each proposed
event carries ``extra["rule"] == "proposer"`` and a ``proposed`` signal says so, for the reviewer.

The model is a data file (``data/event_proposer.json``: classes, feature weights, intercepts, threshold and its
leave-one-set-out figures); applying it is a sparse sum per sentence, so scikit-learn is needed only to train.
Whether the pipeline uses it by default is the file's ``enabled`` flag, set by the training script's decision.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import datetime as dt
import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np

from casus.errors import SourceFormatError
from casus.ingest.extract import Discourse, is_future, modality_of, own_dates, pick_when, stage_of, told_ahead
from casus.ingest.lexicon import NEGATION, RULES, TROOP_NOUNS, fold
from casus.ingest.model import DEPLOYMENT_END, Document, Evidence, ExtractedEvent, Mention, Modality, Signal, When
from casus.ingest.nlp import Sentence
from casus.ingest.temporal import TimeExpression, undated
from casus.kb.events import EventType

#: Where the shipped model is, inside the ``casus.ingest`` package.
MODEL_FILE = "data/event_proposer.json"
#: Character n-gram lengths (of each word, padded with a space either side).
NGRAMS = (3, 4, 5)
_WORD = re.compile(r"\w+")
#: Mention kinds that stand for a state.
STATE_KINDS = frozenset({"state", "capital", "government"})


@functools.cache
def triggers(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per event type, a pattern of the folded stems of its trigger lemmas in the lexicon, at a word's start.

    A deployment's pattern also holds the troop nouns.
    """
    out = []
    for type_ in EventType:
        lemmas = {r.lemma for r in RULES[lang] if type_ in (r.type, r.upgraded)}
        if type_ is EventType.DEPLOYMENT:
            lemmas |= TROOP_NOUNS[lang]
        stems = sorted({_stem(w) for w in lemmas}, key=len, reverse=True)
        if stems:
            out.append((type_.value, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + ")")))
    return tuple(out)


def _stem(word: str) -> str:
    """A lemma's folded stem, as the rules' prefilter cuts it."""
    word = fold(word)
    return word if " " in word or len(word) <= 4 else word[: min(6, max(4, len(word) - 3))]


def sentence_features(text: str, mentions: Sequence[Mention], dated: bool, index: int, lang: str = "en") -> list[str]:
    """The feature names of one sentence (binary indicators).

    ``w:`` its folded words, ``c:`` their character n-grams, ``t:`` the event types whose trigger stems it
    holds (:func:`triggers`), ``m:`` the kinds of entity it names, ``d:`` whether it holds a date, ``p:``
    whether it is the headline or in the lead.

    >>> f = sentence_features("Finland joined NATO", [], True, 0)
    >>> "w:joined" in f, "c: joi" in f, "t:accession" in f, "d:yes" in f, "p:headline" in f
    (True, True, True, True, True)
    """
    folded = fold(text)
    words = _WORD.findall(folded)
    grams = {f"c:{p[i : i + n]}" for w in words for p in (f" {w} ",) for n in NGRAMS for i in range(len(p) - n + 1)}
    kinds = {m.kind for m in mentions}
    states = {m.ref for m in mentions if m.kind in STATE_KINDS}
    marks = [f"m:{k}" for k in sorted(kinds)] + (["m:states2"] if len(states) >= 2 else [])
    place = "headline" if index == 0 else "lead" if index <= 2 else "body"
    typed = [f"t:{type_}" for type_, pattern in triggers(lang) if pattern.search(folded)]
    return sorted({f"w:{w}" for w in words} | grams) + typed + marks + [f"d:{'yes' if dated else 'no'}", f"p:{place}"]


@dataclass(frozen=True)
class ProposerModel:
    """One logistic model per event class over named features.

    Attributes:
        classes: ``type`` or ``type/phase`` (``summit/considering``, ``deployment/end``).
        features: Feature names; row ``k`` of ``weights`` is feature ``k``'s weight for each class.
        weights: ``len(features) × len(classes)``.
        intercepts: One per class.
        threshold: A sentence is proposed for a class when its probability is at least this.
        enabled: Whether the pipeline proposes events by default (the training script's decision).
        meta: What the file says of its training (sets, figures, decision).
        cuts: Per class, the threshold that replaces ``threshold`` (empty: ``threshold`` for every class; a cut
            above 1 never proposes the class).
    """

    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: np.ndarray[Any, Any]
    intercepts: np.ndarray[Any, Any]
    threshold: float
    enabled: bool = False
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    cuts: tuple[float, ...] = ()

    def thresholds(self) -> tuple[float, ...]:
        """Each class's threshold: its cut, else the model's threshold.

        >>> ProposerModel(("a", "b"), (), np.zeros((0, 2)), np.zeros(2), 0.5).thresholds()
        (0.5, 0.5)
        """
        return self.cuts or (self.threshold,) * len(self.classes)

    @functools.cached_property
    def index(self) -> dict[str, int]:
        """Each feature's row."""
        return {f: k for k, f in enumerate(self.features)}

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray[Any, Any]:
        """Each sentence's (rows of feature names) probability for each class.

        >>> m = ProposerModel(("summit",), ("w:summit",), np.array([[4.0]]), np.array([-2.0]), 0.5)
        >>> [round(float(p), 3) for p in m.probabilities([["w:summit"], ["w:talks"]])[:, 0]]
        [0.881, 0.119]
        """
        z = np.tile(self.intercepts, (len(rows), 1))
        for k, row in enumerate(rows):
            hit = [self.index[f] for f in row if f in self.index]
            if hit:
                z[k] += self.weights[hit].sum(axis=0)
        out: np.ndarray[Any, Any] = 1.0 / (1.0 + np.exp(-z))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the data file: the weights as half-precision floats (little-endian, base64).

        Half precision keeps three significant digits, far finer than the model's own uncertainty, and keeps
        the file a few MB (under 5).
        """
        return {
            **self.meta,
            "enabled": self.enabled,
            "threshold": round(self.threshold, 4),
            "cuts": {c: round(t, 4) for c, t in zip(self.classes, self.cuts, strict=False)},
            "classes": list(self.classes),
            "intercepts": [round(float(b), 4) for b in self.intercepts],
            "features": list(self.features),
            "weights": base64.b64encode(np.asarray(self.weights, dtype="<f2").tobytes()).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProposerModel:
        """Read the JSON form (see :meth:`to_dict`).

        Raises:
            SourceFormatError: A missing or malformed field.
        """
        try:
            own = ("enabled", "threshold", "cuts", "classes", "intercepts", "features", "weights")
            classes = tuple(str(c) for c in data["classes"])
            cuts = data.get("cuts") or {}
            features = tuple(str(f) for f in data["features"])
            raw = np.frombuffer(base64.b64decode(data["weights"]), dtype="<f2").astype(float)
            return cls(
                classes,
                features,
                raw.reshape(len(features), len(classes)),
                np.array(data["intercepts"], dtype=float).reshape(len(classes)),
                float(data["threshold"]),
                bool(data["enabled"]),
                {k: v for k, v in data.items() if k not in own},
                tuple(float(cuts[c]) for c in classes) if cuts else (),
            )
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as err:
            raise SourceFormatError(MODEL_FILE, f"malformed event proposer: {err}") from None


@functools.cache
def load_proposer() -> ProposerModel:
    """The shipped model (``casus/ingest/data/event_proposer.json``)."""
    text = resources.files("casus.ingest").joinpath(MODEL_FILE).read_text("utf-8")
    return ProposerModel.from_dict(json.loads(text))


def event_class(ev: ExtractedEvent) -> str:
    """The class of an event: its type, with its phase when it has one (a deployment's start has none).

    >>> from casus.ingest.model import Precision, When
    >>> event_class(ExtractedEvent(EventType.SUMMIT, "nato", (), When(None, None, Precision.UNDATED), (),
    ...                            stage="considering"))
    'summit/considering'
    """
    if ev.type is EventType.CONSIDERATION_OF_WITHDRAWAL:
        return "withdrawal/considering"
    phase = ev.phase
    return ev.type.value if phase in (None, "start") else f"{ev.type.value}/{phase}"


@dataclass(frozen=True)
class Sentences:
    """What the pipeline read of an article's sentences, for the proposer.

    Attributes:
        spans: Each sentence's offsets.
        mentions: Each sentence's entity mentions.
        times: Each sentence's date expressions.
        parsed: The sentences the pipeline parsed, by index (those its prefilter passed).
    """

    spans: Sequence[tuple[int, int]]
    mentions: Sequence[Sequence[Mention]]
    times: Sequence[Sequence[TimeExpression]]
    parsed: Mapping[int, Sentence] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        spans: Sequence[tuple[int, int]],
        mentions: Sequence[Mention],
        times: Sequence[TimeExpression],
        parsed: Mapping[int, Sentence] | None = None,
    ) -> Sentences:
        """The article's mentions and dates grouped by sentence (each placed by its start), and its parses."""
        starts = [s for s, _ in spans]
        by_mention: list[list[Mention]] = [[] for _ in spans]
        by_time: list[list[TimeExpression]] = [[] for _ in spans]
        for items, out in ((mentions, by_mention), (times, by_time)):
            for item in items:
                k = bisect.bisect_right(starts, item.start) - 1
                if k >= 0 and item.start < spans[k][1]:
                    out[k].append(item)  # type: ignore[arg-type]
        return cls(spans, by_mention, by_time, parsed or {})

    def rows(self, text: str, lang: str) -> list[list[str]]:
        """Each sentence's features (:func:`sentence_features`)."""
        return [
            sentence_features(text[s:e], self.mentions[k], any(t.when for t in self.times[k]), k, lang)
            for k, (s, e) in enumerate(self.spans)
        ]


def main_organization(mentions: Sequence[Mention]) -> str | None:
    """The organization an article names most (the first named at equal counts)."""
    orgs = [m.ref for m in mentions if m.kind == "organization"]
    return max(orgs, key=orgs.count) if orgs else None


def proposals(
    probs: np.ndarray[Any, Any], classes: Sequence[str], threshold: float | Sequence[float], told: set[str]
) -> list[tuple[int, str, float]]:
    """``(sentence, class, probability)``: per event type the rules told nothing of, its likeliest class and sentence.

    Only when its probability is at least ``threshold`` (one for every class, or one per class).

    >>> probs = np.array([[0.2, 0.9, 0.1], [0.7, 0.95, 0.8]])
    >>> proposals(probs, ["summit", "founding", "summit/considering"], 0.6, {"founding"})
    [(1, 'summit/considering', 0.8)]
    """
    best: dict[str, tuple[float, int, str]] = {}
    cuts = [threshold] * len(classes) if isinstance(threshold, float | int) else list(threshold)
    for c, name in enumerate(classes):
        type_ = name.partition("/")[0]
        if type_ in told or not len(probs):
            continue
        k = int(np.argmax(probs[:, c]))
        if probs[k, c] >= cuts[c] and probs[k, c] > best.get(type_, (0.0, 0, ""))[0]:
            best[type_] = (float(probs[k, c]), k, name)
    return [(k, name, round(p, 4)) for p, k, name in sorted(best.values(), key=lambda b: (b[1], b[2]))]


def asserting(text: str, lang: str) -> bool:
    """Whether a sentence may carry a proposed event: not a question, no negation word.

    The model reads no modality: a negated or asked event proposed as asserted would be wrong.

    >>> asserting("This did not provoke the activation of Article 5.", "en"), asserting("NATO met.", "en")
    (False, True)
    """
    words = set(_WORD.findall(text.lower()))
    return not text.rstrip().endswith("?") and not words & NEGATION.get(lang, frozenset())


def _states(mentions: Sequence[Mention]) -> list[str]:
    """The states a sentence names, directly or by a person holding one of their offices."""
    return [m.ref if m.kind in STATE_KINDS else m.state or "" for m in mentions if m.kind in STATE_KINDS or m.state]


def trigger_index(sent: Sentence, type_: str, lang: str) -> int | None:
    """The first token of a parsed sentence that holds a trigger stem of ``type_`` (:func:`triggers`), if any.

    >>> from casus.ingest.nlp import Token
    >>> toks = tuple(Token(w, 0, 0, w.lower()) for w in ("Finland", "joined", "NATO"))
    >>> trigger_index(Sentence(0, 19, "Finland joined NATO", toks), "accession", "en")
    1
    """
    pattern = dict(triggers(lang)).get(type_)
    if pattern is None:
        return None
    return next((k for k, t in enumerate(sent.tokens) if pattern.match(fold(t.text))), None)


@dataclass(frozen=True)
class Reading:
    """What the rules' readers say of a proposed event at its trigger: modality, stage and date (``None``: none)."""

    modality: Modality
    stage: str | None
    when: When | None


def read_at(
    sent: Sentence, i: int, name: str, lang: str, times: Sequence[TimeExpression], published: dt.date | None
) -> Reading:
    """The rules' readings of the event of class ``name`` whose trigger is token ``i`` of ``sent``.

    As the rules read a trigger (:mod:`casus.ingest.sentences`): the modality from the words before it
    (:func:`~casus.ingest.extract.modality_of`); a stage the class does not give from an intention, a plan or a
    threat told there (:func:`~casus.ingest.extract.stage_of`: "will leave" is ``considering``, asserted); the
    date from the sentence's own dates of the trigger (:func:`~casus.ingest.extract.own_dates`), read forward
    for an event told in the future (:func:`~casus.ingest.extract.is_future`).
    """
    type_, _, phase = name.partition("/")
    modality = modality_of(sent, i, lang)
    stage = phase or None
    if stage is None and modality is not Modality.NEGATED:
        stage = stage_of(sent, i, lang)
    if stage in ("considering", "threatening") and modality is not Modality.NEGATED:
        modality = Modality.ASSERTED  # an intention or a threat, told as such
    own = own_dates(sent, i, told_ahead(sent, times, lang), lang)
    future = stage in ("considering", "threatening") or is_future(sent, i, lang, stage, whole=type_ == "summit")
    when = pick_when(own, sent.tokens[i].start, Discourse(None, published), future=future)
    return Reading(modality, stage, when)


def build_event(doc: Document, sents: Sentences, k: int, name: str, p: float, main: str | None) -> ExtractedEvent:
    """The event of class ``name`` the proposer reads in sentence ``k``.

    Its organization is the first the sentence names (else the article's main one), its actors the states the
    sentence names (or whose office-holders it names) and the organizations it names. Where the pipeline parsed
    the sentence and a trigger stem of the type stands in it, its modality, stage and date are the rules' own
    readings there (:func:`read_at`); else it is asserted, at the class's phase, dated by the sentence's first
    resolved date (the next such day for a planned or threatened event; else undated).
    """
    type_, _, phase = name.partition("/")
    mentions = sents.mentions[k]
    orgs = [m.ref for m in mentions if m.kind == "organization"]
    actors = tuple(dict.fromkeys([*_states(mentions), *orgs]))
    reading = _reading(doc, sents, k, name)
    stage = reading.stage if reading is not None else phase or None
    ahead = stage in ("considering", "threatening")  # "will meet on 26 February": the next such day
    dated = [(t.future or t.when) if ahead else t.when for t in sents.times[k] if t.when is not None]
    when = reading.when if reading is not None else dated[0] if dated else None
    s, e = sents.spans[k]
    return ExtractedEvent(
        EventType(type_),
        orgs[0] if orgs else main,
        actors,
        when or undated(doc.published),
        (Evidence(doc.id, doc.text[s:e], s, e, p),),
        modality=reading.modality if reading is not None else Modality.ASSERTED,
        claim=DEPLOYMENT_END if stage == "end" else "",
        title=f"{', '.join(actors) or '(the article)'}: {name} (proposed by the model)",
        confidence=p,
        stage=stage if stage != "end" else None,
        extra={"rule": "proposer", "sentence": k, "neighbour_date": False, "rule_confidence": p},
    )


def _reading(doc: Document, sents: Sentences, k: int, name: str) -> Reading | None:
    """:func:`read_at` at the sentence's trigger of the class's type, when it was parsed and holds one."""
    sent = sents.parsed.get(k)
    i = trigger_index(sent, name.partition("/")[0], doc.lang) if sent is not None else None
    if sent is None or i is None:
        return None
    return read_at(sent, i, name, doc.lang, sents.times[k], doc.published)


def propose(
    doc: Document, sents: Sentences, events: Sequence[ExtractedEvent], model: ProposerModel
) -> list[ExtractedEvent]:
    """The events the model proposes in this article (see the module docstring)."""
    return proposed_with(
        doc, sents, events, model, model.probabilities(sents.rows(doc.text, doc.lang)), model.thresholds()
    )


def proposed_with(
    doc: Document,
    sents: Sentences,
    events: Sequence[ExtractedEvent],
    model: ProposerModel,
    probs: np.ndarray[Any, Any],
    threshold: float | Sequence[float],
) -> list[ExtractedEvent]:
    """The events proposed from these sentence × class probabilities at ``threshold`` (see :func:`propose`).

    ``threshold``: one for every class, or one per class.
    """
    told = {event_class(ev).partition("/")[0] for ev in events}
    probs = probs.copy()
    for k, (s, e) in enumerate(sents.spans):
        if not asserting(doc.text[s:e], doc.lang):
            probs[k] = 0.0
    main = main_organization([m for ms in sents.mentions for m in ms])
    return [build_event(doc, sents, k, c, p, main) for k, c, p in proposals(probs, model.classes, threshold, told)]


def proposed_signals(events: Sequence[ExtractedEvent]) -> tuple[Signal, ...]:
    """One ``proposed`` signal per event the model proposed: what, its probability, where."""
    out = []
    for ev in events:
        if ev.extra.get("rule") != "proposer":
            continue
        first = ev.evidence[0]
        detail = f"proposed by the model, no rule read it: {ev.title} (probability {ev.extra['rule_confidence']:.2f})"
        out.append(Signal("proposed", detail, first.start, first.end, first.quote))
    return tuple(out)
