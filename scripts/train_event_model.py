"""Train the learned event scorer (issue #10), measure it by leave-one-set-out, and decide what it holds back.

Runs the pipeline (rules only, ``ranked=False``) on every article of the development sets, labels each core
event 1 when the scorer of ``casus.ingest.scoring`` assigns it to a gold event (strict core matching on the
real sets of ``devsets.REAL`` and the silver sets, the written sets' own matching on en/fr/ru.yaml, heldout and
heldout2), and fits a logistic regression on the features of :func:`casus.ingest.ranking.features`.

What it holds back is judged only by leave-one-set-out on the real sets (``devsets.REAL``; the silver sets,
labelled by one annotator, are only ever trained on: ``devsets.SILVER``): for each, train on every other set,
choose the cut(s) on those (inner leave-one-set-out), apply them to the left-out set's candidates and score it
strictly. Three policies are tried: one threshold for every type, one per event type, and holding back a
candidate whose duplicate (same type, organization and actors) is more probable by a margin. A policy is shipped
only if, averaged over the folds, it raises precision and costs less recall than it gains in precision
(by at least :data:`MIN_NET`); the better such policy is shipped, else nothing is held back (threshold 0).
The figures and the decision are printed and written into the model file.

The blind sets are never read: ``tests/ingest/eval/heldout13`` and every later ``heldoutN`` (N >= 13) are refused
by :func:`readable` before any file is opened.

It also trains on each real set's candidates under the code it was scored blind with (``tests/ingest/eval/blind/``,
written by ``scripts/blind_candidates.py``; an article's two candidate lists are left out together): they are
what unseen text gives, and they raise the left-out sets' AUC (``--no-blind`` leaves them out).

Usage:
    python scripts/train_event_model.py          # train on every set, write src/casus/ingest/data/event_model.json
    python scripts/train_event_model.py --cv     # print the leave-one-set-out tables (the real sets), write nothing
    python scripts/train_event_model.py --cv --no-silver   # the same without the silver sets, to compare

Needs scikit-learn (in the ``ingest`` and ``sim`` extras); the model is applied at run time without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import EVAL, LANGS, REAL, ROOT, SETS, SILVER, documents, readable

OUT = ROOT / "src" / "casus" / "ingest" / "data" / "event_model.json"
#: Regularisation of the logistic regression (inverse strength).
C = 0.3
#: The least gain (precision gained minus recall lost, averaged over the inner folds) a cut must bring.
MIN_GAIN = 0.003
#: The least net gain (precision gained minus recall lost, averaged over the left-out sets) a policy must bring
#: to be shipped: under half a point is one event held back right and one wrong in sets of a hundred (noise).
MIN_NET = 0.005


@dataclass
class Article:
    """One labelled article with its candidates, their features and labels."""

    set: str
    id: str
    lang: str
    strict: bool
    gold: tuple[Any, ...]
    events: tuple[Any, ...]  # every event the rules read (statements too)
    core: list[int]  # indices of the core events in ``events``
    labels: list[int]
    doc: Any = None
    mentions: tuple[Any, ...] = ()
    feats: list[dict[str, float]] = field(default_factory=list)


def featurize(arts: Sequence[Article]) -> None:
    """Each article's core events' features (:func:`casus.ingest.ranking.features`)."""
    from casus.curated import load_kb
    from casus.ingest.ranking import features

    kb = load_kb()
    for a in arts:
        a.feats = [features(a.events[k], a.doc, kb, a.events, a.mentions) for k in a.core]


def collect() -> list[Article]:
    """Run the rules on every development article and label their core events."""
    from casus.curated import load_kb
    from casus.ingest.pipeline import analyze
    from casus.ingest.scoring import assign, assign_core
    from casus.kb.events import EventType

    kb = load_kb()
    out = []
    for name, strict, art, doc in documents():
        analysis = analyze(doc, kb, ranked=False)
        events = analysis.events
        pairs = (assign_core if strict else assign)(events, art.events)
        hit = {id(p) for _, p in pairs if p is not None}
        core = [k for k, e in enumerate(events) if e.type is not EventType.STATEMENT]
        labels = [int(id(events[k]) in hit) for k in core]
        out.append(Article(name, art.id, art.lang, strict, art.events, events, core, labels, doc, analysis.mentions))
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


def collect_blind(current: Sequence[Article]) -> list[Article]:
    """Each real set's candidates under the code it was scored blind with, labelled like the others.

    The document and its entity mentions are today's (``current``: the same text, read by :func:`collect`).
    """
    from casus.ingest import nlp
    from casus.ingest.scoring import assign_core

    today = {(a.set, a.id): a for a in current}
    out = []
    for setname in REAL:
        data = json.loads(readable(EVAL / "blind" / f"{setname}.json").read_text("utf-8"))["articles"]
        for a in (a for a in current if a.set == setname):
            spans = nlp.split_sentences(a.doc.text)
            events = tuple(_blind_event(d, a.doc.id, spans) for d in data.get(a.id, []))
            hit = {id(p) for _, p in assign_core(events, a.gold) if p is not None}
            labels = [int(id(e) in hit) for e in events]
            name = setname.replace("heldout", "blind")
            doc, mentions = today[(setname, a.id)].doc, today[(setname, a.id)].mentions
            out.append(
                Article(name, a.id, a.lang, True, a.gold, events, list(range(len(events))), labels, doc, mentions)
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


@dataclass(frozen=True)
class Scored:
    """One candidate's out-of-fold probability, label, set and event type, and its most probable duplicate's.

    ``rival``: the probability of another candidate of its article with the same type, organization and actors
    (0 if none).
    """

    p: float
    y: int
    set: str
    type: str
    rival: float = 0.0


def _types(a: Article) -> list[str]:
    return [a.events[k].type.value for k in a.core]


def _out_of_fold(arts: Sequence[Article]) -> list[Scored]:
    """Each event's probability under a model trained without its set (inner leave-one-set-out)."""
    scored: list[Scored] = []
    for held in sorted({_group(a.set) for a in arts}):
        model = _model([a for a in arts if _group(a.set) != held])
        for a in (a for a in arts if _group(a.set) == held):
            ps = [model.probability(f) for f in a.feats]
            same = [(e.type, e.organization, frozenset(e.actors)) for e in (a.events[k] for k in a.core)]
            for k, (p, y, t) in enumerate(zip(ps, a.labels, _types(a), strict=True)):
                rival = max((q for j, q in enumerate(ps) if j != k and same[j] == same[k]), default=0.0)
                scored.append(Scored(p, y, a.set, t, rival))
    return scored


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def calibration(scored: Sequence[Scored]) -> tuple[float, float]:
    """Platt scaling on the out-of-fold probabilities (each set weighing the same): slope and shift of the logit.

    The probabilities of a model trained on the tuned sets are too high on a set it has not seen; these make
    them those of a set left out, which is what an unseen article is.
    """
    from sklearn.linear_model import LogisticRegression

    sizes = Counter(s.set for s in scored)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(
        [[_logit(s.p)] for s in scored],
        [s.y for s in scored],
        sample_weight=[len(scored) / len(sizes) / sizes[s.set] for s in scored],
    )
    return float(platt.coef_[0][0]), float(platt.intercept_[0])


