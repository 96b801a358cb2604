"""The labelled evaluation set: precision and recall per event type and language, with minimum figures."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from casus.ingest.model import DEPLOYMENT_END, Evidence, ExtractedEvent, Modality, Precision, When
from casus.ingest.scoring import GoldArticle, GoldEvent, Report, evaluate, load_gold, matches, score_article
from casus.kb.events import EventType as T
from casus.kb.knowledge import KnowledgeBase

EVAL = Path(__file__).resolve().parent / "eval"

#: Minimum precision and recall per language on the labelled set (docs/ingest.md has the current figures).
MINIMUM = {"en": (0.9, 0.9), "fr": (0.9, 0.9), "ru": (0.85, 0.85)}


@pytest.fixture(scope="module")
def report(kb: KnowledgeBase) -> Report:
    articles = [a for lang in ("en", "fr", "ru") for a in load_gold(EVAL / f"{lang}.yaml")]
    return evaluate(articles, kb)


def test_eval_set_covers_three_languages_and_tricky_cases() -> None:
    for lang in ("en", "fr", "ru"):
        arts = load_gold(EVAL / f"{lang}.yaml")
        assert len(arts) >= 8
        modalities = {e.modality for a in arts for e in a.events}
        assert {Modality.NEGATED, Modality.HYPOTHETICAL, Modality.REPORTED} & modalities
        assert any(e.start and e.start.year < a.published.year for a in arts for e in a.events), "old events"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_minimum_precision_and_recall(report: Report, lang: str) -> None:
    total = report.total(lang)
    low_p, low_r = MINIMUM[lang]
    assert total.precision >= low_p and total.recall >= low_r, "\n".join(report.misses)


def test_markdown_table_lists_every_type(report: Report) -> None:
    table = report.markdown()
    for t in ("statement", "suspension", "request_for_assistance", "**all**"):
        assert f"| {t} |" in table


def _event(
    type_: T,
    start: dt.date | None,
    end: dt.date | None,
    actors: tuple[str, ...] = ("ARM",),
    modality: Modality = Modality.ASSERTED,
) -> ExtractedEvent:
    when = When(start, end, Precision.DAY if start == end else Precision.PERIOD)
    return ExtractedEvent(type_, "csto", actors, when, (Evidence("d", "q", 0, 1),), modality=modality)


def test_scorer_counts_true_and_false_positives_and_misses() -> None:
    gold = [
        GoldEvent(T.SUSPENSION, "csto", ("ARM",), (), dt.date(2024, 2, 22), dt.date(2024, 2, 22)),
        GoldEvent(T.WITHDRAWAL, "csto", ("ARM",), modality=Modality.NEGATED),
    ]
    pred = [
        _event(T.SUSPENSION, dt.date(2024, 1, 1), dt.date(2024, 6, 25)),
        _event(T.WITHDRAWAL, None, dt.date(2024, 6, 25)),
        _event(T.STATEMENT, None, dt.date(2024, 6, 25)),
    ]
    r = Report()
    score_article(r, "a", "fr", pred, gold)
    assert (r.total().tp, r.total().fp, r.total().fn) == (1, 2, 1)
    assert (r.total(type_="suspension").precision, r.total(type_="withdrawal").recall) == (1.0, 0.0)


def test_matching_checks_modality_and_period() -> None:
    g = GoldEvent(T.SUSPENSION, "csto", ("ARM",), (), dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert matches(_event(T.SUSPENSION, dt.date(2024, 2, 22), dt.date(2024, 2, 22)), g)
    assert not matches(_event(T.SUSPENSION, dt.date(2024, 3, 1), dt.date(2024, 3, 1)), g)
    assert not matches(
        _event(T.SUSPENSION, dt.date(2024, 2, 22), dt.date(2024, 2, 22), modality=Modality.HYPOTHETICAL), g
    )


def test_matching_checks_the_phase_of_a_deployment() -> None:
    start = _event(T.DEPLOYMENT, dt.date(2022, 1, 6), dt.date(2022, 1, 6))
    end = replace(start, claim=DEPLOYMENT_END)
    assert (start.phase, end.phase, start.key() != end.key()) == ("start", "end", True)
    assert matches(start, GoldEvent(T.DEPLOYMENT, "csto")) and not matches(end, GoldEvent(T.DEPLOYMENT, "csto"))
    assert matches(end, GoldEvent(T.DEPLOYMENT, "csto", phase="end"))
    assert not matches(start, GoldEvent(T.DEPLOYMENT, "csto", phase="end"))


def _held_out(folder: str) -> list[GoldArticle]:
    return [a for lang in ("en", "fr", "ru") for a in load_gold(EVAL / folder / f"{lang}.yaml", lang=lang)]


def test_first_held_out_minimum(kb: KnowledgeBase) -> None:
    """The first held-out set: its failures were fixed, so it is tuned-on now (docs/ingest.md): 0.76 / 1.00."""
    total = evaluate(_held_out("heldout"), kb).total()
    assert total.precision >= 0.72 and total.recall >= 0.95


def test_second_held_out_set_covers_the_tricky_cases() -> None:
    arts = _held_out("heldout2")
    for lang in ("en", "fr", "ru"):
        assert len([a for a in arts if a.lang == lang]) >= 5
    gold = [e for a in arts for e in a.events]
    assert {Modality.NEGATED, Modality.HYPOTHETICAL, Modality.REPORTED} <= {e.modality for e in gold}
    assert any(e.phase == "end" for e in gold) and any(e.organization == "rio-1947" for e in gold)
    assert any(e.start and e.start.year < a.published.year - 5 for a in arts for e in a.events), "old events"
    assert any(len(e.actors) > 1 and not e.actors[1].isupper() for e in gold), "people named by role"


def test_second_held_out_minimum(kb: KnowledgeBase) -> None:
    """Written after the fixes and scored once (docs/ingest.md): 0.78 / 0.70 overall, guarded with a 0.03 margin.

    A regression guard, not a target: the set is not to be tuned on.
    """
    report = evaluate(_held_out("heldout2"), kb)
    total = report.total()
    assert total.precision >= 0.75 and total.recall >= 0.67, "\n".join(report.misses)


# ------------------------------------------------------------------ the third held-out set (#10): real articles
def test_third_heldout_set_is_real_recent_and_large_enough():
    import yaml

    folder = EVAL / "heldout3"
    by_lang = {lang: yaml.safe_load((folder / f"{lang}.yaml").read_text("utf-8")) for lang in ("en", "fr", "ru")}
    assert sum(len(v) for v in by_lang.values()) >= 40 and min(len(v) for v in by_lang.values()) >= 13
    for lang, arts in by_lang.items():
        gold = load_gold(folder / f"{lang}.yaml", lang)
        assert {a.id for a in gold} == {a["id"] for a in arts}
        for art in arts:
            assert art["url"].startswith("http") and art["outlet"] and art["published_source"] in ("page", "inferred")
            assert dt.date(2022, 1, 1) <= art["published"] <= dt.date(2026, 12, 3)
    ids = [a["id"] for arts in by_lang.values() for a in arts]
    urls = [a["url"] for arts in by_lang.values() for a in arts]
    assert len(set(ids)) == len(ids) and len(set(urls)) == len(urls)


def test_core_matching_with_stages_unknown_organizations_and_date_accuracy():
    from casus.ingest.model import Evidence, ExtractedEvent, Precision, When
    from casus.ingest.scoring import date_right

    day = When(dt.date(2024, 6, 12), dt.date(2024, 6, 12), Precision.DAY, "on Wednesday")
    ev = ExtractedEvent(T.WITHDRAWAL, "csto", ("ARM",), day, (Evidence("d", "q", 0, 1),), stage="considering")
    assert matches(ev, GoldEvent(T.WITHDRAWAL, "csto", ("ARM",), phase="considering"), stages=True)
    assert not matches(ev, GoldEvent(T.WITHDRAWAL, "csto", ("ARM",)), stages=True)
    # earlier sets, labelled before phases: an intention is their "hypothetical"
    assert matches(ev, GoldEvent(T.WITHDRAWAL, "csto", ("ARM",), modality=Modality.HYPOTHETICAL))
    month = GoldEvent(T.WITHDRAWAL, "csto", ("ARM",), (), dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert date_right(ev, month) and not date_right(ev, GoldEvent(T.WITHDRAWAL, "csto"))
    unknown = ExtractedEvent(T.WITHDRAWAL, "unknown:CEDEAO", ("MLI",), day, (Evidence("d", "q", 0, 1),))
    gold = GoldEvent(T.WITHDRAWAL, "ecowas", ("MLI",), org_names=("ecowas", "cédéao"))
    assert matches(unknown, gold, stages=True)


def test_an_unknown_organization_as_actor_is_matched_by_the_gold_names() -> None:
    # Set 6, en6-02 (The Nation, 3 December 2023): "The East African Community Regional Force (EAC-RF) began its
    # withdrawal from the Democratic Republic of Congo on Sunday morning" — gold `org: [eac, east african
    # community], actors: [eac]`. Were the EAC unknown to the knowledge base, casus would keep it as `unknown:EAC`.
    art = next(a for a in load_gold(EVAL / "heldout6" / "en.yaml", "en") if a.id.startswith("en6-02"))
    gold = art.events[0]
    assert (gold.organization, gold.actors, gold.phase) == ("eac", ("eac",), "end")
    day = dt.date(2023, 12, 3)
    pred = replace(
        _event(T.DEPLOYMENT, day, day, actors=("unknown:EAC",)), organization="unknown:EAC", claim=DEPLOYMENT_END
    )
    assert matches(pred, gold, stages=True) and matches(pred, gold)
    assert not matches(replace(pred, actors=("unknown:SADC",)), gold, stages=True)
    # A state actor is never matched by an organization's name: the refusal of the same article is Kinshasa's.
    refusal = next(g for g in art.events if g.type is T.REFUSAL)
    assert not matches(replace(pred, type=T.REFUSAL, claim="", when=When(None, None, Precision.UNDATED)), refusal)
