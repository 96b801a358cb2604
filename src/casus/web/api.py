"""The ``/api/v1`` endpoints: thin wrappers over the knowledge base and :mod:`casus.contract`.

Each endpoint resolves names as the CLI does, calls one public function and returns the contract's dict,
so ``GET /api/v1/orgs/csto/members?on=2024-06-25`` equals ``casus members csto --on 2024-06-25 -f json``.
Errors are raised as :class:`~casus.errors.CasusError` and turned into the one error shape by
:mod:`casus.web.errors`.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse

import casus
from casus.contract import (
    CONTRACT_VERSION,
    event_to_dict,
    history_to_dict,
    obligations_to_dict,
    organization_to_dict,
    organizations_to_list,
    roster_to_dict,
    source_to_dict,
    state_to_dict,
)
from casus.errors import DataUnavailableError, UnknownEntityError
from casus.kb.dates import parse_date
from casus.kb.states import State
from casus.knowledge import KnowledgeProvider
from casus.web import models

router = APIRouter(
    prefix="/api/v1",
    responses={
        404: {"model": models.ErrorResponse, "description": "Unknown organization, state, place or source"},
        409: {"model": models.ErrorResponse, "description": "Outside the period the knowledge covers: unknown"},
        422: {"model": models.ErrorResponse, "description": "Malformed date, kind or parameter"},
    },
)

OnQuery = Annotated[
    str | None,
    Query(description="Date, YYYY-MM-DD (YYYY-MM and YYYY also work); default today.", examples=["2024-06-25"]),
]
AtopQuery = Annotated[
    bool | None,
    Query(
        description="Include ATOP 5.1 alliances: true, false, or unset for 'when the date is in 1815-2018 "
        "and the ATOP files are on this machine' (as the CLI)."
    ),
]


def knowledge(request: Request) -> KnowledgeProvider:
    """The app's knowledge provider (a FastAPI dependency)."""
    provider: KnowledgeProvider = request.app.state.knowledge
    return provider


Knowledge = Annotated[KnowledgeProvider, Depends(knowledge)]
OrgPath = Annotated[
    str, Path(description="Id, name or acronym in en/fr/ru: csto, OTSC, ОДКБ, nato, OTAN…", examples=["csto"])
]
StatePath = Annotated[str, Path(description="Name (en/fr/ru), ISO2/ISO3 or COW code.", examples=["Ouzbékistan"])]


@router.get("/health", response_model=models.HealthOut, tags=["meta"])
def health() -> dict[str, Any]:
    """The server is up; the casus version and the JSON contract version."""
    return {"status": "ok", "version": casus.__version__, "contract_version": CONTRACT_VERSION}


@router.get("/orgs", response_model=list[models.OrganizationOut], tags=["organizations"])
def list_orgs(
    kp: Knowledge,
    atop: Annotated[bool, Query(description="Also list the ATOP 5.1 alliances (needs the ATOP files).")] = False,
) -> list[dict[str, Any]]:
    """The curated organizations (as `casus orgs -f json`), optionally followed by the ATOP alliances."""
    return organizations_to_list(kp.with_atop() if atop else kp.curated(), datasets=atop)


@router.get("/orgs/{org}", response_model=models.OrganizationOut, tags=["organizations"])
def get_org(org: OrgPath, kp: Knowledge) -> dict[str, Any]:
    """One organization: names, acronyms, founding, bodies and their decision rules, coverage.

    `org` is any id, name or acronym in English, French or Russian (`csto`, `OTSC`, `ОДКБ`, `OTAN`).
    """
    kb = kp.for_org(org)
    return organization_to_dict(kb, kb.organization(org))


@router.get("/orgs/{org}/members", response_model=models.RosterOut, tags=["organizations"])
def get_members(org: OrgPath, kp: Knowledge, on: OnQuery = None) -> dict[str, Any]:
    """Members on a date with their statuses (as `casus members ORG --on DATE -f json`)."""
    date = parse_date(on, field="on")
    kb = kp.for_org(org)
    return roster_to_dict(kb, kb.members_on(org, date))


@router.get("/orgs/{org}/timeline", response_model=list[models.EventOut], tags=["organizations"])
def get_timeline(org: OrgPath, kp: Knowledge) -> list[dict[str, Any]]:
    """Treaties, accessions, suspensions, requests, deployments, by date (as `casus timeline ORG -f json`)."""
    kb = kp.for_org(org)
    return [event_to_dict(kb, e) for e in kb.timeline(kb.organization(org))]


