"""The organization's procedure: request → invocation of an article → decision under the body's rule.

:func:`assess_procedure` asks the casus-foederis engine what the scenario's event triggers in the
organization's treaties and turns it into the *basis* for collective action:

* ``defence_triggered`` — a defence pledge (CSTO Art. 4, NATO Art. 5) is triggered;
* ``defence_indeterminate`` — a defence pledge may apply but a condition cannot be settled (a disputed
  border, a contested non-state attacker);
* ``permission`` — no obligation, but the organization *may* act (CSTO collective forces at a member's
  request, as for Kazakhstan's unrest in January 2022);
* ``consultation`` — only a consultation pledge applies (NATO Art. 4, CSTO Art. 2);
* ``none`` — no article applies: members may still help on their own, but there is nothing to invoke.

The decision rule comes from the body the article names (the CSTO Collective Security Council and NATO's
North Atlantic Council decide by consensus: one member's block stops collective action), unless the
scenario overrides it; a treaty without an organization has no collective body (rule ``none``), so each
party's action is its own.

The procedure is assessed once, when the crisis is compiled (:func:`casus.sim.crisis.model.compile_crisis`);
the runs need only its :attr:`Procedure.decision` (:mod:`casus.sim.crisis.decision`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from casus.errors import ScenarioError, UnknownEntityError
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Status
from casus.kb.organizations import DecisionRule, Organization
from casus.kb.treaties import ConditionKind, Modality, PledgeKind, Provision, Treaty
from casus.obligations import Crisis, TreatyResult, Verdict, evaluate_casus_foederis, make_crisis
from casus.sim.crisis.decision import Decision
from casus.sim.crisis.scenario import RequestKind, Scenario


class Basis(StrEnum):
    """What the organization's treaties give it to act on (strongest first)."""

    DEFENCE_TRIGGERED = "defence_triggered"
    DEFENCE_INDETERMINATE = "defence_indeterminate"
    PERMISSION = "permission"
    CONSULTATION = "consultation"
    NONE = "none"


@dataclass(frozen=True)
class Procedure:
    """The procedural frame of a scenario.

    Attributes:
        scope: Organization id, or treaty id for a treaty-only alliance.
        name: The organization's (or treaty's) name.
        organization: The organization, when there is one.
        crisis: The crisis given to the casus-foederis engine.
        basis: What the treaties give the organization to act on.
        article: The article the basis rests on (``4``, ``5``…), when any.
        provision: That provision's id.
        rule: The deciding body's rule.
        body: The deciding body's name (or a note that there is none).
        members: Participating members on the date (state ids), the requester included.
        helpers: Members whose choice is simulated (all participating members but the requester, the
            target and the attacker), in name order.
        requester: The requesting state id.
        requester_votes: Whether the requester is a participating member (it then votes for action).
        collective_possible: Whether collective action can be decided at all (there is an article to
            invoke, and a request where the article needs one).
        steps: The procedure explained, one sentence per step.
    """

    scope: str
    name: str
    organization: Organization | None
    crisis: Crisis
    basis: Basis
    article: str | None
    provision: str | None
    rule: DecisionRule
    body: str
    members: tuple[str, ...]
    helpers: tuple[str, ...]
    requester: str
    requester_votes: bool
    collective_possible: bool
    steps: tuple[str, ...]

    @property
    def n_voters(self) -> int:
        """Members taking part in the decision."""
        return len(self.helpers) + int(self.requester_votes)

    @property
    def decision(self) -> Decision:
        """What the runs apply to the members' choices."""
        return Decision(self.rule, self.n_voters, self.requester_votes, self.collective_possible)


def _resolve_scope(kb: KnowledgeBase, name: str) -> tuple[str, str, Organization | None, tuple[Treaty, ...]]:
    try:
        org = kb.organization(name)
    except UnknownEntityError as err:
        treaty = kb.treaties.get(name)
        if treaty is None:
            raise ScenarioError(
                f"organization {name!r} is neither an organization nor a treaty id in the knowledge base"
                + (f"; did you mean {' or '.join(repr(s) for s in err.suggestions)}?" if err.suggestions else "")
            ) from None
        return treaty.party_scope, treaty.title, None, (treaty,)
    return org.id, org.name, org, kb.treaties_of(org.id)


