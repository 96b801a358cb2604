"""Every machine value a reader can meet has a plain word; articles read "Art. 5", ATOP columns in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casus.kb.memberships import Status
from casus.kb.treaties import Action, ConditionKind, CrisisKind, Modality, PledgeKind, Provision
from casus.obligations.conditions import Outcome
from casus.obligations.results import Verdict
from casus.obligations.words import WORDS, article_label, plain, plain_check, provision_label

SRC = Path(__file__).resolve().parents[2] / "src" / "casus" / "obligations"


@pytest.mark.parametrize("enum", [Verdict, Outcome, Status, CrisisKind, PledgeKind, Modality, Action])
def test_every_enum_value_has_a_word_without_underscores(enum):
    for value in enum:
        assert "_" not in plain(value), value


def test_every_check_the_engine_writes_has_a_word():
    written = set(re.findall(r'Step\(\s*"([a-z_]+)"', "".join(p.read_text() for p in SRC.glob("*.py"))))
    checks = written | {k.value for k in ConditionKind}
    assert {"event_kind", "breach", "cyber_doctrine", "collective_action", "any_of"} <= checks
    for check in checks:
        assert "_" not in plain_check(check), check


def test_an_unknown_value_is_an_error_not_a_raw_identifier():
    with pytest.raises(KeyError):
        plain("no_such_verdict")
    assert "no_such_verdict" not in WORDS


def _provision(article: str, kind: PledgeKind = PledgeKind.DEFENSE) -> Provision:
    return Provision("x", article, kind, Modality.OBLIGATION, Action.ASSIST, (CrisisKind.ARMED_ATTACK,))


def test_articles_read_as_an_analyst_writes_them():
    assert article_label(_provision("5")) == "Art. 5"
    assert provision_label(_provision("5")) == "Art. 5 (defence obligation)"
    nonagg = _provision("ATOP 2470 nonagg", PledgeKind.NON_AGGRESSION)
    assert article_label(nonagg) == "ATOP 2470 non-aggression"
    assert provision_label(nonagg) == "ATOP 2470 non-aggression obligation"
    assert article_label(_provision("Charter Art. 7")) == "Charter Art. 7"
