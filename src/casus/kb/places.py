"""Places and geographic scopes: where an event happens, and whether a treaty's area includes it.

A place is a whole country, an ISO 3166-2 subdivision or a named territory (Ceuta, Hawaii, the
Armenia–Azerbaijan border zone), with the sovereign state it belongs to, the world regions it lies in, and
whether its sovereignty is disputed. A geographic scope is a treaty's area of application, e.g. NATO's
Article 6 area.

References:
    North Atlantic Treaty (1949), Article 6, as amended by the Protocol on the Accession of Greece and
    Turkey (1951). https://www.nato.int/cps/en/natohq/official_texts_17120.htm
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from casus.errors import InvalidInputError
from casus.kb.dates import in_span


class PlaceLookup(Protocol):
    """Where places not curated in the knowledge base are found (see :class:`casus.geo.Gazetteer`)."""

    def lookup(self, name: str) -> Place | None:
        """The place a name or code stands for, or ``None``."""

    def names(self) -> list[str]:
        """Every name and code it knows (for "did you mean")."""

    def dated(self, place: Place, on: dt.date) -> Place:
        """A place with a point, its holder re-read for ``on`` (dated sovereignty facts, disputed areas)."""

    def at(self, lat: float, lon: float, on: dt.date) -> Place:
        """The place at a point (latitude, longitude) on a date: the state holding it, or the sea."""


class TreatyArea(Protocol):
    """A treaty area drawn as geometry (see :mod:`casus.geo.areas`): a point tested against the text's words."""

    def locate(
        self, place: Place, on: dt.date, *, forces: bool = False, is_party: Callable[[str], bool] | None = None
    ) -> tuple[bool | None, str, tuple[str, ...]] | None:
        """Whether a place with a point is inside on ``on`` (``None`` first: unknown), the rule, and sources.

        Returns ``None`` when the geometry has nothing to say of that place (the scope's named regions decide).
        """


#: World regions places are tagged with. ``north_atlantic_island``: an island in the North Atlantic north
#: of the Tropic of Cancer (NATO Art. 6).
REGIONS = (
    "europe",
    "north_america",
    "central_america_caribbean",
    "south_america",
    "africa",
    "asia",
    "oceania",
    "antarctica",
    "north_atlantic_island",
    "mediterranean",
    "north_atlantic_north_of_tropic",
    "north_atlantic_ocean",
)


_POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


def parse_point(text: str) -> tuple[float, float] | None:
    """``"LAT,LON"`` in decimal degrees → ``(lat, lon)``; ``None`` when the text is not a point (a name).

    >>> parse_point("35.9, 18.0"), parse_point("Gaziantep")
    ((35.9, 18.0), None)

    Raises:
        InvalidInputError: Two numbers out of range.
    """
    m = _POINT.match(text)
    if m is None:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidInputError(f"{text!r}: a point is LAT,LON with latitude in [-90, 90] and longitude in [-180, 180]")
    return lat, lon


def region_name(region: str) -> str:
    """Display name of a region id.

    >>> region_name("africa"), region_name("north_atlantic_island")
    ('Africa', 'a North Atlantic island north of the Tropic of Cancer')
    """
    special = {
        "north_atlantic_island": "a North Atlantic island north of the Tropic of Cancer",
        "central_america_caribbean": "Central America and the Caribbean",
        "mediterranean": "the Mediterranean Sea",
        "north_atlantic_north_of_tropic": "the North Atlantic north of the Tropic of Cancer",
        "north_atlantic_ocean": "the North Atlantic Ocean (both sides of the Tropic of Cancer)",
    }
    return special.get(region, region.replace("_", " ").title())


@dataclass(frozen=True)
class Place:
    """Where an event happens.

    Attributes:
        id: Stable id (a state id for a whole country, ``ES-CE`` for an ISO 3166-2 subdivision, or a slug).
        name: English name.
        country: Sovereign (administering) state id.
        regions: World regions it lies in.
        subdivision: ISO 3166-2 code when it is one.
        disputed: Whether its sovereignty or the border through it is contested.
        claimants: Other states claiming it.
        latitude: Latitude of its centre or of the point given (degrees north).
        longitude: Longitude of the point (degrees east); with ``latitude``, treaty areas drawn as geometry
            test it (:attr:`has_point`).
        aliases: Other names (fr, ru, local) it is known by.
        sources: Source ids.
        note: Context.
    """

    id: str
    name: str
    country: str
    regions: tuple[str, ...]
    subdivision: str | None = None
    disputed: bool = False
    claimants: tuple[str, ...] = ()
    latitude: float | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    longitude: float | None = None

    @property
    def has_point(self) -> bool:
        """Whether the place has a point (latitude and longitude) that geometry can test."""
        return self.latitude is not None and self.longitude is not None

    @property
    def at_sea(self) -> bool:
        """Whether the place is a sea or ocean area (no state's land)."""
        return not self.country

    def with_disputed(self, disputed: bool = True) -> Place:
        """The same place, flagged as disputed by the user."""
        return Place(**{**self.__dict__, "disputed": disputed})