def _participants(kb: KnowledgeBase, scope: str, org: Organization | None, scenario: Scenario) -> list[str]:
    """Members with full participation (suspended, observer, partner and applicant states do not decide)."""
    if org is not None:
        if not org.exists_on(scenario.on):
            founded = org.founded.isoformat() if org.founded else "?"
            ended = f" and ended on {org.dissolved}" if org.dissolved else ""
            raise ScenarioError(
                f"{org.name} did not exist on {scenario.on} (it began on {founded}{ended}); date the scenario "
                "within its lifetime"
            )
        roster = kb.members_on(org, scenario.on)
        spells = roster.members
    else:
        spells = tuple(m for m in kb.spells(scope) if m.active_on(scenario.on))
    ids = [m.state for m in spells if m.status is Status.MEMBER]
    return sorted(dict.fromkeys(ids), key=lambda s: kb.states.get(s).name)


def _check_requester(
    kb: KnowledgeBase, scope: str, org: Organization | None, scenario: Scenario, requester: str, name: str
) -> None:
    """Refuse a requester that is no party of the organization on the date (a suspended member may ask).

    Raises:
        ScenarioError: The requester belongs to no spell of the organization active on the date.
    """
    spells = kb.members_on(org, scenario.on).members if org is not None else kb.spells(scope)
    party = {m.state for m in spells if m.active_on(scenario.on) and m.status in (Status.MEMBER, Status.SUSPENDED)}
    if requester not in party:
        raise ScenarioError(
            f"scenario {scenario.name}: {kb.states.get(requester).name} is not a member of {name} on {scenario.on}, "
            "so it cannot ask it for help; make the requester a member (or leave `requester` out when the "
            "target, a member, asks)"
        )


def _decision_body(provision: Provision | None, org: Organization | None) -> tuple[DecisionRule, str] | None:
    if org is None:
        return None
    if provision is not None:
        cond = provision.condition(ConditionKind.DECISION)
        for body_id in cond.values if cond else ():
            body = org.body(body_id)
            if body is not None:
                return body.decision_rule, body.name
    council = next((b for b in org.bodies if b.kind == "council"), None)
    return (council.decision_rule, council.name) if council else None


def _basis(results: list[TreatyResult], request: RequestKind) -> tuple[Basis, Provision | None, list[str]]:
    """The strongest basis among the organization's treaties, its provision and an explanation.

    A request for consultations invokes the consultation article when one applies, whatever else does.
    """
    found: dict[Basis, Provision] = {}
    notes: list[str] = []
    for r in results:
        coverage_unknown = r.verdict is Verdict.INDETERMINATE and not any(
            pr.verdict is Verdict.INDETERMINATE for pr in r.provisions
        )
        for pr in r.provisions:
            p = pr.provision
            if p.modality is not Modality.OBLIGATION:
                continue
            verdict = Verdict.INDETERMINATE if coverage_unknown and pr.verdict is Verdict.TRIGGERED else pr.verdict
            if p.kind is PledgeKind.DEFENSE and verdict is Verdict.TRIGGERED:
                found.setdefault(Basis.DEFENCE_TRIGGERED, p)
            elif p.kind is PledgeKind.DEFENSE and verdict is Verdict.INDETERMINATE:
                found.setdefault(Basis.DEFENCE_INDETERMINATE, p)
                why = next((s.detail for s in pr.steps if s.outcome.value == "unknown"), "a condition is unknown")
                notes.append(f"{_art(p)} is indeterminate: {why}")
            elif p.kind is PledgeKind.CONSULTATION and verdict is not Verdict.NOT_TRIGGERED:
                found.setdefault(Basis.CONSULTATION, p)
        for perm in r.permitted:
            if perm.available:
                prov = next((x for x in r.treaty.provisions if x.id == perm.provision), None)
                if prov is not None:
                    found.setdefault(Basis.PERMISSION, prov)
    if request is RequestKind.CONSULTATION and Basis.CONSULTATION in found:
        return Basis.CONSULTATION, found[Basis.CONSULTATION], notes
    for basis in Basis:
        if basis in found:
            return basis, found[basis], notes
    return Basis.NONE, None, notes


