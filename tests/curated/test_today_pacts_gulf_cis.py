"""Real facts from the curated GCC, CIS, Arab League treaty, Saudi-Pakistan and ATOP-era bilateral files (#8).

References:
    GCC Charter (1981) and Joint Defence Agreement (2000), Arts. 2 and 4; CIS Charter (1993), Art. 12;
    Joint Defence and Economic Co-operation Treaty of the Arab League (1950), Art. 2; Saudi-Pakistan Strategic
    Mutual Defence Agreement (2025); US-Pakistan Agreement of Cooperation (1959), Art. I; Azerbaijan-Turkey
    Agreement on Strategic Partnership and Mutual Support (2010); Russia-Kazakhstan Treaty (1992).
    ATOP 5.1 (Leeds et al. 2022), alliances 3205, 3355, 4235, 4400, 4965, 6035.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat

BILATERAL = ("us-pakistan-1959", "azerbaijan-turkey-2010", "russia-kazakhstan-1992", "saudi-pakistan-2025")


def results(kb, **kw):
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


# --------------------------------------------------------------------------- GCC
def test_gcc_members_bodies_and_the_2025_2026_invocations(kb):
    gcc = kb.organization("CCG")
    assert gcc.id == "gcc" and kb.organization("ССАГПЗ").id == "gcc"
    assert set(kb.members_on("gcc", D("2026-03-01")).states()) == {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"}
    assert gcc.body("gcc-supreme-council").decision_rule.blocks_with_one_veto()
    invocations = [(e.date, e.target) for e in kb.timeline("gcc") if e.type.value == "invocation"]
    assert (D("2025-09-18"), "QAT") in invocations and any(d == D("2026-03-01") for d, _ in invocations)
    assert gcc.verified_through == gcc.coverage.end == D("2026-03-04")


def test_gcc_agreement_without_recorded_entry_into_force_is_indeterminate(kb):
    r = results(kb, attacker="Iran", target="Qatar", on="2026-03-01")["gcc-jda-2000"]
    assert kb.treaty("gcc-jda-2000").in_force is None and kb.treaty("gcc-jda-2000").atop_id == 4965
    assert r.verdict is Verdict.INDETERMINATE and r.obligated == ()
    assert r.provision.article == "2"


# --------------------------------------------------------------------------- CIS
@pytest.mark.parametrize(
    ("state", "on", "status"),
    [
        ("GEO", "2000-01-01", Status.MEMBER),
        ("GEO", "2009-08-18", Status.WITHDRAWN),
        ("UKR", "2010-01-01", Status.PARTNER),
        ("UKR", "2019-01-01", Status.WITHDRAWN),
        ("TKM", "2004-01-01", Status.PARTNER),
        ("MDA", "2026-03-21", Status.MEMBER),
        ("RUS", "2026-03-21", Status.MEMBER),
    ],
)
def test_cis_statuses(kb, state, on, status):
    assert kb.status_on(state, "cis", D(on)).status is status


def test_cis_turkmenistan_associate_and_charter_members_today(kb):
    assert kb.status_on("TKM", "cis", D("2005-08-26")).qualifier == "associate member"
    parties = {m.state for m in kb.spells("cis") if m.active_on(D("2026-03-21")) and m.status.is_party}
    assert parties == {"ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "UZB"}


def test_cis_article_12_obliges_consultation_and_only_permits_force(kb):
    charter = kb.treaty("cis-charter-1993")
    assert charter.atop_id == 4400 and charter.signed == D("1993-01-22")
    kinds = {(p.kind.value, p.modality.value) for p in charter.provisions}
    assert kinds == {("consultation", "obligation"), ("defense", "permission")}
    r = results(kb, attacker="Afghanistan", target="Tajikistan", on="2020-01-01")["cis-charter-1993"]
    assert {d.action.value for d in r.duties} == {"consult"}
    assert any(p.provision == "cis-art12-forces" for p in r.permitted)


# --------------------------------------------------------------------------- Arab League 1950
def test_arab_treaty_parties_and_dates(kb):
    t = kb.treaty("arab-jdec-1950")
    assert (t.signed, t.in_force, t.atop_id) == (D("1950-06-17"), D("1952-08-23"), 3205)
    assert kb.status_on("SYR", "arab-jdec-1950", D("2015-01-01")).status is Status.SUSPENDED
    assert kb.status_on("SYR", "arab-jdec-1950", D("2023-05-07")).status is Status.MEMBER
    assert kb.status_on("EGY", "arab-jdec-1950", D("1985-01-01")).status is Status.SUSPENDED
    assert kb.status_on("JOR", "arab-jdec-1950", D("1952-02-16")).status is Status.MEMBER
    parties = {m.state for m in kb.spells("arab-jdec-1950") if m.active_on(D("2025-09-16")) and m.status.is_party}
    assert len(parties) == 20 and "MRT" not in parties


def test_arab_treaty_article_2_is_triggered_by_an_outside_state(kb):
    r = results(kb, attacker="Israel", target="Qatar", on="2025-09-09")["arab-jdec-1950"]
    assert r.verdict is Verdict.TRIGGERED and "SAU" in r.obligated and "SYR" in r.obligated
    assert "including the use of armed force" in r.provision.quote


# --------------------------------------------------------------------------- Saudi Arabia-Pakistan
def test_saudi_pakistan_pact_signed_17_september_2025(kb):
    t = kb.treaty("saudi-pakistan-2025")
    assert t.signed == D("2025-09-17") and t.in_force is None
    assert "aggression against both" in t.provisions[0].quote
    assert kb.organization("SMDA").id == "saudi-pakistan-2025"
    r = results(kb, attacker="Iran", target="Saudi Arabia", on="2026-03-07")["saudi-pakistan-2025"]
    assert r.verdict is Verdict.INDETERMINATE  # entry into force not recorded


# --------------------------------------------------------------------------- ATOP-era bilaterals
def test_us_pakistan_pledge_is_one_sided(kb):
    art = kb.treaty("us-pakistan-1959").provisions[0]
    assert art.bound == ("USA",) and "use of armed forces" in art.quote
    assert kb.treaty("us-pakistan-1959").atop_id == 3355


def test_russia_kazakhstan_in_force_and_2025_alliance_declaration(kb):
    t = kb.treaty("russia-kazakhstan-1992")
    assert (t.signed, t.in_force, t.atop_id) == (D("1992-05-25"), D("1992-10-09"), 4235)
    r = results(kb, attacker="Afghanistan", target="Kazakhstan", on="2026-01-01")["russia-kazakhstan-1992"]
    assert r.verdict is Verdict.TRIGGERED and r.obligated == ("RUS",)
    assert any(e.date == D("2025-11-12") for e in kb.timeline("russia-kazakhstan-1992"))


def test_azerbaijan_turkey_ratifications(kb):
    assert kb.status_on("TUR", "azerbaijan-turkey-2010", D("2020-01-01")).ratified == D("2011-02-02")
    assert kb.status_on("AZE", "azerbaijan-turkey-2010", D("2020-01-01")).ratified == D("2010-12-21")
    assert kb.treaty("azerbaijan-turkey-2010").atop_id == 6035


def test_every_new_file_has_sources_aliases_and_a_verified_date(kb):
    for treaty_id in (*BILATERAL, "arab-jdec-1950", "gcc-jda-2000", "cis-charter-1993"):
        t = kb.treaty(treaty_id)
        assert t.verified_through is not None, treaty_id
        assert len(t.aliases) >= 3, treaty_id
        for p in t.provisions:
            assert p.quote.strip() and all(s in kb.sources for s in p.sources), p.id
    for scope in BILATERAL:
        assert len({m.state for m in kb.spells(scope)}) == 2
        for m in kb.spells(scope):
            assert m.sources and all(s in kb.sources for s in m.sources)


def test_arab_league_members_and_bodies_differ_from_the_defence_treaty(kb):
    league = kb.organization("Ligue arabe")
    assert league.id == "arab-league" and league.founded == D("1945-03-22")
    members = {m.state for m in kb.spells("arab-league") if m.active_on(D("2025-01-01")) and m.status.is_party}
    parties = {m.state for m in kb.spells("arab-jdec-1950") if m.active_on(D("2025-01-01")) and m.status.is_party}
    assert len(members) == 21 and members - parties == {"MRT"}
    assert league.body("arab-joint-defence-council").established == D("1950-06-17")
    assert kb.status_on("SYR", "arab-league", D("2020-01-01")).status is Status.SUSPENDED


def test_cis_is_a_un_general_assembly_observer_and_verified_in_2026(kb):
    cis = kb.organization("СНГ")
    assert cis.verified_through == D("2026-03-21")
    (standing,) = cis.standings
    assert standing.forum == "UN General Assembly" and standing.holds_on(D("2000-01-01"))
    assert not standing.holds_on(D("1993-12-31"))


def test_secretaries_general_of_the_gcc_and_the_arab_league(kb):
    gcc = kb.organization("GCC")
    assert gcc.officeholder("secretary_general", D("2022-06-01")).person == "Nayef Falah Al Hajraf"
    assert gcc.officeholder("secretary_general", D("2023-02-01")).person == "Jasem Mohamed Albudaiwi"
    league = kb.organization("Arab League")
    assert league.officeholder("secretary_general", D("2020-01-01")).person == "Ahmed Aboul Gheit"
    assert league.officeholder("secretary_general", D("2016-06-30")) is None
