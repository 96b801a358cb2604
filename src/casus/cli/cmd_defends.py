"""``casus defends``: who must defend a state (and against whom), or whom an attack by a state would bring in.

A thin command over :func:`casus.defends` (``docs/defends.md``); ``-f json`` prints :func:`casus.to_dict` of the
report, the same JSON as ``GET /api/v1/defends``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from casus.cli.options import AtopOpt, Format, FormatOpt, OnOpt, emit, note

_MAX_NAMES = 6
_MAX_WHY = 110


def _names(names: list[str]) -> str:
    more = f" +{len(names) - _MAX_NAMES}" if len(names) > _MAX_NAMES else ""
    return ", ".join(names[:_MAX_NAMES]) + more


def against_text(group: dict[str, Any], label: str) -> str:
    """The attackers of a group in words ("any non-party of NATO", "any state except Russia")."""
    a = group["against"]
    listed = _names(a["states"])
    return {
        "any": f"any state ({a['count']})",
        "non-parties": f"any non-party of {label} ({a['count']})",
        "non-parties-except": f"any non-party of {label} except {listed}",
        "any-except": f"any state except {listed}",
        "only": listed,
    }[a["kind"]]


def _why(group: dict[str, Any]) -> str:
    if group["verdict"] == "indeterminate":
        text = f"{group['deciding']}: {group['deciding_fact'] or ''}"
    else:
        party = next((c for c in group["conditions"] if c["check"] == "target_party"), None)
        text = party["detail"] if party is not None else ""
    return text if len(text) <= _MAX_WHY else text[: _MAX_WHY - 1] + "…"


def _label(group: dict[str, Any]) -> str:
    if group["treaty"].startswith("atop-"):
        return f"ATOP {group['atop_id']}"
    return str(group["organization"]).upper() if group["organization"] else str(group["treaty"])


def defends(
    target: Annotated[str | None, typer.Option(help="The state attacked: who must defend it, against whom.")] = None,
    attacker: Annotated[str | None, typer.Option(help="The attacker: whom an attack by it would bring in.")] = None,
    on: OnOpt = None,
    atop: AtopOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Who is obligated to defend a state, under which treaty article, against whom, and why (or the reverse).

    With --target: one line per pledge (treaty, article, verdict), the states obligated and the attackers it
    answers, described as a rule ("any non-party of NATO") rather than listed. With --attacker: one line per
    state it could attack and pledge. Indeterminate answers name the fact they wait for.
    """
    import casus

    report = casus.defends(target=target, attacker=attacker, on=on, atop=atop)
    data = casus.to_dict(report)
    rows = []
    alone = 0
    for g in data["groups"]:
        if not g["obligated"]:
            alone += 1  # the attacker is the only other party: nobody else bears the pledge
            continue
        label = _label(g)
        article = g["provision"]["article"]
        rows.append(
            {
                "target": g["target"],
                "treaty": label,
                "article": f"Art. {article}" if article[:1].isdigit() else article,
                "kind": g["provision"]["kind"],
                "verdict": g["verdict"],
                "obligated": f"{len(g['obligated'])}: {_names(g['obligated'])}" if g["obligated"] else "-",
                "against": against_text(g, label),
                "why": _why(g),
            }
        )
    columns = ["treaty", "article", "kind", "verdict", "obligated", "against", "why"]
    if report.target is None:
        columns = ["target", *columns[:-2]]
    who = data["target"] or data["attacker"]
    title = f"{'Defenders of' if report.target else 'Attack by'} {who['name']} on {data['on']}"
    if fmt is Format.TABLE and alone:
        note(f"{alone} pledge(s) where the attacker is the only other party (nobody else bound) are in -f json")
    if not rows and fmt is Format.TABLE:
        note(f"no treaty in force obliges anyone here on {data['on']}")
    emit(rows, columns, fmt, json_data=data, title=title, caption=data["system"]["note"])


def register(app: typer.Typer) -> None:
    """Add ``casus defends`` to the main app."""
    app.command("defends")(defends)
