"""The organization's decision and its outcome: what every run applies to the members' choices.

A run (the Monte Carlo of :mod:`~casus.sim.crisis.simulate`, the exact distribution of
:mod:`~casus.sim.crisis.exact`, the Mesa twin of :mod:`~casus.sim.crisis.agents`) draws or enumerates the
helpers' choices, counts supporters, blockers and whether the lead nation sends forces, and hands the counts
to :meth:`Decision.outcome`. The :class:`Decision` itself is fixed when the crisis is compiled
(:func:`casus.sim.crisis.model.compile_crisis`): the deciding body's rule, who votes, and whether there is
anything to decide collectively.

Choices and responses are coded as small integers (:data:`CHOICE_CODE`, :data:`RESPONSE_CODE`) so that the
runs can work on numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from casus.kb.organizations import DecisionRule
from casus.sim.crisis.scenario import CHOICES, Choice, Response

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

CHOICE_CODE: dict[Choice, int] = {c: i for i, c in enumerate(CHOICES)}
"""Code of each member choice (the order of :data:`~casus.sim.crisis.scenario.CHOICES`)."""
FORCES, OTHER, ABSTAIN, BLOCK = (CHOICE_CODE[c] for c in CHOICES)
RESPONSE_CODE: dict[Response, int] = {r: i for i, r in enumerate(Response)}
"""Code of each organizational response (the order of :data:`~casus.sim.crisis.scenario.RESPONSES`)."""


@dataclass(frozen=True)
class Decision:
    """How the organization decides, as compiled for one scenario.

    Attributes:
        rule: The deciding body's rule (``none`` for a treaty without a collective body).
        n_voters: Members taking part in the decision (the helpers, and the requester when it is a member).
        requester_votes: Whether the requester votes (for action).
        collective_possible: Whether collective action can be decided at all (there is an article to
            invoke, and a request where the article needs one).
    """

    rule: DecisionRule
    n_voters: int
    requester_votes: bool
    collective_possible: bool

    def outcome(self, support: IntArray, block: IntArray, lead: IntArray) -> IntArray:
        """Response codes for arrays of supporter counts, blocker counts and lead-nation forces (0 or more).

        >>> d = Decision(DecisionRule.CONSENSUS, n_voters=5, requester_votes=True, collective_possible=True)
        >>> d.outcome(np.array([3, 3, 0]), np.array([0, 1, 0]), np.array([1, 1, 0])).tolist()
        [0, 1, 3]
        """
        passed = decide(self.rule, support, block, self.n_voters, self.requester_votes)
        return classify(passed, lead, support, self.collective_possible, self.rule is not DecisionRule.NONE)


def decide(rule: DecisionRule, support: IntArray, block: IntArray, n_voters: int, requester_votes: bool) -> BoolArray:
    """Whether the collective decision passes, for arrays of helper support and block counts.

    Under consensus (and unanimity, read the same way: abstention allowed) it passes when nobody blocks and
    at least one helper supports; under majority, two-thirds and qualified majority (55 %), when the
    supporters — the requester included when it votes — reach the threshold of all voters; with no
    collective body, when any party acts.

    >>> decide(DecisionRule.CONSENSUS, np.array([3, 3]), np.array([0, 1]), 5, True).tolist()
    [True, False]
    """
    total = support + int(requester_votes)
    if rule in (DecisionRule.CONSENSUS, DecisionRule.UNANIMITY):
        out = (block == 0) & (support >= 1)
    elif rule is DecisionRule.MAJORITY:
        out = 2 * total > n_voters
    elif rule is DecisionRule.TWO_THIRDS:
        out = 3 * total >= 2 * n_voters
    elif rule is DecisionRule.QUALIFIED_MAJORITY:
        out = 20 * total >= 11 * n_voters
    else:
        out = support >= 1
    return np.asarray(out, dtype=np.bool_)


def classify(
    passed: BoolArray, forces: IntArray, support: IntArray, collective_possible: bool, collective_body: bool = True
) -> IntArray:
    """Response codes (index into :data:`~casus.sim.crisis.scenario.RESPONSES`) for each replication.

    A passed decision with forces is a collective deployment, without forces a statement or mission; a
    failed (or impossible) decision with some member helping is bilateral assistance only; else nothing.
    Without a collective body (a treaty-only alliance such as ANZUS) any help is the parties' own:
    bilateral assistance.
    """
    ok = passed & collective_possible & collective_body
    out = np.full(passed.shape, RESPONSE_CODE[Response.NOTHING], dtype=np.int64)
    out[~ok & (support > 0)] = RESPONSE_CODE[Response.BILATERAL_ONLY]
    out[ok & (forces == 0)] = RESPONSE_CODE[Response.STATEMENT_OR_MISSION]
    out[ok & (forces > 0)] = RESPONSE_CODE[Response.COLLECTIVE_DEPLOYMENT]
    return out
