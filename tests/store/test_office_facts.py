"""Accepted appointments as office-holders (#10): corroborating curated holders, added after the curated
record, or listed as conflicts — never overwriting curated facts."""

import datetime as dt

import pytest

from casus.kb.offices import offices_on
from casus.kb.organizations import Officeholder
from casus.store import overlay_kb
from casus.store.offices import NewsHolder, apply_holder

pytest.importorskip("spacy", reason="needs the [ingest] extra")

MASADYKOV = (
    "Таалатбек Масадыков назначен генеральным секретарём ОДКБ\n\nСовет коллективной безопасности ОДКБ на сессии "
    "в Бишкеке назначил Таалатбека Масадыкова генеральным секретарём организации с 1 января 2026 года."
)


def _accept_appointments(store, kb, text, lang, published):
    from casus.ingest import analyze_text

    analysis = analyze_text(text, lang=lang, published=dt.date.fromisoformat(published), kb=kb)
    store.add_analysis(analysis)
    picked = [e for e in analysis.events if e.type.value == "appointment"]
    for ev in picked:
        store.accept(ev.id)
    return analysis, picked


def test_accepted_appointment_corroborates_the_curated_holder_with_the_article(store, kb):
    analysis, picked = _accept_appointments(store, kb, MASADYKOV, "ru", "2025-11-28")
    assert picked and all(e.people == ("Taalatbek Masadykov",) for e in picked)
    overlay = overlay_kb(kb, store)
    assert overlay.office_conflicts == ()
    source = f"news-{analysis.document.id[:12]}"
    report = offices_on(overlay.kb.organization("csto"), dt.date(2026, 2, 1))
    holder = report.offices[0].holder
    assert holder is not None and holder.person == "Taalatbek Masadykov" and holder.start == dt.date(2026, 1, 1)
    assert source in holder.sources and "trend-masadykov-2025" in holder.sources
    assert source in overlay.kb.sources
    # the curated holders are all still there, unchanged apart from the new source
    assert len(overlay.kb.organization("csto").officeholders) == len(kb.organization("csto").officeholders)
    # and the appointment joins the CSTO's timeline
    assert any(e.type.value == "appointment" and source in e.sources for e in overlay.kb.timeline("csto"))


def test_a_wrong_report_is_a_conflict_never_applied(store, kb):
    # a deliberately wrong report: Stoltenberg's term ended on 2024-10-01, Rutte's began
    text = "Jens Stoltenberg was appointed Secretary General of NATO from 1 October 2024."
    _, picked = _accept_appointments(store, kb, text, "en", "2024-06-26")
    assert [e.people for e in picked] == [("Jens Stoltenberg",)]
    overlay = overlay_kb(kb, store)
    (conflict,) = overlay.office_conflicts
    assert (conflict.organization, conflict.person, conflict.curated) == ("nato", "Jens Stoltenberg", ("Mark Rutte",))
    assert offices_on(overlay.kb.organization("nato"), dt.date(2025, 1, 1)).offices[0].holder.person == "Mark Rutte"


def test_an_appointment_after_the_verified_through_date_ends_the_open_holder(kb):
    csto = kb.organization("csto")
    assert csto.coverage.end == dt.date(2026, 12, 3)
    # Masadykov's term runs to 31 December 2028 (curated note); a successor's appointment from 2029 is news
    # the curated record cannot have, so it is added and Masadykov's open spell ends when it starts.
    successor = Officeholder("secretary_general", "Successor Named In The News", dt.date(2029, 1, 1), None, ("src",))
    updated, outcome = apply_holder(csto, NewsHolder("e1", "csto", successor))
    assert outcome == "added"
    masadykov = next(o for o in updated.officeholders if o.person == "Taalatbek Masadykov")
    assert masadykov.end == dt.date(2029, 1, 1)
    assert updated.officeholder("secretary_general", dt.date(2029, 6, 1)) == successor
    # the same successor dated inside the verified period would contradict Masadykov: a conflict
    early = Officeholder("secretary_general", "Successor Named In The News", dt.date(2026, 1, 1), None, ("src",))
    assert apply_holder(csto, NewsHolder("e2", "csto", early)) == (csto, "conflict")
