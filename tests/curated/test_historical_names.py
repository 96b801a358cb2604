import datetime as dt
import itertools
import json

import casus_cli
from casus.obligations import evaluate_casus_foederis, make_crisis

D = dt.date


def test_names_follow_the_date(kb):
    assert kb.states.name_on("RUS", D(1991, 12, 25)) == "Soviet Union"
    assert kb.states.name_on("RUS", D(1991, 12, 26)) == "Russia"
    assert kb.states.name_on("DEU", D(1989, 11, 9)) == "West Germany"
    assert kb.states.name_on("DEU", D(1990, 10, 3)) == "Germany"
    assert kb.states.name_on("SRB", D(1999, 3, 24)) == "Yugoslavia"
    assert kb.states.name_on("IRN", D(1930, 1, 1)) == "Persia"


def test_spans_never_overlap_for_one_state(kb):
    for state in kb.states.all():
        names = kb.states.historical_names(state.id)
        for a, b in itertools.pairwise(names):
            assert a.end <= b.start, (state.id, a, b)


def test_old_names_resolve(kb):
    assert kb.state("Soviet Union").id == "RUS"
    assert kb.state("West Germany").id == "DEU"
    assert kb.state("Persia").id == "IRN"


def test_explanations_use_the_name_of_the_day(kb):
    crisis = make_crisis(kb, attacker="United States", target="Russia", on="1985-06-01")
    assert crisis.place.name == "Soviet Union"
    nato = next(r for r in evaluate_casus_foederis(kb, crisis) if r.treaty.organization == "nato")
    assert any("Soviet Union" in s.detail for s in nato.explanation)


def test_members_json_names_nato_members_of_1985():
    proc = casus_cli.run("members", "nato", "--on", "1985-06-01", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    names = {m["state"]: m["name"] for m in json.loads(out)["members"]}
    assert names["DEU"] == "West Germany" and len(names) == 16
