"""What :func:`casus.obligations.pairs.evaluate_pairs` keeps between dates (a :class:`PairsCache`).

States as codes, spells as arrays, the engine's answers by treaty shape and classes, place-condition outcomes,
and each treaty's last triads. A helper of :mod:`casus.obligations.pairs` (its docstring says why each key
is enough).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Sequence
from typing import TypeVar

import numpy as np
import pandas as pd

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.treaties import Condition, CrisisKind, Provision, Treaty
from casus.obligations.pair_rows import Block
from casus.obligations.parties import coverage_end
from casus.obligations.results import Verdict

#: Spell statuses; a state's status code is 1 + its index here (0: no spell).
STATUSES = list(Status)
#: By status code: a party (bound by the treaty: member, suspended, …).
PARTY = np.array([False, *(s.is_party for s in STATUSES)])
#: By status code: a party that bears obligations (not one whose government is excluded, Cuba in the Rio Treaty
#: from 1962).
HELPER = np.array([False, *(s.is_party and s.value != "excluded" for s in STATUSES)])
_INT = np.int64
T = TypeVar("T")


def _collect(obj: object, kind: type[T], found: set[T]) -> None:
    """Every value of type ``kind`` held in a (frozen dataclass) object, its tuples and its nested objects."""
    if isinstance(obj, kind):
        found.add(obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _collect(getattr(obj, f.name), kind, found)
    elif isinstance(obj, tuple | list | frozenset | set):
        for item in obj:
            _collect(item, kind, found)
    elif isinstance(obj, dict):
        for item in obj.values():
            _collect(item, kind, found)


class PairsCache:
    """What :func:`evaluate_pairs` keeps between dates for one knowledge base.

    The states as integers (sorted ids), every organization's or treaty's membership spells as arrays, and
    the engine's answers by treaty shape and pair of classes. Pass the same cache to every date of a sweep.

    Args:
        kb: The knowledge base; the cache answers for it only.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        ids = {s.id for s in kb.states.all()}
        for t in kb.treaties.values():
            ids |= {m.state for m in kb.spells(t.party_scope)}
        self.ids: list[str] = sorted(ids)
        self.index: dict[str, int] = {s: i for i, s in enumerate(self.ids)}
        self._spells: dict[str, tuple[np.ndarray, ...]] = {}
        self._shapes: dict[Hashable, int] = {}
        self.answers: dict[tuple[int, ...], tuple[Verdict, int, str]] = {}
        self.place_outcomes: dict[Hashable, int] = {}
        self.blocks: dict[str, tuple[Hashable, list[Block]]] = {}
        self.state_dtype = pd.CategoricalDtype(self.ids)
        self._dates: dict[Condition, tuple[dt.date, ...]] = {}
        self.engine_calls = 0

    def codes(self, states: Sequence[str]) -> np.ndarray:
        """The integer codes of state ids."""
        return np.array([self.index[s] for s in states], dtype=_INT)

    def status(self, scope: str, on: dt.date) -> tuple[np.ndarray, np.ndarray]:
        """Per state (by code): 0 without a spell under ``scope`` on ``on``, else 1 + the spell's status.

        And per state, 1 when a party spell of it ended on ``on`` (a party on the day of an attack that ended it).
        """
        arrays = self._spells.get(scope)
        if arrays is None:
            spells = self.kb.spells(scope)
            arrays = (
                self.codes([m.state for m in spells]),
                np.array([m.start.toordinal() if m.start else 0 for m in spells], dtype=_INT),
                np.array([m.end.toordinal() if m.end else 1 << 40 for m in spells], dtype=_INT),
                np.array([STATUSES.index(m.status) + 1 for m in spells], dtype=np.int8),
            )
            self._spells[scope] = arrays
        state, start, end, status = arrays
        day = on.toordinal()
        active = np.flatnonzero((start <= day) & (day < end))[::-1]  # the first spell wins, as in status_on
        out = np.zeros(len(self.ids), dtype=np.int8)
        out[state[active]] = status[active]
        ended = np.zeros(len(self.ids), dtype=_INT)
        ended[state[(end == day) & PARTY[status]]] = 1
        return out, ended

    def marks(self, cond: Condition, on: dt.date) -> tuple[int, ...]:
        """Where ``on`` stands (-1 before, 0 on, 1 after) against every date in the areas a condition names.

        The areas named by its values or its branches' (an ``any_of`` condition).
        """
        dates = self._dates.get(cond)
        if dates is None:
            names: set[str] = set()
            _collect(cond, str, names)
            found: set[dt.date] = set()
            for v in sorted(names):
                _collect(self.kb.scopes.get(v), dt.date, found)
            dates = self._dates[cond] = tuple(sorted(found))
        return tuple((on > d) - (on < d) for d in dates)

    def shape(self, treaty: Treaty, provisions: Sequence[Provision], on: dt.date, kind: CrisisKind) -> int:
        """An integer for what the engine reads of a treaty on a date, besides the pair (see the module doc)."""
        end = coverage_end(self.kb, treaty)
        key = (
            kind,
            treaty.in_force is None,
            bool(end and on > end),
            tuple(
                (
                    p.kind,
                    p.modality,
                    kind in p.triggers,
                    p.effective is not None and on < p.effective,
                    p.covers_suspended,
                    len(p.bound),
                    p.conditions,
                    getattr(p, "beneficiaries", ""),
                )
                for p in provisions
            ),
        )
        return self._shapes.setdefault(key, len(self._shapes))


__all__ = ["HELPER", "PARTY", "STATUSES", "PairsCache"]
