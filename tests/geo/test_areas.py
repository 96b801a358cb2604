"""Treaty areas as geometry, read from the words of the text in force (curated/data/areas)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("shapely", reason="the [geo] extra is not installed")

from casus.curated.loader import load_kb
from casus.geo.areas import Leg, line_polygon, load_area_files, rhumb_points
from casus.geo.build import with_data
from casus.geo.world import covers
from casus.kb.knowledge import KnowledgeBase
from casus.kb.places import Place

ON = dt.date(2024, 6, 25)


@pytest.fixture(scope="module")
def geo_kb(fixture_data: Path) -> KnowledgeBase:
    """The curated knowledge base over the committed Natural Earth subsets."""
    return with_data(load_kb(), fixture_data)


def at(name: str, lat: float, lon: float, country: str) -> Place:
    return Place(id=name, name=name, country=country, regions=(), latitude=lat, longitude=lon)


def test_the_rio_line_is_transcribed_from_pole_to_pole_with_the_texts_coordinates() -> None:
    rio = next(f for f in load_area_files() if f.id == "rio-art4")
    legs = [(leg.lat, leg.lon, leg.by) for leg in rio.line]
    assert legs[0] == (90, -10, "pole") and legs[-1] == (90, -168.968056, "meridian")
    assert (47.5, -50, "rhumb") in legs and (5, -24, "rhumb") in legs and (-90, -24, "meridian") in legs
    assert (50, -190, "rhumb") in legs  # 170 degrees east, written west of 180 so the line does not jump
    assert "168 degrees 58 minutes 5 seconds west" in rio.words


def test_a_rhumb_line_is_straight_on_a_mercator_chart_not_in_latitude() -> None:
    mid_lon, mid_lat = rhumb_points(Leg(0, -120, "rhumb"), Leg(50, -190, "rhumb"), 2)[1]
    assert mid_lon == -155.0 and 27.7 < mid_lat < 27.9  # halfway on the chart; a straight lat/lon line: 25


@pytest.mark.parametrize(
    ("name", "lat", "lon", "inside"),
    [
        ("Honolulu", 21.31, -157.86, False),  # the line passes about 130 degrees west at Hawaii's latitude
        ("Stanley, Falkland Islands", -51.70, -57.85, True),
        ("Nuuk, Greenland", 64.18, -51.72, True),
        ("Ponta Delgada, Azores", 37.74, -25.67, False),
        ("Attu, Aleutians", 52.90, 173.0, True),  # west of 180 degrees: the 170 degrees east leg
        ("Ushuaia", -54.80, -68.30, True),
        ("Dakar", 14.69, -17.44, False),
    ],
)
def test_rio_article_4_region(geo_kb: KnowledgeBase, name: str, lat: float, lon: float, inside: bool) -> None:
    found, why, sources = geo_kb.areas["rio-art4-zone"].locate(at(name, lat, lon, "USA"), ON)  # type: ignore[misc]
    assert found is inside, why
    assert "rio-treaty-text" in sources and "rhumb" in why


def test_rio_polygon_is_one_valid_area() -> None:
    rio = next(f for f in load_area_files() if f.id == "rio-art4")
    shape = line_polygon(rio.line)
    assert shape.is_valid and covers(shape, -60.0, -10.0)  # Amazonia


@pytest.mark.parametrize(
    ("scope", "name", "lat", "lon", "country", "inside", "words"),
    [
        ("nato-art6", "Gaziantep", 37.07, 37.38, "TUR", True, "the territory of Turkey"),
        ("nato-art6-1949", "Gaziantep", 37.07, 37.38, "TUR", False, "in none of"),
        ("nato-art6", "Reykjavik", 64.15, -21.95, "ISL", True, "Europe"),
        ("nato-art6", "Nuuk", 64.18, -51.72, "DNK", True, "North America"),
        ("nato-art6", "Las Palmas, Canary Islands", 28.10, -15.43, "ESP", True, "islands under the jurisdiction"),
        ("nato-art6", "Hamilton, Bermuda", 32.29, -64.78, "GBR", True, "islands under the jurisdiction"),
        ("nato-art6", "Honolulu", 21.31, -157.86, "USA", False, "in none of"),
        ("nato-art6", "Cayenne, French Guiana", 4.93, -52.33, "FRA", False, "in none of"),
        ("nato-art6", "San Juan, Puerto Rico", 18.47, -66.11, "USA", False, "in none of"),
        ("nato-art6", "Rhodes", 36.44, 28.22, "GRC", True, "Europe"),
        ("nato-art6", "Anchorage", 61.22, -149.90, "USA", True, "North America"),
    ],
)
def test_nato_article_6_land(
    geo_kb: KnowledgeBase, scope: str, name: str, lat: float, lon: float, country: str, inside: bool, words: str
) -> None:
    found, why, _ = geo_kb.areas[scope].locate(at(name, lat, lon, country), ON)  # type: ignore[misc]
    assert found is inside, why
    assert words in why and scope in why


def test_ceuta_is_outside_by_the_text_and_the_contest_is_recorded(geo_kb: KnowledgeBase) -> None:
    found, why, sources = geo_kb.areas["nato-art6"].locate(at("Ceuta", 35.89, -5.32, "ESP"), ON)  # type: ignore[misc]
    assert found is False
    assert "Contested" in why and "Albares" in why and "Stoltenberg" in why
    assert {"places-albares-2022", "places-stoltenberg-2022"} <= set(sources)


def test_algiers_is_inside_as_an_algerian_department_until_1962(geo_kb: KnowledgeBase) -> None:
    algiers_1955 = geo_kb.place_at(36.75, 3.06, dt.date(1955, 1, 1))
    assert algiers_1955.country == "FRA"
    found, why, _ = geo_kb.areas["nato-art6-1952"].locate(algiers_1955, dt.date(1955, 1, 1))  # type: ignore[misc]
    assert found is True and "the Algerian Departments of France" in why
    algiers_1963 = geo_kb.place_at(36.75, 3.06, dt.date(1963, 1, 1))
    assert algiers_1963.country == "DZA"
    assert geo_kb.areas["nato-art6"].locate(algiers_1963, dt.date(1963, 1, 1))[0] is False  # type: ignore[index]


def test_a_vessel_in_the_mediterranean_is_inside_article_6_ii_from_1952_not_before(geo_kb: KnowledgeBase) -> None:
    sea = geo_kb.place_at(35.5, 18.0, ON)
    assert sea.at_sea and "mediterranean" in sea.regions
    found, why, _ = geo_kb.areas["nato-art6"].locate(sea, ON, forces=True)  # type: ignore[misc]
    assert found is True and "the Mediterranean Sea" in why and "label areas" in why
    old = geo_kb.areas["nato-art6-1949"].locate(sea, dt.date(1950, 1, 1), forces=True)  # type: ignore[misc]
    assert old is not None and old[0] is False  # as signed: vessels only in the North Atlantic north of the Tropic


def test_the_south_china_sea_readings_count_from_their_dates(geo_kb: KnowledgeBase) -> None:
    area = geo_kb.areas["us-philippines-pacific"]
    sea = geo_kb.place_at(10.5, 114.5, dt.date(2024, 5, 1))
    assert "South China Sea" in sea.name
    early = area.locate(sea, dt.date(2015, 5, 1), forces=True)
    assert early is not None and early[0] is None and "no reading casus records" in early[1]
    mixed = area.locate(sea, dt.date(2024, 5, 1), forces=True)
    assert mixed is not None and mixed[0] is None and "Pompeo" in mixed[1] and "unsure" in mixed[1]
    assert {"usphl-wapo-pompeo-2019", "usphl-mb-blinken-2021", "usphl-mb-2023"} <= set(mixed[2])
    on_land = area.locate(at("Manila", 14.6, 121.0, "PHL"), dt.date(2024, 5, 1))
    assert on_land is None  # on land the scope's named regions decide


def test_senkakus_are_under_japanese_administration_since_1972(geo_kb: KnowledgeBase) -> None:
    area = geo_kb.areas["us-japan-art5"]
    now = geo_kb.place_at(25.7435, 123.4733, dt.date(2024, 5, 1))
    found, why, sources = area.locate(now, dt.date(2024, 5, 1))  # type: ignore[misc]
    assert found is True and "Senkaku" in why and "usjp-obama-2014" in sources
    then = geo_kb.place_at(25.7435, 123.4733, dt.date(1970, 5, 1))
    assert then.country == "USA"
    assert area.locate(then, dt.date(1970, 5, 1))[0] is False  # type: ignore[index]
