"""The one YAML entry point: curated files, scenarios and episodes all fail with ``file:line [field]``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap

import pytest

from casus import yamlio
from casus.curated.loader import SHAPES, build_kb, parse_curated
from casus.errors import ScenarioError, SourceFormatError
from casus.kb.treaties import Treaty
from casus.sim.crisis.io import parse_episodes

PACT = textwrap.dedent("""\
    sources:
      - id: rus-arm-1997
        title: Treaty of Friendship, Cooperation and Mutual Assistance between Russia and Armenia
        kind: treaty-text
    treaties:
      - id: russia-armenia-1997
        title: Russia–Armenia Treaty of Friendship, Cooperation and Mutual Assistance
        signed: 1997-08-29
        in_force: 1998-04-17
        sources: [rus-arm-1997]
        provisions:
          - id: rus-arm-art2
            article: 2
            kind: defense
            action: assist
            triggers: [armed-attack]
            sources: [rus-arm-1997]
    memberships:
      - {state: ARM, status: member, start: 1997-08-29, sources: [rus-arm-1997]}
      - {state: RUS, status: member, start: 1997-08-29, sources: [rus-arm-1997]}
""")


@dataclasses.dataclass(frozen=True)
class Pact(Treaty):
    """A treaty with one more optional field, as a helper adding one to the kb would write it."""

    denounced_by: str | None = None


@dataclasses.dataclass(frozen=True)
class Doc:
    """A document of such treaties."""

    treaties: tuple[Pact, ...] = ()


def _error(text: str) -> SourceFormatError:
    with pytest.raises(SourceFormatError) as err:
        parse_curated(text, "pact.yaml")
    return err.value


def test_a_good_file_validates_into_the_kb_dataclasses():
    doc = parse_curated(PACT, "pact.yaml")
    treaty = doc.treaties[0]
    assert isinstance(treaty, Treaty)
    assert treaty.in_force == dt.date(1998, 4, 17)
    assert treaty.provisions[0].article == "2"  # a YAML number where the treaty writes an article
    assert treaty.provisions[0].modality.value == "obligation"  # the file may omit it
    assert {m.organization for m in doc.memberships} == {"russia-armenia-1997"}  # the file's only treaty


def test_a_date_not_in_the_calendar_names_line_and_field():
    err = _error(PACT.replace("in_force: 1998-04-17", "in_force: 1998-02-30"))
    assert (err.path, err.line, err.field) == ("pact.yaml", 9, "treaties.0.in_force")
    assert "not a valid date" in str(err)


def test_a_quoted_impossible_date_names_line_and_field():
    err = _error(PACT.replace("in_force: 1998-04-17", "in_force: '1998-02-30'"))
    assert (err.line, err.field) == (9, "treaties.0.in_force")


def test_a_fact_without_a_source_is_refused_where_it_stands():
    err = _error(
        PACT.replace(
            "{state: RUS, status: member, start: 1997-08-29, sources: [rus-arm-1997]}",
            "{state: RUS, status: member, start: 1997-08-29}",
        )
    )
    assert (err.line, err.field) == (20, "memberships.1.sources")
    assert "at least one source" in str(err)


def test_a_rule_of_a_dataclass_is_reported_at_its_object():
    err = _error(PACT.replace("in_force: 1998-04-17", "in_force: 1996-04-17"))
    assert (err.line, err.field) == (6, "treaties.0")
    assert str(err).endswith("treaty 'russia-armenia-1997' enters into force before it is signed")


def test_an_unknown_field_is_named_with_its_line():
    err = _error(PACT.replace("    signed: 1997-08-29\n", "    signed: 1997-08-29\n    singed: 1997-08-29\n"))
    assert (err.line, err.field) == (9, "treaties.0.singed")
    assert "unknown field 'singed'" in str(err)


def test_a_field_casus_sets_itself_is_refused():
    err = _error(PACT.replace("    signed: 1997-08-29\n", "    signed: 1997-08-29\n    origin: atop\n"))
    assert (err.line, err.field) == (9, "treaties.0.origin")


def test_a_membership_without_scope_names_its_line():
    two = PACT.replace(
        "treaties:\n", "treaties:\n  - {id: other, title: Other, signed: 1990-01-01, sources: [rus-arm-1997]}\n"
    )
    err = _error(two)
    assert (err.line, err.field) == (20, "memberships.0")


def test_an_optional_field_added_to_a_dataclass_is_read_without_more_code():
    # What a new optional field on a kb dataclass needs: nothing in yamlio or the loader.
    text = "treaties:\n  - {id: p, title: P, signed: 1997-08-29, sources: [s], denounced_by: ARM}\n"
    doc = yamlio.parse(Doc, text, "p.yaml", shapes={Pact: SHAPES[Treaty]})
    assert doc.treaties[0].denounced_by == "ARM"
    assert doc.treaties[0].in_force is None


def test_the_built_in_files_load_unchanged(kb):
    assert kb.treaty("russia-armenia-1997").signed == dt.date(1997, 8, 29)
    assert build_kb([("pact.yaml", PACT)]).treaty("russia-armenia-1997").provisions[0].article == "2"


def test_episode_files_go_through_the_same_entry_point():
    text = "episodes:\n  - id: x\n    date: 2022-02-30\n"
    with pytest.raises(ScenarioError) as err:
        parse_episodes(text, "e.yaml")
    assert isinstance(err.value, SourceFormatError)
    assert str(err.value).startswith("e.yaml:3 [episodes.0.date]: not a valid date")


def test_a_key_given_twice_is_refused_with_both_lines():
    # PyYAML alone keeps the last value: a treaty would silently enter into force on the second date.
    err = _error(PACT.replace("    in_force: 1998-04-17\n", "    in_force: 1998-04-17\n    in_force: 1999-01-01\n"))
    assert err.line == 10
    assert "duplicate key 'in_force' (first given on line 9)" in str(err)
    flow = PACT.replace("{state: ARM, status: member,", "{state: ARM, status: member, state: RUS,")
    assert "duplicate key 'state'" in str(_error(flow))
    assert yamlio.load("a: {b: 1}\nc: {b: 1}\n", "ok.yaml") == {"a": {"b": 1}, "c": {"b": 1}}  # other mappings
