"""ATOP 5.1 into the knowledge base: every alliance since 1815 as organizations, treaties, provisions, spells.

Each ATOP alliance ``N`` becomes an organization ``atop-N`` (origin ``atop``, coverage 1815-01-01 to
2018-12-31) whose members are ATOP's member spells, and one treaty per alliance phase (``atop-N`` for a
single-phase alliance, ``atop-N-pK`` for phase K) whose provisions carry ATOP's obligations:

* obligations stay **per member**: a provision lists the members bound by it (``bound``), so the one-sided
  Belgium–France pledge of 1832 (atopid 1060) obliges France only;
* ATOP's condition flags (``defcoadv``, ``defcoloc``, ``defcocon``, ``defconum``, ``defcodem``, ``defconpr``)
  become conditions **without details** (ATOP codes *that* a pledge is limited to a location, not *which*), so
  they evaluate as ``indeterminate`` — never silently "triggered". The one detail ATOP gives, the state a
  treaty names as its threat (``statthr1``, ``statthr2``), fills the adversary condition, with a note;
* ATOP does not code whether the attacker must be outside the alliance; casus assumes it (as the curated
  treaties state) and says so in the condition's text;
* curated treaties take precedence: an alliance whose ``atopid`` a curated treaty claims (NATO 3180, CSTO 4220)
  is left out — ``casus data reconcile`` lists where the two disagree.

References:
    Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "Alliance Treaty
    Obligations and Provisions, 1815-1944." International Interactions 28: 237-260. ATOP 5.1 codebook (2022).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from casus.data.provenance import get_provenance
from casus.errors import UnknownEntityError
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership, Status
from casus.kb.organizations import Organization
from casus.kb.sources import Coverage, Source, SourceKind
from casus.kb.states import StateRegistry
from casus.kb.treaties import (
    Action,
    Condition,
    ConditionKind,
    CrisisKind,
    Modality,
    PledgeKind,
    Provision,
    Treaty,
)

ATOP_SOURCE = Source(
    id="atop-5.1",
    title="Alliance Treaty Obligations and Provisions (ATOP) dataset, version 5.1",
    kind=SourceKind.DATASET,
    publisher="Brett Ashley Leeds et al.",
    url="http://www.atopdata.org/",
    published=dt.date(2022, 1, 1),
    note="CSTO is ATOP alliance 4220; NATO is 3180. ATOP dates entry by signature and covers 1815-2018.",
)
_PROVENANCE = get_provenance("atop", "5.1")
COVERAGE_START = dt.date(_PROVENANCE.coverage_start, 1, 1)
"""First day ATOP 5.1 speaks for (its provenance record)."""
COVERAGE_END = _PROVENANCE.observed_until or dt.date(_PROVENANCE.coverage_end, 12, 31)
"""Last day ATOP 5.1 speaks for (its provenance record's censoring date)."""

_KINDS: dict[str, tuple[PledgeKind, Action, tuple[CrisisKind, ...], str]] = {
    "defense": (PledgeKind.DEFENSE, Action.ASSIST, (CrisisKind.ARMED_ATTACK,), "def"),
    "offense": (PledgeKind.OFFENSE, Action.JOIN_OFFENSIVE, (CrisisKind.ARMED_ATTACK,), "off"),
    "neutral": (PledgeKind.NEUTRALITY, Action.STAY_NEUTRAL, (CrisisKind.ARMED_ATTACK,), "neu"),
    "nonagg": (PledgeKind.NON_AGGRESSION, Action.REFRAIN, (CrisisKind.ARMED_ATTACK,), ""),
    "consul": (PledgeKind.CONSULTATION, Action.CONSULT, (CrisisKind.THREAT, CrisisKind.ARMED_ATTACK), "con"),
}
#: ATOP condition suffixes → casus condition kinds (the codebook's DEFCOADV… family).
_CONDS: tuple[tuple[str, ConditionKind, str], ...] = (
    ("coadv", ConditionKind.ADVERSARY, "conditional on a particular adversary or type of adversary"),
    ("coloc", ConditionKind.LOCATION, "conditional on conflict in a particular location"),
    ("cocon", ConditionKind.CONFLICT, "conditional on a particular ongoing conflict"),
    ("conum", ConditionKind.NUMBER, "conditional on the number of adversaries"),
    ("codem", ConditionKind.DEMAND, "conditional on the ally or adversary meeting demands"),
    ("conpr", ConditionKind.NON_PROVOCATION, "conditional on the ally not provoking the adversary"),
)


def _date(value: Any) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _flag(row: Any, col: str) -> bool:
    value = row.get(col) if hasattr(row, "get") else getattr(row, col, None)
    return bool(value) and not pd.isna(value) and int(value) == 1


@functools.cache
def load_atop_limits() -> dict[tuple[int, str], Condition]:
    """Curated details of ATOP's limited pledges: which location, adversary or conflict a flag refers to.

    Read from ``curated/data/atop_limits.csv`` (atopid, kind, values, sources, text). A row only fills in a
    condition ATOP codes (``DEFCOLOC``, ``DEFCOADV``, ``DEFCOCON``); it never adds one.
    """
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "curated" / "data" / "atop_limits.csv"
    out: dict[tuple[int, str], Condition] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = ConditionKind(row["kind"])
            out[(int(row["atopid"]), kind.value)] = Condition(
                kind, tuple(row["values"].split()), row["text"], ("atop-5.1", *row["sources"].split())
            )
    return out


def _conditions(
    prefix: str, rows: list[Any], threats: tuple[str, ...], registry: StateRegistry, aid: int = 0
) -> tuple[Condition, ...]:
    src = ("atop-5.1",)
    out: list[Condition] = []
    if prefix in ("def", "neu", "con"):
        out.append(
            Condition(
                ConditionKind.TARGET_TERRITORY,
                (),
                "the attack must be on a member (ATOP: attack on the ally's sovereignty or territory)",
                src,
            )
        )
    if prefix == "def":
        out.append(
            Condition(
                ConditionKind.ATTACKER_OUTSIDE,
                (),
                "ATOP does not code this; casus assumes collective "
                "defence is against outside attackers, as the curated treaties state",
                src,
            )
        )
    for suffix, kind, text in _CONDS:
        col = prefix + suffix
        if prefix == "con" and suffix in ("conum", "codem", "conpr"):
            continue
        if prefix == "off" and suffix == "conpr":
            continue
        if any(_flag(r, col) for r in rows):
            curated = load_atop_limits().get((aid, kind.value)) if prefix == "def" else None
            if curated is not None:
                out.append(curated)
                continue
            values: tuple[str, ...] = ()
            note = f"ATOP: {text} ({col.upper()}); details not coded"
            if kind is ConditionKind.ADVERSARY and threats:
                values = threats
                names = ", ".join(registry.get(t).name for t in threats)
                note = f"ATOP: {text}; the treaty names {names} as its threat (STATTHR), read here as the adversary"
            out.append(Condition(kind, values, note, src))
    return tuple(out)


def _state_id(registry: StateRegistry, ccode: int) -> str | None:
    try:
        return registry.by_cow(int(ccode)).id
    except UnknownEntityError:
        return None


def _rows_by_alliance(members: pd.DataFrame) -> dict[int, list[dict[str, Any]]]:
    """The member rows of each alliance, as plain records (missing values ``None``), by phase, date, member."""
    flags = [c for k in ("def", "off", "neu", "con") for c in members.columns if c.startswith(k + "co")]
    cols = ["atopid", "member", "phase", "ent_date", "exit_date", "ongoing", *_KINDS, *flags]
    table = members[cols].sort_values(["atopid", "phase", "ent_date", "member"])
    records = table.astype(object).where(table.notna(), None).to_dict("records")
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        grouped[int(rec["atopid"])].append({str(k): v for k, v in rec.items()})
    return grouped


def _threats(registry: StateRegistry, a: Mapping[Any, Any] | None) -> tuple[str, ...]:
    """The states an alliance names as its threats (ATOP's STATTHR1, STATTHR2)."""
    if a is None:
        return ()
    codes = [a.get("statthr1"), a.get("statthr2")]
    return tuple(
        s for c in codes if c is not None and not pd.isna(c) and int(c) > 0 if (s := _state_id(registry, int(c)))
    )


def _alliance_org(
    registry: StateRegistry, aid: int, rows: list[dict[str, Any]], a: Mapping[Any, Any] | None
) -> Organization:
    """An ATOP alliance as a (non-curated) organization named after its first members."""
    org_id = f"atop-{aid}"
    states = [s for s in dict.fromkeys(_state_id(registry, r["member"]) for r in rows) if s]
    begin = min(_date(r["ent_date"]) or COVERAGE_END for r in rows)
    ongoing = any(bool(r["ongoing"]) for r in rows)
    end = None if ongoing else max(_date(r["exit_date"]) or begin for r in rows)
    names = [registry.name_on(s, begin) for s in states]
    label = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    return Organization(
        id=org_id,
        name=f"ATOP {aid} ({begin.year}): {label}",
        acronyms=(("en", f"ATOP {aid}"),),
        founded=begin,
        dissolved=end,
        institutional=bool(a is not None and int(a.get("organ1") or 0) > 0),
        coverage=Coverage(COVERAGE_START, COVERAGE_END, org_id),
        sources=("atop-5.1",),
        origin="atop",
        note="Imported from ATOP 5.1; dates follow ATOP (entry at signature).",
    )


def _phase_provisions(
    registry: StateRegistry, aid: int, tid: str, phase: str, prow: list[dict[str, Any]], threats: tuple[str, ...]
) -> list[Provision]:
    """One provision per ATOP obligation of a phase and per group of members bound under the same conditions.

    ``phase`` is the article's phase label (`` phase 2``), empty for a single-phase alliance.
    """
    provisions: list[Provision] = []
    phase_states = {sid for r in prow if (sid := _state_id(registry, r["member"]))}
    for col, (kind, action, triggers, prefix) in _KINDS.items():
        groups: dict[tuple[Condition, ...], list[str]] = defaultdict(list)
        for r in prow:
            if not _flag(r, col) or (sid := _state_id(registry, r["member"])) is None:
                continue
            conds = _conditions(prefix, [r], threats, registry, aid) if prefix else ()
            groups[conds].append(sid)
        for i, (conds, bound) in enumerate(sorted(groups.items(), key=lambda kv: len(kv[0]))):
            if set(bound) == phase_states:
                bound = []  # everyone is bound: not a one-sided pledge
            suffix = f"-{i + 1}" if len(groups) > 1 else ""
            provisions.append(
                Provision(
                    id=f"{tid}-{col}{suffix}",
                    article=f"ATOP {aid}{phase} {col}",
                    kind=kind,
                    modality=Modality.OBLIGATION,
                    action=action,
                    triggers=triggers,
                    conditions=conds,
                    quote="",
                    sources=("atop-5.1",),
                    bound=tuple(dict.fromkeys(bound)),
                    note="ATOP codes obligations, not treaty wording; see the ATOP documents for the text.",
                )
            )
    return provisions


def _alliance_treaties(
    registry: StateRegistry, org: Organization, aid: int, rows: list[dict[str, Any]], threats: tuple[str, ...]
) -> list[Treaty]:
    """An alliance's treaty, or one per phase when ATOP codes several (a phase change is a new text)."""
    begin = org.founded or COVERAGE_END
    by_phase: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_phase[int(r["phase"])].append(r)
    multi = len(by_phase) > 1
    treaties = []
    for phase, prow in sorted(by_phase.items()):
        tid = f"{org.id}-p{phase}" if multi else org.id
        p_start = min(_date(r["ent_date"]) or begin for r in prow)
        ongoing = any(bool(r["ongoing"]) for r in prow)
        p_end = None if ongoing else max(_date(r["exit_date"]) or p_start for r in prow)
        provisions = _phase_provisions(registry, aid, tid, f" phase {phase}" if multi else "", prow, threats)
        treaties.append(
            Treaty(
                id=tid,
                title=org.name + (f", phase {phase}" if multi else ""),
                organization=org.id,
                signed=p_start,
                in_force=p_start,
                terminated=p_end,
                provisions=tuple(provisions),
                sources=("atop-5.1",),
                atop_id=aid,
                origin="atop",
            )
        )
    return treaties


def atop_knowledge(
    registry: StateRegistry,
    members: pd.DataFrame,
    alliances: pd.DataFrame,
    *,
    exclude_atopids: Iterable[int] = (),
) -> KnowledgeBase:
    """Build a knowledge base of ATOP alliances from the loaded ATOP member and alliance frames.

    Args:
        registry: State registry (COW codes → state ids).
        members: :func:`casus.data.atop.load_atop_members`.
        alliances: :func:`casus.data.atop.load_atop_alliances`.
        exclude_atopids: Alliances curated knowledge already covers.
    """
    skip = set(int(x) for x in exclude_atopids)
    alli = alliances.set_index("atopid")
    threat_cols = [c for c in ("statthr1", "statthr2", "organ1") if c in alli.columns]
    alli_recs = alli[threat_cols].astype(object).where(alli[threat_cols].notna(), None).to_dict("index")
    orgs: list[Organization] = []
    treaties: list[Treaty] = []
    spells: list[Membership] = []
    for aid, rows in sorted(_rows_by_alliance(members).items()):
        if aid in skip:
            continue
        a = alli_recs.get(aid)
        org = _alliance_org(registry, aid, rows, a)
        orgs.append(org)
        treaties += _alliance_treaties(registry, org, aid, rows, _threats(registry, a))
        spells.extend(_member_spells(registry, org.id, rows))
    return KnowledgeBase(registry, orgs, treaties, spells, (), [ATOP_SOURCE], validate=False)


def _member_spells(registry: StateRegistry, org_id: str, rows: list[dict[str, Any]]) -> list[Membership]:
    """Merge a member's phase rows into non-overlapping spells (a phase change is not an exit)."""
    per_state: dict[str, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for r in rows:
        sid = _state_id(registry, r["member"])
        start = _date(r["ent_date"])
        if sid is None or start is None:
            continue
        per_state[sid].append((start, None if r["ongoing"] else _date(r["exit_date"])))
    out = []
    for sid, spans in per_state.items():
        spans.sort(key=lambda s: s[0])
        merged: list[list[Any]] = []
        for start, end in spans:
            if merged and (merged[-1][1] is None or start <= merged[-1][1]):
                last = merged[-1]
                last[1] = None if (last[1] is None or end is None) else max(last[1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            if end is not None and end <= start:
                continue
            out.append(Membership(sid, org_id, Status.MEMBER, start, end, sources=("atop-5.1",)))
    return out


@functools.cache
def _cached(path: str | None, exclude: frozenset[int]) -> KnowledgeBase:
    from casus.curated import load_states
    from casus.data.atop import load_atop_alliances, load_atop_members

    return atop_knowledge(load_states(), load_atop_members(path), load_atop_alliances(path), exclude_atopids=exclude)


def load_atop_kb(path: str | os.PathLike[str] | None = None, *, exclude_atopids: Iterable[int] = ()) -> KnowledgeBase:
    """ATOP 5.1 as a knowledge base (cached per process).

    Raises:
        DataUnavailableError: The ATOP files are not on this machine (``casus data fetch atop``).
    """
    return _cached(None if path is None else str(path), frozenset(int(x) for x in exclude_atopids))


def with_atop(curated: KnowledgeBase, path: str | os.PathLike[str] | None = None) -> KnowledgeBase:
    """The curated knowledge base extended with every ATOP alliance it does not already curate."""
    claimed = {t.atop_id for t in curated.treaties.values() if t.atop_id is not None}
    return curated.merge(load_atop_kb(path, exclude_atopids=claimed))
