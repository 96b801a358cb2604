"""The event store: ingested documents, merged events with their evidence, review, and accepted facts.

SQLite by default, PostgreSQL through a URL. Needs the ``[ingest]`` extra (SQLAlchemy, psycopg).
"""

from casus.store.events import (
    AddResult,
    EventStore,
    StoredDocument,
    StoredEvent,
    default_store_url,
    normalize_url,
    user_data_dir,
)
from casus.store.facts import Conflict, Overlay, check_against_curated, facts_from_events, overlay_kb

__all__ = [
    "AddResult",
    "Conflict",
    "EventStore",
    "Overlay",
    "StoredDocument",
    "StoredEvent",
    "check_against_curated",
    "default_store_url",
    "facts_from_events",
    "normalize_url",
    "overlay_kb",
    "user_data_dir",
]
