"""Discrete-time hazard models of alliance membership: accession, exit and termination.

Each model is a logit on the unit-years of its risk set (:mod:`casus.sim.dynamics.risksets`) with duration
dependence through ``log(time)`` (default) or a cubic polynomial in time (Carter & Signorino 2010).
Standard errors are clustered two ways, by unit (state or alliance) and by year: the system threat
measure takes one value per year, so ignoring the year cluster would overstate its precision.

:func:`fit_hazard_models` fits each model twice: through ``split_year`` (1990) to score the years after it
out of sample (AUC, Brier score and the Brier score of the training base rate), and on every year for the
coefficients, the two hypotheses (:mod:`casus.sim.dynamics.hypotheses`) and simulation
(:mod:`casus.sim.dynamics.simulate`).

References:
    Beck, Nathaniel, Jonathan N. Katz, and Richard Tucker. 1998. "Taking Time Seriously." *American
    Journal of Political Science* 42(4): 1260-1288.

    Carter, David B., and Curtis S. Signorino. 2010. "Back to the Future: Modeling Time Dependence in
    Binary Data." *Political Analysis* 18(3): 271-292.

    Cameron, A. Colin, Jonah B. Gelbach, and Douglas L. Miller. 2011. "Robust Inference with Multiway
    Clustering." *Journal of Business & Economic Statistics* 29(2): 238-249.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.errors import InvalidInputError
from casus.sim.panel import F64, DynamicsFrames, ThreatScale, state_panel, threat_series

ModelName = Literal["accession", "exit", "termination"]
Duration = Literal["log", "cubic"]

TERMS: dict[str, tuple[str, ...]] = {
    "accession": (
        "threat", "log_cinc", "major", "mid_any", "same_region", "tied", "former", "log_size", "open", "n_multi",
    ),
    "exit": (
        "threat", "log_cinc", "cinc_share", "log_size", "mid_any", "mid_with_ally", "targeted", "unassisted",
    ),
    "termination": ("threat", "bilat", "defense", "organ", "log_size", "major", "log_cinc_total", "intra_mid"),
}  # fmt: skip
"""Covariates of each model (besides the constant and the duration terms)."""

CLOCK = {"accession": "log_age", "exit": "log_dur", "termination": "log_age"}
"""The time variable of each model: alliance age (accession, termination) or spell duration (exit)."""

_CUBIC = re.compile(r"(log_age|log_dur)_t([23]?)")


def term_names(model: ModelName, duration: Duration = "log", terms: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Names of a model's terms: constant, duration terms, covariates (default :data:`TERMS`)."""
    clock = CLOCK[model]
    if duration == "log":
        dur: tuple[str, ...] = (clock,)
    elif duration == "cubic":
        dur = (f"{clock}_t", f"{clock}_t2", f"{clock}_t3")
    else:
        raise InvalidInputError(f"duration {duration!r} is not supported; use 'log' or 'cubic'")
    return ("const", *dur, *(TERMS[model] if terms is None else terms))


def design_from(names: tuple[str, ...], columns: Mapping[str, npt.ArrayLike]) -> F64:
    """Stack the named terms of ``columns`` (broadcast together) along a new last axis.

    Cubic duration terms (``log_age_t`` …) are computed from the clock column (``log_age``: the log of
    the time in years) as ``t/10`` and its powers; ``const`` is 1.
    """
    arrays = {k: np.asarray(v, dtype=np.float64) for k, v in columns.items()}
    shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    out = np.empty((*shape, len(names)), dtype=np.float64)
    for j, name in enumerate(names):
        cubic = _CUBIC.fullmatch(name)
        if name == "const":
            out[..., j] = 1.0
        elif cubic:
            t = np.exp(arrays[cubic.group(1)]) / 10.0
            out[..., j] = t ** int(cubic.group(2) or 1)
        else:
            out[..., j] = arrays[name]
    return out


def design(
    frame: pd.DataFrame, model: ModelName, duration: Duration = "log", terms: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], F64]:
    """Design matrix of a model on a risk set: constant, duration terms, covariates.

    Args:
        frame: A risk set with the model's columns.
        model: ``accession``, ``exit`` or ``termination``.
        duration: ``log`` (one term) or ``cubic`` (``t/10``, its square and cube; ``t`` in years).
        terms: Covariates replacing the model's default :data:`TERMS` (for robustness checks).

    Returns:
        ``(names, X)``.
    """
    names = term_names(model, duration, terms)
    needed = {CLOCK[model], *(n for n in names if n in frame.columns)}
    return names, design_from(names, {c: frame[c].to_numpy(np.float64) for c in needed})


