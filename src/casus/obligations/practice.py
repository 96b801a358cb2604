"""What an organization's own practice says about an event: its declared doctrine, its collective actions.

* A cyber operation (kind ``cyber``) is reported as the organization's declared doctrine on the date says —
  NATO since the Wales Summit of September 2014: cyber defence is part of collective defence and "a decision as
  to when a cyber attack would lead to the invocation of Article 5 would be taken by the North Atlantic Council
  on a case-by-case basis" — and never as triggered by itself: the answer is indeterminate, with the doctrine
  quoted. An organization that has declared none is said to have none: its treaty speaks of armed attack.
* When the event is one the organization answered with a collective action (the CSTO's deployment to
  Kazakhstan in January 2022), the result carries the basis its body invoked, the other readings, and whether
  the basis is contested, each with its sources.

References:
    Wales Summit Declaration (5 September 2014), para. 72; Warsaw Summit Communiqué (9 July 2016), para. 70;
    Brussels Summit Communiqué (14 June 2021), para. 32; CSTO Collective Security Council statement
    (6 January 2022).
"""

from __future__ import annotations

from casus.kb.knowledge import KnowledgeBase
from casus.kb.practice import CollectiveAction, doctrine_on
from casus.kb.treaties import CrisisKind, Provision, Treaty
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import Crisis
from casus.obligations.words import article_label


def cyber_step(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> Step:
    """How the organization's declared doctrine on the date reads a cyber operation under an armed-attack pledge.

    Always ``unknown``: whether a cyber operation engages the pledge is for the parties to decide.
    """
    org = kb.organizations.get(treaty.organization or "")
    said = doctrine_on(org.doctrines, CrisisKind.CYBER, crisis.on) if org else ()
    label = article_label(provision)
    if not said:
        who = org.name if org else treaty.title
        detail = (
            f"{who}: no declared doctrine on cyber operations (none in casus's sources on {crisis.on}); the treaty "
            f"speaks of armed attack ({label}), and whether a cyber operation amounts to one is not settled by the "
            "parties — never triggered by itself"
        )
        return Step("cyber_doctrine", Outcome.UNKNOWN, detail, provision.sources, provision.id)
    assert org is not None
    latest = said[-1]
    body = org.body(latest.decided_by) if latest.decided_by else None
    decided = f"; decided by the {body.name} case by case, never automatically" if body else ""
    quote = f" — “{latest.quote}”" if latest.quote else ""
    earlier = "; ".join(f"{d.start}: {d.text}" for d in said[:-1])
    detail = f"{org.name}'s declared doctrine on {crisis.on} (since {latest.start}): {latest.text}{quote}{decided}" + (
        f". Earlier: {earlier}" if earlier else ""
    )
    sources = tuple(dict.fromkeys(s for d in reversed(said) for s in d.sources))
    return Step("cyber_doctrine", Outcome.UNKNOWN, detail, sources, provision.id)


def matching_actions(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> tuple[CollectiveAction, ...]:
    """The organization's collective actions that answered this event, under this treaty."""
    org = kb.organizations.get(treaty.organization or "")
    if org is None:
        return ()
    ids = {p.id for p in treaty.provisions}
    return tuple(
        a
        for a in org.actions
        if a.matches(crisis.target, crisis.kind, crisis.on) and (not a.provision or a.provision in ids)
    )


def action_steps(kb: KnowledgeBase, treaty: Treaty, actions: tuple[CollectiveAction, ...]) -> list[Step]:
    """One step per matching collective action: the basis invoked, the other readings, whether contested."""
    org = kb.organizations.get(treaty.organization or "")
    out = []
    for a in actions:
        body = org.body(a.decided_by) if org and a.decided_by else None
        by = f"the {body.name}" if body else (org.name if org else "the organization")
        basis = a.invoked_basis
        quote = f": “{basis.quote}”" if basis.quote else ""
        others = "; ".join(r.text + (f" ({r.held_by})" if r.held_by else "") for r in a.alternative_readings)
        status = "contested" if a.contested else "not contested in the sources"
        detail = f"{a.title}: decided by {by} on {a.decided}, invoking {basis.text}{quote}. Legal basis {status}" + (
            f" — other reading: {others}" if others else ""
        )
        sources = tuple(
            dict.fromkeys((*basis.sources, *(s for r in a.alternative_readings for s in r.sources), *a.sources))
        )
        provision = a.provision or None
        out.append(Step("collective_action", Outcome.INFO, detail, sources, provision))
    return out
