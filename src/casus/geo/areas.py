"""Treaty areas as geometry: a point (latitude, longitude) tested against the words of the text in force.

Each area is a data file in ``curated/data/areas/`` naming the geographic scopes (``nato-art6-1952``,
``rio-art4-zone``…) it draws, the treaty words, and either

* a **line** transcribed from the text (the Rio Treaty's Art. 4 region: meridians and rhumb lines from pole to
  pole), or
* **clauses**, each a part of the text tested in order: a polygon drawn by casus (Europe, North America, the
  North Atlantic north of the Tropic of Cancer), a state's whole territory (Turkey), a dated holding (the
  Algerian departments of France until 1962), the administering state (US–Japan Art. V), Natural Earth seas
  tagged with a treaty region (the Mediterranean), or **readings** — named, sourced interpretations of an
  undefined area (the "Pacific area"), each with its verdict, never one fact.

A place without a point (a whole country, a sea known only by name) is left to the scope's named regions
(:meth:`casus.kb.places.GeographicScope.contains`).

References:
    North Atlantic Treaty (1949) Art. 6, as amended by Art. 2 of the Protocol on the Accession of Greece and
    Turkey (1951). Inter-American Treaty of Reciprocal Assistance (1947) Art. 4. Treaty of Mutual Cooperation and
    Security between Japan and the United States (1960) Art. V.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any, Literal

from casus import yamlio
from casus.geo.world import LABEL_AREA, SovereigntyFact, World, covers, distance, shape_of
from casus.kb.places import Place
from casus.kb.sources import Source

#: Within this many degrees of a label area (about 50 km), a point is too close to its edge to say.
EDGE = 0.5
#: Within this many degrees of land (about 22 km, the 12-mile territorial sea), a point at sea may be in a
#: state's territorial waters — which no polygon here draws.
COAST = 0.2


@dataclasses.dataclass(frozen=True)
class Leg:
    """One leg of a boundary line: the point reached, and how (``meridian``, ``rhumb`` or along a ``pole``)."""

    lat: float
    lon: float
    by: Literal["pole", "meridian", "rhumb"]


@dataclasses.dataclass(frozen=True)
class Drawn:
    """A polygon drawn by casus, with its name and how it was drawn."""

    name: str
    coordinates: tuple[tuple[float, float], ...]
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Reading:
    """A named, sourced interpretation of an undefined area, with its verdict for the seas it speaks of.

    Attributes:
        id: Stable id.
        by: Who reads it so (``US Secretary of State Mike Pompeo``).
        date: When.
        words: Their words.
        verdict: ``inside``, ``outside`` or ``unsettled``.
        seas: Natural Earth sea names the reading speaks of.
        sources: Source ids.
    """

    id: str
    by: str
    date: dt.date
    words: str
    verdict: Literal["inside", "outside", "unsettled"]
    seas: tuple[str, ...]
    sources: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Contested:
    """A place whose inclusion is publicly contested although the text decides it (Ceuta and Melilla).

    The text's verdict stands; the explanation adds who contests it, and where, with sources.
    """

    name: str
    polygon: tuple[tuple[float, float], ...]
    words: str
    sources: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Clause:
    """One part of a treaty area's text and the test that stands for it (exactly one test field is set)."""

    words: str
    polygon: str | None = None
    state: str | None = None
    held_by: str | None = None
    within: str | None = None
    administered_by: str | None = None
    seas: str | None = None
    land_only: bool = False
    sea_only: bool = False
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Version:
    """The clauses of one version of the text, for one geographic scope."""

    scope: str
    words: str
    land: tuple[Clause, ...] = ()
    forces: tuple[Clause, ...] = ()


@dataclasses.dataclass(frozen=True)
class AreaFile:
    """One file of ``curated/data/areas/``."""

    id: str
    name: str
    sources: tuple[str, ...]
    words: str = ""
    scopes: tuple[str, ...] = ()
    line: tuple[Leg, ...] = ()
    tropic: float | None = None
    polygons: dict[str, Drawn] = dataclasses.field(default_factory=dict)
    versions: tuple[Version, ...] = ()
    readings: tuple[Reading, ...] = ()
    contested: tuple[Contested, ...] = ()


@dataclasses.dataclass(frozen=True)
class SovereigntyFile:
    """``curated/data/sovereignty.yaml``."""

    sources: tuple[Source, ...] = ()
    sovereignty: tuple[SovereigntyFact, ...] = ()


#: (inside — ``None`` when unknown —, why, the sources beyond the scope's own).
Verdict = tuple[bool | None, str, tuple[str, ...]]
IsParty = Callable[[str], bool]


