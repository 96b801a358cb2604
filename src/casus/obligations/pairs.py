"""Who defends whom: the casus foederis for every ordered (attacker, target) pair of states on one date.

The answer of a treaty to an attack depends on the pair only through a few facts about each side: the
target's party status (member, suspended, disputed, none) and what the target-only conditions (its
territory, a pledge's area) say of its whole territory; the attacker's party status and whether it is a
named adversary; and whether either side is among the states a one-sided pledge binds
(:data:`PAIR_DEPENDENCE` says which condition kind looks at which side). This module codes those facts as
integer arrays over the states, so that the states fall into a few *classes* per treaty and side; it asks
the engine itself (:func:`casus.obligations.evaluate.evaluate_treaty`, whose conditions go through
:func:`casus.obligations.conditions.evaluate_condition`) once per pair of classes, and spreads the answer
over the pairs and the obligated parties with numpy. No treaty logic is re-encoded here, so the table cannot
drift from ``casus obligations``; ``tests/obligations/test_pairs.py`` compares the two pair by pair.

The engine's answer (verdict, decisive provision, first unknown check) is a function of the treaty's
*shape* on the date — its provisions' kinds, triggers, conditions and whether they are in effect, whether
its entry into force is recorded and whether the date is past its source's coverage — and of the two
classes. A :class:`PairsCache` keeps the answers under that key, so that the hundreds of ATOP alliances
that share a shape, and every later date, reuse them: a sweep over two centuries asks the engine a few
thousand times, not millions.

Rows are directed triads: an attack by ``attacker`` on ``target`` that ``treaty``'s ``provision``
answers ``triggered`` (``obligated`` must act) or ``indeterminate`` (``obligated`` would have to act,
``deciding`` names the check whose facts are missing, e.g. ``coverage`` past ATOP's end in 2018).

Worked case: on 2024-06-25, every attack on Poland by a state outside NATO triggers Art. 5 of the North
Atlantic Treaty, with the 31 other allies as obligated states; an attack on Poland by Germany does not
(both are parties).

References:
    North Atlantic Treaty (1949), Art. 5; Leeds, B. A. et al. (2002), "Alliance Treaty Obligations and
    Provisions, 1815-1944", International Interactions 28: 237-260 (ATOP's conditions on obligations).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from enum import StrEnum

import numpy as np
import pandas as pd

from casus.kb.knowledge import KnowledgeBase
from casus.kb.treaties import Condition, CrisisKind, Provision, Treaty
from casus.obligations.conditions import Outcome, evaluate_condition, is_party
from casus.obligations.crisis import Attacker, Crisis
from casus.obligations.evaluate import evaluate_treaty
from casus.obligations.pair_cache import HELPER, PARTY, STATUSES, PairsCache
from casus.obligations.pair_rows import Block, TriadRows, spread
from casus.obligations.results import Verdict

COLUMNS = ("date", "attacker", "target", "obligated", "treaty", "provision", "verdict", "deciding")
_KEPT = (Verdict.TRIGGERED, Verdict.INDETERMINATE)


class Dependence(StrEnum):
    """What a condition's outcome depends on, for an attack by a state on another's whole territory."""

    NONE = "none"
    """The same for every pair (the event's facts are left unsaid: provocation, request, conflict…)."""
    TARGET_PLACE = "target place"
    """The target's whole territory (its own; inside a pledge's area)."""
    ATTACKER_STATUS = "attacker status"
    """The attacker's party status (always part of a class)."""
    ADVERSARY = "adversary"
    """Whether the attacker is among the condition's states."""


#: Every condition kind the engine checks (by its value), with what its outcome depends on. A kind missing here
#: (a new one) is not guessed: every state is then its own class for that treaty (slow, still exact), and
#: ``tests/obligations/test_pairs.py`` fails until the kind is added. ``any_of`` holds place conditions only.
PAIR_DEPENDENCE: dict[str, Dependence] = {
    "target_territory": Dependence.TARGET_PLACE,
    "location": Dependence.TARGET_PLACE,
    "any_of": Dependence.TARGET_PLACE,
    "attacker_outside": Dependence.ATTACKER_STATUS,
    "adversary": Dependence.ADVERSARY,
    "state_attacker": Dependence.NONE,
    "number": Dependence.NONE,
    "non_provocation": Dependence.NONE,
    "demand": Dependence.NONE,
    "conflict": Dependence.NONE,
    "request": Dependence.NONE,
    "decision": Dependence.NONE,
}

_OUTCOMES = list(Outcome)
_INT = np.int64


def candidate_treaties(kb: KnowledgeBase, on: dt.date) -> list[Treaty]:
    """The treaties the engine weighs on ``on``: in force (or signed, entry into force unknown), with pledges."""
    pending = [
        t
        for t in kb.treaties.values()
        if t.in_force is None and t.signed <= on and (t.terminated is None or on < t.terminated)
    ]
    return [t for t in [*kb.treaties_in_force(on), *pending] if t.provisions and t.no_mutual_defence is None]


class _Day:
    """One date's states (codes, places) and the outcome of each place-only condition for each of them."""

    def __init__(self, cache: PairsCache, states: Sequence[str], on: dt.date, kind: CrisisKind) -> None:
        self.cache, self.kb, self.on, self.kind = cache, cache.kb, on, kind
        self.states = list(dict.fromkeys(states))
        self.codes = cache.codes(self.states)
        self.signature = self.codes.tobytes()
        self.places = [self.kb.country_place(s, on) for s in self.states]
        self._outcomes: dict[Condition, np.ndarray] = {}

    def outcomes(self, treaty: Treaty, provision: Provision, cond_index: int) -> np.ndarray:
        """Per state as target, the engine's outcome (its index in :class:`Outcome`) of a place-only condition.

        Kept in the cache by condition, place and where the date stands against every date the condition's
        areas record (an entry that starts or ends): between two such dates the outcome cannot change.
        """
        cond = provision.conditions[cond_index]
        got = self._outcomes.get(cond)
        if got is None:
            marks = self.cache.marks(cond, self.on)
            known = self.cache.place_outcomes
            out = []
            for s, place in zip(self.states, self.places, strict=True):
                k = (cond, place, marks)
                code = known.get(k)
                if code is None:
                    crisis = Crisis(Attacker.non_state(), s, self.on, place, self.kind)
                    code = _OUTCOMES.index(evaluate_condition(self.kb, treaty, provision, cond, crisis).outcome)
                    known[k] = code
                out.append(code)
            got = np.array(out, dtype=_INT)
            self._outcomes[cond] = got
        return got

    def adversary(self, treaty: Treaty, provision: Provision, cond: Condition) -> np.ndarray:
        """Per state as attacker, whether it passes an adversary condition (1) or not (0).

        Named states are looked up; a condition with other values (``+allies``: "or any State allied with the
        latter", read through the alliances in force that day) is asked of the engine for each state.
        """
        got = self._outcomes.get(cond)
        if got is None:
            if all(v in self.cache.index for v in cond.values):
                got = np.isin(self.codes, self.cache.codes(cond.values)).astype(_INT)
            else:  # the target does not matter to the check: any other state
                got = np.array(
                    [
                        evaluate_condition(
                            self.kb,
                            treaty,
                            provision,
                            cond,
                            self.crisis(code, int(self.codes[1] if code == self.codes[0] else self.codes[0])),
                        ).outcome
                        is Outcome.PASS
                        for code in self.codes.tolist()
                    ],
                    dtype=_INT,
                )
            self._outcomes[cond] = got
        return got

    def protected(self, provision: Provision) -> np.ndarray:
        """Per state, whether a pledge protects it whether a party or not (Rio Art. 3: "an American State")."""
        scope = self.kb.scopes.get(getattr(provision, "beneficiaries", "") or "")
        named = {e.ref for e in scope.states if e.active_on(self.on)} if scope is not None else set()
        return np.array([s in named for s in self.states], dtype=_INT)

    def crisis(self, attacker: int, target: int) -> Crisis:
        """The default crisis of a pair given by codes: an armed attack (or ``kind``) on the whole territory."""
        a, t = self.cache.ids[attacker], self.cache.ids[target]
        place = self.places[self.states.index(t)]
        return Crisis(Attacker(a, self.kb.states.name_on(a, self.on)), t, self.on, place, self.kind)


def _combine(columns: list[tuple[np.ndarray, int]], n: int) -> np.ndarray:
    """One integer per state from feature columns (values below each column's radix)."""
    key = np.zeros(n, dtype=_INT)
    room = 1
    for col, radix in columns:
        if room * radix >= 1 << 62:  # too many features for one integer: number the distinct rows instead
            rows = np.stack([key, col], axis=1)
            key = np.unique(rows, axis=0, return_inverse=True)[1].reshape(-1).astype(_INT)
            room = int(key.max()) + 1
            continue
        key = key * radix + col
        room *= radix
    return key


def _class_keys(
    day: _Day, treaty: Treaty, provisions: Sequence[Provision], status: np.ndarray, ended: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per state, an integer for its class as target and one as attacker (equal integers, equal answers).

    And per state, whether the treaty concerns it as a target whatever the attacker (a spell, or protected as a
    non-party).
    """
    n = len(day.states)
    both: list[tuple[np.ndarray, int]] = [(status.astype(_INT), len(STATUSES) + 1), (ended, 2)]
    target, attacker = list(both), list(both)
    concerned = status != 0
    for p in provisions:
        if p.bound:
            flag = np.isin(day.codes, day.cache.codes([s for s in p.bound if s in day.cache.index])).astype(_INT)
            target.append((flag, 2))
            attacker.append((flag, 2))
        if getattr(p, "beneficiaries", ""):
            flag = day.protected(p)
            target.append((flag, 2))
            concerned = concerned | (flag == 1)
        for i, cond in enumerate(p.conditions):
            dep = PAIR_DEPENDENCE.get(cond.kind)
            if dep is Dependence.TARGET_PLACE:
                target.append((day.outcomes(treaty, p, i), len(_OUTCOMES)))
            elif dep is Dependence.ADVERSARY and cond.values:
                attacker.append((day.adversary(treaty, p, cond), 2))
            elif dep is None:  # a kind this module does not know: every state on its own
                own = (day.codes + 1, len(day.cache.ids) + 1)
                target.append(own)
                attacker.append(own)
    return _combine(target, n), _combine(attacker, n), concerned


def _answer(
    day: _Day, treaty: Treaty, key: tuple[int, ...], attacker: int, target: int, provisions: Sequence[Provision]
) -> tuple[Verdict, int, str]:
    """The engine's answer for one pair of classes (cached by treaty shape and classes)."""
    cache = day.cache
    got = cache.answers.get(key)
    if got is None:
        res = evaluate_treaty(day.kb, treaty, day.crisis(attacker, target))
        cache.engine_calls += 1
        index = next((i for i, p in enumerate(provisions) if p is res.provision), -1)
        deciding = ""
        if res.verdict is Verdict.INDETERMINATE:
            deciding = next((s.check for s in res.explanation if s.outcome is Outcome.UNKNOWN), "")
        got = (res.verdict, index, deciding)
        cache.answers[key] = got
    return got


def _pick(targets: np.ndarray, attackers: np.ndarray) -> tuple[int, int] | None:
    """One pair of distinct states from two groups (codes), or ``None`` when there is none."""
    for t in targets[:2]:
        for a in attackers[:2]:
            if a != t:
                return int(a), int(t)
    return None


def _treaty_pairs(day: _Day, treaty: Treaty, rows: TriadRows) -> None:
    """Add a treaty's triads; the same blocks as on the cache's last date when nothing they rest on changed."""
    on, cache = day.on, day.cache
    provisions = treaty.provisions_on(on)
    status_all, ended_all = cache.status(treaty.party_scope, on)
    status = status_all[day.codes]
    t_key, a_key, concerned = _class_keys(day, treaty, provisions, status, ended_all[day.codes])
    shape = cache.shape(treaty, provisions, on, day.kind)
    suspended = tuple(
        (cache.index[x.by], cache.index[x.towards])
        for x in treaty.suspensions
        if x.active_on(on) and x.by in cache.index and x.towards in cache.index
    )
    key = (
        shape,
        tuple(p.id for p in provisions),
        status_all.tobytes(),
        day.signature,
        t_key.tobytes(),
        a_key.tobytes(),
        suspended,
    )
    last = cache.blocks.get(treaty.id)
    if last is None or last[0] != key:
        classes = _Classes(day, t_key, a_key, status, concerned)
        last = (key, _treaty_blocks(day, treaty, provisions, status_all, shape, suspended, classes))
        cache.blocks[treaty.id] = last
    rows.extend(last[1])


class _Classes:
    """The classes of one treaty on one date: members (codes) and whether the treaty concerns each pair of them."""

    def __init__(self, day: _Day, t_key: np.ndarray, a_key: np.ndarray, status: np.ndarray, concerned: np.ndarray):
        self.t_keys, t_first, t_inv = np.unique(t_key, return_index=True, return_inverse=True)
        self.a_keys, a_first, a_inv = np.unique(a_key, return_index=True, return_inverse=True)
        self.targets = [day.codes[t_inv.reshape(-1) == c] for c in range(len(self.t_keys))]
        self.attackers = [day.codes[a_inv.reshape(-1) == c] for c in range(len(self.a_keys))]
        self.t_concerned = concerned[t_first] | PARTY[status[t_first]]
        self.a_party = PARTY[status[a_first]]


def _treaty_blocks(
    day: _Day,
    treaty: Treaty,
    provisions: Sequence[Provision],
    status_all: np.ndarray,
    shape: int,
    suspended: tuple[tuple[int, int], ...],
    classes: _Classes,
) -> list[Block]:
    """A treaty's triads: one engine answer per pair of classes, spread over their pairs and helpers."""
    cache = day.cache
    found: dict[tuple[Verdict, int, str], list[tuple[np.ndarray, np.ndarray]]] = {}
    for ti, tk in enumerate(classes.t_keys.tolist()):
        for ai, ak in enumerate(classes.a_keys.tolist()):
            # as the engine filters treaties: the target or the attacker a party, the target with a spell or protected
            if not (classes.t_concerned[ti] or classes.a_party[ai]):
                continue
            pick = _pick(classes.targets[ti], classes.attackers[ai])
            if pick is None:
                continue
            answer = _answer(day, treaty, (shape, tk, ak), *pick, provisions)
            if answer[0] in _KEPT and answer[1] >= 0:
                found.setdefault(answer, []).append((classes.targets[ti], classes.attackers[ai]))
    blocks: list[Block] = []
    helpers_all = np.flatnonzero(HELPER[status_all])
    for (verdict, index, deciding), groups in found.items():
        prov = provisions[index]
        bound = cache.codes([s for s in prov.bound if s in cache.index])
        helpers = helpers_all if not prov.bound else helpers_all[np.isin(helpers_all, bound)]
        block = spread(groups, helpers, suspended, (treaty.id, prov.id, verdict.value, deciding))
        if block is not None:
            blocks.append(block)
    return blocks


def evaluate_pairs(
    kb: KnowledgeBase,
    states: Sequence[str],
    on: dt.date,
    *,
    kind: CrisisKind = CrisisKind.ARMED_ATTACK,
    cache: PairsCache | None = None,
    treaties: Collection[str] | None = None,
) -> pd.DataFrame:
    """Every directed triad (attacker, target, obligated state, treaty, provision) on one date.

    Args:
        kb: The knowledge base (curated, or extended with ATOP alliances).
        states: The states of the system on ``on`` (ids); every ordered pair of distinct states is asked.
        on: The date.
        kind: The event asked about for every pair (an armed attack on the target's whole territory by default).
        cache: A :class:`PairsCache` of ``kb`` kept between calls (a sweep over dates); a new one by default.
        treaties: Only these treaties (ids), among those in force; all by default.

    Returns:
        One row per (attacker, target, obligated, treaty) for the decisive provision of each treaty whose
        answer is ``triggered`` or ``indeterminate``, with columns :data:`COLUMNS` (strings as categoricals).

    >>> import datetime as dt
    >>> from casus.curated import load_kb
    >>> kb = load_kb()
    >>> df = evaluate_pairs(kb, ["POL", "DEU", "RUS"], dt.date(2024, 6, 25))
    >>> sorted(df[(df.treaty == "north-atlantic-1949") & (df.target == "POL")].attacker.unique())
    ['RUS']
    """
    if cache is None or cache.kb is not kb:
        cache = PairsCache(kb)
    day = _Day(cache, states, on, kind)
    rows = TriadRows(cache.state_dtype)
    for treaty in candidate_treaties(kb, on):
        if treaties is None or treaty.id in treaties:
            _treaty_pairs(day, treaty, rows)
    df = rows.frame(COLUMNS[1:])
    df.insert(0, "date", pd.Timestamp(on))
    return df


__all__ = ["COLUMNS", "PAIR_DEPENDENCE", "Dependence", "PairsCache", "candidate_treaties", "evaluate_pairs", "is_party"]
