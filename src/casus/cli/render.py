"""Readable terminal rendering of casus-foederis results (rich), in an analyst's words.

Every machine value is written in plain words (:mod:`casus.obligations.words`): verdicts, checks, actions.
Each check ends with the numbers of the sources it rests on, and each result lists those sources once, numbered.
A breach of a non-aggression or neutrality pledge is a headline of its own, before the verdicts.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape

from casus.kb.knowledge import KnowledgeBase
from casus.obligations.crisis import Crisis
from casus.obligations.words import ATOP_COLUMNS, plain, plain_check

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
    """One-line description of the question (``an armed attack by Syria on Türkiye at Gaziantep, 2016-05-01``)."""
    target = kb.states.name_on(crisis.target, crisis.on)
    where = crisis.place.name + (" (disputed)" if crisis.place.disputed else "")
    return f"{plain(crisis.kind)} by {crisis.attacker.label} on {target} at {where}, {crisis.on}"


def _article(prov: dict[str, Any] | None) -> str:
    """`` — Art. 5`` or `` — ATOP 3360 defence`` (ATOP names obligations by column, not article)."""
    if prov is None:
        return ""
    art = prov["article"]
    head, _, col = art.rpartition(" ")
    if art.startswith("ATOP ") and col in ATOP_COLUMNS:
        return f" — {head} {ATOP_COLUMNS[col]}"
    return f" — Art. {art}" if art[:1].isdigit() else f" — {art}"


def _numbered(r: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    """Number each source of a result once, in the order the checks first cite it."""
    numbers: dict[str, int] = {}
    for s in r["explanation"]:
        if s["check"] == "provision":  # the verdict line sums up the checks above it; it cites nothing new
            continue
        for sid in s["sources"]:
            numbers.setdefault(sid, len(numbers) + 1)
    return numbers, [f"[{n}] {r['sources'].get(sid, sid)}" for sid, n in numbers.items()]


def _print_result(console: Any, kb: KnowledgeBase, crisis: Crisis, r: dict[str, Any], brief: bool) -> None:
    verdict = r["verdict"]
    org = f" [{r['organization']}]" if r["organization"] else ""
    rest = f"{r['treaty_title']}{org}{_article(r['provision'])}"
    console.print(f"\n[{_STYLE[verdict]}]{escape(plain(verdict).upper())}[/] " + escape(rest))
    if r.get("unknown_after"):
        console.print(f"  [yellow]unknown after {r['unknown_after']} (coverage)[/]")
    if r["obligated"]:
        names = ", ".join(kb.states.name_on(s, crisis.on) for s in r["obligated"])
        actions = sorted({plain(d["action"]) for d in r["duties"]})
        console.print(escape(f"  obligated to {' and '.join(actions)}: {names}"))
    for p in r["permitted"]:
        state = "permitted" if p["available"] else "permitted if"
        needs = "; ".join(p["requires"]) or "no further condition"
        art = f"Art. {p['article']}" if p["article"][:1].isdigit() else p["article"]
        console.print(f"  [cyan]{state}[/]: " + escape(f"{plain(p['action'])} ({art}) — {needs}"))
    for a in r.get("actions", []):
        contested = "legal basis contested" if a["contested"] else "legal basis not contested in the sources"
        console.print("  [magenta]collective action[/]: " + escape(f"{a['title']} ({a['decided']}; {contested})"))
    if brief:
        decisive = [s for s in r["explanation"] if s["outcome"] in ("fail", "unknown") and s["check"] != "provision"]
        for s in list({s["detail"]: s for s in decisive}.values())[:2]:
            console.print(f"  {_MARK[s['outcome']]} " + escape(_short(s["detail"])))
        return
    numbers, listing = _numbered(r)
    for s in r["explanation"]:
        if s["check"] == "provision":
            console.print("    [bold]" + escape(s["detail"]) + "[/]")
        else:
            refs = "".join(f"[{numbers[sid]}]" for sid in s["sources"])
            line = f"{plain_check(s['check'])}: {s['detail']}" + (f" {refs}" if refs else "")
            console.print(f"  {_MARK[s['outcome']]} " + escape(line))
    if listing:
        console.print("  [dim]Sources:[/]")
        for item in listing:
            console.print("   " + escape(item), style="dim")


def print_results(kb: KnowledgeBase, crisis: Crisis, results: list[dict[str, Any]], *, brief: bool = False) -> None:
    """Print the breaches first, then each treaty's verdict, duties, permissions and (unless ``brief``) its trace."""
    from rich.console import Console

    console = Console(highlight=False)
    console.print("[bold]Question:[/] " + escape(describe_crisis(kb, crisis)))
    for r in results:
        if r.get("breach"):
            console.print(f"\n[bold red]BREACH[/] {escape(r['treaty_title'])}: " + escape(r["breach"]["detail"]))
    if not results:
        console.print("  No treaty in force binds the target or the attacker on that date.")
    for r in results:
        _print_result(console, kb, crisis, r, brief)
