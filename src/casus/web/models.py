"""Pydantic models of the HTTP responses, for validation at the boundary and the OpenAPI schema.

The shapes are those of :mod:`casus.contract` (documented in ``docs/cli.md``), so that the CLI's
``--format json`` and the HTTP API agree. Models allow extra fields: a field the contract adds reaches the
client even before it is described here. ``tests/web`` checks the responses equal the contract functions'
output.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorDetail(_Open):
    """What went wrong."""

    kind: str = Field(description="Machine-readable kind (the CasusError's `kind`): unknown_entity, coverage…")
    message: str = Field(description="What was wrong and how to fix it, with a 'did you mean' when close.")
    suggestions: list[str] = Field(default_factory=list, description="Close known names, best first.")


class ErrorResponse(_Open):
    """The one error shape of the API."""

    error: ErrorDetail


class Body(_Open):
    """A body of an organization and its decision rule."""

    id: str
    name: str
    kind: str
    decision_rule: str


class Coverage(_Open):
    """The period casus's knowledge speaks for."""

    start: str | None
    end: str | None


class OrganizationOut(_Open):
    """An organization (``organization_to_dict``)."""

    id: str
    name: str
    names: dict[str, str]
    acronyms: dict[str, str]
    founded: str | None
    dissolved: str | None
    institutional: bool
    origin: str
    coverage: Coverage
    verified_through: str | None = Field(description="Date of the latest source checked; later is unknown.")
    bodies: list[Body]
    source: str


class Member(_Open):
    """A state's status on the date."""

    state: str
    name: str
    status: str
    since: str
    qualifier: str | None
    source: str
    source_short: str
    source_ids: list[str]


class RosterOut(_Open):
    """The members of an organization on a date (``roster_to_dict``)."""

    organization: str
    organization_name: str
    on: str
    known_through: str | None
    beyond_coverage: bool
    unknown_after: str | None = Field(description="The verified-through date when `on` is later (else null).")
    statuses_as_of: str = Field(description="The date the statuses are those of.")
    note: str | None = Field(None, description="Why the roster is empty: not founded yet, or dissolved (else null).")
    members: list[Member]


class CoverageOut(_Open):
    """One dataset's part in an answer (``coverage_to_dict``)."""

    dataset: str = Field(description="casus's name of the dataset, e.g. `atop`.")
    version: str
    dates: str = Field(description="Years it speaks for, START-END.")
    start: int
    end: int
    status: str = Field(description="used, beyond, before, missing, not_loaded, left_out or absent.")
    note: str | None = Field(None, description="One line for the reader (else null).")


class SpellOut(_Open):
    """A membership spell (``spell_to_dict``)."""

    organization: str
    state: str
    name: str
    status: str
    start: str
    end: str | None
    signed: str | None
    ratified: str | None
    in_force: str | None
    qualifier: str | None
    source: str
    source_short: str
    source_ids: list[str]
    note: str | None


class HistoryOut(_Open):
    """A state's spells with what the answer covers (``history_to_dict``)."""

    state: str
    name: str
    spells: list[SpellOut]
    coverage: list[CoverageOut]
    note: str | None = Field(None, description="Why the history is empty, or a dataset missing (else null).")


class EventOut(_Open):
    """A timeline event (``event_to_dict``)."""

    date: str
    precision: str
    type: str
    organization: str | None
    title: str
    actors: list[str]
    target: str | None
    source: str
    source_short: str
    source_ids: list[str]


class ProvisionOut(_Open):
    """The decisive provision of a treaty result."""

    id: str
    article: str
    kind: str
    modality: str
    action: str
    quote: str
    source: str


class DutyOut(_Open):
    """One state's duty under one article."""

    state: str
    action: str
    provision: str
    article: str


class PermissionOut(_Open):
    """An action allowed but not required, with what it still needs."""

    action: str
    provision: str
    article: str
    requires: list[str]
    available: bool


class StepOut(_Open):
    """One check of the explanation."""

    check: str
    outcome: str
    detail: str
    provision: str | None
    sources: list[str]


