"""Shared fixtures for the casus.data tests: the real files (full, or the committed subsets), loaded once.

``data_dir`` is the full files when present (``CASUS_DATA_DIR`` or ``../shared/data``), else the fixture subsets
of ``tests/fixtures`` (see tests/conftest.py); tests whose values need the full files are marked ``full_data``.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def data_dir(casus_data: Path) -> Path:
    return casus_data


@pytest.fixture(scope="session")
def members(data_dir: Path):
    from casus.data.atop import load_atop_members

    return load_atop_members(data_dir / "atop" / "atop5_1m.csv")


@pytest.fixture(scope="session")
def ddyr(data_dir: Path):
    from casus.data.atop import load_atop_ddyr

    return load_atop_ddyr(data_dir / "atop")


@pytest.fixture(scope="session")
def spells(members):
    from casus.data.atop import pledge_spells

    return pledge_spells(members)


@pytest.fixture(scope="session")
def pledges(spells):
    from casus.data.atop import pledge_years

    return pledge_years(spells)


@pytest.fixture(scope="session")
def system(data_dir: Path):
    from casus.data.cow import load_system

    return load_system(data_dir / "cow_states")


@pytest.fixture(scope="session")
def nmc6(data_dir: Path):
    from casus.data.nmc import load_nmc

    return load_nmc(data_dir / "cow_nmc", version="6.0")


@pytest.fixture(scope="session")
def nmc7(data_dir: Path):
    from casus.data.nmc import load_nmc

    return load_nmc(data_dir / "cow_nmc", version="7.0")


@pytest.fixture(scope="session")
def midb(data_dir: Path):
    from casus.data.mid import load_midb

    return load_midb(data_dir / "cow_mid")


@pytest.fixture(scope="session")
def full_directed(system, members, nmc6):
    """All directed dyad-years 1816-2016 with ATOP and NMC 6.0 (built once per session)."""
    from casus.data.frames import add_atop, add_nmc, dyad_years

    return add_nmc(add_atop(dyad_years(1816, 2016, system=system), members=members), nmc=nmc6)


@pytest.fixture(autouse=True)
def _data_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory, casus_data: Path) -> None:
    """Point the default search path at the data folder and keep the real user cache out of the tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    monkeypatch.setenv("CASUS_DATA_DIR", str(casus_data))
