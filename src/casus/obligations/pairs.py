"""Who defends whom: the casus foederis for every ordered (attacker, target) pair of states on one date.

The answer of a treaty to an attack depends on the pair only through a few facts about each side: the
target's party status (member, suspended, disputed, none) and what the target-only conditions (its
territory, a pledge's area) say of its whole territory; the attacker's party status and whether it is a
named adversary; and whether either side is among the states a one-sided pledge binds. This module
codes those facts as integer arrays over the states (one per treaty), combines them into one class code
per pair (a numpy broadcast over all N x (N - 1) pairs), asks the engine itself
(:func:`casus.obligations.evaluate.evaluate_treaty`, whose conditions go through
:func:`casus.obligations.conditions.evaluate_condition`) once per class, and spreads the answer back over
the pairs. No treaty logic is re-encoded here, so the table cannot drift from ``casus obligations``; the
test ``tests/obligations/test_pairs.py`` compares the two pair by pair on a random sample.

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
from collections.abc import Sequence

import numpy as np
import pandas as pd

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.places import Place
from casus.kb.treaties import ConditionKind, CrisisKind, Treaty
from casus.obligations.conditions import Outcome, adversary_matches, evaluate_condition, is_party
from casus.obligations.crisis import Attacker, Crisis
from casus.obligations.evaluate import evaluate_treaty
from casus.obligations.results import TreatyResult, Verdict

#: Conditions whose outcome depends only on the place, i.e. for a whole-territory attack on the target
#: (an ``any_of`` condition's branches are place conditions, see :class:`~casus.kb.treaties.Condition`).
TARGET_CONDITIONS = frozenset({ConditionKind.TARGET_TERRITORY, ConditionKind.LOCATION, ConditionKind.ANY_OF})

COLUMNS = ("date", "attacker", "target", "obligated", "treaty", "provision", "verdict", "deciding")
_KEPT = (Verdict.TRIGGERED, Verdict.INDETERMINATE)


def candidate_treaties(kb: KnowledgeBase, on: dt.date) -> list[Treaty]:
    """The treaties the engine weighs on ``on``: in force (or signed, entry into force unknown), with pledges."""
    pending = [
        t
        for t in kb.treaties.values()
        if t.in_force is None and t.signed <= on and (t.terminated is None or on < t.terminated)
    ]
    return [t for t in [*kb.treaties_in_force(on), *pending] if t.provisions and t.no_mutual_defence is None]


def _codes(keys: list[tuple[object, ...]]) -> np.ndarray:
    index: dict[tuple[object, ...], int] = {}
    return np.array([index.setdefault(k, len(index)) for k in keys], dtype=np.int64)


class _DateContext:
    """Per-date facts shared by all treaties: places, names and target-condition outcomes per state."""

    def __init__(self, kb: KnowledgeBase, states: Sequence[str], on: dt.date, kind: CrisisKind) -> None:
        self.kb, self.states, self.on, self.kind = kb, list(states), on, kind
        self.pos = {s: i for i, s in enumerate(self.states)}
        self.places: list[Place] = [kb.country_place(s, on) for s in self.states]
        self._target_cache: dict[tuple[object, ...], tuple[Outcome, ...]] = {}

    def crisis(self, attacker: int, target: int) -> Crisis:
        a = self.states[attacker]
        return Crisis(
            Attacker(a, self.kb.states.name_on(a, self.on)),
            self.states[target],
            self.on,
            self.places[target],
            self.kind,
        )

    def target_outcomes(self, treaty: Treaty) -> list[tuple[Outcome, ...]]:
        """Per state as target: the engine's outcome of each place-only condition of the treaty."""
        per_cond: list[tuple[Outcome, ...]] = []
        for prov in treaty.provisions_on(self.on):
            for cond in prov.conditions:
                if cond.kind not in TARGET_CONDITIONS:
                    continue
                key = (cond.kind, cond.values)
                if key not in self._target_cache:
                    self._target_cache[key] = tuple(
                        evaluate_condition(
                            self.kb,
                            treaty,
                            prov,
                            cond,
                            Crisis(Attacker.non_state(), s, self.on, self.places[i], self.kind),
                        ).outcome
                        for i, s in enumerate(self.states)
                    )
                per_cond.append(self._target_cache[key])
        return [tuple(c[i] for c in per_cond) for i in range(len(self.states))]


def _status_keys(kb: KnowledgeBase, treaty: Treaty, states: list[str], on: dt.date) -> list[Status | None]:
    inside = {m.state for m in kb.spells(treaty.party_scope)}
    out: list[Status | None] = []
    for s in states:
        spell = kb.status_on(s, treaty.party_scope, on) if s in inside else None
        out.append(spell.status if spell is not None else None)
    return out


