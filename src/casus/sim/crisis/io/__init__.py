"""The crisis model's adapter: scenario and episode files (YAML) and the country datasets (COW, ATOP).

Everything the crisis model reads from disk comes through here; the model itself (:mod:`casus.sim.crisis`)
takes the objects these functions return.

Scenario files. A scenario file::

    name: armenia-2022-09
    title: Azerbaijani attack on Armenia's territory
    date: 2022-09-13                         # (not `on:`, which YAML reads as true)
    organization: CSTO
    event: {attacker: Azerbaijan, target: Armenia, kind: armed-attack}
    request: {by: Armenia, article: "4", asks: forces}
    overrides: {base_reliability: 0.22}     # optional, any parameter of casus.sim.crisis.params.Params
    force: {Kyrgyzstan: block}               # optional, fix members' choices

is validated with pydantic at the boundary; errors name the file, the line and the field:
``armenia.yaml:7 [event.kind]: …``. Built-in scenarios live in ``casus/sim/crisis/scenarios/`` and are
found by name (``armenia-2022-09``). The curated real episodes of the backtest are in
``casus/curated/data/episodes.yaml``.

Datasets. :func:`load_evidence` fills :class:`~casus.sim.crisis.evidence.Evidence` through the loaders of
:mod:`casus.data` (NMC 7.0, COW major powers 2016, MID 5.0 dyad-years, the reduced ATOP 5.1 directed
dyad-year file). A missing dataset is not an error: that part of the evidence is left empty and the
drivers that need it report "no data".
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from casus import yamlio
from casus.errors import CasusError, ScenarioError, ScenarioFormatError
from casus.extras import missing_extra
from casus.sim.crisis.backtest import Episode, EpisodeSource
from casus.sim.crisis.baserate import BaseRate, base_rate
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.params import Params
from casus.sim.crisis.scenario import Choice, RequestKind, Response, Scenario
from casus.yamlio import line_of

Kind = Literal["armed-attack", "threat", "unrest"]
Rule = Literal["consensus", "unanimity", "qualified_majority", "majority", "two_thirds", "none"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventModel(_Strict):
    """The ``event:`` block."""

    attacker: str = Field(min_length=1)
    target: str = Field(min_length=1)
    place: str | None = None
    disputed: bool = False
    kind: Kind = "armed-attack"


class RequestModel(_Strict):
    """The ``request:`` block."""

    by: str | None = None
    article: str | int | None = None
    asks: RequestKind = RequestKind.ASSISTANCE
    made: bool = True


class ScenarioModel(_Strict):
    """A scenario file."""

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    title: str = ""
    date: dt.date
    organization: str = Field(min_length=1)
    event: EventModel
    request: RequestModel = RequestModel()
    decision_rule: Rule | None = None
    overrides: dict[str, float] = {}
    force: dict[str, Choice] = {}
    description: str = ""
    sources: list[str] = []

    def build(self) -> Scenario:
        """The domain object."""
        return Scenario(
            name=self.name,
            title=self.title,
            on=self.date,
            organization=self.organization,
            attacker=self.event.attacker,
            target=self.event.target,
            requester=self.request.by,
            kind=self.event.kind,
            place=self.event.place,
            disputed=self.event.disputed,
            requested=self.request.made,
            article=None if self.request.article is None else str(self.request.article),
            request=self.request.asks,
            decision_rule=self.decision_rule,  # type: ignore[arg-type]
            overrides=self.overrides,
            forced=self.force,
            description=self.description.strip(),
            sources=tuple(self.sources),
        )


class SourceModel(_Strict):
    """One citation of an episode."""

    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: dt.date | None = None
    url: str | None = None
    note: str = ""


class EpisodeModel(_Strict):
    """One real episode."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    date: dt.date
    organization: str = Field(min_length=1)
    requester: str = Field(min_length=1)
    target: str | None = None
    adversary: str = Field(min_length=1)
    kind: Kind = "armed-attack"
    place: str | None = None
    disputed: bool = False
    article: str | int | None = None
    request: RequestKind
    decision_rule: Rule | None = None
    outcome: Response
    summary: str = Field(min_length=1)
    sources: list[SourceModel] = Field(min_length=1)
    request_made: bool = True
    help: Literal["forces", "material", "measures", "statement", "none"] | None = None
    member_against_member: bool = False

    def build(self) -> Episode:
        """The domain object."""
        return Episode(
            id=self.id,
            date=self.date,
            organization=self.organization,
            requester=self.requester,
            target=self.target or self.requester,
            adversary=self.adversary,
            kind=self.kind,
            place=self.place,
            disputed=self.disputed,
            article=None if self.article is None else str(self.article),
            request=self.request,
            decision_rule=self.decision_rule,
            outcome=self.outcome,
            summary=" ".join(self.summary.split()),
            sources=tuple(EpisodeSource(s.publisher, s.title, s.date, s.url, s.note) for s in self.sources),
            request_made=self.request_made,
            help=self.help or "",
            member_against_member=self.member_against_member,
        )


