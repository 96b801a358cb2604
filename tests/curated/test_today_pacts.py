"""Real facts from the curated files for organizations and treaties in force today (issue #8, know-b).

References:
    Treaty on European Union, Art. 42(7), and Treaty on the Functioning of the European Union, Art. 222
    (Treaty of Lisbon, in force 1 December 2009); europa.eu table of entry dates.
    US-ROK Mutual Defense Treaty (1953), Arts. II-III; US-Philippines Mutual Defense Treaty (1951), Arts. III-V;
    Russia-DPRK Treaty on Comprehensive Strategic Partnership (2024), Arts. 3-4; China-DPRK Treaty (1961), Art. II.
    ATOP 5.1 (Leeds et al. 2022), alliances 3210, 3240, 3445.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat

NEW = ("us-rok-1953", "us-philippines-1951", "russia-dprk-2024", "china-dprk-1961")


def results(kb, **kw):
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


# --------------------------------------------------------------------------- the EU
@pytest.mark.parametrize(
    ("on", "count"),
    [
        ("1958-01-01", 6),
        ("1973-01-01", 9),
        ("1995-01-01", 15),
        ("2004-05-01", 25),
        ("2007-01-01", 27),
        ("2013-07-01", 28),
        ("2020-01-31", 28),  # the UK's last day
        ("2020-02-01", 27),
        ("2026-04-24", 27),
    ],
)
def test_eu_member_counts(kb, on, count):
    assert len(kb.members_on("eu", D(on)).members) == count


def test_uk_withdrawal_and_croatia_accession(kb):
    assert kb.status_on("GBR", "eu", D("2020-01-31")).status is Status.MEMBER
    after = kb.status_on("GBR", "eu", D("2020-02-01"))
    assert after.status is Status.WITHDRAWN and not after.status.is_party
    assert kb.status_on("HRV", "eu", D("2013-06-30")) is None
    assert kb.status_on("HRV", "eu", D("2013-07-01")).status is Status.MEMBER


def test_denmark_defence_opt_out_ends_on_1_july_2022(kb):
    before = kb.status_on("DNK", "eu", D("2022-06-30"))
    assert before.qualifier == "defence opt-out" and before.status is Status.MEMBER
    after = kb.status_on("DNK", "eu", D("2022-07-01"))
    assert after.qualifier == "" and after.status is Status.MEMBER
    assert any(e.type.value == "status_change" and e.date == D("2022-07-01") for e in kb.timeline("eu"))


def test_eu_names_bodies_and_high_representatives(kb):
    eu = kb.organization("Union européenne")
    assert eu.id == "eu" and kb.organization("ЕС").id == "eu"
    assert eu.officeholder("high_representative", D("2024-11-30")).person == "Josep Borrell"
    assert eu.officeholder("high_representative", D("2024-12-01")).person == "Kaja Kallas"
    assert eu.officeholder("high_representative", D("2012-01-01")).person == "Catherine Ashton"
    assert eu.officeholder("high_representative", D("2009-11-30")) is None
    assert eu.body("eu-council").decision_rule.blocks_with_one_veto()  # CFSP/CSDP unanimity
    assert eu.body("eu-european-council").decision_rule.value == "consensus"
    assert eu.verified_through == eu.coverage.end == D("2026-04-24")


def test_article_42_7_from_lisbon_and_its_wording(kb):
    teu = kb.treaty("teu-lisbon")
    assert teu.in_force == D("2009-12-01") and teu.signed == D("2007-12-13")
    art = next(p for p in teu.provisions if p.article == "42(7)")
    assert "aid and assistance by all the means in their power" in art.quote
    assert "specific character" in art.quote
    assert "military aid" in art.note  # does not itself require it
    art222 = kb.treaty("tfeu-lisbon").provisions[0]
    assert art222.article == "222" and "military resources made available" in art222.quote


def test_paris_2015_triggers_42_7_with_the_17_november_invocation(kb):
    r = results(kb, attacker="non-state:Islamic State", target="France", on="2015-11-13")
    teu = r["teu-lisbon"]
    assert teu.verdict is Verdict.TRIGGERED and teu.provision.article == "42(7)"
    assert {"DEU", "GBR", "AUT", "IRL"} <= set(teu.obligated) and "FRA" not in teu.obligated
    assert len(teu.obligated) == 27  # the 28 members of 2015 less France
    # Art. 222 cannot tell a terrorist attack from aggression: indeterminate, not silent
    assert r["tfeu-lisbon"].verdict is Verdict.INDETERMINATE
    invocation = [e for e in kb.timeline("eu") if e.type.value == "invocation"]
    assert [(e.date, e.actors) for e in invocation] == [(D("2015-11-17"), ("FRA",))]


def test_no_eu_obligation_before_lisbon(kb):
    r = results(kb, attacker="non-state:al-Qaeda", target="Spain", on="2004-03-11")
    assert "teu-lisbon" not in r or r["teu-lisbon"].verdict is Verdict.NOT_TRIGGERED


# --------------------------------------------------------------------------- Korea, the Philippines
def test_attack_on_south_korea_today_obliges_the_united_states(kb):
    r = results(kb, attacker="North Korea", target="South Korea", on="2026-12-03")
    rok = r["us-rok-1953"]
    assert rok.verdict is Verdict.TRIGGERED and rok.provision.article == "III"
    assert rok.obligated == ("USA",)
    assert r["china-dprk-1961"].verdict is Verdict.NOT_TRIGGERED


def test_us_rok_article_iii_is_limited_to_administered_territory(kb):
    scope = kb.scopes["us-rok-art3"]
    assert scope.contains(kb.country_place("KOR"), D("2026-01-01"))[0] is True
    assert scope.contains(kb.country_place("PRK"), D("2026-01-01"))[0] is False
    assert scope.contains(kb.place("Guam"), D("2026-01-01"))[0] is True
    art3 = next(p for p in kb.treaty("us-rok-1953").provisions if p.id == "usrok-art3")
    assert "administrative control" in art3.quote
    assert kb.treaty("us-rok-1953").in_force == D("1954-11-17")


def test_attack_on_philippine_vessels_at_second_thomas_shoal(kb):
    r = results(kb, attacker="China", target="Philippines", on="2026-12-03", place="Second Thomas Shoal")
    phl = r["us-philippines-1951"]
    assert phl.verdict is Verdict.TRIGGERED and phl.provision.article == "IV"
    assert phl.obligated == ("USA",)
    art = next(p for p in kb.treaty("us-philippines-1951").provisions if p.article == "IV")
    assert "Pacific area" in art.quote and "public vessels" in art.note


def test_us_philippines_dates(kb):
    t = kb.treaty("us-philippines-1951")
    assert (t.signed, t.in_force, t.atop_id) == (D("1951-08-30"), D("1952-08-27"), 3210)
    assert kb.status_on("PHL", "us-philippines-1951", D("2026-01-01")).ratified == D("1952-08-27")


def test_attack_on_north_korea_today_obliges_russia_and_china(kb):
    r = results(kb, attacker="South Korea", target="North Korea", on="2026-12-03")
    assert r["russia-dprk-2024"].verdict is Verdict.TRIGGERED
    assert r["russia-dprk-2024"].obligated == ("RUS",)
    assert r["russia-dprk-2024"].provision.article == "4"
    assert r["china-dprk-1961"].verdict is Verdict.TRIGGERED
    assert r["china-dprk-1961"].obligated == ("CHN",)


def test_russia_dprk_binds_only_from_4_december_2024(kb):
    t = kb.treaty("russia-dprk-2024")
    assert (t.signed, t.in_force) == (D("2024-06-19"), D("2024-12-04"))
    assert not t.in_force_on(D("2024-12-03")) and t.in_force_on(D("2024-12-04"))
    invocations = [e for e in kb.timeline("russia-dprk-2024") if e.type.value == "invocation"]
    assert [e.date for e in invocations] == [D("2025-04-28")]


def test_non_state_attack_does_not_engage_the_korean_state_pledges(kb):
    r = results(kb, attacker="non-state", target="North Korea", on="2026-01-01")
    assert r["russia-dprk-2024"].verdict is Verdict.NOT_TRIGGERED
    assert r["china-dprk-1961"].verdict is Verdict.NOT_TRIGGERED


def test_china_dprk_duration_disagreement_is_recorded(kb):
    t = kb.treaty("china-dprk-1961")
    assert t.in_force == D("1961-09-10") and t.atop_id == 3445
    assert "20-year" in t.note and "Art. VII" in t.note


def test_new_pacts_have_aliases_sources_and_verified_dates(kb):
    for treaty_id in (*NEW, "teu-lisbon", "tfeu-lisbon"):
        t = kb.treaty(treaty_id)
        assert t.verified_through is not None and t.verified_through >= D("2025-07-01"), treaty_id
        assert len(t.aliases) >= 3, treaty_id
        for p in t.provisions:
            assert p.quote.strip() and p.sources and all(s in kb.sources for s in p.sources), p.id
    for treaty_id in NEW:
        assert len({m.state for m in kb.spells(treaty_id)}) == 2
        assert any(e.date >= D("2025-07-01") for e in kb.timeline(treaty_id)), treaty_id
    ru_title = "Договор о всеобъемлющем стратегическом партнёрстве между РФ и КНДР"
    assert kb.organization(ru_title).id == "russia-dprk-2024"
    assert kb.organization("RP-US MDT").id == "us-philippines-1951"
