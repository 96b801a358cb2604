"""World map data for the dashboard: Natural Earth 1:110m countries, read from the user's data folders.

casus does not ship the map; the dashboard draws it from the user's copy of
``ne_110m_admin_0_countries.geojson`` (Natural Earth, public domain). The file is looked for by
:func:`casus.data.cache.find_dataset_file` when ``naturalearth`` is a registered dataset, otherwise in the
same folders it searches: ``$CASUS_DATA_DIR``, the user cache (``~/.cache/casus``) and, in a checkout,
``../shared/data`` — each either in a ``naturalearth/`` sub-folder or at the top.

Each country is joined to a casus state on ``ISO_A3``, falling back to ``ADM0_A3`` because Natural Earth
writes ``-99`` for France, Norway and a few others; Natural Earth's own code for Kosovo (``KOS``) is mapped
to ``XKX``. A dependency that is not a state (Greenland, Puerto Rico, New Caledonia…) carries its
sovereign's id in ``sovereign``: whether a treaty's area covers it is a question for the obligations
endpoint, not for the map.

References:
    Natural Earth. Admin 0 – Countries, 1:110m, version 4.0.0. https://www.naturalearthdata.com/ (public
    domain). ISO_A3 is ``-99`` for FRA, NOR, CYN, KOS, SOL; see ``shared/data/naturalearth/PROVENANCE.md``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from casus.data.cache import ENV_VAR, find_dataset_file, search_dirs
from casus.errors import DataUnavailableError, UnknownEntityError
from casus.kb.knowledge import KnowledgeBase

DATASET = "naturalearth"
FILENAME = "ne_110m_admin_0_countries.geojson"
ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."

#: Natural Earth user-assigned codes whose ISO 3166-1 code differs.
NE_CODES = {"KOS": "XKX"}
#: Feature types whose SOVEREIGNT names the sovereign state of a non-state territory (not "Disputed").
_DEPENDENT_TYPES = {"Dependency", "Country"}
_MISSING = "map data not installed: get it with `casus data fetch naturalearth` or `casus data import PATH`"


def find_countries_file() -> Path:
    """The Natural Earth countries file on this machine.

    Raises:
        DataUnavailableError: It is in none of the data folders; the message says how to get it.
    """
    try:
        return find_dataset_file(DATASET, FILENAME)
    except DataUnavailableError as err:
        raise DataUnavailableError(f"{_MISSING} ({err})") from None
    except UnknownEntityError:  # naturalearth not a registered dataset: search the same folders
        pass
    tried: list[str] = []
    for folder in search_dirs():
        for candidate in (folder / DATASET / FILENAME, folder / FILENAME):
            if candidate.is_file():
                return candidate
            tried.append(str(candidate))
    raise DataUnavailableError(f"{_MISSING} (or put {FILENAME} in ${ENV_VAR}/{DATASET}/; searched: {', '.join(tried)})")


def _round(coords: Any, digits: int) -> Any:
    if coords and isinstance(coords[0], int | float):
        return [round(c, digits) for c in coords]
    return [_round(c, digits) for c in coords]


def join_countries(kb: KnowledgeBase, collection: dict[str, Any], digits: int = 2) -> dict[str, Any]:
    """A slim FeatureCollection: each country's name, code, casus state id and sovereign, and its outline.

    Args:
        kb: The knowledge base whose state ids the countries are joined to.
        collection: The Natural Earth GeoJSON, parsed.
        digits: Decimal places kept in coordinates (2 ≈ 1 km, well under the 1:110m scale).

    Returns:
        A GeoJSON ``FeatureCollection`` whose features have the properties ``name``, ``code`` (ISO_A3, or
        ADM0_A3 where ISO_A3 is ``-99``), ``state`` (the casus id, or ``None``) and ``sovereign``.

    >>> from casus.curated import load_kb
    >>> fr = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.349, 48.864]},
    ...       "properties": {"NAME": "France", "ISO_A3": "-99", "ADM0_A3": "FRA", "TYPE": "Country",
    ...                      "ADMIN": "France", "SOVEREIGNT": "France"}}
    >>> join_countries(load_kb(), {"features": [fr]})["features"][0]["properties"]
    {'name': 'France', 'code': 'FRA', 'state': 'FRA', 'sovereign': None}
    """
    codes: dict[str, str] = {}
    for st in kb.states.all():
        codes.setdefault(st.id, st.id)
        if st.iso3:
            codes.setdefault(st.iso3, st.id)
    features = []
    for feature in collection.get("features", ()):
        props = feature.get("properties") or {}
        iso = str(props.get("ISO_A3") or "-99")
        code = iso if iso != "-99" else str(props.get("ADM0_A3") or "")
        state = codes.get(NE_CODES.get(code, code))
        sovereign = None
        if state is None and props.get("TYPE") in _DEPENDENT_TYPES and props.get("SOVEREIGNT") != props.get("ADMIN"):
            try:
                sovereign = kb.states.resolve(str(props.get("SOVEREIGNT"))).id
            except UnknownEntityError:
                sovereign = None
        features.append(
            {
                "type": "Feature",
                "properties": {"name": props.get("NAME"), "code": code, "state": state, "sovereign": sovereign},
                "geometry": {
                    "type": feature["geometry"]["type"],
                    "coordinates": _round(feature["geometry"]["coordinates"], digits),
                },
            }
        )
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, kb: KnowledgeBase) -> dict[str, Any]:
    del mtime_ns  # part of the cache key only: a new file is read again
    with open(path, encoding="utf-8") as fh:
        return join_countries(kb, json.load(fh))


@functools.lru_cache(maxsize=4)
def _encode(path: str, mtime_ns: int, kb: KnowledgeBase) -> bytes:
    return json.dumps(_load(path, mtime_ns, kb), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def countries_json(kb: KnowledgeBase) -> bytes:
    """:func:`load_countries` as compact UTF-8 JSON, encoded once per file version (for the ETag).

    Raises:
        DataUnavailableError: The Natural Earth file is not on this machine.
    """
    path = find_countries_file()
    return _encode(str(path), path.stat().st_mtime_ns, kb)


def load_countries(kb: KnowledgeBase) -> dict[str, Any]:
    """The joined countries (see :func:`join_countries`), read once per file version.

    Raises:
        DataUnavailableError: The Natural Earth file is not on this machine.
    """
    path = find_countries_file()
    return _load(str(path), path.stat().st_mtime_ns, kb)
