"""Score the third held-out set (real articles, issue #10) on core events: precision, recall, date accuracy.

Run once per release, after the code is frozen, and report the figures in docs/ingest.md whatever they are;
never change the rules and score again (the set would become a development set).

Usage: python scripts/score_heldout3.py
"""

from __future__ import annotations

from pathlib import Path

from casus.curated import load_kb
from casus.ingest.scoring import evaluate_core, load_gold

EVAL = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "eval" / "heldout3"


def main() -> None:
    """Print the per-language table, the counts and every miss."""
    articles = [a for lang in ("en", "fr", "ru") for a in load_gold(EVAL / f"{lang}.yaml", lang)]
    report = evaluate_core(articles, load_kb())
    print(report.markdown())
    for lang in ("en", "fr", "ru", None):
        c = report.total(lang)
        print(lang or "all", "tp", c.tp, "fp", c.fp, "fn", c.fn, "right date", f"{report.date_accuracy(lang):.2f}")
    print("\n".join(report.misses))


if __name__ == "__main__":
    main()
