import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.errors import InvalidInputError
from casus.kb.memberships import Membership, Status

D = dt.date


def test_spell_is_half_open():
    m = Membership("ARM", "csto", Status.MEMBER, D(1992, 5, 15), D(2024, 2, 22), sources=("x",))
    assert m.active_on(D(2024, 2, 21))
    assert not m.active_on(D(2024, 2, 22))
    assert not m.active_on(D(1992, 5, 14))


def test_end_before_start_rejected():
    with pytest.raises(InvalidInputError, match="ends"):
        Membership("UZB", "csto", Status.MEMBER, D(2012, 6, 28), D(2006, 8, 16))


def test_suspended_is_still_party_withdrawn_is_not():
    assert Status.SUSPENDED.is_party and Status.MEMBER.is_party
    assert not Status.WITHDRAWN.is_party and not Status.OBSERVER.is_party


dates = st.dates(min_value=D(1815, 1, 1), max_value=D(2030, 1, 1))


@given(dates, dates, dates, dates)
def test_overlap_is_symmetric_and_matches_day_sets(a, b, c, d):
    s1, e1 = sorted((a, b))
    s2, e2 = sorted((c, d))
    m1 = Membership("FRA", "nato", Status.MEMBER, s1, e1)
    m2 = Membership("FRA", "nato", Status.MEMBER, s2, e2)
    assert m1.overlaps(m2) == m2.overlaps(m1)
    share = max(s1, s2) < min(e1, e2)
    assert m1.overlaps(m2) == share
