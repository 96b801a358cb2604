"""Train the learned event scorer (issue #10) and measure it by leave-one-set-out.

Runs the pipeline (rules only, ``ranked=False``) on every article of the development sets, labels each core
event 1 when the scorer of ``casus.ingest.scoring`` assigns it to a gold event (strict core matching on the
real sets 3-6, the written sets' own matching on en/fr/ru.yaml, heldout and heldout2), and fits a logistic
regression on the features of :func:`casus.ingest.ranking.features`. The threshold is chosen by inner
leave-one-set-out cross-validation on the training sets: the lowest that keeps precision >= ``--precision``
on the out-of-fold probabilities, else the one of best F1.

With ``--blind`` it also trains on each real set's candidates under the code it was scored blind with
(``tests/ingest/eval/blind/``, written by ``scripts/blind_candidates.py``; an article's two candidate lists are
left out together).

Usage:
    python scripts/train_event_model.py          # train on every set, write src/casus/ingest/data/event_model.json
    python scripts/train_event_model.py --cv     # print the leave-one-set-out tables (sets 3-6), write nothing

Needs scikit-learn (in the ``ingest`` and ``sim`` extras); the model is applied at run time without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "ingest" / "eval"
OUT = ROOT / "src" / "casus" / "ingest" / "data" / "event_model.json"
LANGS = ("en", "fr", "ru")
#: The development sets (never heldout7, the blind one): name, files, whether scored strictly (sets 3-6).
SETS: tuple[tuple[str, tuple[Path, ...], bool], ...] = (
    ("written", tuple(EVAL / f"{lang}.yaml" for lang in LANGS), False),
    ("heldout1", tuple(EVAL / "heldout" / f"{lang}.yaml" for lang in LANGS), False),
    ("heldout2", tuple(EVAL / "heldout2" / f"{lang}.yaml" for lang in LANGS), False),
    *((f"heldout{k}", tuple(EVAL / f"heldout{k}" / f"{lang}.yaml" for lang in LANGS), True) for k in (3, 4, 5, 6)),
)
REAL = ("heldout3", "heldout4", "heldout5", "heldout6")
#: Regularisation of the logistic regression (inverse strength) and the precision the threshold aims at.
C = 0.3
PRECISION = 0.85
#: The share of right events the precision target may cost at most.
MAX_RECALL_COST = 0.1
#: When no threshold reaches that precision: the one of best F-beta (beta < 1 favours precision).
BETA = 0.5


@dataclass
class Article:
    """One labelled article with its candidates, their features and labels."""

    set: str
    id: str
    lang: str
    strict: bool
    gold: tuple[object, ...]
    events: tuple[object, ...]  # every event the rules read (statements too)
    core: list[int]  # indices of the core events in ``events``
    feats: list[dict[str, float]]
    labels: list[int]


def collect() -> list[Article]:
    """Run the rules on every development article and label their core events."""
    from casus.curated import load_kb
    from casus.ingest.documents import build_document
    from casus.ingest.pipeline import analyze
    from casus.ingest.ranking import features
    from casus.ingest.scoring import assign, assign_core, load_gold
    from casus.kb.events import EventType

    kb = load_kb()
    out = []
    for name, files, strict in SETS:
        for path in files:
            for art in load_gold(path, path.stem):
                doc = build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published)
                events = analyze(doc, kb, ranked=False).events
                pairs = (assign_core if strict else assign)(events, art.events)
                hit = {id(p) for _, p in pairs if p is not None}
                core = [k for k, e in enumerate(events) if e.type is not EventType.STATEMENT]
                feats = [features(events[k], doc, kb, events) for k in core]
                labels = [int(id(events[k]) in hit) for k in core]
                out.append(Article(name, art.id, art.lang, strict, art.events, events, core, feats, labels))
    return out


def _group(setname: str) -> str:
    """The set an article belongs to: a set's blind-era candidates go with it (``blind6`` is ``heldout6``)."""
    return setname.replace("blind", "heldout")


