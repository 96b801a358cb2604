"""The state system on a date: COW State System Membership (v2016), as casus state ids.

COW's list ends on 2016-12-31; a state still a member then (``ongoing``) is taken to stay one until a
recorded exit. No state has entered or left the system since (South Sudan, 2011, is the last entry in COW).

References:
    Correlates of War Project. 2017. "State System Membership List, v2016." http://correlatesofwar.org
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from casus.data.cow import load_states
from casus.kb.knowledge import KnowledgeBase


def system_members(
    kb: KnowledgeBase, on: dt.date, states: pd.DataFrame | None = None, path: str | os.PathLike[str] | None = None
) -> list[str]:
    """The casus ids of the states in the system on ``on`` (sorted).

    Args:
        kb: The knowledge base (maps COW codes to casus ids).
        on: The date.
        states: COW state spells as :func:`casus.data.cow.load_states` returns them (loaded when omitted).
        path: The ``states2016.csv`` file (the registered dataset when omitted).

    Raises:
        DataUnavailableError: The COW file is not on this machine.
    """
    df = load_states(path) if states is None else states
    day = pd.Timestamp(on)
    active = df[(df["start_date"] <= day) & ((df["end_date"] >= day) | df["ongoing"])]
    return sorted({kb.states.by_cow(int(c)).id for c in active["ccode"]})
