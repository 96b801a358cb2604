"""Plain words for the machine values of casus-foederis results, as an analyst writes them.

JSON keeps the stable machine values (``not_triggered``, ``event_kind``); tables and explanations use these
words. A value with no word here is an error (:func:`plain` raises), so a new verdict, check or action cannot
reach a reader as a raw identifier: ``tests/obligations/test_words.py`` walks every enum and every check.

>>> plain("not_triggered"), plain("event_kind"), plain("deploy_collective_forces")
('not triggered', 'kind of event covered', 'deploy collective forces')
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casus.kb.treaties import Provision

WORDS: dict[str, str] = {
    # verdicts
    "triggered": "triggered",
    "not_triggered": "not triggered",
    "indeterminate": "indeterminate (facts missing to decide)",
    "no_mutual_defence": "no mutual-defence obligation",
    # outcomes of a check
    "pass": "met",
    "fail": "not met",
    "unknown": "unknown",
    "procedure": "needs a decision",
    "info": "note",
    # membership statuses
    "member": "member",
    "suspended": "suspended (frozen)",
    "withdrawn": "withdrawn",
    "observer": "observer",
    "partner": "partner",
    "applicant": "applicant",
    "disputed": "disputed",
    "excluded": "government excluded",
    # kinds of event
    "armed-attack": "an armed attack",
    "threat": "a threat",
    "unrest": "unrest",
    "cyber": "a cyber operation",
    # pledges, modalities and actions
    "defense": "defence",
    "offense": "offensive",
    "neutrality": "neutrality",
    "non_aggression": "non-aggression",
    "consultation": "consultation",
    "obligation": "obligation",
    "permission": "permission",
    "assist": "assist",
    "consult": "consult",
    "stay_neutral": "stay neutral",
    "refrain_from_attack": "refrain from attacking",
    "join_offensive": "join the offensive",
    "deploy_collective_forces": "deploy collective forces",
    # checks of the evaluation (condition kinds and the engine's own steps)
    "in_force": "treaty in force",
    "coverage": "facts cover the date",
    "verified_through": "facts verified through",
    "version": "wording in force",
    "event_kind": "kind of event covered",
    "cyber_doctrine": "declared cyber doctrine",
    "target_party": "target protected",
    "bound": "parties bound",
    "adversary": "named adversary",
    "location": "place covered",
    "conflict": "specific conflict",
    "number": "number of attackers",
    "demand": "demand refused",
    "non_provocation": "attack unprovoked",
    "attacker_outside": "attacker outside the alliance",
    "state_attacker": "attacker is a state",
    "target_territory": "on the target's territory",
    "request": "request needed",
    "decision": "decision needed",
    "any_of": "either branch",
    "provision": "article's verdict",
    "non_aggression_check": "non-aggression",
    "neutrality_check": "neutrality",
    "offense_check": "offensive pledge",
    "breach": "breach",
    "suspended_parties": "suspended parties",
    "suspension": "suspension towards one party",
    "excluded_party": "excluded government",
    "collective_action": "collective action taken",
    "membership": "membership",
    "no_mutual_defence_check": "no mutual-defence obligation",
}

#: ATOP's obligation columns, as the ATOP-derived provisions name their "article" (``ATOP 2470 nonagg``).
ATOP_COLUMNS = {
    "defense": "defence",
    "offense": "offence",
    "neutral": "neutrality",
    "nonagg": "non-aggression",
    "consul": "consultation",
}

#: Step checks that share their name with an enum value read differently as a check.
_CHECK_WORDS = {"non_aggression", "neutrality", "offense", "no_mutual_defence"}


def plain(value: str | StrEnum) -> str:
    """The plain word for a machine value.

    Raises:
        KeyError: A value with no word (add it to :data:`WORDS`).
    """
    return WORDS[str(value)]


def plain_check(check: str) -> str:
    """The plain name of an explanation step's check (``event_kind`` → ``kind of event covered``).

    Raises:
        KeyError: A check with no word (add it to :data:`WORDS`).
    """
    return WORDS[f"{check}_check"] if check in _CHECK_WORDS else WORDS[check]


def article_label(p: Provision) -> str:
    """How an article is written in prose: ``Art. 5``, ``ATOP 2470 non-aggression``, or as the treaty writes it.

    ATOP codes obligations, not articles: its provisions are named by alliance and obligation column.
    """
    if p.article[:1].isdigit():
        return f"Art. {p.article}"
    head, _, col = p.article.rpartition(" ")
    if head.startswith("ATOP ") and col in ATOP_COLUMNS:
        return f"{head} {ATOP_COLUMNS[col]}"
    return p.article


def provision_label(p: Provision) -> str:
    """An article with its kind of pledge: ``Art. 5 (defence obligation)``, ``ATOP 2470 non-aggression obligation``."""
    if p.article.startswith("ATOP ") and p.article.rpartition(" ")[2] in ATOP_COLUMNS:
        return f"{article_label(p)} {plain(p.modality)}"
    return f"{article_label(p)} ({plain(p.kind)} {plain(p.modality)})"
