"""scripts/near_misses.py: a missed gold event paired with the same-type spurious event of its article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import ModuleType

import pytest

from casus.ingest.model import DEPLOYMENT_END, Evidence, ExtractedEvent, Modality, Precision, When
from casus.ingest.scoring import GoldEvent
from casus.kb.events import EventType as T


@pytest.fixture(scope="module")
def near(script: Callable[[str], ModuleType]) -> ModuleType:
    return script("near_misses")


def _found(type_: T, actors: tuple[str, ...], day: dt.date | None = None, **kw: object) -> ExtractedEvent:
    when = When(day, day or dt.date(2025, 3, 14), Precision.DAY if day else Precision.UNDATED)
    return ExtractedEvent(type_, kw.pop("org", "sadc"), actors, when, (Evidence("d", "q", 0, 1),), **kw)  # type: ignore[arg-type]


def test_a_host_state_read_as_the_withdrawing_organization_is_an_actor_near_miss(near: ModuleType) -> None:
    """fr6-02: SADC's summit ordered its troops out of the DRC on 13 March 2025; the DRC was read as the actor."""
    day = dt.date(2025, 3, 13)
    gold = GoldEvent(T.DEPLOYMENT, "sadc", ("sadc",), (), day, day, phase="end")
    found = _found(T.DEPLOYMENT, ("COD",), day, claim=DEPLOYMENT_END)
    summit = _found(T.SUMMIT, (), day)
    missed, spurious = near.unmatched([found, summit], [gold])
    assert (missed, spurious) == ([gold], [found, summit])
    (row,) = near.pair("fr6-02", missed, spurious)
    assert (row.found, row.differ) == (found, ("actor",))


def test_pairs_take_the_fewest_differences_first_and_each_event_once(near: ModuleType) -> None:
    """en6-14: Finland and Sweden's decision to join (considering) found as an asserted accession."""
    considering = GoldEvent(T.ACCESSION, "nato", ("FIN", "SWE"), phase="considering")
    hoped = GoldEvent(T.ACCESSION, "nato", ("SWE",), modality=Modality.HYPOTHETICAL)
    both = _found(T.ACCESSION, ("FIN", "SWE"), org="nato")
    rows = near.pair("en6-14", [considering, hoped], [both])
    assert [(r.gold, r.differ) for r in rows] == [(considering, ("phase",))]
    assert near.differing(both, hoped) == ("modality",)


def test_a_matched_event_is_no_near_miss(near: ModuleType) -> None:
    gold = GoldEvent(T.ACCESSION, "nato", ("FIN",), (), dt.date(2023, 4, 4), dt.date(2023, 4, 4))
    found = _found(T.ACCESSION, ("FIN",), dt.date(2023, 4, 4), org="nato")
    assert near.unmatched([found], [gold]) == ([], [])
    assert near.differing(_found(T.ACCESSION, ("FIN",), dt.date(2022, 4, 4), org="nato"), gold) == ("date",)
