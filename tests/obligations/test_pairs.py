"""All pairs on a date equal `casus obligations` asked pair by pair (random sample, fixed seed)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from casus.kb.treaties import ConditionKind
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis
from casus.obligations.pairs import candidate_treaties, evaluate_pairs

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


def test_every_pair_equals_the_engine(full, cow):
    from casus.data.system import system_members

    rng = np.random.default_rng(20261203)
    days = [*FIXED, *(dt.date(1816, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 76000, 4))]
    kinds: set[ConditionKind] = set()
    compared = triggered = 0
    for on in days:
        states = system_members(full, on, cow)
        df = evaluate_pairs(full, states, on)
        for t in candidate_treaties(full, on):
            kinds |= {c.kind for p in t.provisions_on(on) for c in p.conditions if c.values}
        n = len(states)
        picks = rng.choice(n * n, size=min(60, n * (n - 1)), replace=False)
        # pairs with a row in the table, so the sample is not all empty answers
        rows = df[["attacker", "target"]].drop_duplicates()
        extra = rows.sample(min(40, len(rows)), random_state=int(rng.integers(1 << 31))) if len(rows) else rows
        pairs = {(states[i // n], states[i % n]) for i in picks if i // n != i % n}
        pairs |= set(zip(extra.attacker.astype(str), extra.target.astype(str), strict=True))
        for a, t in sorted(pairs):
            want = engine_rows(full, a, t, on)
            assert table_rows(df, a, t) == want, (on, a, t)
            compared += 1
            triggered += bool(want[0])
    assert compared > 500 and triggered > 100
    assert {ConditionKind.LOCATION, ConditionKind.ADVERSARY} <= kinds


def test_nato_2024_poland(kb):
    df = evaluate_pairs(kb, ["POL", "DEU", "RUS", "USA"], dt.date(2024, 6, 25))
    nato = df[(df.treaty == "north-atlantic-1949") & (df.target == "POL")]
    assert set(nato.attacker) == {"RUS"}
    # every other ally is obligated, also those not among the states asked about
    assert len(set(nato.obligated)) == 31 and {"DEU", "USA", "FIN", "SWE"} <= set(nato.obligated)
    assert not ({"POL", "RUS"} & set(nato.obligated))
    assert set(nato.verdict) == {"triggered"}
