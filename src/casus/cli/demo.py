"""``casus demo``: the questions of the June 2024 CSTO article, answered with the built-in knowledge.

The article (a French machine rewrite of a TASS interview, 2024-06-25) says the CSTO has six members, that
Armenia "withdrew" its participation, that the January 2022 deployment to Kazakhstan was the first, and that
commitments to Armenia "remain valid". The demo checks each against curated, sourced facts, and asks the
same questions of NATO side by side. It needs nothing outside the package.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from casus.contract import result_to_dict
from casus.kb.knowledge import KnowledgeBase
from casus.obligations import Crisis, evaluate_casus_foederis, make_crisis

if TYPE_CHECKING:
    from rich.console import Console

ARTICLE_DATE = dt.date(2024, 6, 25)


def _show(kb: KnowledgeBase, crisis: Crisis, org: str | None = None) -> None:
    """Print the treaties a crisis involves (only ``org``'s, when given), briefly."""
    from casus.cli.render import print_results

    results = [r for r in evaluate_casus_foederis(kb, crisis) if org is None or r.treaty.organization == org]
    print_results(kb, crisis, [result_to_dict(kb, r) for r in results], brief=True)


def _csto_members(con: Console, kb: KnowledgeBase) -> None:
    roster = kb.members_on("csto", ARTICLE_DATE)
    for m in roster.members:
        extra = f" ({m.qualifier})" if m.qualifier else ""
        con.print(f"  {kb.states.get(m.state).name:<12} {m.status.value}{extra} since {m.start}")
    arm = kb.status_on("ARM", "csto", ARTICLE_DATE)
    con.print(
        f"  → {len(roster.members)} states, as the article says; but Armenia is "
        f"[bold]{arm.status.value if arm else '?'}[/] "
        "— it froze its participation, it did not withdraw."
    )
    if arm and arm.note:
        con.print(f"  [dim]{arm.note}[/]")
    treaty = kb.treaty("cst-1992")
    con.print(
        f"  The article says the organization was created in 1992: the treaty was signed {treaty.signed} "
        f"(in force {treaty.in_force}); the Organization's Charter dates from 2002."
    )


def _nato(con: Console, kb: KnowledgeBase) -> None:
    nato = kb.members_on("nato", ARTICLE_DATE)
    sweden = kb.status_on("SWE", "nato", ARTICLE_DATE)
    con.print(
        f"  NATO on {ARTICLE_DATE}: {len(nato.members)} members (Sweden since {sweden.start if sweden else '?'})."
    )
    cases: list[tuple[str, str, str, str | None, str | dt.date]] = [
        ("Armed attack on Poland (Art. 5 area)", "Russia", "Poland", None, ARTICLE_DATE),
        ("Armed attack on Ceuta (Spain, in Africa)", "Morocco", "Spain", "Ceuta", ARTICLE_DATE),
        (
            "Non-state attack on the United States, 11 September 2001",
            "non-state:al-Qaeda",
            "United States",
            None,
            "2001-09-11",
        ),
    ]
    for title, attacker, target, place, on in cases:
        con.print(f"\n  [bold]{title}[/]")
        _show(kb, make_crisis(kb, attacker=attacker, target=target, place=place, on=on), "nato")


def run_demo(kb: KnowledgeBase) -> None:
    """Print the walk-through."""
    from rich.console import Console
    from rich.rule import Rule

    con = Console(highlight=False)

    def section(title: str) -> None:
        con.print()
        con.print(Rule(f"[bold]{title}", align="left"))

    con.print(
        "[bold]casus demo[/] — the CSTO article of 25 June 2024, checked against sourced facts.\n"
        "[dim]Scenarios below are legal readings of treaty texts, not forecasts.[/]"
    )
    section("1. Who are the CSTO's members on 2024-06-25, and what is Armenia's status?")
    _csto_members(con, kb)
    section("2. What does the treaty still promise Armenia? An Azerbaijani armed attack on undisputed territory")
    _show(kb, make_crisis(kb, attacker="Azerbaijan", target="Armenia", on=ARTICLE_DATE, place="Syunik"))
    section("3. The same attack on the disputed border zone")
    _show(kb, make_crisis(kb, attacker="Azerbaijan", target="Armenia", on=ARTICLE_DATE, place="arm-aze-border"))
    section("4. January 2022: unrest in Kazakhstan, and Kazakhstan's request")
    _show(
        kb,
        make_crisis(
            kb, attacker="non-state:rioters", target="Kazakhstan", on="2022-01-06", kind="unrest", requested=True
        ),
    )
    con.print(
        "  → Unrest is not an armed attack: no one is obliged, but a deployment at the member's request, "
        "by consensus, is permitted — which is what happened on 6 January 2022."
    )
    section("5. Clash between two members: Kyrgyzstan and Tajikistan, September 2022")
    _show(kb, make_crisis(kb, attacker="Kyrgyzstan", target="Tajikistan", on="2022-09-14"), "csto")
    section("6. NATO side by side")
    _nato(con, kb)
    con.print(
        "\n[dim]Every fact above carries a source: try `casus members csto --on 2024-06-25 --format json` or "
        "`casus obligations --attacker Azerbaijan --target Armenia --on 2023-01-01`.[/]"
    )
