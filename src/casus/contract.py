"""The stable JSON contract: plain dicts for the Python API, the CLI's ``--format json``, the HTTP API, the dashboard.

The one place knowledge-base results become JSON: :func:`to_dict` turns any result of the Python API
(:func:`casus.members_on`, :func:`casus.evaluate`…) into its contract form, and the CLI and the HTTP API call
the same functions, so the same question gets the same JSON everywhere. Documented in ``docs/cli.md``; a field
is only ever added, never renamed or removed within a major version. (Simulation results serialise themselves
with their own ``to_dict()``.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casus.kb.answers import DatasetCoverage, StateHistory
from casus.kb.events import Event
from casus.kb.knowledge import KnowledgeBase, Roster
from casus.kb.memberships import Membership
from casus.kb.offices import OfficesReport
from casus.kb.organizations import Body, Officeholder, Organization
from casus.kb.practice import CollectiveAction, Reading
from casus.kb.sources import Source
from casus.kb.states import State
from casus.knowledge import ObligationsAnswer
from casus.obligations.conditions import Step
from casus.obligations.defends import DefenceGroup, DefendsReport, ObligationNetwork
from casus.obligations.results import Breach, TreatyResult

#: 2 (2026-12-03): ``history`` and ``obligations`` answers became objects with ``coverage`` and ``note``.
CONTRACT_VERSION = "2"


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def source_citation(kb: KnowledgeBase, ids: tuple[str, ...]) -> str:
    """Plain citation of the first source (the main one)."""
    return kb.source(ids[0]).cite() if ids else ""


def source_short(kb: KnowledgeBase, ids: tuple[str, ...]) -> str:
    """Short form of the main source for tables: publisher and date, or title."""
    if not ids:
        return ""
    src = kb.source(ids[0])
    who = src.publisher or src.title
    more = f" +{len(ids) - 1}" if len(ids) > 1 else ""
    return f"{who}, {src.published.isoformat()}{more}" if src.published else f"{who}{more}"


def organization_to_dict(kb: KnowledgeBase, org: Organization) -> dict[str, Any]:
    """An organization: id, names, acronyms, dates, bodies with decision rules, coverage."""
    return {
        "id": org.id,
        "name": org.name,
        "names": dict(org.names),
        "acronyms": {lg: a for lg, a in org.acronyms if lg},
        "aliases": [*(a for lg, a in org.acronyms if not lg), *org.other_names],
        "founded": _iso(org.founded),
        "dissolved": _iso(org.dissolved),
        "institutional": org.institutional,
        "origin": org.origin,
        "coverage": {"start": _iso(org.coverage.start), "end": _iso(org.coverage.end)},
        "verified_through": _iso(org.coverage.end),
        "bodies": [
            {"id": b.id, "name": b.name, "kind": b.kind, "decision_rule": b.decision_rule.value} for b in org.bodies
        ],
        "no_mutual_defence": None
        if org.no_mutual_defence is None
        else {
            "text": org.no_mutual_defence.text,
            "quote": org.no_mutual_defence.quote or None,
            "source": source_citation(kb, org.no_mutual_defence.sources),
            "source_ids": list(org.no_mutual_defence.sources),
        },
        "standings": [
            {
                "forum": x.forum,
                "status": x.status,
                "start": _iso(x.start),
                "end": _iso(x.end),
                "basis": x.basis or None,
                "source": source_citation(kb, x.sources),
            }
            for x in org.standings
        ],
        "actions": [action_to_dict(kb, a) for a in org.actions],
        "doctrines": [
            {
                "kind": d.kind.value,
                "start": _iso(d.start),
                "text": d.text,
                "quote": d.quote or None,
                "decided_by": d.decided_by or None,
                "source": source_citation(kb, d.sources),
                "source_ids": list(d.sources),
            }
            for d in org.doctrines
        ],
        "source": source_citation(kb, org.sources),
    }


def officeholder_to_dict(kb: KnowledgeBase, h: Officeholder) -> dict[str, Any]:
    """One office-holder with dates and source."""
    return {
        "role": h.role,
        "person": h.person,
        "start": _iso(h.start),
        "end": _iso(h.end),
        "note": h.note or None,
        "source": source_citation(kb, h.sources),
        "source_short": source_short(kb, h.sources),
        "source_ids": list(h.sources),
    }


def offices_to_dict(kb: KnowledgeBase, report: OfficesReport) -> dict[str, Any]:
    """The ``offices`` object: who held each office on the date, ``unknown_after`` past verified-through."""
    org = report.organization
    return {
        "organization": org.id,
        "organization_name": org.name,
        "on": report.on.isoformat(),
        "verified_through": _iso(org.coverage.end),
        "unknown_after": _iso(report.unknown_after),
        "offices": [
            {
                "role": o.role,
                "holder": None if o.holder is None else officeholder_to_dict(kb, o.holder),
                "vacant": o.vacant,
                "unknown_after": _iso(o.unknown_after),
            }
            for o in report.offices
        ],
        "holders": [officeholder_to_dict(kb, h) for h in report.holders],
    }


def body_to_dict(kb: KnowledgeBase, b: Body) -> dict[str, Any]:
    """One body: its kind, composition, decision rule and whether one member can block it."""
    return {
        "id": b.id,
        "name": b.name,
        "kind": b.kind,
        "decision_rule": b.decision_rule.value,
        "one_member_can_block": b.decision_rule.blocks_with_one_veto(),
        "description": b.description or None,
        "established": _iso(b.established),
        "source": source_citation(kb, b.sources),
        "source_short": source_short(kb, b.sources),
        "source_ids": list(b.sources),
    }


def organizations_to_list(kb: KnowledgeBase, *, datasets: bool = False) -> list[dict[str, Any]]:
    """The curated organizations by id (the ``orgs`` list), then, with ``datasets``, those known from datasets."""
    ordered = sorted(kb.organizations.values(), key=lambda o: o.id)
    curated = [o for o in ordered if o.origin == "curated"]
    others = [o for o in ordered if o.origin != "curated"] if datasets else []
    return [organization_to_dict(kb, o) for o in (*curated, *others)]


def source_to_dict(src: Source) -> dict[str, Any]:
    """A source cited by the facts: title, publisher, date, URL and a plain citation."""
    return {
        "id": src.id,
        "title": src.title,
        "kind": src.kind.value,
        "publisher": src.publisher,
        "url": src.url,
        "published": _iso(src.published),
        "note": src.note or None,
        "citation": src.cite(),
    }


def state_to_dict(state: State) -> dict[str, Any]:
    """A state with its codes and names."""
    return {
        "id": state.id,
        "name": state.name,
        "iso3": state.iso3,
        "iso2": state.iso2,
        "cow": list(state.cow),
        "names": dict(state.names),
        "region": state.region or None,
    }


def spell_to_dict(kb: KnowledgeBase, m: Membership) -> dict[str, Any]:
    """A membership spell (the ``history`` item)."""
    return {
        "organization": m.organization,
        "state": m.state,
        "name": kb.states.get(m.state).name,
        "name_then": kb.states.name_on(m.state, m.start),
        "status": m.status.value,
        "claimed_by": m.claimed_by or None,
        "recognised_by": list(m.recognised_by),
        "start": _iso(m.start),
        "end": _iso(m.end),
        "signed": _iso(m.signed),
        "ratified": _iso(m.ratified),
        "in_force": _iso(m.in_force),
        "qualifier": m.qualifier or None,
        "source": source_citation(kb, m.sources),
        "source_short": source_short(kb, m.sources),
        "source_ids": list(m.sources),
        "note": m.note or None,
    }


def coverage_to_dict(c: DatasetCoverage) -> dict[str, Any]:
    """One dataset's part in an answer: name, version, dates, status, note."""
    return {
        "dataset": c.dataset,
        "version": c.version,
        "dates": c.dates,
        "start": c.start,
        "end": c.end,
        "status": c.status,
        "note": c.note,
    }


