"""Reviewing: validated edits, what accepting would change, the review log, and upgrading a version-1 store."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.errors import InvalidInputError, UnknownEntityError
from casus.store import EventStore
from casus.store.review import edit_values, would_change


def test_edit_values_validate_against_the_knowledge_base(kb) -> None:  # type: ignore[no-untyped-def]
    got = edit_values(kb, type="withdrawal", organization="ОДКБ", actors="Armenia, AZE", date="1999", phase="none")
    assert got["organization"] == "csto" and got["actors"] == ["ARM", "AZE"] and got["phase"] is None
    assert (got["date_start"], got["date_end"], got["precision"]) == (
        dt.date(1999, 1, 1),
        dt.date(1999, 12, 31),
        "year",
    )
    with pytest.raises(InvalidInputError, match="not a date"):
        edit_values(kb, date="last spring")
    with pytest.raises(UnknownEntityError):
        edit_values(kb, actors="Atlantis")
    with pytest.raises(InvalidInputError, match="nothing to edit"):
        edit_values(kb)


def test_would_change_corroboration_conflict_and_intentions(store, make_analysis, kb) -> None:  # type: ignore[no-untyped-def]
    store.add_analysis(
        make_analysis(
            "Armenia froze its participation; later it left.",
            [("suspension", ["ARM"], "2024-02-22", "2024-02-22"), ("withdrawal", ["ARM"], "2024-06-12", "2024-06-12")],
        )
    )
    suspension = store.events(type="suspension")[0]
    withdrawal = store.events(type="withdrawal")[0]
    assert any(
        line.startswith("corroborates curated: ARM suspended in csto") for line in would_change(suspension, store, kb)
    )
    assert any(line.startswith("conflict (not applied)") for line in would_change(withdrawal, store, kb))
    edited = store.edit(withdrawal.id, {"phase": "considering"}, "it was an intention", reviewer="desk")
    assert edited.id == withdrawal.id and edited.event.stage == "considering" and edited.reviewed_by == "desk"
    assert would_change(edited, store, kb) == ["nothing: a considering event is kept as news, not as a fact"]
    store.accept(edited.id, "ok", reviewer="desk")
    log = store.review_log(edited.id)
    assert [(r["action"], r["reviewer"], r["changes"]) for r in log] == [
        ("edit", "desk", {"phase": "considering"}),
        ("accepted", "desk", {}),
    ]


def test_a_version_1_store_is_upgraded_in_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    path = tmp_path / "old.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE casus_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)"))
        conn.execute(sa.text("INSERT INTO casus_meta VALUES ('schema', '1')"))
        conn.execute(
            sa.text(
                "CREATE TABLE events (id VARCHAR(32) PRIMARY KEY, type VARCHAR(48) NOT NULL, organization VARCHAR(64), "
                "actors JSON NOT NULL, people JSON NOT NULL, target VARCHAR(64), mentioned JSON NOT NULL, "
                "members JSON NOT NULL, date_start DATE, date_end DATE, precision VARCHAR(16) NOT NULL, "
                "date_text TEXT NOT NULL, modality VARCHAR(16) NOT NULL, claim TEXT NOT NULL, title TEXT NOT NULL, "
                "confidence FLOAT NOT NULL, status VARCHAR(16) NOT NULL, review_note TEXT NOT NULL, "
                "reviewed_at DATETIME, created_at DATETIME NOT NULL)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO events VALUES ('abcdef0123456789', 'suspension', 'csto', '[\"ARM\"]', '[]', NULL, '[]', "
                "'[]', '2024-02-22', '2024-02-22', 'day', 'Thursday', 'asserted', '', 'ARM suspension', 0.8, "
                "'pending', '', NULL, '2024-02-23 10:00:00')"
            )
        )
    engine.dispose()
    with EventStore(f"sqlite:///{path}") as store:
        (old,) = store.events()
        assert (old.id, old.event.stage, old.event.speakers) == ("abcdef0123456789", None, ())
        accepted = store.accept(old.id, reviewer="desk")
        assert accepted.reviewed_by == "desk"
        assert store.feed_items("feed.xml") == set()
        engine = store.engine
        with engine.connect() as conn:
            version = conn.execute(sa.text("SELECT value FROM casus_meta WHERE key='schema'")).scalar_one()
            assert str(version) == "3"
