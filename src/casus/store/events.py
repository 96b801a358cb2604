"""The event store: documents by content hash, merged events with all their evidence, and their review.

SQLite by default (a file in the user data folder, WAL journal, foreign keys on), PostgreSQL through a URL
(``postgresql://user@host/db``, driven by psycopg 3). Every write is one transaction: a document with all
its events and evidence is stored completely or not at all. Storing a document the store already holds is a
no-op. The same event reported by several articles (same :meth:`~casus.ingest.model.ExtractedEvent.key`)
is one row with one evidence row per report; its confidence is the noisy-or of the reports'.

>>> store = EventStore("sqlite://")
>>> store.counts()
{'documents': 0, 'events': 0, 'evidence': 0}
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from casus.errors import InvalidInputError, MissingExtraError, StoreError, UnknownEntityError
from casus.ingest.model import Analysis, Document, Evidence, ExtractedEvent, Modality, Precision, Signal, When
from casus.kb.events import EventType

_R = TypeVar("_R")

ENV_VAR = "CASUS_STORE"
STATUSES = ("pending", "accepted", "rejected")


def user_data_dir() -> Path:
    """The per-user data folder (``$XDG_DATA_HOME/casus``, default ``~/.local/share/casus``)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "casus"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "casus"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share") / "casus"


def default_store_url() -> str:
    """``$CASUS_STORE`` when set, else a SQLite file in :func:`user_data_dir`."""
    return os.environ.get(ENV_VAR) or f"sqlite:///{user_data_dir() / 'events.sqlite'}"


def normalize_url(url: str) -> str:
    """A SQLAlchemy URL for a store location: a ``sqlite:///`` or ``postgresql://`` URL, or a file path.

    >>> normalize_url("postgresql://casus@127.0.0.1/casus")
    'postgresql+psycopg://casus@127.0.0.1/casus'
    >>> normalize_url("events.sqlite")
    'sqlite:///events.sqlite'

    Raises:
        InvalidInputError: An unsupported database URL.
    """
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    if "://" in url:
        raise InvalidInputError(f"unsupported store URL {url!r}; use sqlite:///PATH or postgresql://USER@HOST/DB")
    return f"sqlite:///{url}"