def history_to_dict(kb: KnowledgeBase, h: StateHistory) -> dict[str, Any]:
    """The ``history`` object: state, name, spells[], coverage[], note."""
    return {
        "state": h.state.id,
        "name": h.state.name,
        "spells": [spell_to_dict(kb, m) for m in h.spells],
        "coverage": [coverage_to_dict(c) for c in h.coverage],
        "note": h.note,
    }


def roster_note(roster: Roster) -> str | None:
    """One line when the date lies outside the organization's life: not founded yet, or dissolved."""
    org, on = roster.organization, roster.on
    if org.founded is not None and on < org.founded:
        return f"{org.name} did not exist on {on.isoformat()}: the alliance began on {org.founded.isoformat()}"
    if org.dissolved is not None and on >= org.dissolved:
        return f"{org.name} no longer existed on {on.isoformat()}: it was dissolved on {org.dissolved.isoformat()}"
    return None


def roster_to_dict(kb: KnowledgeBase, roster: Roster) -> dict[str, Any]:
    """The ``members`` object: organization, on, members[] (state, name, status, since, source)."""
    org = roster.organization
    return {
        "organization": org.id,
        "organization_name": org.name,
        "on": roster.on.isoformat(),
        "known_through": _iso(org.coverage.end),
        "beyond_coverage": roster.beyond_coverage,
        "unknown_after": _iso(roster.unknown_after),
        "statuses_as_of": _iso(roster.known_on or roster.on),
        "note": roster_note(roster),
        "members": [
            {
                "state": m.state,
                "name": kb.states.name_on(m.state, roster.on),
                "status": m.status.value,
                "since": m.start.isoformat(),
                "qualifier": m.qualifier or None,
                "source": source_citation(kb, m.sources),
                "source_short": source_short(kb, m.sources),
                "source_ids": list(m.sources),
            }
            for m in roster.members
        ],
    }