Cut = Callable[[Scored], float]


def gain(scored: Sequence[Scored], base: dict[str, tuple[int, int, int]], cut: Cut) -> float:
    """Precision gained plus recall gained (negative: lost) by holding back what falls under ``cut``.

    Averaged over the sets of ``base`` (each set's tp, fp, fn with every candidate kept); a right candidate
    held back is a true positive lost, a wrong one a false positive saved.
    """
    total = 0.0
    for name, (tp, fp, fn) in base.items():
        held = [s for s in scored if s.set == name and s.p < cut(s)]
        lost, saved = sum(s.y for s in held), sum(1 - s.y for s in held)
        p0, r0 = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
        kept = tp - lost + fp - saved
        p1, r1 = (tp - lost) / kept if kept else 1.0, (tp - lost) / (tp + fn) if tp + fn else 1.0
        total += (p1 - p0) + (r1 - r0)
    return total / len(base) if base else 0.0


def _best_cut(scored: Sequence[Scored], base: dict[str, tuple[int, int, int]], make: Callable[[float], Cut]) -> float:
    """The cut of ``make`` with the largest gain, if that gain is at least :data:`MIN_GAIN`; else 0."""
    best, best_t = MIN_GAIN, 0.0
    for t in sorted({s.p for s in scored}):
        g = gain(scored, base, make(t))
        if g > best + 1e-12:
            best, best_t = g, t
    return best_t


