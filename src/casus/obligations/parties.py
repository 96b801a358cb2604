"""Who a treaty binds in a crisis: the beneficiary's standing, the obligated parties, and coverage dates.

Helpers of :mod:`casus.obligations.evaluate`: whether the target is a party (member, suspended — and then
whether suspended members are covered — or of disputed status), which parties bear the duty, and until when
the sources speak for the treaty (a dataset's coverage end; a curated treaty's verified-through date).
"""

from __future__ import annotations

import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership, Status
from casus.kb.treaties import Provision, Treaty
from casus.obligations.conditions import Outcome, Step
from casus.obligations.crisis import Crisis


def _protected(kb: KnowledgeBase, provision: Provision, crisis: Crisis) -> Step | None:
    """The step saying the target is protected whatever its party status, for a pledge with beneficiaries.

    Rio Art. 3 protects any American State; ``None`` when the pledge has no beneficiaries or the target is not one.
    """
    scope = kb.scopes.get(provision.beneficiaries) if provision.beneficiaries else None
    if scope is None or not any(e.ref == crisis.target and e.active_on(crisis.on) for e in scope.states):
        return None
    name = kb.states.name_on(crisis.target, crisis.on)
    return Step(
        "target_party",
        Outcome.PASS,
        f"{name} is one of the states the pledge protects ({scope.name}), whether a party or not",
        tuple(dict.fromkeys((*provision.sources, *scope.sources))),
        provision.id,
    )


def _standing(spell: Membership, name: str) -> str:
    """How a target's own party status reads beside its protection (``Cuba's government excluded … since …``)."""
    if spell.status is Status.EXCLUDED:
        return f"{name}: {spell.qualifier or 'government excluded from the organization'} (since {spell.start})"
    if spell.status is Status.DISPUTED:
        return f"{name}'s own party status is disputed since {spell.start}"
    return f"{name} is {spell.status.value} since {spell.start}"


def beneficiary_step(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> Step:
    """Whether the target is covered: a party, a protected non-party, a suspended or excluded member, or disputed."""
    spell = kb.status_on(crisis.target, treaty.party_scope, crisis.on)
    name = kb.states.name_on(crisis.target, crisis.on)
    protected = _protected(kb, provision, crisis)
    if protected is not None:
        if spell is None or spell.status is Status.MEMBER:
            return protected
        sources = tuple(dict.fromkeys((*protected.sources, *spell.sources)))
        return Step(
            "target_party", Outcome.PASS, f"{protected.detail}; {_standing(spell, name)}", sources, provision.id
        )
    if spell is not None and spell.status is Status.EXCLUDED:
        return Step(
            "target_party",
            Outcome.UNKNOWN,
            f"{_standing(spell, name)}; whether it is still covered is unknown",
            spell.sources,
            provision.id,
        )
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
    """The parties that can owe assistance: active parties other than the target and the attacker, by name.

    A party whose government is excluded from the organization's system (Cuba in the Rio Treaty from 1962) is
    not among them: it takes no part (see :func:`excluded_parties`).
    """
    parties = [
        m.state
        for m in kb.spells(treaty.party_scope)
        if m.active_on(crisis.on) and m.status.is_party and m.status is not Status.EXCLUDED
    ]
    out = [s for s in dict.fromkeys(parties) if s not in (crisis.target, crisis.attacker.state)]
    return sorted(out, key=lambda s: kb.states.name_on(s, crisis.on))


def excluded_parties(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> list[Step]:
    """One step per party whose government is excluded on the date, other than the target: status and date."""
    out = []
    for m in kb.spells(treaty.party_scope):
        if m.status is Status.EXCLUDED and m.active_on(crisis.on) and m.state != crisis.target:
            name = kb.states.name_on(m.state, crisis.on)
            detail = f"{_standing(m, name)}: not counted among the parties that must act"
            out.append(Step("excluded_party", Outcome.INFO, detail, m.sources))
    return out


def protects(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> bool:
    """Whether one of the treaty's pledges in effect protects the target as a non-party (Rio Art. 3)."""
    return any(_protected(kb, p, crisis) is not None for p in treaty.provisions_on(crisis.on) if p.beneficiaries)
