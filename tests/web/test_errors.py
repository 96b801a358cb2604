"""Every error reaches the client in one shape, with the status of its family, never as a traceback."""

from __future__ import annotations

import pytest

from casus.errors import (
    AmbiguousEntityError,
    CasusError,
    CoverageError,
    DataUnavailableError,
    InvalidInputError,
    ScenarioError,
    UnknownEntityError,
)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (UnknownEntityError("state", "Ruritania"), 404),
        (AmbiguousEntityError("state", "Congo", ("Congo", "DR Congo")), 404),
        (DataUnavailableError("not here"), 404),
        (InvalidInputError("bad"), 422),
        (ScenarioError("incomplete"), 422),
        (CoverageError("unknown period"), 409),
        (CasusError("anything else"), 400),
    ],
)
def test_status_of_each_family(error, status):
    from casus.web.errors import status_of

    assert status_of(error) == status


def _client_raising(exc: Exception):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from casus.web import create_app

    app = create_app()

    @app.get("/boom")
    def boom() -> None:
        raise exc

    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_coverage_error_is_409(assert_error):
    assert_error(_client_raising(CoverageError("knowledge starts in 1992")).get("/boom"), 409, "coverage")


def test_unexpected_exception_is_500_without_details(assert_error):
    err = assert_error(_client_raising(RuntimeError("secret internals")).get("/boom"), 500, "internal")
    assert "secret" not in err["message"]
