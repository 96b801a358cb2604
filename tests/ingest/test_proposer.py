"""The learned event proposer (casus.ingest.proposer) and its training script (scripts/train_event_proposer.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from types import ModuleType

import numpy as np
import pytest

from casus.ingest import nlp
from casus.ingest.documents import build_document
from casus.ingest.model import Document, Modality
from casus.ingest.pipeline import analyze
from casus.ingest.proposer import (
    MODEL_FILE,
    ProposerModel,
    Sentences,
    build_event,
    load_proposer,
    proposed_with,
    sentence_features,
)
from casus.ingest.scoring import GoldEvent
from casus.ingest.temporal import find_dates
from casus.kb.events import EventType

#: TASS, 20 February 2025 (set 7's ru7-07, told in English): a meeting the two presidents will hold.
COUNCIL = (
    "The presidents of Russia and Belarus, Vladimir Putin and Alexander Lukashenko, will hold a meeting of the "
    "Supreme State Council of the Union State on 26 February."
)


@pytest.fixture(scope="module")
def train(script: Callable[[str], ModuleType]) -> ModuleType:
    return script("train_event_proposer")


def test_the_thirteenth_set_and_every_later_one_are_refused(train: ModuleType) -> None:
    for name in ("heldout13", "heldout14", "heldout23"):
        with pytest.raises(ValueError, match="blind set"):
            train.readable(train.EVAL / name / "ru.yaml")
    assert train.readable(train.EVAL / "heldout12" / "en.yaml").name == "en.yaml"
    paths = [p for _, files, _ in train.SETS for p in files]
    assert all(train.readable(p) == p for p in paths)
    assert not any(
        part.startswith("heldout") and part[7:].isdigit() and int(part[7:]) >= 13 for p in paths for part in p.parts
    )


def test_a_gold_event_aligns_by_its_trigger_and_its_names(train: ModuleType) -> None:
    gold = GoldEvent(EventType.ACCESSION, "nato", ("FIN",), start=dt.date(2023, 4, 4), end=dt.date(2023, 4, 4))
    stems = train.trigger_stems("en", "accession")
    told = train.lexical_score(gold, "Finland has officially joined NATO", {"FIN", "nato"}, stems)
    aside = train.lexical_score(gold, "Haavisto presented the last documents", {"FIN"}, stems)
    assert told == (1, 2) and aside[0] == 0 and told > aside
    assert train.gold_class(GoldEvent(EventType.SUMMIT, "nato", phase="considering")) == "summit/considering"


#: Maghress (L'Observateur), 15 January 2025 (set 9): Mali's withdrawal from ECOWAS, planned for 29 January.
MALI = (
    "Dans une correspondance datée du 13 janvier courant et citée mercredi par la presse locale, le président de la "
    "Commission de la Cedeao, Omar Alieu Touray, a confirmé que la République du Mali quittera officiellement la "
    "Communauté Economique des Etats de l'Afrique de l'Ouest à partir du 29 janvier 2025."
)


def _read(text: str, lang: str, published: dt.date, doc_id: str) -> tuple[Document, Sentences]:
    """The document and its sentences as the pipeline hands them to the proposer (every sentence parsed)."""
    doc = build_document(text.encode(), doc_id, lang=lang, published=published)
    analysis = analyze(doc, propose=False)
    times = find_dates(doc.text, lang, doc.published)
    spans = nlp.split_sentences(doc.text)
    parsed = dict(enumerate(nlp.parse(lang, [(s, doc.text[s:e]) for s, e in spans])))
    return doc, Sentences.of(spans, analysis.mentions, times, parsed)


def _council() -> tuple[Document, Sentences]:
    return _read(COUNCIL, "en", dt.date(2025, 2, 20), "ru7-07")


def test_a_proposed_event_takes_the_rules_readings_of_tense_and_date() -> None:
    """The class says a withdrawal; the future "quittera" makes it planned, dated by its own "29 janvier 2025".

    Not by the letter's "13 janvier" (set 9's gold: withdrawal, considering, [MLI], ECOWAS, 29 January 2025).
    """
    doc, sents = _read(MALI, "fr", dt.date(2025, 1, 15), "fr9")
    ev = build_event(doc, sents, 0, "withdrawal", 0.9, None)
    assert (ev.type, ev.stage, ev.modality, ev.organization) == (
        EventType.WITHDRAWAL,
        "considering",
        Modality.ASSERTED,
        "ecowas",
    )
    assert "MLI" in ev.actors and (ev.when.start, ev.when.end) == (dt.date(2025, 1, 29),) * 2
    unparsed = Sentences(sents.spans, sents.mentions, sents.times)  # without a parse: the class's own reading
    assert build_event(doc, unparsed, 0, "withdrawal", 0.9, None).stage is None


def test_each_class_has_its_own_threshold() -> None:
    doc, sents = _council()
    two = ProposerModel(
        ("summit", "summit/considering"), ("w:council",), np.array([[5.0, 5.0]]), np.array([-2.0, -2.5]), 0.5
    )
    probs = two.probabilities(sents.rows(doc.text, "en"))
    assert proposed_with(doc, sents, [], two, probs, (0.99, 0.5))[0].extra["rule"] == "proposer"
    (ev,) = proposed_with(doc, sents, [], two, probs, (0.5, 1.01))  # the bare class: "will hold" makes it planned
    assert (ev.stage, ev.when.start) == ("considering", dt.date(2025, 2, 26))
    assert proposed_with(doc, sents, [], two, probs, (1.01, 1.01)) == []
    cut = type(two)(two.classes, two.features, two.weights, two.intercepts, 0.5, True, {}, (0.99, 0.6))
    again = ProposerModel.from_dict(json.loads(json.dumps(cut.to_dict())))
    assert again.thresholds() == (0.99, 0.6) and two.thresholds() == (0.5, 0.5)


def _summit_model(threshold: float = 0.5) -> ProposerModel:
    return ProposerModel(("summit/considering",), ("w:council",), np.array([[5.0]]), np.array([-2.0]), threshold, True)


def test_a_proposed_event_takes_the_sentences_arguments() -> None:
    doc, sents = _council()
    model = _summit_model()
    (ev,) = proposed_with(doc, sents, [], model, model.probabilities(sents.rows(doc.text, "en")), 0.5)
    assert (ev.type, ev.stage, ev.organization) == (EventType.SUMMIT, "considering", "union-state-1999")
    assert {"RUS", "BLR"} <= set(ev.actors) and ev.when.start == dt.date(2025, 2, 26)  # the next 26 February
    assert ev.extra["rule"] == "proposer" and ev.confidence == pytest.approx(0.9526, abs=1e-4)


def test_nothing_is_proposed_where_the_rules_told_the_type_or_the_sentence_is_negated() -> None:
    doc, sents = _council()
    model = _summit_model()
    probs = model.probabilities(sents.rows(doc.text, "en"))
    summit = proposed_with(doc, sents, [], model, probs, 0.5)[0]
    told = proposed_with(doc, sents, [summit], model, probs, 0.5)
    assert told == [] and proposed_with(doc, sents, [], model, probs, 0.99) == []
    negated = build_document(COUNCIL.replace("will hold", "will not hold").encode(), "x", lang="en")
    analysis = analyze(negated, propose=False)
    sents = Sentences.of(nlp.split_sentences(negated.text), analysis.mentions, [])
    assert proposed_with(negated, sents, [], model, model.probabilities(sents.rows(negated.text, "en")), 0.5) == []


def test_the_pipeline_flags_what_the_model_proposed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("casus.ingest.pipeline.load_proposer", lambda: _summit_model())
    doc = build_document(COUNCIL.encode(), "ru7-07", lang="en", published=dt.date(2025, 2, 20))
    rules = analyze(doc, propose=False)
    if any(ev.type is EventType.SUMMIT for ev in rules.events):  # the rules read it: nothing to propose
        assert not any(ev.extra.get("rule") == "proposer" for ev in analyze(doc, propose=True).events)
        return
    analysis = analyze(doc, propose=True)
    proposed = [ev for ev in analysis.events if ev.extra.get("rule") == "proposer"]
    assert len(proposed) == 1 and "proposed by the model" in proposed[0].title
    assert [s.kind for s in analysis.signals if s.kind == "proposed"] == ["proposed"]


def test_features_are_words_stems_triggers_and_entity_kinds() -> None:
    f = sentence_features("Армения заморозила участие в ОДКБ", [], False, 5, "ru")
    assert {"w:армения", "c: арм", "t:suspension", "d:no", "p:body"} <= set(f)


def test_the_shipped_model_is_small_round_trips_and_says_its_decision(script: Callable[[str], ModuleType]) -> None:
    """The shipped model was judged leave-one-set-out on every development set of scripts/devsets.py."""
    text = resources.files("casus.ingest").joinpath(MODEL_FILE).read_text("utf-8")
    assert len(text.encode()) < 5_000_000
    data = json.loads(text)
    model = load_proposer()
    again = ProposerModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.classes == model.classes and np.allclose(again.weights, model.weights)
    assert set(data["leave_one_set_out"]) == set(script("devsets").REAL)
    assert data["decision"].startswith("shipped on" if model.enabled else "shipped off")
