"""Breaches: an armed attack by one party on another breaks their non-aggression or neutrality pledge.

Such an attack does not "trigger" anything: it is a breach, reported as a headline of its own
(:class:`~casus.obligations.results.Breach`). It is found on the day of the attack even where the source
ends the alliance that same day — ATOP 5.1 ends the Molotov–Ribbentrop pact (alliance 2470, non-aggression and
neutrality) on 22 June 1941, the day Germany attacked the Soviet Union: the attack ended the pact, it did not
come after it. A neutrality pledge binds a party to stay out of its partner's war with an outsider; between the
two parties themselves it is broken, not triggered (:func:`neutrality_between_parties`).

References:
    Treaty of Non-Aggression between Germany and the Union of Soviet Socialist Republics (23 August 1939),
    Arts. I–II; ATOP 5.1 codebook (``nonagg``, ``neutral``; exit dates).
"""

from __future__ import annotations

import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership
from casus.kb.treaties import CrisisKind, Modality, PledgeKind, Provision, Treaty
from casus.obligations.conditions import Outcome, Step, possessive
from casus.obligations.crisis import Crisis
from casus.obligations.results import Breach, TreatyResult, Verdict
from casus.obligations.words import article_label

#: The pledges an attack between their parties breaks.
BREAKABLE = (PledgeKind.NON_AGGRESSION, PledgeKind.NEUTRALITY)
_WORDS = {PledgeKind.NON_AGGRESSION: "non-aggression", PledgeKind.NEUTRALITY: "neutrality"}


def party_at_attack(kb: KnowledgeBase, treaty: Treaty, state: str | None, on: dt.date) -> Membership | None:
    """The party spell of ``state`` on the day of an attack: active that day, or ended by the attack that day."""
    if state is None:
        return None
    return next(
        (
            m
            for m in kb.spells(treaty.party_scope)
            if m.state == state and m.status.is_party and (m.active_on(on) or m.end == on)
        ),
        None,
    )


def _pledges(treaty: Treaty, on: dt.date, attacker: str) -> list[Provision]:
    """The non-aggression and neutrality obligations binding ``attacker`` on ``on`` (or ended that day)."""
    current = {p.id for p in treaty.provisions_on(on)} | {p.id for p in treaty.provisions_on(on - dt.timedelta(1))}
    return [
        p
        for p in treaty.provisions
        if p.id in current
        and p.kind in BREAKABLE
        and p.modality is Modality.OBLIGATION
        and (not p.bound or attacker in p.bound)
    ]


def find_breach(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> Breach | None:
    """The breach an armed attack between two parties commits, if the treaty binds them not to attack or aid."""
    attacker = crisis.attacker.state
    if crisis.kind is not CrisisKind.ARMED_ATTACK or attacker is None:
        return None
    a = party_at_attack(kb, treaty, attacker, crisis.on)
    t = party_at_attack(kb, treaty, crisis.target, crisis.on)
    pledges = _pledges(treaty, crisis.on, attacker) if a and t else []
    if not a or not t or not pledges:
        return None
    on = crisis.on
    ended = on in (a.end, t.end, treaty.terminated)
    kinds = " and ".join(dict.fromkeys(_WORDS[p.kind] for p in pledges))
    arts = ", ".join(dict.fromkeys(article_label(p) for p in pledges))
    who, whom = kb.states.name_on(attacker, on), kb.states.name_on(crisis.target, on)
    noun = "pledges" if len(pledges) > 1 else "pledge"
    detail = f"{possessive(who)} armed attack on {whom} on {on} breaches the {kinds} {noun} ({arts}) binding them"
    if ended:
        source = "ATOP 5.1" if treaty.origin == "atop" else "the source"
        detail += (
            f"; {source} ends the alliance on {on}, the day of the attack — the attack ended it, and the "
            f"{noun} still bound both parties that day"
        )
    sources = tuple(dict.fromkeys((*treaty.sources, *(s for p in pledges for s in p.sources))))
    return Breach(
        attacker,
        crisis.target,
        on,
        tuple(p.id for p in pledges),
        tuple(p.article for p in pledges),
        ended,
        detail,
        sources,
    )


def neutrality_between_parties(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> Step | None:
    """The step saying a neutrality pledge is broken, not triggered, when the attacker is itself a party."""
    if (
        provision.kind is not PledgeKind.NEUTRALITY
        or party_at_attack(kb, treaty, crisis.attacker.state, crisis.on) is None
    ):
        return None
    detail = (
        f"{crisis.attacker.label} is itself a party: a neutrality pledge binds each party to stay out of a war its "
        "partner fights with an outsider; between the parties themselves it is broken, not triggered"
    )
    return Step("neutrality", Outcome.FAIL, detail, provision.sources, provision.id)


def ended_on_the_day(kb: KnowledgeBase, crisis: Crisis) -> list[TreatyResult]:
    """Results for treaties the source ends on the day of the attack that the attack breaches.

    The treaty is no longer "in force" on that day in the source's half-open spans, yet the attack is what
    ended it; without this, the breach would vanish from the answer.
    """
    out = []
    for treaty in kb.treaties.values():
        if treaty.terminated != crisis.on or treaty.no_mutual_defence is not None:
            continue
        breach = find_breach(kb, treaty, crisis)
        if breach is None:
            continue
        provision = next(p for p in treaty.provisions if p.id == breach.provisions[0])
        steps = (
            Step(
                "in_force",
                Outcome.INFO,
                f"{treaty.title}: in force from {treaty.in_force or treaty.signed}; the source ends it on {crisis.on}, "
                "the day of the attack",
                treaty.sources,
            ),
            Step("breach", Outcome.FAIL, breach.detail, breach.sources, provision.id),
        )
        out.append(TreatyResult(treaty, Verdict.NOT_TRIGGERED, provision, (), (), (), steps, breach=breach))
    return out
