"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when CASUS_TEST_PG_URL is set.

``scripts/ci_postgres.sh`` starts a throwaway PostgreSQL 15 server and prints the variable. Each test gets its
own PostgreSQL schema, so parallel workers do not see each other's rows.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [ingest] extra")

PG_URL = os.environ.get("CASUS_TEST_PG_URL")


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not PG_URL,
                    reason="needs PostgreSQL: install its server (make test then starts a throwaway one) "
                    "or set CASUS_TEST_PG_URL",
                ),
            ],
        ),
    ]
)
def store_url(request, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.sqlite'}"
        return
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    from casus.store import EventStore

    s = EventStore(store_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def make_analysis():  # type: ignore[no-untyped-def]
    """Build an analysis by hand (no language model): ``make_analysis(text, [(type, actors, start, end), ...])``."""
    from casus.ingest.documents import build_document
    from casus.ingest.model import Analysis, Evidence, ExtractedEvent, Precision, Signal, When
    from casus.kb.events import EventType

    def _make(text, events, published="2024-06-25", org="csto"):  # type: ignore[no-untyped-def]
        doc = build_document(
            text.encode(), f"{abs(hash(text))}.txt", lang="en", published=dt.date.fromisoformat(published)
        )
        out = []
        for type_, actors, start, end in events:
            when = When(
                start and dt.date.fromisoformat(start),
                end and dt.date.fromisoformat(end),
                Precision.DAY if start == end else Precision.PERIOD,
                "",
            )
            ev = ExtractedEvent(
                EventType(type_),
                org,
                tuple(actors),
                when,
                (Evidence(doc.id, text[:20], 0, 20, 0.6),),
                confidence=0.6,
                title=f"{actors} {type_}",
            )
            out.append(ev)
        return Analysis(doc, tuple(out), (Signal("no_byline", "no author is named"),))

    return _make
