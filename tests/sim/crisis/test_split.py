"""The backtest's hold-out: a documented stratified draw, frozen before fitting, and the episodes behind it."""

from __future__ import annotations

from collections import Counter

import pytest

from casus.errors import CasusError
from casus.sim.crisis.io import load_episodes, load_holdout
from casus.sim.crisis.split import SEED, SIZE, allocate, check_holdout, draw_holdout, select


def test_at_least_sixty_cited_episodes_across_the_pacts():
    episodes = load_episodes()
    assert len(episodes) >= 60
    orgs = Counter(e.organization for e in episodes)
    for org in ("csto", "nato", "rio-1947", "anzus-1951", "eu", "arab-league", "warsaw-pact"):
        assert orgs[org] >= 1, org
    bilateral = {"russia-armenia-1997", "us-japan-1960", "us-rok-1953", "us-philippines-1951", "us-pakistan-1959"}
    assert sum(orgs[o] for o in bilateral) >= 5
    # every episode added for #16 has a source with a URL
    new = episodes[19:]
    assert all(any(s.url for s in e.sources) or e.id == "armenia-2022-09-russia" for e in new)


def test_representable_cases_are_coded():
    by_id = {e.id: e for e in load_episodes()}
    # a request pointedly not made (Przewodów, November 2022)
    assert not by_id["poland-2022-11"].request_made
    assert by_id["poland-2022-11"].scenario().requested is False
    # member against member, with the CSTO's own answer: statements only
    kg = by_id["kyrgyzstan-2022-09"]
    assert kg.member_against_member and kg.adversary == "Tajikistan" and kg.help == "statement"
    # help categories separate statement, measures, material and forces
    assert by_id["venezuela-1960-07"].help == "measures"
    assert by_id["costa-rica-1955-01"].help == "material"
    assert by_id["bahrain-2011-03"].help == "forces"
    # ANZUS 2001: answered by Australia only (the US–NZ leg suspended)
    assert by_id["anzus-2001-09"].outcome.value == "bilateral_assistance_only"
    # the old episodes get a help code from their outcome
    assert by_id["kazakhstan-2022-01"].help == "forces"


def test_allocation_is_proportional_with_a_place_for_every_real_stratum():
    assert allocate({"a": 6, "b": 3, "c": 1}, 5) == {"a": 3, "b": 2, "c": 0}
    assert allocate({"a": 10, "b": 2}, 3) == {"a": 2, "b": 1}
    with pytest.raises(CasusError):
        allocate({"a": 2}, 3)


def test_the_frozen_holdout_is_the_documented_draw():
    frozen = load_holdout()
    assert frozen.seed == SEED and len(frozen.holdout) == SIZE
    episodes = load_episodes()
    check_holdout(episodes, frozen.pool, frozen.holdout)  # raises if edited by hand
    assert "czechoslovakia-1968-08" not in frozen.pool
    # stratified: every request kind and every era is represented
    by_id = {e.id: e for e in episodes}
    held = [by_id[i] for i in frozen.holdout]
    assert {e.stratum.split("/")[0] for e in held} == {"forces", "assistance", "consultation", "none"}
    assert {e.era for e in held} == {"cold-war", "post-cold-war", "recent"}


def test_editing_the_holdout_is_detected():
    frozen = load_holdout()
    swapped = [*frozen.holdout[1:], next(i for i in frozen.pool if i not in frozen.holdout)]
    with pytest.raises(CasusError, match="not the documented draw"):
        check_holdout(load_episodes(), frozen.pool, swapped)


def test_the_draw_is_reproducible_and_splits_partition():
    episodes = load_episodes()
    pool = [e for e in episodes if e.organization != "warsaw-pact"]
    assert draw_holdout(pool) == draw_holdout(pool)
    assert draw_holdout(pool, seed=1) != draw_holdout(pool)
    frozen = load_holdout()
    train, hold = select(episodes, frozen.holdout, "train"), select(episodes, frozen.holdout, "holdout")
    assert len(train) + len(hold) == len(episodes) and not {e.id for e in train} & {e.id for e in hold}
    with pytest.raises(CasusError):
        select(episodes, frozen.holdout, "test")
