"""The development sets the training scripts read, and the guard that keeps every blind set out of them (#10).

``scripts/train_event_model.py`` (the event scorer) and ``scripts/train_event_proposer.py`` (the event
proposer) both train and judge on these sets only. When a blind set is scored and spent, it joins :data:`REAL`
and :data:`FIRST_BLIND` moves on, here, once for both. The silver sets (:data:`SILVER`: new real articles
labelled by one annotator, ``tests/ingest/eval/silver1``, ``silver2``…) are for training only: they are never
left out to judge a model, so the leave-one-set-out figures stay those of the real sets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "ingest" / "eval"
LANGS = ("en", "fr", "ru")
#: The first blind set: it and every later one (heldout13, heldout14, ...) are never read by the training scripts.
FIRST_BLIND = 13
#: The real sets (development sets scored strictly): each is left out in turn to judge a model.
REAL = tuple(f"heldout{k}" for k in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12))


def silver_sets(folder: Path) -> tuple[str, ...]:
    """The silver sets in ``folder``: its sub-folders ``silver1``, ``silver2``…, in their number's order.

    >>> silver_sets(EVAL / "no such folder")
    ()
    """
    found = [p.name for p in folder.glob("silver*") if p.is_dir() and re.fullmatch(r"silver\d+", p.name)]
    return tuple(sorted(found, key=lambda name: int(name[6:])))


#: The silver sets present (real articles labelled by one annotator): for training only, never left out.
SILVER = silver_sets(EVAL)
#: The development sets: name, files, whether matched strictly (labelled with phases: the real and silver sets).
SETS: tuple[tuple[str, tuple[Path, ...], bool], ...] = (
    ("written", tuple(EVAL / f"{lang}.yaml" for lang in LANGS), False),
    ("heldout1", tuple(EVAL / "heldout" / f"{lang}.yaml" for lang in LANGS), False),
    ("heldout2", tuple(EVAL / "heldout2" / f"{lang}.yaml" for lang in LANGS), False),
    *((name, tuple(EVAL / name / f"{lang}.yaml" for lang in LANGS), True) for name in REAL),
    *((name, tuple(p for lang in LANGS if (p := EVAL / name / f"{lang}.yaml").exists()), True) for name in SILVER),
)


def readable(path: Path) -> Path:
    """``path``, unless it lies in a blind set (``heldout13`` or any later ``heldoutN``): then ``ValueError``.

    >>> readable(EVAL / "heldout7" / "en.yaml").name
    'en.yaml'
    """
    for part in Path(path).parts:
        found = re.fullmatch(r"heldout(\d+)(?:\.json)?", part)
        if found and int(found.group(1)) >= FIRST_BLIND:
            raise ValueError(f"{path}: heldout{found.group(1)} is a blind set; the training script never reads it")
    return path


def documents(names: Collection[str] | None = None) -> Iterator[tuple[str, bool, Any, Any]]:
    """Every development article of the sets ``names`` (else of all): set name, matched strictly, gold, document.

    The document is built from the gold article's text.

    Needs the ``ingest`` extra.
    """
    from casus.ingest.documents import build_document
    from casus.ingest.scoring import load_gold

    for name, files, strict in SETS:
        if names is not None and name not in names:
            continue
        for path in files:
            for art in load_gold(readable(path), path.stem):
                yield (
                    name,
                    strict,
                    art,
                    build_document(art.text.encode("utf-8"), art.id, lang=art.lang, published=art.published),
                )
