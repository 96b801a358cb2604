from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def evidence(casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.crisis.io import load_evidence

    return load_evidence()


@pytest.fixture(scope="session")
def armenia():  # type: ignore[no-untyped-def]
    from casus.sim.crisis.io import load_scenario

    return load_scenario("armenia-2022-09")


@pytest.fixture(scope="session")
def kazakhstan():  # type: ignore[no-untyped-def]
    from casus.sim.crisis.io import load_scenario

    return load_scenario("kazakhstan-2022-01")
