"""Landscape theory of aggregation: hand-checked cases, brute-force agreement, annealing, real data, CLI."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.errors import CoverageError, InvalidInputError
from casus.sim.align.landscape import (
    EXACT_MAX,
    anneal_landscape,
    energy,
    exact_landscape,
    find_landscape,
    weights,
)

# ------------------------------------------------------------------ hand-checked cases


def test_three_actors_by_hand():
    # A and B friends (+1), both hostile to C (-1): C alone, the two hostile pairs split: E = -1 - 1 = -2
    land = exact_landscape([1, 1, 1], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]], actors=("A", "B", "C"))
    g = land.global_minimum
    assert g.blocs == (0, 0, 1) and g.energy == -2.0
    assert land.alignment("C").partners == () and land.alignment("A").partners == ("B",)


def test_four_actors_two_pairs_by_hand():
    # Two friendly pairs (+2) that dislike each other across (-1). Configurations with A in bloc 0:
    #   {AB|CD}: E = 4 x (-1) = -4 (global); all together: E = 0, and every single switch gives
    #   2 - 1 - 1 = 0, so it is a (weak) local minimum too; {ACD|B}: E = 2 - 1 - 1 = 0 but moving A
    #   over to B gives -4, so it is not one.
    p = np.array([[0, 2, -1, -1], [2, 0, -1, -1], [-1, -1, 0, 2], [-1, -1, 2, 0]], dtype=float)
    land = exact_landscape(np.ones(4), p, actors="ABCD")
    assert [(c.blocs, c.energy) for c in land.minima] == [((0, 0, 1, 1), -4.0), ((0, 0, 0, 0), 0.0)]
    assert land.n_minima == 2 and land.evaluated == 8
    a = land.alignment("D")
    assert a.partners == ("C",) and a.opponents == ("A", "B") and a.switch_cost == pytest.approx(4.0)


def test_sizes_weigh_the_pairs():
    # A big actor's enmity outweighs a small one's friendship: B (size 1) likes C (size 1) a little,
    # but A (size 10) likes B and dislikes C.
    p = [[0, 1, -1], [1, 0, 0.5], [-1, 0.5, 0]]
    assert exact_landscape([10, 1, 1], p).global_minimum.blocs == (0, 0, 1)
    assert energy((0, 0, 1), [10, 1, 1], p) == pytest.approx(-10 + 0.5)


def test_invalid_inputs():
    with pytest.raises(InvalidInputError, match="symmetric"):
        weights([1, 1], [[0, 1], [-1, 0]])
    with pytest.raises(InvalidInputError, match="non-negative"):
        weights([1, -1], [[0, 1], [1, 0]])
    with pytest.raises(InvalidInputError, match="exact search"):
        exact_landscape(np.ones(EXACT_MAX + 1), np.zeros((EXACT_MAX + 1, EXACT_MAX + 1)))
    with pytest.raises(InvalidInputError, match="not among the actors"):
        exact_landscape([1, 1], [[0, 1], [1, 0]]).alignment("Narnia")


# ------------------------------------------------------------------ brute force agreement


def _brute(s: np.ndarray, p: np.ndarray) -> tuple[float, set[tuple[int, ...]]]:
    w = weights(s, p)
    n = len(s)
    tol = 1e-9 * max(float(np.abs(w).sum()), 1e-300)
    energies = {(0, *b): energy((0, *b), s, p) for b in itertools.product((0, 1), repeat=n - 1)}
    local = set()
    for b, e in energies.items():
        flips = [tuple(1 - v if i == k else v for i, v in enumerate(b)) for k in range(n)]
        canon = [f if f[0] == 0 else tuple(1 - v for v in f) for f in flips]
        if all(e <= energies[f] + tol for f in canon):
            local.add(b)
    return min(energies.values()), local


@st.composite
def instances(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(2, 10))
    sizes = np.array(draw(st.lists(st.floats(0.01, 1.0), min_size=n, max_size=n)))
    upper = draw(st.lists(st.integers(-4, 4), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    p = np.zeros((n, n))
    p[np.triu_indices(n, 1)] = np.array(upper, dtype=float) / 4
    return sizes, p + p.T


@settings(max_examples=60, deadline=None)
@given(instances())
def test_exact_search_agrees_with_brute_force(inst):
    sizes, p = inst
    best, local = _brute(sizes, p)
    land = exact_landscape(sizes, p, max_minima=2**10)
    assert land.global_minimum.energy == pytest.approx(best, abs=1e-12)
    assert {c.blocs for c in land.minima} == local
    for c in land.minima:
        assert c.energy == pytest.approx(energy(c.blocs, sizes, p), abs=1e-12)


# ------------------------------------------------------------------ annealing


def _random_instance(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    g = np.random.default_rng(seed)
    p = g.normal(size=(n, n))
    p = (p + p.T) / 2
    np.fill_diagonal(p, 0.0)
    return g.random(n), p


def test_annealer_finds_the_exact_optimum_on_16_actors():
    sizes, p = _random_instance(16, 2024)
    exact = exact_landscape(sizes, p)
    annealed = anneal_landscape(sizes, p, rng=7)
    assert annealed.method == "annealing" and annealed.seed == 7
    assert annealed.global_minimum.blocs == exact.global_minimum.blocs
    assert annealed.global_minimum.energy == pytest.approx(exact.global_minimum.energy)
    # every configuration it returns is a true local minimum of the exact landscape
    assert {c.blocs for c in annealed.minima} <= {c.blocs for c in exact_landscape(sizes, p, max_minima=10**6).minima}


def test_annealer_same_seed_same_result():
    sizes, p = _random_instance(30, 1)
    a = anneal_landscape(sizes, p, rng=3, sweeps=50)
    b = anneal_landscape(sizes, p, rng=3, sweeps=50)
    assert a.minima == b.minima
    assert find_landscape(sizes, p, rng=3).method == "annealing"  # beyond 25 actors
    assert find_landscape(sizes[:10], p[:10, :10]).method == "exact"


# ------------------------------------------------------------------ real data


@pytest.fixture(scope="module")
def frames(casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.io import load_dynamics_frames

    return load_dynamics_frames()


def test_cold_war_blocs_in_1960(frames):
    from casus.sim.align.inputs import align_states, alignment_inputs

    usa, ukg, frn, gfr, rus, chn, pol = 2, 200, 220, 260, 365, 710, 290
    inp = alignment_inputs(frames, 1960, [usa, rus, ukg])
    assert inp.tie[0, 2] == 1.0  # NATO: a defence pledge
    assert inp.tie[0, 1] == 0.0 and inp.mid[0, 1] == 1.0  # no alliance, and MIDs since 1956
    assert inp.propensity[0, 1] < 0 < inp.propensity[0, 2]
    labels = ["USA", "UKG", "FRN", "GFR", "RUS", "CHN", "POL"]
    _, land = align_states(frames, 1960, [usa, ukg, frn, gfr, rus, chn, pol], labels=labels)
    assert set(land.alignment("RUS").partners) == {"CHN", "POL"}
    assert set(land.alignment("USA").partners) == {"UKG", "FRN", "GFR"}


def test_alignment_coverage(frames):
    from casus.sim.align.inputs import alignment_inputs, largest_states

    with pytest.raises(CoverageError, match="2030"):
        alignment_inputs(frames, 2030, [2, 365])
    with pytest.raises(InvalidInputError, match="not COW system members"):
        alignment_inputs(frames, 1960, [2, 371])  # Armenia became independent in 1991
    assert largest_states(frames, 2016, 3) == (710, 2, 750)  # China, USA, India by CINC (NMC 6.0)
    notes = alignment_inputs(frames, 2018, [2, 365]).notes
    assert any("2016" in n for n in notes) and any("2014" in n for n in notes)


def test_cli_align(casus_data, capsys):
    from casus.cli.app import main

    assert main(["align", "--year", "1960", "--states", "USA,UK,France,Russia,China", "--ask", "China",
                 "-f", "json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "exact" and data["evaluated"] == 16
    bloc = {a["state"]: a["bloc"] for a in data["actors"]}
    assert bloc["CHN"] == bloc["RUS"] != bloc["USA"] == bloc["GBR"] == bloc["FRA"]
    assert data["ask"]["partners"] == ["RUS"]
    assert main(["align", "--year", "1960", "--states", "USA,Armenia"]) == 2
    assert "not COW system members in 1960" in capsys.readouterr().err
