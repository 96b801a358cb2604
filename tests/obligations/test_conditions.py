"""Conditions dispatch through one table: every kind has its check, a kind without one is an error."""

from __future__ import annotations

import pytest

from casus.errors import InvalidInputError
from casus.kb.treaties import ConditionKind
from casus.obligations import evaluate_casus_foederis, make_crisis
from casus.obligations.conditions import CHECKS, Outcome, evaluate_condition


def test_every_condition_kind_has_a_check():
    assert set(CHECKS) == set(ConditionKind)


def test_the_csto_council_decision_is_a_procedure_with_its_consensus_rule(kb):
    crisis = make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="2022-09-13")
    treaty = kb.treaties["cst-1992"]
    art4 = next(p for p in treaty.provisions if p.condition(ConditionKind.DECISION))
    step = evaluate_condition(kb, treaty, art4, art4.condition(ConditionKind.DECISION), crisis)
    assert step.outcome is Outcome.PROCEDURE
    assert "Collective Security Council (consensus) — any one member can block it" in step.detail


def test_a_kind_without_a_check_is_an_error_not_a_decision(kb, monkeypatch):
    monkeypatch.delitem(CHECKS, ConditionKind.DECISION)
    crisis = make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="2022-09-13")
    with pytest.raises(InvalidInputError, match="no check for condition kind 'decision'"):
        evaluate_casus_foederis(kb, crisis)
