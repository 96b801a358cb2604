"""One way out: the Python API, the CLI (``--format json``) and the HTTP API give the same JSON for one question.

All three answer from :func:`casus.knowledge.default_provider` and serialise through :mod:`casus.contract`.
"""

from __future__ import annotations

import json

import pytest

import casus
from casus.cli.app import main
from casus.contract import to_dict


@pytest.fixture(scope="module")
def http():  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi", reason="the HTTP side needs the [web] extra")
    from fastapi.testclient import TestClient

    from casus.web.app import create_app

    return TestClient(create_app(rate_limit=None), base_url="http://127.0.0.1")


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def http_json(http, path: str) -> object:  # type: ignore[no-untyped-def]
    response = http.get(path)
    assert response.status_code == 200, response.text
    return response.json()


def test_csto_members_on_2024_06_25_are_the_same_everywhere(http, capsys):
    python = casus.to_dict(casus.members_on("CSTO", "2024-06-25"))
    cli = cli_json(capsys, "members", "CSTO", "--on", "2024-06-25")
    web = http_json(http, "/api/v1/orgs/CSTO/members?on=2024-06-25")
    assert python == cli == web
    assert {m["state"]: m["status"] for m in python["members"]}["ARM"] == "suspended"


def test_azerbaijan_attacking_armenia_on_2022_09_13_is_the_same_everywhere(http, capsys):
    python = casus.to_dict(casus.evaluate("Azerbaijan", "Armenia", "2022-09-13"))
    cli = cli_json(capsys, "obligations", "--attacker", "Azerbaijan", "--target", "Armenia", "--on", "2022-09-13")
    web = http_json(http, "/api/v1/obligations?attacker=Azerbaijan&target=Armenia&on=2022-09-13")
    assert python == cli == web
    cst = next(r for r in python["results"] if r["treaty"] == "cst-1992")
    assert cst["provision"]["article"] == "4"


def test_history_timeline_and_organizations_are_the_same_everywhere(http, capsys):
    assert (
        casus.to_dict(casus.history("Uzbekistan"))
        == cli_json(capsys, "history", "Uzbekistan")
        == http_json(http, "/api/v1/states/Uzbekistan/history")
    )
    assert (
        casus.to_dict(casus.timeline("NATO"))
        == cli_json(capsys, "timeline", "NATO")
        == http_json(http, "/api/v1/orgs/NATO/timeline")
    )
    assert cli_json(capsys, "orgs") == http_json(http, "/api/v1/orgs")


def test_sources_are_serialised_once(http, capsys):
    by_id = {s["id"]: s for s in cli_json(capsys, "sources", "CSTO")}
    assert by_id["cst-1992-text"] == http_json(http, "/api/v1/sources/cst-1992-text")


def test_a_value_without_a_contract_is_an_error(kb):
    with pytest.raises(TypeError, match="no JSON contract for a Coverage"):
        to_dict(kb, kb.organization("CSTO").coverage)
    spells = to_dict(kb, kb.history("Armenia"))
    assert [s["status"] for s in spells if s["organization"] == "csto"][-1] == "suspended"


def test_curated_answers_serialise_the_same_once_atop_is_loaded(casus_data, capsys):
    before = casus.to_dict(casus.members_on("CSTO", "2024-06-25"))
    try:
        dated = casus.evaluate("Iraq", "Kuwait", "1990-08-02", atop=True)  # loads ATOP 5.1 into the provider
    except casus.CasusError as err:
        pytest.skip(f"ATOP 5.1 is not on this machine: {err}")
    assert any(
        r.treaty.origin == "atop" for r in casus.evaluate("Iraq", "Kuwait", "1990-08-02", include_unrelated=True)
    )
    assert casus.to_dict(dated) == cli_json(
        capsys, "obligations", "--attacker", "Iraq", "--target", "Kuwait", "--on", "1990-08-02", "--atop"
    )
    assert casus.to_dict(casus.members_on("CSTO", "2024-06-25")) == before


