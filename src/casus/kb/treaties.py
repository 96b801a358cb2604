"""Treaties, their provisions, and the conditions a provision puts on its obligation.

The vocabulary follows ATOP (Leeds et al. 2002, ATOP 5.1 codebook): a provision is a *defense*, *offense*,
*neutrality*, *non-aggression* or *consultation* pledge, and it may be *conditional* on a specific
adversary, a location, a specific conflict, the number of attackers, non-compliance with a demand, or the
non-provocation of the attack. casus adds what the codebook leaves implicit but practice needs: whether the
attacker must be outside the alliance, whether non-state attackers count, and *permissions* — actions a
treaty allows but does not require (CSTO collective forces deployed at a member's request).

References:
    Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002.
    "Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237-260.
    ATOP 5.1 Codebook (2022), sections on DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL and the condition
    variables DEFCON…CONCON, SPECADV, SPECLOC, SPECTHRT, NUMTHRT, DEMAND, NOPROVOC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casus.errors import InvalidInputError
from casus.kb.dates import in_span


class PledgeKind(StrEnum):
    """ATOP's five kinds of obligation."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NON_AGGRESSION = "non_aggression"
    CONSULTATION = "consultation"


class Modality(StrEnum):
    """Whether a provision obliges or merely permits."""

    OBLIGATION = "obligation"
    PERMISSION = "permission"


class CrisisKind(StrEnum):
    """The kinds of event a casus-foederis question can be about."""

    ARMED_ATTACK = "armed-attack"
    THREAT = "threat"
    UNREST = "unrest"


class Action(StrEnum):
    """What a provision obliges or permits the parties to do."""

    ASSIST = "assist"
    CONSULT = "consult"
    STAY_NEUTRAL = "stay_neutral"
    REFRAIN = "refrain_from_attack"
    JOIN_OFFENSIVE = "join_offensive"
    DEPLOY_FORCES = "deploy_collective_forces"


class ConditionKind(StrEnum):
    """Conditions a provision may put on its obligation."""

    ADVERSARY = "adversary"
    LOCATION = "location"
    CONFLICT = "conflict"
    NUMBER = "number"
    DEMAND = "demand"
    NON_PROVOCATION = "non_provocation"
    ATTACKER_OUTSIDE = "attacker_outside"
    STATE_ATTACKER = "state_attacker"
    TARGET_TERRITORY = "target_territory"
    REQUEST = "request"
    DECISION = "decision"


@dataclass(frozen=True)
class Condition:
    """One condition on a provision.

    Attributes:
        kind: What the condition is about.
        values: Its parameters: adversary state ids, scope ids for a location, a conflict's name, the
            minimum number of attackers (as a string), a body id for a decision. Empty means the source says
            the condition exists but not its details (ATOP codes *that* a pledge is limited to a location,
            not *which* location): such a condition evaluates as indeterminate.
        text: Plain-language statement of the condition.
        sources: Source ids.
    """

    kind: ConditionKind
    values: tuple[str, ...] = ()
    text: str = ""
    sources: tuple[str, ...] = ()

    @property
    def specified(self) -> bool:
        """Whether the condition's details are known."""
        return bool(self.values)


@dataclass(frozen=True)
class Provision:
    """An article (or clause) of a treaty that obliges or permits.

    Attributes:
        id: Stable id (``cst-art4``).
        article: Article number as the treaty writes it (``4``, ``5``, ``Art. 7(2)``).
        kind: ATOP pledge kind.
        modality: Obligation or permission.
        action: What the parties must or may do.
        triggers: Crisis kinds that can activate it.
        conditions: Conditions that must hold.
        quote: A short quote of the article's wording.
        sources: Source ids (the treaty text, first).
        covers_suspended: Whether a suspended (frozen) member is still covered as a beneficiary, with the
            organization's word for it in ``note``; ``None`` when unknown.
        note: Interpretation notes, practice, disagreements.
        effective: The day the provision took effect when later than the treaty (the CSTO's collective forces
            exist only from the 2007 Agreement on Peacekeeping Activities).
        bound: The parties that bear the obligation, when not all do (ATOP's one-sided pledges: in 1832
            France promised to defend Belgium, not the reverse). Empty means every party.
    """

    id: str
    article: str
    kind: PledgeKind
    modality: Modality
    action: Action
    triggers: tuple[CrisisKind, ...]
    conditions: tuple[Condition, ...] = ()
    quote: str = ""
    sources: tuple[str, ...] = ()
    covers_suspended: bool | None = None
    note: str = ""
    bound: tuple[str, ...] = ()
    effective: dt.date | None = None

    def __post_init__(self) -> None:
        if not self.triggers:
            raise InvalidInputError(f"provision {self.id!r} needs at least one trigger kind")

    def condition(self, kind: ConditionKind) -> Condition | None:
        """The condition of that kind, if the provision has one."""
        return next((c for c in self.conditions if c.kind == kind), None)


@dataclass(frozen=True)
class Treaty:
    """A treaty (or a binding declaration) with its provisions.

    Attributes:
        id: Stable id (``cst-1992``, ``north-atlantic-1949``, ``atop-3180``).
        title: Title in English.
        organization: The organization whose members are its parties (``None`` for a treaty whose parties
            are listed as its own membership spells, e.g. a bilateral pact).
        signed: Signature date.
        in_force: Entry into force.
        terminated: Date it ceased to be in force, if it has.
        provisions: Its obliging and permitting articles.
        sources: Source ids.
        atop_id: The ATOP alliance identifier when ATOP codes it.
        note: Context.
        aliases: Other names and acronyms (Rio Treaty, TIAR, ANZUS), in any language.
        verified_through: Last date its facts were checked (for a treaty without an organization, whose
            coverage it then sets).
    """

    id: str
    title: str
    organization: str | None
    signed: dt.date
    in_force: dt.date | None
    terminated: dt.date | None = None
    provisions: tuple[Provision, ...] = ()
    sources: tuple[str, ...] = ()
    atop_id: int | None = None
    note: str = ""
    origin: str = "curated"
    aliases: tuple[str, ...] = ()
    verified_through: dt.date | None = None

    def __post_init__(self) -> None:
        if self.in_force and self.in_force < self.signed:
            raise InvalidInputError(f"treaty {self.id!r} enters into force before it is signed")

    def in_force_on(self, on: dt.date) -> bool:
        """Whether the treaty was in force on ``on``."""
        return self.in_force is not None and in_span(on, self.in_force, self.terminated)

    @property
    def party_scope(self) -> str:
        """Id under which its parties' membership spells are recorded."""
        return self.organization or self.id
