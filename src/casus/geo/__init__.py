"""Geography adapters: the offline gazetteer behind ``--place``, the world map and treaty areas as geometry.

The pure core (:mod:`casus.kb.places`) knows places and treaty areas; this package reads the maintained data
that turns a name a user types (``Gaziantep``, ``TR-27``, ``Газиантеп``, ``Mediterranean Sea``) or a point
(``35.5,18.0``) into a :class:`~casus.kb.places.Place` held by a state on a date (:mod:`casus.geo.world`), and
draws treaty areas from the words of their texts (:mod:`casus.geo.areas`).
"""

from casus.geo.gazetteer import Gazetteer

__all__ = ["Gazetteer"]
