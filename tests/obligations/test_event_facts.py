"""Facts about the event decide ATOP's conditions: non-provocation and a specific conflict."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.obligations import Outcome, Verdict, evaluate_treaty, make_crisis


@pytest.fixture(scope="module")
def atop_kb(casus_data):  # type: ignore[no-untyped-def]
    from casus.knowledge import KnowledgeProvider

    return KnowledgeProvider().with_atop()


def _nonprov(result):
    return [s for s in result.explanation if s.check == "non_provocation"]


def test_non_provocation_is_decided_by_unprovoked(atop_kb) -> None:
    # ATOP 1355: Austria-Hungary's 1883 treaty with Romania binds the allies if Romania is attacked
    # "without provocation on her part" (ATOP codes DEFCONPR).
    treaty = atop_kb.treaty("atop-1355")
    on = dt.date(1900, 1, 1)
    unsaid = evaluate_treaty(atop_kb, treaty, make_crisis(atop_kb, attacker="Russia", target="Romania", on=on))
    assert _nonprov(unsaid)
    assert all(s.outcome is Outcome.UNKNOWN and "--unprovoked" in s.detail for s in _nonprov(unsaid))
    kw = {"attacker": "Russia", "target": "Romania", "on": on}
    unprovoked = evaluate_treaty(atop_kb, treaty, make_crisis(atop_kb, provoked=False, **kw))
    assert _nonprov(unprovoked) and all(s.outcome is Outcome.PASS for s in _nonprov(unprovoked))
    provoked = evaluate_treaty(atop_kb, treaty, make_crisis(atop_kb, provoked=True, **kw))
    assert provoked.verdict is Verdict.NOT_TRIGGERED
    assert _nonprov(provoked) and all(s.outcome is Outcome.FAIL for s in _nonprov(provoked))


def test_a_named_conflict_decides_a_pledge_whose_conflict_is_named(kb) -> None:
    # TFEU Art. 222 (solidarity clause): "the object of a terrorist attack or the victim of a natural or
    # man-made disaster".
    treaty = kb.treaty("tfeu-lisbon")
    kw = {"attacker": "non-state", "target": "France", "on": "2015-11-14"}
    art222 = next(p for p in treaty.provisions if p.article == "222")
    cond_value = next(c.values[0] for c in art222.conditions if c.kind.value == "conflict")

    def conflict_steps(**more):  # type: ignore[no-untyped-def]
        r = evaluate_treaty(kb, treaty, make_crisis(kb, **kw, **more))
        return [s for s in r.explanation if s.check == "conflict"]

    assert [(s.outcome, "--conflict" in s.detail) for s in conflict_steps()] == [(Outcome.UNKNOWN, True)]
    assert [s.outcome for s in conflict_steps(conflict=cond_value)] == [Outcome.PASS]
    assert [s.outcome for s in conflict_steps(conflict="Algerian War")] == [Outcome.FAIL]
