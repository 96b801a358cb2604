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
    CYBER = "cyber"


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
    ANY_OF = "any_of"


#: Conditions about where the event took place (they depend on the place and the target only).
PLACE_CONDITIONS = frozenset({ConditionKind.TARGET_TERRITORY, ConditionKind.LOCATION})


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
        branches: For ``any_of``: the alternative conditions, any one of which suffices (the Rio Treaty's
            Art. 3(3): an attack "within the region described in Article 4 or within the territory of an
            American State"). Branches are place conditions (``location``, ``target_territory``).
    """

    kind: ConditionKind
    values: tuple[str, ...] = ()
    text: str = ""
    sources: tuple[str, ...] = ()
    branches: tuple[Condition, ...] = ()

    def __post_init__(self) -> None:
        if (self.kind is ConditionKind.ANY_OF) != bool(self.branches):
            raise InvalidInputError(
                f"condition {self.kind.value!r}: `branches` belong to an `any_of` condition, which needs two or more"
            )
        if self.kind is ConditionKind.ANY_OF and (
            len(self.branches) < 2 or any(b.kind not in PLACE_CONDITIONS for b in self.branches)
        ):
            raise InvalidInputError(
                "an `any_of` condition needs two or more branches, each a place condition (location, target_territory)"
            )

    @property
    def specified(self) -> bool:
        """Whether the condition's details are known."""
        return bool(self.values)


@dataclass(frozen=True)
class NoMutualDefence:
    """The sourced statement that an organization or agreement carries no mutual-defence obligation.

    For the groupings people take for alliances (the SCO, AUKUS, the Quad), so that a casus-foederis question
    involving a member gets the answer "no mutual defence obligation", with its citation, instead of silence.

    Attributes:
        text: What the grouping does and does not oblige, in plain words.
        sources: Source ids (the founding text first, where there is one).
        quote: A short quote supporting it.
    """

    text: str
    sources: tuple[str, ...] = ()
    quote: str = ""

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise InvalidInputError("a no_mutual_defence statement needs its text")


@dataclass(frozen=True)
class Suspension:
    """An obligation one party has suspended towards one other party only (a one-directional suspension).

    The treaty stays in force between the others: after 1986 the United States no longer owed New Zealand
    its ANZUS obligations, while Australia's obligations to New Zealand (and New Zealand's to Australia) held.

    Attributes:
        by: The state that suspended its obligations.
        towards: The state towards which they are suspended.
        start: When the suspension took effect.
        end: When it ended (``None``: still so on the verified-through date).
        sources: Source ids.
        note: Context (what the other direction of the pair did).
    """

    by: str
    towards: str
    start: dt.date
    end: dt.date | None = None
    sources: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if self.by == self.towards:
            raise InvalidInputError(f"a suspension needs two different states, not {self.by} towards itself")
        if self.end is not None and self.end < self.start:
            raise InvalidInputError(f"suspension by {self.by} towards {self.towards} ends before it starts")

    def active_on(self, on: dt.date) -> bool:
        """Whether the suspension holds on ``on``."""
        return in_span(on, self.start, self.end)


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
        until: The day this wording stopped applying, when an amendment replaced it. An amended article is
            a new provision (a new *version*) with the same ``article``: its ``effective`` is the day the
            amendment entered into force, and the previous version's ``until`` is that same day.
        version: A label for the wording (``as amended by the 1951 protocol``).
        beneficiaries: When the pledge protects more than the parties: a scope id whose ``states`` are the
            states protected (the Rio Treaty's Art. 3 covers an armed attack "against an American State",
            party or not). Empty: the parties only.
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
    until: dt.date | None = None
    version: str = ""
    beneficiaries: str = ""

    def __post_init__(self) -> None:
        if not self.triggers:
            raise InvalidInputError(f"provision {self.id!r} needs at least one trigger kind")
        if self.effective and self.until and self.until <= self.effective:
            raise InvalidInputError(f"provision {self.id!r} stops applying ({self.until}) before it takes effect")

    def applies_on(self, on: dt.date) -> bool:
        """Whether this wording was the one in force on ``on`` (from ``effective``, before ``until``)."""
        return in_span(on, self.effective, self.until)

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
        no_mutual_defence: The sourced statement that the agreement carries no mutual-defence obligation
            (AUKUS), for the engine to cite.
        suspensions: One-directional suspensions of obligations between two parties.
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
    no_mutual_defence: NoMutualDefence | None = None
    suspensions: tuple[Suspension, ...] = ()

    def __post_init__(self) -> None:
        if self.in_force and self.in_force < self.signed:
            raise InvalidInputError(f"treaty {self.id!r} enters into force before it is signed")
        for p in self.provisions:
            for q in self.provisions:
                if p.id < q.id and p.article == q.article and _overlap(p, q):
                    raise InvalidInputError(
                        f"treaty {self.id!r}: two versions of Art. {p.article} ({p.id}, {q.id}) apply on the "
                        "same day; end the first (`until:`) on the day the second takes effect (`effective:`)"
                    )

    def provisions_on(self, on: dt.date) -> tuple[Provision, ...]:
        """The provisions as worded on ``on``: for an amended article, the version in force that day.

        A provision with no other version is always returned (the engine then says when it takes effect);
        a version that an amendment has replaced, or that a later amendment will introduce, is left out when
        another version of the same article applies on ``on``.

        >>> import datetime as dt
        >>> from casus.curated import load_kb
        >>> nat = load_kb().treaty("north-atlantic-1949")
        >>> [p.id for p in nat.provisions_on(dt.date(1955, 1, 1)) if p.article == "5"]
        ['nat-art5-1952']
        """
        current = {p.article for p in self.provisions if p.applies_on(on)}
        return tuple(
            p
            for p in self.provisions
            if p.applies_on(on) or (p.article not in current and not (p.until and on >= p.until))
        )

    def suspended(self, by: str, towards: str, on: dt.date) -> Suspension | None:
        """The one-directional suspension of ``by``'s obligations towards ``towards`` active on ``on``."""
        return next((x for x in self.suspensions if x.by == by and x.towards == towards and x.active_on(on)), None)

    def in_force_on(self, on: dt.date) -> bool:
        """Whether the treaty was in force on ``on``."""
        return self.in_force is not None and in_span(on, self.in_force, self.terminated)

    @property
    def party_scope(self) -> str:
        """Id under which its parties' membership spells are recorded."""
        return self.organization or self.id


def _overlap(a: Provision, b: Provision) -> bool:
    """Whether two dated versions of one article apply on a common day (undated provisions are not versions)."""
    if not (a.effective or a.until or b.effective or b.until):
        return False
    start = max(a.effective or dt.date.min, b.effective or dt.date.min)
    end = min(a.until or dt.date.max, b.until or dt.date.max)
    return start < end
