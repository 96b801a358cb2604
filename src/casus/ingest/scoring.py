"""Scoring extraction against labelled articles: precision and recall per event type and language.

A labelled article gives its text, publication date and gold events. A predicted event matches a gold one
when the type is the same, the organization is the same (if the gold gives one), the gold actors are among
the predicted ones (state, organization or person ids), the gold members are among the predicted members,
the predicted period overlaps the gold date or period (if the gold gives one), the modality is the same and,
for a deployment, so is the phase (``phase: end`` labels forces withdrawn; a gold deployment without a phase
is its start).
Each gold event matches at most one prediction (greedy, in gold order). Unmatched predictions are false
positives; unmatched gold events are false negatives.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import SourceFormatError
from casus.ingest.model import ExtractedEvent, Modality
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase


@dataclass(frozen=True)
class GoldEvent:
    """A labelled event."""

    type: EventType
    organization: str | None = None
    actors: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    modality: Modality = Modality.ASSERTED
    phase: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    """A labelled article."""

    id: str
    lang: str
    published: dt.date
    text: str
    events: tuple[GoldEvent, ...]


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    """Counts per (language, event type), and the misses for inspection."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[str] = field(default_factory=list)

    def total(self, lang: str | None = None, type_: str | None = None) -> Counts:
        """Counts summed over languages and/or types."""
        out = Counts()
        for (lg, ty), c in self.counts.items():
            if (lang is None or lg == lang) and (type_ is None or ty == type_):
                out.tp, out.fp, out.fn = out.tp + c.tp, out.fp + c.fp, out.fn + c.fn
        return out

    def markdown(self) -> str:
        """A table: one row per event type, precision/recall per language and overall."""
        langs = sorted({lg for lg, _ in self.counts})
        types = sorted({ty for _, ty in self.counts})
        head = "| type | " + " | ".join(f"{lg} P | {lg} R" for lg in langs) + " | all P | all R | n (gold) |"
        lines = [head, "|" + "---|" * (2 * len(langs) + 4)]
        for ty in [*types, None]:
            cells = []
            for lg in [*langs, None]:
                c = self.total(lg, ty)
                cells += [f"{c.precision:.2f}", f"{c.recall:.2f}"]
            n = self.total(None, ty)
            lines.append(f"| {ty or '**all**'} | " + " | ".join(cells) + f" | {n.tp + n.fn} |")
        return "\n".join(lines)


def _date(value: Any) -> tuple[dt.date | None, dt.date | None]:
    if value is None:
        return None, None
    text = str(value)
    if ".." in text:
        a, b = text.split("..", 1)
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    day = dt.date.fromisoformat(text)
    return day, day


def _phase(value: Any) -> str | None:
    if value is None:
        return None
    if value not in ("start", "end"):
        raise ValueError(f"phase must be start or end, not {value!r}")
    return str(value)


def load_gold(path: str | Path, lang: str | None = None) -> list[GoldArticle]:
    """Labelled articles from a YAML file (see ``tests/ingest/eval/en.yaml`` for the format).

    Raises:
        SourceFormatError: A malformed file or event (file and article id named).
    """
    import yaml

    p = Path(path)
    lang = lang or p.stem
    try:
        data = yaml.safe_load(p.read_text("utf-8"))
        out = []
        for art in data:
            events = []
            for e in art["events"]:
                start, end = _date(e.get("date"))
                events.append(
                    GoldEvent(
                        EventType(e["type"]),
                        e.get("org"),
                        tuple(e.get("actors", ())),
                        tuple(e.get("members", ())),
                        start,
                        end,
                        Modality(e.get("modality", "asserted")),
                        _phase(e.get("phase")),
                    )
                )
            published = art["published"]
            if not isinstance(published, dt.date):
                published = dt.date.fromisoformat(str(published))
            out.append(GoldArticle(art["id"], lang, published, art["text"], tuple(events)))
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as err:
        raise SourceFormatError(str(p), f"malformed labelled article: {err}") from None
    return out


def matches(pred: ExtractedEvent, gold: GoldEvent) -> bool:
    """Whether a predicted event matches a gold one (see the module docstring)."""
    if pred.type is not gold.type or pred.modality is not gold.modality:
        return False
    if gold.type is EventType.DEPLOYMENT and pred.phase != (gold.phase or "start"):
        return False
    if gold.organization and pred.organization != gold.organization:
        return False
    if gold.actors and not set(gold.actors) <= {*pred.actors, *pred.people}:
        return False
    if gold.members and not set(gold.members) <= set(pred.members):
        return False
    if gold.start is not None and gold.end is not None:
        a0, a1 = pred.when.start or dt.date.min, pred.when.end or dt.date.max
        if not (a0 <= gold.end and gold.start <= a1):
            return False
    return True


def _span(ev: ExtractedEvent) -> int:
    """Days an event's period spans (the most precise match wins)."""
    if ev.when.start is None or ev.when.end is None:
        return 1_000_000
    return (ev.when.end - ev.when.start).days


def score_article(
    report: Report, article_id: str, lang: str, predicted: Sequence[ExtractedEvent], gold: Sequence[GoldEvent]
) -> None:
    """Add one article's matches to ``report``."""
    free = list(predicted)
    for g in gold:
        hits = [p for p in free if matches(p, g)]
        hit = min(hits, key=_span) if hits else None
        if hit is None:
            report.counts[(lang, g.type.value)].fn += 1
            report.misses.append(f"{article_id}: missed {g}")
        else:
            report.counts[(lang, g.type.value)].tp += 1
            free.remove(hit)
    for p in free:
        report.counts[(lang, p.type.value)].fp += 1
        report.misses.append(f"{article_id}: spurious {p.title} {p.when.to_dict()}")


def evaluate(articles: Iterable[GoldArticle], kb: KnowledgeBase | None = None) -> Report:
    """Analyze every labelled article and score the events found."""
    from casus.ingest.documents import build_document
    from casus.ingest.pipeline import analyze

    report = Report()
    for art in articles:
        doc = build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published)
        score_article(report, art.id, art.lang, analyze(doc, kb).events, art.events)
    return report