@dataclass(frozen=True)
class FittedHazard:
    """A fitted logit hazard model.

    Attributes:
        model: ``accession``, ``exit`` or ``termination``.
        names: Term names, in the order of ``params``.
        params: Coefficients (log-odds).
        cov: Their covariance, clustered by unit and by year.
        n: Unit-years used.
        events: Events among them.
        years: First and last year used.
        duration: Duration specification.
        terms: The covariates (``names`` without the constant and duration terms).
    """

    model: ModelName
    names: tuple[str, ...]
    params: F64
    cov: F64
    n: int
    events: int
    years: tuple[int, int]
    duration: Duration = "log"
    terms: tuple[str, ...] = ()

    def design(self, frame: pd.DataFrame) -> F64:
        """This model's design matrix on a risk set."""
        return design(frame, self.model, self.duration, self.terms)[1]

    def predict(self, x: F64, params: F64 | None = None) -> F64:
        """Event probabilities of design rows ``x`` (``params``: one vector, or one per row's leading axes)."""
        b = self.params if params is None else params
        eta = np.einsum("...k,...k->...", x, b) if b.ndim > 1 else x @ b
        return 1.0 / (1.0 + np.exp(-eta))

    def coef(self, term: str) -> tuple[float, float]:
        """``(coefficient, standard error)`` of a term."""
        i = self.names.index(term)
        return float(self.params[i]), float(np.sqrt(self.cov[i, i]))

    def table(self) -> pd.DataFrame:
        """Coefficients with clustered standard errors, 95% intervals, odds ratios and p-values."""
        from scipy import stats

        se = np.sqrt(np.diag(self.cov))
        z = self.params / se
        return pd.DataFrame(
            {
                "term": self.names,
                "coef": self.params,
                "se": se,
                "ci_low": self.params - 1.959964 * se,
                "ci_high": self.params + 1.959964 * se,
                "odds_ratio": np.exp(self.params),
                "p": 2 * stats.norm.sf(np.abs(z)),
            }
        )

    def draw(self, rng: np.random.Generator, size: int) -> F64:
        """Coefficient vectors drawn from the estimated sampling distribution (normal, clustered covariance)."""
        w, v = np.linalg.eigh((self.cov + self.cov.T) / 2)
        root = v * np.sqrt(np.clip(w, 0.0, None))  # a two-way clustered matrix may be slightly indefinite
        z = rng.standard_normal((size, len(self.params)))
        out: F64 = self.params + z @ root.T
        return out


def fit_hazard(
    frame: pd.DataFrame, model: ModelName, duration: Duration = "log", terms: tuple[str, ...] | None = None
) -> FittedHazard:
    """Fit one logit hazard model on a risk set (clustered by ``cluster`` and ``year``).

    Args:
        frame: The risk set.
        model: Which model the risk set is for.
        duration: Duration specification.
        terms: Covariates replacing the model's default :data:`TERMS` (for robustness checks).

    Raises:
        InvalidInputError: No event in the data, or the fit does not converge.
    """
    import statsmodels.api as sm

    if int(frame["event"].sum()) == 0:
        raise InvalidInputError(f"{model}: no event in the {len(frame)} unit-years given; cannot fit")
    terms = TERMS[model] if terms is None else terms
    names, x = design(frame, model, duration, terms)
    y = frame["event"].to_numpy(np.float64)
    groups = np.column_stack([pd.factorize(frame["cluster"])[0], pd.factorize(frame["year"])[0]])
    res = sm.Logit(y, x).fit(disp=0, maxiter=200, cov_type="cluster", cov_kwds={"groups": groups})
    if not res.mle_retvals.get("converged", True):
        raise InvalidInputError(f"{model}: the logit did not converge")
    years = frame["year"].to_numpy()
    return FittedHazard(
        model,
        names,
        np.asarray(res.params, dtype=np.float64),
        np.asarray(res.cov_params(), dtype=np.float64),
        len(frame),
        int(y.sum()),
        (int(years.min()), int(years.max())),
        duration,
        terms,
    )


