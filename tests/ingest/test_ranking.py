"""The learned event scorer: the shipped model's file, its run-time scoring, and what it holds back.

Articles are from the development sets: en6-02 (heldout6, Nation Africa, 2023-12-03: the EAC regional force
leaves the DRC) and ru-02 (the written Russian set: the CSTO's peacekeepers arrive in Kazakhstan).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import replace
from pathlib import Path

import pytest

from casus.ingest.documents import build_document
from casus.ingest.model import Analysis, Precision, When
from casus.ingest.pipeline import analyze
from casus.ingest.ranking import MODEL_FILE, EventModel, features, held_signals, hold_back, load_model
from casus.ingest.scoring import GoldArticle, assign_core, load_gold
from casus.kb.events import EventType as T
from casus.kb.knowledge import KnowledgeBase

EVAL = Path(__file__).resolve().parent / "eval"
DATA = Path(__file__).resolve().parents[2] / "src" / "casus" / "ingest" / MODEL_FILE


def _article(path: Path, article_id: str) -> GoldArticle:
    return next(a for a in load_gold(path, path.stem) if a.id == article_id)


def _read(art: GoldArticle, kb: KnowledgeBase, *, ranked: bool = True) -> Analysis:
    doc = build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published)
    return analyze(doc, kb, ranked=ranked)


@pytest.fixture(scope="module")
def eac() -> GoldArticle:
    return _article(EVAL / "heldout6" / "en.yaml", "en6-02-nation-eac-force-withdrawal-drc")


@pytest.fixture(scope="module")
def eac_headline(eac: GoldArticle) -> GoldArticle:
    """en6-02's headline with the paragraphs on the deployment's start, not the one dating the withdrawal.

    In the whole article the headline's withdrawal, read without an actor, folds into the EAC's dated one
    (``fold_actorless``); without that paragraph it stays the actorless candidate the scorer must rank low.
    """
    paragraphs = eac.text.split("\n\n")
    return replace(eac, text="\n\n".join([paragraphs[0], *paragraphs[4:6]]))


def test_model_file_schema() -> None:
    data = json.loads(DATA.read_text("utf-8"))
    names, weights = data["features"], data["weights"]
    assert len(names) == len(set(names)) == len(weights) > 20 and "confidence" in names
    assert all(math.isfinite(w) for w in weights) and math.isfinite(data["intercept"])
    assert 0.0 <= data["threshold"] <= 1.0 and data["sklearn"] and data["trained"]
    assert {"heldout10", "heldout11", "heldout12"} <= set(data["training_sets"])
    assert not any(re.search(r"heldout(1[3-9]|[2-9]\d)", s) for s in data["training_sets"])  # the blind sets
    for k in (3, 4, 5, 6, 7):
        assert {"auc", "rules", "global", "per-type"} <= set(data["leave_one_set_out"][f"heldout{k}"])
    assert data["policy"] in ("none", "global", "per-type") and data["decision"]
    if data["policy"] == "none":  # judged not to pay on the left-out sets: nothing is held back
        assert data["threshold"] == 0.0 and data["thresholds"] == {} and data["margin"] is None
    assert load_model().features == tuple(names)


def test_every_feature_the_reader_gives_is_known_to_the_model(eac: GoldArticle, kb: KnowledgeBase) -> None:
    a = _read(eac, kb, ranked=False)
    model = load_model()
    for ev in a.events:
        if ev.type is not T.STATEMENT:
            assert set(features(ev, a.document, kb, a.events)) <= set(model.features), ev.title


def test_features_of_the_headline_event(eac_headline: GoldArticle, kb: KnowledgeBase) -> None:
    """The headline "East African regional force begins withdrawal from DRC" names the force, not who sends it.

    The force is the East African Community's, so the organization is the actor (set 6's decision 26).
    """
    a = _read(eac_headline, kb, ranked=False)
    head = next(e for e in a.events if e.extra.get("sentence") == 0 and e.type is T.DEPLOYMENT)
    f = features(head, a.document, kb, a.events)
    assert {"position=headline", "actors=1", "phase=end", "org=known", "lang=en"} <= set(f)
    assert head.actors == ("eac",)
    assert f["confidence"] == head.confidence and head.extra["rule"].startswith("trigger")


def test_a_known_false_positive_scores_under_a_known_true_positive(
    eac_headline: GoldArticle, kb: KnowledgeBase
) -> None:
    """en6-02's candidate no gold event matches (a planned deployment) scores under ru-02's request, a right one.

    The headline's withdrawal was that false positive while a background month of the next paragraph dated it;
    undated, it is now the gold's withdrawal (compared by identity: events compare by value).
    """
    bad = _read(eac_headline, kb)
    hits = [hit for _, hit in assign_core(bad.events, eac_headline.events)]
    wrong = [e for e in bad.events if e.type is not T.STATEMENT and all(hit is not e for hit in hits)]
    assert wrong and all(e.type is T.DEPLOYMENT for e in wrong)
    ru = _article(EVAL / "ru.yaml", "ru-02-kazakhstan")
    good = next(e for e in _read(ru, kb).events if e.type is T.REQUEST_FOR_ASSISTANCE)
    assert good.actors == ("KAZ",) or "Kassym-Jomart Tokayev" in good.people
    assert max(e.confidence for e in wrong) < good.confidence
    assert good.extra["rule_confidence"] != good.confidence  # the probability replaced the rules' score


def test_events_under_the_threshold_are_held_back_with_a_signal(eac: GoldArticle, kb: KnowledgeBase) -> None:
    """A threshold just over the lowest probability of en6-02's core events holds back that event alone."""
    a = _read(eac, kb, ranked=False)
    model = load_model()
    core = [e for e in a.events if e.type is not T.STATEMENT]
    probability = {e.key(): model.probability(features(e, a.document, kb, a.events, a.mentions)) for e in core}
    low = min(core, key=lambda e: probability[e.key()])
    strict = replace(model, threshold=probability[low.key()] + 1e-9)
    kept, held = hold_back(a.events, a.document, kb, strict, a.mentions)
    assert [e.key() for e in held] == [low.key()] and len(kept) == len(a.events) - 1
    (signal,) = held_signals(held, strict)
    assert signal.kind == "held_back" and signal.quote == low.evidence[0].quote
    assert a.document.text[signal.start : signal.end] == signal.quote


