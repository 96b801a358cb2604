"""Geography adapters: the offline gazetteer behind ``--place`` (pycountry, Natural Earth, GeoNames).

The pure core (:mod:`casus.kb.places`) knows places and treaty areas; this package reads the maintained data
that turns a name a user types (``Gaziantep``, ``TR-27``, ``Газиантеп``, ``Mediterranean Sea``) into a
:class:`~casus.kb.places.Place`.
"""

from casus.geo.gazetteer import Gazetteer, default_gazetteer

__all__ = ["Gazetteer", "default_gazetteer"]