def test_who_defends_estonia_on_2024_06_25_is_the_same_everywhere(http, capsys):
    python = casus.to_dict(casus.defends(target="Estonia", on="2024-06-25", atop=False))
    cli = cli_json(capsys, "defends", "--target", "Estonia", "--on", "2024-06-25", "--curated-only")
    web = http_json(http, "/api/v1/defends?target=Estonia&on=2024-06-25&atop=false")
    assert python == cli == web
    nato = next(g for g in python["groups"] if g["treaty"] == "north-atlantic-1949")
    assert nato["provision"]["article"] == "5" and nato["against"]["kind"] == "non-parties"


def test_the_obligation_network_is_the_same_in_python_and_http(http):
    python = casus.to_dict(casus.obligation_network("2024-06-25", atop=False))
    web = http_json(http, "/api/v1/obligations/network?on=2024-06-25&atop=false")
    assert python == web
    assert any(e["source"] == "USA" and e["target"] == "EST" for e in python["edges"])


def test_a_cyber_operation_and_a_contested_collective_action_are_the_same_everywhere(http, capsys):
    python = casus.to_dict(casus.evaluate("Russia", "Estonia", "2024-05-01", kind="cyber"))
    cli = cli_json(
        capsys, "obligations", "--attacker", "Russia", "--target", "Estonia", "--on", "2024-05-01", "--kind", "cyber"
    )
    web = http_json(http, "/api/v1/obligations?attacker=Russia&target=Estonia&on=2024-05-01&kind=cyber")
    assert python == cli == web
    assert next(r for r in python["results"] if r["treaty"] == "north-atlantic-1949")["verdict"] == "indeterminate"
    python = casus.to_dict(casus.evaluate("non-state", "Kazakhstan", "2022-01-06", kind="unrest"))
    web = http_json(http, "/api/v1/obligations?attacker=non-state&target=Kazakhstan&on=2022-01-06&kind=unrest")
    assert python == web
    (action,) = next(r for r in python["results"] if r["treaty"] == "cst-1992")["actions"]
    assert action["contested"] is True and action["invoked_basis"]["source_ids"][0] == "csto-kazakhstan-2022"


def test_a_history_and_an_empty_answer_carry_coverage_and_a_note_everywhere(http, capsys):
    python = casus.to_dict(casus.history("Switzerland"))
    cli = cli_json(capsys, "history", "Switzerland")
    web = http_json(http, "/api/v1/states/Switzerland/history")
    assert python == cli == web
    assert python["coverage"][0]["dataset"] == "atop"
    assert python["note"].startswith("Switzerland: no spell in any curated organization or treaty")
    python = casus.to_dict(casus.evaluate("non-state", "Switzerland", "2024-06-01", atop=False))
    cli = cli_json(
        capsys, "obligations", "--attacker", "non-state", "--target", "Switzerland", "--on", "2024-06-01",
        "--curated-only",
    )  # fmt: skip
    web = http_json(http, "/api/v1/obligations?attacker=non-state&target=Switzerland&on=2024-06-01&atop=false")
    assert python == cli == web
    assert python["results"] == [] and python["note"].startswith("no treaty in force on 2024-06-01 binds Switzerland")


def test_a_missing_dataset_is_said_the_same_everywhere(http, capsys, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from casus.data import atop_kb, cache
    from casus.knowledge import default_provider
    from casus.web.app import create_app

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CASUS_DATA_DIR", raising=False)
    monkeypatch.setattr(cache, "developer_data_dir", lambda: None)
    default_provider.cache_clear()
    atop_kb._cached.cache_clear()
    try:
        python = casus.to_dict(casus.evaluate("West Germany", "Poland", "1970-06-01"))
        cli = cli_json(capsys, "obligations", "--attacker", "West Germany", "--target", "Poland", "--on", "1970-06-01")
        client = TestClient(create_app(rate_limit=None), base_url="http://127.0.0.1")
        web = http_json(client, "/api/v1/obligations?attacker=West%20Germany&target=Poland&on=1970-06-01")
        assert python == cli == web
        assert python["coverage"][0]["status"] == "missing"
        assert python["note"].startswith("ATOP 5.1 alliances (1815-2018) are missing on this machine; install them")
        assert "`casus data import PATH`" in python["note"]
    finally:
        default_provider.cache_clear()
        atop_kb._cached.cache_clear()