def _art(p: Provision) -> str:
    return f"Art. {p.article}" if p.article[:1].isdigit() else p.article


def assess_procedure(kb: KnowledgeBase, scenario: Scenario) -> Procedure:
    """Evaluate the scenario's event against the organization's treaties and set up its decision.

    Raises:
        ScenarioError: Unknown organization, or a requester that is not a participating member.
        UnknownEntityError: Unknown state or place.
    """
    scope, name, org, treaties = _resolve_scope(kb, scenario.organization)
    crisis = make_crisis(
        kb,
        attacker=scenario.attacker,
        target=scenario.target,
        on=scenario.on,
        place=scenario.place,
        disputed=scenario.disputed,
        kind=scenario.kind,
        requested=scenario.requested,
    )
    ids = {t.id for t in treaties}
    results = [r for r in evaluate_casus_foederis(kb, crisis) if r.treaty.id in ids]
    basis, provision, notes = _basis(results, scenario.request)
    requester = kb.state(scenario.requester or scenario.target).id
    members = _participants(kb, scope, org, scenario)
    excluded = {requester, crisis.target, crisis.attacker.state}
    # one-directional suspensions (the United States towards New Zealand under ANZUS since 1986)
    excluded |= {x.by for t in treaties for x in t.suspensions if x.towards == crisis.target and x.active_on(crisis.on)}
    helpers = tuple(s for s in members if s not in excluded)
    requester_votes = requester in members
    if not requester_votes:
        _check_requester(kb, scope, org, scenario, requester, name)
    steps = [f"{kb.states.get(requester).name} asks {name} for {scenario.request.value} on {scenario.on}."]
    target = kb.states.get(crisis.target).name
    if provision is not None:
        steps.append(f"{_art(provision)} ({provision.kind.value}, {provision.modality.value}): basis is {basis.value}.")
    else:
        steps.append(f"No article of {name} applies to a {crisis.kind.value} against {target}: basis is none.")
    steps += notes
    if scenario.article and provision is not None and provision.article != scenario.article:
        steps.append(
            f"The request cites Art. {scenario.article}; the engine finds {_art(provision)} the strongest basis."
        )
    collective = basis is not Basis.NONE and not (basis is Basis.PERMISSION and not scenario.requested)
    if scenario.decision_rule is not None:
        rule, body = scenario.decision_rule, "deciding body (rule set by the scenario)"
    else:
        found = _decision_body(provision, org)
        rule, body = found if found else (DecisionRule.NONE, "no collective body: each party acts on its own")
    if rule is DecisionRule.NONE:
        steps.append(f"{name} has no collective decision: any party may act under the treaty on its own.")
    else:
        veto = "; one member's block stops collective action" if rule.blocks_with_one_veto() else ""
        steps.append(f"The {body} decides by {rule.value.replace('_', ' ')}{veto}.")
    if not collective:
        steps.append("Nothing can be invoked collectively; members may still help bilaterally.")
    if not helpers:
        steps.append(f"No other participating member of {name} on {scenario.on}.")
    return Procedure(
        scope=scope,
        name=name,
        organization=org,
        crisis=crisis,
        basis=basis,
        article=provision.article if provision else None,
        provision=provision.id if provision else None,
        rule=rule,
        body=body,
        members=tuple(members),
        helpers=helpers,
        requester=requester,
        requester_votes=requester_votes,
        collective_possible=collective,
        steps=tuple(steps),
    )
