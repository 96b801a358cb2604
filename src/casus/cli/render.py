"""Readable terminal rendering of casus-foederis results (rich)."""

from __future__ import annotations

from typing import Any

from casus.kb.knowledge import KnowledgeBase
from casus.obligations.crisis import Crisis

_STYLE = {
    "triggered": "bold red",
    "not_triggered": "green",
    "indeterminate": "bold yellow",
    "no_mutual_defence": "bold blue",
}
_MARK = {
    "pass": "[green]✓[/]",
    "fail": "[red]✗[/]",
    "unknown": "[yellow]?[/]",
    "procedure": "[cyan]→[/]",
    "info": "[dim]·[/]",
}


def _short(text: str, limit: int = 200) -> str:
    """The first sentences of a long explanation, up to about ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" — ", 0, limit)
    cut = cut if cut > 40 else text.rfind(". ", 0, limit)
    return text[: cut if cut > 40 else limit].rstrip(" .") + " …"


def describe_crisis(kb: KnowledgeBase, crisis: Crisis) -> str:
    """One-line description of the question."""
    target = kb.states.name_on(crisis.target, crisis.on)
    where = crisis.place.name + (" (disputed)" if crisis.place.disputed else "")
    return f"{crisis.kind.value} by {crisis.attacker.label} on {target} at {where}, {crisis.on}"


def print_results(kb: KnowledgeBase, crisis: Crisis, results: list[dict[str, Any]], *, brief: bool = False) -> None:
    """Print each treaty's verdict, duties, permissions and (unless ``brief``) its trace."""
    from rich.console import Console

    console = Console(highlight=False)
    console.print(f"[bold]Question:[/] {describe_crisis(kb, crisis)}")
    if not results:
        console.print("  No treaty in force binds the target or the attacker on that date.")
    for r in results:
        verdict = r["verdict"]
        org = f" [{r['organization']}]" if r["organization"] else ""
        prov = r["provision"]
        art = (
            f" — Art. {prov['article']}"
            if prov and prov["article"][:1].isdigit()
            else (f" — {prov['article']}" if prov else "")
        )
        console.print(f"\n[{_STYLE[verdict]}]{verdict.upper()}[/] {r['treaty_title']}{org}{art}")
        if r.get("unknown_after"):
            console.print(f"  [yellow]unknown after {r['unknown_after']} (coverage)[/]")
        if r["obligated"]:
            names = ", ".join(kb.states.name_on(s, crisis.on) for s in r["obligated"])
            actions = sorted({d["action"] for d in r["duties"]})
            console.print(f"  obligated to {' and '.join(actions)}: {names}")
        for p in r["permitted"]:
            state = "permitted" if p["available"] else "permitted if"
            needs = "; ".join(p["requires"]) or "no further condition"
            console.print(f"  [cyan]{state}[/]: {p['action']} ({p['article']}) — {needs}")
        if brief:
            decisive = [
                s for s in r["explanation"] if s["outcome"] in ("fail", "unknown") and s["check"] != "provision"
            ]
            decisive = list({s["detail"]: s for s in decisive}.values())
            for s in decisive[:2]:
                console.print(f"  {_MARK[s['outcome']]} {_short(s['detail'])}")
            continue
        for s in r["explanation"]:
            if s["check"] == "provision":
                console.print(f"    [bold]{s['detail']}[/]")
            else:
                console.print(f"  {_MARK[s['outcome']]} {s['check']}: {s['detail']}")