@router.get("/states", response_model=models.StateQueryOut, tags=["states"])
def find_states(
    kp: Knowledge,
    q: Annotated[
        str | None,
        Query(description="A name (en/fr/ru), ISO2/ISO3 or COW code; unset lists every state.", examples=["Kyrgystan"]),
    ] = None,
) -> dict[str, Any]:
    """Resolve a state name as the CLI does; when it does not resolve, the closest states, best first."""
    kb = kp.curated()
    if q is None or not q.strip():
        return {"query": q, "match": None, "states": [state_to_dict(s) for s in kb.states.all()]}
    try:
        state = kb.state(q)
    except UnknownEntityError as err:  # also ambiguous names: their suggestions are the candidates
        found: list[State] = []
        for name in err.suggestions:
            try:
                found.append(kb.state(name))
            except UnknownEntityError:
                continue
        return {"query": q, "match": None, "states": [state_to_dict(s) for s in dict.fromkeys(found)]}
    return {"query": q, "match": state_to_dict(state), "states": [state_to_dict(state)]}


@router.get("/states/{state}/history", response_model=models.HistoryOut, tags=["states"])
def get_history(state: StatePath, kp: Knowledge, atop: AtopQuery = None) -> dict[str, Any]:
    """A state's spells across organizations and treaties, with coverage (as `casus history STATE -f json`)."""
    from casus.knowledge import answer_history

    answer = answer_history(kp, state, atop)
    return history_to_dict(kp.widest(), answer)


@router.get("/obligations", response_model=models.ObligationsOut, tags=["obligations"])
def get_obligations(
    kp: Knowledge,
    attacker: Annotated[
        str, Query(description="Attacking state, or `non-state` / `non-state:NAME`.", examples=["Azerbaijan"])
    ],
    target: Annotated[str, Query(description="State attacked, threatened or in unrest.", examples=["Armenia"])],
    on: OnQuery = None,
    place: Annotated[
        str | None, Query(description="Country, ISO 3166-2 code (ES-CE) or named territory; default the target.")
    ] = None,
    disputed: Annotated[bool, Query(description="Flag the place as disputed.")] = False,
    kind: Annotated[
        str,
        Query(description="armed-attack, threat, unrest or cyber (read by each organization's declared doctrine)."),
    ] = "armed-attack",
    requested: Annotated[bool | None, Query(description="Whether the target asked for help; unset: unknown.")] = None,
    unprovoked: Annotated[
        bool | None, Query(description="Whether the attack was unprovoked (ATOP non-provocation); unset: unknown.")
    ] = None,
    conflict: Annotated[str | None, Query(description="The conflict the event belongs to; unset: unknown.")] = None,
    forces: Annotated[
        str | None,
        Query(description="What of the target was hit at `place` when not its territory: forces, vessel, aircraft."),
    ] = None,
    all_treaties: Annotated[
        bool, Query(alias="all", description="Also list treaties the event does not involve.")
    ] = False,
    atop: AtopQuery = None,
) -> dict[str, Any]:
    """Which treaties the event triggers, who is obligated, what is permitted, why, and what the answer covers."""
    from casus.knowledge import answer_obligations

    answer = answer_obligations(
        kp,
        attacker=attacker,
        target=target,
        on=on,
        place=place,
        disputed=disputed,
        kind=kind,
        requested=requested,
        unprovoked=unprovoked,
        conflict=conflict,
        forces=forces,
        atop=atop,
        include_unrelated=all_treaties,
    )
    return obligations_to_dict(answer.kb, answer)


@router.get("/sources/{source_id}", response_model=models.SourceOut, tags=["sources"])
def get_source(
    source_id: Annotated[str, Path(description="A source id, as in `source_ids`.", examples=["cst-1992-text"])],
    kp: Knowledge,
) -> dict[str, Any]:
    """A source cited by the facts: title, publisher, date, URL and a plain citation."""
    kb = kp.curated()
    if source_id not in kb.sources:  # perhaps an ATOP source, when the ATOP files are here
        with contextlib.suppress(DataUnavailableError):
            kb = kp.with_atop()
    return source_to_dict(kb.source(source_id))