def choose_global(scored: Sequence[Scored], base: dict[str, tuple[int, int, int]]) -> float:
    """One threshold for every type (0: none pays)."""
    return _best_cut([s for s in scored if s.set in base], base, lambda t: lambda s: t)


#: The margins tried for holding back a less probable duplicate.
MARGINS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def choose_margin(scored: Sequence[Scored], base: dict[str, tuple[int, int, int]]) -> float | None:
    """The margin by which a duplicate must be more probable for the less probable one to be held back."""
    scored = [s for s in scored if s.set in base]
    best, best_m = MIN_GAIN, None
    for m in MARGINS:
        g = gain(scored, base, lambda s, m=m: s.rival - m)  # type: ignore[misc]
        if g > best + 1e-12:
            best, best_m = g, m
    return best_m


def choose_per_type(scored: Sequence[Scored], base: dict[str, tuple[int, int, int]]) -> dict[str, float]:
    """One threshold per event type, by coordinate ascent (two passes); types where none pays are left out."""
    scored = [s for s in scored if s.set in base]
    cuts: dict[str, float] = {}
    for _ in range(2):
        for type_ in sorted({s.type for s in scored}):
            others = {k: v for k, v in cuts.items() if k != type_}
            before = gain(scored, base, lambda s, o=others: o.get(s.type, 0.0))  # type: ignore[misc]
            best, best_t = before + MIN_GAIN, 0.0
            for t in sorted({s.p for s in scored if s.type == type_}):
                trial = {**others, type_: t}
                g = gain(scored, base, lambda s, c=trial: c.get(s.type, 0.0))  # type: ignore[misc]
                if g > best + 1e-12:
                    best, best_t = g, t
            cuts = {**others, type_: best_t} if best_t else others
    return cuts


def rescore(arts: Sequence[Article], model=None):  # type: ignore[no-untyped-def]
    """The strict core report of these articles, every candidate kept or only those the model keeps."""
    from casus.ingest.ranking import holds
    from casus.ingest.scoring import CoreReport, score_core

    report = CoreReport()
    for a in arts:
        keep = set(range(len(a.events)))
        if model is not None:
            mask = holds([a.events[k] for k in a.core], [model.probability(f) for f in a.feats], model)
            keep -= {k for k, h in zip(a.core, mask, strict=True) if h}
        score_core(report, a.id, a.lang, [e for k, e in enumerate(a.events) if k in keep], a.gold)
    return report


def _base(arts: Sequence[Article]) -> dict[str, tuple[int, int, int]]:
    """Each real set's tp, fp, fn with every candidate kept."""
    out = {}
    for name in sorted({a.set for a in arts if a.set in REAL}):
        c = rescore([a for a in arts if a.set == name]).total()
        out[name] = (c.tp, c.fp, c.fn)
    return out


def _row(report, lang: str | None) -> str:  # type: ignore[no-untyped-def]
    c = report.total(lang)
    return f"{c.precision:.2f} / {c.recall:.2f} / {report.date_accuracy(lang):.2f} ({c.tp} tp {c.fp} fp {c.fn} fn)"


def _auc(model, arts: Sequence[Article]) -> float:  # type: ignore[no-untyped-def]
    from sklearn.metrics import roc_auc_score

    ps = [model.probability(f) for a in arts for f in a.feats]
    ys = [y for a in arts for y in a.labels]
    return float(roc_auc_score(ys, ps)) if 0 < sum(ys) < len(ys) else float("nan")


@dataclass
class Fold:
    """One real set left out: its figures with every candidate kept and under each policy."""

    set: str
    auc: float
    before: Any
    after: dict[str, Any]
    cuts: dict[str, str]


