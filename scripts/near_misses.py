"""Near misses of a labelled set (issue #10): the right event found with a wrong argument.

A near miss pairs a gold event the strict core scorer missed with a spurious event of the same type (a
withdrawal being considered counts as a withdrawal) found in the same article, and names the arguments that
differ: ``actor``, ``org``, ``phase``, ``modality``, ``members`` or ``date`` (the checks of
:func:`casus.ingest.scoring.matches`). Pairs are made greedily, fewest differing arguments first; each
spurious event pairs with at most one miss. Misses with no same-type spurious event are pure recall misses.

Usage: python scripts/near_misses.py SETDIR [SETDIR ...]   (e.g. tests/ingest/eval/heldout6)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from casus.ingest.model import ExtractedEvent
from casus.ingest.scoring import (
    GoldEvent,
    _same_actors,
    _same_org,
    _type_and_phase,
    _type_and_phase_gold,
    date_right,
    matches,
)
from casus.kb.events import EventType

LANGS = ("en", "fr", "ru")
ARGUMENTS = ("actor", "org", "phase", "modality", "members", "date")


@dataclass(frozen=True)
class NearMiss:
    """A missed gold event, the same-type spurious event of its article, and the arguments that differ."""

    article: str
    gold: GoldEvent
    found: ExtractedEvent
    differ: tuple[str, ...]


def differing(pred: ExtractedEvent, gold: GoldEvent) -> tuple[str, ...]:
    """The arguments of ``pred`` that keep it from matching ``gold`` (same type assumed), in ``ARGUMENTS`` order."""
    p_phase, g_phase = _type_and_phase(pred)[1], _type_and_phase_gold(gold)[1]
    out = []
    if gold.actors and not _same_actors(pred, gold):
        out.append("actor")
    if gold.organization and not _same_org(pred.organization, gold):
        out.append("org")
    if p_phase != g_phase:
        out.append("phase")
    if pred.modality is not gold.modality:
        out.append("modality")
    if gold.members and not set(gold.members) <= set(pred.members):
        out.append("members")
    if gold.start is not None and gold.end is not None:
        a0, a1 = pred.when.start or dt.date.min, pred.when.end or dt.date.max
        if not (a0 <= gold.end and gold.start <= a1):
            out.append("date")
    return tuple(out)


def unmatched(
    predicted: Sequence[ExtractedEvent], gold: Sequence[GoldEvent]
) -> tuple[list[GoldEvent], list[ExtractedEvent]]:
    """The gold events missed and the core events left spurious, matched as ``scoring.score_core`` does."""
    free = [p for p in predicted if p.type is not EventType.STATEMENT]
    missed = []
    for g in gold:
        hits = [p for p in free if matches(p, g, stages=True)]
        if not hits:
            missed.append(g)
            continue
        free.remove(next((p for p in hits if date_right(p, g)), hits[0]))
    return missed, free


def pair(article: str, missed: Sequence[GoldEvent], spurious: Sequence[ExtractedEvent]) -> list[NearMiss]:
    """Pair misses with same-type spurious events, fewest differing arguments first (one pair per event)."""
    options = [
        (len(d), i, j, d)
        for i, g in enumerate(missed)
        for j, p in enumerate(spurious)
        if _type_and_phase_gold(g)[0] is _type_and_phase(p)[0]
        for d in [differing(p, g)]
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j, d in sorted(options, key=lambda o: o[:3]):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append(NearMiss(article, missed[i], spurious[j], d))
    return out


def _gold_text(g: GoldEvent) -> str:
    t, phase = _type_and_phase_gold(g)
    bits = [t.value, g.organization or "-", "+".join(g.actors) or "-", g.modality.value, phase or "-"]
    if g.members:
        bits.append("members " + "+".join(g.members))
    if g.start:
        bits.append(f"{g.start}..{g.end}")
    return " ".join(bits)


def _found_text(p: ExtractedEvent) -> str:
    t, phase = _type_and_phase(p)
    bits = [t.value, p.organization or "-", "+".join((*p.actors, *p.people)) or "-", p.modality.value, phase or "-"]
    if p.members:
        bits.append("members " + "+".join(p.members))
    bits.append(f"{p.when.start}..{p.when.end}")
    return " ".join(bits)


def analyse(setdir: Path) -> tuple[list[NearMiss], int]:
    """Every near miss of a set's articles, and the number of misses in all."""
    from casus.curated import load_kb
    from casus.ingest.documents import build_document
    from casus.ingest.pipeline import analyze
    from casus.ingest.scoring import load_gold

    kb = load_kb()
    rows: list[NearMiss] = []
    n_missed = 0
    for lang in LANGS:
        path = setdir / f"{lang}.yaml"
        if not path.is_file():
            continue
        for art in load_gold(path, lang):
            doc = build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published)
            missed, spurious = unmatched(analyze(doc, kb).events, art.events)
            n_missed += len(missed)
            rows.extend(pair(art.id, missed, spurious))
    return rows, n_missed


def table(setdir: Path) -> str:
    """The near-miss table of one set, then counts by differing argument."""
    rows, n_missed = analyse(setdir)
    lines = [f"## {setdir.name}: {len(rows)} near misses of {n_missed} misses", "| article | differ | gold | found |"]
    lines.append("|---|---|---|---|")
    lines += [f"| {r.article} | {','.join(r.differ)} | {_gold_text(r.gold)} | {_found_text(r.found)} |" for r in rows]
    single = Counter(",".join(r.differ) for r in rows)
    lines.append("by argument set: " + "; ".join(f"{k or 'none'} {v}" for k, v in single.most_common()))
    each = Counter(a for r in rows for a in r.differ)
    lines.append("by argument: " + "; ".join(f"{a} {each[a]}" for a in ARGUMENTS if each[a]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the near-miss table of every set named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setdirs", type=Path, nargs="+", help="folders of labelled sets (en.yaml, fr.yaml, ru.yaml)")
    args = parser.parse_args(argv)
    print("\n\n".join(table(s) for s in args.setdirs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
