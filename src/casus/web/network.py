"""The membership network on a date: states linked to the organizations and alliance treaties they belong to.

A web-only view (not part of the CLI's JSON contract): two kinds of nodes, *scopes* (organizations, and
treaties whose parties are recorded state by state, such as the Rio Treaty or ANZUS) and *states*, and one
link per active, non-withdrawn membership spell, with its status.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from casus.errors import CoverageError
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership, Status
from casus.kb.treaties import Treaty

_ACRONYM = re.compile(r"\(([^()]{2,20})\)\s*$")


def treaty_label(kb: KnowledgeBase, treaty: Treaty) -> str:
    """A short label: the acronym the title ends with, the two parties of a bilateral treaty, or the id.

    >>> from casus.curated import load_kb
    >>> kb = load_kb()
    >>> treaty_label(kb, kb.treaty("anzus-1951")), treaty_label(kb, kb.treaty("russia-armenia-1997"))
    ('ANZUS', 'Armenia–Russia 1997')
    """
    found = _ACRONYM.search(treaty.title)
    if found:
        return found.group(1)
    parties = sorted({kb.states.get(m.state).name for m in kb.spells(treaty.id)})
    if len(parties) == 2:
        return f"{parties[0]}–{parties[1]} {treaty.signed.year}"
    return treaty.id


def _active(spells: tuple[Membership, ...], on: dt.date) -> list[Membership]:
    return [m for m in spells if m.active_on(on) and m.status != Status.WITHDRAWN]


def network_on(kb: KnowledgeBase, on: dt.date) -> dict[str, Any]:
    """The membership network on ``on``.

    Organizations whose knowledge does not cover ``on`` are left out rather than shown empty.

    Returns:
        ``{"on", "scopes": [{"id", "label", "name", "kind", "members"}], "states": [{"state", "name",
        "region"}], "links": [{"scope", "state", "status"}]}``, scopes with more members first.
    """
    scopes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for org in sorted(kb.organizations.values(), key=lambda o: o.id):
        if org.origin != "curated":
            continue
        treaty = kb.treaties.get(org.id)
        if treaty is not None and treaty.organization is None:
            continue  # a treaty-only alliance: listed once, as a treaty, below
        try:
            roster = kb.members_on(org, on)
        except CoverageError:
            continue
        if roster.members:
            acronym = org.acronym_in("en") or org.id.upper()
            scopes.append({"id": org.id, "label": acronym, "name": org.name, "kind": "organization"})
            links += [{"scope": org.id, "state": m.state, "status": m.status.value} for m in roster.members]
    for treaty in sorted(kb.treaties.values(), key=lambda t: t.id):
        active = _active(kb.spells(treaty.id), on) if treaty.organization is None else []
        if active and treaty.origin == "curated":
            scopes.append({"id": treaty.id, "label": treaty_label(kb, treaty), "name": treaty.title, "kind": "treaty"})
            links += [{"scope": treaty.id, "state": m.state, "status": m.status.value} for m in active]
    # "members" counts the parties (member, suspended, or with its government excluded: Cuba in the Rio Treaty);
    # observers, applicants and disputed statuses are links too
    parties = {s.value for s in Status if s.is_party}
    counts = {
        s["id"]: sum(1 for link in links if link["scope"] == s["id"] and link["status"] in parties) for s in scopes
    }
    for s in scopes:
        s["members"] = counts[s["id"]]
    scopes.sort(key=lambda s: (-s["members"], s["id"]))
    state_ids = sorted({link["state"] for link in links})
    states = [
        {"state": sid, "name": kb.states.get(sid).name, "region": kb.states.get(sid).region or None}
        for sid in state_ids
    ]
    return {"on": on.isoformat(), "scopes": scopes, "states": states, "links": links}
