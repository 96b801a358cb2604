"""The event store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

* ``documents``: one row per article, keyed by the SHA-256 of its bytes, with the analysed text (evidence
  offsets point into it) and its sourcing signals;
* ``events``: one row per distinct event (the id is derived from what makes two reports the same event, see
  :meth:`casus.ingest.model.ExtractedEvent.key`), with its review status;
* ``evidence``: every quote that reports an event, with its document and offsets;
* ``reviews``: every review action (accept, reject, edit) with who did it, when, and what an edit changed;
* ``feed_items``: the items of RSS/Atom feeds already read, so that a feed is ingested for new items only.

The schema has a version, kept in ``casus_meta``; :data:`MIGRATIONS` brings an older store up to
:data:`SCHEMA_VERSION` step by step, inside the same serialised transaction that creates the tables (see
:func:`casus.store.events.EventStore`), so several processes opening a new or old store at once create or
migrate it exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

#: Bumped when the tables change; stored in ``casus_meta`` under ``schema``. Add a step to :data:`MIGRATIONS`.
SCHEMA_VERSION = 3

metadata = MetaData()

meta = Table(
    "casus_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("lang", String(8), nullable=False),
    Column("published", Date),
    Column("published_from", String(16), nullable=False),
    Column("byline", Text),
    Column("media_type", String(64), nullable=False),
    Column("links", JSON, nullable=False),
    Column("signals", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(48), nullable=False),
    Column("organization", String(64)),
    Column("actors", JSON, nullable=False),
    Column("people", JSON, nullable=False),
    Column("target", String(64)),
    Column("mentioned", JSON, nullable=False),
    Column("members", JSON, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("precision", String(16), nullable=False),
    Column("date_text", Text, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("phase", String(16)),
    Column("speakers", JSON),
    Column("claim", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("review_note", Text, nullable=False, default=""),
    Column("reviewed_at", DateTime(timezone=True)),
    Column("reviewed_by", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True)),
    Index("ix_events_status", "status"),
    Index("ix_events_org_type", "organization", "type"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("quote", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    UniqueConstraint("event_id", "document_id", "start_offset", "end_offset", name="uq_evidence_span"),
    Index("ix_evidence_document", "document_id"),
)


def _add_updated_at(conn: Any) -> None:
    """Version 1 → 2: ``events.updated_at``, when a later report last merged into the event."""
    conn.exec_driver_sql(
        "ALTER TABLE events ADD COLUMN updated_at TIMESTAMP"
        + (" WITH TIME ZONE" if conn.dialect.name == "postgresql" else "")
    )


reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(16), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("changes", JSON, nullable=False),
    Index("ix_reviews_event", "event_id"),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("feed", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("link", Text),
    Column("document_id", String(64)),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("feed", "item", name="uq_feed_item"),
)


def _add_review_columns(conn: Any) -> None:
    """Version 2 → 3: ``events.phase``, ``events.speakers``, ``events.reviewed_by`` (issue #10).

    The ``reviews`` and ``feed_items`` tables are new tables, made by ``create_all``.
    """
    import sqlalchemy as sa

    present = {c["name"] for c in sa.inspect(conn).get_columns("events")}
    for column, sql_type in (("phase", "VARCHAR(16)"), ("speakers", "JSON"), ("reviewed_by", "TEXT")):
        if column not in present:
            conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {column} {sql_type}")


#: ``from_version → step`` upgrading a store by one version; each runs inside the schema transaction.
MIGRATIONS: dict[int, Callable[[Any], None]] = {1: _add_updated_at, 2: _add_review_columns}
