"""Who is allied with whom on a date: for pledges limited to an adversary "or any State allied with the latter".

Many treaties name an adversary and its allies (the Finnish-Soviet Agreement of 1948: "Germany or any State
allied with the latter"; the Eastern-bloc treaties of 1945-1949: Germany "or any other State associated with
Germany"). casus reads "allied" as bound with it by a defence pledge in force that day, in the treaties it knows
(curated, and ATOP 5.1 when loaded): an attacker so bound passes the adversary check, one bound by none fails.
The looser "associated with ... in any other way" is not tested; the explanation says so.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict

from casus.kb.knowledge import KnowledgeBase
from casus.kb.treaties import PledgeKind, Treaty

_INDEX: weakref.WeakKeyDictionary[KnowledgeBase, dict[dt.date, dict[str, list[tuple[Treaty, frozenset[str]]]]]] = (
    weakref.WeakKeyDictionary()
)


def _index(kb: KnowledgeBase, on: dt.date) -> dict[str, list[tuple[Treaty, frozenset[str]]]]:
    by_date = _INDEX.setdefault(kb, {})
    if on not in by_date:
        index: dict[str, list[tuple[Treaty, frozenset[str]]]] = defaultdict(list)
        for treaty in kb.treaties_in_force(on):
            if not any(p.kind is PledgeKind.DEFENSE for p in treaty.provisions_on(on)):
                continue
            parties = frozenset(m.state for m in kb.spells(treaty.party_scope) if m.active_on(on) and m.status.is_party)
            for state in parties:
                index[state].append((treaty, parties))
        by_date[on] = dict(index)
    return by_date[on]


def allied_under(kb: KnowledgeBase, state: str, others: frozenset[str] | set[str], on: dt.date) -> Treaty | None:
    """A treaty with a defence pledge in force on ``on`` binding ``state`` with one of ``others``, if any.

    >>> from casus.curated.loader import load_kb
    >>> kb = load_kb()
    >>> allied_under(kb, "USA", {"DEU"}, dt.date(1960, 1, 1)).id
    'north-atlantic-1949'
    >>> allied_under(kb, "USA", {"DEU"}, dt.date(1950, 1, 1)) is None
    True
    """
    for treaty, parties in _index(kb, on).get(state, ()):
        if parties & set(others) - {state}:
            return treaty
    return None