def rhumb_points(a: Leg, b: Leg, steps: int = 64) -> list[tuple[float, float]]:
    """Points of the rhumb line from ``a`` to ``b`` (straight on a Mercator chart), as ``(lon, lat)``.

    >>> pts = rhumb_points(Leg(0, 0, "rhumb"), Leg(60, 60, "rhumb"), 2)
    >>> [round(lat, 1) for _, lat in pts]
    [0.0, 37.0, 60.0]
    """

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    y0, y1 = merc(a.lat), merc(b.lat)
    out = []
    for i in range(steps + 1):
        t = i / steps
        y = y0 + (y1 - y0) * t
        out.append((a.lon + (b.lon - a.lon) * t, math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)))
    return out


def line_polygon(line: tuple[Leg, ...]) -> Any:
    """The polygon a boundary line encloses (rhumb legs densified; meridians and pole legs straight)."""
    coords: list[tuple[float, float]] = [(line[0].lon, line[0].lat)]
    for prev, leg in itertools.pairwise(line):
        if leg.by == "rhumb":
            coords += rhumb_points(prev, leg)[1:]
        else:
            coords.append((leg.lon, leg.lat))
    return shape_of(coords)


def _where(place: Place) -> str:
    return f"{place.name} ({place.latitude:.2f}, {place.longitude:.2f})"


class LineArea:
    """An area bounded by a line of coordinates in the text (Rio Art. 4)."""

    def __init__(self, spec: AreaFile) -> None:
        self.spec = spec
        self.shape = line_polygon(spec.line)

    def locate(
        self, place: Place, on: dt.date, *, forces: bool = False, is_party: IsParty | None = None
    ) -> Verdict | None:
        """Whether the point lies within the line (the same for land, sea and forces)."""
        inside = covers(self.shape, place.longitude or 0.0, place.latitude or 0.0)
        verb = "lies within" if inside else "lies outside"
        return (
            inside,
            (
                f"{_where(place)} {verb} {self.spec.name}, the line of coordinates the text draws from the North Pole "
                "to the South Pole and back (meridians and rhumb lines, transcribed in curated/data/areas)"
            ),
            self.spec.sources,
        )


class ClauseArea:
    """An area made of clauses of the text, tested in order (NATO Art. 6, US–Japan Art. V, the Pacific area)."""

    def __init__(self, spec: AreaFile, version: Version, world: World) -> None:
        self.spec = spec
        self.version = version
        self.world = world
        self.shapes = {k: shape_of(p.coordinates) for k, p in spec.polygons.items()}
        self.contested = [(c, shape_of(c.polygon)) for c in spec.contested]

    def locate(
        self, place: Place, on: dt.date, *, forces: bool = False, is_party: IsParty | None = None
    ) -> Verdict | None:
        """Whether the point is inside the version's area on ``on`` (``None`` first: unknown), with the rule.

        Returns ``None`` when the version has nothing to say of such a place (a point on land in an area
        drawn only by readings of its seas): the scope's named regions decide.
        """
        lon, lat = place.longitude or 0.0, place.latitude or 0.0
        at_sea = place.at_sea
        clauses = [
            c for c in self._clauses(forces, at_sea) if not (c.land_only and at_sea) and not (c.sea_only and not at_sea)
        ]
        for clause in clauses:
            hit = self._test(clause, place, lon, lat, on)
            if hit:
                why = f"{_where(place)} is inside {self._name}: {clause.words!r} ({hit})"
                if clause.note:
                    why = f"{why}; {clause.note}"
                return self._party_check(clause, place, forces, is_party, why)
        readings = self._readings(lon, lat) if at_sea else []
        if readings:
            return _reading_verdict(place, [r for r in readings if r.date <= on], readings[0], on)
        if not clauses or (not at_sea and not self.version.land):
            return None
        words = "; ".join(dict.fromkeys(c.words for c in clauses))
        out = f"{_where(place)} is outside {self._name}, in none of: {words}"
        if at_sea and self._near_named_sea(lon, lat, clauses):
            return None, f"{out}; but it lies within {EDGE}° of a sea the text names, and {LABEL_AREA}", ()
        if at_sea and self._near_coast(lon, lat):
            return (
                None,
                f"{out}; but it lies within {COAST}° of land: it may be in a territorial sea, not drawn here",
                (),
            )
        for contest, shape in self.contested:
            if covers(shape, lon, lat):
                return False, f"{out}. Contested: {contest.words}", contest.sources
        return False, out, ()

    @property
    def _name(self) -> str:
        return f"{self.spec.name} (scope {self.version.scope})"

    def _clauses(self, forces: bool, at_sea: bool) -> Iterator[Clause]:
        if not at_sea:  # a territory clause speaks of land: its polygon's sea is no one's territory
            yield from self.version.land
        if forces:
            yield from self.version.forces

    def _test(self, c: Clause, place: Place, lon: float, lat: float, on: dt.date) -> str:
        if c.polygon is not None:
            drawn = self.spec.polygons[c.polygon]
            return f"{drawn.name}, as drawn by casus: {drawn.note}" if covers(self.shapes[c.polygon], lon, lat) else ""
        if c.state is not None:
            return f"held by {c.state}" if place.country == c.state else ""
        if c.administered_by is not None:
            held = place.country == c.administered_by
            return f"administered by {c.administered_by} on {on.isoformat()}" if held else ""
        if c.held_by is not None:
            fact = self.world.fact_at(lon, lat, on)
            if fact is not None and fact.held_by == c.held_by and fact.within == c.within:
                return f"{fact.name}, held by {fact.held_by} on {on.isoformat()}"
            return ""
        if c.seas is not None:
            names = [n for n, r in self.world.seas_at(lon, lat) if r == c.seas]
            return f"Natural Earth's {names[0]}; {LABEL_AREA}" if names else ""
        return ""

    def _party_check(self, c: Clause, place: Place, forces: bool, is_party: IsParty | None, why: str) -> Verdict:
        if not (forces and c.polygon and not place.at_sea) or is_party is None or is_party(place.country):
            return True, why, self.spec.sources
        return (
            None,
            (
                f"{why}; but forces are covered there only in or over a Party's territory or an area of Europe where "
                "occupation forces of a Party were stationed when the Treaty entered into force (Germany, Austria, "
                "Trieste), which casus does not draw"
            ),
            (),
        )

    def _readings(self, lon: float, lat: float) -> list[Reading]:
        seas = {n for n, _ in self.world.seas_at(lon, lat)}
        return sorted((r for r in self.spec.readings if seas & set(r.seas)), key=lambda r: r.date)

    def _near_named_sea(self, lon: float, lat: float, clauses: list[Clause]) -> bool:
        regions = {c.seas for c in clauses if c.seas}
        return any(r in regions and distance(g, lon, lat) < EDGE for _, r, g in self.world.seas())

    def _near_coast(self, lon: float, lat: float) -> bool:
        return any(distance(g, lon, lat) < COAST for _, _, g in self.world.countries())


