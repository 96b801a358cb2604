"""Scenarios: YAML and Python, validation errors that name file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casus.errors import ScenarioError
from casus.sim.crisis.io import builtin_scenarios, load_scenario, parse_scenario
from casus.sim.crisis.scenario import Choice, RequestKind, Scenario

GOOD = """\
name: test-scenario
date: 2022-09-13
organization: CSTO
event:
  attacker: Azerbaijan
  target: Armenia
  kind: armed-attack
request: {by: Armenia, article: 4, asks: forces}
overrides: {base_reliability: 0.22}
force: {Kyrgyzstan: block}
"""


def test_builtin_scenarios_resolve_by_name():
    names = builtin_scenarios()
    assert {"armenia-2022-09", "kazakhstan-2022-01"} <= set(names)
    arm = load_scenario("armenia-2022-09")
    assert arm.on == dt.date(2022, 9, 13) and arm.attacker == "Azerbaijan" and arm.article == "4"
    assert arm.request is RequestKind.FORCES
    kaz = load_scenario("kazakhstan-2022-01")
    assert kaz.on == dt.date(2022, 1, 5) and kaz.kind == "unrest"


def test_yaml_and_python_give_the_same_scenario(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_text(GOOD)
    from_yaml = load_scenario(path)
    in_python = Scenario(
        name="test-scenario",
        on=dt.date(2022, 9, 13),
        organization="CSTO",
        attacker="Azerbaijan",
        target="Armenia",
        requester="Armenia",
        article="4",
        request="forces",
        overrides={"base_reliability": 0.22},  # type: ignore[arg-type]
        forced={"Kyrgyzstan": Choice.BLOCK},
    )
    assert from_yaml == in_python
    assert from_yaml.params().base_reliability == 0.22


def test_missing_field_names_file_line_and_field(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace("  target: Armenia\n", ""))
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    msg = str(err.value)
    assert str(path) in msg and "[event.target]" in msg and ":4" in msg


def test_bad_kind_names_the_field_and_its_line():
    with pytest.raises(ScenarioError, match=r"s\.yaml:7 \[event\.kind\]"):
        parse_scenario(GOOD.replace("kind: armed-attack", "kind: invasion"), "s.yaml")


def test_unknown_override_suggests_the_closest_parameter():
    with pytest.raises(ScenarioError, match=r"s\.yaml:9 \[overrides\].*did you mean 'base_reliability'"):
        parse_scenario(GOOD.replace("base_reliability", "base_reliabilty"), "s.yaml")


def test_out_of_range_override_and_bad_choice():
    with pytest.raises(ScenarioError, match="strictly between 0 and 1"):
        parse_scenario(GOOD.replace("0.22", "1.5"), "s.yaml")
    with pytest.raises(ScenarioError, match=r"\[force\.Kyrgyzstan\]"):
        parse_scenario(GOOD.replace("Kyrgyzstan: block", "Kyrgyzstan: veto"), "s.yaml")


def test_unknown_key_and_bad_yaml():
    with pytest.raises(ScenarioError, match=r"\[colour\]"):
        parse_scenario(GOOD + "colour: red\n", "s.yaml")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        parse_scenario("name: [unclosed", "s.yaml")


def test_unknown_scenario_name_lists_builtins():
    with pytest.raises(ScenarioError, match="did you mean 'armenia-2022-09'"):
        load_scenario("armenia-2022")


def test_python_scenario_validates():
    with pytest.raises(ScenarioError, match="kind"):
        Scenario(name="x", on=dt.date(2022, 1, 1), organization="CSTO", attacker="a", target="b", kind="war")
    with pytest.raises(ScenarioError, match="decision_rule"):
        Scenario(
            name="x", on=dt.date(2022, 1, 1), organization="CSTO", attacker="a", target="b", decision_rule="dictator"
        )  # type: ignore[arg-type]


def test_unknown_organization_is_a_scenario_error(kb):
    from casus.sim.crisis.procedure import assess_procedure

    s = load_scenario("armenia-2022-09").with_changes(organization="Warsaw Pakt")
    with pytest.raises(ScenarioError, match="Warsaw Pakt"):
        assess_procedure(kb, s)


def test_date_that_does_not_exist_is_a_scenario_error_with_its_line():
    # YAML's timestamp constructor raises a bare ValueError for 30 February
    with pytest.raises(ScenarioError, match=r"s\.yaml:2 \[date\]: not a valid date"):
        parse_scenario(GOOD.replace("2022-09-13", "2022-02-30"), "s.yaml")


def test_scenario_before_the_organization_existed_is_an_error(kb, kazakhstan):
    import datetime as dt

    import pytest

    from casus.errors import ScenarioError
    from casus.sim.crisis.simulate import simulate_crisis

    with pytest.raises(ScenarioError, match="did not exist on 1980-01-01"):
        simulate_crisis(kb, kazakhstan.with_changes(on=dt.date(1980, 1, 1)), runs=100, rng=1)
