"""The rows of the who-defends-whom table, built as integer arrays and turned into categoricals once.

A helper of :mod:`casus.obligations.pairs`: each treaty answer found there covers groups of targets and
attackers (state codes); :func:`spread` turns it into every (attacker, target, obligated) triad with numpy —
the obligated parties are the treaty's parties other than the two sides, less those that suspended their
obligations towards the target, as :func:`casus.obligations.evaluate.evaluate_treaty` counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

_I32 = np.int32
#: The verdicts the table keeps, in the order of the ``verdict`` categories.
VERDICTS = pd.CategoricalDtype(["triggered", "indeterminate"])


class Block(NamedTuple):
    """Triads of one treaty answer: state codes per row; treaty, provision, verdict and check for all."""

    attacker: np.ndarray
    target: np.ndarray
    obligated: np.ndarray
    words: tuple[str, str, str, str]


def spread(
    groups: list[tuple[np.ndarray, np.ndarray]],
    helpers: np.ndarray,
    suspended: Iterable[tuple[int, int]],
    words: tuple[str, str, str, str],
) -> Block | None:
    """The triads of one answer over groups of (targets, attackers), codes; ``None`` when there are none.

    Every attacker–target pair of distinct states of a group gets one row per obligated helper; an
    indeterminate answer with no third party to bear it (a bilateral pact between the two) still gets
    one row, with no obligated state (code -1).

    Args:
        groups: (target codes, attacker codes) that share the answer.
        helpers: Codes of the parties that would bear the obligation.
        suspended: (by, towards) codes: ``by`` owes nothing to the target ``towards``.
        words: Treaty id, provision id, verdict and deciding check.
    """
    tt = np.concatenate([np.repeat(t, len(a)) for t, a in groups])
    aa = np.concatenate([np.tile(a, len(t)) for t, a in groups])
    distinct = tt != aa
    tt, aa = tt[distinct], aa[distinct]
    keep = (helpers[None, :] != tt[:, None]) & (helpers[None, :] != aa[:, None])
    for by, towards in suspended:
        keep &= ~((helpers[None, :] == by) & (tt[:, None] == towards))
    r, c = np.nonzero(keep)
    obligated = helpers[c]
    if words[2] == "indeterminate":
        alone = np.flatnonzero(~keep.any(axis=1))
        r = np.concatenate([r, alone])
        obligated = np.concatenate([obligated, np.full(len(alone), -1, dtype=obligated.dtype)])
    if not len(r):
        return None
    return Block(aa[r].astype(_I32), tt[r].astype(_I32), obligated.astype(_I32), words)


class TriadRows:
    """The blocks of triads found so far.

    Args:
        states: The categorical type of the state columns (every state id, sorted, whatever the date: the
            tables of several dates concatenate as categoricals).
    """

    def __init__(self, states: pd.CategoricalDtype) -> None:
        self.dtype = states
        self.blocks: list[Block] = []

    def extend(self, blocks: Sequence[Block]) -> None:
        """Add blocks."""
        self.blocks.extend(blocks)

    def frame(self, columns: Sequence[str]) -> pd.DataFrame:
        """The table, every column a categorical (treaty, provision and check in order of appearance)."""
        out: dict[str, object] = {}
        for j, c in enumerate(columns[:3]):
            chunks = [b[j] for b in self.blocks]
            codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=_I32)
            out[c] = pd.Categorical.from_codes(codes, dtype=self.dtype, validate=False)
        sizes = np.array([len(b.attacker) for b in self.blocks], dtype=np.int64)
        for j, c in enumerate(columns[3:]):
            index: dict[str, int] = {str(v): i for i, v in enumerate(VERDICTS.categories)} if c == "verdict" else {}
            codes = np.array([index.setdefault(b.words[j], len(index)) for b in self.blocks], dtype=_I32)
            dtype = VERDICTS if c == "verdict" else pd.CategoricalDtype(list(index))
            out[c] = pd.Categorical.from_codes(np.repeat(codes, sizes), dtype=dtype, validate=False)
        return pd.DataFrame(out)