def _reading_verdict(place: Place, readings: list[Reading], first: Reading, on: dt.date) -> Verdict:
    if not readings:
        return (
            None,
            (
                f"{_where(place)}: the text does not define the area, and no reading casus records was given by "
                f"{on.isoformat()} (the first is {first.by}, {first.date.isoformat()})"
            ),
            first.sources,
        )
    verdicts = {r.verdict for r in readings}
    told = "; ".join(f"{r.by} ({r.date.isoformat()}): {r.words!r} → {r.verdict}" for r in readings)
    sources = tuple(dict.fromkeys(s for r in readings for s in r.sources))
    where = f"{_where(place)}: the text does not define the area"
    if verdicts == {"inside"}:
        return True, f"{where}; every reading recorded puts this sea inside — {told}", sources
    if verdicts == {"outside"}:
        return False, f"{where}; every reading recorded leaves this sea out — {told}", sources
    return None, f"{where}, and the readings recorded differ — {told}", sources


def _documents(folder: str) -> Iterator[tuple[str, str]]:
    root = resources.files("casus.curated") / "data" / folder
    for f in sorted(root.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".yaml"):
            yield f"casus/curated/data/{folder}/{f.name}", f.read_text("utf-8")


def load_area_files() -> list[AreaFile]:
    """Every treaty area file, validated (``SourceFormatError`` with file and line on a bad one)."""
    return [yamlio.parse(AreaFile, text, path) for path, text in _documents("areas")]


def load_sovereignty() -> SovereigntyFile:
    """The dated sovereignty facts (``curated/data/sovereignty.yaml``)."""
    root = resources.files("casus.curated") / "data" / "sovereignty.yaml"
    return yamlio.parse(SovereigntyFile, root.read_text("utf-8"), "casus/curated/data/sovereignty.yaml")


def build_areas(files: list[AreaFile], world: World) -> dict[str, LineArea | ClauseArea]:
    """Scope id → its area, for every scope the files draw."""
    out: dict[str, LineArea | ClauseArea] = {}
    for spec in files:
        if spec.line:
            for scope in spec.scopes:
                out[scope] = LineArea(spec)
        for version in spec.versions:
            out[version.scope] = ClauseArea(spec, version, world)
    return out