def _blind_event(d: dict[str, Any], doc_id: str, spans: Sequence[tuple[int, int]]):  # type: ignore[no-untyped-def]
    """An event of ``tests/ingest/eval/blind/heldoutK.json`` (see ``scripts/blind_candidates.py``)."""
    from casus.ingest.model import DEPLOYMENT_END, Evidence, ExtractedEvent, Modality, Precision, When
    from casus.kb.events import EventType

    w = d["date"]
    day = dt.date.fromisoformat
    when = When(day(w["start"]) if w["start"] else None, day(w["end"]) if w["end"] else None, Precision(w["precision"]))
    evidence = tuple(Evidence(doc_id, "", s, e, c) for s, e, c in d["evidence"])
    first = evidence[0].start if evidence else 0
    sentence = next((k for k, (a, b) in enumerate(spans) if a <= first < b), None)
    end = d["phase"] == "end" and d["stage"] is None
    return ExtractedEvent(
        EventType(d["type"]),
        d["organization"],
        tuple(d["actors"]),
        when,
        evidence,
        people=tuple(d["people"]),
        target=d["target"],
        members=tuple(d["members"]),
        modality=Modality(d["modality"]),
        claim=DEPLOYMENT_END if end else "",
        confidence=d["confidence"],
        stage=d["stage"],
        speakers=tuple(d["speakers"] or ()),
        extra={"sentence": sentence},
    )


def collect_blind() -> list[Article]:
    """Each real set's candidates under the code it was scored blind with, labelled like the others."""
    from casus.curated import load_kb
    from casus.ingest import nlp
    from casus.ingest.documents import build_document
    from casus.ingest.ranking import features
    from casus.ingest.scoring import assign_core, load_gold

    kb = load_kb()
    out = []
    for setname in REAL:
        data = json.loads((EVAL / "blind" / f"{setname}.json").read_text("utf-8"))["articles"]
        for lang in LANGS:
            for art in load_gold(EVAL / setname / f"{lang}.yaml", lang):
                doc = build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published)
                spans = nlp.split_sentences(doc.text)
                events = tuple(_blind_event(d, doc.id, spans) for d in data.get(art.id, []))
                hit = {id(p) for _, p in assign_core(events, art.events) if p is not None}
                feats = [features(e, doc, kb, events) for e in events]
                labels = [int(id(e) in hit) for e in events]
                name = setname.replace("heldout", "blind")
                out.append(
                    Article(name, art.id, art.lang, True, art.events, events, list(range(len(events))), feats, labels)
                )
    return out


def _matrix(arts: Sequence[Article], names: Sequence[str]) -> tuple[list[list[float]], list[int]]:
    index = {n: k for k, n in enumerate(names)}
    xs, ys = [], []
    for a in arts:
        for f, y in zip(a.feats, a.labels, strict=True):
            row = [0.0] * len(names)
            for n, v in f.items():
                if n in index:
                    row[index[n]] = v
            xs.append(row)
            ys.append(y)
    return xs, ys


