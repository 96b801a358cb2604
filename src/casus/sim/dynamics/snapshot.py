"""The starting point of a membership simulation: an organization's roster, candidates and covariates.

:func:`org_snapshot` combines the knowledge base (who is a member on the start date, since when, who left,
which requests for help went unanswered) with the datasets (CINC, major-power status, MID involvement,
other alliances) of the start year — or, when the data stop before it (NMC 6.0 in 2016, MID 5.0 in 2014,
ATOP in 2018), of their last year. These values are held fixed over the simulation, and
:attr:`OrgSnapshot.notes` says so.

The organization's own ATOP alliance is the one its treaties declare (``atop_id`` in the curated YAML: CSTO
4220, NATO 3180); its founding year, defence pledge, organ and openness come from ATOP's alliance file, and
its members are not counted as ties through "other" alliances. Without a declared alliance in force in ATOP
on the start date, those covariates are assumed (a defence pledge, open) and the notes say so.

Requests for help and the cohesion covariates: a ``request_for_assistance`` event of the organization
marks its actor as *targeted* that year; with no ``deployment`` event of the organization within
:data:`ANSWER_DAYS` days it is also *unassisted* (Armenia, 13 September 2022). The covariates are on for
the three following years, as in the fitted exit model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from casus.errors import InvalidInputError
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership
from casus.kb.organizations import Organization
from casus.sim.panel import (
    F64,
    I64,
    DynamicsFrames,
    alliance_spells,
    alliance_table,
    cow_region,
    state_panel,
)

ANSWER_DAYS = 90
"""A request counts as answered when the organization deploys within this many days."""


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
        atopid: The organization's ATOP alliance (the ``atop_id`` its treaties declare), when ATOP has it on the
            start date.
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
    notes: list[str] = []
    pool, status, former = _pool(kb, organization, start, candidates, notes)
    members = list(status)
    spells = kb.spells(organization.id)
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
    ref = min(start.year, frames.last_year)  # the data year standing for the start date
    alliance = _alliance_covariates(kb, organization, frames, start, ccodes, is_member, notes)
    targeted, unanswered = _requests(kb, organization.id, start)
    if unassisted is not None:
        unanswered = {kb.state(k).id: int(v) for k, v in unassisted.items()}
        targeted = {**targeted, **unanswered}
    notes += [
        f"covariates held at their values of {ref} or the last year observed before it: CINC "
        f"{min(ref, panel.nmc_last)} (NMC), MIDs {min(ref, panel.mid_last)} (MID 5.0), alliances "
        f"{ref} (ATOP 5.1), major powers {min(ref, int(frames.majors['endyear'].max()))} (COW)",
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
        cinc=np.nan_to_num(panel.cinc[ccodes, panel.col(ref)], nan=1e-6),
        major=panel.major[ccodes, panel.col(ref)],
        mid_any=panel.mid_any[ccodes, panel.col(min(ref, panel.mid_last))],
        region=cow_region(ccodes),
        targeted_year=np.array([targeted.get(s, 0) for s in pool], dtype=np.int64),
        unassisted_year=np.array([unanswered.get(s, 0) for s in pool], dtype=np.int64),
        notes=tuple(notes),
        **alliance,
    )


def _pool(
    kb: KnowledgeBase, organization: Organization, start: dt.date, candidates: Sequence[str], notes: list[str]
) -> tuple[list[str], dict[str, str], list[str]]:
    """Who is simulated: members first, then former members and candidates (those with a COW code).

    Returns:
        The states, the members' statuses on the start date, and the former members.

    Raises:
        InvalidInputError: No member on the start date has a COW code.
    """
    roster = kb.members_on(organization, start)
    status = {m.state: m.status.value for m in roster.members if m.status.is_party}
    members = list(status)
    spells = kb.spells(organization.id)
    former = sorted({m.state for m in spells if m.status.is_party and m.start <= start} - set(members))
    extra = [kb.state(c).id for c in candidates]
    pool = [*members, *(s for s in dict.fromkeys([*former, *extra]) if s not in members)]
    kept = [s for s in pool if kb.states.get(s).cow]
    if len(kept) < len(pool):
        notes.append(f"left out (no COW code): {', '.join(sorted(set(pool) - set(kept)))}")
    if not any(s in members for s in kept):
        raise InvalidInputError(f"{organization.name}: no member on {start} has a COW code")
    return kept, status, former


def _declared_alliance(kb: KnowledgeBase, organization: Organization) -> tuple[int, str] | None:
    """The ATOP alliance the organization's treaties declare (``atop_id`` in the curated YAML), and the treaty.

    The one link between an organization and ATOP. Several treaties naming different alliances: the first
    treaty's (in the knowledge base's order).
    """
    declared = [(t.atop_id, t.title) for t in kb.treaties_of(organization.id) if t.atop_id is not None]
    return declared[0] if declared else None


def _alliance_covariates(
    kb: KnowledgeBase,
    organization: Organization,
    frames: DynamicsFrames,
    start: dt.date,
    ccodes: I64,
    is_member: np.ndarray,
    notes: list[str],
) -> dict[str, Any]:
    """The alliance covariates from ATOP, as of the start date (or ATOP's last day); appends to ``notes``.

    The organization's own alliance is its declared ``atop_id``; ties run through the other alliances in force
    on that day, and ``n_multi`` counts the other multilateral ones.
    """
    sp = alliance_spells(frames.members, frames.last_year)
    ref_day = np.datetime64(min(start, frames.observed_until).isoformat(), "D")
    started = sp["start"].to_numpy("datetime64[D]") <= ref_day
    not_ended = sp["ongoing"].to_numpy() | (sp["end"].to_numpy("datetime64[D]") > ref_day)
    live = sp.loc[started & not_ended]
    tab = alliance_table(frames.alliances, frames.last_year).set_index("atopid")
    declared = _declared_alliance(kb, organization)
    atopid = declared[0] if declared and declared[0] in set(live["atopid"].tolist()) else None
    mset = set(ccodes[is_member].tolist())
    others = live.loc[live["atopid"] != (atopid or -1)]
    by_alliance = others.groupby("atopid")["ccode"].apply(set)
    tied = np.array([any(c in s and len(s & (mset - {c})) > 0 for s in by_alliance) for c in ccodes])
    multi_ids = set(tab.index[tab["bilat"] == 0].tolist())
    n_multi = np.log1p([sum(c in s for a, s in by_alliance.items() if a in multi_ids) for c in ccodes])
    if atopid is not None and declared is not None:
        vals = tab.loc[[atopid], ["begyr", "defense", "organ", "open"]].to_numpy(np.int64)[0]
        founded, defense, organ, open_ = (int(v) for v in vals)
        notes.append(f"ATOP alliance {atopid}: the atop_id of {declared[1]}")
    else:
        founded = organization.founded.year if organization.founded else start.year
        defense, organ, open_ = 1, int(organization.institutional), 1
        why = (
            f"ATOP alliance {declared[0]} (the atop_id of {declared[1]}) is not in force in ATOP on {ref_day}"
            if declared
            else "no treaty of the organization declares an ATOP alliance (atop_id)"
        )
        notes.append(f"{why}; alliance covariates assumed (defence pledge, open)")
    return {
        "tied": tied,
        "n_multi": np.asarray(n_multi, dtype=np.float64),
        "atopid": atopid,
        "founded": founded,
        "defense": defense,
        "organ": organ,
        "open": open_,
    }