def _policies(train: Sequence[Article]):  # type: ignore[no-untyped-def]
    """The cuts each policy chooses on ``train`` (inner leave-one-set-out): global and per type."""
    scored, base = _out_of_fold(train), _base(train)
    return {
        "global": (choose_global(scored, base), {}, None),
        "per-type": (0.0, choose_per_type(scored, base), None),
        "duplicates": (0.0, {}, choose_margin(scored, base)),
    }


def folds(arts: Sequence[Article]) -> list[Fold]:
    """For each real set: train on every other set, choose each policy's cuts on them, apply to it."""
    from casus.ingest.ranking import EventModel

    out = []
    for held in REAL:
        train = [a for a in arts if _group(a.set) != held]
        test = [a for a in arts if a.set == held]
        model = _model(train)
        after, cuts = {}, {}
        for name, (t, per_type, margin) in _policies(train).items():
            m = EventModel(model.features, model.weights, model.intercept, t, thresholds=per_type, margin=margin)
            after[name] = rescore(test, m)
            cuts[name] = _describe(t, per_type, margin)
        out.append(Fold(held, _auc(model, test), rescore(test), after, cuts))
    return out


def _describe(t: float, per_type: dict[str, float], margin: float | None) -> str:
    if margin is not None:
        return f"duplicate more probable by {margin:.2f}"
    return ", ".join(f"{k} {v:.2f}" for k, v in sorted(per_type.items())) or f"{t:.2f}"


def _delta(fs: Sequence[Fold], policy: str) -> tuple[float, float]:
    """Mean change of precision and of recall over the folds under ``policy``."""
    dp = sum(f.after[policy].total().precision - f.before.total().precision for f in fs) / len(fs)
    dr = sum(f.after[policy].total().recall - f.before.total().recall for f in fs) / len(fs)
    return dp, dr


def decide(fs: Sequence[Fold]) -> tuple[str, str]:
    """The policy to ship and why (``none`` when no policy pays).

    The one with the larger net gain among those that raise precision by more than they cost in recall (by
    :data:`MIN_NET`), averaged over the folds.
    """
    ok = {p: _delta(fs, p) for p in fs[0].after if _delta(fs, p)[0] > 0 and sum(_delta(fs, p)) >= MIN_NET}
    said = "; ".join(f"{p}: precision {dp:+.3f}, recall {dr:+.3f}" for p in fs[0].after for dp, dr in [_delta(fs, p)])
    if not ok:
        return "none", (
            f"nothing held back: no policy raises precision by at least {MIN_NET} more than it costs in recall, "
            f"averaged over the {len(fs)} left-out sets ({said})"
        )
    best = max(ok, key=lambda p: sum(ok[p]))
    return best, f"{best} thresholds shipped ({said}; mean over the {len(fs)} left-out sets)"


def report(fs: Sequence[Fold]) -> tuple[str, dict[str, Any]]:
    """The leave-one-set-out table (markdown) and its figures for the model file."""
    lines = ["| left out | AUC | language | rules alone P / R / date | policy | rules + model P / R / date | cuts |"]
    lines.append("|---|---|---|---|---|---|---|")
    figures: dict[str, Any] = {}
    for f in fs:
        figures[f.set] = {"auc": round(f.auc, 3), "rules": _row(f.before, None)}
        for policy, rep in f.after.items():
            for lang in (*LANGS, None):
                lines.append(
                    f"| {f.set} | {f.auc:.2f} | {lang or '**all**'} | {_row(f.before, lang)} | {policy} | "
                    f"{_row(rep, lang)} | {f.cuts[policy]} |"
                )
            figures[f.set][policy] = {"all": _row(rep, None), "cuts": f.cuts[policy]}
    for policy in fs[0].after:
        dp, dr = _delta(fs, policy)
        lines.append(f"mean over the left-out sets, {policy}: precision {dp:+.3f}, recall {dr:+.3f}")
    return "\n".join(lines), figures


