"""Sources and coverage: where every fact comes from and which period a source speaks for.

Every curated fact names at least one :class:`Source`; every dataset has a provenance record. A source
declares the period it *covers*: a question outside it answers "unknown", never "no".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casus.errors import InvalidInputError


class SourceKind(StrEnum):
    """What kind of document a source is."""

    TREATY_TEXT = "treaty-text"
    OFFICIAL = "official"
    DATASET = "dataset"
    PRESS = "press"
    SCHOLARSHIP = "scholarship"
    REFERENCE = "reference"
    NEWS_INGEST = "news-ingest"


@dataclass(frozen=True)
class Source:
    """A citable document.

    Attributes:
        id: Stable short id used by facts (``cst-1992-text``).
        title: Title of the document.
        kind: What kind of document it is.
        publisher: Who published it (an organization, a newspaper, a dataset's authors).
        url: Where to read it, when public.
        published: Publication date, when known.
        note: Anything a reader should know (e.g. which language version was used).
    """

    id: str
    title: str
    kind: SourceKind
    publisher: str = ""
    url: str | None = None
    published: dt.date | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not self.id or not self.title:
            raise InvalidInputError("a source needs an id and a title")

    def cite(self) -> str:
        """One-line plain-text citation."""
        parts = [self.publisher, self.title]
        if self.published:
            parts.append(self.published.isoformat())
        if self.url:
            parts.append(self.url)
        return ". ".join(p.rstrip(".") for p in parts if p) + "."


@dataclass(frozen=True)
class Coverage:
    """The period a body of knowledge speaks for (both ends inclusive; ``None`` is open)."""

    start: dt.date | None
    end: dt.date | None
    label: str = ""

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise InvalidInputError(f"coverage {self.label!r} ends ({self.end}) before it starts ({self.start})")

    def covers(self, on: dt.date) -> bool:
        """Whether ``on`` falls inside the covered period."""
        return (self.start is None or on >= self.start) and (self.end is None or on <= self.end)

    def describe(self) -> str:
        """Human-readable period, e.g. ``1992-05-15 to 2025-06-30``."""
        start = self.start.isoformat() if self.start else "the beginning"
        end = self.end.isoformat() if self.end else "now"
        return f"{start} to {end}"