@router.get("/network", response_model=models.NetworkOut, tags=["organizations"])
def get_network(kp: Knowledge, on: OnQuery = None) -> dict[str, Any]:
    """States ↔ organizations and alliance treaties on a date (for the dashboard; not in the CLI contract)."""
    from casus.web.network import network_on

    return network_on(kp.curated(), parse_date(on, field="on"))


@router.get(
    "/geo/countries",
    tags=["map"],
    response_class=JSONResponse,
    responses={200: {"description": "GeoJSON FeatureCollection (properties: name, code, state, sovereign)"}},
)
def get_countries(kp: Knowledge, request: Request) -> Response:
    """Natural Earth 1:110m countries joined to casus state ids, read from the user's data folders.

    Sent with an ETag: a client that has this version gets `304 Not Modified`. 404 (`data_unavailable`)
    when the file is not on this machine: `casus data fetch naturalearth`.
    """
    from casus.web.geo import countries_json
    from casus.web.security import cached

    return cached(request, countries_json(kp.curated()), "application/json")


@router.get("/lookup/org", response_model=models.OrgLookupOut, tags=["organizations"])
def lookup_org(
    kp: Knowledge,
    q: Annotated[str, Query(description="Id, name or acronym in en/fr/ru.", examples=["OTAN"])],
) -> dict[str, Any]:
    """Resolve an organization's name as every endpoint does: its id, or no match and the closest names.

    Always 200, so a page can check a name from its address without an error response.
    """
    try:
        kb = kp.for_org(q)
        return {"query": q, "match": kb.organization(q).id, "suggestions": []}
    except UnknownEntityError as err:
        return {"query": q, "match": None, "suggestions": list(err.suggestions)}
    except DataUnavailableError:
        return {"query": q, "match": None, "suggestions": []}


@router.get("/orgs/{org}/offices", response_model=models.OfficesOut, tags=["organizations"])
def get_offices(org: OrgPath, kp: Knowledge, on: OnQuery = None) -> dict[str, Any]:
    """Who held each office (secretary general…) on a date, with every holder and its source.

    Past the organization's verified-through date the holder known on that date is given and `unknown_after`
    says the office is unknown after it (as `casus offices ORG --on DATE -f json`).
    """
    from casus.contract import offices_to_dict
    from casus.kb.offices import offices_on

    kb = kp.for_org(org)
    return offices_to_dict(kb, offices_on(kb.organization(org), parse_date(on, field="on")))


@router.get("/orgs/{org}/bodies", response_model=list[models.BodyOut], tags=["organizations"])
def get_bodies(org: OrgPath, kp: Knowledge) -> list[dict[str, Any]]:
    """An organization's bodies: kind, composition, decision rule (as `casus bodies ORG -f json`)."""
    from casus.contract import body_to_dict

    kb = kp.for_org(org)
    return [body_to_dict(kb, b) for b in kb.organization(org).bodies]


@functools.lru_cache(maxsize=1)
def _evidence() -> Any:
    import warnings

    from casus.sim.crisis.io import load_evidence

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing datasets: the drivers needing them are left out
        return load_evidence()


@router.get("/scenarios", tags=["simulation"])
def list_scenarios() -> dict[str, str]:
    """The built-in crisis scenarios (name → title), as ``casus simulate`` accepts them."""
    from casus.sim.crisis.io import builtin_scenarios

    return builtin_scenarios()


@router.get("/scenarios/{name}/simulate", tags=["simulation"])
def simulate_scenario(
    kp: Knowledge,
    name: Annotated[str, Path(description="A built-in scenario name (see /api/v1/scenarios).")],
    runs: Annotated[int, Query(ge=100, le=100_000, description="Replications.")] = 20_000,
    seed: Annotated[int, Query(ge=0, description="Root seed.")] = 1,
) -> dict[str, Any]:
    """Simulate a built-in scenario: ``casus simulate NAME --runs R --seed S -f json`` (with the base rates)."""
    from casus.sim.crisis.io import builtin_scenarios, load_scenario
    from casus.sim.crisis.simulate import simulate_crisis

    names = builtin_scenarios()
    if name not in names:
        import difflib

        raise UnknownEntityError("built-in scenario", name, tuple(difflib.get_close_matches(name, list(names), n=3)))
    result = simulate_crisis(kp.curated(), load_scenario(name), _evidence(), runs=runs, rng=seed)
    data: dict[str, Any] = result.to_dict()
    return data