def load(cache: Path | None, blind: bool, silver: bool = True) -> list[Article]:
    """The articles with their candidates and labels, their features computed afresh (the silver sets' if ``silver``).

    From ``cache`` when it exists: only while changing the features (the rules must not have changed since).
    """
    if cache is not None and cache.exists():
        arts: list[Article] = pickle.loads(cache.read_bytes())
    else:
        arts = collect()
        arts += collect_blind(arts)
        if cache is not None:
            cache.write_bytes(pickle.dumps(arts))
    for a in arts:
        readable(EVAL / a.set)
    arts = [a for a in arts if (blind or not a.set.startswith("blind")) and (silver or a.set not in SILVER)]
    featurize(arts)
    return arts


def train(arts: Sequence[Article], policy: str) -> Any:
    """The model on every set, calibrated out of set, with the cuts of ``policy`` chosen out of set."""
    from casus.ingest.ranking import EventModel

    model, scored = _model(arts), _out_of_fold(arts)
    slope, shift = calibration(scored)
    base = _base(arts)
    t = choose_global(scored, base) if policy == "global" else 0.0
    per_type = choose_per_type(scored, base) if policy == "per-type" else {}
    margin = choose_margin(scored, base) if policy == "duplicates" else None

    def cal(p: float) -> float:
        return 1 / (1 + math.exp(-(slope * _logit(p) + shift))) if p > 0 else 0.0

    weights = tuple(slope * w for w in model.weights)
    thresholds = {k: cal(v) for k, v in per_type.items()}
    # A margin between probabilities is kept as chosen: calibration (a monotone map) would change it.
    intercept = slope * model.intercept + shift
    return EventModel(model.features, weights, intercept, cal(t), {}, thresholds, margin), (slope, shift)


def main(argv: list[str] | None = None) -> int:
    """Train and write the model, or (``--cv``) print the leave-one-set-out table only."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print the leave-one-set-out table and write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model (JSON)")
    parser.add_argument(
        "--no-blind",
        action="store_true",
        help="leave out each real set's blind-era candidates (tests/ingest/eval/blind, scripts/blind_candidates.py)",
    )
    parser.add_argument("--cache", type=Path, help="keep the candidates here (only while changing the features)")
    parser.add_argument("--no-silver", action="store_true", help="train without the silver sets (to compare)")
    args = parser.parse_args(argv)
    import sklearn

    arts = load(args.cache, not args.no_blind, not args.no_silver)
    n = sum(len(a.labels) for a in arts)
    print(f"{len(arts)} articles, {n} candidate core events, {sum(sum(a.labels) for a in arts)} right")
    fs = folds(arts)
    table, figures = report(fs)
    policy, decision = decide(fs)
    print(table)
    print(decision)
    if args.cv:
        return 0
    model, (slope, shift) = train(arts, policy)
    meta = {
        "model": f"logistic regression (scikit-learn LogisticRegression, L2, C={C}, each set weighing the same)",
        "calibration": (
            f"Platt scaling on inner leave-one-set-out probabilities (slope {slope:.4f}, shift {shift:.4f}), "
            "folded into the weights"
        ),
        "trained": dt.date.today().isoformat(),
        "sklearn": sklearn.__version__,
        "training_sets": [name for name, _, _ in SETS] + ([] if args.no_blind else [f"{s} (blind-era)" for s in REAL]),
        "articles": len(arts),
        "candidates": n,
        "threshold_rule": (
            "judged by leave-one-set-out on the real sets (train on the others, cuts chosen on them by inner "
            "leave-one-set-out as the largest mean precision gain plus recall gain, at least "
            f"{MIN_GAIN}); shipped only if, over the left-out sets, precision rises by at least {MIN_NET} more "
            "than recall falls"
        ),
        "policy": policy,
        "decision": decision,
        "leave_one_set_out": figures,
    }
    model = type(model)(
        model.features, model.weights, model.intercept, model.threshold, meta, model.thresholds, model.margin
    )
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    cuts = ", ".join(f"{k} {v:.3f}" for k, v in sorted(model.thresholds.items())) or "none per type"
    print(f"wrote {args.out} (policy {policy}, threshold {model.threshold:.3f}, per type: {cuts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
