"""The curated state tables (cow_iso.csv, state_aliases.csv, capitals.csv) and their loader."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from casus.curated import states as adapter
from casus.curated.states import load_capitals, load_states
from casus.errors import SourceFormatError, UnknownEntityError
from casus.kb.places import REGIONS


def _package_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("casus.curated").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


COW_ISO = _package_csv("cow_iso.csv")
ALIASES = _package_csv("state_aliases.csv")
CAPITALS = _package_csv("capitals.csv")
BY_CCODE = {int(r["ccode"]): r for r in COW_ISO}


def _cow_states(data: Path) -> list[dict[str, str]]:
    # the whole states2016.csv: the fixture copy keeps all its rows
    with (data / "cow_states" / "states2016.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ------------------------------------------------------------------------------------------ cow_iso.csv


def test_every_cow_state_maps_with_its_cow_abbreviation_and_name(casus_data: Path) -> None:
    spells = _cow_states(casus_data)
    assert len(spells) == 243
    cow = {int(r["ccode"]): (r["stateabb"], r["statenme"]) for r in spells}
    assert len(cow) == 217
    reg = load_states()
    for ccode, (abb, name) in cow.items():
        row = BY_CCODE[ccode]
        assert (row["stateabb"], row["cow_name"]) == (abb, name), ccode
        assert reg.by_cow(ccode).id == row["state_id"]
    assert set(BY_CCODE) - set(cow) == {8152}  # the only extra row: ATOP's non-system member


def test_every_atop_member_maps(casus_data: Path) -> None:
    # every member of the full file in CI; every member of the fixture's 476 alliances on a plain clone
    with (casus_data / "atop/atop5_1m.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    reg = load_states()
    assert {int(r["member"]) for r in rows} <= set(BY_CCODE)
    annam = [r for r in rows if r["member"] == "8152"]
    assert [(r["atopid"], r["cowsys"], r["yrent"]) for r in annam] == [("1320", "0", "1874")]
    assert reg.by_cow(8152).name == "Annam"


def test_atop_dyads_use_only_mapped_codes(casus_data: Path) -> None:
    with gzip.open(casus_data / "atop/atop5_1ddyr_obligations.csv.gz", "rt", encoding="utf-8") as f:
        codes = {int(r[k]) for r in csv.DictReader(f) for k in ("ccode1", "ccode2")}
    assert codes <= set(BY_CCODE)


@pytest.mark.parametrize(
    ("ccode", "state_id"),
    [
        (2, "USA"),
        (255, "DEU"),
        (260, "DEU"),
        (265, "DDR"),
        (315, "CSK"),
        (316, "CZE"),
        (345, "SRB"),
        (347, "XKX"),
        (365, "RUS"),
        (371, "ARM"),
        (511, "COW-ZAN"),
        (678, "YEM"),
        (679, "YEM"),
        (680, "YMD"),
        (730, "COW-KOR"),
        (816, "VNM"),
        (817, "COW-RVN"),
        (245, "COW-BAV"),
        (8152, "COW-ANN"),
    ],
)
def test_known_correspondences(ccode: int, state_id: str) -> None:
    assert BY_CCODE[ccode]["state_id"] == state_id
    assert load_states().by_cow(ccode).id == state_id


def test_gleditsch_ward_differences_are_noted() -> None:
    for ccode in (255, 260, 345, 678, 679):
        assert "Gleditsch-Ward" in BY_CCODE[ccode]["note"], ccode


def test_state_ids_follow_the_rule() -> None:
    for row in COW_ISO:
        expected = row["iso3"] or f"COW-{row['stateabb']}"
        assert row["state_id"] == expected, row["ccode"]
        assert row["region"] in REGIONS, row["ccode"]


def test_one_state_per_id_with_its_main_code_first() -> None:
    reg = load_states()
    assert len(reg) == len({r["state_id"] for r in COW_ISO}) == 216
    assert reg.get("DEU").cow == (255, 260)
    assert reg.get("YEM").cow == (679, 678)
    assert reg.get("YEM").cow_abb == "YEM"
    assert reg.get("RUS").cow == (365,)


@pytest.mark.parametrize(
    ("state_id", "region"),
    [
        ("TUR", "asia"),
        ("RUS", "europe"),
        ("KAZ", "asia"),
        ("CYP", "asia"),
        ("ARM", "asia"),
        ("EGY", "africa"),
        ("USA", "north_america"),
        ("MEX", "north_america"),
        ("PAN", "central_america_caribbean"),
        ("AUS", "oceania"),
        ("COW-BAV", "europe"),
    ],
)
def test_regions(state_id: str, region: str) -> None:
    assert load_states().get(state_id).region == region


def test_display_names_are_not_inverted_iso_forms() -> None:
    for state in load_states().all():
        for lang, name in state.names:
            assert ", " not in name and "(" not in name, (state.id, lang, name)


def test_historic_states_have_french_and_russian_names() -> None:
    reg = load_states()
    assert reg.get("DDR").name_in("fr") == "République démocratique allemande"
    assert reg.get("CSK").name_in("ru") == "Чехословакия"
    assert reg.get("COW-BAV").name_in("fr") == "Bavière"


# ------------------------------------------------------------------------------------------ aliases, capitals


def test_every_curated_alias_resolves_to_its_state() -> None:
    reg = load_states()
    for row in ALIASES:
        assert row["lang"] in ("en", "fr", "ru") and row["source"], row
        assert reg.resolve(row["alias"]).id == row["state_id"], row


def test_aliases_cover_the_csto_states_in_three_languages() -> None:
    langs: dict[str, set[str]] = {}
    for row in ALIASES:
        langs.setdefault(row["state_id"], set()).add(row["lang"])
    for state_id in ("RUS", "ARM", "BLR", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO"):
        assert langs[state_id] >= {"ru"}, state_id
    assert {"en", "fr", "ru"} <= langs["RUS"]


def test_capitals() -> None:
    capitals = {(c.lang, c.name): c.state_id for c in load_capitals()}
    assert capitals[("en", "Moscow")] == "RUS"
    assert capitals[("fr", "Moscou")] == "RUS"
    assert capitals[("ru", "Москвы")] == "RUS"
    assert capitals[("ru", "Москве")] == "RUS"
    assert capitals[("fr", "Erevan")] == "ARM"
    assert capitals[("fr", "Bichkek")] == "KGZ"
    assert capitals[("ru", "Душанбе")] == "TJK"
    assert capitals[("fr", "Pékin")] == "CHN"
    assert capitals[("en", "Kyiv")] == capitals[("en", "Kiev")] == "UKR"
    assert len(capitals) == len(CAPITALS)


# ------------------------------------------------------------------------------------------ malformed files


@pytest.fixture
def patched_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Replace package data files by text given in the returned dict (name → CSV text)."""
    replaced: dict[str, str] = {}
    real = adapter._data_file

    def fake(name: str) -> tuple[str, str]:
        if name in replaced:
            return f"data/{name}", replaced[name]
        return real(name)

    monkeypatch.setattr(adapter, "_data_file", fake)
    yield replaced