class _Rows:
    """The triads found so far, as integer codes (categorical columns are built once at the end)."""

    def __init__(self, states: Sequence[str]) -> None:
        self.names: dict[str, int] = {s: i for i, s in enumerate(states)}
        self.words: dict[str, int] = {}
        self.cols: dict[str, list[np.ndarray]] = {c: [] for c in COLUMNS[1:]}

    def name(self, state: str) -> int:
        return self.names.setdefault(state, len(self.names))

    def word(self, text: str) -> int:
        return self.words.setdefault(text, len(self.words))

    def add(self, **cols: np.ndarray) -> None:
        for c, v in cols.items():
            self.cols[c].append(v)

    def frame(self) -> pd.DataFrame:
        states = list(self.names)
        words = list(self.words)
        out: dict[str, pd.Categorical] = {}
        for c in COLUMNS[1:]:
            codes = np.concatenate(self.cols[c]) if self.cols[c] else np.zeros(0, dtype=np.int32)
            cats = states if c in ("attacker", "target", "obligated") else words
            used = np.unique(codes[codes >= 0])
            remap = np.full(len(cats) + 1, -1, dtype=np.int32)
            remap[used] = np.arange(len(used), dtype=np.int32)
            out[c] = pd.Categorical.from_codes(remap[codes], dtype=pd.CategoricalDtype([cats[i] for i in used]))
        return pd.DataFrame(out)


def _treaty_pairs(ctx: _DateContext, treaty: Treaty, rows: _Rows) -> None:
    kb, on, states = ctx.kb, ctx.on, ctx.states
    n = len(states)
    status = _status_keys(kb, treaty, states, on)
    provisions = treaty.provisions_on(on)
    bound = [frozenset(p.bound) for p in provisions]
    adversaries = [c.values for p in provisions for c in p.conditions if c.kind is ConditionKind.ADVERSARY]
    places = ctx.target_outcomes(treaty)
    # states a pledge protects whether parties or not (Rio Art. 3: "an American State")
    protected = [
        frozenset(e.ref for e in scope.states if e.active_on(on))
        for p in provisions
        if p.beneficiaries and (scope := kb.scopes.get(p.beneficiaries)) is not None
    ]
    prot = [tuple(s in b for b in protected) for s in states]
    t_code = _codes([(status[i], tuple(s in b for b in bound), places[i], prot[i]) for i, s in enumerate(states)])
    a_code = _codes(
        [
            (status[i], tuple(s in b for b in bound), tuple(adversary_matches(kb, s, v, on) for v in adversaries))
            for i, s in enumerate(states)
        ]
    )
    # involvement, as the engine filters treaties: target or attacker a party, or the target has any spell
    t_inv = np.array([st is not None or any(prot[i]) for i, st in enumerate(status)])
    party = np.array([st is not None and st.is_party for st in status])
    pair_key = t_code[:, None] * (int(a_code.max()) + 1) + a_code[None, :]
    involved = (party[:, None] | party[None, :] | t_inv[:, None]) & ~np.eye(n, dtype=bool)
    if not involved.any():
        return
    ti, ai = np.nonzero(involved)
    keys = pair_key[ti, ai]
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    results: list[TreatyResult] = [evaluate_treaty(kb, treaty, ctx.crisis(int(ai[k]), int(ti[k]))) for k in first]
    parties = sorted(
        {
            m.state
            for m in kb.spells(treaty.party_scope)
            if m.active_on(on) and m.status.is_party and m.status is not Status.EXCLUDED
        }
    )
    for c, res in enumerate(results):
        if res.verdict not in _KEPT or res.provision is None:
            continue
        sel = inverse == c
        t_ix, a_ix = ti[sel], ai[sel]
        prov = res.provision
        helpers = np.array([rows.name(p) for p in parties if not prov.bound or p in prov.bound], dtype=np.int32)
        keep = (helpers[None, :] != t_ix[:, None]) & (helpers[None, :] != a_ix[:, None])
        for x in treaty.suspensions:
            if x.active_on(on) and x.towards in ctx.pos:
                keep &= ~((helpers[None, :] == rows.name(x.by)) & (t_ix[:, None] == ctx.pos[x.towards]))
        r, cols = np.nonzero(keep)
        obligated = helpers[cols]
        deciding = ""
        if res.verdict is Verdict.INDETERMINATE:
            deciding = next((s.check for s in res.explanation if s.outcome is Outcome.UNKNOWN), "")
            # an undecided pledge with no third party to bear it (a bilateral pact between the two) still answers
            alone = np.flatnonzero(~keep.any(axis=1))
            r = np.concatenate([r, alone])
            obligated = np.concatenate([obligated, np.full(len(alone), -1, dtype=np.int32)])
        size = len(r)

        def const(text: str, size: int = size) -> np.ndarray:
            return np.full(size, rows.word(text), dtype=np.int32)

        rows.add(
            attacker=a_ix[r].astype(np.int32),
            target=t_ix[r].astype(np.int32),
            obligated=obligated.astype(np.int32),
            treaty=const(treaty.id),
            provision=const(prov.id),
            verdict=const(res.verdict.value),
            deciding=const(deciding),
        )


def evaluate_pairs(
    kb: KnowledgeBase, states: Sequence[str], on: dt.date, *, kind: CrisisKind = CrisisKind.ARMED_ATTACK
) -> pd.DataFrame:
    """Every directed triad (attacker, target, obligated state, treaty, provision) on one date.

    Args:
        kb: The knowledge base (curated, or extended with ATOP alliances).
        states: The states of the system on ``on`` (ids); every ordered pair of distinct states is asked.
        on: The date.
        kind: The event asked about for every pair (an armed attack on the target's whole territory by default).

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
    ctx = _DateContext(kb, states, on, kind)
    rows = _Rows(ctx.states)
    for treaty in candidate_treaties(kb, on):
        _treaty_pairs(ctx, treaty, rows)
    df = rows.frame()
    df.insert(0, "date", pd.Timestamp(on))
    return df


__all__ = ["COLUMNS", "candidate_treaties", "evaluate_pairs", "is_party"]
