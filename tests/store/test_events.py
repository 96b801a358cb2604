import pytest
import sqlalchemy as sa

from casus.errors import InvalidInputError, StoreError, UnknownEntityError
from casus.store import EventStore, default_store_url, normalize_url

A = "Armenia froze its participation in the CSTO on Thursday, Pashinyan said."
B = "Pashinyan said on Thursday that Armenia has frozen its CSTO participation; Russia regretted it."


def test_store_roundtrip(store, make_analysis):
    analysis = make_analysis(A, [("suspension", ["ARM"], "2024-02-22", "2024-02-22")])
    result = store.add_analysis(analysis)
    assert (result.new_document, result.new_events, result.merged_events) == (True, 1, 0)
    (stored,) = store.events()
    assert stored.status == "pending" and stored.event == analysis.events[0]
    assert stored.event.evidence[0].quote == A[:20]
    doc = store.document(analysis.document.id[:12])
    assert doc.document == analysis.document and doc.signals == analysis.signals


def test_reingesting_is_a_no_op(store, make_analysis):
    analysis = make_analysis(A, [("suspension", ["ARM"], "2024-02-22", "2024-02-22")])
    store.add_analysis(analysis)
    before = store.counts()
    assert store.add_analysis(analysis).new_document is False
    assert store.counts() == before == {"documents": 1, "events": 1, "evidence": 1}


def test_same_event_from_two_articles_is_merged_with_all_evidence(store, make_analysis):
    store.add_analysis(make_analysis(A, [("suspension", ["ARM"], "2024-02-22", "2024-02-22")]))
    result = store.add_analysis(
        make_analysis(
            B, [("suspension", ["ARM"], "2024-02-22", "2024-02-22"), ("statement", ["RUS"], None, "2024-06-25")]
        )
    )
    assert (result.new_events, result.merged_events) == (1, 1)
    assert store.counts() == {"documents": 2, "events": 2, "evidence": 3}
    (susp,) = store.events(type="suspension")
    assert {e.quote for e in susp.event.evidence} == {A[:20], B[:20]}
    assert susp.event.confidence == pytest.approx(1 - 0.4 * 0.4)  # noisy-or of two 0.6 reports


def test_accept_and_reject_by_id_prefix(store, make_analysis):
    analysis = make_analysis(
        A, [("suspension", ["ARM"], "2024-02-22", "2024-02-22"), ("statement", ["ARM"], "2024-02-22", "2024-02-22")]
    )
    store.add_analysis(analysis)
    susp, st = analysis.events
    assert store.accept(susp.id[:8], "checked against Reuters").status == "accepted"
    assert store.reject(st.id).status == "rejected"
    assert [s.id for s in store.events(status="accepted")] == [susp.id]
    assert store.event(susp.id).review_note == "checked against Reuters"


def test_bad_ids_statuses_and_types_are_typed_errors(store):
    with pytest.raises(UnknownEntityError, match="unknown event"):
        store.event("abcdef123")
    with pytest.raises(InvalidInputError, match="too short"):
        store.event("ab")
    with pytest.raises(InvalidInputError, match="unknown status"):
        store.events(status="maybe")
    with pytest.raises(InvalidInputError, match="unknown event type"):
        store.events(type="coup")


def test_a_failed_write_leaves_nothing(store, make_analysis, monkeypatch):
    analysis = make_analysis(
        A, [("suspension", ["ARM"], "2024-02-22", "2024-02-22"), ("withdrawal", ["ARM"], "2024-06-12", "2024-06-12")]
    )
    calls = {"n": 0}
    original = store._merge_into

    def flaky(conn, ev):  # the second event fails halfway through the transaction
        calls["n"] += 1
        if calls["n"] == 2:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        return original(conn, ev)

    monkeypatch.setattr(store, "_merge_into", flaky)
    with pytest.raises(StoreError, match="disk full"):
        store.add_analysis(analysis)
    assert store.counts() == {"documents": 0, "events": 0, "evidence": 0}


def test_sqlite_uses_wal(tmp_path):
    s = EventStore(str(tmp_path / "x.sqlite"))
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_urls(monkeypatch, tmp_path):
    assert normalize_url("postgresql://casus@127.0.0.1:5432/casus") == "postgresql+psycopg://casus@127.0.0.1:5432/casus"
    with pytest.raises(InvalidInputError, match="unsupported store URL"):
        normalize_url("mysql://x@y/z")
    monkeypatch.setenv("CASUS_STORE", str(tmp_path / "e.sqlite"))
    assert default_store_url() == str(tmp_path / "e.sqlite")
    monkeypatch.delenv("CASUS_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_url() == f"sqlite:///{tmp_path / 'casus' / 'events.sqlite'}"


def test_unreachable_postgres_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the event store"):
        EventStore("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_store_under_a_file_is_a_store_error(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot create"):
        EventStore(str(blocker / "events.sqlite"))
