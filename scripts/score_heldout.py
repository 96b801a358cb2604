"""Score a held-out set of real articles (issue #10) on core events: precision, recall, date accuracy.

A set is a folder of labelled articles, one YAML file per language (``en.yaml``, ``fr.yaml``, ``ru.yaml``;
layout and annotation conventions in ``tests/ingest/eval/heldout3/README.md`` and the set's own README).
Run it once per release, after the code is frozen, and report the figures in docs/ingest.md whatever they
are; never change the rules and score again (the set would become a development set).

Usage: python scripts/score_heldout.py SETDIR   (e.g. tests/ingest/eval/heldout4)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

LANGS = ("en", "fr", "ru")


def set_files(setdir: Path) -> list[tuple[str, Path]]:
    """The language files of a held-out set, in ``LANGS`` order.

    Raises:
        SystemExit: The folder holds none of ``en.yaml``, ``fr.yaml``, ``ru.yaml`` (message says which folder).
    """
    files = [(lang, setdir / f"{lang}.yaml") for lang in LANGS if (setdir / f"{lang}.yaml").is_file()]
    if not files:
        raise SystemExit(
            f"{setdir}: no en.yaml, fr.yaml or ru.yaml here; give the folder of a held-out set, "
            "e.g. tests/ingest/eval/heldout4"
        )
    return files


def score(setdir: Path) -> str:
    """Analyze every article of the set and return the report: table, counts per language, every miss."""
    from casus.curated import load_kb
    from casus.ingest.scoring import evaluate_core, load_gold

    articles = [a for lang, path in set_files(setdir) for a in load_gold(path, lang)]
    report = evaluate_core(articles, load_kb())
    lines = [report.markdown()]
    for lang in (*sorted({a.lang for a in articles}), None):
        c = report.total(lang)
        lines.append(f"{lang or 'all'} tp {c.tp} fp {c.fp} fn {c.fn} right date {report.date_accuracy(lang):.2f}")
    lines.extend(report.misses)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the score of the set named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setdir", type=Path, help="folder of the held-out set (en.yaml, fr.yaml, ru.yaml)")
    args = parser.parse_args(argv)
    print(score(args.setdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
