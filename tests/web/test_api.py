"""The /api/v1 endpoints return the JSON contract (casus.contract), as the CLI's --format json does."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import casus_cli
from casus.contract import event_to_dict, organization_to_dict, result_to_dict, roster_to_dict, spell_to_dict


def test_health(client):
    assert client.get("/api/v1/health").json() == {"status": "ok", "version": "0.1.0", "contract_version": "2"}


def test_csto_members_june_2024_equal_the_contract(client, kb):
    response = client.get("/api/v1/orgs/csto/members", params={"on": "2024-06-25"})
    assert response.status_code == 200
    data = response.json()
    statuses = {m["state"]: m["status"] for m in data["members"]}
    assert statuses == {
        "ARM": "suspended",
        "BLR": "member",
        "KAZ": "member",
        "KGZ": "member",
        "RUS": "member",
        "TJK": "member",
    }
    arm = next(m for m in data["members"] if m["state"] == "ARM")
    assert arm["since"] == "2024-02-22" and arm["qualifier"] == "participation frozen"
    assert data == roster_to_dict(kb, kb.members_on("csto", dt.date(2024, 6, 25)))


def test_members_equal_the_cli_json():
    from fastapi.testclient import TestClient

    from casus.web import create_app

    cli = casus_cli.run("members", "OTAN", "--on", "2024-06-25", "--format", "json")
    assert cli.returncode == 0, cli.stderr
    api = (
        TestClient(create_app(), base_url="http://127.0.0.1")
        .get("/api/v1/orgs/OTAN/members", params={"on": "2024-06-25"})
        .json()
    )
    assert api == json.loads(cli.stdout)
    assert sum(m["status"] == "member" for m in api["members"]) == 32


@pytest.mark.parametrize("name", ["csto", "CSTO", "OTSC", "ОДКБ"])
def test_organization_by_any_name(client, kb, name):
    data = client.get(f"/api/v1/orgs/{name}").json()
    assert data == organization_to_dict(kb, kb.organization("csto"))
    assert data["founded"] == "1992-05-15"


def test_orgs_lists_the_curated_organizations(client, kb):
    data = client.get("/api/v1/orgs").json()
    by_id = {o["id"]: o for o in data}
    assert {"csto", "nato", "rio-1947", "anzus-1951"} <= set(by_id)
    assert all(not o["id"].startswith("atop-") for o in data)
    assert by_id["nato"] == organization_to_dict(kb, kb.organization("nato"))
    assert by_id["csto"]["institutional"] and not by_id["rio-1947"]["institutional"]


def test_timeline_equals_the_contract(client, kb):
    data = client.get("/api/v1/orgs/csto/timeline").json()
    assert data == [event_to_dict(kb, e) for e in kb.timeline("csto")]
    assert any(e["date"] == "2024-02-22" and e["type"] == "suspension" and e["actors"] == ["ARM"] for e in data)


def test_history_of_uzbekistan(client, kb):
    answer = client.get("/api/v1/states/Ouzbékistan/history").json()
    assert (answer["state"], answer["name"]) == ("UZB", "Uzbekistan")
    # the curated spells, then (the ATOP files being present) its ATOP alliances, each atop-N
    curated = [s for s in answer["spells"] if not s["organization"].startswith("atop-")]
    assert curated == [spell_to_dict(kb, m) for m in kb.history("UZB")]
    assert [c["status"] for c in answer["coverage"]] == ["used"]
    csto = [(s["start"], s["end"]) for s in curated if s["organization"] == "csto" and s["status"] == "member"]
    assert csto[:2] == [("1992-05-15", "1999-04-20"), ("2006-08-16", "2012-06-28")]
    only = client.get("/api/v1/states/Ouzbékistan/history", params={"atop": "false"}).json()
    assert only["spells"] == curated and only["coverage"][0]["status"] == "left_out"


def test_obligations_azerbaijan_attacks_armenia_2023(client, kb):
    from casus.obligations import evaluate_casus_foederis, make_crisis

    params = {"attacker": "Azerbaijan", "target": "Armenia", "on": "2023-01-01"}
    answer = client.get("/api/v1/obligations", params=params).json()
    assert (answer["on"], answer["attacker"], answer["target"]) == ("2023-01-01", "AZE", "ARM")
    data = answer["results"]
    csto = data[0]
    assert csto["treaty"] == "cst-1992" and csto["organization"] == "csto"
    assert csto["verdict"] == "triggered"
    assert csto["obligated"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert csto["provision"]["article"] == "4"
    assert all(s["sources"] for s in csto["explanation"] if s["outcome"] == "pass")
    from casus.knowledge import KnowledgeProvider

    full = KnowledgeProvider().for_date(dt.date(2023, 1, 1))  # curated, plus ATOP past its coverage when present
    crisis = make_crisis(full, attacker="Azerbaijan", target="Armenia", on="2023-01-01")
    assert data == [result_to_dict(full, r) for r in evaluate_casus_foederis(full, crisis)]
    for r in data:
        if r["organization"] and r["organization"].startswith("atop-"):
            assert r["unknown_after"] == "2018-12-31" and r["verdict"] != "triggered"


def test_obligations_ceuta_is_outside_nato_article_6(client):
    params = {"attacker": "Morocco", "target": "Spain", "place": "Ceuta", "on": "2024-06-25"}
    answer = client.get("/api/v1/obligations", params=params).json()
    nato = next(r for r in answer["results"] if r["organization"] == "nato")
    assert nato["verdict"] == "not_triggered" and nato["obligated"] == []


def test_obligations_unrest_in_kazakhstan_with_request(client):
    params = {
        "attacker": "non-state",
        "target": "Kazakhstan",
        "on": "2022-01-06",
        "kind": "unrest",
        "requested": "true",
    }
    answer = client.get("/api/v1/obligations", params=params).json()
    csto = next(r for r in answer["results"] if r["organization"] == "csto")
    assert any(p["action"] == "deploy_collective_forces" and p["available"] for p in csto["permitted"])


def test_unknown_organization_is_404_with_a_suggestion(client, assert_error):
    err = assert_error(client.get("/api/v1/orgs/cstoo/members", params={"on": "2024-06-25"}), 404, "unknown_entity")
    assert err["suggestions"][0] == "csto"  # best match first (the CIS is a further, weaker match)
    assert "did you mean 'csto'" in err["message"]


def test_unknown_state_is_404_with_a_suggestion(client, assert_error):
    response = client.get("/api/v1/obligations", params={"attacker": "Azerbajan", "target": "Armenia"})
    assert assert_error(response, 404, "unknown_entity")["suggestions"] == ["Azerbaijan"]


@pytest.mark.parametrize("on", ["2024-13-01", "yesterday", "25/06/2024"])
def test_bad_date_is_422(client, on, assert_error):
    err = assert_error(client.get("/api/v1/orgs/csto/members", params={"on": on}), 422, "invalid_input")
    assert "YYYY-MM-DD" in err["message"]


def test_bad_kind_and_bad_boolean_are_422(client, assert_error):
    base = {"attacker": "Azerbaijan", "target": "Armenia", "on": "2023-01-01"}
    assert_error(client.get("/api/v1/obligations", params={**base, "kind": "invasion"}), 422, "invalid_input")
    err = assert_error(client.get("/api/v1/obligations", params={**base, "disputed": "maybe"}), 422, "invalid_input")
    assert err["message"].startswith("disputed:")
    assert_error(client.get("/api/v1/obligations", params={"target": "Armenia"}), 422, "invalid_input")


@pytest.mark.parametrize(
    ("q", "match", "first"),
    [
        ("Biélorussie", "BLR", "BLR"),
        ("Киргизия", "KGZ", "KGZ"),
        ("AM", "ARM", "ARM"),
        ("Kyrgystan", None, "KGZ"),
    ],
)
def test_state_resolution_with_suggestions(client, q, match, first):
    data = client.get("/api/v1/states", params={"q": q}).json()
    assert data["query"] == q
    assert (data["match"] or {}).get("id") == match
    assert data["states"][0]["id"] == first


def test_states_without_query_lists_every_state(client, kb):
    data = client.get("/api/v1/states").json()
    assert data["match"] is None and len(data["states"]) == len(kb.states)
    arm = next(s for s in data["states"] if s["id"] == "ARM")
    assert arm["cow"] == [371] and arm["names"]["fr"] == "Arménie"


def test_source(client, kb, assert_error):
    data = client.get("/api/v1/sources/cst-1992-text").json()
    assert data["id"] == "cst-1992-text" and data["citation"] == kb.source("cst-1992-text").cite()
    assert_error(client.get("/api/v1/sources/no-such-source"), 404, "unknown_entity")


def test_network_on_june_2024(client):
    data = client.get("/api/v1/network", params={"on": "2024-06-25"}).json()
    scopes = {s["id"]: s for s in data["scopes"]}
    assert scopes["nato"]["members"] == 32 and scopes["csto"]["members"] == 6
    assert {"scope": "csto", "state": "ARM", "status": "suspended"} in data["links"]
    assert {"scope": "nato", "state": "GEO", "status": "applicant"} in data["links"]
    assert {link["state"] for link in data["links"]} == {s["state"] for s in data["states"]}


def test_network_before_the_csto(client):
    scopes = {s["id"] for s in client.get("/api/v1/network", params={"on": "1960-01-01"}).json()["scopes"]}
    assert "nato" in scopes and "csto" not in scopes


def test_unknown_endpoint_has_the_error_shape(client, assert_error):
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {
        "/api/v1/orgs",
        "/api/v1/orgs/{org}",
        "/api/v1/orgs/{org}/members",
        "/api/v1/orgs/{org}/timeline",
        "/api/v1/states",
        "/api/v1/states/{state}/history",
        "/api/v1/obligations",
        "/api/v1/sources/{source_id}",
        "/api/v1/health",
        "/api/v1/geo/countries",
        "/api/v1/network",
        "/api/v1/defends",
        "/api/v1/obligations/network",
    } <= paths
    assert client.get("/docs").status_code == 200


def test_atop_organization_beyond_its_coverage_is_409(casus_data, assert_error):
    from fastapi.testclient import TestClient

    from casus.web import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1")
    orgs = client.get("/api/v1/orgs", params={"atop": "true"}).json()
    assert {"csto", "nato"} <= {o["id"] for o in orgs}
    atop = next(o["id"] for o in orgs if o["origin"] != "curated")
    err = assert_error(client.get(f"/api/v1/orgs/{atop}/members", params={"on": "2020-01-01"}), 409, "coverage")
    assert "unknown" in err["message"]


def test_network_lists_each_treaty_alliance_once(client):
    data = client.get("/api/v1/network", params={"on": "2024-06-25"}).json()
    ids = [s["id"] for s in data["scopes"]]
    assert len(ids) == len(set(ids)), ids
    scopes = {s["id"]: s for s in data["scopes"]}
    # 18 parties of the Rio Treaty in June 2024 (Cuba suspended, Mexico and the ALBA four withdrawn), once each.
    assert scopes["rio-1947"]["members"] == 18 and scopes["rio-1947"]["kind"] == "treaty"
    assert scopes["anzus-1951"]["members"] == 3
    rio_links = [link for link in data["links"] if link["scope"] == "rio-1947"]
    # 18 parties and Venezuela, whose 2019 return is disputed
    assert len(rio_links) == len({link["state"] for link in rio_links}) == 19
    assert {"scope": "rio-1947", "state": "VEN", "status": "disputed"} in rio_links


def test_offices_of_the_csto_on_a_2026_date(client, kb):
    from casus.contract import offices_to_dict
    from casus.kb.offices import offices_on

    data = client.get("/api/v1/orgs/ОДКБ/offices", params={"on": "2026-02-01"}).json()
    sg = data["offices"][0]
    assert sg["role"] == "secretary_general" and sg["holder"]["person"] == "Taalatbek Masadykov"
    assert sg["holder"]["start"] == "2026-01-01" and data["unknown_after"] is None
    assert data == offices_to_dict(kb, offices_on(kb.organization("csto"), dt.date(2026, 2, 1)))
    later = client.get("/api/v1/orgs/csto/offices", params={"on": "2027-01-15"}).json()
    assert later["unknown_after"] == "2026-12-03" == later["offices"][0]["unknown_after"]


def test_bodies_with_decision_rules(client):
    bodies = {b["id"]: b for b in client.get("/api/v1/orgs/NATO/bodies").json()}
    assert bodies["nato-nac"]["decision_rule"] == "consensus" and bodies["nato-nac"]["one_member_can_block"]
    assert bodies["nato-nac"]["established"] == "1949-09-17" and "Art. 9" in bodies["nato-nac"]["description"]


def test_simulate_endpoint_gives_the_cli_json_with_base_rates(client, assert_error, casus_data):
    from casus.curated import load_kb
    from casus.sim.crisis.io import load_evidence, load_scenario
    from casus.sim.crisis.simulate import simulate_crisis

    assert "armenia-2022-09" in client.get("/api/v1/scenarios").json()
    res = client.get("/api/v1/scenarios/armenia-2022-09/simulate", params={"runs": 2000, "seed": 5})
    assert res.status_code == 200
    data = res.json()
    direct = simulate_crisis(load_kb(), load_scenario("armenia-2022-09"), load_evidence(), runs=2000, rng=5)
    assert data["responses"] == json.loads(json.dumps(direct.to_dict()["responses"]))
    assert data["base_rate"]["request"] == "forces" and all("base_rate" in r for r in data["responses"])
    err = assert_error(client.get("/api/v1/scenarios/armenia-2022/simulate"), 404, "unknown_entity")
    assert "armenia-2022-09" in err["suggestions"]