@dataclass(frozen=True)
class ScopeEntry:
    """A state or place included in (or excluded from) a scope during a span."""

    ref: str
    start: dt.date | None = None
    end: dt.date | None = None

    def active_on(self, on: dt.date) -> bool:
        """Whether the entry applies on ``on``."""
        return in_span(on, self.start, self.end)


@dataclass(frozen=True)
class GeographicScope:
    """A treaty's area of application.

    Attributes:
        id: Stable id (``nato-art6``).
        name: Human name.
        regions: Regions that are inside.
        states: States whose whole territory is inside (Turkey in NATO's, from 1952).
        places: Places that are inside (the Algerian departments of France, until 1962).
        excluded: Places that are outside even though in an included region or state.
        sources: Source ids.
        note: How the scope is read, with worked cases.
    """

    id: str
    name: str
    regions: tuple[str, ...] = ()
    states: tuple[ScopeEntry, ...] = ()
    places: tuple[ScopeEntry, ...] = ()
    excluded: tuple[ScopeEntry, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    forces_regions: tuple[str, ...] = ()
    forces_rule: str = ""

    def contains_forces(self, place: Place, on: dt.date) -> tuple[bool | None, str]:
        """Whether a party's forces, vessels or aircraft at ``place`` are inside the scope (``None``: unknown).

        NATO Art. 6(ii) covers them in or over the parties' territories in the area, the Mediterranean and the
        North Atlantic north of the Tropic of Cancer (``forces_regions``).

        >>> med = Place("sea-mediterranean-sea", "Mediterranean Sea", "", ("mediterranean",))
        >>> art6 = GeographicScope("nato-art6", "Art. 6 area", forces_regions=("mediterranean",))
        >>> art6.contains_forces(med, dt.date(2024, 1, 1))[0]
        True
        """
        if not place.at_sea:
            return self.contains(place, on)
        rule = f" ({self.forces_rule})" if self.forces_rule else ""
        inside = [r for r in place.regions if r in self.forces_regions]
        if inside:
            where = region_name(inside[0])
            return True, f"forces, vessels or aircraft in or over {where} are inside the {self.name}{rule}"
        if not self.forces_regions:
            return None, (
                f"the {self.name} is not defined for forces at sea; whether {place.name} counts is not settled here"
            )
        if "north_atlantic_ocean" in place.regions:
            return None, (
                f"{place.name} spans both sides of the Tropic of Cancer; the {self.name} covers only the part north "
                "of it — a name alone cannot say which side"
            )
        return None, (
            f"{place.name} is not one of the seas the {self.name} names{rule}; forces there are covered only if "
            "in or over a party's territory (its territorial sea), which the sea's name cannot settle"
        )

    def contains(self, place: Place, on: dt.date) -> tuple[bool, str]:
        """Whether the scope includes ``place`` on ``on``, with the reason.

        >>> scope = GeographicScope("nato-art6", "NATO Article 6 area", regions=("europe", "north_america"))
        >>> ceuta = Place("ES-CE", "Ceuta", "ESP", ("africa",), subdivision="ES-CE")
        >>> scope.contains(ceuta, dt.date(2024, 1, 1))[0]
        False
        """
        for entry in self.excluded:
            if entry.ref == place.id and entry.active_on(on):
                return False, f"{place.name} is expressly outside the {self.name}"
        for entry in self.places:
            if entry.ref == place.id and entry.active_on(on):
                return True, f"{place.name} is expressly inside the {self.name}"
        inside = [r for r in place.regions if r in self.regions]
        if inside:
            return True, f"{place.name} lies in {', '.join(region_name(r) for r in inside)}, inside the {self.name}"
        for entry in self.states:
            if entry.ref == place.country and entry.active_on(on):
                return True, f"{place.name} is part of {place.country}, whose territory is inside the {self.name}"
        regions = ", ".join(region_name(r) for r in place.regions) or "no listed region"
        return False, f"{place.name} lies in {regions}, outside the {self.name}"
