"""The run: the crisis Monte Carlo of a compiled crisis — will the organization act, how, and who does what.

:func:`run_compiled` draws the helpers' choices for a :class:`~casus.sim.crisis.model.CompiledCrisis`
(vectorised numpy) and applies the organization's decision; :func:`simulate_crisis` is the compile step
(:func:`~casus.sim.crisis.model.compile_crisis`) followed by this run.

>>> import datetime as dt
>>> from casus.curated import load_kb
>>> from casus.sim import Scenario, simulate_crisis
>>> s = Scenario(name="demo", on=dt.date(2022, 1, 5), organization="CSTO", attacker="non-state",
...              target="Kazakhstan", kind="unrest", request="forces")
>>> r = simulate_crisis(load_kb(), s, runs=20_000, rng=1)
>>> r.seed, r.runs
(1, 20000)

Replications run in chunks of ``chunk_size`` (default 65,536), each with its own child generator spawned
from the root seed (:mod:`casus.sim.rng`), so memory stays bounded however many replications are asked for
and the same seed gives the same result bit for bit. Only counts and fixed-bin histograms are kept.

The output is illustrative: a model of how the procedure and the members' incentives combine, calibrated on
published base rates — not a forecast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis.decision import BLOCK, FORCES, OTHER, RESPONSE_CODE
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.model import CompiledCrisis, compile_crisis
from casus.sim.crisis.params import Params
from casus.sim.crisis.result import CrisisResult, Histogram
from casus.sim.crisis.scenario import RESPONSES, Response, Scenario
from casus.sim.rng import RngLike, root_seed, spawn_generators

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

DEFAULT_CHUNK = 65_536
TROOP_BINS: FloatArray = np.logspace(0, 7, 701)
DAY_BINS: FloatArray = np.logspace(-2, 4, 601)
_DEPLOYED = (RESPONSE_CODE[Response.COLLECTIVE_DEPLOYMENT], RESPONSE_CODE[Response.BILATERAL_ONLY])


@dataclass
class _Tally:
    responses: IntArray
    members: IntArray
    troops: IntArray
    days: IntArray
    deployments: int = 0
    troops_sum: float = 0.0
    days_sum: float = 0.0


def _thresholds(p_honour: FloatArray, p_forces: FloatArray, p_block: FloatArray) -> FloatArray:
    """(3, n) cumulative thresholds of the four choices (forces, other, abstain, block) for one uniform draw."""
    return np.stack([p_honour * p_forces, p_honour, p_honour + (1 - p_honour) * (1 - p_block)])


def _read(u: FloatArray, t: FloatArray) -> npt.NDArray[np.int8]:
    """Choice codes of uniforms ``u`` against cumulative thresholds ``t`` (3, n)."""
    out: npt.NDArray[np.int8] = (u >= t[0]).astype(np.int8)
    out += u >= t[1]
    out += u >= t[2]
    return out


def draw_choices(c: CompiledCrisis, gen: np.random.Generator, runs: int) -> npt.NDArray[np.int8]:
    """(runs, n) choice codes (0 forces, 1 other, 2 abstain, 3 block) for one chunk.

    One uniform per member and replication, read against the member's cumulative choice probabilities
    (inverse-CDF sampling): honour with probability p, then forces with probability ``p_forces`` within it,
    block with probability ``p_block`` within the rest. The leader's column is drawn first; the others use the
    thresholds for the leader's stance.
    """
    u = gen.random((runs, c.n))
    yes = _thresholds(c.p_yes, c.p_forces, c.p_block)
    if c.leader_index >= 0:
        L = c.leader_index
        lead = (u[:, L, None] >= yes[:, L]).sum(axis=1)
        if c.forced[L] >= 0:
            lead[:] = c.forced[L]
        no = _thresholds(c.p_no, c.p_forces, c.p_block)
        choice = np.where((lead <= OTHER)[:, None], _read(u, yes), _read(u, no))
    else:
        choice = _read(u, yes)
    for i in np.flatnonzero(c.forced >= 0):
        choice[:, i] = c.forced[i]
    return choice


def respond(c: CompiledCrisis, choice: npt.NDArray[np.int8]) -> IntArray:
    """Response codes for a batch of choice rows (the organization's decision and its outcome).

    A collective deployment needs a lead nation: when the leading member is among the helpers, it must be
    one of the contributors of forces; otherwise (the leader asked, or no leader is known) any contributor will do.
    """
    forces = (choice == FORCES).sum(axis=1, dtype=np.int64)
    support = forces + (choice == OTHER).sum(axis=1, dtype=np.int64)
    block = (choice == BLOCK).sum(axis=1, dtype=np.int64)
    lead = (choice[:, c.leader_index] == FORCES).astype(np.int64) if c.leader_index >= 0 else forces
    return c.decision.outcome(support, block, lead)


def _run_chunk(c: CompiledCrisis, gen: np.random.Generator, runs: int, tally: _Tally) -> None:
    choice = draw_choices(c, gen, runs)
    codes = respond(c, choice)
    tally.responses += np.bincount(codes, minlength=len(RESPONSES))
    cells = (choice + 4 * np.arange(c.n, dtype=np.int8)[None, :].astype(np.int64)).ravel()
    tally.members += np.bincount(cells, minlength=4 * c.n).reshape(c.n, 4)
    deployed = np.flatnonzero(((codes == _DEPLOYED[0]) | (codes == _DEPLOYED[1])) & (choice == FORCES).any(axis=1))
    m = len(deployed)
    if m == 0:
        return
    sends = choice[deployed] == FORCES
    z = gen.standard_normal((m, 3))
    troops = (sends @ c.troops) * np.exp(0.5 * z[:, 0])
    nearest = np.where(sends, c.distance, np.inf).min(axis=1)
    p = c.params
    days = p.decision_median_days * np.exp(0.6 * z[:, 1]) + p.deploy_median_days * np.sqrt(
        np.maximum(nearest, 100.0) / 1000.0
    ) * np.exp(0.5 * z[:, 2])
    tally.troops += _log_histogram(troops, TROOP_BINS)
    tally.days += _log_histogram(days, DAY_BINS)
    tally.deployments += m
    tally.troops_sum += float(troops.sum())
    tally.days_sum += float(days.sum())


def _log_histogram(x: FloatArray, edges: FloatArray) -> IntArray:
    """Counts of ``x`` in log-uniform bins (values outside go to the end bins)."""
    lo, hi = np.log10(edges[0]), np.log10(edges[-1])
    k = len(edges) - 1
    idx = np.floor((np.log10(np.maximum(x, 1e-300)) - lo) / (hi - lo) * k).astype(np.int64)
    return np.bincount(np.clip(idx, 0, k - 1), minlength=k)


def run_compiled(c: CompiledCrisis, runs: int, rng: RngLike = None, *, chunk_size: int = DEFAULT_CHUNK) -> CrisisResult:
    """Simulate a compiled crisis (see :func:`simulate_crisis`)."""
    from casus.errors import ScenarioError

    if runs < 1:
        raise ScenarioError(f"runs must be at least 1, got {runs}")
    if chunk_size < 1:
        raise ScenarioError(f"chunk_size must be at least 1, got {chunk_size}")
    seed = root_seed(rng)
    n_chunks = -(-runs // chunk_size)
    tally = _Tally(
        responses=np.zeros(len(RESPONSES), np.int64),
        members=np.zeros((c.n, 4), np.int64),
        troops=np.zeros(len(TROOP_BINS) - 1, np.int64),
        days=np.zeros(len(DAY_BINS) - 1, np.int64),
    )
    for k, gen in enumerate(spawn_generators(seed, n_chunks)):
        _run_chunk(c, gen, min(chunk_size, runs - k * chunk_size), tally)
    return CrisisResult(
        compiled=c,
        seed=seed,
        runs=runs,
        chunk_size=chunk_size,
        response_counts=tuple(int(x) for x in tally.responses),
        member_counts=tally.members,
        exact=exact_responses(c),
        troops=Histogram(TROOP_BINS, tally.troops, tally.troops_sum, tally.deployments),
        days=Histogram(DAY_BINS, tally.days, tally.days_sum, tally.deployments),
    )


def simulate_crisis(
    kb: KnowledgeBase,
    scenario: Scenario,
    evidence: Evidence | None = None,
    *,
    runs: int = 100_000,
    rng: RngLike = None,
    params: Params | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> CrisisResult:
    """Simulate how an organization and its members answer a request for help.

    Args:
        kb: The knowledge base (membership and treaties as of the scenario date).
        scenario: The scenario.
        evidence: Country data (:func:`casus.sim.crisis.io.load_evidence`); default: none.
        runs: Number of replications.
        rng: Seed, generator or ``None`` (see :mod:`casus.sim.rng`); the root seed is in the result.
        params: Base parameters (the scenario's overrides apply on top).
        chunk_size: Replications per chunk (memory ∝ chunk_size × members).

    Returns:
        Probabilities of each response with Wilson intervals, each member's choice distribution and
        reasons, deployment size and timing — illustrative, not a forecast.

    Raises:
        ScenarioError: A bad scenario or argument.
    """
    return run_compiled(compile_crisis(kb, scenario, evidence, params), runs, rng, chunk_size=chunk_size)
