"""Guards for a server that may be exposed: Host allow-list, input caps, rate limits, ETags, GET only."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from casus.web import create_app
from casus.web.security import MAX_VALUE, RateLimit, host_name


def test_a_foreign_host_header_is_refused(client, assert_error):
    # DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1
    response = client.get("/api/v1/orgs/csto/members", headers={"Host": "evil.example:8000"})
    err = assert_error(response, 400, "forbidden_host")
    assert "'evil.example'" in err["message"] and "--allowed-host evil.example" in err["message"]
    assert client.get("/api/v1/health", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/v1/health", headers={"Host": "[::1]:8000"}).status_code == 200


def test_allowed_hosts_are_configurable():
    app = create_app(allowed_hosts=["casus.lan"])
    lan = TestClient(app, base_url="http://casus.lan:8000")
    assert lan.get("/api/v1/health").json()["status"] == "ok"
    assert TestClient(app, base_url="http://127.0.0.1").get("/api/v1/health").status_code == 400


def test_host_name_strips_ports_and_brackets():
    assert [host_name(h) for h in ("Casus.LAN:80", "[::1]:8000", "::1", "127.0.0.1")] == [
        "casus.lan",
        "::1",
        "::1",
        "127.0.0.1",
    ]


def test_over_long_input_is_refused_without_being_echoed(client, assert_error):
    name = "Azerbaijan" * 50  # 500 characters
    err = assert_error(
        client.get("/api/v1/obligations", params={"attacker": name, "target": "Armenia"}), 422, "invalid_input"
    )
    assert err["message"] == f"attacker: too long (500 characters; at most {MAX_VALUE})"
    err = assert_error(client.get(f"/api/v1/orgs/{'x' * 300}/members"), 422, "invalid_input")
    assert "x" * 50 not in err["message"]
    # a name of ordinary length still gets its "did you mean"
    err = assert_error(client.get("/api/v1/orgs/OTSCC/members"), 404, "unknown_entity")
    assert "csto" in err["message"].lower() or "OTSC" in err["message"]


def test_expensive_queries_are_rate_limited(assert_error):
    from casus.web.app import create_app as app_with

    # The limiter reads a stopped clock, so that however long the machine takes to answer, the bucket does not
    # refill between the queries and the limiter alone decides the Retry-After below.
    stopped = RateLimit(burst=2, per_minute=6, clock=lambda: 1000.0)
    limited = TestClient(app_with(rate_limit=stopped), base_url="http://127.0.0.1")
    question = {"attacker": "Azerbaijan", "target": "Armenia", "on": "2023-01-01"}
    assert [limited.get("/api/v1/obligations", params=question).status_code for _ in range(2)] == [200, 200]
    response = limited.get("/api/v1/obligations", params=question)
    err = assert_error(response, 429, "rate_limited")
    assert int(response.headers["Retry-After"]) == 10  # one query every 10 s at 6 a minute
    assert "try again in 10 s" in err["message"]
    # cheap queries are not counted
    assert limited.get("/api/v1/orgs/csto/members", params={"on": "2024-06-25"}).status_code == 200


def test_rate_limit_refills_with_time():
    rl = RateLimit(burst=1, per_minute=60)
    assert rl.take("10.0.0.1", now=0.0) == 0.0
    assert rl.take("10.0.0.1", now=0.5) == pytest.approx(0.5)
    assert rl.take("10.0.0.2", now=0.5) == 0.0  # each client has its own bucket
    assert rl.take("10.0.0.1", now=1.6) == 0.0


@pytest.mark.parametrize("path", ["/", "/docs", "/static/app.js", "/static/style.css"])
def test_static_responses_carry_an_etag_and_answer_304(client, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_geometry_carries_an_etag(tmp_path, monkeypatch):
    folder = tmp_path / "naturalearth"
    folder.mkdir()
    feature = {
        "type": "Feature",
        "properties": {"NAME": "Armenia", "ISO_A3": "ARM", "ADM0_A3": "ARM", "TYPE": "Sovereign country"},
        "geometry": {"type": "Point", "coordinates": [44.514, 40.183]},
    }
    (folder / "ne_110m_admin_0_countries.geojson").write_text(json.dumps({"features": [feature]}), encoding="utf-8")
    monkeypatch.setenv("CASUS_DATA_DIR", str(tmp_path))
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    first = client.get("/api/v1/geo/countries")
    assert first.status_code == 200, first.text
    assert first.json()["features"][0]["properties"]["state"] == "ARM"
    again = client.get("/api/v1/geo/countries", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/api/v1/geo/countries", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_no_endpoint_writes(app):
    """Every route only reads: so no token is needed, and none is stored (see casus.web.security)."""
    methods = {m for route in app.routes for m in (getattr(route, "methods", None) or ())}
    assert methods <= {"GET", "HEAD"}


def test_lookup_resolves_organizations_as_the_endpoints_do(client):
    assert client.get("/api/v1/lookup/org", params={"q": "OTAN"}).json() == {
        "query": "OTAN",
        "match": "nato",
        "suggestions": [],
    }
    assert client.get("/api/v1/lookup/org", params={"q": "ОДКБ"}).json()["match"] == "csto"
    miss = client.get("/api/v1/lookup/org", params={"q": "NATOO"})
    assert miss.status_code == 200 and miss.json()["match"] is None and miss.json()["suggestions"]
