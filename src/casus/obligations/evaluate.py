"""Casus-foederis evaluation: which treaties an event triggers, who must do what, what is permitted, and why.

Worked cases (see ``docs/obligations.md``):

* NATO Art. 5 and Ceuta: Spain is a party and the attack is on Spanish territory, but Ceuta lies in Africa,
  outside the Art. 6 area — ``not_triggered`` (location fails).
* CSTO Art. 4 and Kyrgyzstan attacking Tajikistan: both are parties — ``not_triggered``
  (attacker_outside fails); Art. 2 consultations still apply.
* The Armenia–Azerbaijan border zone flagged as disputed: ``indeterminate`` (target_territory unknown).
* NATO, 12 September 2001, a non-state attack on the United States: ``triggered``, citing the North
  Atlantic Council's statement of that day.

References:
    North Atlantic Treaty (1949), Arts. 4–6; Collective Security Treaty (1992), Arts. 2 and 4;
    ATOP 5.1 codebook (conditions on obligations).
"""

from __future__ import annotations

import datetime as dt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.treaties import Action, ConditionKind, CrisisKind, Modality, PledgeKind, Provision, Suspension, Treaty
from casus.obligations.breach import ended_on_the_day, find_breach, neutrality_between_parties
from casus.obligations.conditions import Outcome, Step, evaluate_condition, is_party
from casus.obligations.crisis import Crisis
from casus.obligations.parties import (
    beneficiary_step,
    coverage_end,
    excluded_parties,
    obligated_parties,
    protects,
    verified_through,
)
from casus.obligations.practice import action_steps, cyber_step, matching_actions
from casus.obligations.results import Duty, Permission, ProvisionResult, TreatyResult, Verdict
from casus.obligations.statements import no_mutual_defence_results
from casus.obligations.words import article_label, plain, provision_label

_BENEFICIARY_KINDS = (PledgeKind.DEFENSE, PledgeKind.CONSULTATION, PledgeKind.NEUTRALITY)
_RANK = {PledgeKind.DEFENSE: 0, PledgeKind.NEUTRALITY: 1, PledgeKind.CONSULTATION: 2}


def _combine(outcomes: list[Outcome]) -> Verdict:
    if Outcome.FAIL in outcomes:
        return Verdict.NOT_TRIGGERED
    if Outcome.UNKNOWN in outcomes:
        return Verdict.INDETERMINATE
    return Verdict.TRIGGERED


