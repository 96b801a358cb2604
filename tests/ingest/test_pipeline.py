"""The example article (../shared/examples, published 2024-06-25) gives the events of issue 4, point 6."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def find(analysis, type_, **where):
    out = []
    for e in analysis.events:
        if e.type is not type_:
            continue
        if all(getattr(e, k) == v for k, v in where.items()):
            out.append(e)
    return out


def test_every_quote_is_the_text_at_its_offsets(example):
    text = example.document.text
    for ev in example.events:
        for q in ev.evidence:
            assert text[q.start : q.end] == q.quote
            assert q.document == example.document.id


def test_secretary_general_statement_to_tass_on_monday(example):
    (ev,) = [e for e in find(example, T.STATEMENT, organization="csto") if e.when.start == D(2024, 6, 24)]
    assert ev.people == ("Imangali Tasmagambetov",) and ev.actors == ("csto",)
    assert (ev.when.end, ev.when.text) == (D(2024, 6, 24), "lundi")
    assert "TASS" in ev.evidence[0].quote
    assert any("nouveaux membres" in q.quote for q in ev.evidence)  # "Il a en outre expliqué…" merged in


def test_founding_in_1992(example):
    (ev,) = find(example, T.FOUNDING)
    assert (ev.organization, ev.when.start, ev.when.end) == ("csto", D(1992, 1, 1), D(1992, 12, 31))


def test_six_members(example):
    (ev,) = [e for e in find(example, T.STATEMENT) if e.members]
    assert ev.members == ("RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM") and ev.organization == "csto"


def test_january_2022_deployment_to_kazakhstan(example):
    (ev,) = find(example, T.DEPLOYMENT)
    assert (ev.organization, ev.target, ev.when.start, ev.when.end) == ("csto", "KAZ", D(2022, 1, 1), D(2022, 1, 31))


def test_refusal_to_sanction_russia_or_arm_ukraine_in_2022(example):
    (ev,) = find(example, T.REFUSAL)
    assert ev.actors == ("csto",) and ev.target == "RUS" and "UKR" in ev.mentioned
    assert ev.when.start.year == 2022 and "sanctions" in ev.claim


def test_armenia_suspends_earlier_this_year_and_considers_leaving(example):
    (susp,) = find(example, T.SUSPENSION)
    (cons,) = find(example, T.CONSIDERATION_OF_WITHDRAWAL)
    for ev in (susp, cons):
        assert ev.actors == ("ARM",) and ev.people == ("Nikol Pashinyan",) and ev.organization == "csto"
        assert (ev.when.start, ev.when.end, ev.when.text) == (D(2024, 1, 1), D(2024, 6, 25), "plus tôt cette année")
    assert not find(example, T.WITHDRAWAL)


def test_armenian_criticism_and_moscow_rejection_are_statements(example):
    (crit,) = find(example, T.STATEMENT, actors=("ARM",))
    assert crit.target == "csto" and "AZE" in crit.mentioned and "inaction" in crit.claim
    (moscow,) = find(example, T.STATEMENT, actors=("RUS",))
    assert moscow.target == "ARM" and "obligations" in moscow.claim


def test_commitments_to_armenia_remain_valid(example):
    (ev,) = [e for e in find(example, T.STATEMENT, organization="csto", target="ARM") if e.actors == ("csto",)]
    assert (ev.when.start, ev.when.end) == (D(2024, 6, 17), D(2024, 6, 23))
    assert "restent valables" in ev.claim
    assert not find(example, T.ACCESSION)  # "son adhésion" inside the quote is no accession


def test_sourcing_signals(example):
    kinds = [s.kind for s in example.signals]
    assert {"duplicated_title", "rewrite_leftover", "unattributed_quote", "no_byline", "no_source_link"} <= set(kinds)
    quotes = {s.quote for s in example.signals}
    assert "Selon la source faisant autorité" in quotes and "En termes simples" in quotes
    text = example.document.text
    assert all(text[s.start : s.end] == s.quote for s in example.signals if s.start is not None)


def test_an_analysis_over_its_time_budget_is_refused_and_nothing_is_stored(example_path, kb, tmp_path):
    import re

    import pytest

    from casus.errors import TimeBudgetError
    from casus.ingest import analyze, ingest, read_document
    from casus.store import EventStore

    with EventStore(f"sqlite:///{tmp_path / 'ev.sqlite'}") as store:
        (refused,) = ingest([str(example_path)], store, kb=kb, budget=1e-9)
        assert refused.document is None and not refused.new
        assert re.search(r"otsc-expansion.*longer than its 1e-09 CPU-second budget", refused.error)
        with pytest.raises(TimeBudgetError):
            analyze(read_document(example_path), kb, budget=1e-9)
        assert store.counts() == {"documents": 0, "events": 0, "evidence": 0}
        (done,) = ingest([str(example_path)], store, kb=kb, budget=None)
        assert done.new and any(e.type is T.SUSPENSION for e in done.events)  # Armenia, earlier this year


def test_the_place_of_a_dateline_acts_in_nothing(read):
    # en5-04 (Sputnik, 4 September 2025): "Russia" in the dateline is where the story was filed
    a = read(
        "VLADIVOSTOK, Russia (Sputnik) - Laos wants to join the Shanghai Cooperation Organization (SCO) and count "
        "on Russia's support, Deputy Foreign minister of Laos Phongsavanh Sisoulath told Sputnik.\n"
        "On Monday, Laos was officially accepted into the association with partner status.",
        "en",
        "2025-09-04",
    )
    assert all("RUS" not in e.actors for e in a.events if e.type is T.ACCESSION)
