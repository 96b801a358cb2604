"""All pairs on a date equal `casus obligations` asked pair by pair (random sample, fixed seed)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from casus.kb.treaties import ConditionKind
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis
from casus.obligations.conditions import CHECKS
from casus.obligations.pairs import PAIR_DEPENDENCE, PairsCache, candidate_treaties, evaluate_pairs

KEPT = (Verdict.TRIGGERED, Verdict.INDETERMINATE)


@pytest.fixture(scope="module")
def full(kb, casus_data):
    from casus.data.atop_kb import with_atop

    return with_atop(kb, casus_data / "atop")


@pytest.fixture(scope="module")
def cow(casus_data):
    from casus.data.cow import load_states

    return load_states(casus_data / "cow_states" / "states2016.csv")


def engine_rows(kb, attacker, target, on):
    """The triads `casus obligations` gives for one pair: obligated states of triggered decisive provisions;
    for indeterminate ones the treaty, provision and first unknown check."""
    crisis = make_crisis(kb, attacker=attacker, target=target, on=on)
    trig, indet = set(), set()
    for r in evaluate_casus_foederis(kb, crisis):
        if r.verdict is Verdict.TRIGGERED:
            trig |= {(r.treaty.id, r.provision.id, s) for s in r.obligated}
        elif r.verdict is Verdict.INDETERMINATE and r.provision is not None:
            check = next(s.check for s in r.explanation if s.outcome.value == "unknown")
            indet.add((r.treaty.id, r.provision.id, check))
    return trig, indet


def table_rows(df, attacker, target):
    sub = df[(df.attacker == attacker) & (df.target == target)]
    trig = {
        (t, p, o)
        for t, p, o, v in zip(sub.treaty, sub.provision, sub.obligated, sub.verdict, strict=True)
        if v == "triggered"
    }
    indet = {
        (t, p, d)
        for t, p, d, v in zip(sub.treaty, sub.provision, sub.deciding, sub.verdict, strict=True)
        if v != "triggered"
    }
    return trig, indet


# Dates with place-limited pledges (NATO Art. 6 with Algeria's French departments, SEATO's treaty area),
# ATOP adversary conditions, ATOP's 2018 coverage end and the post-COW years, plus random ones.
FIXED = [dt.date(1956, 7, 1), dt.date(1962, 7, 1), dt.date(1938, 7, 1), dt.date(2020, 7, 1), dt.date(2024, 6, 25)]


def conditioned_pairs(kb, df, states, on, rng):
    """Pairs that a place, adversary or beneficiary clause decides: targets among such treaties' parties (or the
    states a pledge protects as non-parties) and attackers among their named adversaries and random states."""
    picks = set()
    for t in candidate_treaties(kb, on):
        provisions = t.provisions_on(on)
        conds = [c for p in provisions for c in p.conditions]
        scopes = [kb.scopes[b] for p in provisions if (b := getattr(p, "beneficiaries", "")) and b in kb.scopes]
        if not scopes and not any(c.kind in (ConditionKind.LOCATION, ConditionKind.ADVERSARY) for c in conds):
            continue
        parties = [m.state for m in kb.spells(t.party_scope) if m.active_on(on) and m.state in states]
        protected = [e.ref for s in scopes for e in s.states if e.active_on(on) and e.ref in states]
        named = [s for c in conds if c.kind is ConditionKind.ADVERSARY for s in c.values if s in states]
        for target in [*rng.permutation(parties)[:2], *rng.permutation(protected)[:2]]:
            for attacker in [*named[:2], *rng.choice(states, 2)]:
                if attacker != target:
                    picks.add((str(attacker), str(target)))
    return picks


def sample_pairs(full, df, states, on, rng, size):
    n = len(states)
    picks = rng.choice(n * n, size=min(size, n * (n - 1)), replace=False)
    pairs = {(states[i // n], states[i % n]) for i in picks if i // n != i % n}
    # pairs with a row in the table, so the sample is not all empty answers
    rows = df[["attacker", "target"]].drop_duplicates()
    extra = rows.sample(min(size * 2 // 3, len(rows)), random_state=int(rng.integers(1 << 31))) if len(rows) else rows
    pairs |= set(zip(extra.attacker.astype(str), extra.target.astype(str), strict=True))
    return pairs | conditioned_pairs(full, df, states, on, rng)


def compare(full, cow, days, rng, size):
    """Every sampled pair of every day equals the engine; one cache is shared by all days (as in a sweep)."""
    from casus.data.system import system_members

    cache = PairsCache(full)
    kinds: set[ConditionKind] = set()
    compared = triggered = 0
    for on in days:
        states = system_members(full, on, cow)
        df = evaluate_pairs(full, states, on, cache=cache)
        for t in candidate_treaties(full, on):
            kinds |= {c.kind for p in t.provisions_on(on) for c in p.conditions if c.values}
        for a, t in sorted(sample_pairs(full, df, states, on, rng, size)):
            want = engine_rows(full, a, t, on)
            assert table_rows(df, a, t) == want, (on, a, t)
            compared += 1
            triggered += bool(want[0])
    return compared, triggered, kinds


@pytest.mark.slow
def test_every_pair_equals_the_engine(full, cow):
    rng = np.random.default_rng(20261203)
    days = [*FIXED, *(dt.date(1816, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 76000, 4))]
    compared, triggered, kinds = compare(full, cow, days, rng, 45)
    assert compared > 400 and triggered > 100
    assert {ConditionKind.LOCATION, ConditionKind.ADVERSARY} <= kinds


@pytest.mark.slow
def test_a_larger_sample_equals_the_engine(full, cow):
    """14 random dates in random order (the shared cache meets dates out of order), 80 pairs and more each."""
    rng = np.random.default_rng(12)
    days = [dt.date(1816, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 76600, 14)]
    compared, triggered, kinds = compare(full, cow, days, rng, 80)
    assert compared > 1000 and triggered > 300
    assert {ConditionKind.LOCATION, ConditionKind.ADVERSARY} <= kinds


def assert_same_table(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Equal columns, dtypes and values (categoricals by codes and categories: pandas' own check boxes each cell)."""
    assert list(got.columns) == list(want.columns) and list(got.dtypes) == list(want.dtypes)
    for c in want.columns:
        if isinstance(want[c].dtype, pd.CategoricalDtype):
            assert list(got[c].cat.categories) == list(want[c].cat.categories), c
            assert np.array_equal(got[c].cat.codes.to_numpy(), want[c].cat.codes.to_numpy()), c
        else:
            assert np.array_equal(got[c].to_numpy(), want[c].to_numpy()), c


