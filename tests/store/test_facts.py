import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.organizations import Organization
from casus.kb.sources import SourceKind
from casus.store import overlay_kb

WITHDREW = "Plus tôt cette année, l'Arménie a retiré sa participation à l'OTSC."


def test_accepted_withdrawal_contradicting_curated_suspension_is_a_conflict(store, make_analysis, kb):
    analysis = make_analysis(WITHDREW, [("withdrawal", ["ARM"], "2024-01-01", "2024-06-25")])
    store.add_analysis(analysis)
    store.accept(analysis.events[0].id)
    overlay = overlay_kb(kb, store)
    (conflict,) = overlay.conflicts
    assert (conflict.state, conflict.organization, conflict.claimed) == ("ARM", "csto", Status.WITHDRAWN)
    assert set(conflict.curated) == {Status.MEMBER, Status.SUSPENDED}
    # never overwritten: curated statuses are unchanged
    assert overlay.kb.status_on("ARM", "csto", dt.date(2024, 6, 25)).status is Status.SUSPENDED
    assert overlay.memberships == ()


def test_agreeing_event_is_no_conflict_and_pending_events_are_ignored(store, make_analysis, kb):
    analysis = make_analysis(
        WITHDREW,
        [("suspension", ["ARM"], "2024-01-01", "2024-06-25"), ("withdrawal", ["ARM"], "2024-01-01", "2024-06-25")],
    )
    store.add_analysis(analysis)
    store.accept(analysis.events[0].id)
    assert overlay_kb(kb, store).conflicts == ()


def test_accepted_membership_events_become_facts_with_provenance(store, make_analysis, kb):
    test_org = Organization("test-pact", "Test Pact", founded=dt.date(2020, 1, 1), sources=("csto-history",))
    base = KnowledgeBase(
        kb.states,
        [*kb.organizations.values(), test_org],
        kb.treaties.values(),
        kb.memberships,
        kb.events,
        kb.sources.values(),
        kb.places.values(),
        kb.scopes.values(),
    )
    analysis = make_analysis(
        "Serbia joined the Test Pact in March 2023 and froze its role in 2024.",
        [("accession", ["SRB"], "2023-03-01", "2023-03-31"), ("suspension", ["SRB"], "2024-01-01", "2024-12-31")],
        org="test-pact",
    )
    store.add_analysis(analysis)
    for ev in analysis.events:
        store.accept(ev.id)
    overlay = overlay_kb(base, store)
    assert [(m.state, m.status, m.start, m.end) for m in overlay.memberships] == [
        ("SRB", Status.MEMBER, dt.date(2023, 3, 1), dt.date(2024, 1, 1)),
        ("SRB", Status.SUSPENDED, dt.date(2024, 1, 1), None),
    ]
    (source,) = overlay.sources
    assert source.kind is SourceKind.NEWS_INGEST and source.id == f"news-{analysis.document.id[:12]}"
    assert overlay.kb.status_on("SRB", "test-pact", dt.date(2023, 6, 1)).status is Status.MEMBER
    assert overlay.kb.members_on("test-pact", dt.date(2024, 6, 1)).states() == ("SRB",)
    assert any(e.organization == "test-pact" for e in overlay.kb.timeline("test-pact"))


def test_a_suspension_an_organization_decides_suspends_its_members(store, make_analysis, kb):
    """ "ECOWAS suspended Guinea-Bissau" has ECOWAS as actor and Guinea-Bissau as member: the state is suspended."""
    from dataclasses import replace

    from casus.ingest.model import Analysis

    test_org = Organization("test-pact", "Test Pact", founded=dt.date(2020, 1, 1), sources=("csto-history",))
    base = KnowledgeBase(
        kb.states,
        [*kb.organizations.values(), test_org],
        kb.treaties.values(),
        kb.memberships,
        kb.events,
        kb.sources.values(),
        kb.places.values(),
        kb.scopes.values(),
    )
    made = make_analysis(
        "The Test Pact suspended Serbia in 2024.", [("suspension", ["test-pact"], "2024-01-01", "2024-12-31")]
    )
    suspended = replace(made.events[0], organization="test-pact", members=("SRB",))
    analysis = Analysis(made.document, (suspended,), made.signals)
    store.add_analysis(analysis)
    store.accept(analysis.events[0].id)
    overlay = overlay_kb(base, store)
    assert [(m.state, m.status) for m in overlay.memberships] == [("SRB", Status.SUSPENDED)]
    assert overlay.kb.status_on("SRB", "test-pact", dt.date(2024, 6, 1)).status is Status.SUSPENDED