@dataclass(frozen=True)
class StoredEvent:
    """An event as the store holds it: the event with all its evidence, and its review."""

    event: ExtractedEvent
    status: str
    review_note: str = ""
    reviewed_at: dt.datetime | None = None
    reviewed_by: str | None = None
    stored_id: str = ""

    @property
    def id(self) -> str:
        """The id it is stored under (an edited event keeps the id it was first stored under)."""
        return self.stored_id or self.event.id

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of a stored event: the event's, plus ``status`` and the review."""
        return {
            **self.event.to_dict(),
            "id": self.id,
            "status": self.status,
            "review_note": self.review_note,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
            "reviewed_by": self.reviewed_by,
        }


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store holds it, with its signals."""

    document: Document
    signals: tuple[Signal, ...]
    ingested_at: dt.datetime


@dataclass(frozen=True)
class AddResult:
    """What :meth:`EventStore.add_analysis` wrote."""

    new_document: bool
    new_events: int
    merged_events: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class EventStore:
    """An event store at a database URL (see :func:`normalize_url`); ``None`` opens the default one.

    Raises:
        MissingExtraError: SQLAlchemy (or psycopg, for PostgreSQL) is not installed.
        StoreError: The database cannot be opened or its tables created.
    """

    def __init__(self, url: str | None = None) -> None:
        try:
            import sqlalchemy as sa
        except ImportError:
            raise MissingExtraError("ingest", "sqlalchemy") from None
        from casus.store import schema

        self.url = url or default_store_url()
        if "\x00" in self.url:  # sqlite3 would raise ValueError on connect, past the URL checks below
            raise InvalidInputError("bad store URL: it contains a NUL character; use sqlite:///PATH")
        target = normalize_url(self.url)
        if target.startswith("sqlite:///") and target != "sqlite:///:memory:":
            folder = Path(target[len("sqlite:///") :]).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot open the event store at {_safe(self.url)}: cannot create {folder} ({exc.strerror or exc})"
                ) from None
        try:
            port = sa.engine.make_url(target).port
            if port is not None and not 0 < port < 65536:
                raise ValueError(f"port {port} is out of range 1-65535")
            self.engine = sa.create_engine(target, future=True)
        except ImportError as err:
            raise MissingExtraError("ingest", err.name or "psycopg") from None
        except (sa.exc.ArgumentError, ValueError) as err:
            raise InvalidInputError(
                f"bad store URL {_safe(self.url)!r}: {_first_line(err)}; use sqlite:///PATH or postgresql://USER@HOST/DB"
            ) from None
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            sa.event.listen(self.engine, "begin", _sqlite_begin)
        #: Write transactions go through this engine: ``BEGIN IMMEDIATE`` on SQLite (see :func:`_sqlite_begin`).
        self._writer = self.engine.execution_options(casus_write=True)
        self._t = schema
        try:
            self._retry(self._open_schema, f"open the event store at {_safe(self.url)}")
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"cannot open the event store at {_safe(self.url)}: {_first_line(err)}") from None

    def _open_schema(self) -> None:
        """Create or migrate the tables, one process at a time (advisory lock / ``BEGIN IMMEDIATE``)."""
        import sqlalchemy as sa

        schema = self._t
        with self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
            existed = sa.inspect(conn).has_table("events")
            schema.metadata.create_all(conn)
            row = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "schema")).first()
            if row is None:
                found = 1 if existed else schema.SCHEMA_VERSION
                conn.execute(sa.insert(schema.meta).values(key="schema", value=str(found)))
            else:
                try:
                    found = int(row[0])
                except ValueError:
                    raise StoreError(
                        f"the event store at {_safe(self.url)} has a bad schema version {row[0]!r}"
                    ) from None
            if found > schema.SCHEMA_VERSION:
                raise StoreError(
                    f"the event store at {_safe(self.url)} was written by a newer casus (schema {found}, this one "
                    f"reads {schema.SCHEMA_VERSION}); upgrade casus-foederis"
                )
            if found < schema.SCHEMA_VERSION:
                for version in range(found, schema.SCHEMA_VERSION):
                    schema.MIGRATIONS[version](conn)
                conn.execute(
                    sa.update(schema.meta).where(schema.meta.c.key == "schema").values(value=str(schema.SCHEMA_VERSION))
                )

    def _retry(self, work: Callable[[], _R], what: str) -> _R:
        """Run a transaction, again after a lock timeout, deadlock or serialisation failure (up to 8 tries)."""
        import sqlalchemy as sa

        for attempt in range(_ATTEMPTS):
            try:
                return work()
            except sa.exc.OperationalError as err:
                if attempt == _ATTEMPTS - 1 or not _transient(err):
                    raise
            except sa.exc.IntegrityError:
                if attempt == _ATTEMPTS - 1:
                    raise  # a race that ON CONFLICT did not cover: once more, then give up
            time.sleep(0.02 * 2**attempt * (1 + (os.getpid() % 10) / 10))
        raise StoreError(f"could not {what}")  # pragma: no cover - the loop returns or raises

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ documents
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with that content hash is stored."""
        import sqlalchemy as sa

        d = self._t.documents
        with self.engine.connect() as conn:
            return conn.execute(sa.select(d.c.id).where(d.c.id == doc_id)).first() is not None

    def document(self, doc_id: str) -> StoredDocument:
        """A stored document (an id prefix of 8 or more hex digits is enough).

        Raises:
            UnknownEntityError: No such document.
        """
        import sqlalchemy as sa

        doc_id = _hex_id(doc_id, "document", 8)
        d = self._t.documents
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(d).where(_prefix(d.c.id, doc_id))).mappings().all()
        if len(rows) != 1:
            raise UnknownEntityError("document", doc_id, hint="give more of its id" if rows else "")
        r = rows[0]
        doc = Document(
            r["id"],
            r["text"],
            r["lang"],
            r["title"],
            r["published"],
            r["published_from"],
            r["byline"],
            r["url"],
            tuple(r["links"]),
            r["origin"],
            r["media_type"],
        )
        signals = tuple(Signal(**s) for s in r["signals"])
        return StoredDocument(doc, signals, r["ingested_at"])

    def add_analysis(self, analysis: Analysis) -> AddResult:
        """Store a document with its events and evidence in one transaction (a no-op if already stored).

        Safe under concurrency: every insert is idempotent (``ON CONFLICT DO NOTHING``), an event that
        another process is writing is locked before it is merged into, and a transaction that meets a lock
        timeout or a deadlock is run again, so several processes storing overlapping articles end with the
        same rows as one process storing them in turn.

        Raises:
            StoreError: The write failed; nothing was written.
        """
        import sqlalchemy as sa

        doc = analysis.document
        if self.has_document(doc.id):
            return AddResult(False, 0, 0)
        try:
            return self._retry(lambda: self._write(analysis), f"store document {doc.short_id}")
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"could not store document {doc.short_id}: {_first_line(err)}") from None

    def _insert(self, table: Any) -> Any:
        """An ``INSERT`` that can say ``ON CONFLICT DO NOTHING`` in this database's dialect."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            return pg_insert(table)
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)

    def _write(self, analysis: Analysis) -> AddResult:
        t = self._t
        doc = analysis.document
        new = merged = 0
        with self._writer.begin() as conn:
            stored = conn.execute(
                self._insert(t.documents)
                .values(
                    id=doc.id,
                    origin=doc.origin,
                    url=doc.url,
                    title=doc.title,
                    lang=doc.lang,
                    published=doc.published,
                    published_from=doc.published_from,
                    byline=doc.byline,
                    media_type=doc.media_type,
                    links=list(doc.links),
                    signals=[s.to_dict() for s in analysis.signals],
                    text=doc.text,
                    ingested_at=_now(),
                )
                .on_conflict_do_nothing(index_elements=["id"])
                .returning(t.documents.c.id)
            ).first()
            if stored is None:  # stored meanwhile by another process: a no-op
                return AddResult(False, 0, 0)
            for ev in sorted(analysis.events, key=lambda e: e.id):  # one lock order for every writer
                if self._merge_into(conn, ev):
                    merged += 1
                else:
                    new += 1
        return AddResult(True, new, merged)

    def _merge_into(self, conn: Any, ev: ExtractedEvent) -> bool:
        import sqlalchemy as sa

        t = self._t
        created = conn.execute(  # RETURNING, not rowcount: psycopg reports -1 for ON CONFLICT statements
            self._insert(t.events)
            .values(**_event_row(ev), status="pending", review_note="", created_at=_now())
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(t.events.c.id)
        ).first()
        row = None
        if created is None:  # another report's event: lock it until this transaction ends
            row = conn.execute(sa.select(t.events).where(t.events.c.id == ev.id).with_for_update()).mappings().one()
        for e in ev.evidence:
            conn.execute(
                self._insert(t.evidence)
                .values(
                    event_id=ev.id,
                    document_id=e.document,
                    quote=e.quote,
                    start_offset=e.start,
                    end_offset=e.end,
                    confidence=e.confidence,
                )
                .on_conflict_do_nothing(index_elements=["event_id", "document_id", "start_offset", "end_offset"])
            )
        if row is None:
            return False
        confs = conn.execute(sa.select(t.evidence.c.confidence).where(t.evidence.c.event_id == ev.id)).scalars()
        miss = 1.0
        for c in confs:
            miss *= 1 - float(c)
        claim = row["claim"] if not ev.claim or ev.claim in row["claim"] else f"{row['claim']} … {ev.claim}"
        conn.execute(
            sa.update(t.events)
            .where(t.events.c.id == ev.id)
            .values(
                confidence=round(min(0.99, max(row["confidence"], 1 - miss)), 3),
                claim=claim.strip(" …"),
                mentioned=list(dict.fromkeys([*row["mentioned"], *ev.mentioned])),
                members=row["members"] or list(ev.members),
                updated_at=_now(),
            )
        )
        return True

    # ------------------------------------------------------------------ events
    def events(
        self,
        *,
        status: str | None = None,
        type: str | None = None,
        organization: str | None = None,
        document: str | None = None,
    ) -> list[StoredEvent]:
        """Stored events, by date then type, optionally filtered.

        Raises:
            InvalidInputError: An unknown status or event type.
        """
        import sqlalchemy as sa

        t = self._t
        query = sa.select(t.events)
        if status is not None:
            if status not in STATUSES:
                raise InvalidInputError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
            query = query.where(t.events.c.status == status)
        if type is not None:
            if type not in {e.value for e in EventType}:
                raise InvalidInputError(
                    f"unknown event type {type!r}; use one of {', '.join(e.value for e in EventType)}"
                )
            query = query.where(t.events.c.type == type)
        if organization is not None:
            query = query.where(t.events.c.organization == organization)
        if document is not None:
            ids = sa.select(t.evidence.c.event_id).where(t.evidence.c.document_id == document)
            query = query.where(t.events.c.id.in_(ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            ev_rows = (
                conn.execute(
                    sa.select(t.evidence)
                    .where(t.evidence.c.event_id.in_([r["id"] for r in rows]))
                    .order_by(t.evidence.c.id)
                )
                .mappings()
                .all()
            )
        by_event: dict[str, list[Evidence]] = {}
        for e in ev_rows:
            by_event.setdefault(e["event_id"], []).append(
                Evidence(e["document_id"], e["quote"], e["start_offset"], e["end_offset"], e["confidence"])
            )
        out = [_stored(r, by_event.get(r["id"], [])) for r in rows]
        return sorted(
            out, key=lambda s: (s.event.when.start or s.event.when.end or dt.date.min, s.event.type.value, s.id)
        )

    def events_of_document(self, doc_id: str) -> tuple[ExtractedEvent, ...]:
        """The events a document reports (each with all its evidence, from every document)."""
        return tuple(s.event for s in self.events(document=doc_id))

    def event(self, event_id: str) -> StoredEvent:
        """One event by id (a prefix of 6 or more characters is enough).

        Raises:
            UnknownEntityError: No event, or several, start with that id.
        """
        event_id = _hex_id(event_id, "event", 6)
        import sqlalchemy as sa

        t = self._t
        with self.engine.connect() as conn:
            ids = conn.execute(sa.select(t.events.c.id).where(_prefix(t.events.c.id, event_id))).scalars().all()
        if len(ids) != 1:
            raise UnknownEntityError(
                "event",
                event_id,
                tuple(ids[:3]),
                hint="`casus events list` shows the ids" if not ids else "ambiguous prefix",
            )
        found = [s for s in self.events() if s.id == ids[0]]
        return found[0]

    def _review(
        self,
        event_id: str,
        status: str,
        note: str,
        reviewer: str | None,
        changes: dict[str, Any] | None = None,
        action: str | None = None,
    ) -> StoredEvent:
        import sqlalchemy as sa

        stored = self.event(event_id)
        who = reviewer or default_reviewer()
        at = _now()
        values: dict[str, Any] = {"status": status, "review_note": note, "reviewed_at": at, "reviewed_by": who}
        if changes:
            values.update(changes)
        try:
            with self._writer.begin() as conn:
                conn.execute(sa.update(self._t.events).where(self._t.events.c.id == stored.id).values(**values))
                conn.execute(
                    sa.insert(self._t.reviews).values(
                        event_id=stored.id,
                        action=action or status,
                        reviewer=who,
                        at=at,
                        note=note,
                        changes={k: _jsonable(v) for k, v in (changes or {}).items()},
                    )
                )
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"could not review event {stored.id}: {_first_line(err)}") from None
        return self.event(stored.id)

    def accept(self, event_id: str, note: str = "", reviewer: str | None = None) -> StoredEvent:
        """Mark an event accepted: membership events then become knowledge-base facts (see :mod:`.facts`).

        ``reviewer`` (default: :func:`default_reviewer`) and the time are recorded with the note.
        """
        return self._review(event_id, "accepted", note, reviewer)

    def reject(self, event_id: str, note: str = "", reviewer: str | None = None) -> StoredEvent:
        """Mark an event rejected (who and when are recorded)."""
        return self._review(event_id, "rejected", note, reviewer)

    def edit(self, event_id: str, changes: dict[str, Any], note: str = "", reviewer: str | None = None) -> StoredEvent:
        """Correct an event's fields before accepting it (see :func:`casus.store.review.edit_values`).

        The event keeps its id and goes back to ``pending``; the review log records who changed what, when.
        """
        return self._review(event_id, "pending", note, reviewer, changes, action="edit")

    def review_log(self, event_id: str) -> list[dict[str, Any]]:
        """Every review action on an event, oldest first: ``action``, ``reviewer``, ``at``, ``note``, ``changes``."""
        import sqlalchemy as sa

        stored = self.event(event_id)
        t = self._t
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(t.reviews).where(t.reviews.c.event_id == stored.id).order_by(t.reviews.c.id)
            ).mappings()
            return [
                {k: (r[k].isoformat() if k == "at" else r[k]) for k in ("action", "reviewer", "at", "note", "changes")}
                for r in rows
            ]

    # ------------------------------------------------------------------ feeds
    def feed_items(self, feed: str) -> set[str]:
        """Keys of the items of ``feed`` already read (see :mod:`casus.ingest.feeds`)."""
        import sqlalchemy as sa

        t = self._t.feed_items
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(t.c.item).where(t.c.feed == feed)).scalars())

    def remember_feed_item(self, feed: str, item: str, link: str | None, document: str | None) -> None:
        """Remember that an item of a feed was read (a second call for it changes nothing)."""
        import sqlalchemy as sa

        t = self._t.feed_items
        try:
            with self._writer.begin() as conn:
                if conn.execute(sa.select(t.c.item).where(t.c.feed == feed, t.c.item == item)).first() is None:
                    conn.execute(
                        sa.insert(t).values(feed=feed, item=item, link=link, document_id=document, seen_at=_now())
                    )
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"could not remember feed item {item[:60]!r}: {_first_line(err)}") from None

    def counts(self) -> dict[str, int]:
        """Rows per table: ``documents``, ``events``, ``evidence``."""
        import sqlalchemy as sa

        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(getattr(self._t, name))).scalar_one())
                for name in ("documents", "events", "evidence")
            }

    def documents_of(self, ids: Iterable[str]) -> dict[str, StoredDocument]:
        """Several stored documents by full id."""
        return {i: self.document(i) for i in dict.fromkeys(ids)}


def _hex_id(value: str, what: str, shortest: int) -> str:
    """An id or id prefix as given by a user: hex digits only, at least ``shortest`` of them.

    Raises:
        InvalidInputError: Anything else (``%`` and ``_`` would otherwise be ``LIKE`` wildcards).
    """
    given = value.strip().lower()
    if not given or any(c not in "0123456789abcdef" for c in given):
        article = "an" if what[0] in "aeiou" else "a"
        raise InvalidInputError(
            f"{value!r} is not {article} {what} id; ids are hex digits, as `casus events list` shows"
        )
    if len(given) < shortest:
        raise InvalidInputError(f"{what} id {value!r} is too short; give at least {shortest} characters")
    return given


def _prefix(column: Any, given: str) -> Any:
    """``column`` equals ``given`` or starts with it, with ``LIKE`` wildcards escaped."""
    escaped = given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (column == given) | column.like(f"{escaped}%", escape="\\")


def default_reviewer() -> str:
    """Who reviews when nobody is named: ``$CASUS_REVIEWER``, else the login name, else ``unknown``."""
    import getpass

    name = os.environ.get("CASUS_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _event_row(ev: ExtractedEvent) -> dict[str, Any]:
    return {
        "id": ev.id,
        "type": ev.type.value,
        "organization": ev.organization,
        "actors": list(ev.actors),
        "people": list(ev.people),
        "target": ev.target,
        "mentioned": list(ev.mentioned),
        "members": list(ev.members),
        "date_start": ev.when.start,
        "date_end": ev.when.end,
        "precision": ev.when.precision.value,
        "date_text": ev.when.text,
        "modality": ev.modality.value,
        "phase": ev.stage,
        "speakers": list(ev.speakers),
        "claim": ev.claim,
        "title": ev.title,
        "confidence": ev.confidence,
    }


def _stored(r: Any, evidence: list[Evidence]) -> StoredEvent:
    when = When(r["date_start"], r["date_end"], Precision(r["precision"]), r["date_text"])
    ev = ExtractedEvent(
        type=EventType(r["type"]),
        organization=r["organization"],
        actors=tuple(r["actors"]),
        when=when,
        evidence=tuple(evidence),
        people=tuple(r["people"]),
        target=r["target"],
        mentioned=tuple(r["mentioned"]),
        members=tuple(r["members"]),
        modality=Modality(r["modality"]),
        claim=r["claim"],
        title=r["title"],
        confidence=float(r["confidence"]),
        stage=r["phase"],
        speakers=tuple(r["speakers"] or ()),
    )
    return StoredEvent(ev, r["status"], r["review_note"], r["reviewed_at"], r["reviewed_by"], r["id"])


#: Key of the PostgreSQL advisory lock that serialises creating and migrating the tables.
_SCHEMA_LOCK = 0x63617375
_ATTEMPTS = 8


def _transient(err: BaseException) -> bool:
    """Whether a database error is worth a retry: a lock timeout, a deadlock, a serialisation failure."""
    text = str(getattr(err, "orig", err)).lower()
    code = getattr(getattr(err, "orig", None), "sqlstate", None)
    return code in ("40001", "40P01", "55P03") or "locked" in text or "deadlock" in text or "busy" in text


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin, not by the driver
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL waits for other openers
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    """``BEGIN IMMEDIATE`` for writes (the write lock is taken at once, so two writers never deadlock)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("casus_write") else "BEGIN")


def _safe(url: str) -> str:
    """A URL with its password hidden."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}" if ":" in creds else url
    return url


def _first_line(err: BaseException) -> str:
    return str(getattr(err, "orig", None) or err).strip().splitlines()[0][:300]
