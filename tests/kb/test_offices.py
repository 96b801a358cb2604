"""Offices on a date, never extended past an organization's verified-through date."""

from __future__ import annotations

import datetime as dt

from casus.kb.offices import bodies_of, offices_on

D = dt.date.fromisoformat


def test_csto_secretary_general_changes_on_1_january_2026(kb):
    csto = kb.organization("ОДКБ")
    before = offices_on(csto, D("2025-12-31")).offices[0]
    after = offices_on(csto, D("2026-01-15")).offices[0]
    assert before.holder.person == "Imangali Tasmagambetov" and before.unknown_after is None
    assert after.holder.person == "Taalatbek Masadykov" and after.unknown_after is None
    assert "31 December 2028" in after.holder.note
    assert "trend-masadykov-2025" in after.holder.sources


def test_office_past_verified_through_is_unknown_after_that_date(kb):
    csto = kb.organization("csto")
    report = offices_on(csto, D("2027-01-15"))
    assert csto.verified_through == D("2026-12-03")
    assert report.unknown_after == report.offices[0].unknown_after == D("2026-12-03")
    assert report.offices[0].holder.person == "Taalatbek Masadykov"  # as known on 2026-12-03, not asserted later


def test_nato_secretary_general_history_and_vacancy(kb):
    nato = kb.organization("NATO")
    assert offices_on(nato, D("2001-09-12")).offices[0].holder.person == "Lord Robertson"
    # between Solana (to 6 October 1999) and Robertson (from 14 October 1999) nobody is recorded
    gap = offices_on(nato, D("1999-10-10")).offices[0]
    assert gap.holder is None and gap.vacant
    assert offices_on(nato, D("2026-03-01")).offices[0].holder.person == "Mark Rutte"
    assert [h.person for h in offices_on(nato, D("1950-01-01")).holders][:2] == ["Lord Ismay", "Paul-Henri Spaak"]


def test_bodies_on_a_date_leave_out_later_bodies(kb):
    csto = kb.organization("csto")
    ids_2005 = {b.id for b in bodies_of(csto, D("2005-01-01"))}
    assert "csto-csc" in ids_2005 and "csto-crrf" not in ids_2005  # the rapid reaction forces date from 2009
    assert {b.id for b in bodies_of(csto)} >= {"csto-crrf", "csto-cpf"}


def test_every_curated_organization_answers_members_timeline_offices_and_bodies(kb):
    today = D("2026-12-03")
    curated = [o for o in kb.organizations.values() if o.origin == "curated"]
    assert len(curated) >= 20
    for org in curated:
        assert org.verified_through is not None, org.id
        roster = kb.members_on(org, today)
        report = offices_on(org, today)
        if org.dissolved is None or today < org.dissolved:
            # known through today (ECOWAS, the AES, checked on 2026-12-03): nothing unknown yet
            expected = org.verified_through if org.verified_through < today else None
            assert roster.unknown_after == report.unknown_after == expected, org.id
        assert kb.timeline(org), org.id
        assert bodies_of(org) == org.bodies