def _pledge_steps(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> tuple[list[Step], bool]:
    """The steps before the conditions (in effect, event kind, kind of pledge) and whether the evaluation goes on."""
    label = article_label(provision)
    src, pid = provision.sources, provision.id
    if provision.effective is not None and crisis.on < provision.effective:
        return [Step("in_force", Outcome.FAIL, f"{label} takes effect only on {provision.effective}", src, pid)], False
    cyber = crisis.kind is CrisisKind.CYBER
    if cyber and CrisisKind.THREAT in provision.triggers:
        steps = [
            Step("event_kind", Outcome.PASS, f"{label} answers a threat; a cyber operation is at least one", src, pid)
        ]
    elif cyber and CrisisKind.ARMED_ATTACK in provision.triggers and provision.kind is PledgeKind.DEFENSE:
        steps = [cyber_step(kb, treaty, provision, crisis)]
    elif crisis.kind not in provision.triggers:
        kinds = " or ".join(plain(k) for k in provision.triggers)
        detail = f"{label} answers {kinds}; this event is {plain(crisis.kind)}"
        return [Step("event_kind", Outcome.FAIL, detail, src[:1], pid)], False
    else:  # what the article answers is in its text: the first source
        steps = [Step("event_kind", Outcome.PASS, f"{label} answers {plain(crisis.kind)}", src[:1], pid)]
    if (broken := neutrality_between_parties(kb, treaty, provision, crisis)) is not None:
        return [*steps, broken], False
    if provision.kind in _BENEFICIARY_KINDS or provision.modality is Modality.PERMISSION:
        return [*steps, beneficiary_step(kb, treaty, provision, crisis)], True
    if provision.kind is PledgeKind.NON_AGGRESSION:
        breach = find_breach(kb, treaty, crisis)
        detail = (
            "the attack is between two parties and breaches this non-aggression pledge"
            if breach is not None and provision.id in breach.provisions
            else "the pledge binds the parties not to attack each other; this event is not an armed attack "
            "between parties"
        )
        return [*steps, Step("non_aggression", Outcome.FAIL if breach else Outcome.INFO, detail, src, pid)], False
    # offense pledges are about joint attack, not answering one
    detail = "an offensive pledge is not activated by an attack on a party"
    return [*steps, Step("offense", Outcome.INFO, detail, src, pid)], False


def _bound_step(kb: KnowledgeBase, provision: Provision, crisis: Crisis) -> Step:
    """For a one-sided pledge (ATOP's Belgium–France 1832): who bears it, and whether one of them can owe it here."""
    others = [s for s in provision.bound if s not in (crisis.target, crisis.attacker.state)]
    names = ", ".join(kb.states.name_on(s, crisis.on) for s in provision.bound)
    verb = "bears" if len(provision.bound) == 1 else "bear"
    if not others:
        detail = (
            f"only {names} {verb} this obligation; none of them can owe it "
            f"to {kb.states.name_on(crisis.target, crisis.on)} here"
        )
        return Step("bound", Outcome.FAIL, detail, provision.sources, provision.id)
    kind = "one-sided pledge" if len(provision.bound) <= 2 else "not every party bears this pledge"
    detail = f"{kind}: only {names} {verb} this obligation"
    return Step("bound", Outcome.INFO, detail, provision.sources, provision.id)


def evaluate_provision(kb: KnowledgeBase, treaty: Treaty, provision: Provision, crisis: Crisis) -> ProvisionResult:
    """Evaluate one provision of one treaty against a crisis, condition by condition."""
    steps, goes_on = _pledge_steps(kb, treaty, provision, crisis)
    if not goes_on:
        return ProvisionResult(provision, Verdict.NOT_TRIGGERED, tuple(steps))
    if provision.bound and provision.modality is Modality.OBLIGATION:
        steps.append(_bound_step(kb, provision, crisis))
    for cond in provision.conditions:
        steps.append(evaluate_condition(kb, treaty, provision, cond, crisis))
    if (
        not crisis.attacker.is_state
        and provision.kind is PledgeKind.DEFENSE
        and provision.modality is Modality.OBLIGATION
        and provision.condition(ConditionKind.STATE_ATTACKER) is None
    ):
        detail = "the source does not say whether an attack by a non-state actor engages this pledge"
        steps.append(Step("state_attacker", Outcome.UNKNOWN, detail, provision.sources, provision.id))
    return ProvisionResult(provision, _combine([s.outcome for s in steps]), tuple(steps))


def _intro_steps(kb: KnowledgeBase, treaty: Treaty, on: dt.date, dataset_end: dt.date | None) -> list[Step]:
    """Whether the treaty binds on the date: entry into force, the source's coverage, the facts' verified-through."""
    if treaty.in_force is None:
        detail = (
            f"{treaty.title} was signed on {treaty.signed}; its entry into force "
            "is not recorded, so whether it binds on this date is unknown"
        )
        intro = [Step("in_force", Outcome.UNKNOWN, detail, treaty.sources)]
    else:
        intro = [Step("in_force", Outcome.PASS, f"{treaty.title} in force since {treaty.in_force}", treaty.sources)]
    if dataset_end and on > dataset_end:
        detail = (
            f"unknown after {dataset_end} (coverage): the source ({treaty.origin}) records no end for "
            f"this alliance but speaks only to {dataset_end}; whether it still binds on {on} is unknown"
        )
        intro.append(Step("coverage", Outcome.UNKNOWN, detail, treaty.sources))
    verified = verified_through(kb, treaty)
    if verified and on > verified:
        detail = (
            f"casus's facts on {treaty.title} are verified through {verified}: the parties and statuses used "
            f"are those known then; changes after {verified} are unknown"
        )
        intro.append(Step("verified_through", Outcome.INFO, detail, treaty.sources))
    return intro


def _decide(intro: list[Step], obligations: list[ProvisionResult]) -> tuple[Verdict, ProvisionResult | None]:
    """The treaty's verdict and its decisive provision: those of its principal pledge.

    Defence comes before neutrality before consultation: a clash between two CSTO members triggers Art. 2
    consultations but not the casus foederis of Art. 4.
    """
    principal_rank = min((_RANK.get(r.provision.kind, 9) for r in obligations), default=9)
    principal = [r for r in obligations if _RANK.get(r.provision.kind, 9) == principal_rank]
    triggered = [r for r in principal if r.verdict is Verdict.TRIGGERED]
    unknown = [r for r in principal if r.verdict is Verdict.INDETERMINATE]
    all_fail = bool(principal) and all(r.verdict is Verdict.NOT_TRIGGERED for r in principal)
    if any(s.outcome is Outcome.UNKNOWN for s in intro) and not all_fail:
        candidates = triggered or unknown or principal
        return Verdict.INDETERMINATE, candidates[0] if candidates else None
    if triggered:
        return Verdict.TRIGGERED, triggered[0]
    if unknown:
        return Verdict.INDETERMINATE, unknown[0]
    return Verdict.NOT_TRIGGERED, principal[0] if principal else None


def _duties(intro: list[Step], obligations: list[ProvisionResult], helpers: list[str]) -> list[Duty]:
    """Who owes what under each triggered obligation.

    No duty can be asserted while whether the treaty binds at all is unknown (entry into force not recorded,
    or the date beyond a dataset's coverage), even when the principal pledge fails anyway.
    """
    if any(s.outcome is Outcome.UNKNOWN for s in intro):
        return []
    duties: list[Duty] = []
    for r in sorted(obligations, key=lambda r: _RANK.get(r.provision.kind, 9)):
        if r.verdict is not Verdict.TRIGGERED:
            continue
        act = Action.STAY_NEUTRAL if r.provision.kind is PledgeKind.NEUTRALITY else r.provision.action
        bound = set(r.provision.bound)
        duties += [Duty(s, act, r.provision.id, r.provision.article) for s in helpers if not bound or s in bound]
    return duties


def _explanation(
    kb: KnowledgeBase,
    treaty: Treaty,
    crisis: Crisis,
    intro: list[Step],
    results: list[ProvisionResult],
    obligated: tuple[str, ...],
    suspended: list[Suspension],
) -> tuple[Step, ...]:
    """The trace: the intro, each provision's steps and verdict, and who is suspended or excluded.

    Suspended: obligated parties whose participation is frozen, and parties that suspended their own obligations
    towards the target. Excluded: parties whose government takes no part (Cuba in the Rio Treaty from 1962).
    """
    on = crisis.on
    explanation = [*intro]
    for r in results:
        p = r.provision
        if p.version:
            detail = f"{provision_label(p)} read {p.version} (the wording in force on {on})"
            explanation.append(Step("version", Outcome.INFO, detail, p.sources, p.id))
        explanation.extend(r.steps)
        explanation.append(
            Step("provision", _verdict_outcome(r.verdict), f"{provision_label(p)}: {plain(r.verdict)}", p.sources, p.id)
        )
    frozen = [
        st for st in obligated if (m := kb.status_on(st, treaty.party_scope, on)) and m.status is Status.SUSPENDED
    ]
    if frozen:
        names = ", ".join(kb.states.name_on(st, on) for st in frozen)
        detail = (
            f"{names}: participation suspended, still formally "
            "bound as a party but not taking part in the organization's decisions"
        )
        explanation.append(Step("suspended_parties", Outcome.INFO, detail, treaty.sources))
    explanation += excluded_parties(kb, treaty, crisis)
    for x in suspended:
        detail = (
            f"{kb.states.name_on(x.by, on)} has suspended its obligations towards "
            f"{kb.states.name_on(x.towards, on)} since {x.start}; the other parties' obligations stand"
        )
        explanation.append(Step("suspension", Outcome.INFO, detail, x.sources))
    return tuple(explanation)


def evaluate_treaty(kb: KnowledgeBase, treaty: Treaty, crisis: Crisis) -> TreatyResult:
    """Evaluate every provision of one treaty and combine them into the treaty's answer."""
    on = crisis.on
    dataset_end = coverage_end(kb, treaty)
    intro = _intro_steps(kb, treaty, on, dataset_end)
    results = [evaluate_provision(kb, treaty, p, crisis) for p in treaty.provisions_on(on)]
    obligations = [r for r in results if r.provision.modality is Modality.OBLIGATION]
    verdict, decisive = _decide(intro, obligations)
    helpers = obligated_parties(kb, treaty, crisis)
    suspended = [x for st in helpers if (x := treaty.suspended(st, crisis.target, on))]
    helpers = [st for st in helpers if not any(x.by == st for x in suspended)]
    duties = _duties(intro, obligations, helpers)
    obligated = tuple(
        dict.fromkeys(
            d.state
            for d in duties
            if decisive and d.provision == decisive.provision.id and verdict is Verdict.TRIGGERED
        )
    )
    permitted = tuple(
        _permission(r, kb, crisis)
        for r in results
        if r.provision.modality is Modality.PERMISSION and r.verdict is not Verdict.NOT_TRIGGERED
    )
    breach = find_breach(kb, treaty, crisis)
    actions = matching_actions(kb, treaty, crisis)
    explanation = _explanation(kb, treaty, crisis, intro, results, obligated, suspended)
    if breach is not None:
        explanation = (*explanation, Step("breach", Outcome.FAIL, breach.detail, breach.sources))
    return TreatyResult(
        treaty,
        verdict,
        decisive.provision if decisive else None,
        obligated,
        tuple(duties),
        permitted,
        (*explanation, *action_steps(kb, treaty, actions)),
        tuple(results),
        unknown_after=dataset_end if dataset_end and on > dataset_end else None,
        breach=breach,
        actions=actions,
    )


def _verdict_outcome(v: Verdict) -> Outcome:
    return {Verdict.TRIGGERED: Outcome.PASS, Verdict.NOT_TRIGGERED: Outcome.FAIL}.get(v, Outcome.UNKNOWN)


def _permission(result: ProvisionResult, kb: KnowledgeBase, crisis: Crisis) -> Permission:
    p = result.provision
    requires = tuple(s.detail for s in result.steps if s.outcome is Outcome.PROCEDURE)
    available = result.verdict is Verdict.TRIGGERED and not any(
        c.kind is ConditionKind.REQUEST for c in p.conditions if crisis.requested is not True
    )
    return Permission(p.action, p.id, p.article, requires, available, p.quote)


def evaluate_casus_foederis(
    kb: KnowledgeBase, crisis: Crisis, *, include_unrelated: bool = False
) -> list[TreatyResult]:
    """Evaluate every treaty in force on the crisis date in which the target or the attacker is a party.

    Args:
        kb: The knowledge base.
        crisis: The event.
        include_unrelated: Also list treaties in force to which neither is a party (all ``not_triggered``).

    Returns:
        One result per treaty, triggered first, then indeterminate, then not triggered.

    >>> import datetime as dt
    >>> from casus.curated import load_kb
    >>> from casus.obligations import make_crisis
    >>> kb = load_kb()
    >>> crisis = make_crisis(kb, attacker="Kyrgyzstan", target="Tajikistan", on=dt.date(2022, 9, 14))
    >>> [(r.treaty.id, r.verdict.value) for r in evaluate_casus_foederis(kb, crisis) if r.treaty.id == "cst-1992"]
    [('cst-1992', 'not_triggered')]
    """
    out = []
    pending = [
        t
        for t in kb.treaties.values()
        if t.in_force is None and t.signed <= crisis.on and (t.terminated is None or crisis.on < t.terminated)
    ]
    for treaty in [*kb.treaties_in_force(crisis.on), *pending]:
        if not treaty.provisions or treaty.no_mutual_defence is not None:
            continue
        involved = (
            is_party(kb, treaty, crisis.target, crisis.on)
            or is_party(kb, treaty, crisis.attacker.state, crisis.on)
            or protects(kb, treaty, crisis)
        )
        if not involved:
            spell = kb.status_on(crisis.target, treaty.party_scope, crisis.on)
            if not include_unrelated and spell is None:
                continue
        out.append(evaluate_treaty(kb, treaty, crisis))
    out += ended_on_the_day(kb, crisis)
    out += no_mutual_defence_results(kb, crisis)
    order = {Verdict.TRIGGERED: 0, Verdict.INDETERMINATE: 1, Verdict.NOT_TRIGGERED: 2, Verdict.NO_MUTUAL_DEFENCE: 3}
    return sorted(out, key=lambda r: (order[r.verdict], r.treaty.signed, r.treaty.id))
