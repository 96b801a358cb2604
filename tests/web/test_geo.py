"""The map endpoint: Natural Earth from the user's data folders, joined on ISO_A3 then ADM0_A3."""

from __future__ import annotations

import doctest
import importlib
import json

import pytest

FILENAME = "ne_110m_admin_0_countries.geojson"


@pytest.fixture
def no_map_data(monkeypatch, tmp_path):
    """No Natural Earth anywhere: empty data dir and cache, no shared/data beside the checkout."""
    import casus.data.cache as cache

    monkeypatch.setenv("CASUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "developer_data_dir", lambda: None)
    return tmp_path


def _features(data_dir):
    return len(json.loads((data_dir / "naturalearth" / FILENAME).read_text("utf-8"))["features"])


def test_countries_from_the_data_folder(client, casus_data):
    response = client.get("/api/v1/geo/countries")
    assert response.status_code == 200
    data = response.json()
    # every feature of the file: the full file's 177 countries in CI (its SHA-256 is checked against the registry
    # before it is read), the fixture's 33 on a plain clone
    assert data["type"] == "FeatureCollection" and len(data["features"]) == _features(casus_data)
    props = {f["properties"]["name"]: f["properties"] for f in data["features"]}
    assert props["France"]["code"] == "FRA" and props["France"]["state"] == "FRA"  # ISO_A3 is -99
    assert props["Norway"]["state"] == "NOR"
    assert props["Kosovo"]["state"] == "XKX"
    assert props["Somaliland"]["state"] is None  # ADM0_A3 SOL is not Solomon Islands
    assert props["Greenland"]["state"] is None and props["Greenland"]["sovereign"] == "DNK"
    assert props["Palestine"]["sovereign"] is None  # disputed: no sovereign attributed
    assert "Natural Earth" in data["attribution"]


def test_countries_from_casus_data_dir(client, casus_data, no_map_data):
    folder = no_map_data / "data" / "naturalearth"
    folder.mkdir(parents=True)
    (folder / FILENAME).symlink_to(casus_data / "naturalearth" / FILENAME)
    assert len(client.get("/api/v1/geo/countries").json()["features"]) == _features(casus_data)


def test_countries_missing_is_a_clear_404(client, no_map_data, assert_error):
    err = assert_error(client.get("/api/v1/geo/countries"), 404, "data_unavailable")
    assert (
        "map data not installed: get it with `casus data fetch naturalearth` or `casus data import PATH`"
        in err["message"]
    )
    assert "CASUS_DATA_DIR" in err["message"]


@pytest.mark.parametrize("name", ["casus.web.geo", "casus.web.network", "casus.web.app"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
