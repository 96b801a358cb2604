"""How an organization reads its own treaty in practice: its collective actions and its declared doctrines.

A treaty's words do not settle every case. Two kinds of sourced fact say how the parties themselves read them:

* a :class:`CollectiveAction` — something the organization did (the CSTO's deployment to Kazakhstan in
  January 2022), the legal basis its body invoked, and the other readings of that basis, with whether the
  basis is contested;
* a :class:`Doctrine` — what the organization has declared, from a date, about a kind of event its treaty
  does not name (NATO on cyber attacks since the 2014 Wales Summit).

Both are data in the curated organization files; the engine quotes them, it never derives a verdict from them
alone.

References:
    Collective Security Treaty (1992), Art. 4; CSTO Collective Security Council statement of 6 January 2022.
    Wales Summit Declaration (2014), para. 72; Warsaw Summit Communiqué (2016), para. 70; Brussels Summit
    Communiqué (2021), para. 32.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casus.errors import InvalidInputError
from casus.kb.dates import in_span
from casus.kb.treaties import CrisisKind


@dataclass(frozen=True)
class Reading:
    """One reading of a legal basis, with who holds it.

    Attributes:
        text: The reading in plain words.
        held_by: Who reads it so (``the CSTO Collective Security Council``, ``Eurasianet``).
        quote: A short quote supporting it.
        sources: Source ids.
    """

    text: str
    held_by: str = ""
    quote: str = ""
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise InvalidInputError("a reading needs its text")


@dataclass(frozen=True)
class CollectiveAction:
    """An action an organization took collectively, with the basis it invoked and how that basis is read.

    Attributes:
        id: Stable id (``csto-kazakhstan-2022``).
        title: What was done.
        target: The state the action was about or in (state id).
        kind: The kind of event it answered (``unrest`` for Kazakhstan 2022).
        start: The first day of the event it answered.
        decided: The day the organization decided.
        end: The last day of the action (``None``: still under way on the verified-through date).
        decided_by: The body that decided (a body id of the organization).
        provision: The provision invoked (a provision id), when one was.
        invoked_basis: The basis the body itself invoked.
        alternative_readings: Other readings of that basis.
        contested: Whether the basis is disputed in the sources.
        sources: Source ids.
    """

    id: str
    title: str
    target: str
    kind: CrisisKind
    start: dt.date
    decided: dt.date
    invoked_basis: Reading
    end: dt.date | None = None
    decided_by: str = ""
    provision: str = ""
    alternative_readings: tuple[Reading, ...] = ()
    contested: bool = False
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.decided < self.start or (self.end is not None and self.end < self.decided):
            raise InvalidInputError(f"collective action {self.id}: dates out of order (start, decided, end)")
        if self.contested and not self.alternative_readings:
            raise InvalidInputError(f"collective action {self.id}: contested, but no alternative reading is given")

    def matches(self, target: str, kind: CrisisKind, on: dt.date) -> bool:
        """Whether an event (target, kind, date) is the one this action answered.

        >>> basis = Reading("Art. 4")
        >>> kaz = CollectiveAction("x", "deployment", "KAZ", CrisisKind.UNREST, dt.date(2022, 1, 2),
        ...                        dt.date(2022, 1, 6), basis, end=dt.date(2022, 1, 19))
        >>> kaz.matches("KAZ", CrisisKind.UNREST, dt.date(2022, 1, 5)), kaz.matches("KAZ", CrisisKind.UNREST,
        ...     dt.date(2022, 2, 1))
        (True, False)
        """
        last = self.end + dt.timedelta(days=1) if self.end is not None else None
        return target == self.target and kind is self.kind and in_span(on, self.start, last)


@dataclass(frozen=True)
class Doctrine:
    """What an organization has declared, from a date, about a kind of event its treaty does not name.

    Attributes:
        kind: The kind of event (``cyber``).
        start: The day the declaration was made.
        text: What it says, in plain words.
        quote: The declaration's words.
        decided_by: Who decides whether such an event engages the treaty (a body id), when declared.
        sources: Source ids (the declaration first).
    """

    kind: CrisisKind
    start: dt.date
    text: str
    quote: str = ""
    decided_by: str = ""
    sources: tuple[str, ...] = ()


def doctrine_on(doctrines: tuple[Doctrine, ...], kind: CrisisKind, on: dt.date) -> tuple[Doctrine, ...]:
    """The declarations on ``kind`` made by ``on``, oldest first (the latest is the current word)."""
    return tuple(sorted((d for d in doctrines if d.kind is kind and d.start <= on), key=lambda d: d.start))
