"""The starting point of a membership simulation: an organization's roster, candidates and covariates.

:func:`org_snapshot` combines the knowledge base (who is a member on the start date, since when, who left,
which requests for help went unanswered) with the datasets (CINC, major-power status, MID involvement,
other alliances) of the start year — or, when the data stop before it (NMC 6.0 in 2016, MID 5.0 in 2014,
ATOP in 2018), of their last year. These values are held fixed over the simulation, and
:attr:`OrgSnapshot.notes` says so.

Requests for help and the cohesion covariates: a ``request_for_assistance`` event of the organization
marks its actor as *targeted* that year; with no ``deployment`` event of the organization within
:data:`ANSWER_DAYS` days it is also *unassisted* (Armenia, 13 September 2022). The covariates are on for
the three following years, as in the fitted exit model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from casus.errors import InvalidInputError
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership
from casus.sim.panel import (
    F64,
    I64,
    LAST_YEAR,
    DynamicsFrames,
    alliance_spells,
    alliance_table,
    cow_region,
    state_panel,
)

ANSWER_DAYS = 90
"""A request counts as answered when the organization deploys within this many days."""
MATCH_JACCARD = 0.5
"""Smallest overlap of rosters for an organization to be matched to an ATOP alliance."""


@dataclass(frozen=True)
class OrgSnapshot:
    """Members and candidates of an organization on the start date, with their covariates.

    Arrays are aligned with ``states`` (members first, then candidates).

    Attributes:
        organization: Organization id.
        name: Its name.
        start: Start date.
        states: KB state ids.
        names: Display names.
        ccodes: COW codes.
        member: Member (or suspended member) on the start date.
        status: KB status on the start date (``candidate`` for non-members).
        entry_year: Year the current spell began (members), 0 for candidates.
        former: Was a member before.
        cinc: Last known CINC.
        major: COW major power (last known).
        mid_any: In a MID in the last MID year.
        region: COW region (1-6).
        tied: Shares another ATOP alliance with a member on the start date (ATOP ends in 2018).
        n_multi: ``log(1 + number of other multilateral ATOP alliances)`` (ATOP ends in 2018).
        targeted_year: Year of the last request for help (0: none).
        unassisted_year: Year of the last unanswered request (0: none).
        atopid: The matching ATOP alliance, when one matches.
        founded: Year the alliance began (ATOP's, else the organization's founding).
        defense: The alliance has a defence pledge.
        organ: The alliance has an organization (ATOP ``organ1``).
        open: The treaty provides for accession.
        notes: What the snapshot assumes.
    """

    organization: str
    name: str
    start: dt.date
    states: tuple[str, ...]
    names: tuple[str, ...]
    ccodes: I64
    member: np.ndarray
    status: tuple[str, ...]
    entry_year: I64
    former: np.ndarray
    cinc: F64
    major: np.ndarray
    mid_any: np.ndarray
    region: I64
    tied: np.ndarray
    n_multi: F64
    targeted_year: I64
    unassisted_year: I64
    atopid: int | None
    founded: int
    defense: int = 1
    organ: int = 1
    open: int = 1
    notes: tuple[str, ...] = field(default=())


def _current_start(spells: Sequence[Membership], on: dt.date) -> dt.date | None:
    """Start of the continuous party spell (member/suspended) that covers ``on``."""
    ordered = sorted(spells, key=lambda m: m.start)
    cur = next((i for i, m in enumerate(ordered) if m.active_on(on) and m.status.is_party), None)
    if cur is None:
        return None
    i = cur
    while i > 0 and ordered[i - 1].status.is_party and ordered[i - 1].end == ordered[i].start:
        i -= 1
    return ordered[i].start


def _requests(kb: KnowledgeBase, org_id: str, start: dt.date) -> tuple[dict[str, int], dict[str, int]]:
    """Last request year and last unanswered request year per state, from the organization's events."""
    events = [e for e in kb.timeline(org_id) if e.date <= start]
    deployments = [e.date for e in events if e.type == EventType.DEPLOYMENT]
    targeted: dict[str, int] = {}
    unassisted: dict[str, int] = {}
    for e in events:
        if e.type != EventType.REQUEST_FOR_ASSISTANCE:
            continue
        answered = any(e.date <= d <= e.date + dt.timedelta(days=ANSWER_DAYS) for d in deployments)
        for state in e.actors:
            targeted[state] = e.date.year
            if not answered:
                unassisted[state] = e.date.year
    return targeted, unassisted


