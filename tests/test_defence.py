"""The who-defends-whom questions of the Python API: names as a user writes them, errors, ATOP-era answers."""

from __future__ import annotations

import pytest

import casus
from casus.errors import InvalidInputError, UnknownEntityError


def test_a_misspelt_state_gets_did_you_mean() -> None:
    with pytest.raises(UnknownEntityError, match="did you mean 'Estonia'"):
        casus.defends(target="Estonya", on="2024-06-25", atop=False)


def test_a_question_needs_a_target_or_an_attacker() -> None:
    with pytest.raises(InvalidInputError, match="--target STATE or --attacker STATE"):
        casus.defends(on="2024-06-25", atop=False)


def test_names_in_french_and_russian_ask_the_same_question() -> None:
    en = casus.defends(target="Estonia", on="2024-06-25", atop=False)
    fr = casus.defends(target="Estonie", on="2024-06-25", atop=False)
    assert casus.to_dict(en) == casus.to_dict(fr)
    assert casus.to_dict(en)["system"]["note"].startswith("COW states2016 to 2016-12-31, casus extension from 2017")


def test_estonia_in_1970_is_not_a_state_of_the_system(casus_data) -> None:
    with pytest.raises(InvalidInputError, match="Estonia is not a state of the system on 1970-07-01"):
        casus.defends(target="Estonia", on="1970-07-01", atop=False)


def test_an_attack_by_the_soviet_union_in_1970_brings_in_nato_and_beyond(casus_data) -> None:
    report = casus.to_dict(casus.defends(attacker="Russia", on="1970-07-01", atop=True))
    assert report["attacker"] == {"state": "RUS", "name": "Soviet Union"}
    nato = {g["target"]: g for g in report["groups"] if g["treaty"] == "north-atlantic-1949"}
    assert set(nato) >= {"USA", "DEU", "FRA", "GBR", "TUR", "NOR"} and len(nato) == 15
    assert len(nato["USA"]["obligated"]) == 14 and "USA" not in nato["USA"]["obligated"]
    assert nato["USA"]["provision"]["article"] == "5"
    # ATOP alliances answer too: the ANZUS and Rio pledges of 1970
    assert any(g["treaty"] == "anzus-1951" and g["target"] == "AUS" for g in report["groups"])
    assert "warsaw-pact" not in {g["organization"] for g in report["groups"]}  # the attacker's own alliance


def test_the_network_of_1970_links_the_usa_to_its_nato_allies(casus_data) -> None:
    net = casus.to_dict(casus.obligation_network("1970-07-01", atop=True))
    edges = {(e["source"], e["target"]) for e in net["edges"]}
    assert ("USA", "DEU") in edges and ("RUS", "POL") in edges  # NATO, and the Warsaw Pact
    nodes = {n["state"]: n for n in net["nodes"]}
    assert nodes["USA"]["defends"] > 14 and net["system"]["note"].startswith("COW states2016")
