"""casus.kb.states: State, normalize() and StateRegistry resolution (with the real registry and a toy one)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.curated import load_states
from casus.errors import AmbiguousEntityError, InvalidInputError, UnknownEntityError
from casus.kb.states import State, StateRegistry, normalize

REG = load_states()
STATES = REG.all()


# ------------------------------------------------------------------------------------------ normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  la Biélorussie ", "bielorussie"),
        ("l'Arménie", "armenie"),
        ("The Gambia", "gambia"),
        ("Lebanon", "lebanon"),  # "le" is an article only before a space
        ("Laos", "laos"),
        ("Lesotho", "lesotho"),
        ("Thailand", "thailand"),
        ("U.S.A.", "usa"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Кыргызстан", "кыргызстан"),
        ("Соединённые Штаты", "соединенные штаты"),
        ("Азербайджан", "азербайджан"),  # й keeps its breve
        ("Азербаи\u0306джан", "азербайджан"),  # even when decomposed
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


# ------------------------------------------------------------------------------------------ State


def test_state_rejects_unknown_region_and_language() -> None:
    with pytest.raises(InvalidInputError, match="region"):
        State("ARM", "Armenia", region="caucasus")
    with pytest.raises(InvalidInputError, match="language"):
        State("ARM", "Armenia", names=(("hy", "Հայաստան"),))


def test_name_in_falls_back_to_english() -> None:
    armenia = REG.get("ARM")
    assert armenia.name_in("fr") == "Arménie"
    assert armenia.name_in("ru") == "Армения"
    assert armenia.name_in("de") == "Armenia"


# ------------------------------------------------------------------------------------------ toy registry


def _toy() -> StateRegistry:
    states = [
        State("AUS", "Australia", "AUS", "AU", (900,), "AUL", region="oceania"),
        State("AUT", "Austria", "AUT", "AT", (305,), "AUS", region="europe"),
        State("COG", "Republic of the Congo", "COG", "CG", (484,), "CON", region="africa"),
        State("COD", "Democratic Republic of the Congo", "COD", "CD", (490,), "DRC", region="africa"),
    ]
    return StateRegistry(states, {"Congo": "COG", "Congo ": "COD", "Österreich": "AUT", "Ghost": "XXX"})


def test_iso_codes_win_over_cow_abbreviations() -> None:
    reg = _toy()
    assert reg.resolve("AUS").id == "AUS"  # COW's AUS is Austria; ISO's is Australia
    assert reg.resolve("305").id == "AUT"
    assert reg.resolve("DRC").id == "COD"  # a COW abbreviation no ISO code claims


def test_ambiguous_name_lists_candidates() -> None:
    with pytest.raises(AmbiguousEntityError) as err:
        _toy().resolve("congo")
    assert set(err.value.suggestions) == {"Republic of the Congo", "Democratic Republic of the Congo"}


def test_toy_aliases_exclude_codes_ambiguous_names_and_unknown_states() -> None:
    aliases = _toy().aliases()
    assert aliases["osterreich"] == "AUT"
    assert "congo" not in aliases
    assert "aus" not in aliases and "au" not in aliases
    assert "ghost" not in aliases


def test_unknown_cow_code() -> None:
    with pytest.raises(UnknownEntityError, match="COW state code '999'"):
        _toy().by_cow(999)


# ------------------------------------------------------------------------------------------ real registry


@pytest.mark.parametrize(
    ("text", "state_id"),
    [
        ("Biélorussie", "BLR"),
        ("Bélarus", "BLR"),
        ("Беларусь", "BLR"),
        ("Белоруссии", "BLR"),
        ("Киргизия", "KGZ"),
        ("Кыргызстан", "KGZ"),
        ("Kirghizistan", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("AM", "ARM"),
        ("ARM", "ARM"),
        ("arm", "ARM"),
        ("371", "ARM"),
        ("Армению", "ARM"),
        ("arménienne", "ARM"),
        ("Armenian", "ARM"),
        ("Russian Federation", "RUS"),
        ("РФ", "RUS"),
        ("России", "RUS"),
        ("USSR", "RUS"),
        ("Soviet Union", "RUS"),
        ("США", "USA"),
        ("U.S.", "USA"),
        ("États-Unis", "USA"),
        ("Royaume-Uni", "GBR"),
        ("Great Britain", "GBR"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("West Germany", "DEU"),
        ("East Germany", "DDR"),
        ("Казахстане", "KAZ"),
        ("Tadjikistan", "TJK"),
        ("Азербайджана", "AZE"),
        ("Ivory Coast", "CIV"),
        ("Macedonia", "MKD"),
        ("Burma", "MMR"),
        ("Yugoslavia", "SRB"),
        ("Bavaria", "COW-BAV"),
        ("COW-BAV", "COW-BAV"),
        ("cow-bav", "COW-BAV"),
        ("8152", "COW-ANN"),
    ],
)
def test_resolve(text: str, state_id: str) -> None:
    assert REG.resolve(text).id == state_id


@pytest.mark.parametrize(
    ("code", "state_id"),
    [("AUS", "AUS"), ("CZE", "CZE"), ("MNG", "MNG"), ("SLV", "SLV"), ("KOR", "KOR"), ("AUT", "AUT")],
)
def test_cow_abbreviations_shadowed_by_iso_codes(code: str, state_id: str) -> None:
    assert REG.resolve(code).id == state_id


def test_otan_is_not_a_state() -> None:
    with pytest.raises(UnknownEntityError) as err:
        REG.resolve("OTAN")
    assert not isinstance(err.value, AmbiguousEntityError)
    assert err.value.suggestions == ()


def test_misspelling_suggests_the_right_state() -> None:
    with pytest.raises(UnknownEntityError) as err:
        REG.resolve("Kyrgystan")
    assert err.value.suggestions[0] == "Kyrgyzstan"
    assert "did you mean 'Kyrgyzstan'" in str(err.value)


def test_korea_alone_is_refused_with_both_koreas_suggested() -> None:
    with pytest.raises(UnknownEntityError) as err:
        REG.resolve("Korea")
    assert {"North Korea", "South Korea"} <= set(err.value.suggestions)


def test_capitals_are_not_aliases() -> None:
    for capital in ("Moscow", "Moscou", "Москва", "Yerevan", "Brussels"):
        with pytest.raises(UnknownEntityError):
            REG.resolve(capital)


def test_display_names_of_armenia_and_russia() -> None:
    assert dict(REG.get("ARM").names) == {"en": "Armenia", "fr": "Arménie", "ru": "Армения"}
    assert dict(REG.get("RUS").names) == {"en": "Russia", "fr": "Russie", "ru": "Россия"}
    assert REG.get("KGZ").name_in("ru") == "Киргизия"


def test_aliases_are_consistent_and_leave_out_codes() -> None:
    aliases = REG.aliases()
    assert len(aliases) > 2000
    for key, state_id in aliases.items():
        assert REG.resolve(key).id == state_id, key
    assert aliases["казахстане"] == "KAZ"
    assert "and" not in aliases  # Andorra's ISO code is not a text alias
    assert "arm" not in aliases


def test_every_display_name_is_an_unambiguous_alias() -> None:
    aliases = REG.aliases()
    for state in STATES:
        for _, name in state.names:
            assert aliases.get(normalize(name)) == state.id, (state.id, name)


@given(
    state=st.sampled_from(STATES),
    field=st.sampled_from(("id", "name", "en", "fr", "ru", "iso3", "iso2", "cow", "lower")),
)
def test_resolving_a_states_own_name_or_code_returns_it(state: State, field: str) -> None:
    value: str | None
    if field in ("en", "fr", "ru"):
        value = state.name_in(field)
    elif field == "cow":
        value = str(state.cow[0])
    elif field == "lower":
        value = state.name.lower()
    else:
        value = getattr(state, field)
    if value is None:  # no ISO code
        return
    assert REG.resolve(value) is state
    assert REG.get(state.id) is state