def test_the_pipeline_keeps_events_over_the_shipped_threshold(eac: GoldArticle, kb: KnowledgeBase) -> None:
    ranked, raw = _read(eac, kb), _read(eac, kb, ranked=False)
    model = load_model()
    assert {e.key() for e in ranked.events} | {e.key() for e in ranked.held_back} == {e.key() for e in raw.events}
    assert all(e.confidence >= model.threshold for e in ranked.events if e.type is not T.STATEMENT)
    assert len([s for s in ranked.signals if s.kind == "held_back"]) == len(ranked.held_back)


def test_run_time_scoring_equals_scikit_learn(eac: GoldArticle, kb: KnowledgeBase) -> None:
    """A model trained here on real candidates' features gives, by a dot product, sklearn's own probabilities."""
    linear_model = pytest.importorskip("sklearn.linear_model")
    ru = _article(EVAL / "ru.yaml", "ru-02-kazakhstan")
    rows, labels = [], []
    for art in (eac, ru):
        a = _read(art, kb, ranked=False)
        right = {id(hit) for _, hit in assign_core(a.events, art.events) if hit is not None}
        for ev in a.events:
            if ev.type is not T.STATEMENT:
                rows.append(features(ev, a.document, kb, a.events))
                labels.append(int(id(ev) in right))
    assert 0 < sum(labels) < len(labels)
    names = sorted({n for r in rows for n in r})
    xs = [[r.get(n, 0.0) for n in names] for r in rows]
    fitted = linear_model.LogisticRegression(C=1.0).fit(xs, labels)
    ours = EventModel(tuple(names), tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0]), 0.5)
    for r, p in zip(rows, fitted.predict_proba(xs)[:, 1], strict=True):
        assert ours.probability(r) == pytest.approx(p, abs=1e-9)


def test_features_from_the_sentence_and_the_knowledge_base(kb: KnowledgeBase) -> None:
    """Finland joined NATO on 4 April 2023 (curated): the sentence names it first, the year is the event's own."""
    text = "Nordic security\n\nFinland joined NATO on 4 April 2023, Jens Stoltenberg announced in Brussels.\n"
    doc = build_document(text.encode("utf-8"), "fin-nato", lang="en", published=dt.date(2023, 4, 5))
    a = analyze(doc, kb, ranked=False)
    ev = next(e for e in a.events if e.type is T.ACCESSION and e.actors == ("FIN",) and e.when.start)
    f = features(ev, doc, kb, a.events, a.mentions)
    assert {"kb=agrees", "year=same", "subject=actor", "actor_named=yes"} <= set(f)
    # The same accession told of 2010 is not what the knowledge base records; the sentence's 2023 is another year.
    old = replace(ev, when=When(dt.date(2010, 1, 1), dt.date(2010, 12, 31), Precision.YEAR))
    assert {"kb=differs", "year=other"} <= set(features(old, doc, kb, a.events, a.mentions))
    assert not any(k.startswith("subject=") for k in features(ev, doc, kb, a.events))  # no mentions given


def test_per_type_thresholds_hold_back_by_type(eac: GoldArticle, kb: KnowledgeBase) -> None:
    """A cut for deployments only holds back en6-02's deployments and none of its other events."""
    a = _read(eac, kb, ranked=False)
    model = replace(load_model(), threshold=0.0, thresholds={"deployment": 1.01})
    kept, held = hold_back(a.events, a.document, kb, model, a.mentions)
    assert held and all(e.type is T.DEPLOYMENT for e in held) and not any(e.type is T.DEPLOYMENT for e in kept)
    again = EventModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.thresholds == {"deployment": 1.01} and again.cut("summit") == 0.0


def test_a_less_probable_duplicate_is_held_back_under_a_margin(kb: KnowledgeBase) -> None:
    """en3-04 (heldout3) reads Finland's accession to NATO twice (asserted, and reported by Finland): with a
    margin of 0, the less probable reading is held back and nothing else.
    """
    art = _article(EVAL / "heldout3" / "en.yaml", "en3-04-oraclenews-finland-joins")
    a = _read(art, kb, ranked=False)
    finland = [e for e in a.events if e.type is T.ACCESSION and e.actors == ("FIN",)]
    assert len(finland) == 2
    _, held = hold_back(a.events, a.document, kb, replace(load_model(), margin=0.0), a.mentions)
    assert [e.actors for e in held] == [("FIN",)]
    kept, _ = hold_back(a.events, a.document, kb, load_model(), a.mentions)
    assert held[0].confidence <= max(e.confidence for e in kept if e.actors == ("FIN",))
