"""The one path from a user's question to obligations results (casus.knowledge.answer_obligations, knowledge.py)."""

from __future__ import annotations

import datetime as dt

import pytest

import casus
from casus.curated import load_kb
from casus.errors import InvalidInputError
from casus.knowledge import KnowledgeProvider, answer_obligations


def test_answer_resolves_names_and_evaluates_like_the_python_api():
    provider = KnowledgeProvider(load_kb())
    answer = answer_obligations(
        provider, attacker="Syria", target="Turquie", on="2016-05-01", place="TR-27", unprovoked=True, atop=False
    )
    assert answer.crisis.target == "TUR" and answer.crisis.place.name == "Gaziantep"
    assert answer.crisis.provoked is False and answer.crisis.on == dt.date(2016, 5, 1)
    nato = next(r for r in answer.results if r.treaty.id == "north-atlantic-1949")
    assert nato.verdict.value == "triggered" and "USA" in nato.obligated
    api = casus.evaluate("Syria", "Turkey", "2016-05-01", place="Gaziantep", unprovoked=True, atop=False)
    assert [(r.treaty.id, r.verdict, r.obligated) for r in api] == [
        (r.treaty.id, r.verdict, r.obligated) for r in answer.results
    ]


def test_answer_names_the_date_field_in_its_error():
    provider = KnowledgeProvider(load_kb())
    with pytest.raises(InvalidInputError, match=r"^--on: '2016-13-45' is not a date"):
        answer_obligations(provider, attacker="Syria", target="Turkey", on="2016-13-45", date_field="--on")
