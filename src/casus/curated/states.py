"""Build the :class:`~casus.kb.states.StateRegistry` from package data.

CSV files in ``casus/curated/data`` (see ``SOURCES.md`` there):

* ``cow_iso.csv``: every COW state code (states2016) with its ISO 3166-1/3166-3 code, casus state id,
  world region and notes;
* ``state_aliases.csv``: short forms, former names, demonyms and Russian inflected forms that pycountry
  lacks;
* ``capitals.csv``: capitals used as metonyms ("Moscow says…"). They are *not* aliases: ``resolve()``
  does not accept them; :func:`load_capitals` hands them to the news-ingestion layer;
* ``historical_names.csv``: earlier names with their dates (the Soviet Union, West Germany);
* ``capital_locations.csv``: where each capital is (and was, before a move), for the distances between
  capitals the crisis model uses (:meth:`~casus.kb.states.StateRegistry.capital_on`).

Names come from pycountry's ISO 3166 database and its bundled gettext translations (fr, ru). To keep
``load_states()`` off the 70 ms that ``import pycountry`` costs (it imports ``importlib.metadata``), the
adapter reads the same files pycountry reads, ``databases/iso3166-{1,3}.json`` and
``locales/<lang>/LC_MESSAGES/iso3166-{1,3}.mo``, from the installed pycountry package without importing it.

References:
    Correlates of War Project. 2017. "State System Membership List, v2016."
    ISO 3166-1 and ISO 3166-3, as distributed by Debian iso-codes in pycountry.
    Unicode CLDR 49 territory names (via Babel), for some aliases.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gettext
import io
import json
import re
from collections.abc import Iterator
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from casus.errors import InvalidInputError, SourceFormatError
from casus.kb.places import REGIONS
from casus.kb.states import LANGS, CapitalLocation, HistoricalName, State, StateRegistry, normalize

COW_ISO_COLUMNS = ("ccode", "stateabb", "cow_name", "iso3", "iso2", "state_id", "region", "note")
ALIAS_COLUMNS = ("lang", "alias", "state_id", "source")
CAPITAL_COLUMNS = ("lang", "capital", "state_id")

#: Display names (en, fr, ru) where pycountry's are inverted ("Russie, Fédération de"), official-style,
#: miscapitalized ("Соединённые штаты") or missing (no ISO code). ``None``: keep pycountry's.
_DISPLAY: dict[str, tuple[str | None, str | None, str | None]] = {
    "RUS": ("Russia", "Russie", "Россия"),
    "USA": (None, None, "США"),
    "GBR": (None, None, "Великобритания"),
    "BRN": ("Brunei", "Brunei", "Бруней"),
    "FSM": ("Micronesia", "Micronésie", "Микронезия"),
    "SLB": (None, "Îles Salomon", None),
    "GNQ": (None, "Guinée équatoriale", None),
    "DOM": (None, None, "Доминиканская Республика"),
    "CAF": (None, None, "Центральноафриканская Республика"),
    "COG": ("Republic of the Congo", "République du Congo", "Республика Конго"),
    "COD": ("Democratic Republic of the Congo", None, None),
    "CSK": ("Czechoslovakia", "Tchécoslovaquie", "Чехословакия"),
    "YMD": ("South Yemen", "Yémen du Sud", "Южный Йемен"),
    "XKX": ("Kosovo", "Kosovo", "Косово"),
    "COW-HAN": ("Hanover", "Hanovre", "Ганновер"),
    "COW-BAV": ("Bavaria", "Bavière", "Бавария"),
    "COW-BAD": ("Baden", "Bade", "Баден"),
    "COW-SAX": ("Saxony", "Saxe", "Саксония"),
    "COW-WRT": ("Württemberg", "Wurtemberg", "Вюртемберг"),
    "COW-HSE": ("Hesse-Kassel", "Hesse-Cassel", "Гессен-Кассель"),
    "COW-HSG": ("Hesse-Darmstadt", "Hesse-Darmstadt", "Гессен-Дармштадт"),
    "COW-MEC": ("Mecklenburg-Schwerin", "Mecklembourg-Schwerin", "Мекленбург-Шверин"),
    "COW-AUH": ("Austria-Hungary", "Autriche-Hongrie", "Австро-Венгрия"),
    "COW-PAP": ("Papal States", "États pontificaux", "Папская область"),
    "COW-SIC": ("Two Sicilies", "Royaume des Deux-Siciles", "Королевство обеих Сицилий"),
    "COW-MOD": ("Modena", "Modène", "Модена"),
    "COW-PMA": ("Parma", "Parme", "Парма"),
    "COW-TUS": ("Tuscany", "Toscane", "Тоскана"),
    "COW-ZAN": ("Zanzibar", "Zanzibar", "Занзибар"),
    "COW-KOR": ("Korean Empire", "Empire coréen", "Корейская империя"),
    "COW-RVN": ("Republic of Vietnam", "Sud-Viêt Nam", "Южный Вьетнам"),
    "COW-ANN": ("Annam", "Annam", "Аннам"),
}

#: COW names not used as aliases: in today's usage "Korea" means one of the two Koreas, not COW 730.
_NOT_ALIASES = frozenset({"Korea"})

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ABB = re.compile(r"^[A-Z]{2,4}$")


class Capital(NamedTuple):
    """A capital city used as a metonym for its state's government.

    Attributes:
        lang: Language of the form (en, fr, ru).
        name: The form as written (``Москвы`` for the genitive of Moscow).
        state_id: The state it stands for.
    """

    lang: str
    name: str
    state_id: str


class _Row(NamedTuple):
    line: int
    values: dict[str, str]


# ------------------------------------------------------------------------------------------------ files


def _data_file(name: str) -> tuple[str, str]:
    resource = resources.files("casus.curated").joinpath("data", name)
    return str(resource), resource.read_text(encoding="utf-8")


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[_Row]:
    path, text = _data_file(name)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    missing = [c for c in columns if c not in header]
    if missing:
        raise SourceFormatError(path, f"missing column(s) {', '.join(missing)}; expected {','.join(columns)}", 1)
    index = [header.index(c) for c in columns]
    for fields in reader:
        if not fields:
            continue
        if len(fields) != len(header):
            raise SourceFormatError(path, f"expected {len(header)} fields, got {len(fields)}", reader.line_num)
        yield _Row(reader.line_num, {c: fields[i].strip() for c, i in zip(columns, index, strict=True)})


def _pycountry_dir() -> Path:
    """The installed pycountry package directory, found without importing pycountry (70 ms)."""
    spec = find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise SourceFormatError("pycountry", "pycountry is not installed; `pip install pycountry`")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def _iso_records() -> dict[str, tuple[str, dict[str, str]]]:
    """ISO alpha-3 → (standard, record) for ISO 3166-1 and the historic ISO 3166-3 codes."""
    base = _pycountry_dir() / "databases"
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for standard in ("3166-3", "3166-1"):  # current codes override historic ones
        path = base / f"iso{standard}.json"
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))[standard]
        except (OSError, ValueError, KeyError) as exc:
            raise SourceFormatError(str(path), f"cannot read pycountry's ISO {standard} data: {exc}") from None
        for entry in entries:
            out[entry["alpha_3"]] = (standard, entry)
    return out


@functools.cache
def _translation(standard: str, lang: str) -> gettext.NullTranslations:
    localedir = str(_pycountry_dir() / "locales")
    return gettext.translation(f"iso{standard}", localedir, languages=[lang], fallback=True)


def _translate(standard: str, lang: str, text: str) -> str:
    return _translation(standard, lang).gettext(text) if text else text


# ------------------------------------------------------------------------------------------------ build


def _read_cow_iso() -> tuple[dict[str, list[_Row]], str]:
    path, _ = _data_file("cow_iso.csv")
    iso = _iso_records()
    by_state: dict[str, list[_Row]] = {}
    seen: set[int] = set()
    for row in _rows("cow_iso.csv", COW_ISO_COLUMNS):
        v, line = row.values, row.line
        try:
            ccode = int(v["ccode"])
        except ValueError:
            raise SourceFormatError(path, f"ccode {v['ccode']!r} is not an integer", line, "ccode") from None
        if ccode in seen:
            raise SourceFormatError(path, f"duplicate ccode {ccode}", line, "ccode")
        seen.add(ccode)
        if not _ABB.match(v["stateabb"]):
            raise SourceFormatError(path, f"bad COW abbreviation {v['stateabb']!r}", line, "stateabb")
        if not v["cow_name"]:
            raise SourceFormatError(path, "empty COW name", line, "cow_name")
        if v["iso3"] and not _ISO3.match(v["iso3"]):
            raise SourceFormatError(path, f"bad ISO alpha-3 {v['iso3']!r}", line, "iso3")
        if v["iso2"] and not _ISO2.match(v["iso2"]):
            raise SourceFormatError(path, f"bad ISO alpha-2 {v['iso2']!r}", line, "iso2")
        if bool(v["iso3"]) != bool(v["iso2"]):
            raise SourceFormatError(path, "give both ISO codes or neither", line, "iso2")
        record = iso.get(v["iso3"])
        if v["iso3"] and not v["iso3"].startswith("X"):  # X..: user-assigned (Kosovo XKX), not in ISO
            if record is None:
                raise SourceFormatError(path, f"{v['iso3']} is not an ISO 3166-1/3 code", line, "iso3")
            if record[1]["alpha_2"] != v["iso2"]:
                raise SourceFormatError(
                    path, f"ISO alpha-2 of {v['iso3']} is {record[1]['alpha_2']}, not {v['iso2']}", line, "iso2"
                )
        expected = v["iso3"] or f"COW-{v['stateabb']}"
        if v["state_id"] != expected:
            raise SourceFormatError(path, f"state_id should be {expected!r}, got {v['state_id']!r}", line, "state_id")
        if v["region"] not in REGIONS:
            raise SourceFormatError(path, f"unknown region {v['region']!r}; use one of {REGIONS}", line, "region")
        rows = by_state.setdefault(v["state_id"], [])
        if rows and rows[0].values["region"] != v["region"]:
            raise SourceFormatError(path, f"{v['state_id']} has two regions", line, "region")
        rows.append(row)
    return by_state, path


def _build_state(state_id: str, rows: list[_Row]) -> tuple[State, list[str]]:
    """One :class:`State` and the extra (non-display) names pycountry and COW know it by."""
    # Main code: the row whose COW abbreviation is the ISO code (679 YEM over 678 YAR), else the lowest.
    rows = sorted(rows, key=lambda r: (r.values["stateabb"] != r.values["iso3"], int(r.values["ccode"])))
    main = rows[0].values
    extra = [r.values["cow_name"] for r in rows if r.values["cow_name"] not in _NOT_ALIASES]
    display: dict[str, str] = {}
    record = _iso_records().get(main["iso3"]) if main["iso3"] else None
    if record is not None:
        standard, entry = record
        base = entry.get("common_name") or entry["name"]
        display = {"en": base} | {lang: _translate(standard, lang, base) for lang in ("fr", "ru")}
        for key in ("name", "common_name", "official_name"):
            if entry.get(key):
                extra += [entry[key], _translate(standard, "fr", entry[key]), _translate(standard, "ru", entry[key])]
    for lang, fixed in zip(LANGS, _DISPLAY.get(state_id, (None, None, None)), strict=True):
        if fixed:
            display[lang] = fixed
    display.setdefault("en", main["cow_name"])
    state = State(
        id=state_id,
        name=display["en"],
        iso3=main["iso3"] or None,
        iso2=main["iso2"] or None,
        cow=tuple(int(r.values["ccode"]) for r in rows),
        cow_abb=main["stateabb"],
        names=tuple((lang, display[lang]) for lang in LANGS if lang in display),
        region=main["region"],
    )
    return state, extra


def _read_aliases(known: set[str]) -> dict[str, str]:
    path, _ = _data_file("state_aliases.csv")
    out: dict[str, str] = {}
    folded: dict[str, tuple[str, int]] = {}
    for row in _rows("state_aliases.csv", ALIAS_COLUMNS):
        v, line = row.values, row.line
        if v["lang"] not in LANGS:
            raise SourceFormatError(path, f"unknown language {v['lang']!r}; use one of {LANGS}", line, "lang")
        if not v["alias"] or not normalize(v["alias"]):
            raise SourceFormatError(path, "empty alias", line, "alias")
        if v["state_id"] not in known:
            raise SourceFormatError(path, f"unknown state id {v['state_id']!r} (see cow_iso.csv)", line, "state_id")
        if not v["source"]:
            raise SourceFormatError(path, "every alias needs a source", line, "source")
        key = normalize(v["alias"])
        other = folded.get(key)
        if other is not None and other[0] != v["state_id"]:
            raise SourceFormatError(
                path,
                f"alias {v['alias']!r} also names {other[0]} (line {other[1]}); aliases must be unambiguous",
                line,
                "alias",
            )
        folded[key] = (v["state_id"], line)
        out[v["alias"]] = v["state_id"]
    return out


@functools.cache
def load_states() -> StateRegistry:
    """Every COW state (and ATOP's non-system member 8152, Annam) with names in en, fr and ru.

    Cached: the registry is built once per process.

    >>> reg = load_states()
    >>> reg.by_cow(260).id, reg.by_cow(345).name, reg.get("ARM").name_in("ru")
    ('DEU', 'Serbia', 'Армения')

    Raises:
        SourceFormatError: A data file is malformed (the message gives file, line and field).
    """
    by_state, _ = _read_cow_iso()
    states: list[State] = []
    aliases: dict[str, str] = {}
    for state_id, rows in by_state.items():
        state, extra = _build_state(state_id, rows)
        states.append(state)
        for name in extra:
            aliases.setdefault(name, state_id)
    aliases.update(_read_aliases(set(by_state)))
    known = set(by_state)
    return StateRegistry(states, aliases, _read_historical(known), _read_capital_locations(known))


def _read_historical(known: set[str]) -> list[HistoricalName]:
    """Earlier names (the Soviet Union, West Germany, Persia…) with their dates and sources."""
    path, _ = _data_file("historical_names.csv")
    out = []
    for row in _rows("historical_names.csv", ("state_id", "name", "start", "end", "source")):
        v = row.values
        if v["state_id"] not in known:
            raise SourceFormatError(path, f"unknown state id {v['state_id']!r}", row.line, "state_id")
        try:
            start, end = dt.date.fromisoformat(v["start"]), dt.date.fromisoformat(v["end"])
        except ValueError:
            raise SourceFormatError(path, "dates must be YYYY-MM-DD", row.line, "start") from None
        if end <= start:
            raise SourceFormatError(path, "the name's span ends before it starts", row.line, "end")
        out.append(HistoricalName(v["state_id"], v["name"], start, end, v["source"]))
    return out


def _read_capital_locations(known: set[str]) -> list[CapitalLocation]:
    """Where each state's capital is, and where it was before a move (for distances between capitals)."""
    path, _ = _data_file("capital_locations.csv")
    out = []
    for row in _rows("capital_locations.csv", ("state_id", "lat", "lon", "until", "source")):
        v = row.values
        if v["state_id"] not in known:
            raise SourceFormatError(path, f"unknown state id {v['state_id']!r} (see cow_iso.csv)", row.line, "state_id")
        try:
            lat, lon = float(v["lat"]), float(v["lon"])
        except ValueError:
            raise SourceFormatError(path, "lat and lon must be numbers (degrees)", row.line, "lat") from None
        try:
            until = dt.date.fromisoformat(v["until"]) if v["until"] else None
        except ValueError:
            raise SourceFormatError(
                path, "until must be YYYY-MM-DD (or empty for today's capital)", row.line, "until"
            ) from None
        try:
            out.append(CapitalLocation(v["state_id"], lat, lon, until, v["source"]))
        except InvalidInputError as err:
            raise SourceFormatError(path, str(err), row.line, "lat") from None
    current = [c.state for c in out if c.until is None]
    twice = sorted({s for s in current if current.count(s) > 1})
    if twice:
        raise SourceFormatError(path, f"more than one current capital (no until) for {', '.join(twice)}")
    return out


@functools.cache
def load_capitals() -> tuple[Capital, ...]:
    """Capitals as metonyms for their states' governments, in en, fr and ru (Russian with case forms).

    >>> [c.state_id for c in load_capitals() if c.name in ("Moscou", "Москвы", "Yerevan")]
    ['RUS', 'RUS', 'ARM']

    Raises:
        SourceFormatError: ``capitals.csv`` is malformed or names an unknown state.
    """
    path, _ = _data_file("capitals.csv")
    registry = load_states()
    out: list[Capital] = []
    for row in _rows("capitals.csv", CAPITAL_COLUMNS):
        v, line = row.values, row.line
        if v["lang"] not in LANGS:
            raise SourceFormatError(path, f"unknown language {v['lang']!r}; use one of {LANGS}", line, "lang")
        if not v["capital"]:
            raise SourceFormatError(path, "empty capital", line, "capital")
        if v["state_id"] not in registry:
            raise SourceFormatError(path, f"unknown state id {v['state_id']!r} (see cow_iso.csv)", line, "state_id")
        out.append(Capital(v["lang"], v["capital"], v["state_id"]))
    return tuple(out)
