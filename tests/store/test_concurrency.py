"""Eight processes writing overlapping article sets to a fresh store lose nothing (SQLite and PostgreSQL).

Every process opens the same new store at the same moment (so the tables are created concurrently) and stores
its own slice of 24 articles; the slices overlap, so the same document and the same events are written by
several processes at once. The result must equal one process storing every article in turn.
"""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest

ARTICLES = 24
PROCESSES = 8
#: Events the articles report, each with its real date: (type, actors, start, end).
EVENTS = [
    ("suspension", ["ARM"], "2024-02-22", "2024-02-22"),
    ("withdrawal", ["ARM"], "2024-06-12", "2024-06-12"),
    ("deployment", ["RUS", "KAZ"], "2022-01-06", "2022-01-06"),
    ("summit", [], "2023-11-23", "2023-11-23"),
    ("statement", ["BLR"], "2024-06-25", "2024-06-25"),
]


def _articles(make_analysis):  # type: ignore[no-untyped-def]
    """24 analyses; article ``k`` reports events ``k % 5`` and ``(k + 2) % 5`` (each event in many articles)."""
    out = []
    for k in range(ARTICLES):
        text = f"Report {k}: the CSTO and its members, as told by agency number {k}. " * 3
        out.append(make_analysis(text, [EVENTS[k % 5], EVENTS[(k + 2) % 5]]))
    return out


def _slice(p: int) -> list[int]:
    """Process ``p`` stores 6 articles starting at ``3p``: every article is written by two processes."""
    return [(3 * p + j) % ARTICLES for j in range(6)]


def _worker(url: str, analyses, indexes, barrier, errors) -> None:  # type: ignore[no-untyped-def]
    from casus.store import EventStore

    try:
        barrier.wait(timeout=60)
        with EventStore(url) as store:  # a new store: every process creates the tables at once
            for k in indexes:
                store.add_analysis(analyses[k])
    except Exception as exc:
        errors.put(f"{os.getpid()}: {type(exc).__name__}: {exc}")


def _snapshot(store) -> dict[str, object]:  # type: ignore[no-untyped-def]
    events = {
        s.id: (
            s.event.type.value,
            s.event.actors,
            s.event.when.start,
            s.event.confidence,
            frozenset((e.document, e.start, e.end) for e in s.event.evidence),
        )
        for s in store.events()
    }
    return {"counts": store.counts(), "events": events}


@pytest.mark.slow
def test_eight_processes_writing_overlapping_articles_lose_nothing(store_url, make_analysis, tmp_path):
    from casus.store import EventStore

    analyses = _articles(make_analysis)
    ctx = mp.get_context("fork")
    barrier, errors = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(store_url, analyses, _slice(p), barrier, errors)) for p in range(PROCESSES)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=300)
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
    assert [proc.exitcode for proc in procs] == [0] * PROCESSES

    with EventStore(store_url) as concurrent:
        got = _snapshot(concurrent)
    with EventStore(f"sqlite:///{tmp_path / 'sequential.sqlite'}") as sequential:
        for analysis in analyses:
            sequential.add_analysis(analysis)
        want = _snapshot(sequential)
    assert got["counts"] == want["counts"] == {"documents": 24, "events": 5, "evidence": 48}
    assert got["events"] == want["events"]
