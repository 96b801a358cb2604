"""Backtest: the crisis model run on curated real episodes, "as of the day before", and scored.

Each :class:`Episode` (``casus/curated/data/episodes.yaml``) is a real request for help or invocation,
with what was asked (forces, assistance, consultations) and what the organization did, coded on the
simulation's four responses. :func:`backtest` builds the scenario as of the day before the episode
(membership, treaties and data as they stood then), computes the model's *exact* response probabilities
(no sampling noise, so the backtest is deterministic) and scores the probability that the request is
honoured with the Brier score and the log loss, against four baselines:

* ``base_rate_post1945`` — 22 %: alliance commitments honoured 1945–2003 (Berkemeier & Fuhrmann 2018);
* ``base_rate_leeds`` — 74.5 %: honoured 1816–1944 (Leeds, Long & Mitchell 2000);
* ``always_honoured`` — 100 %;
* ``episode_frequency`` — the share of the *other* episodes that were honoured (leave-one-out);
* ``two_number_rule`` — a request for consultations is honoured (1.0), a request for forces or assistance
  is honoured at the post-1945 rate (22 %): the rule the model must beat to show skill of its own.

Log losses clip probabilities to [0.01, 0.99] so that a sure forecast that fails costs 4.6 nats, not
infinity. The multi-class Brier score of the four responses is reported for the model alongside.

References:
    Brier, Glenn W. 1950. "Verification of Forecasts Expressed in Terms of Probability." *Monthly
    Weather Review* 78(1): 1–3.

    Leeds, Long & Mitchell 2000; Berkemeier & Fuhrmann 2018 (see :mod:`casus.sim.crisis.params`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from casus.errors import CasusError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.params import Params
from casus.sim.crisis.scenario import RESPONSES, RequestKind, Response, Scenario

EPS = 0.01

HELP: tuple[str, ...] = ("forces", "material", "measures", "statement", "none")
"""What a requester received, from most to least (the codebook's ``help`` field)."""

DEFAULT_HELP: dict[Response, str] = {
    Response.COLLECTIVE_DEPLOYMENT: "forces",
    Response.BILATERAL_ONLY: "material",
    Response.STATEMENT_OR_MISSION: "statement",
    Response.NOTHING: "none",
}

BASELINES: dict[str, str] = {
    "base_rate_post1945": "22 % honoured, 1945–2003 (Berkemeier & Fuhrmann 2018)",
    "base_rate_leeds": "74.5 % honoured, 1816–1944 (Leeds, Long & Mitchell 2000)",
    "always_honoured": "every request honoured",
    "episode_frequency": "share of the other episodes honoured (leave-one-out)",
    "two_number_rule": "consultations honoured; forces or assistance at the post-1945 rate (22 %)",
}


def two_number_rule(request: RequestKind) -> float:
    """The two-number rule's forecast: 1.0 for a request for consultations, else the post-1945 rate (0.22)."""
    return 1.0 if request is RequestKind.CONSULTATION else 0.22


@dataclass(frozen=True)
class EpisodeSource:
    """A citation: publisher, title, date, and URL only where it is sure."""

    publisher: str
    title: str
    date: dt.date | None = None
    url: str | None = None
    note: str = ""

    def cite(self) -> str:
        """One-line citation."""
        parts = [self.publisher, f"“{self.title}”", self.date.isoformat() if self.date else ""]
        return ", ".join(p for p in parts if p) + (f", {self.url}" if self.url else "")


@dataclass(frozen=True)
class Episode:
    """A real request for help or invocation, and what the organization did.

    Attributes:
        id: Stable id (``kazakhstan-2022-01``).
        date: Date of the request or invocation.
        organization: Organization id or treaty id (treaty-only alliances).
        requester: State that asked (or on whose behalf the article was invoked).
        target: State attacked, threatened or in unrest (default: the requester).
        adversary: The attacker (a state, or ``non-state:NAME``).
        kind: ``armed-attack``, ``threat`` or ``unrest``.
        place: Where, when not the target's whole territory.
        disputed: Whether the place is disputed.
        article: The article invoked (informational).
        request: What was asked for.
        decision_rule: Overrides the deciding body's rule when the knowledge base has no body for it.
        outcome: What happened, on the simulation's response categories.
        summary: One or two sentences on what happened.
        sources: Citations.
        request_made: Whether help was formally requested (``False``: the organization was expected to act,
            or pointedly was not asked; ``request`` is then the help at stake).
        help: What the requester actually received, finer than ``outcome``: ``forces``, ``material``,
            ``measures`` (sanctions against the adversary), ``statement`` or ``none`` (see
            ``docs/episodes-codebook.md``).
        member_against_member: Whether the adversary is itself a party of the organization on the date.
    """

    id: str
    date: dt.date
    organization: str
    requester: str
    target: str
    adversary: str
    kind: str
    place: str | None
    disputed: bool
    article: str | None
    request: RequestKind
    decision_rule: str | None
    outcome: Response
    summary: str
    sources: tuple[EpisodeSource, ...]
    request_made: bool = True
    help: str = ""
    member_against_member: bool = False

    def __post_init__(self) -> None:
        if not self.help:
            object.__setattr__(self, "help", DEFAULT_HELP[self.outcome])
        if self.help not in HELP:
            raise CasusError(f"episode {self.id}: help {self.help!r} is not one of {', '.join(HELP)}")

    @property
    def era(self) -> str:
        """``cold-war`` (before 1991), ``post-cold-war`` (1991–2013) or ``recent`` (2014 on)."""
        if self.date.year < 1991:
            return "cold-war"
        return "post-cold-war" if self.date.year < 2014 else "recent"

    @property
    def stratum(self) -> str:
        """The hold-out stratum: request kind (``none`` when no request was made) and era."""
        return f"{self.request.value if self.request_made else 'none'}/{self.era}"

    @property
    def honoured(self) -> bool:
        """Whether the request was honoured (see :meth:`RequestKind.honoured_by`)."""
        return self.outcome in self.request.honoured_by()

    def scenario(self) -> Scenario:
        """The episode as a scenario dated the day before."""
        return Scenario(
            name=self.id,
            title=self.summary[:80],
            on=self.date - dt.timedelta(days=1),
            requested=self.request_made,
            organization=self.organization,
            attacker=self.adversary,
            target=self.target,
            requester=self.requester,
            kind=self.kind,
            place=self.place,
            disputed=self.disputed,
            article=self.article,
            request=self.request,
            decision_rule=self.decision_rule,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class EpisodeScore:
    """One episode's forecast and scores (``error`` set when the model could not be run)."""

    episode: Episode
    probabilities: dict[Response, float]
    p_honoured: float
    brier: dict[str, float]
    log_loss: dict[str, float]
    brier_multiclass: float
    basis: str = ""
    rule: str = ""
    error: str | None = None
    forecasts: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BacktestResult:
    """Scores per episode and overall (means over the episodes that ran)."""

    episodes: tuple[EpisodeScore, ...]
    split: str = "all"
    params_source: str = "hand-set"

    @property
    def scored(self) -> tuple[EpisodeScore, ...]:
        """Episodes that ran."""
        return tuple(e for e in self.episodes if e.error is None)

    def mean(self, metric: str, forecaster: str = "model", *, military_only: bool = False) -> float:
        """Mean Brier (``brier``) or log loss (``log_loss``) of the model or a baseline.

        ``military_only`` keeps the requests for forces or assistance — the cases the published base rates
        speak to — and leaves out requests for consultations, which are cheap to honour.
        """
        vals = [
            getattr(e, metric)[forecaster]
            for e in self.scored
            if not military_only or e.episode.request is not RequestKind.CONSULTATION
        ]
        return sum(vals) / len(vals) if vals else math.nan

    def summary(self, *, military_only: bool = False) -> dict[str, dict[str, float]]:
        """Mean Brier score and log loss by forecaster (optionally on requests for forces or assistance only)."""
        return {
            f: {
                "brier": self.mean("brier", f, military_only=military_only),
                "log_loss": self.mean("log_loss", f, military_only=military_only),
            }
            for f in ("model", *BASELINES)
        }

    @property
    def beats_base_rate(self) -> bool:
        """Whether the model's mean Brier score is below both published base rates'."""
        m = self.mean("brier")
        return m < self.mean("brier", "base_rate_post1945") and m < self.mean("brier", "base_rate_leeds")

    def reliability(self, forecaster: str = "model", bins: int = 5) -> list[dict[str, float | int]]:
        """Reliability table: per equal-width probability bin, the mean forecast, the observed share, the count."""
        rows: list[dict[str, float | int]] = []
        for b in range(bins):
            lo, hi = b / bins, (b + 1) / bins
            inside = [
                e
                for e in self.scored
                if lo <= e.forecasts[forecaster] < hi or (b == bins - 1 and e.forecasts[forecaster] == 1.0)
            ]
            if inside:
                rows.append(
                    {
                        "low": lo,
                        "high": hi,
                        "mean_forecast": sum(e.forecasts[forecaster] for e in inside) / len(inside),
                        "observed": sum(e.episode.honoured for e in inside) / len(inside),
                        "n": len(inside),
                    }
                )
        return rows

    def to_dict(self) -> dict[str, Any]:
        """JSON contract of ``casus backtest --format json``."""
        rows = []
        for e in self.episodes:
            ep = e.episode
            rows.append(
                {
                    "id": ep.id,
                    "date": ep.date.isoformat(),
                    "organization": ep.organization,
                    "requester": ep.requester,
                    "adversary": ep.adversary,
                    "request": ep.request.value,
                    "outcome": ep.outcome.value,
                    "honoured": ep.honoured,
                    "basis": e.basis,
                    "rule": e.rule,
                    "p_honoured": e.p_honoured,
                    "probabilities": {r.value: p for r, p in e.probabilities.items()},
                    "brier": e.brier,
                    "log_loss": e.log_loss,
                    "brier_multiclass": e.brier_multiclass,
                    "error": e.error,
                    "sources": [s.cite() for s in ep.sources],
                    "request_made": ep.request_made,
                    "help": ep.help,
                    "member_against_member": ep.member_against_member,
                    "stratum": ep.stratum,
                }
            )
        return {
            "label": "Backtest of an illustrative model on curated episodes (in-sample for the episodes that "
            "informed the model's design; see docs/simulation.md).",
            "baselines": BASELINES,
            "summary": self.summary(),
            "summary_military_requests": self.summary(military_only=True),
            "beats_base_rate": self.beats_base_rate,
            "split": self.split,
            "params": self.params_source,
            "reliability": {f: self.reliability(f) for f in ("model", "two_number_rule")},
            "episodes": rows,
        }


def _log_loss(p: float, y: bool) -> float:
    q = min(1 - EPS, max(EPS, p))
    return -math.log(q if y else 1 - q)


def backtest(
    kb: KnowledgeBase,
    episodes: tuple[Episode, ...] | list[Episode],
    evidence: Evidence | None = None,
    params: Params | None = None,
    *,
    split: str = "all",
    params_source: str = "hand-set",
) -> BacktestResult:
    """Run the model on each episode as of the day before and score it against the baselines.

    Args:
        kb: The knowledge base.
        episodes: The episodes (:func:`casus.sim.crisis.io.load_episodes`).
        evidence: Country data; default none.
        params: Model parameters; default the hand-set ones.
        split: Name of the episodes' split (``all``, ``train``, ``holdout``), recorded in the result.
        params_source: Where the parameters come from (``hand-set`` or ``fitted``), recorded in the result.

    Returns:
        Scores per episode and overall. An episode the model cannot run (an organization missing from the
        knowledge base) is kept with its ``error`` and left out of the means.
    """
    honoured = [e.honoured for e in episodes]
    out = []
    for i, ep in enumerate(episodes):
        others = honoured[:i] + honoured[i + 1 :]
        freq = sum(others) / len(others) if others else 0.5
        y = ep.honoured
        try:
            compiled = compile_crisis(kb, ep.scenario(), evidence, params)
        except CasusError as err:
            out.append(EpisodeScore(ep, {}, math.nan, {}, {}, math.nan, error=str(err)))
            continue
        probs = exact_responses(compiled)
        ok = ep.request.honoured_by()
        p = sum(probs[r] for r in RESPONSES if r in ok)  # in a fixed order: the same sum, bit for bit
        forecasts = {
            "model": p,
            "base_rate_post1945": 0.22,
            "base_rate_leeds": 0.745,
            "always_honoured": 1.0,
            "episode_frequency": freq,
            "two_number_rule": two_number_rule(ep.request),
        }
        out.append(
            EpisodeScore(
                ep,
                probs,
                p,
                {k: (v - y) ** 2 for k, v in forecasts.items()},
                {k: _log_loss(v, y) for k, v in forecasts.items()},
                sum((probs[r] - (r is ep.outcome)) ** 2 for r in RESPONSES),
                basis=compiled.procedure.basis.value,
                rule=compiled.procedure.rule.value,
                forecasts=forecasts,
            )
        )
    return BacktestResult(tuple(out), split, params_source)