def event_to_dict(kb: KnowledgeBase, e: Event) -> dict[str, Any]:
    """A timeline event."""
    return {
        "date": e.date.isoformat(),
        "precision": e.precision,
        "type": e.type.value,
        "organization": e.organization,
        "title": e.title,
        "actors": list(e.actors),
        "target": e.target,
        "source": source_citation(kb, e.sources),
        "source_short": source_short(kb, e.sources),
        "source_ids": list(e.sources),
    }


def step_to_dict(step: Step) -> dict[str, Any]:
    """One explanation step."""
    return {
        "check": step.check,
        "outcome": step.outcome.value,
        "detail": step.detail,
        "provision": step.provision,
        "sources": list(step.sources),
    }


def breach_to_dict(b: Breach) -> dict[str, Any]:
    """A breach of a non-aggression or neutrality pledge by an attack between its parties."""
    return {
        "attacker": b.attacker,
        "target": b.target,
        "date": b.on.isoformat(),
        "provisions": list(b.provisions),
        "articles": list(b.articles),
        "ended_that_day": b.ended_that_day,
        "detail": b.detail,
        "source_ids": list(b.sources),
    }


def _reading_to_dict(kb: KnowledgeBase, r: Reading) -> dict[str, Any]:
    return {
        "text": r.text,
        "held_by": r.held_by,
        "quote": r.quote,
        "source": source_citation(kb, r.sources),
        "source_ids": list(r.sources),
    }


def action_to_dict(kb: KnowledgeBase, a: CollectiveAction) -> dict[str, Any]:
    """A collective action: what was done, the basis invoked, the other readings, whether contested."""
    return {
        "id": a.id,
        "title": a.title,
        "target": a.target,
        "kind": a.kind.value,
        "start": a.start.isoformat(),
        "decided": a.decided.isoformat(),
        "end": _iso(a.end),
        "decided_by": a.decided_by or None,
        "provision": a.provision or None,
        "invoked_basis": _reading_to_dict(kb, a.invoked_basis),
        "alternative_readings": [_reading_to_dict(kb, r) for r in a.alternative_readings],
        "contested": a.contested,
        "source_ids": list(a.sources),
    }


def result_to_dict(kb: KnowledgeBase, r: TreatyResult) -> dict[str, Any]:
    """One ``obligations`` item: treaty, organization, verdict, provision, obligated, permitted, explanation."""
    p = r.provision
    return {
        "treaty": r.treaty.id,
        "treaty_title": r.treaty.title,
        "organization": r.treaty.organization,
        "atop_id": r.treaty.atop_id,
        "verdict": r.verdict.value,
        "unknown_after": _iso(r.unknown_after),
        "provision": None
        if p is None
        else {
            "id": p.id,
            "article": p.article,
            "kind": p.kind.value,
            "modality": p.modality.value,
            "action": p.action.value,
            "version": p.version or None,
            "quote": p.quote,
            "source": source_citation(kb, p.sources),
        },
        "obligated": list(r.obligated),
        "duties": [
            {"state": d.state, "action": d.action.value, "provision": d.provision, "article": d.article}
            for d in r.duties
        ],
        "permitted": [
            {
                "action": q.action.value,
                "provision": q.provision,
                "article": q.article,
                "requires": list(q.requires),
                "available": q.available,
            }
            for q in r.permitted
        ],
        "breach": None if r.breach is None else breach_to_dict(r.breach),
        "actions": [action_to_dict(kb, a) for a in r.actions],
        "explanation": [step_to_dict(s) for s in r.explanation],
        "sources": {sid: kb.source(sid).cite() for s in r.explanation for sid in s.sources if sid in kb.sources},
    }


def obligations_to_dict(kb: KnowledgeBase, answer: ObligationsAnswer) -> dict[str, Any]:
    """The ``obligations`` object: the question (on, attacker, target), results[], coverage[], note."""
    crisis = answer.crisis
    return {
        "on": crisis.on.isoformat(),
        "attacker": crisis.attacker.state,
        "attacker_label": crisis.attacker.label,
        "target": crisis.target,
        "results": [result_to_dict(kb, r) for r in answer.results],
        "coverage": [coverage_to_dict(c) for c in answer.coverage],
        "note": answer.note,
    }


def _state_ref(kb: KnowledgeBase, state: str | None, on: Any) -> dict[str, Any] | None:
    return None if state is None else {"state": state, "name": kb.states.name_on(state, on)}


