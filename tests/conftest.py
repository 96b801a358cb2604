"""Shared fixtures: the built-in knowledge base, the full datasets and the small fixture subsets.

Two sources of dataset files:

* the full published files, from ``CASUS_DATA_DIR`` or the developer folder ``../shared/data`` beside the
  repository (:func:`full_data_dir`); tests that need them (exact row counts, whole-history figures) use the
  ``shared_data`` fixture or the ``full_data`` marker and skip with a one-line reason on a plain clone;
* the small, real subsets committed in ``tests/fixtures/`` (cut by ``scripts/make_fixtures.py``), laid out
  under the published file names in a temporary folder by the ``fixture_data`` fixture, with a
  ``SHA256SUMS`` per dataset folder so the loaders verify them.

``casus_data`` gives the full files when present and the fixtures otherwise; every test runs with
``CASUS_DATA_DIR`` pointing at it (``_session_data``), so commands and loaders that search the default folders
find the same files. ``CASUS_TEST_DATA=fixtures`` runs the suite as on a plain clone, with the subsets only.
The example article of ``../shared/examples`` is committed as ``tests/fixtures/examples/`` (``example_article``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE_NAME = "otsc-expansion-2024-06-25.fr.txt"


#: ``CASUS_TEST_DATA=fixtures`` runs the suite as on a plain clone (subsets only) even where the full files are.
FIXTURES_ONLY = os.environ.get("CASUS_TEST_DATA", "") == "fixtures"


def full_data_dir() -> Path | None:
    """The folder with the full dataset files: ``CASUS_DATA_DIR`` when it holds ATOP, else ``../shared/data``."""
    if FIXTURES_ONLY:
        return None
    env = os.environ.get("CASUS_DATA_DIR")
    for cand in ([Path(env)] if env else []) + [SHARED_DATA]:
        if (cand / "atop" / "atop5_1m.csv").is_file():
            return cand
    return None


FULL_DATA = full_data_dir()
NO_FULL_DATA = (
    "needs the full dataset files: set CASUS_DATA_DIR or put them in ../shared/data (the fixtures are subsets)"
)


def needs_full(what: str) -> str:
    """The one-line skip reason of a test that needs ``what`` from the full files."""
    return f"needs {what}: set CASUS_DATA_DIR or put the files in ../shared/data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``full_data`` skip with one line when the full files are absent.

    ``@pytest.mark.full_data(needs="the full ATOP 5.1 files (exact row counts)")`` names what the test needs.
    """
    if FULL_DATA is not None:
        return
    for item in items:
        marker = item.get_closest_marker("full_data")
        if marker is not None:
            needs = marker.kwargs.get("needs")
            item.add_marker(pytest.mark.skip(reason=needs_full(needs) if needs else NO_FULL_DATA))


def build_fixture_layout(dest: Path) -> Path:
    """Copy tests/fixtures into ``dest`` under the published file names; returns ``dest``.

    Each dataset folder gets a ``SHA256SUMS`` listing the fixture checksums under the published names, so
    :mod:`casus.data.verify` checks the subsets as it would the full files.
    """
    sums: dict[str, list[str]] = {}
    checks: dict[tuple[str, str], str] = {}
    for folder in FIXTURES.iterdir():
        if folder.is_dir() and (folder / "SHA256SUMS").is_file():
            for line in (folder / "SHA256SUMS").read_text("utf-8").splitlines():
                digest, name = line.split(maxsplit=1)
                checks[(folder.name, name.strip())] = digest
    for line in (FIXTURES / "LAYOUT").read_text("utf-8").splitlines():
        fixture, published = line.split()
        folder, name = fixture.split("/", 1)
        (dest / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / fixture, dest / folder / published)
        sums.setdefault(folder, []).append(f"{checks[(folder, name)]}  {published}\n")
    for folder, lines in sums.items():
        (dest / folder / "SHA256SUMS").write_text("".join(lines), "utf-8")
    return dest


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    from casus.curated import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The full dataset files; skips (one line) on a plain clone."""
    if FULL_DATA is None:
        pytest.skip(NO_FULL_DATA)
    return FULL_DATA


@pytest.fixture(scope="session")
def fixture_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed fixture subsets under the published file names (a data folder like ``../shared/data``)."""
    return build_fixture_layout(tmp_path_factory.mktemp("fixture-data"))


@pytest.fixture(scope="session")
def casus_data(fixture_data: Path) -> Path:
    """The full files when present, else the fixture subsets: for tests whose cases both contain."""
    return FULL_DATA if FULL_DATA is not None else fixture_data


@pytest.fixture(scope="session", autouse=True)
def _session_data(casus_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test (and every ``casus`` subprocess it starts) reads ``casus_data`` through ``CASUS_DATA_DIR``.

    The user cache is a throwaway folder, and on a plain clone (or with ``CASUS_TEST_DATA=fixtures``) the
    developer folder ``../shared/data`` is not searched either, so a test never reaches data outside the
    fixtures without saying so (``shared_data``/``full_data``).
    """
    import casus.data.cache as cache

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CASUS_DATA_DIR", str(casus_data))
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        if FULL_DATA is None:
            mp.setattr(cache, "developer_data_dir", lambda: None)
        yield casus_data


@pytest.fixture
def registered_data(casus_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``casus_data`` as the registered releases: the full files as they are; on a plain clone, each fixture file
    stands in for its release (the registry records the fixture's SHA-256 and size, for this test only).

    Tests of ``casus data import`` / ``fetch`` then take the *verified* path on real rows everywhere; that the
    registered checksums are those of the full files is tests/data/test_provenance.py's full-file check.
    """
    if FULL_DATA is not None:
        return casus_data
    import dataclasses

    import casus.data.provenance as provenance

    def stand_in(p: provenance.Provenance) -> provenance.Provenance:
        files = []
        for f in p.files:
            path = casus_data / p.folder / f.filename
            if path.is_file():
                f = dataclasses.replace(f, sha256=_sha256(path), size=path.stat().st_size)
            files.append(f)
        return dataclasses.replace(p, files=tuple(files))

    records = tuple(stand_in(p) for p in provenance.datasets())
    monkeypatch.setattr(provenance, "datasets", lambda: records)
    return casus_data


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def example_article() -> Path:
    """The French article (2024-06-25) casus began from: the committed copy of ``../shared/examples``'s."""
    return FIXTURES / "examples" / EXAMPLE_NAME
