"""Distances between capitals come from the knowledge base's data file, dated where a capital moved."""

from __future__ import annotations

import datetime as dt

from casus.sim.crisis.geography import distance_km


def test_moscow_yerevan_and_washington_tallinn(kb):
    assert round(distance_km(kb.states, "RUS", "ARM"), -1) == 1800.0
    assert 6500 < distance_km(kb.states, "USA", "EST") < 7200


def test_a_capital_that_moved_is_dated(kb):
    # Almaty was Kazakhstan's capital until 10 December 1997; Astana is ~970 km to the north-west
    before = distance_km(kb.states, "KAZ", "RUS", dt.date(1997, 12, 9))
    after = distance_km(kb.states, "KAZ", "RUS", dt.date(1997, 12, 10))
    assert before is not None and after is not None and before - after > 800
    assert kb.states.capital_on("DEU", dt.date(1990, 10, 2)) == (50.73, 7.1)  # Bonn
    assert kb.states.capital_on("DEU", dt.date(1990, 10, 3)) == (52.52, 13.41)  # Berlin


def test_unknown_capital_is_unknown_not_zero(kb):
    assert kb.states.capital_on("COW-BAV") is None  # Bavaria (COW 245, to 1871)
    assert distance_km(kb.states, "COW-BAV", "DEU") is None


def test_every_member_of_a_curated_organization_today_has_a_capital(kb):
    today = dt.date(2026, 12, 3)
    states = {m.state for m in kb.memberships if m.active_on(today) and m.status.is_party}
    assert {"ARM", "RUS", "USA", "TUR", "FIN", "SWE"} <= states
    assert sorted(s for s in states if kb.states.capital_on(s, today) is None) == []