def defence_group_to_dict(kb: KnowledgeBase, g: DefenceGroup) -> dict[str, Any]:
    """One pledge to one target: treaty, provision, verdict (and deciding fact), obligated, against whom, why."""
    p = g.provision
    deciding = g.deciding_step
    steps = g.conditions
    return {
        "target": g.target,
        "treaty": g.treaty.id,
        "treaty_title": g.treaty.title,
        "organization": g.treaty.organization,
        "atop_id": g.treaty.atop_id,
        "provision": {"id": p.id, "article": p.article, "kind": p.kind.value, "quote": p.quote},
        "verdict": g.verdict.value,
        "deciding": g.deciding or None,
        "deciding_fact": deciding.detail if deciding is not None else None,
        "unknown_after": _iso(g.example.unknown_after),
        "obligated": list(g.obligated),
        "against": {"kind": g.against.kind.value, "states": list(g.against.states), "count": g.against.count},
        "conditions": [step_to_dict(s) for s in steps],
        "sources": {sid: kb.source(sid).cite() for s in steps for sid in s.sources if sid in kb.sources},
    }


def defends_to_dict(kb: KnowledgeBase, r: DefendsReport) -> dict[str, Any]:
    """``casus defends``: the question, which state list answered, and one item per pledge and target."""
    return {
        "on": r.on.isoformat(),
        "target": _state_ref(kb, r.target, r.on),
        "attacker": _state_ref(kb, r.attacker, r.on),
        "system": {"states": r.states, "note": r.system_note},
        "groups": [defence_group_to_dict(kb, g) for g in r.groups],
    }


def obligation_network_to_dict(kb: KnowledgeBase, n: ObligationNetwork) -> dict[str, Any]:
    """The network of defence obligations: nodes (states with degrees) and edges (defender → target)."""
    out_deg: dict[str, int] = {}
    in_deg: dict[str, int] = {}
    for e in n.edges:
        out_deg[e.defender] = out_deg.get(e.defender, 0) + 1
        in_deg[e.target] = in_deg.get(e.target, 0) + 1
    treaties = sorted({t for e in n.edges for t in e.treaties})
    return {
        "on": n.on.isoformat(),
        "indeterminate": n.indeterminate,
        "system": {"states": len(n.states), "note": n.system_note},
        "nodes": [
            {
                "state": s,
                "name": kb.states.name_on(s, n.on),
                "region": kb.states.get(s).region or None,
                "defends": out_deg.get(s, 0),
                "defended_by": in_deg.get(s, 0),
            }
            for s in n.states
        ],
        "edges": [
            {
                "source": e.defender,
                "target": e.target,
                "verdict": e.verdict.value,
                "treaties": list(e.treaties),
                "attackers": e.attackers,
            }
            for e in n.edges
        ],
        "treaties": [{"id": t, "title": kb.treaty(t).title} for t in treaties],
    }


#: The serialiser of each result type; a type not listed here has no JSON form (an error, not a guess).
SERIALISERS: dict[type, Callable[[KnowledgeBase, Any], dict[str, Any]]] = {
    Roster: roster_to_dict,
    Membership: spell_to_dict,
    StateHistory: history_to_dict,
    ObligationsAnswer: obligations_to_dict,
    DatasetCoverage: lambda _kb, c: coverage_to_dict(c),
    Event: event_to_dict,
    TreatyResult: result_to_dict,
    Organization: organization_to_dict,
    OfficesReport: offices_to_dict,
    Officeholder: officeholder_to_dict,
    Body: body_to_dict,
    Source: lambda _kb, src: source_to_dict(src),
    State: lambda _kb, state: state_to_dict(state),
    Step: lambda _kb, step: step_to_dict(step),
    DefendsReport: defends_to_dict,
    DefenceGroup: defence_group_to_dict,
    ObligationNetwork: obligation_network_to_dict,
}


def to_dict(kb: KnowledgeBase, result: Any) -> Any:
    """The contract form of a result (or a list or tuple of results) answered from ``kb``.

    >>> import datetime as dt
    >>> from casus.curated import load_kb
    >>> kb = load_kb()
    >>> to_dict(kb, kb.members_on("CSTO", dt.date(2024, 6, 25)))["members"][0]["state"]
    'ARM'

    Raises:
        TypeError: A value that is no casus result.
    """
    if isinstance(result, list | tuple):
        return [to_dict(kb, r) for r in result]
    serialise = SERIALISERS.get(type(result))
    if serialise is None:
        known = ", ".join(t.__name__ for t in SERIALISERS)
        raise TypeError(f"no JSON contract for a {type(result).__name__}; known: {known}")
    return serialise(kb, result)
