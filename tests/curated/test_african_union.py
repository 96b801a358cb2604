"""Real facts from the curated African Union and G5 Sahel files (#10): suspensions after coups, the Pact, exits.

References:
    Constitutive Act of the African Union (Lomé, 11 July 2000; in force 26 May 2001), Art. 4(h) and 4(j);
    Protocol Relating to the Establishment of the Peace and Security Council (Durban, 9 July 2002; in force
    26 December 2003); African Union Non-Aggression and Common Defence Pact (Abuja, 31 January 2005; in force
    18 December 2009). Convention establishing the G5 Sahel (Nouakchott, 19 December 2014), Art. 20.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat


def results(kb, **kw):  # type: ignore[no-untyped-def]
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


@pytest.mark.parametrize(
    ("state", "on", "status"),
    [
        ("MLI", "2020-08-18", Status.MEMBER),
        ("MLI", "2020-08-19", Status.SUSPENDED),  # PSC, the day after the coup of 18 August 2020
        ("MLI", "2020-10-09", Status.MEMBER),  # suspension lifted after the transitional government
        ("MLI", "2021-06-01", Status.SUSPENDED),  # 1001st meeting, after the coup of 24 May 2021
        ("GIN", "2021-09-10", Status.SUSPENDED),
        ("GIN", "2026-01-22", Status.MEMBER),  # 1325th meeting lifts the suspension
        ("SDN", "2021-10-26", Status.SUSPENDED),
        ("BFA", "2022-01-31", Status.SUSPENDED),
        ("NER", "2023-08-21", Status.MEMBER),
        ("NER", "2023-08-22", Status.SUSPENDED),
        ("GAB", "2023-08-31", Status.SUSPENDED),
        ("GAB", "2025-04-30", Status.MEMBER),  # readmitted after the presidential election
        ("MDG", "2025-10-15", Status.SUSPENDED),
        ("GNB", "2025-11-28", Status.SUSPENDED),
        ("SSD", "2011-07-26", Status.MEMBER),
        ("MAR", "2017-01-30", Status.MEMBER),
    ],
)
def test_au_statuses_through_time(kb, state, on, status) -> None:  # type: ignore[no-untyped-def]
    assert kb.status_on(state, "au", D(on)).status is status


def test_au_names_roster_and_disagreements(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("African Union", "AU", "Union africaine", "UA", "Африканский союз", "АС"):
        assert kb.organization(name).id == "au"
    au = kb.organization("au")
    assert au.founded == D("2002-07-09") and au.verified_through == D("2026-12-03")
    assert kb.status_on("MAR", "au", D("2016-12-31")) is None  # outside the OAU/AU from 1984 to 2017
    assert len(kb.members_on("au", D("2017-02-01")).states()) == 54  # 55 with the SADR, which casus lacks
    gabon = kb.status_on("GAB", "au", D("2024-01-01"))
    assert "30 August" in gabon.note and "au-gabon-2025-taluko" in gabon.sources  # the coup's date vs the PSC's
    sudan = kb.status_on("SDN", "au", D("2022-01-01"))
    assert "25 October" in sudan.note and "unknown after" in sudan.note


def test_au_treaties_dates(kb) -> None:  # type: ignore[no-untyped-def]
    act, psc, pact = kb.treaty("au-constitutive-act-2000"), kb.treaty("au-psc-protocol-2002"), kb.treaty("au-pact-2005")
    assert (act.signed, act.in_force) == (D("2000-07-11"), D("2001-05-26"))
    assert (psc.signed, psc.in_force) == (D("2002-07-09"), D("2003-12-26"))
    assert (pact.signed, pact.in_force) == (D("2005-01-31"), D("2009-12-18"))
    (h, j) = act.provisions
    assert (h.article, j.article) == ("4(h)", "4(j)")
    assert "war crimes, genocide and crimes against humanity" in h.quote


def test_au_pact_binds_after_2009_only(kb) -> None:  # type: ignore[no-untyped-def]
    r = results(kb, attacker="Eritrea", target="Ethiopia", on="2012-01-01")["au-pact-2005"]
    assert r.verdict is Verdict.TRIGGERED and r.provision.id == "au-pact-defence"
    assert "KEN" in r.obligated
    before = results(kb, attacker="Eritrea", target="Ethiopia", on="2008-01-01")
    assert "au-pact-2005" not in before  # signed 2005, in force only from 18 December 2009


def test_g5_sahel_members_exits_and_force(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("G5 Sahel", "G5 du Sahel", "G5S", "Сахельская пятерка"):
        assert kb.organization(name).id == "g5-sahel"
    g5 = kb.organization("g5-sahel")
    assert set(kb.members_on("g5-sahel", D("2020-01-01")).states()) == {"BFA", "MLI", "MRT", "NER", "TCD"}
    assert kb.status_on("MLI", "g5-sahel", D("2022-05-15")).status is Status.WITHDRAWN
    assert kb.status_on("NER", "g5-sahel", D("2023-11-28")).status is Status.MEMBER
    assert kb.status_on("BFA", "g5-sahel", D("2023-11-29")).status is Status.WITHDRAWN
    assert set(kb.members_on("g5-sahel", D("2023-12-06")).states()) == {"MRT", "TCD"}
    assert g5.dissolved is None and "unknown after 2023-12-06" in kb.status_on("TCD", "g5-sahel", D("2024-01-01")).note
    assert g5.body("g5-joint-force").established == D("2017-07-02")
    assert kb.treaty("g5-convention-2014").signed == D("2014-12-19")
