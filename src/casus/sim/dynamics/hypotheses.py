"""The two hypotheses of the CSTO article, tested on the fitted hazard models.

(a) **Threat brings members.** The CSTO's Secretary General said in June 2024 that worsening global security
may bring new members. Tested by the coefficient on the system threat measure (standardised MID onsets of
the previous year) in the accession model, with robustness checks: the training period only, onsets per
system state, and ATOP's four eras as fixed effects (so that only variation within an era counts).

(b) **Cohesion.** A member left unassisted after asking for help (Armenia, September 2022) becomes more
likely to suspend or leave. ATOP does not code requests, so the proxy is a MID in which the member was an
original target (side B, originator) of states outside the alliance and no other member joined on its
side, in the three previous years (``unassisted``), controlling for being targeted at all
(``targeted``). Tested by the coefficient on ``unassisted`` in the exit model.

Both are associations in observational data, not causal effects; :attr:`Effect.reading` says so in plain
words next to the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from casus.sim.dynamics.hazard import TERMS, FittedHazard, HazardSuite, ModelName, fit_hazard

_Z = 1.959964


@dataclass(frozen=True)
class Estimate:
    """One coefficient with its 95% interval (log-odds) and the sample it came from.

    Attributes:
        label: What the estimate is (``main``, ``per-state threat``…).
        coef: Coefficient.
        se: Clustered standard error.
        n: Unit-years.
        events: Events.
    """

    label: str
    coef: float
    se: float
    n: int
    events: int

    @property
    def ci(self) -> tuple[float, float]:
        """95% interval of the coefficient."""
        return self.coef - _Z * self.se, self.coef + _Z * self.se

    @property
    def odds_ratio(self) -> tuple[float, float, float]:
        """Odds ratio and its 95% interval."""
        lo, hi = self.ci
        return float(np.exp(self.coef)), float(np.exp(lo)), float(np.exp(hi))

    @property
    def p(self) -> float:
        """Two-sided p-value."""
        from scipy import stats

        return float(2 * stats.norm.sf(abs(self.coef / self.se)))

    def as_dict(self) -> dict[str, object]:
        """JSON-ready."""
        orr, lo, hi = self.odds_ratio
        return {
            "label": self.label, "coef": self.coef, "se": self.se, "ci": list(self.ci), "odds_ratio": orr,
            "odds_ratio_ci": [lo, hi], "p": self.p, "n": self.n, "events": self.events,
        }  # fmt: skip


@dataclass(frozen=True)
class Effect:
    """A hypothesis test: the main estimate, robustness checks, counts and a plain-language reading.

    Attributes:
        hypothesis: The claim tested.
        term: The covariate.
        model: The model it sits in.
        main: Full-sample estimate.
        checks: Robustness estimates.
        counts: Descriptive counts behind the estimate.
        reading: What the numbers say, in plain words.
    """

    hypothesis: str
    term: str
    model: str
    main: Estimate
    checks: tuple[Estimate, ...]
    counts: dict[str, float]
    reading: str

    def as_dict(self) -> dict[str, object]:
        """JSON-ready."""
        return {
            "hypothesis": self.hypothesis, "term": self.term, "model": self.model, "main": self.main.as_dict(),
            "checks": [c.as_dict() for c in self.checks], "counts": self.counts, "reading": self.reading,
        }  # fmt: skip


def _estimate(fit: FittedHazard, term: str, label: str) -> Estimate:
    coef, se = fit.coef(term)
    return Estimate(label, coef, se, fit.n, fit.events)


def _refit(frame: pd.DataFrame, model: ModelName, fit: FittedHazard, label: str, term: str, **kw: object) -> Estimate:
    return _estimate(fit_hazard(frame, model, fit.duration, **kw), term, label)  # type: ignore[arg-type]


def _eras(frame: pd.DataFrame) -> pd.DataFrame:
    y = frame["year"].to_numpy()
    return frame.assign(
        era_1914=((y >= 1914) & (y <= 1944)).astype(np.int64),
        era_1945=((y >= 1945) & (y <= 1989)).astype(np.int64),
        era_1990=(y >= 1990).astype(np.int64),
    )


def _verdict(e: Estimate, positive: str, negative: str) -> str:
    lo, hi = e.ci
    if lo > 0:
        return positive
    if hi < 0:
        return negative
    return "the interval includes no effect"


def threat_effect(suite: HazardSuite) -> Effect:
    """Hypothesis (a): the system threat coefficient in the accession model, with robustness checks."""
    fit = suite.models["accession"]
    rs = suite.risk_sets["accession"]
    main = _estimate(fit, "threat", "main (1816-2018)")
    eras = (*TERMS["accession"], "era_1914", "era_1945", "era_1990")
    checks = (
        _refit(rs.loc[rs["year"] <= suite.split_year], "accession", fit, f"through {suite.split_year}", "threat"),
        _refit(rs.assign(threat=rs["threat_per_state"]), "accession", fit, "onsets per system state", "threat"),
        _refit(_eras(rs), "accession", fit, "with era fixed effects", "threat", terms=eras),
        _estimate(suite.models["exit"], "threat", "exit model (members leaving)"),
        _estimate(suite.models["termination"], "threat", "termination model (alliances ending)"),
    )
    orr, lo, hi = main.odds_ratio
    sd = suite.threat_scale.sd
    era, per_state = checks[2], checks[1]
    if main.ci[0] > 0:
        conclusion = "the pooled data are consistent with the claim, though they cannot show that threat causes it."
    elif main.ci[1] < 0:
        conclusion = "the pooled association runs against the claim."
    else:
        conclusion = "the data give no support to the claim that worsening global security brings new members."
    reading = (
        f"Across {main.n:,} state-alliance-years with {main.events} accessions to multilateral ATOP alliances, a "
        f"rise of one standard deviation in the previous year's MID onsets (about {sd:.0f} more disputes) goes "
        f"with {abs(orr - 1) * 100:.0f}% {'higher' if orr >= 1 else 'lower'} odds that a given non-member joins a "
        f"given alliance that year (odds ratio {orr:.2f}, 95% CI {lo:.2f}-{hi:.2f}): "
        f"{_verdict(main, 'consistent with the claim', 'the opposite of the claim')}. Within ATOP's four eras the "
        f"odds ratio is {era.odds_ratio[0]:.2f} ({era.odds_ratio[1]:.2f}-{era.odds_ratio[2]:.2f}); with onsets per "
        f"system state it is {per_state.odds_ratio[0]:.2f} ({per_state.odds_ratio[1]:.2f}-"
        f"{per_state.odds_ratio[2]:.2f}). Global dispute counts are a coarse proxy for the insecurity a given "
        f"state feels, and this is an association, not a causal effect: {conclusion}"
    )
    return Effect(
        "Worsening global security brings new members (CSTO Secretary General, June 2024).",
        "threat",
        "accession",
        main,
        checks,
        {"threat_sd_onsets": sd, "threat_mean_onsets": suite.threat_scale.mean},
        reading,
    )


def cohesion_effect(suite: HazardSuite) -> Effect:
    """Hypothesis (b): the ``unassisted`` coefficient in the exit model, with counts and checks."""
    fit = suite.models["exit"]
    rs = suite.risk_sets["exit"]
    main = _estimate(fit, "unassisted", "main (targeted controlled)")
    no_targeted = tuple(t for t in fit.terms if t != "targeted")
    checks = (
        _refit(rs, "exit", fit, "without the targeted control", "unassisted", terms=no_targeted),
        _refit(rs.loc[~rs["imputed"].to_numpy(bool)], "exit", fit, "MID-observed years only", "unassisted"),
        _estimate(fit, "targeted", "targeted at all (any MID as original target)"),
        _estimate(fit, "mid_with_ally", "dispute with an ally"),
    )
    un = rs["unassisted"].to_numpy(bool)
    ev = rs["event"].to_numpy(bool)
    counts: dict[str, float] = {
        "member_years_unassisted": float(un.sum()),
        "exits_unassisted": float((un & ev).sum()),
        "rate_unassisted": float(ev[un].mean()) if un.any() else float("nan"),
        "member_years_other": float((~un).sum()),
        "exits_other": float((~un & ev).sum()),
        "rate_other": float(ev[~un].mean()),
    }
    orr, lo, hi = main.odds_ratio
    verdict = _verdict(main, "consistent with the cohesion hypothesis", "the opposite of the hypothesis")
    reading = (
        f"Among {main.n:,} member-years of multilateral alliances ({main.events} withdrawals), members left "
        f"unassisted in a MID in the previous three years withdrew at {counts['rate_unassisted'] * 100:.2f}% a "
        f"year ({counts['exits_unassisted']:.0f} of {counts['member_years_unassisted']:.0f}) against "
        f"{counts['rate_other'] * 100:.2f}% otherwise. Controlling for the rest, the odds ratio is {orr:.2f} "
        f"(95% CI {lo:.2f}-{hi:.2f}): {verdict}. The proxy is weak: most targeted members are never helped in "
        "a MID, ATOP does not record requests for help, withdrawals are rare, and suspension (Armenia's 2024 "
        "freeze) is not coded at all. The data can neither confirm nor rule out that Armenia's experience "
        "generalises."
    )
    return Effect(
        "A member left unassisted after a request becomes more likely to suspend or leave (Armenia, 2022-2024).",
        "unassisted",
        "exit",
        main,
        checks,
        counts,
        reading,
    )
