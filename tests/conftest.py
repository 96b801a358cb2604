"""Shared fixtures: the built-in knowledge base and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    from casus.curated import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared datasets not found at {SHARED_DATA} (the ../shared folder beside the repo)")
    return SHARED_DATA
