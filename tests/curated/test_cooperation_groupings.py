"""Real facts from the curated groupings people take for alliances (SCO, AUKUS, the Quad) and two more pacts
(the FPDA, France–Greece 2021).

References:
    SCO Charter (2002), Arts. 1-2; Treaty on Long-Term Good-Neighbourliness (2007), Art. 4(2); Joint Leaders
    Statement on AUKUS (2021); Quad Leaders' Joint Statement (2021); FPDA London communiqué (1971);
    France-Greece strategic partnership agreement (2021), Art. 2. ATOP 5.1 alliances 4810, 6020.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.kb.treaties import PledgeKind
from casus.obligations import evaluate_casus_foederis, make_crisis
from casus.obligations.evaluate import Verdict

D = dt.date.fromisoformat


def _results(kb, attacker, target, on):  # type: ignore[no-untyped-def]
    crisis = make_crisis(kb, attacker=attacker, target=target, on=D(on))
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, crisis)}


# --------------------------------------------------------------------------- SCO
@pytest.mark.parametrize(
    ("on", "count"),
    [
        ("2001-06-15", 6),
        ("2017-06-08", 6),
        ("2017-06-09", 8),  # India and Pakistan, Astana
        ("2023-07-04", 9),  # Iran
        ("2024-07-04", 10),  # Belarus
    ],
)
def test_sco_member_counts(kb, on, count):
    assert len(kb.members_on("ШОС", D(on)).states(Status.MEMBER)) == count


def test_sco_names_secretary_general_and_partner(kb):
    sco = kb.organization("Organisation de coopération de Shanghai")
    assert sco.id == "sco"
    assert sco.officeholder("secretary_general", D("2023-01-01")).person == "Zhang Ming"
    assert sco.officeholder("secretary_general", D("2026-01-01")).person == "Nurlan Yermekbayev"
    assert kb.status_on("LAO", "sco", D("2025-09-01")).status is Status.PARTNER


def test_sco_has_no_defence_pledge(kb):
    kinds = {p.kind for t in kb.treaties_of("sco") for p in t.provisions}
    assert PledgeKind.DEFENSE not in kinds
    assert kb.treaty("sco-treaty-2007").atop_id == 6020 and kb.treaty("sco-declaration-2001").atop_id == 4810
    # an attack on a member obliges no other member to defend it, and the engine says so with a source
    r = _results(kb, "India", "Pakistan", "2025-05-07")
    assert all(not x.obligated for x in r.values() if x.treaty.party_scope == "sco")
    sco = next(x for x in r.values() if x.verdict is Verdict.NO_MUTUAL_DEFENCE and x.treaty.party_scope == "sco")
    step = next(s for s in sco.explanation if s.check == "no_mutual_defence")
    assert step.detail.startswith("no mutual defence obligation") and "sco-charter-2002" in step.sources


# --------------------------------------------------------------------------- AUKUS and the Quad
def test_aukus_members_and_no_defence_clause(kb):
    assert set(kb.members_on("AUKUS", D("2025-12-01")).states()) == {"AUS", "GBR", "USA"}
    assert all(not t.provisions for t in kb.treaties_of("aukus"))
    # the Australia-US defence commitment comes from ANZUS; AUKUS answers "no mutual defence obligation"
    r = _results(kb, "China", "Australia", "2025-12-01")
    assert r["anzus-1951"].verdict is Verdict.TRIGGERED
    aukus = next(x for x in r.values() if x.treaty.party_scope == "aukus")
    assert aukus.verdict is Verdict.NO_MUTUAL_DEFENCE and aukus.obligated == ()
    step = next(s for s in aukus.explanation if s.check == "no_mutual_defence")
    assert "aukus-morrison-2021" in step.sources and "not a defence alliance" in step.detail


def test_quad_is_a_dialogue_without_treaties(kb):
    quad = kb.organization("Quad")
    assert not quad.institutional and kb.treaties_of("quad") == ()
    assert quad.no_mutual_defence is not None and quad.verified_through == D("2025-10-10")
    r = _results(kb, "China", "Japan", "2025-07-01")
    assert any(x.verdict is Verdict.NO_MUTUAL_DEFENCE and x.treaty.id == "quad" for x in r.values())
    assert set(kb.members_on("quad", D("2025-07-01")).states()) == {"AUS", "IND", "JPN", "USA"}


# --------------------------------------------------------------------------- FPDA
def test_fpda_consultation_only_for_malaysia_and_singapore(kb):
    on_malaysia = _results(kb, "Indonesia", "Malaysia", "2025-01-01")["fpda-1971"]
    assert on_malaysia.verdict is Verdict.TRIGGERED
    assert {d.action.value for d in on_malaysia.duties} == {"consult"}
    assert set(on_malaysia.obligated) == {"AUS", "NZL", "SGP", "GBR"}
    on_australia = _results(kb, "Indonesia", "Australia", "2025-01-01")["fpda-1971"]
    assert on_australia.verdict is Verdict.NOT_TRIGGERED


def test_fpda_begins_november_1971(kb):
    assert kb.members_on("fpda", D("1971-10-31")).states() == ()
    assert len(kb.members_on("FPDA", D("1971-11-01")).members) == 5


# --------------------------------------------------------------------------- France-Greece 2021
def test_france_greece_applies_against_a_nato_ally(kb):
    r = _results(kb, "Turkey", "Greece", "2025-01-01")
    fg = r["france-greece-2021"]
    # no attacker_outside condition: Turkey being a NATO ally does not exclude it; entry into force not verified
    assert fg.verdict is Verdict.INDETERMINATE
    assert not any(s.check == "attacker_outside" for s in fg.explanation)
    assert r["north-atlantic-1949"].verdict is Verdict.NOT_TRIGGERED  # attacker is itself a NATO party
    assert kb.status_on("GRC", "france-greece-2021", D("2025-01-01")).ratified == D("2021-10-07")
