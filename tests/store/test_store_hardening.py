"""Store ids are exact or escaped prefixes; schema versions migrate; a newer store is refused."""

from __future__ import annotations

import pytest

from casus.errors import InvalidInputError, StoreError, UnknownEntityError


def test_like_wildcards_in_an_event_id_match_nothing(store, make_analysis):
    store.add_analysis(make_analysis("Armenia froze its CSTO participation.", [("suspension", ["ARM"], None, None)]))
    (only,) = store.events()
    for hostile in ("%%%%%%", "______", only.id[:5] + "%", only.id[:5] + "_"):
        with pytest.raises(InvalidInputError, match="not an event id"):
            store.accept(hostile)
    assert store.event(only.id[:6]).id == only.id
    assert store.event(only.id).status == "pending"
    with pytest.raises(InvalidInputError, match="not a document id"):
        store.document("%%%%%%%%")
    assert store.document(only.event.evidence[0].document[:8]).document.id == only.event.evidence[0].document


def test_a_version_1_store_is_migrated_once_and_keeps_its_rows(tmp_path, make_analysis):
    import sqlalchemy as sa

    from casus.store import EventStore, schema

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with EventStore(url) as store:
        store.add_analysis(
            make_analysis("Armenia froze its CSTO participation.", [("suspension", ["ARM"], None, None)])
        )
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # make it the version-1 layout: no events.updated_at, schema "1"
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN updated_at")
        conn.exec_driver_sql("UPDATE casus_meta SET value = '1' WHERE key = 'schema'")
    with EventStore(url) as store:
        assert store.counts() == {"documents": 1, "events": 1, "evidence": 1}
        store.add_analysis(make_analysis("Armenia froze it, Yerevan said.", [("suspension", ["ARM"], None, None)]))
        assert store.counts()["evidence"] == 2
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM casus_meta WHERE key = 'schema'").scalar() == str(
            schema.SCHEMA_VERSION
        )
        assert conn.exec_driver_sql("SELECT count(*) FROM events WHERE updated_at IS NOT NULL").scalar() == 1
    engine.dispose()


def test_a_store_written_by_a_newer_casus_is_refused(tmp_path):
    import sqlalchemy as sa

    from casus.store import EventStore

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    EventStore(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE casus_meta SET value = '99' WHERE key = 'schema'")
    engine.dispose()
    with pytest.raises(StoreError, match=r"written by a newer casus \(schema 99"):
        EventStore(url)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://",
        "postgresql://u@h:99999/db",
        "mysql://x",
        "sqlite:////proc/nope/x.sqlite",
        "postgresql://u@[::1/db",
    ],
)
def test_malformed_store_urls_are_one_line_errors(url):
    from casus.store import EventStore

    with pytest.raises((InvalidInputError, StoreError)) as err:
        EventStore(url)
    assert "\n" not in str(err.value)


def test_unknown_id_is_an_unknown_entity(store):
    with pytest.raises(UnknownEntityError):
        store.event("abcdef")
