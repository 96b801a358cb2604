"""Who a treaty binds in a crisis: the beneficiary's standing, the obligated parties, and coverage dates.

Helpers of :mod:`casus.obligations.evaluate`: whether the target is a party (member, suspended — and then
whether suspended members are covered — or of disputed status), which parties bear the duty, and until when
the sources speak for the treaty (a dataset's coverage end; a curated treaty's verified-through date).
"""

from __future__ import annotations

import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.treaties import Provision, Treaty
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import Crisis


def beneficiary_step(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> Step:
    """Whether the target is covered: a party, a suspended member (covered or not), or of disputed status."""
    spell = kb.status_on(crisis.target, treaty.party_scope, crisis.on)
    name = kb.states.name_on(crisis.target, crisis.on)
    if spell is not None and spell.status is Status.DISPUTED:
        by = f", recognised by {len(spell.recognised_by)} parties" if spell.recognised_by else ""
        claim = f" (claimed by {spell.claimed_by}{by})" if spell.claimed_by else by
        return Step(
            "target_party",
            Outcome.UNKNOWN,
            f"{name}'s party status is disputed since {spell.start}{claim}; whether it is covered is unknown",
            spell.sources,
            provision.id,
        )
    if spell is None or not spell.status.is_party:
        status = f"is {spell.status.value}" if spell else "is not a party"
        return Step("target_party", Outcome.FAIL, f"{name} {status} on {crisis.on}", treaty.sources, provision.id)
    if spell.status is Status.SUSPENDED:
        why = f"{name}'s participation is suspended ({spell.qualifier or 'frozen'}) since {spell.start}"
        srcs = (*spell.sources, *provision.sources)
        if provision.covers_suspended is True:
            return Step(
                "target_party",
                Outcome.PASS,
                f"{why}, but it remains a party and the organization says its commitments to it stand",
                srcs,
                provision.id,
            )
        if provision.covers_suspended is False:
            return Step("target_party", Outcome.FAIL, f"{why}; suspended members are not covered", srcs, provision.id)
        return Step(
            "target_party", Outcome.UNKNOWN, f"{why}; whether it is still covered is unknown", srcs, provision.id
        )
    return Step(
        "target_party",
        Outcome.PASS,
        f"{name} is a {spell.status.value} since {spell.start}",
        spell.sources,
        provision.id,
    )


def coverage_end(kb: KnowledgeBase, treaty: Treaty) -> dt.date | None:
    """The last day a dataset alliance's source speaks for (``None`` for curated treaties)."""
    if treaty.origin == "curated":
        return None
    org = kb.organizations.get(treaty.party_scope)
    return org.coverage.end if org else None


def verified_through(kb: KnowledgeBase, treaty: Treaty) -> dt.date | None:
    """The verified-through date of a curated treaty (its organization's, or its own for a treaty-only pact)."""
    if treaty.origin != "curated":
        return None
    org = kb.organizations.get(treaty.party_scope)
    return org.coverage.end if org else treaty.verified_through


def obligated_parties(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> list[str]:
    """The parties that can owe assistance: active parties other than the target and the attacker, by name."""
    parties = [m.state for m in kb.spells(treaty.party_scope) if m.active_on(crisis.on) and m.status.is_party]
    out = [s for s in dict.fromkeys(parties) if s not in (crisis.target, crisis.attacker.state)]
    return sorted(out, key=lambda s: kb.states.name_on(s, crisis.on))
