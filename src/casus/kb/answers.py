"""What an answer covers: each dataset consulted, the dates it speaks for, and one line when something is missing.

Coverage is data: an answer that lacks a dataset, or asks about a date outside a dataset's coverage, says so in
the answer itself — never by an empty list. These frozen records travel with the results through the Python
API, the CLI and the HTTP API, and are serialised once, by :mod:`casus.contract`.

Worked example: Switzerland is in no curated organization or treaty, but ATOP 5.1 lists it in two
non-aggression pacts (ATOP 3320 of 1956 and the Helsinki Final Act, ATOP 3740, from 1975); its history says so
instead of answering ``[]``.

References:
    Leeds, Brett Ashley. 2022. Alliance Treaty Obligations and Provisions (ATOP) Codebook, version 5.1.
    Rice University. (Coverage 1815-2018, observed until 2018-12-31.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from casus.errors import InvalidInputError
from casus.kb.memberships import Membership
from casus.kb.states import State

CoverageStatus = Literal["used", "beyond", "before", "missing", "not_loaded", "left_out", "absent"]
_STATUSES = ("used", "beyond", "before", "missing", "not_loaded", "left_out", "absent")


@dataclass(frozen=True)
class DatasetCoverage:
    """One dataset's part in an answer.

    Attributes:
        dataset: casus's name of the dataset (``atop``).
        version: Its version (``5.1``).
        start: First year it speaks for.
        end: Last year it speaks for.
        status: ``used`` (consulted; the date is inside its coverage), ``beyond`` (consulted; the date is after
            its coverage, so what it records is unknown after ``end``), ``before`` (the date is before its
            coverage), ``missing`` (its files are not on this machine), ``not_loaded`` (an optional module it
            needs is not installed), ``left_out`` (the caller excluded it), ``absent`` (the knowledge base that
            answered holds none of it).
        note: One line for the reader, or ``None`` when there is nothing to say.

    >>> DatasetCoverage("atop", "5.1", 1815, 2018, "used").dates
    '1815-2018'
    """

    dataset: str
    version: str
    start: int
    end: int
    status: CoverageStatus
    note: str | None = None

    def __post_init__(self) -> None:
        if self.status not in _STATUSES:
            raise InvalidInputError(f"coverage status {self.status!r} is not one of {', '.join(_STATUSES)}")
        if self.end < self.start:
            raise InvalidInputError(f"{self.dataset} {self.version}: coverage ends before it starts")

    @property
    def dates(self) -> str:
        """The years covered, ``START-END``."""
        return f"{self.start}-{self.end}"


def join_notes(*notes: str | None) -> str | None:
    """The notes that say something, joined into one line (``None`` when none does).

    >>> join_notes(None, "a", None, "b")
    'a; b'
    """
    said = [n for n in notes if n]
    return "; ".join(said) if said else None


@dataclass(frozen=True)
class StateHistory:
    """A state's spells across organizations and treaties, with what the answer covers.

    Iterating gives the spells, so code written for a plain tuple of spells keeps working.

    Attributes:
        state: The state.
        spells: Its spells, in date order (curated; plus ATOP 5.1 alliances when asked for).
        coverage: The datasets consulted or missing (ATOP 5.1).
        note: One line when the answer is empty or a dataset is missing; else ``None``.
    """

    state: State
    spells: tuple[Membership, ...]
    coverage: tuple[DatasetCoverage, ...] = ()
    note: str | None = None

    def __iter__(self) -> Iterator[Membership]:
        return iter(self.spells)

    def __len__(self) -> int:
        return len(self.spells)

    def __getitem__(self, index: int) -> Membership:
        return self.spells[index]
