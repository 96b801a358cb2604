import datetime as dt
import itertools

import pytest

from casus.errors import CoverageError, UnknownEntityError
from casus.kb.memberships import Status

D = dt.date


def statuses(kb, org, on):
    return {m.state: m.status for m in kb.members_on(org, on).members}


def test_csto_members_on_article_date(kb):
    got = statuses(kb, "csto", D(2024, 6, 25))
    assert set(got) == {"RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM"}
    assert got["ARM"] is Status.SUSPENDED
    assert all(s is Status.MEMBER for k, s in got.items() if k != "ARM")


def test_csto_uzbekistan_in_2008_and_not_2000(kb):
    assert "UZB" in statuses(kb, "csto", D(2008, 6, 1))
    got2000 = statuses(kb, "csto", D(2000, 6, 1))
    assert not {"GEO", "AZE", "UZB"} & set(got2000)
    assert set(got2000) == {"RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM"}


def test_csto_1995_had_nine_parties(kb):
    assert len(statuses(kb, "csto", D(1995, 1, 1))) == 9


def test_armenia_member_before_freeze_and_suspended_after(kb):
    assert statuses(kb, "csto", D(2024, 2, 21))["ARM"] is Status.MEMBER
    assert statuses(kb, "csto", D(2024, 2, 22))["ARM"] is Status.SUSPENDED


def test_organization_resolves_in_three_languages(kb):
    assert {kb.organization(n).id for n in ("CSTO", "OTSC", "ОДКБ", "csto")} == {"csto"}
    assert kb.organization("Organisation du traité de sécurité collective").id == "csto"


def test_unknown_organization_suggests(kb):
    with pytest.raises(UnknownEntityError) as err:
        kb.organization("CTSO")
    assert "csto" in str(err.value)


def test_no_overlapping_spells_anywhere(kb):
    for scope in {m.organization for m in kb.memberships}:
        spells = kb.spells(scope)
        for state, group in itertools.groupby(spells, key=lambda m: m.state):
            ordered = sorted(group, key=lambda m: m.start)
            for a, b in itertools.pairwise(ordered):
                assert not a.overlaps(b), (scope, state, a.start, b.start)


def test_every_fact_has_a_known_source(kb):
    for m in kb.memberships:
        assert m.sources and all(s in kb.sources for s in m.sources)
    for t in kb.treaties.values():
        assert t.sources
        for p in t.provisions:
            assert p.sources and all(s in kb.sources for s in p.sources)
    for e in kb.events:
        assert e.sources


def test_history_of_uzbekistan(kb):
    spells = [m for m in kb.history("Uzbekistan") if m.organization == "csto"]
    assert [(m.status.value, m.start) for m in spells] == [
        ("member", D(1992, 5, 15)),
        ("withdrawn", D(1999, 4, 20)),
        ("member", D(2006, 8, 16)),
        ("suspended", D(2012, 6, 28)),
        ("withdrawn", D(2012, 12, 19)),
    ]


def test_timeline_contains_kazakhstan_deployment_and_armenia_freeze(kb):
    events = kb.timeline("csto")
    assert any(e.type.value == "deployment" and e.date == D(2022, 1, 6) and e.target == "KAZ" for e in events)
    assert any(e.type.value == "suspension" and e.date == D(2024, 2, 22) and "ARM" in e.actors for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_beyond_coverage_is_flagged(kb):
    roster = kb.members_on("csto", D(2030, 1, 1))
    assert roster.beyond_coverage
    assert not kb.members_on("csto", D(2024, 6, 25)).beyond_coverage


def test_before_founding_is_empty_not_error(kb):
    assert kb.members_on("csto", D(1980, 1, 1)).members == ()


def test_csto_body_decides_by_consensus(kb):
    csc = kb.organization("csto").body("csto-csc")
    assert csc is not None and csc.decision_rule.blocks_with_one_veto()


def test_secretary_general_on_article_date(kb):
    sg = kb.organization("csto").officeholder("secretary_general", D(2024, 6, 24))
    assert sg is not None and sg.person == "Imangali Tasmagambetov"


def test_coverage_error_for_dataset_alliance_after_its_end(kb):
    from casus.kb.knowledge import KnowledgeBase
    from casus.kb.memberships import Membership
    from casus.kb.organizations import Organization
    from casus.kb.sources import Coverage, Source, SourceKind

    src = Source("atop-test", "ATOP 5.1", SourceKind.DATASET)
    org = Organization(
        "atop-9999",
        "Test pact",
        coverage=Coverage(D(1815, 1, 1), D(2018, 12, 31)),
        sources=("atop-test",),
        origin="atop",
    )
    small = KnowledgeBase(
        kb.states,
        [org],
        [],
        [Membership("FRA", "atop-9999", Status.MEMBER, D(2000, 1, 1), sources=("atop-test",))],
        sources=[src],
    )
    assert small.members_on("atop-9999", D(2010, 1, 1)).states() == ("FRA",)
    with pytest.raises(CoverageError, match="unknown"):
        small.members_on("atop-9999", D(2020, 1, 1))


@pytest.mark.parametrize(
    ("org", "date"),
    [
        ("ANZUS", D(1951, 9, 1)),
        ("ANZUS", D(1952, 4, 29)),
        ("Rio Treaty", D(1947, 9, 2)),
        ("us-japan-1960", D(1960, 6, 23)),
    ],
)
def test_timeline_lists_a_treaty_signature_or_entry_into_force_once(kb, org, date):
    treaty_events = [e for e in kb.timeline(org) if e.type.value == "treaty" and e.date == date]
    assert len(treaty_events) == 1, [e.title for e in treaty_events]


def test_timeline_keeps_generated_treaty_events_when_no_curated_one(kb):
    titles = [e.title for e in kb.timeline("csto") if e.type.value == "treaty"]
    assert "Collective Security Treaty signed" in titles and "Collective Security Treaty in force" in titles


@pytest.mark.parametrize(
    ("name", "suggested"), [("Senkaku", "Senkaku Islands"), ("Ceutta", "Ceuta"), ("Kuriles", "Kuril Islands")]
)
def test_unknown_place_suggests_named_territories(kb, name, suggested):
    with pytest.raises(UnknownEntityError) as err:
        kb.place(name)
    assert err.value.suggestions[0] == suggested and f"did you mean '{suggested}'" in str(err.value)
