"""HTTP endpoints for who defends whom: ``GET /api/v1/defends`` and ``GET /api/v1/obligations/network``.

Thin wrappers over :func:`casus.defends` and :func:`casus.obligation_network` with the app's knowledge
provider, serialised by :mod:`casus.contract` — the same JSON as ``casus defends -f json`` and
``casus.to_dict(…)``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from casus.contract import defends_to_dict, obligation_network_to_dict
from casus.web import models
from casus.web.api import AtopQuery, Knowledge, OnQuery

router = APIRouter(
    prefix="/api/v1",
    responses={
        404: {"model": models.ErrorResponse, "description": "Unknown state"},
        422: {
            "model": models.ErrorResponse,
            "description": "Malformed date or parameter, or a state outside the system",
        },
    },
)


@router.get("/defends", response_model=models.DefendsOut, tags=["obligations"])
def get_defends(
    kp: Knowledge,
    target: Annotated[
        str | None, Query(description="The state attacked: who must defend it.", examples=["Estonia"])
    ] = None,
    attacker: Annotated[str | None, Query(description="The attacker: whom an attack by it brings in.")] = None,
    on: OnQuery = None,
    atop: AtopQuery = None,
) -> dict[str, Any]:
    """Who is obligated to defend a state, against whom, under which provision and why (as `casus defends`)."""
    from casus.defence import defends

    report = defends(target=target, attacker=attacker, on=on, atop=atop, provider=kp)
    return defends_to_dict(kp.widest(), report)


@router.get("/obligations/network", response_model=models.ObligationNetworkOut, tags=["obligations"])
def get_obligation_network(
    kp: Knowledge,
    on: OnQuery = None,
    atop: AtopQuery = None,
    indeterminate: Annotated[bool, Query(description="Also draw obligations that are only indeterminate.")] = False,
) -> dict[str, Any]:
    """The network of defence obligations on a date: an edge from each obligated state to each state it defends."""
    from casus.defence import obligation_network

    net = obligation_network(on, atop=atop, indeterminate=indeterminate, provider=kp)
    return obligation_network_to_dict(kp.widest(), net)