class TreatyResultOut(_Open):
    """One treaty's answer to a casus-foederis question (``result_to_dict``)."""

    treaty: str
    treaty_title: str
    organization: str | None
    atop_id: int | None
    verdict: str = Field(description="triggered, not_triggered, indeterminate or no_mutual_defence.")
    unknown_after: str | None = Field(
        default=None, description="For a dataset alliance asked past its coverage (ATOP: 2018-12-31)."
    )
    provision: ProvisionOut | None
    obligated: list[str]
    duties: list[DutyOut]
    permitted: list[PermissionOut]
    breach: dict[str, Any] | None = Field(
        default=None,
        description="An armed attack between two parties breaching their non-aggression or neutrality pledge "
        "(attacker, target, date, provisions, articles, ended_that_day, detail, source_ids).",
    )
    actions: list[dict[str, Any]] = Field(
        default_factory=list,
        description="The organization's collective actions that answered this event: invoked_basis, "
        "alternative_readings, contested, with sources.",
    )
    explanation: list[StepOut]
    sources: dict[str, str]


class ObligationsOut(_Open):
    """A casus-foederis question answered (``obligations_to_dict``): the question, results, coverage, note."""

    on: str
    attacker: str | None = Field(description="The attacking state's id (null for a non-state actor).")
    attacker_label: str
    target: str
    results: list[TreatyResultOut]
    coverage: list[CoverageOut]
    note: str | None = Field(
        None, description="Why no treaty answers, a dataset missing, or a date past a dataset's coverage (else null)."
    )


class StateOut(_Open):
    """A state and its codes and names."""

    id: str = Field(description="ISO 3166-1 alpha-3, or COW-XXX for a historical state without one.")
    name: str
    iso3: str | None
    iso2: str | None
    cow: list[int]
    names: dict[str, str]
    region: str | None


class StateQueryOut(_Open):
    """The answer to ``/states?q=``: the state the text resolves to, or the closest ones."""

    query: str | None
    match: StateOut | None = Field(description="The state `q` resolves to, as the CLI would resolve it.")
    states: list[StateOut] = Field(description="Every state without `q`; else the match or the suggestions.")


class SourceOut(_Open):
    """A source cited by the facts."""

    id: str
    title: str
    kind: str
    publisher: str
    url: str | None
    published: str | None
    note: str | None
    citation: str


class ScopeNode(_Open):
    """An organization, or an alliance treaty whose parties are recorded."""

    id: str
    label: str
    name: str
    kind: str
    members: int


class StateNode(_Open):
    """A state linked to at least one scope."""

    state: str
    name: str
    region: str | None


class Link(_Open):
    """A membership on the date."""

    scope: str
    state: str
    status: str


class NetworkOut(_Open):
    """States ↔ organizations and alliance treaties on a date."""

    on: str
    scopes: list[ScopeNode]
    states: list[StateNode]
    links: list[Link]


class HealthOut(_Open):
    """The server is up."""

    status: str
    version: str
    contract_version: str


class OrgLookupOut(_Open):
    """An organization name resolved as the endpoints resolve it."""

    query: str
    match: str | None = Field(description="The organization's id, or null when the name resolves to none.")
    suggestions: list[str] = Field(default_factory=list, description="Close names when there is no match.")


class OfficeholderOut(_Open):
    """One office-holder with dates and source (``officeholder_to_dict``)."""

    role: str
    person: str
    start: str | None
    end: str | None
    note: str | None
    source: str
    source_short: str
    source_ids: list[str]


class OfficeOut(_Open):
    """One office on the date asked."""

    role: str
    holder: OfficeholderOut | None
    vacant: bool
    unknown_after: str | None = Field(description="The verified-through date when the date asked is later.")


class OfficesOut(_Open):
    """An organization's offices on a date (``offices_to_dict``)."""

    organization: str
    organization_name: str
    on: str
    verified_through: str | None
    unknown_after: str | None
    offices: list[OfficeOut]
    holders: list[OfficeholderOut]


class BodyOut(_Open):
    """A body with its composition and decision rule (``body_to_dict``)."""

    id: str
    name: str
    kind: str
    decision_rule: str
    one_member_can_block: bool
    description: str | None
    established: str | None
    source: str


class DefendsOut(_Open):
    """``casus defends``: the question, the state list that answered, one group per pledge and target."""

    on: str
    target: dict[str, str] | None
    attacker: dict[str, str] | None
    system: dict[str, Any]
    groups: list[dict[str, Any]] = Field(description="treaty, provision, verdict, deciding, obligated, against…")


class ObligationNetworkOut(_Open):
    """The network of defence obligations on a date (``obligation_network_to_dict``)."""

    on: str
    indeterminate: bool
    system: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]] = Field(description="source (obligated state) → target, verdict, treaties, attackers")
    treaties: list[dict[str, str]]
