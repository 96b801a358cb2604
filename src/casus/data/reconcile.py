"""Where curated facts and ATOP disagree: membership dates of the alliances both describe.

Curated treaties name their ATOP alliance (``atop_id``: NATO 3180, CSTO 4220, …). For each, the curated
spells in which a state is a party (member or suspended, merged when consecutive) are compared with ATOP's
member spells (merged across phases). Each disagreement is listed with both values and both sources; ends
after ATOP's coverage (2018-12-31) are not disagreements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from casus.data.atop_kb import COVERAGE_END, atop_knowledge
from casus.kb.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Disagreement:
    """One difference between a curated spell and ATOP's."""

    organization: str
    atop_id: int
    state: str
    field: str
    curated: str | None
    atop: str | None
    curated_sources: tuple[str, ...]
    note: str = ""


def _party_spans(kb: KnowledgeBase, scope: str) -> dict[str, list[tuple[dt.date, dt.date | None, tuple[str, ...]]]]:
    out: dict[str, list[tuple[dt.date, dt.date | None, tuple[str, ...]]]] = {}
    for m in kb.spells(scope):
        if not m.status.is_party:
            continue
        spans = out.setdefault(m.state, [])
        if spans and spans[-1][1] == m.start:
            start, _, src = spans[-1]
            spans[-1] = (start, m.end, src)
        else:
            spans.append((m.start, m.end, m.sources))
    return out


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def reconcile(curated: KnowledgeBase, members: pd.DataFrame, alliances: pd.DataFrame) -> list[Disagreement]:
    """Every disagreement between curated membership spells and ATOP 5.1 for the alliances both cover.

    Args:
        curated: The curated knowledge base.
        members: ATOP member-level frame (:func:`casus.data.atop.load_atop_members`).
        alliances: ATOP alliance-level frame.
    """
    claimed = {t.atop_id: t.party_scope for t in curated.treaties.values() if t.atop_id is not None}
    keep = members[members["atopid"].isin(list(claimed))]
    atop = atop_knowledge(curated.states, keep, alliances[alliances["atopid"].isin(list(claimed))])
    out: list[Disagreement] = []
    for aid, scope in sorted(claimed.items()):
        ours = _party_spans(curated, scope)
        theirs = _party_spans(atop, f"atop-{aid}")
        for state in sorted(set(ours) | set(theirs), key=lambda s: curated.states.get(s).name):
            a, b = ours.get(state, []), theirs.get(state, [])
            a = [s for s in a if s[0] <= COVERAGE_END]
            if not a and not b:
                continue
            if not a or not b:
                out.append(
                    Disagreement(
                        scope,
                        aid,
                        state,
                        "membership",
                        "party" if a else None,
                        "party" if b else None,
                        a[0][2] if a else (),
                        "listed by one source only",
                    )
                )
                continue
            if len(a) != len(b):
                out.append(
                    Disagreement(
                        scope,
                        aid,
                        state,
                        "spells",
                        "; ".join(f"{_iso(s)}→{_iso(e) or 'open'}" for s, e, _ in a),
                        "; ".join(f"{_iso(s)}→{_iso(e) or 'open'}" for s, e, _ in b),
                        a[0][2],
                        "different number of spells",
                    )
                )
                continue
            for (s1, e1, src), (s2, e2, _) in zip(a, b, strict=True):
                if s1 != s2:
                    out.append(
                        Disagreement(
                            scope, aid, state, "start", _iso(s1), _iso(s2), src, f"{abs((s1 - s2).days)} days apart"
                        )
                    )
                e1c = e1 if e1 is None or e1 <= COVERAGE_END else None
                if e1c != e2:
                    out.append(
                        Disagreement(
                            scope,
                            aid,
                            state,
                            "end",
                            _iso(e1c),
                            _iso(e2),
                            src,
                            "ATOP: ongoing on 2018-12-31" if e2 is None else "",
                        )
                    )
    return out