HEADER = "ccode,stateabb,cow_name,iso3,iso2,state_id,region,note\n"


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("371,ARM,Armenia,ARM,AM,ARM,caucasus,", "region", "unknown region"),
        ("37x,ARM,Armenia,ARM,AM,ARM,asia,", "ccode", "not an integer"),
        ("371,ARM,Armenia,ARM,AR,ARM,asia,", "iso2", "ISO alpha-2 of ARM is AM"),
        ("371,ARM,Armenia,ABC,AB,ABC,asia,", "iso3", "not an ISO"),
        ("245,BAV,Bavaria,,,BAV,europe,", "state_id", "should be 'COW-BAV'"),
        ("2,USA,United States of America,USA,US,USA,north_america,", "ccode", "duplicate ccode 2"),
    ],
)
def test_malformed_cow_iso_row(patched_file: dict[str, str], row: str, field: str, message: str) -> None:
    patched_file["cow_iso.csv"] = HEADER + "2,USA,United States of America,USA,US,USA,north_america,\n" + row + "\n"
    with pytest.raises(SourceFormatError, match=message) as err:
        adapter._read_cow_iso()
    assert (err.value.line, err.value.field) == (3, field)
    assert "data/cow_iso.csv:3" in str(err.value)


def test_missing_column_and_short_row(patched_file: dict[str, str]) -> None:
    patched_file["cow_iso.csv"] = "ccode,stateabb\n2,USA\n"
    with pytest.raises(SourceFormatError, match="missing column"):
        adapter._read_cow_iso()
    patched_file["cow_iso.csv"] = HEADER + "2,USA,United States of America\n"
    with pytest.raises(SourceFormatError, match="expected 8 fields") as err:
        adapter._read_cow_iso()
    assert err.value.line == 2


def test_malformed_aliases(patched_file: dict[str, str]) -> None:
    head = "lang,alias,state_id,source\n"
    patched_file["state_aliases.csv"] = head + "en,Armenia,ARM,usage\nde,Armenien,ARM,usage\n"
    with pytest.raises(SourceFormatError, match="unknown language") as err:
        adapter._read_aliases({"ARM"})
    assert (err.value.line, err.value.field) == (3, "lang")
    patched_file["state_aliases.csv"] = head + "en,Ruritania,RUR,usage\n"
    with pytest.raises(SourceFormatError, match="unknown state id 'RUR'"):
        adapter._read_aliases({"ARM"})
    patched_file["state_aliases.csv"] = head + "en,Georgia,GEO,usage\nfr,Géorgia,USA,usage\n"
    with pytest.raises(SourceFormatError, match="also names GEO") as err:
        adapter._read_aliases({"GEO", "USA"})
    assert err.value.field == "alias"
    patched_file["state_aliases.csv"] = head + "en,Armenia,ARM,\n"
    with pytest.raises(SourceFormatError, match="needs a source"):
        adapter._read_aliases({"ARM"})


def test_unknown_state_is_unknown_entity() -> None:
    with pytest.raises(UnknownEntityError):
        load_states().get("RUR")
