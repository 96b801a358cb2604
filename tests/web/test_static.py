"""The dashboard: served at /, local assets only, shipped as package data."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "src" / "casus" / "web" / "static"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
URL = re.compile(r"https?://[^\s'\"`)<>]+")
#: XML namespace names are identifiers, never fetched.
NAMESPACES = {"http://www.w3.org/2000/svg"}


def static_files() -> list[Path]:
    return sorted(p for p in STATIC.rglob("*") if p.is_file())


def test_dashboard_is_served(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "casus" in response.text and 'id="casus-form"' in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_static_files_reference_no_external_host():
    offenders = []
    for path in static_files():
        text = path.read_text(encoding="utf-8")
        for url in URL.findall(text.replace("%27", "'")):
            if url.rstrip("'") not in NAMESPACES:
                offenders.append(f"{path.name}: {url}")
    assert offenders == []


def test_every_asset_the_pages_reference_is_served(client):
    for page in ("/", "/docs"):
        html = client.get(page).text
        refs = re.findall(r'(?:src|href)="(/[^"]*)"', html)
        assert refs, page
        for ref in refs:
            assert ref.startswith(("/static/", "/api/v1/", "/docs", "/")), ref
            assert client.get(ref).status_code == 200, ref


def test_module_imports_resolve_to_shipped_files():
    for path in STATIC.glob("*.js"):
        for target in re.findall(r'from "\./([^"]+)"', path.read_text(encoding="utf-8")):
            assert (STATIC / target).is_file(), f"{path.name} imports missing {target}"


def test_static_files_are_package_data():
    patterns = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["casus"]
    unshipped = [p.name for p in static_files() if not any(fnmatch.fnmatch(p.name, g.split("/")[-1]) for g in patterns)]
    assert unshipped == []