def fit(arts: Sequence[Article]) -> tuple[list[str], list[float], float]:
    """Feature names, coefficients and intercept of a logistic regression on these articles' events."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({n for a in arts for f in a.feats for n in f})
    xs, ys = _matrix(arts, names)
    sizes = Counter(a.set for a in arts for _ in a.labels)
    weights = [len(ys) / len(sizes) / sizes[a.set] for a in arts for _ in a.labels]  # each set weighs the same
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    model.fit(xs, ys, sample_weight=weights)
    return names, [float(w) for w in model.coef_[0]], float(model.intercept_[0])


def _model(arts: Sequence[Article], threshold: float = 0.0):  # type: ignore[no-untyped-def]
    from casus.ingest.ranking import EventModel

    names, weights, intercept = fit(arts)
    return EventModel(tuple(names), tuple(weights), intercept, threshold)


def _out_of_fold(arts: Sequence[Article]) -> list[tuple[float, int, str]]:
    """Each event's probability under a model trained without its set (inner leave-one-set-out), label and set."""
    scored: list[tuple[float, int, str]] = []
    for held in sorted({_group(a.set) for a in arts}):
        model = _model([a for a in arts if _group(a.set) != held])
        for a in arts:
            if _group(a.set) == held:
                scored += [(model.probability(f), y, a.set) for f, y in zip(a.feats, a.labels, strict=True)]
    return sorted(scored, reverse=True)


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def calibration(arts: Sequence[Article]) -> tuple[float, float]:
    """Platt scaling on the out-of-fold probabilities (each set weighing the same): slope and shift of the logit.

    The probabilities of a model trained on the tuned sets are too high on a set it has not seen; these make
    them those of a set left out, which is what an unseen article is.
    """
    from sklearn.linear_model import LogisticRegression

    scored = _out_of_fold(arts)
    sizes = Counter(s for _, _, s in scored)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(
        [[_logit(p)] for p, _, _ in scored],
        [y for _, y, _ in scored],
        sample_weight=[len(scored) / len(sizes) / sizes[s] for _, _, s in scored],
    )
    return float(platt.coef_[0][0]), float(platt.intercept_[0])