def org_snapshot(
    kb: KnowledgeBase,
    org: str,
    frames: DynamicsFrames,
    *,
    start: dt.date | None = None,
    candidates: Sequence[str] = (),
    unassisted: Mapping[str, int] | None = None,
) -> OrgSnapshot:
    """Build the starting point of a simulation for an organization of the knowledge base.

    Args:
        kb: The knowledge base.
        org: Organization id, name or acronym.
        frames: The datasets.
        start: Start date (default: the end of the organization's verified coverage).
        candidates: Further states that could join (former members are always candidates).
        unassisted: Override: state (any name or code) → year of an unanswered request for help.

    Raises:
        UnknownEntityError: Unknown organization or state.
        CoverageError: The start date is outside what casus knows of the organization.
        InvalidInputError: No start date can be inferred, or no member has a COW code.
    """
    organization = kb.organization(org)
    start = start or organization.coverage.end
    if start is None:
        raise InvalidInputError(f"{organization.name}: give a start date (its coverage has no end)")
    roster = kb.members_on(organization, start)
    members = [m.state for m in roster.members if m.status.is_party]
    status = {m.state: m.status.value for m in roster.members if m.status.is_party}
    spells = kb.spells(organization.id)
    former = sorted({m.state for m in spells if m.status.is_party and m.start <= start} - set(members))
    extra = [kb.state(c).id for c in candidates]
    pool = [*members, *(s for s in dict.fromkeys([*former, *extra]) if s not in members)]
    notes: list[str] = []
    kept = [s for s in pool if kb.states.get(s).cow]
    if len(kept) < len(pool):
        notes.append(f"left out (no COW code): {', '.join(sorted(set(pool) - set(kept)))}")
    pool = kept
    if not any(s in members for s in pool):
        raise InvalidInputError(f"{organization.name}: no member on {start} has a COW code")
    ccodes = np.array([kb.states.get(s).cow[0] for s in pool], dtype=np.int64)
    is_member = np.array([s in members for s in pool])
    entry = np.array(
        [
            (_current_start([m for m in spells if m.state == s], start) or start).year if s in members else 0
            for s in pool
        ],
        dtype=np.int64,
    )

    panel = state_panel(frames)
    ref = min(start.year, LAST_YEAR)  # the data year standing for the start date
    cinc = np.nan_to_num(panel.cinc[ccodes, panel.col(ref)], nan=1e-6)
    major = panel.major[ccodes, panel.col(ref)]
    mid_any = panel.mid_any[ccodes, panel.col(min(ref, panel.mid_last))]

    # ATOP: the matching alliance, ties through other alliances and other multilateral memberships (2018)
    sp = alliance_spells(frames.members)
    ref_day = np.datetime64(min(start, dt.date(LAST_YEAR, 12, 31)).isoformat(), "D")
    started = sp["start"].to_numpy("datetime64[D]") <= ref_day
    not_ended = sp["ongoing"].to_numpy() | (sp["end"].to_numpy("datetime64[D]") > ref_day)
    live = sp.loc[started & not_ended]
    tab = alliance_table(frames.alliances).set_index("atopid")
    mset = set(ccodes[is_member].tolist())
    best, best_j = None, 0.0
    for aid, grp in live.groupby("atopid"):
        s = set(grp["ccode"].tolist())
        j = len(s & mset) / len(s | mset)
        if j > best_j:
            best, best_j = int(str(aid)), j
    atopid = best if best_j >= MATCH_JACCARD else None
    others = live.loc[live["atopid"] != (atopid or -1)]
    by_alliance = others.groupby("atopid")["ccode"].apply(set)
    tied = np.array([any(c in s and len(s & (mset - {c})) > 0 for s in by_alliance) for c in ccodes])
    multi_ids = set(tab.index[tab["bilat"] == 0].tolist())
    n_multi = np.log1p([sum(c in s for a, s in by_alliance.items() if a in multi_ids) for c in ccodes])
    if atopid is not None:
        vals = tab.loc[[atopid], ["begyr", "defense", "organ", "open"]].to_numpy(np.int64)[0]
        founded, defense, organ, open_ = (int(v) for v in vals)
        notes.append(f"matched to ATOP alliance {atopid} (roster overlap {best_j:.2f})")
    else:
        founded = organization.founded.year if organization.founded else start.year
        defense, organ, open_ = 1, int(organization.institutional), 1
        notes.append("no ATOP alliance matches the roster; alliance covariates assumed (defence pledge, open)")

    targeted, unanswered = _requests(kb, organization.id, start)
    if unassisted is not None:
        unanswered = {kb.state(k).id: int(v) for k, v in unassisted.items()}
        targeted = {**targeted, **unanswered}
    notes += [
        f"covariates held at their values of {ref} or the last year observed before it: CINC "
        f"{min(ref, panel.nmc_last)} (NMC), MIDs {min(ref, panel.mid_last)} (MID 5.0), alliances "
        f"{ref} (ATOP 5.1), major powers {min(ref, 2016)} (COW)",
        "suspended members count as members; the models know no suspension",
    ]
    if unanswered:
        notes.append(
            "unanswered requests for help (KB events): "
            + ", ".join(f"{kb.states.get(s).name} {y}" for s, y in sorted(unanswered.items()))
        )
    return OrgSnapshot(
        organization=organization.id,
        name=organization.name,
        start=start,
        states=tuple(pool),
        names=tuple(kb.states.get(s).name for s in pool),
        ccodes=ccodes,
        member=is_member,
        status=tuple(status.get(s, "candidate") for s in pool),
        entry_year=entry,
        former=np.array([s in former for s in pool]),
        cinc=cinc,
        major=major,
        mid_any=mid_any,
        region=cow_region(ccodes),
        tied=tied,
        n_multi=np.asarray(n_multi, dtype=np.float64),
        targeted_year=np.array([targeted.get(s, 0) for s in pool], dtype=np.int64),
        unassisted_year=np.array([unanswered.get(s, 0) for s in pool], dtype=np.int64),
        atopid=atopid,
        founded=founded,
        defense=defense,
        organ=organ,
        open=open_,
        notes=tuple(notes),
    )
