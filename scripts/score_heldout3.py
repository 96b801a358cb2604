"""Score the third held-out set (real articles, issue #10): a thin wrapper over ``score_heldout.py``.

Run once per release, after the code is frozen, and report the figures in docs/ingest.md whatever they are;
never change the rules and score again (the set would become a development set).

Usage: python scripts/score_heldout3.py   (same as: python scripts/score_heldout.py tests/ingest/eval/heldout3)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_heldout import main

EVAL = Path(__file__).resolve().parents[1] / "tests" / "ingest" / "eval" / "heldout3"

if __name__ == "__main__":
    sys.exit(main([str(EVAL)]))