def test_a_cache_changes_no_table(full, cow):
    """A table computed with a cache that has seen other dates (in any order) equals one computed afresh."""
    from casus.data.system import system_members

    cache = PairsCache(full)
    calls = 0
    for on in [dt.date(1962, 7, 1), dt.date(1956, 7, 1), dt.date(2024, 6, 25), dt.date(1962, 7, 4)]:
        states = system_members(full, on, cow)
        shared = evaluate_pairs(full, states, on, cache=cache)
        alone = PairsCache(full)
        assert_same_table(shared, evaluate_pairs(full, states, on, cache=alone))
        calls += alone.engine_calls
    # the shared cache asked the engine less often than the fresh ones together (the dates share answers)
    assert 0 < cache.engine_calls < calls


def test_every_condition_kind_says_what_it_depends_on():
    """A new condition kind must say whether its outcome depends on the attacker or the target."""
    assert {str(k) for k in ConditionKind} == {str(k) for k in CHECKS} <= set(PAIR_DEPENDENCE)


def test_nato_2024_poland(kb):
    df = evaluate_pairs(kb, ["POL", "DEU", "RUS", "USA"], dt.date(2024, 6, 25))
    nato = df[(df.treaty == "north-atlantic-1949") & (df.target == "POL")]
    assert set(nato.attacker) == {"RUS"}
    # every other ally is obligated, also those not among the states asked about
    assert len(set(nato.obligated)) == 31 and {"DEU", "USA", "FIN", "SWE"} <= set(nato.obligated)
    assert not ({"POL", "RUS"} & set(nato.obligated))
    assert set(nato.verdict) == {"triggered"}
