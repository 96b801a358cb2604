"""Treaty versions, one-directional suspensions and statements, on real treaties."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from casus.errors import InvalidInputError
from casus.kb.treaties import NoMutualDefence, Suspension

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("on", "version"),
    [("1950-06-01", "nat-art5-1949"), ("1955-06-01", "nat-art5-1952"), ("1965-06-01", "nat-art5")],
)
def test_north_atlantic_article_5_reads_article_6_as_in_force(kb, on, version):
    nat = kb.treaty("north-atlantic-1949")
    art5 = [p.id for p in nat.provisions_on(D(on)) if p.article == "5"]
    assert art5 == [version]
    provision = next(p for p in nat.provisions if p.id == version)
    scope = next(c.values[0] for c in provision.conditions if c.kind.value == "location")
    # Turkey is in the Article 6 area from the 1951 protocol (in force 15 February 1952) on
    assert ("TUR" in {e.ref for e in kb.scopes[scope].states}) == (on != "1950-06-01")


def test_collective_security_treaty_article_4_amended_in_2012(kb):
    cst = kb.treaty("cst-1992")
    assert [p.id for p in cst.provisions_on(D("2010-06-12")) if p.article == "4"] == ["cst-art4-1992"]
    assert [p.id for p in cst.provisions_on(D("2022-01-06")) if p.article == "4"] == ["cst-art4"]
    assert "by any State or group of States" in cst.provisions_on(D("2000-01-01"))[1].quote


def test_overlapping_versions_are_rejected(kb):
    nat = kb.treaty("north-atlantic-1949")
    v1949 = next(p for p in nat.provisions if p.id == "nat-art5-1949")
    late = dataclasses.replace(v1949, until=D("1953-01-01"))
    with pytest.raises(InvalidInputError, match=r"two versions of Art\. 5"):
        dataclasses.replace(nat, provisions=tuple(late if p.id == v1949.id else p for p in nat.provisions))


def test_suspension_needs_two_states_and_a_text_for_statements():
    with pytest.raises(InvalidInputError):
        Suspension("USA", "USA", D("1986-09-17"))
    with pytest.raises(InvalidInputError):
        NoMutualDefence("  ")
