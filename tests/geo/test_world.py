"""Who holds a point on a date: Natural Earth's de facto map, its disputed areas, and casus's dated facts.

Run on the committed Natural Earth subsets (tests/fixtures/naturalearth, cut by scripts/make_fixtures.py), so
every case here is in them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("shapely", reason="the [geo] extra is not installed")

from casus.curated.states import load_states
from casus.geo.areas import load_sovereignty
from casus.geo.build import marine_regions
from casus.geo.world import World


@pytest.fixture(scope="module")
def world(fixture_data: Path) -> World:
    def files(name: str, filename: str) -> Path | None:
        path = fixture_data / "naturalearth" / filename
        return path if path.is_file() else None

    return World(load_states(), load_sovereignty().sovereignty, files, marine_regions())


def held(world: World, lat: float, lon: float, on: str):  # type: ignore[no-untyped-def]
    return world.holder(lat, lon, dt.date.fromisoformat(on))


def test_gaziantep_is_turkish_on_the_map(world: World) -> None:
    h = held(world, 37.07, 37.38, "2016-05-01")
    assert (h.state, h.disputed, h.claimants) == ("TUR", False, ())
    assert "de facto" in h.note


def test_crimea_is_held_by_russia_and_claimed_by_ukraine_since_2014_and_ukrainian_before(world: World) -> None:
    now = held(world, 44.95, 34.10, "2024-01-01")  # Simferopol
    assert (now.state, now.claimants, now.disputed) == ("RUS", ("UKR",), True)
    assert now.claim == "Admin. by Russia; Claimed by Ukraine"
    before = held(world, 44.95, 34.10, "2013-06-01")
    assert (before.state, before.claimants, before.disputed) == ("UKR", (), False)
    assert before.fact is not None and before.fact.end == dt.date(2014, 3, 18)


def test_golan_heights_israel_holds_syria_claims(world: World) -> None:
    h = held(world, 33.0, 35.75, "2024-01-01")
    assert (h.name, h.state, h.claimants, h.disputed) == ("Golan Heights", "ISR", ("SYR",), True)


def test_kashmir_srinagar_india_holds_pakistan_claims(world: World) -> None:
    h = held(world, 34.08, 74.80, "2024-01-01")
    assert (h.name, h.state, h.claimants) == ("Jammu and Kashmir", "IND", ("PAK",))


def test_western_sahara_laayoune_morocco_holds_and_the_claim_is_reported(world: World) -> None:
    h = held(world, 27.15, -13.20, "2024-01-01")
    assert h.state == "MAR" and h.disputed
    assert h.claim == "Admin. by Morocco; Claimed by Western Sahara"  # the claimant is no state casus knows


def test_nagorno_karabakh_self_administered_until_azerbaijan_took_it_in_september_2023(world: World) -> None:
    before = held(world, 39.82, 46.75, "2020-01-01")  # Stepanakert / Khankendi
    assert (before.state, before.claimants, before.disputed) == (None, ("AZE",), True)
    after = held(world, 39.82, 46.75, "2024-01-01")
    assert (after.state, after.disputed) == ("AZE", False)
    assert after.fact is not None and after.fact.start == dt.date(2023, 9, 20)


def test_algeria_french_until_3_july_1962(world: World) -> None:
    assert held(world, 36.75, 3.06, "1962-07-02").state == "FRA"
    assert held(world, 36.75, 3.06, "1962-07-03").state == "DZA"


def test_hong_kong_british_until_1_july_1997(world: World) -> None:
    assert held(world, 22.28, 114.16, "1997-06-30").state == "GBR"
    late = held(world, 22.28, 114.16, "1997-07-01")
    assert (late.state, late.name) == ("CHN", "Hong Kong S.A.R.")


def test_canal_zone_american_from_1904_then_panamanian(world: World) -> None:
    assert held(world, 9.0, -79.57, "1970-01-01").state == "USA"
    assert held(world, 9.0, -79.57, "1990-01-01").state == "PAN"


def test_goa_portuguese_until_19_december_1961(world: World) -> None:
    assert held(world, 15.49, 73.83, "1961-12-18").state == "PRT"
    assert held(world, 15.49, 73.83, "1961-12-19").fact is None


def test_a_point_in_the_ionian_sea_is_at_sea_in_a_label_area(world: World) -> None:
    h = held(world, 37.5, 18.5, "2024-01-01")
    assert h.state == "" and "Ionian Sea" in h.sea
    assert "label areas" in h.note
    assert ("Ionian Sea", "mediterranean") in world.seas_at(18.5, 37.5)


def test_the_senkakus_drawn_roughly_are_snapped_to_within_five_kilometres(world: World) -> None:
    h = held(world, 25.7435, 123.4733, "2024-01-01")  # Uotsuri-jima
    assert (h.state, h.claimants) == ("JPN", ("CHN", "TWN"))
    assert "coastline is coarse" in h.note
