"""Real facts from the curated EAC file (#10): Partner States through time, the Treaty, the Regional Force.

References:
    Treaty for the Establishment of the East African Community (Arusha, 30 November 1999; in force 7 July 2000),
    Arts. 124, 152-153; Protocol on Co-operation in Defence Affairs (Arusha, 28 April 2012).
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("state", "on", "status"),
    [
        ("KEN", "2000-07-07", Status.MEMBER),
        ("RWA", "2007-06-30", None),
        ("BDI", "2007-07-01", Status.MEMBER),
        ("SSD", "2016-09-04", None),  # signed on 15 April 2016; full rights on the deposit (5 September)
        ("SSD", "2016-09-05", Status.MEMBER),
        ("COD", "2022-07-10", None),  # admitted 29 March, signed 8 April; in force on the deposit (11 July)
        ("COD", "2022-07-11", Status.MEMBER),
        ("SOM", "2024-03-03", None),
        ("SOM", "2024-03-04", Status.MEMBER),
    ],
)
def test_eac_statuses_through_time(kb, state, on, status) -> None:  # type: ignore[no-untyped-def]
    found = kb.status_on(state, "eac", D(on))
    assert (found.status if found is not None else None) is status


def test_eac_names_roster_treaty_and_force(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("EAC", "ВАС", "Восточноафриканское сообщество", "Communauté d'Afrique de l'Est"):
        assert kb.organization(name).id == "eac"
    eac = kb.organization("eac")
    assert eac.verified_through == eac.coverage.end == D("2026-12-03")
    assert len(kb.members_on("eac", D("2026-12-03")).states()) == 8
    treaty = kb.treaty("eac-treaty-1999")
    assert (treaty.signed, treaty.in_force, treaty.provisions) == (D("1999-11-30"), D("2000-07-07"), ())
    assert kb.treaty("eac-defence-protocol-2012").in_force is None  # "Not commenced" (AfricanLII)
    assert eac.body("eac-regional-force").kind == "forces"
    congo = kb.status_on("COD", "eac", D("2023-01-01"))
    assert "29 March 2022" in congo.note and "eac-drc-adf-2022" in congo.sources  # the disagreement
