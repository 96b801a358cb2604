import textwrap

import pytest

from casus.curated.dump import dump_organization
from casus.curated.loader import _builtin_files, build_kb, parse_curated
from casus.errors import SourceFormatError

GOOD = textwrap.dedent("""\
    sources:
      - id: test-src
        title: A treaty text
        kind: treaty-text
    treaties:
      - id: test-pact
        title: Test pact
        signed: 1997-08-29
        in_force: 1998-04-17
        sources: [test-src]
        provisions:
          - id: test-art2
            article: 2
            kind: defense
            action: assist
            triggers: [armed-attack]
            sources: [test-src]
    memberships:
      - {state: ARM, status: member, start: 1997-08-29, sources: [test-src]}
      - {state: RUS, status: member, start: 1997-08-29, sources: [test-src]}
""")


def test_a_good_file_loads_with_default_scope():
    kb = build_kb([("pact.yaml", GOOD)])
    assert {m.state for m in kb.spells("test-pact")} == {"ARM", "RUS"}
    assert kb.treaty("test-pact").provisions[0].article == "2"


def test_bad_enum_names_file_line_and_field():
    bad = GOOD.replace("kind: defense", "kind: defence")
    with pytest.raises(SourceFormatError) as err:
        parse_curated(bad, "pact.yaml")
    msg = str(err.value)
    assert msg.startswith("pact.yaml:14 [treaties.0.provisions.0.kind]"), msg


def test_bad_date_names_line():
    bad = GOOD.replace("signed: 1997-08-29", "signed: 29/08/1997")
    with pytest.raises(SourceFormatError, match=r"pact.yaml:8 \[treaties.0.signed\]"):
        parse_curated(bad, "pact.yaml")


def test_unknown_field_rejected():
    bad = GOOD.replace("    title: Test pact\n", "    title: Test pact\n    titel: typo\n")
    with pytest.raises(SourceFormatError, match="titel"):
        parse_curated(bad, "pact.yaml")


def test_broken_yaml_names_line():
    with pytest.raises(SourceFormatError, match=r"pact.yaml:3"):
        parse_curated("sources:\n  - id: x\n   title: [unclosed\n", "pact.yaml")


def test_missing_source_is_an_integrity_error():
    bad = GOOD.replace(
        "{state: RUS, status: member, start: 1997-08-29, sources: [test-src]}",
        "{state: RUS, status: member, start: 1997-08-29, sources: [nowhere]}",
    )
    with pytest.raises(SourceFormatError, match="unknown source 'nowhere'"):
        build_kb([("pact.yaml", bad)])


def test_overlapping_spells_rejected():
    bad = GOOD + "  - {state: RUS, status: suspended, start: 2000-01-01, sources: [test-src]}\n"
    with pytest.raises(SourceFormatError, match="overlap"):
        build_kb([("pact.yaml", bad)])


def test_unknown_state_rejected():
    bad = GOOD.replace("state: ARM", "state: XXX")
    with pytest.raises(SourceFormatError, match="unknown state id 'XXX'"):
        build_kb([("pact.yaml", bad)])


@pytest.mark.parametrize("org_id", ["csto", "nato"])
def test_builtin_organizations_round_trip(kb, org_id):
    if org_id not in kb.organizations:
        pytest.skip(f"{org_id} not curated")
    text = dump_organization(kb, org_id)
    others = [(p, t) for p, t in _builtin_files() if f"orgs/{org_id}.yaml" not in p]
    again = build_kb([*others, (f"{org_id}-dumped.yaml", text)])
    assert again.organizations[org_id] == kb.organizations[org_id]
    assert again.spells(org_id) == kb.spells(org_id)
    assert again.treaties_of(org_id) == kb.treaties_of(org_id)
    assert [e for e in again.events if e.organization == org_id] == [e for e in kb.events if e.organization == org_id]
