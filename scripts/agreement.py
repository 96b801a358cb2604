"""Inter-annotator agreement on labelled articles (issue #10): how far two annotators' gold events agree.

Two annotators label the same articles independently, by the same written conventions (the READMEs of the
held-out sets). The second's events are scored against the first's with the strict core matcher that scores
the pipeline (``casus.ingest.scoring.score_core``: type, organization, actors, members, modality, phase and
overlapping period), so the figures read like the pipeline's: "recall" is the share of the first annotator's
events the second also labelled, "precision" the share of the second's the first also labelled, F1 their
harmonic mean, and "right date" the share of the shared events whose dates agree. Loose agreement asks only
for the same type and organization: the gap between loose and strict is what the argument conventions
(phase, modality, actors, dates) cost. The disagreements are listed as near misses (the same event with one
argument different) and one-sided events.

A system scored against one annotator cannot be expected to agree with it much better than a second careful
annotator does: strict F1 between annotators is the ceiling the issue's targets must be read against.

A second annotator's file may leave the texts out (entries of ``id``, ``note`` and ``events`` only, as in
``tests/ingest/eval/agreement/``): they are the first's articles.

Usage: python scripts/agreement.py FIRST SECOND
       (two YAML files of the same articles, e.g. tests/ingest/eval/heldout10/ru.yaml and
       tests/ingest/eval/agreement/heldout10-ru.yaml, or two folders holding en.yaml, fr.yaml, ru.yaml)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from near_misses import _found_text, _gold_text, pair, unmatched
from score_heldout import LANGS, set_files

from casus.errors import SourceFormatError
from casus.ingest.model import ExtractedEvent, Modality
from casus.ingest.scoring import CoreReport, GoldArticle, GoldEvent, as_found, gold_events, load_gold, score_core
from casus.kb.events import EventType


def load(path: Path) -> list[GoldArticle]:
    """The labelled articles of one YAML file, or of every language file of a folder.

    Raises:
        SystemExit: The path is neither a YAML file nor a folder with en.yaml, fr.yaml or ru.yaml.
    """
    if path.is_file():
        return load_gold(path, path.stem if path.stem in LANGS else None)
    return [a for lang, f in set_files(path) for a in load_gold(f, lang)]


def relabelled(path: Path, first: Sequence[GoldArticle]) -> list[GoldArticle]:
    """A second annotator's labels of the first's articles: a full labelled file, or one of ids and events only.

    Raises:
        SourceFormatError: A malformed entry or event (file and article named).
    """
    import yaml

    entries = yaml.safe_load(path.read_text("utf-8"))
    if entries and all("text" in e for e in entries):
        return load_gold(path, path.stem if path.stem in LANGS else None)
    texts = {a.id: a for a in first}
    out = []
    for e in entries or []:
        art = texts.get(e.get("id"))
        if art is None:
            raise SourceFormatError(str(path), f"article {e.get('id')!r} is not among the first annotator's articles")
        try:
            out.append(dataclasses.replace(art, events=gold_events(e["events"] or [])))
        except (KeyError, TypeError, ValueError) as err:
            raise SourceFormatError(str(path), f"malformed labels of article {art.id}: {err}") from None
    return out


def paired(first: Sequence[GoldArticle], second: Sequence[GoldArticle]) -> list[tuple[GoldArticle, GoldArticle]]:
    """The two annotators' labels of each article, by article id, in the first's order.

    Raises:
        SystemExit: The two do not label the same articles (the ids only one of them has are named).
    """
    by_id = {a.id: a for a in second}
    ids = [a.id for a in first]
    odd = sorted(set(ids) ^ set(by_id))
    if odd:
        raise SystemExit(f"the two files do not label the same articles; only one labels: {', '.join(odd)}")
    return [(a, by_id[a.id]) for a in first]


def loose(gold: GoldEvent) -> GoldEvent:
    """A gold event cut to its type and organization (a withdrawal being considered is a withdrawal)."""
    kind = EventType.WITHDRAWAL if gold.type is EventType.CONSIDERATION_OF_WITHDRAWAL else gold.type
    return dataclasses.replace(
        gold, type=kind, actors=(), members=(), start=None, end=None, modality=Modality.ASSERTED, phase=None
    )


def agree(pairs: Sequence[tuple[GoldArticle, GoldArticle]], *, strict: bool = True) -> CoreReport:
    """The second annotator's events scored against the first's (strict, or on type and organization only)."""
    report = CoreReport()
    for a, b in pairs:
        gold = a.events if strict else tuple(loose(g) for g in a.events)
        found = [as_found(g if strict else loose(g)) for g in b.events]
        score_core(report, a.id, a.lang, found, gold)
    return report


def f1(report: CoreReport, lang: str | None = None) -> float:
    """Harmonic mean of the two directions (1.0 when neither annotator labelled anything)."""
    c = report.total(lang)
    return 2 * c.tp / (2 * c.tp + c.fp + c.fn) if c.tp + c.fp + c.fn else 1.0


def table(pairs: Sequence[tuple[GoldArticle, GoldArticle]]) -> str:
    """Strict and loose agreement per language and overall."""
    strict, lax = agree(pairs), agree(pairs, strict=False)
    lines = [
        "| language | articles | first's events | second's events | both (strict) | strict P | strict R "
        "| strict F1 | dates agree | loose F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for lang in [*sorted({a.lang for a, _ in pairs}), None]:
        c = strict.total(lang)
        n = sum(1 for a, _ in pairs if lang in (None, a.lang))
        lines.append(
            f"| {lang or '**all**'} | {n} | {c.tp + c.fn} | {c.tp + c.fp} | {c.tp} | {c.precision:.2f} "
            f"| {c.recall:.2f} | {f1(strict, lang):.2f} | {strict.date_accuracy(lang):.2f} | {f1(lax, lang):.2f} |"
        )
    return "\n".join(lines)


def disagreements(pairs: Sequence[tuple[GoldArticle, GoldArticle]]) -> str:
    """Every disagreement: near misses (which argument differs), then events only one annotator labelled."""
    near: list[str] = []
    one_sided: list[str] = []
    by_arg: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for a, b in pairs:
        missed, extra = unmatched([as_found(g) for g in b.events], a.events)
        rows = pair(a.id, missed, extra)
        for r in rows:
            near.append(f"| {r.article} | {','.join(r.differ)} | {_gold_text(r.gold)} | {_event_text(r.found)} |")
            by_arg.update(r.differ)
        paired_gold = {id(r.gold) for r in rows}
        paired_found = {id(r.found) for r in rows}
        for g in missed:
            if id(g) not in paired_gold:
                one_sided.append(f"| {a.id} | first only | {_gold_text(g)} |")
                by_type[f"first only: {g.type.value}"] += 1
        for p in extra:
            if id(p) not in paired_found:
                one_sided.append(f"| {a.id} | second only | {_event_text(p)} |")
                by_type[f"second only: {p.type.value}"] += 1
    lines = [
        f"## Near misses ({len(near)}): the same event, an argument different",
        "| article | differ | first | second |",
    ]
    lines += ["|---|---|---|---|", *near, "by argument: " + "; ".join(f"{k} {v}" for k, v in by_arg.most_common())]
    lines += ["", f"## One-sided events ({len(one_sided)})", "| article | who | event |", "|---|---|---|", *one_sided]
    lines.append("by type: " + "; ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    return "\n".join(lines)


def _event_text(p: ExtractedEvent) -> str:
    return _found_text(p).replace("None..None", "undated")


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table and the disagreements of the two labellings named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the first annotator's YAML file or set folder")
    parser.add_argument("second", type=Path, help="the second annotator's YAML file or set folder")
    args = parser.parse_args(argv)
    first = load(args.first)
    second = relabelled(args.second, first) if args.second.is_file() else load(args.second)
    pairs = paired(first, second)
    print(table(pairs) + "\n\n" + disagreements(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
