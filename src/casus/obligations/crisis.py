"""The question a casus-foederis evaluation answers: who attacked whom, where, when, and how."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casus.errors import InvalidInputError
from casus.kb.places import Place
from casus.kb.treaties import CrisisKind

NON_STATE = "non-state"
#: What of a state can be attacked besides its territory (NATO Art. 6(ii): "forces, vessels, or aircraft").
FORCES = ("forces", "vessel", "aircraft")


@dataclass(frozen=True)
class Attacker:
    """The actor behind the event: a state (by id) or a non-state actor (by name).

    >>> Attacker.non_state("al-Qaeda").label
    'non-state actor al-Qaeda'
    """

    state: str | None
    name: str

    @classmethod
    def non_state(cls, name: str = "") -> Attacker:
        """A non-state attacker, optionally named."""
        return cls(None, name.strip())

    @property
    def is_state(self) -> bool:
        """Whether the attacker is a state."""
        return self.state is not None

    @property
    def label(self) -> str:
        """How the attacker is written in explanations."""
        if self.is_state:
            return self.name
        return f"non-state actor {self.name}" if self.name else "a non-state actor"


@dataclass(frozen=True)
class Crisis:
    """An attack, a threat or unrest, as a casus-foederis question.

    Attributes:
        attacker: Who acted (for unrest, usually a non-state actor).
        target: The state attacked, threatened or in unrest (state id).
        on: When.
        place: Where (the target's whole territory unless given).
        kind: Armed attack, threat or unrest.
        requested: Whether the target asked its allies for help (``None``: not said).
        provoked: Whether the target provoked the attack (``None``: not said).
        forces: What of the target was hit when not its territory: ``forces``, ``vessel`` or ``aircraft``
            (NATO Art. 6(ii)); ``None``: its territory.
        conflict: The conflict the event belongs to, as the user names it (``None``: not said).
    """

    attacker: Attacker
    target: str
    on: dt.date
    place: Place
    kind: CrisisKind = CrisisKind.ARMED_ATTACK
    requested: bool | None = None
    provoked: bool | None = None
    forces: str | None = None
    conflict: str | None = None

    def __post_init__(self) -> None:
        if self.forces is not None and self.forces not in FORCES:
            raise InvalidInputError(f"forces {self.forces!r} is not one of: {', '.join(FORCES)}")
        if self.place.at_sea and self.forces is None:
            raise InvalidInputError(
                f"{self.place.name} is a sea area, not a state's territory: say what was attacked there with "
                "--vessel, --aircraft or --target-forces"
            )
        if self.attacker.state is not None and self.attacker.state == self.target:
            raise InvalidInputError(
                f"attacker and target are both {self.target}; for internal unrest use kind 'unrest' with a "
                "non-state attacker"
            )


def parse_kind(value: str | CrisisKind) -> CrisisKind:
    """Parse a crisis kind (``armed-attack``, ``threat``, ``unrest``).

    Raises:
        InvalidInputError: Unknown kind, listing the valid ones.
    """
    if isinstance(value, CrisisKind):
        return value
    text = value.strip().lower().replace("_", "-").replace(" ", "-")
    try:
        return CrisisKind(text)
    except ValueError:
        valid = ", ".join(k.value for k in CrisisKind)
        raise InvalidInputError(f"kind {value!r} is not one of: {valid}") from None