def choose_threshold(arts: Sequence[Article]) -> float:
    """The threshold, by inner leave-one-set-out on ``arts`` (see the module docstring).

    The lowest cut whose out-of-fold precision is at least :data:`PRECISION` and that drops at most
    :data:`MAX_RECALL_COST` of the right events; else the cut of best F-beta (:data:`BETA`), recall counted
    against every gold event.
    """
    scored = _out_of_fold(arts)
    gold = sum(len(a.gold) for a in arts)
    right = sum(y for _, y, _ in scored)
    best, best_t, tp = -1.0, 0.0, 0
    for k, (p, y, _) in enumerate(scored):
        tp += y
        if k + 1 < len(scored) and scored[k + 1][0] == p:
            continue  # cut only between distinct probabilities
        precision, recall = tp / (k + 1), tp / gold if gold else 0.0
        if precision >= PRECISION and tp >= (1 - MAX_RECALL_COST) * right:
            return p
        b2 = BETA * BETA
        f = (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0
        if f > best:
            best, best_t = f, p
    return best_t


def rescore(arts: Sequence[Article], model=None):  # type: ignore[no-untyped-def]
    """The strict core report of these articles, every candidate kept or only those the model keeps."""
    from casus.ingest.scoring import CoreReport, score_core

    report = CoreReport()
    for a in arts:
        keep = set(range(len(a.events)))
        if model is not None:
            keep -= {k for k, f in zip(a.core, a.feats, strict=True) if model.probability(f) < model.threshold}
        score_core(report, a.id, a.lang, [e for k, e in enumerate(a.events) if k in keep], a.gold)  # type: ignore[arg-type]
    return report


def _row(report, lang: str | None) -> str:  # type: ignore[no-untyped-def]
    c = report.total(lang)
    return f"{c.precision:.2f} / {c.recall:.2f} / {report.date_accuracy(lang):.2f} ({c.tp} tp {c.fp} fp {c.fn} fn)"


def leave_one_set_out(arts: Sequence[Article]) -> tuple[str, dict[str, dict[str, str]]]:
    """For each real set: train on every other set, choose the threshold on them, apply to it."""
    lines = [
        "| set | language | rules alone P / R / date | rules + model P / R / date | threshold |",
        "|---|---|---|---|---|",
    ]
    figures: dict[str, dict[str, str]] = {}
    for held in REAL:
        train = [a for a in arts if _group(a.set) != held]
        test = [a for a in arts if a.set == held]
        model = _model(train, choose_threshold(train))
        before, after = rescore(test), rescore(test, model)
        for lang in (*LANGS, None):
            b, c = _row(before, lang), _row(after, lang)
            lines.append(f"| {held} | {lang or '**all**'} | {b} | {c} | {model.threshold:.2f} |")
            figures.setdefault(held, {})[lang or "all"] = f"{b} -> {c}"
    return "\n".join(lines), figures


def separation(arts: Sequence[Article]) -> str:
    """How well each model ranks a real set it was not trained on: ROC AUC, and mean probability vs share right.

    The logistic model against two shallow tree ensembles on the same features and weights.
    """
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    makers = {
        "logistic": lambda: LogisticRegression(C=C, max_iter=5000),
        "boosting d2": lambda: GradientBoostingClassifier(max_depth=2, learning_rate=0.05, random_state=0),
        "forest d4": lambda: RandomForestClassifier(200, max_depth=4, min_samples_leaf=5, random_state=0),
    }
    lines = ["| set | right (share) | " + " | ".join(f"{m} AUC" for m in makers) + " | mean p | calibrated |"]
    lines.append("|---|---|" + "---|" * (len(makers) + 2))
    for held in REAL:
        train = [a for a in arts if _group(a.set) != held]
        test = [a for a in arts if a.set == held]
        names = sorted({n for a in train for f in a.feats for n in f})
        xs, ys = _matrix(train, names)
        sizes = Counter(a.set for a in train for _ in a.labels)
        weights = [len(ys) / len(sizes) / sizes[a.set] for a in train for _ in a.labels]
        xt, yt = _matrix(test, names)
        cells = []
        for make in makers.values():
            p = make().fit(xs, ys, sample_weight=weights).predict_proba(xt)[:, 1]
            cells.append(f"{roc_auc_score(yt, p):.2f}")
        model, (slope, shift) = _model(train), calibration(train)
        probs = [model.probability(f) for a in test for f in a.feats]
        calibrated = sum(1 / (1 + math.exp(-(slope * _logit(p) + shift))) for p in probs) / len(probs)
        cells += [f"{sum(probs) / len(probs):.2f}", f"{calibrated:.2f}"]
        lines.append(f"| {held} | {sum(yt) / len(yt):.2f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Train and write the model, or (``--cv``) print the leave-one-set-out table only."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print the leave-one-set-out table and write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model (JSON)")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="train on each real set's blind-era candidates too (tests/ingest/eval/blind, scripts/blind_candidates.py)",
    )
    args = parser.parse_args(argv)
    import sklearn

    arts = collect() + (collect_blind() if args.blind else [])
    n = sum(len(a.labels) for a in arts)
    print(f"{len(arts)} articles, {n} candidate core events, {sum(sum(a.labels) for a in arts)} right")
    table, figures = leave_one_set_out(arts)
    print(table)
    if args.cv:
        print(separation(arts))
        return 0
    model = _model(arts)
    slope, shift = calibration(arts)
    model = type(model)(
        model.features,
        tuple(slope * w for w in model.weights),
        slope * model.intercept + shift,
        1 / (1 + math.exp(-(slope * _logit(choose_threshold(arts)) + shift))),
        {
            "model": f"logistic regression (scikit-learn LogisticRegression, L2, C={C}, each set weighing the same)",
            "calibration": (
                f"Platt scaling on inner leave-one-set-out probabilities (slope {slope:.4f}, shift {shift:.4f}), "
                "folded into the weights"
            ),
            "trained": dt.date.today().isoformat(),
            "sklearn": sklearn.__version__,
            "training_sets": [name for name, _, _ in SETS] + ([f"{s} (blind-era)" for s in REAL] if args.blind else []),
            "articles": len(arts),
            "candidates": n,
            "threshold_rule": (
                f"inner leave-one-set-out: lowest cut with precision >= {PRECISION} costing <= {MAX_RECALL_COST} "
                f"of the right events, else best F{BETA}"
            ),
            "leave_one_set_out": figures,
        },
    )
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out} (threshold {model.threshold:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