@dataclass(frozen=True)
class Validation:
    """Out-of-sample scores of one model: fitted through ``split_year``, scored on the years after.

    Attributes:
        model: Model name.
        split_year: Last training year.
        n_train: Training unit-years.
        events_train: Training events.
        n_test: Test unit-years.
        events_test: Test events.
        auc: Area under the ROC curve on the test years.
        brier: Brier score on the test years.
        brier_base: Brier score of predicting the training base rate everywhere.
        auc_observed: AUC on test rows whose MID covariates are observed (years to the last MID year + 1).
        brier_observed: Brier score on those rows.
        brier_base_observed: Base-rate Brier score on those rows.
    """

    model: str
    split_year: int
    n_train: int
    events_train: int
    n_test: int
    events_test: int
    auc: float
    brier: float
    brier_base: float
    auc_observed: float
    brier_observed: float
    brier_base_observed: float

    @property
    def brier_skill(self) -> float:
        """``1 - brier / brier_base``: above 0 beats the base rate."""
        return 1.0 - self.brier / self.brier_base


def _scores(y: F64, p: F64, base: float) -> tuple[float, float, float]:
    from sklearn.metrics import roc_auc_score

    auc = float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")
    return auc, float(np.mean((p - y) ** 2)), float(np.mean((base - y) ** 2))


def validate_hazard(
    frame: pd.DataFrame, model: ModelName, split_year: int = 1990, duration: Duration = "log"
) -> Validation:
    """Fit on years up to ``split_year`` and score the later years (see :class:`Validation`)."""
    train = frame.loc[frame["year"] <= split_year]
    test = frame.loc[frame["year"] > split_year]
    fit = fit_hazard(train, model, duration)
    base = float(train["event"].mean())
    p = fit.predict(fit.design(test))
    y = test["event"].to_numpy(np.float64)
    obs = ~test["imputed"].to_numpy(bool)
    auc, brier, bb = _scores(y, p, base)
    auc_o, brier_o, bb_o = _scores(y[obs], p[obs], base)
    return Validation(
        model, split_year, len(train), int(train["event"].sum()), len(test), int(y.sum()), auc, brier, bb,
        auc_o, brier_o, bb_o,
    )  # fmt: skip


@dataclass(frozen=True)
class HazardSuite:
    """The three fitted models, their out-of-sample scores and what simulation needs to reuse them.

    Attributes:
        models: Full-sample fits by name.
        validation: Out-of-sample scores by name.
        risk_sets: The risk sets the models were fitted on.
        threat_scale: Standardisation of the threat measure.
        threat_last: Threat value of the last year with MID data (the start of a "flat" path).
        split_year: Last training year of the validation.
        versions: Dataset versions.
    """

    models: dict[str, FittedHazard]
    validation: dict[str, Validation]
    risk_sets: dict[str, pd.DataFrame] = field(repr=False)
    threat_scale: ThreatScale
    threat_last: float
    split_year: int
    versions: dict[str, str]

    def validation_table(self) -> pd.DataFrame:
        """One row per model with its out-of-sample figures."""
        rows = []
        for v in self.validation.values():
            rows.append({**v.__dict__, "brier_skill": v.brier_skill})
        return pd.DataFrame(rows)


def build_risk_sets(frames: DynamicsFrames) -> tuple[dict[str, pd.DataFrame], ThreatScale, float]:
    """The three risk sets, the threat standardisation and the last observed threat value."""
    from casus.sim.dynamics.risksets import accession_risk_set, exit_risk_set, termination_risk_set

    panel = state_panel(frames)
    threat = threat_series(frames, panel)
    sets = {
        "accession": accession_risk_set(frames, panel, threat),
        "exit": exit_risk_set(frames, panel, threat),
        "termination": termination_risk_set(frames, panel, threat),
    }
    last = float(threat.at(panel.mid_last + 1)[()])  # onsets of the last MID year
    return sets, threat.scale, last


def fit_hazard_models(frames: DynamicsFrames, *, split_year: int = 1990, duration: Duration = "log") -> HazardSuite:
    """Build the risk sets and fit, validate and refit the three hazard models.

    Args:
        frames: The loaded datasets.
        split_year: Last year of the training period of the out-of-sample check (test: the years after,
            to 2018).
        duration: Duration specification (``log`` or ``cubic``).

    Returns:
        The suite of fitted models.
    """
    sets, scale, last = build_risk_sets(frames)
    names: tuple[ModelName, ...] = ("accession", "exit", "termination")
    models: dict[str, FittedHazard] = {m: fit_hazard(sets[m], m, duration) for m in names}
    validation: dict[str, Validation] = {m: validate_hazard(sets[m], m, split_year, duration) for m in names}
    return HazardSuite(models, validation, sets, scale, last, split_year, dict(frames.versions))