class EpisodesFile(_Strict):
    """The curated episodes file."""

    episodes: list[EpisodeModel] = Field(min_length=1)


def _error(path: str, message: str, line: int | None = None, field: str | None = None) -> ScenarioError:
    return ScenarioFormatError(path, message, line, field)


def _validate(model: type[_Strict], text: str, path: str) -> Any:
    return yamlio.parse(model, text, path, error=ScenarioFormatError)


def parse_scenario(text: str, path: str = "<scenario>") -> Scenario:
    """Parse and validate a scenario document.

    Raises:
        ScenarioError: Bad YAML, a missing or malformed field, an unknown parameter — with file, line, field.
    """
    model: ScenarioModel = _validate(ScenarioModel, text, path)
    try:
        scenario = model.build()
    except CasusError as exc:
        field = "overrides" if "parameter" in str(exc) else ("force" if "forced" in str(exc) else None)
        line = line_of(text, [field]) if field else None
        raise _error(path, str(exc), line, field) from None
    return scenario.with_changes(reference=training_base_rate(scenario.request))


@functools.lru_cache(maxsize=8)
def training_base_rate(request: RequestKind) -> BaseRate | None:
    """The base rate of a request kind over the training episodes (curated, less the frozen hold-out)."""
    from casus.sim.crisis.split import select

    return base_rate(select(load_episodes(), load_holdout().holdout, "train"), request)


def builtin_scenarios() -> dict[str, str]:
    """Built-in scenario names and their titles."""
    out = {}
    for f in sorted(_scenario_dir().iterdir(), key=lambda p: p.name):
        if f.name.endswith(".yaml"):
            out[f.name[:-5]] = parse_scenario(f.read_text("utf-8"), f.name).title
    return out


