"""The stable JSON contract: plain dicts for the CLI's ``--format json``, the HTTP API and the dashboard.

Documented in ``docs/cli.md``; a field is only ever added, never renamed or removed within a major version.
"""

from __future__ import annotations

from typing import Any

from casus.kb.events import Event
from casus.kb.knowledge import KnowledgeBase, Roster
from casus.kb.memberships import Membership
from casus.kb.organizations import Organization
from casus.obligations.conditions import Step
from casus.obligations.evaluate import TreatyResult

CONTRACT_VERSION = "1"


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
        "aliases": [a for lg, a in org.acronyms if not lg],
        "founded": _iso(org.founded),
        "dissolved": _iso(org.dissolved),
        "institutional": org.institutional,
        "origin": org.origin,
        "coverage": {"start": _iso(org.coverage.start), "end": _iso(org.coverage.end)},
        "bodies": [
            {"id": b.id, "name": b.name, "kind": b.kind, "decision_rule": b.decision_rule.value} for b in org.bodies
        ],
        "source": source_citation(kb, org.sources),
    }


def spell_to_dict(kb: KnowledgeBase, m: Membership) -> dict[str, Any]:
    """A membership spell (the ``history`` item)."""
    return {
        "organization": m.organization,
        "state": m.state,
        "name": kb.states.get(m.state).name,
        "name_then": kb.states.name_on(m.state, m.start),
        "status": m.status.value,
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


def roster_to_dict(kb: KnowledgeBase, roster: Roster) -> dict[str, Any]:
    """The ``members`` object: organization, on, members[] (state, name, status, since, source)."""
    org = roster.organization
    return {
        "organization": org.id,
        "organization_name": org.name,
        "on": roster.on.isoformat(),
        "known_through": _iso(org.coverage.end),
        "beyond_coverage": roster.beyond_coverage,
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


def result_to_dict(kb: KnowledgeBase, r: TreatyResult) -> dict[str, Any]:
    """One ``obligations`` item: treaty, organization, verdict, provision, obligated, permitted, explanation."""
    p = r.provision
    return {
        "treaty": r.treaty.id,
        "treaty_title": r.treaty.title,
        "organization": r.treaty.organization,
        "atop_id": r.treaty.atop_id,
        "verdict": r.verdict.value,
        "provision": None
        if p is None
        else {
            "id": p.id,
            "article": p.article,
            "kind": p.kind.value,
            "modality": p.modality.value,
            "action": p.action.value,
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
        "explanation": [step_to_dict(s) for s in r.explanation],
        "sources": {sid: kb.source(sid).cite() for s in r.explanation for sid in s.sources if sid in kb.sources},
    }
