"""ATOP 5.1 in the engine: uncurated alliances answer casus-foederis questions, with ATOP's conditions."""

import pytest

from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis


@pytest.fixture(scope="module")
def full(kb, casus_data):
    from casus.data.atop_kb import with_atop

    return with_atop(kb, casus_data / "atop")


def by_id(kb, **kw):
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


def test_every_atop_alliance_is_loaded_except_curated_ones(kb, full, casus_data):
    from casus.data.atop import load_atop_alliances

    atop_orgs = [o for o in full.organizations if o.startswith("atop-")]
    claimed = {t.atop_id for t in kb.treaties.values() if t.atop_id}
    assert {3180, 4220} <= claimed
    in_file = {int(a) for a in load_atop_alliances(casus_data / "atop")["atopid"]}  # 789 in ATOP 5.1
    assert sorted(atop_orgs) == sorted(f"atop-{a}" for a in in_file - claimed)
    assert "atop-3180" not in full.organizations and "atop-4220" not in full.organizations
    assert all(full.organizations[o].coverage.end.isoformat() == "2018-12-31" for o in atop_orgs)


def test_warsaw_pact_member_attacked_in_1970(full):
    r = by_id(full, attacker="German Federal Republic", target="Poland", on="1970-06-01")
    # The Warsaw Pact is curated (warsaw-1955, ATOP 3285): it replaces ATOP's row and names Art. 4's area.
    assert "atop-3285" not in r
    assert r["warsaw-1955"].verdict is Verdict.TRIGGERED and r["warsaw-1955"].treaty.atop_id == 3285
    # the bilateral Polish-Soviet treaty of 1965 names Germany as its threat: triggered, the USSR obligated
    assert r["atop-3520"].verdict is Verdict.TRIGGERED and r["atop-3520"].obligated == ("RUS",)


def test_atop_location_limit_without_a_named_place_is_unknown(full):
    # ATOP codes the GDR's pledge in the Soviet-GDR treaty of 1964 (3500) as limited to a location without naming
    # it: an attack on the Soviet Union is indeterminate for the GDR.
    r = by_id(full, attacker="German Federal Republic", target="Soviet Union", on="1970-06-01")
    gdr = r["atop-3500"]
    assert gdr.verdict is Verdict.INDETERMINATE
    assert any(
        s.check == "location" and s.outcome.value == "unknown" and "DEFCOLOC" in s.detail for s in gdr.explanation
    )


def test_belgium_france_1832_is_one_sided(full):
    on_belgium = by_id(full, attacker="Netherlands", target="Belgium", on="1832-11-20")["atop-1060"]
    on_france = by_id(full, attacker="Netherlands", target="France", on="1832-11-20")["atop-1060"]
    assert on_belgium.verdict is not Verdict.NOT_TRIGGERED
    assert on_france.verdict is Verdict.NOT_TRIGGERED
    assert any(s.check == "bound" and s.outcome.value == "fail" for s in on_france.explanation)


def test_after_2018_atop_alliance_is_unknown_not_absent(full):
    from casus.errors import CoverageError

    with pytest.raises(CoverageError, match="unknown"):
        full.members_on("atop-3520", __import__("datetime").date(2020, 1, 1))


def test_member_spells_never_overlap(full):
    import itertools

    for org in (o for o in full.organizations if o.startswith("atop-")):
        spells = full.spells(org)
        for _, group in itertools.groupby(spells, key=lambda m: m.state):
            for a, b in itertools.pairwise(sorted(group, key=lambda m: m.start)):
                assert not a.overlaps(b), (org, a, b)


def test_reconcile_lists_nato_accession_dating(kb, casus_data):
    from casus.data.atop import load_atop_alliances, load_atop_members
    from casus.data.reconcile import reconcile

    rows = reconcile(kb, load_atop_members(casus_data / "atop"), load_atop_alliances(casus_data / "atop"))
    spain = next(d for d in rows if d.organization == "nato" and d.state == "ESP")
    assert (spain.field, spain.curated, spain.atop) == ("start", "1982-05-30", "1981-12-10")
    uzb = [d for d in rows if d.organization == "csto" and d.state == "UZB"]
    assert {(d.field, d.atop) for d in uzb} == {("start", "2006-08-17"), ("end", "2012-06-28")}
    assert not any(d.organization == "nato" and d.state in ("USA", "GBR", "FRA") for d in rows)