def _scenario_dir() -> Any:
    return resources.files("casus.sim.crisis") / "scenarios"


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a scenario from a YAML file, or a built-in one by name (``armenia-2022-09``).

    Raises:
        ScenarioError: Not found (listing the built-in names) or invalid.
    """
    path = Path(name_or_path)
    if path.is_file():
        return parse_scenario(path.read_text("utf-8"), str(path))
    builtin = _scenario_dir() / f"{name_or_path}.yaml"
    if builtin.is_file():
        return parse_scenario(builtin.read_text("utf-8"), f"casus/sim/crisis/scenarios/{name_or_path}.yaml")
    import difflib

    names = sorted(f.name[:-5] for f in _scenario_dir().iterdir() if f.name.endswith(".yaml"))
    close = difflib.get_close_matches(str(name_or_path), names, n=2, cutoff=0.4)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise ScenarioError(
        f"no scenario file {str(name_or_path)!r} and no built-in scenario of that name{hint} "
        f"(built-in: {', '.join(names)})"
    )


def parse_episodes(text: str, path: str = "<episodes>") -> tuple[Episode, ...]:
    """Parse and validate an episodes document.

    Raises:
        ScenarioError: With file, line and field.
    """
    model: EpisodesFile = _validate(EpisodesFile, text, path)
    episodes = tuple(e.build() for e in model.episodes)
    seen: set[str] = set()
    for i, e in enumerate(episodes):
        if e.id in seen:
            raise _error(path, f"episode id {e.id!r} is used twice", line_of(text, ["episodes", i, "id"]), "id")
        seen.add(e.id)
    return episodes


def load_episodes(path: str | Path | None = None) -> tuple[Episode, ...]:
    """The curated real episodes (``casus/curated/data/episodes.yaml``), or those of another file."""
    if path is not None:
        return parse_episodes(Path(path).read_text("utf-8"), str(path))
    f = resources.files("casus.curated") / "data" / "episodes.yaml"
    return parse_episodes(f.read_text("utf-8"), "casus/curated/data/episodes.yaml")


@functools.cache
def load_evidence(nmc_version: str = "7.0") -> Evidence:
    """Evidence from the datasets on this machine (cached per process).

    Args:
        nmc_version: NMC version for CINC and military personnel (``7.0``: 1816–2022; ``6.0``: to 2016).

    Returns:
        The evidence; a dataset that cannot be found leaves its part empty (with a warning), and without
        pandas (the ``[data]`` extra) every part is empty (one warning).
    """
    try:
        import pandas  # noqa: F401  (every dataset below is read through it)
    except ImportError as err:
        warnings.warn(f"datasets unavailable: {missing_extra(err) or err}", stacklevel=2)
        return Evidence()
    parts: dict[str, object] = {}
    try:
        from casus.data.nmc import load_nmc

        nmc = load_nmc(version=nmc_version)
        parts.update(
            nmc_ccode=nmc["ccode"].to_numpy(np.int64),
            nmc_year=nmc["year"].to_numpy(np.int64),
            nmc_cinc=nmc["cinc"].to_numpy(np.float64, na_value=np.nan),
            nmc_milper=nmc["milper"].to_numpy(np.float64, na_value=np.nan),
            nmc_label=f"COW NMC {nmc_version}",
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"capabilities unavailable: {err}", stacklevel=2)
    try:
        from casus.data.cow import load_majors

        majors = load_majors()
        parts.update(
            major_ccode=majors["ccode"].to_numpy(np.int64),
            major_start=np.array([d.toordinal() for d in majors["start_date"].dt.date], dtype=np.int64),
            major_end=np.array([d.toordinal() for d in majors["end_date"].dt.date], dtype=np.int64),
            majors_until=majors["end_date"].max().date(),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"major powers unavailable: {err}", stacklevel=2)
    try:
        from casus.data.mid import mid_dyad_years

        mids = mid_dyad_years()
        onset = mids.loc[mids["mid_onset"] == 1]
        parts.update(
            mid_a=onset["ccode1"].to_numpy(np.int64),
            mid_b=onset["ccode2"].to_numpy(np.int64),
            mid_year=onset["year"].to_numpy(np.int64),
            mid_until=int(mids["year"].max()),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"disputes unavailable: {err}", stacklevel=2)
    try:
        from casus.data.atop import load_atop_ddyr

        ddyr = load_atop_ddyr()
        keep = (ddyr["atop_defense"] + ddyr["atop_consul"]) > 0
        ddyr = ddyr.loc[keep]
        parts.update(
            atop_a=ddyr["ccode1"].to_numpy(np.int64),
            atop_b=ddyr["ccode2"].to_numpy(np.int64),
            atop_year=ddyr["year"].to_numpy(np.int64),
            atop_defense=ddyr["atop_defense"].to_numpy(np.int64),
            atop_consul=ddyr["atop_consul"].to_numpy(np.int64),
            atop_until=int(ddyr["year"].max()),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"alliance pledges unavailable: {err}", stacklevel=2)
    return Evidence(**parts)  # type: ignore[arg-type]


class HoldoutFile(_Strict):
    """The frozen hold-out (``casus/curated/data/episodes_holdout.yaml``)."""

    rule: str = Field(min_length=1)
    seed: int
    drawn: dt.date
    pool: list[str] = Field(min_length=1)
    holdout: list[str] = Field(min_length=1)


def load_holdout(path: str | Path | None = None) -> HoldoutFile:
    """The frozen hold-out of the backtest (see :mod:`casus.sim.crisis.split`)."""
    if path is not None:
        text, where = Path(path).read_text("utf-8"), str(path)
    else:
        f = resources.files("casus.curated") / "data" / "episodes_holdout.yaml"
        text, where = f.read_text("utf-8"), "casus/curated/data/episodes_holdout.yaml"
    model: HoldoutFile = _validate(HoldoutFile, text, where)
    return model


def load_fit() -> dict[str, Any]:
    """The fit of issue #16 (``casus/curated/data/crisis_fit.json``, written by ``scripts/fit_crisis.py``)."""
    import json

    f = resources.files("casus.curated") / "data" / "crisis_fit.json"
    data: dict[str, Any] = json.loads(f.read_text("utf-8"))
    return data


def fitted_params() -> Params:
    """The parameters fitted on the training episodes (the rest at their hand-set values)."""
    return Params().with_overrides(load_fit()["params"])
