"""Fixtures for the web layer: one app and one TestClient for the session (the [web] extra is needed)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra (fastapi, uvicorn, httpx)")


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    from casus.web.app import create_app

    return create_app(rate_limit=None)  # the guards' own tests build limited apps


@pytest.fixture(scope="session")
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    return TestClient(app, base_url="http://127.0.0.1")


def _assert_error(response, status: int, kind: str) -> dict:  # type: ignore[type-arg]
    """The one error shape, with the expected status and kind; returns the error object."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"kind", "message", "suggestions"}
    assert err["kind"] == kind and err["message"]
    assert "Traceback" not in response.text
    return err


@pytest.fixture(scope="session")
def assert_error():  # type: ignore[no-untyped-def]
    """``assert_error(response, status, kind)``: check the error shape; returns the error object."""
    return _assert_error
