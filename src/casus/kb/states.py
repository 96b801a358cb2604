"""States: identity across COW and ISO codes, and resolution from names in English, French and Russian.

A :class:`State` is identified by its ISO 3166-1 alpha-3 code when it has one (current or historic, e.g.
``DEU``, ``CSK``), else by ``COW-<abbreviation>`` (``COW-BAV`` for Bavaria). ``SUN`` is *not* used: COW
treats the USSR and Russia as one state, code 365, so casus maps both to ``RUS``. Names come from pycountry
and its bundled gettext translations; common short forms that pycountry lacks come from a small, sourced
alias table. The COW ↔ ISO correspondence is a data file checked in tests against the COW state list.

Resolution order (:meth:`StateRegistry.resolve`): a COW numeric code (``"371"``), a state id, an ISO
alpha-3/alpha-2 code or COW abbreviation (case-insensitive), then a name or alias in any language
(folded by :func:`normalize`). ISO codes win over COW abbreviations when they collide: ``AUS`` is
Australia (COW's ``AUS`` is Austria, ISO ``AUT``), ``CZE`` the Czech Republic (COW: Czechoslovakia),
``MNG`` Mongolia (COW: Montenegro), ``SLV`` El Salvador (COW: Slovenia), ``KOR`` South Korea (COW: the
Korea of 1887-1905). Use COW numeric codes to be unambiguous.

References:
    Correlates of War Project. 2017. "State System Membership List, v2016."
    https://correlatesofwar.org/data-sets/state-system-membership/
    ISO 3166-1 and ISO 3166-3 via pycountry (Debian iso-codes).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from casus.errors import AmbiguousEntityError, InvalidInputError, UnknownEntityError
from casus.kb.places import REGIONS

LANGS = ("en", "fr", "ru")

_ARTICLE = re.compile(r"^(?:(?:the|la|le|les) |l')")
_NON_WORD = re.compile(r"[^\w' ]+")
_CODE = re.compile(r"^(?:[A-Za-z]{2,3}|COW-[A-Za-z0-9]{2,4})$", re.IGNORECASE)


@dataclass(frozen=True)
class State:
    """A state, as COW and ISO know it.

    Attributes:
        id: ISO 3166-1 alpha-3 when it has one, else ``COW-<abb>``.
        name: English short name (``Russia``, ``United States``).
        iso3: ISO 3166-1 alpha-3 (current or historic), or ``None``.
        iso2: ISO 3166-1 alpha-2, or ``None``.
        cow: COW numeric codes that map to it (Germany: 255 and 260), main code first.
        cow_abb: COW abbreviation of its main code.
        names: ``(lang, name)`` pairs: the names it is displayed with in en, fr, ru.
        region: Its main world region (see :data:`casus.kb.places.REGIONS`).
    """

    id: str
    name: str
    iso3: str | None = None
    iso2: str | None = None
    cow: tuple[int, ...] = ()
    cow_abb: str | None = None
    names: tuple[tuple[str, str], ...] = ()
    region: str = ""

    def __post_init__(self) -> None:
        if not self.id or not self.name:
            raise InvalidInputError(f"state needs an id and a name, got id={self.id!r} name={self.name!r}")
        if self.region and self.region not in REGIONS:
            raise InvalidInputError(f"state {self.id}: unknown region {self.region!r}; use one of {REGIONS}")
        for lang, _ in self.names:
            if lang not in LANGS:
                raise InvalidInputError(f"state {self.id}: unknown language {lang!r}; use one of {LANGS}")

    def name_in(self, lang: str) -> str:
        """Display name in ``lang`` (falls back to English).

        >>> State("ARM", "Armenia", names=(("fr", "Arménie"),)).name_in("fr")
        'Arménie'
        """
        return next((n for lg, n in self.names if lg == lang), self.name)


def normalize(text: str) -> str:
    """Fold a name for lookup: case, accents (Latin only), dots, punctuation and a leading article.

    Cyrillic letters keep their identity (``й`` stays ``й``) except ``ё``, folded to ``е`` as Russian
    news text usually writes it. Results are cached (registries fold the same names many times).

    >>> normalize("  la Biélorussie ")
    'bielorussie'
    >>> normalize("Кыргызстан"), normalize("Соединённые Штаты")
    ('кыргызстан', 'соединенные штаты')
    >>> normalize("U.S.A."), normalize("Guinea-Bissau"), normalize("Lebanon"), normalize("Côte d’Ivoire")
    ('usa', 'guinea bissau', 'lebanon', "cote d'ivoire")
    """
    return _fold(text)


_MARKS = re.compile(r"[\u0300-\u036f]")
_KEEP = str.maketrans({"й": "\ue000", "ї": "\ue001", "ў": "\ue002"})
_RESTORE = str.maketrans({"\ue000": "й", "\ue001": "ї", "\ue002": "ў"})


@functools.lru_cache(maxsize=32768)
def _fold(text: str) -> str:
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", folded).replace("ё", "е").replace("’", "'").translate(_KEEP)
        folded = _MARKS.sub("", unicodedata.normalize("NFKD", folded)).translate(_RESTORE)
    folded = " ".join(_NON_WORD.sub(" ", folded.replace(".", "")).split())
    if folded.startswith(("the ", "la ", "le ", "les ", "l'")):
        folded = _ARTICLE.sub("", folded).strip()
    return folded


@dataclass(frozen=True)
class HistoricalName:
    """The name a state bore during a span (half-open), e.g. RUS as the Soviet Union, 1922-12-30 to 1991-12-26."""

    state: str
    name: str
    start: dt.date
    end: dt.date
    source: str = ""


@dataclass(frozen=True)
class CapitalLocation:
    """Where a state's capital is (latitude, longitude in degrees), until a date when it moved.

    ``until`` is ``None`` for the capital of today; an earlier capital holds until the day the next one took
    over (Bonn until 3 October 1990).
    """

    state: str
    lat: float
    lon: float
    until: dt.date | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise InvalidInputError(f"capital of {self.state}: ({self.lat}, {self.lon}) is not a latitude/longitude")


class StateRegistry:
    """All states casus knows, and name resolution.

    Built from :class:`State` records plus an alias index (alias → state id). Codes (ids, ISO alpha-3 and
    alpha-2, COW abbreviations) and names (display names and aliases, folded by :func:`normalize`) are
    kept in separate indexes: codes resolve, but are not text aliases (``"and"`` is Andorra's ISO code).
    Pure: the adapters in :mod:`casus.curated` build it from package data.
    """

    def __init__(
        self,
        states: Iterable[State],
        aliases: Mapping[str, str] | None = None,
        historical: Iterable[HistoricalName] = (),
        capitals: Iterable[CapitalLocation] = (),
    ) -> None:
        self._states: dict[str, State] = {}
        self._historical: dict[str, list[HistoricalName]] = {}
        self._by_cow: dict[int, str] = {}
        self._codes: dict[str, str] = {}
        self._index: dict[str, set[str]] = {}
        self._keys: list[str] | None = None
        for state in states:
            self._states[state.id] = state
            for ccode in state.cow:
                self._by_cow.setdefault(ccode, state.id)
            for name in (state.name, *(n for _, n in state.names)):
                self._index.setdefault(normalize(name), set()).add(state.id)
        for state in self._states.values():
            for code in (state.id, state.iso3, state.iso2):
                if code:
                    self._codes.setdefault(code.upper(), state.id)
        for state in self._states.values():  # COW abbreviations only where no ISO code claims them
            if state.cow_abb:
                self._codes.setdefault(state.cow_abb.upper(), state.id)
        for alias, state_id in (aliases or {}).items():
            if state_id in self._states:
                self._index.setdefault(normalize(alias), set()).add(state_id)
        for h in historical:
            if h.state in self._states:
                self._historical.setdefault(h.state, []).append(h)
                self._index.setdefault(normalize(h.name), set()).add(h.state)
        self._index.pop("", None)
        self._capitals: dict[str, list[CapitalLocation]] = {}
        for c in capitals:
            if c.state in self._states:
                self._capitals.setdefault(c.state, []).append(c)
        for moves in self._capitals.values():
            moves.sort(key=lambda c: c.until or dt.date.max)

    def name_on(self, state_id: str, on: dt.date | None) -> str:
        """The state's English name on a date: the Soviet Union in 1970, Russia in 1995.

        >>> from casus.curated import load_states
        >>> reg = load_states()
        >>> reg.name_on("RUS", dt.date(1970, 1, 1)), reg.name_on("RUS", dt.date(1995, 1, 1))
        ('Soviet Union', 'Russia')
        """
        state = self.get(state_id)
        if on is not None:
            for h in self._historical.get(state.id, ()):
                if h.start <= on < h.end:
                    return h.name
        return state.name

    def capital_on(self, state_id: str, on: dt.date | None = None) -> tuple[float, float] | None:
        """Latitude and longitude of the state's capital on a date (today's without one); ``None`` if unknown.

        >>> from casus.curated import load_states
        >>> reg = load_states()
        >>> reg.capital_on("KAZ", dt.date(1995, 1, 1)), reg.capital_on("KAZ")  # Almaty, then Astana
        ((43.25, 76.92), (51.18, 71.45))
        """
        for c in self._capitals.get(state_id, ()):
            if c.until is None or (on is not None and on < c.until):
                return (c.lat, c.lon)
        return None

    def historical_names(self, state_id: str) -> tuple[HistoricalName, ...]:
        """The earlier names of a state, in date order."""
        return tuple(sorted(self._historical.get(state_id, ()), key=lambda h: h.start))

    def __len__(self) -> int:
        return len(self._states)

    def __contains__(self, state_id: object) -> bool:
        return state_id in self._states

    def all(self) -> tuple[State, ...]:
        """Every state, in id order."""
        return tuple(self._states[k] for k in sorted(self._states))

    def get(self, state_id: str) -> State:
        """The state with that id (anything :meth:`resolve` accepts also works).

        Raises:
            UnknownEntityError: No such id.
        """
        try:
            return self._states[state_id]
        except KeyError:
            return self.resolve(state_id)

    def by_cow(self, ccode: int) -> State:
        """The state a COW numeric code maps to.

        Raises:
            UnknownEntityError: The code is not in the COW ↔ ISO table.
        """
        try:
            return self._states[self._by_cow[int(ccode)]]
        except KeyError:
            raise UnknownEntityError("COW state code", str(ccode), hint="see COW states2016.csv") from None

    def aliases(self) -> dict[str, str]:
        """Every unambiguous normalized name or alias with its state id (a gazetteer for text matching).

        Codes (ISO alpha-2/alpha-3, COW abbreviations) are left out; short forms listed as aliases
        (``usa``, ``uk``, ``рф``) are in.
        """
        return {alias: next(iter(ids)) for alias, ids in self._index.items() if len(ids) == 1}

    def resolve(self, text: str) -> State:
        """Resolve a name, ISO2/ISO3 code, COW code or abbreviation in en, fr or ru.

        >>> from casus.curated import load_states
        >>> reg = load_states()
        >>> reg.resolve("Biélorussie").id, reg.resolve("Киргизия").id, reg.resolve("365").id
        ('BLR', 'KGZ', 'RUS')

        Raises:
            UnknownEntityError: Nothing matches; the message suggests the closest names.
            AmbiguousEntityError: The name matches several states.
        """
        raw = str(text).strip()
        if raw.isdigit():
            return self.by_cow(int(raw))
        state = self._states.get(raw)
        if state is not None:
            return state
        if _CODE.match(raw):
            state_id = self._codes.get(raw.upper())
            if state_id is not None:
                return self._states[state_id]
        ids = self._index.get(normalize(raw))
        if ids and len(ids) == 1:
            return self._states[next(iter(ids))]
        if ids:
            names = tuple(sorted(self._states[i].name for i in ids))
            raise AmbiguousEntityError("state", raw, names, hint="use an ISO3 or COW numeric code")
        raise UnknownEntityError("state", raw, self.suggest(raw))

    def suggest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """Closest known names to ``text`` (for "did you mean").

        Uses rapidfuzz on the name index: plain edit similarity first (``Kyrgystan`` → Kyrgyzstan), then,
        when nothing is close, rapidfuzz's weighted ratio for partial names (``Korea`` → North Korea, South
        Korea). Returns English display names, best first; an acronym such as ``OTAN`` gets none.
        """
        from rapidfuzz import fuzz, process

        if self._keys is None:
            self._keys = sorted(self._index)
        query = normalize(text)
        matches = process.extract(query, self._keys, scorer=fuzz.ratio, limit=10, score_cutoff=80)
        if not matches:
            matches = process.extract(query, self._keys, scorer=fuzz.WRatio, limit=10, score_cutoff=88)
        out: list[str] = []
        for alias, _, _ in matches:
            for state_id in sorted(self._index[alias]):
                name = self._states[state_id].name
                if name not in out:
                    out.append(name)
        return tuple(out[:limit])
