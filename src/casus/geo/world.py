"""Who holds a point on a date: Natural Earth's de facto map, corrected by casus's dated sovereignty facts.

Natural Earth (v4.0.0, 2017) draws today's de facto boundaries. For a point given by latitude and longitude,
:class:`World` answers with the state Natural Earth draws around it, the disputed area it falls in (its
administrator and its claimants, from Natural Earth's disputed-areas layer) and, for past dates, the holder
recorded in ``curated/data/sovereignty.yaml`` (Algeria French until 3 July 1962, the Canal Zone, Hong Kong,
Macau, Goa, the Ryukyus, Crimea before 2014, Karabakh after 2023). Marine label areas name the sea a point at
sea is in — never whose waters they are.

References:
    Natural Earth v4.0.0: Admin 0 Countries 1:50m, Admin 0 Disputed Areas 1:10m, Marine Areas 1:10m
    (public domain), https://www.naturalearthdata.com/.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from casus.kb.dates import in_span
from casus.kb.states import StateRegistry, normalize

#: Caveats every answer drawn from Natural Earth carries.
DE_FACTO = "Natural Earth draws today's de facto boundaries (2017); past holders come from casus's dated facts"
LABEL_AREA = "Natural Earth's marine polygons are label areas, not legal limits (no territorial seas or EEZs)"

#: A point at sea within this many degrees (about 5 km) of land the 1:50m map draws is taken as on that land:
#: small islands (the Senkakus, Spratly features) are drawn only roughly, and such a point is in any case
#: within the 12-mile territorial sea.
SNAP = 0.05

DataFile = Callable[[str, str], "Path | None"]


@dataclasses.dataclass(frozen=True)
class SovereigntyFact:
    """A territory held by a state during a span (administration; see the note for sovereignty).

    Attributes:
        id: Stable id (``fr-algeria``).
        name: English name.
        held_by: The state id that held (administered) it.
        start: First day held (``None``: before casus's records).
        end: First day no longer held (``None``: still held).
        within: A Natural Earth admin-0 code (``DZA``) or ``disputed:NAME``.
        polygon: Coarse ``[lon, lat]`` coordinates drawn by casus where Natural Earth has no feature.
        sources: Source ids.
        note: Context (sovereignty vs administration, caveats).
    """

    id: str
    name: str
    held_by: str
    sources: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None
    within: str | None = None
    polygon: tuple[tuple[float, float], ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if (self.within is None) == (not self.polygon):
            raise ValueError(f"sovereignty fact {self.id!r}: give exactly one of `within` or `polygon`")

    def active_on(self, on: dt.date) -> bool:
        """Whether the fact holds on ``on``."""
        return in_span(on, self.start, self.end)


@dataclasses.dataclass(frozen=True)
class Holding:
    """Who holds a point on a date, and why.

    Attributes:
        state: The holding (administering) state id, ``""`` at sea, ``None`` when no state casus knows holds it
            (a self-administered area such as Northern Cyprus, or a feature Natural Earth does not draw).
        name: A name for the point's territory (a country, a disputed area, a sea).
        claimants: Other states claiming it (disputed areas).
        disputed: Whether it lies in a disputed area.
        sea: The marine label areas the point is in (at sea).
        fact: The sovereignty fact that decided the holder, if any.
        note: Where the answer comes from.
        claim: Natural Earth's own words on the dispute ("Admin. by Israel; Claimed by Syria").
    """

    state: str | None
    name: str
    claimants: tuple[str, ...] = ()
    disputed: bool = False
    sea: tuple[str, ...] = ()
    fact: SovereigntyFact | None = None
    note: str = ""
    claim: str = ""


_MARINE_CSV = Path(__file__).resolve().parent.parent / "curated" / "data" / "marine_regions.csv"


@functools.cache
def marine_regions() -> dict[str, str]:
    """Natural Earth sea name (normalised) → casus region id, from ``curated/data/marine_regions.csv``."""
    with _MARINE_CSV.open(encoding="utf-8") as fh:
        return {normalize(" ".join(r["ne_name"].split())): r["region"] for r in csv.DictReader(fh)}


def shape_of(coords: Sequence[Sequence[float]]) -> Any:
    """A shapely polygon from ``[lon, lat]`` pairs."""
    from shapely.geometry import Polygon

    return Polygon([(float(x), float(y)) for x, y in coords])


def covers(geom: Any, lon: float, lat: float) -> bool:
    """Whether ``geom`` covers the point, trying the longitude shifted by ±360° (polygons may run past 180°)."""
    from shapely.geometry import Point

    return any(geom.covers(Point(lon + shift, lat)) for shift in (0.0, -360.0, 360.0))


def distance(geom: Any, lon: float, lat: float) -> float:
    """Distance in degrees from the point to ``geom`` (the nearest of the ±360° shifts)."""
    from shapely.geometry import Point

    return float(min(geom.distance(Point(lon + shift, lat)) for shift in (0.0, -360.0, 360.0)))


def features(path: Path | None) -> tuple[dict[str, Any], ...]:
    """The features of a GeoJSON file, read once per process (never mutate them)."""
    return _read_features(path) if path is not None else ()


@functools.cache
def _read_features(path: Path) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(path.read_text("utf-8"))["features"])


def _geometry(feature: dict[str, Any]) -> Any:
    from shapely.geometry import shape

    return shape(feature["geometry"])


_CLAIM = re.compile(r"claimed by (.+)$", re.IGNORECASE)
_ADMIN = re.compile(r"admin\.?\s*by ([^;]+)", re.IGNORECASE)


class World:
    """Point → holder on a date (see the module docstring).

    Args:
        states: The state registry (Natural Earth codes and names to state ids).
        facts: Dated sovereignty facts.
        data_file: Finds a dataset file (``name, filename`` → path or ``None``).
        marine_regions: Natural Earth sea name (normalised) → casus region id.
    """

    def __init__(
        self,
        states: StateRegistry,
        facts: Iterable[SovereigntyFact],
        data_file: DataFile,
        marine_regions: dict[str, str] | None = None,
    ) -> None:
        self._states = states
        self.facts = tuple(facts)
        self._data_file = data_file
        self._marine_regions = marine_regions or {}
        self._countries: list[tuple[str, str, Any]] | None = None
        self._admin: dict[str, str] = {}
        self._disputed: list[tuple[dict[str, Any], Any]] | None = None
        self._seas: list[tuple[str, str, Any]] | None = None
        self._fact_shapes: dict[str, Any] = {}

    # ------------------------------------------------------------------ layers
    def countries(self) -> list[tuple[str, str, Any]]:
        """(ADM0_A3, casus state id or ``""``, geometry) of every Natural Earth 1:50m country."""
        if self._countries is None:
            path = self._data_file("naturalearth_countries", "ne_50m_admin_0_countries.geojson")
            found = features(path)
            self._admin = {f["properties"]["ADM0_A3"]: str(f["properties"].get("ADMIN") or "") for f in found}
            self._countries = [
                (f["properties"]["ADM0_A3"], self._sovereign(f["properties"]), _geometry(f)) for f in found
            ]
        return self._countries

    def disputed(self) -> list[tuple[dict[str, Any], Any]]:
        """(properties, geometry) of every Natural Earth disputed area."""
        if self._disputed is None:
            path = self._data_file("naturalearth_disputed", "ne_10m_admin_0_disputed_areas.geojson")
            self._disputed = [(f["properties"], _geometry(f)) for f in features(path)]
        return self._disputed

    def seas(self) -> list[tuple[str, str, Any]]:
        """(name, region or ``""``, geometry) of every Natural Earth marine label area."""
        if self._seas is None:
            path = self._data_file("naturalearth_marine", "ne_10m_geography_marine_polys.geojson")
            out = []
            for f in features(path):
                raw = re.sub(r"\s+", " ", f["properties"].get("name") or "").strip()
                if raw:
                    name = raw.title() if raw.isupper() else raw
                    out.append((name, self._marine_regions.get(normalize(raw), ""), _geometry(f)))
            self._seas = out
        return self._seas

    def available(self) -> bool:
        """Whether the Natural Earth countries layer is on this machine (else points cannot be placed)."""
        return bool(self.countries())

    # ------------------------------------------------------------------ queries
    def fact_shape(self, fact: SovereigntyFact) -> Any | None:
        """The geometry a sovereignty fact covers (``None`` when its Natural Earth feature is absent)."""
        if fact.id not in self._fact_shapes:
            geom: Any | None = None
            if fact.polygon:
                geom = shape_of(fact.polygon)
            elif fact.within and fact.within.startswith("disputed:"):
                name = fact.within.split(":", 1)[1]
                geom = next((g for p, g in self.disputed() if p.get("BRK_NAME") == name), None)
            elif fact.within:
                geom = next((g for code, _, g in self.countries() if code == fact.within), None)
            self._fact_shapes[fact.id] = geom
        return self._fact_shapes[fact.id]

    def fact_at(self, lon: float, lat: float, on: dt.date) -> SovereigntyFact | None:
        """The dated sovereignty fact covering the point on ``on``, if any."""
        for fact in self.facts:
            if fact.active_on(on):
                geom = self.fact_shape(fact)
                if geom is not None and covers(geom, lon, lat):
                    return fact
        return None

    def seas_at(self, lon: float, lat: float) -> list[tuple[str, str]]:
        """(name, region) of the marine label areas covering the point."""
        return [(n, r) for n, r, g in self.seas() if covers(g, lon, lat)]

    def holder(self, lat: float, lon: float, on: dt.date) -> Holding:
        """Who holds the point on ``on`` (see :class:`Holding`)."""
        country = next(((c, iso) for c, iso, g in self.countries() if covers(g, lon, lat)), None)
        dispute = next((p for p, g in self.disputed() if covers(g, lon, lat)), None)
        fact = self.fact_at(lon, lat, on)
        snapped = ""
        if country is None and dispute is None and fact is None:  # off the coarse coastline? (small islands)
            dispute = next((p for p, g in self.disputed() if distance(g, lon, lat) < SNAP), None)
            country = next(((c, iso) for c, iso, g in self.countries() if distance(g, lon, lat) < SNAP), None)
            if country or dispute:
                snapped = (
                    f"the point lies within {SNAP}° of land the map draws (its coastline is coarse): taken as on it; "
                )
        if country is None and dispute is None and fact is None:
            seas = tuple(n for n, _ in self.seas_at(lon, lat))
            return Holding("", seas[0] if seas else "open sea", sea=seas, note=LABEL_AREA)
        state = country[1] or None if country else None
        name = self._admin.get(country[0], country[0]) if country else ""
        claimants: tuple[str, ...] = ()
        if dispute is not None:
            name = str(dispute.get("BRK_NAME") or dispute.get("NAME"))
            brk = str(dispute.get("NOTE_BRK") or "")
            admin = _ADMIN.search(brk)
            state = self._named(admin.group(1)) if admin else self._state(str(dispute.get("SOV_A3")))
            if brk.lower().startswith("self admin"):
                state = None  # de facto authorities no state recognises (Northern Cyprus, Karabakh until 2023)
            claimants = tuple(s for s in self._claimants(dispute) if s != state)
        if fact is not None:
            state, name = fact.held_by, fact.name
            claimants = tuple(c for c in claimants if c != state)
        note = snapped + DE_FACTO
        if fact is not None:
            note = f"{fact.name}: held by {fact.held_by} on {on.isoformat()} — {fact.note.strip()}"
        claim = str(dispute.get("NOTE_BRK") or "") if dispute is not None else ""
        disputed = "claimed" in claim.lower() and not (fact is not None and not claimants)
        return Holding(state, name, claimants, disputed, fact=fact, note=note, claim=claim)

    # ------------------------------------------------------------------ helpers
    def _state(self, code: str) -> str | None:
        try:
            return self._states.resolve(code).id
        except Exception:
            return None

    def _sovereign(self, props: dict[str, Any]) -> str:
        """The state holding a Natural Earth country: its own ISO code, else its sovereign (Hong Kong → China)."""
        return self._state(_iso(props)) or self._state(str(props.get("SOVEREIGNT") or "")) or ""

    def _named(self, text: str) -> str | None:
        text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
        return self._state(text) or self._state(text.rstrip(".")) or self._state(text + ".")

    def _claimants(self, props: dict[str, Any]) -> list[str]:
        m = _CLAIM.search(str(props.get("NOTE_BRK") or ""))
        if not m:
            return []
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1).strip())
        out = []
        for n in names:
            s = self._named(n)
            if s:
                out.append(s)
        return list(dict.fromkeys(out))


def _iso(props: dict[str, Any]) -> str:
    iso = str(props.get("ISO_A3") or "-99")
    return iso if iso != "-99" else str(props.get("ADM0_A3"))
