"""The engine reads the version in force, one-directional suspensions, disputed statuses, statements, coverage."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.curated import load_kb
from casus.curated.loader import _builtin_files, build_kb
from casus.obligations import evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat


def _result(kb, treaty_id, **crisis):
    c = make_crisis(kb, **crisis)
    return next(r for r in evaluate_casus_foederis(kb, c, include_unrelated=True) if r.treaty.id == treaty_id)


@pytest.mark.parametrize(
    ("on", "verdict", "version"),
    [
        ("1950-06-01", "triggered", "nat-art5-1949"),
        ("1955-06-01", "triggered", "nat-art5-1952"),
        ("1965-06-01", "not_triggered", "nat-art5"),
    ],
)
def test_attack_on_the_algerian_departments_follows_article_6_of_the_day(kb, on, verdict, version):
    r = _result(kb, "north-atlantic-1949", attacker="Egypt", target="France", on=on, place="fr-algeria")
    assert r.verdict.value == verdict and r.provision.id == version
    assert any(s.check == "version" and s.provision == version for s in r.explanation)


def test_attack_on_turkey_in_1955_is_covered(kb):
    r = _result(kb, "north-atlantic-1949", attacker="Soviet Union", target="Turkey", on="1955-06-01")
    assert r.verdict.value == "triggered" and r.provision.id == "nat-art5-1952"


def test_non_state_attack_under_csto_article_4_before_and_after_the_2010_protocol(kb):
    before = _result(kb, "cst-1992", attacker="non-state", target="Tajikistan", on="2010-06-01")
    after = _result(kb, "cst-1992", attacker="non-state", target="Tajikistan", on="2022-01-06")
    art4_before = next(p for p in before.provisions if p.provision.article == "4")
    art4_after = next(p for p in after.provisions if p.provision.article == "4")
    assert art4_before.provision.id == "cst-art4-1992" and art4_before.verdict.value == "not_triggered"
    assert art4_after.provision.id == "cst-art4" and art4_after.verdict.value == "indeterminate"


def test_anzus_us_obligations_to_new_zealand_suspended_while_australia_holds(kb):
    r = _result(kb, "anzus-1951", attacker="France", target="New Zealand", on="1990-01-01")
    assert r.verdict.value == "triggered" and r.obligated == ("AUS",)
    assert any(s.check == "suspension" and "United States" in s.detail for s in r.explanation)
    before = _result(kb, "anzus-1951", attacker="France", target="New Zealand", on="1985-07-10")
    assert set(before.obligated) == {"AUS", "USA"}
    on_australia = _result(kb, "anzus-1951", attacker="Indonesia", target="Australia", on="1990-01-01")
    assert set(on_australia.obligated) == {"NZL", "USA"}


def test_venezuela_disputed_rio_status_is_unknown_not_party(kb):
    # Art. 3 protects "an American State", party or not: Venezuela is covered, its own disputed status said
    r = _result(kb, "rio-1947", attacker="Colombia", target="Venezuela", on="2020-01-01")
    step = next(s for s in r.explanation if s.check == "target_party" and s.provision == "rio-art3")
    assert step.outcome.value == "pass" and "own party status is disputed since 2019-09-11" in step.detail
    # as a helper, its disputed status is not party status: it is not listed as obligated
    on_colombia = _result(kb, "rio-1947", attacker="non-state", target="Colombia", on="2020-01-01")
    assert "VEN" not in on_colombia.obligated and "BRA" in on_colombia.obligated


def test_members_past_verified_through_are_unknown_after_it(kb):
    roster = kb.members_on("csto", D("2027-01-15"))
    assert roster.beyond_coverage and roster.unknown_after == D("2026-12-03") == roster.known_on
    assert roster.status_of("ARM").value == "suspended"
    inside = kb.members_on("csto", D("2026-02-01"))
    assert inside.unknown_after is None and inside.known_on == D("2026-02-01")


AUKUS = """
sources:
  - id: aukus-statement-2021
    title: "Joint Leaders Statement on AUKUS (15 September 2021)"
    kind: official
    publisher: The White House
    url: https://www.whitehouse.gov/briefing-room/statements-releases/2021/09/15/joint-leaders-statement-on-aukus/
    published: 2021-09-15
organization:
  id: aukus-test
  name: AUKUS (test copy)
  founded: 2021-09-15
  institutional: false
  verified_through: 2021-09-15
  sources: [aukus-statement-2021]
  no_mutual_defence:
    text: >-
      An enhanced trilateral security partnership (nuclear-powered submarines, advanced capabilities)
      with no collective-defence clause.
    sources: [aukus-statement-2021]
memberships:
  - {state: AUS, status: member, start: 2021-09-15, sources: [aukus-statement-2021]}
  - {state: GBR, status: member, start: 2021-09-15, sources: [aukus-statement-2021]}
  - {state: USA, status: member, start: 2021-09-15, sources: [aukus-statement-2021]}
"""


def test_no_mutual_defence_statement_answers_with_its_citation():
    kb = build_kb([*_builtin_files(), ("aukus.yaml", AUKUS)])
    c = make_crisis(kb, attacker="China", target="Australia", on="2021-10-01")
    results = evaluate_casus_foederis(kb, c)
    nmd = next(r for r in results if r.treaty.organization == "aukus-test")
    assert nmd.verdict.value == "no_mutual_defence" and nmd.obligated == ()
    step = next(s for s in nmd.explanation if s.check == "no_mutual_defence")
    assert step.detail.startswith("no mutual defence obligation") and step.sources == ("aukus-statement-2021",)
    # listed after the pacts that do oblige (ANZUS is triggered), among the other no-mutual-defence answers
    # (the curated AUKUS gives one too)
    last_pact = max(i for i, r in enumerate(results) if r.verdict.value != "no_mutual_defence")
    assert results.index(nmd) > last_pact
    assert any(r.treaty.id == "anzus-1951" and r.verdict.value == "triggered" for r in results)


def test_atop_alliance_past_2018_is_unknown_after_coverage(casus_data):
    from casus.data.atop_kb import with_atop

    kb = with_atop(load_kb())  # the ATOP files found in the shared data folder
    c = make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="2026-06-01")
    results = evaluate_casus_foederis(kb, c)
    france_armenia = next(r for r in results if r.treaty.atop_id == 4445)  # ATOP 4445 (1993), no recorded end
    assert france_armenia.verdict.value == "indeterminate" and france_armenia.unknown_after == D("2018-12-31")
    assert france_armenia.obligated == () and france_armenia.duties == ()
    coverage = next(s for s in france_armenia.explanation if s.check == "coverage")
    assert coverage.detail.startswith("unknown after 2018-12-31 (coverage)")
    # a curated treaty carries its ATOP alliance forward: the 1997 Russia-Armenia treaty replaces ATOP's row
    russia_armenia = kb.treaty("russia-armenia-1997")
    assert not any(r.treaty.atop_id == russia_armenia.atop_id and r.treaty.origin == "atop" for r in results)
    assert any(r.treaty.id == "russia-armenia-1997" and r.unknown_after is None for r in results)


def test_curated_answer_past_verified_through_says_so(kb):
    r = _result(kb, "cst-1992", attacker="Azerbaijan", target="Armenia", on="2027-01-15")
    step = next(s for s in r.explanation if s.check == "verified_through")
    assert "verified through 2026-12-03" in step.detail and step.outcome.value == "info"
    inside = _result(kb, "cst-1992", attacker="Azerbaijan", target="Armenia", on="2026-01-10")
    assert not any(s.check == "verified_through" for s in inside.explanation)
