"""The state system on a date: COW State System Membership (v2016) to 2016, casus's sourced extension after.

COW's list ends on 2016-12-31. From 2017-01-01 casus reads its own extension, a data file with one row per
state and a source on every row (``curated/data/system_2017.csv``, sources in ``system_2017_sources.csv``,
registered as the dataset ``casus_system``): the 195 states still members at the end of COW's list, kept
while no exit is recorded, and the entities considered and left out (the State of Palestine, the Holy See),
each with the reason. No state has entered or left the system since South Sudan (2011); the file says so
row by row, with the date each row was last checked. Past that date the members are those of the last
checked day, and the coverage note says so ("unknown after").

References:
    Correlates of War Project. 2017. "State System Membership List, v2016." http://correlatesofwar.org
    Correlates of War Project. 2025. "State System Membership, v2024." https://correlatesofwar.org
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from functools import cache

import pandas as pd

from casus.data._io import resolve
from casus.data.cow import load_states
from casus.errors import SourceFormatError
from casus.kb.knowledge import KnowledgeBase

#: The last day of COW's v2016 list; the casus extension starts the day after.
COW_END = dt.date(2016, 12, 31)
EXTENSION = "system_2017.csv"
EXTENSION_SOURCES = "system_2017_sources.csv"
_COLUMNS = ("ccode", "stateabb", "state_id", "status", "start", "end", "basis", "sources", "checked", "note")
_SOURCE_COLUMNS = ("key", "title", "url", "published", "accessed", "note")
_STATUSES = ("member", "excluded")


@dataclass(frozen=True)
class SystemRow:
    """One state (or one entity considered and left out) in the extension after COW's list."""

    ccode: int | None
    stateabb: str
    state_id: str
    status: str
    start: dt.date
    end: dt.date | None
    basis: str
    sources: tuple[str, ...]
    checked: dt.date
    note: str

    def active_on(self, on: dt.date) -> bool:
        """Whether the row's spell contains ``on`` (an open end runs on)."""
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class SystemSource:
    """A source cited by rows of the extension."""

    key: str
    title: str
    url: str
    published: str
    accessed: dt.date
    note: str


@dataclass(frozen=True)
class SystemExtension:
    """The extension of COW's system list: rows, their sources and the last day every row was checked."""

    rows: tuple[SystemRow, ...]
    sources: dict[str, SystemSource]

    @property
    def verified_through(self) -> dt.date:
        """The last day on which every row was checked."""
        return min(r.checked for r in self.rows)

    def members_on(self, on: dt.date) -> list[SystemRow]:
        """The member rows on ``on`` (past :attr:`verified_through`, those of that day)."""
        day = min(on, self.verified_through)
        return [r for r in self.rows if r.status == "member" and r.active_on(day)]


def _date(path: str, line: int, field: str, text: str, *, empty_ok: bool = False) -> dt.date | None:
    if not text and empty_ok:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SourceFormatError(path, f"{field} {text!r} is not a YYYY-MM-DD date", line=line, field=field) from None


def _read(path: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != columns:
            raise SourceFormatError(path, f"expected the columns {', '.join(columns)}", line=1)
        return [(i, row) for i, row in enumerate(reader, 2)]


def _row(path: str, line: int, v: dict[str, str], keys: dict[str, SystemSource]) -> SystemRow:
    if v["status"] not in _STATUSES:
        raise SourceFormatError(path, f"status {v['status']!r}: use member or excluded", line=line, field="status")
    if v["status"] == "member" and not v["ccode"].isdigit():
        raise SourceFormatError(path, "a member needs its COW ccode", line=line, field="ccode")
    cited = tuple(s for s in v["sources"].split(";") if s)
    unknown = [s for s in cited if s not in keys]
    if not cited or unknown:
        raise SourceFormatError(path, f"unknown or missing source keys {unknown}", line=line, field="sources")
    start = _date(path, line, "start", v["start"])
    checked = _date(path, line, "checked", v["checked"])
    assert start is not None and checked is not None
    return SystemRow(
        int(v["ccode"]) if v["ccode"] else None,
        v["stateabb"],
        v["state_id"],
        v["status"],
        start,
        _date(path, line, "end", v["end"], empty_ok=True),
        v["basis"],
        cited,
        checked,
        v["note"],
    )


@cache
def load_system_extension() -> SystemExtension:
    """The packaged extension of the state system after COW's list (read once, verified against its record).

    Raises:
        SourceFormatError: A malformed row (file, line and field named), or a checksum that is not the
            registered one.
    """
    src_path = str(resolve("casus_system", EXTENSION_SOURCES, None))
    sources: dict[str, SystemSource] = {}
    for line, v in _read(src_path, _SOURCE_COLUMNS):
        accessed = _date(src_path, line, "accessed", v["accessed"])
        assert accessed is not None
        sources[v["key"]] = SystemSource(v["key"], v["title"], v["url"], v["published"], accessed, v["note"])
    path = str(resolve("casus_system", EXTENSION, None))
    rows = tuple(_row(path, line, v, sources) for line, v in _read(path, _COLUMNS))
    return SystemExtension(rows, sources)


def system_coverage(on: dt.date) -> dict[str, object]:
    """Which list answers for ``on``, with a one-line note (for JSON and tables).

    >>> system_coverage(dt.date(1970, 7, 1))["dataset"]
    'cow_states'
    >>> system_coverage(dt.date(2024, 6, 25))["note"].startswith("COW states2016 to 2016-12-31, casus extension")
    True
    """
    ext = load_system_extension()
    keys = sorted({k for r in ext.rows for k in r.sources if k != "cow-v2016"})
    note = (
        f"COW states2016 to {COW_END}, casus extension from 2017 (sources: {', '.join(keys)}; "
        f"verified through {ext.verified_through})"
    )
    if on > ext.verified_through:
        note += f"; unknown after {ext.verified_through}: the members of that day are assumed"
    return {
        "dataset": "cow_states" if on <= COW_END else "casus_system",
        "through": COW_END.isoformat() if on <= COW_END else ext.verified_through.isoformat(),
        "note": note,
    }


def system_members(
    kb: KnowledgeBase, on: dt.date, states: pd.DataFrame | None = None, path: str | os.PathLike[str] | None = None
) -> list[str]:
    """The casus ids of the states in the system on ``on`` (sorted).

    Up to 2016-12-31 from COW's list; from 2017 from the packaged extension (no COW file needed).

    Args:
        kb: The knowledge base (maps COW codes to casus ids).
        on: The date.
        states: COW state spells as :func:`casus.data.cow.load_states` returns them (loaded when omitted).
        path: The ``states2016.csv`` file (the registered dataset when omitted).

    Raises:
        DataUnavailableError: A date up to 2016 and the COW file is not on this machine.

    >>> from casus.curated import load_kb
    >>> members = system_members(load_kb(), dt.date(2024, 6, 25))
    >>> len(members), "SSD" in members, "XKX" in members
    (195, True, True)
    """
    if on > COW_END:
        return sorted({kb.states.by_cow(r.ccode).id for r in load_system_extension().members_on(on) if r.ccode})
    df = load_states(path) if states is None else states
    day = pd.Timestamp(on)
    active = df[(df["start_date"] <= day) & ((df["end_date"] >= day) | df["ongoing"])]
    return sorted({kb.states.by_cow(int(c)).id for c in active["ccode"]})
