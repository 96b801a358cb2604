"""Organization commands: ``casus offices ORG [--on DATE]`` and ``casus bodies ORG``.

Thin wrappers over :func:`casus.kb.offices.offices_on` and the organization's bodies, formatted by the
contract's serialisers (:func:`casus.contract.offices_to_dict`, :func:`casus.contract.body_to_dict`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from casus.cli.options import Format, FormatOpt, NewsOpt, OnOpt, StoreOpt, emit, note, with_news
from casus.knowledge import default_provider

OrgArg = Annotated[str, typer.Argument(help="Organization or treaty-only alliance: id, name or acronym.")]


def offices(
    org: OrgArg, on: OnOpt = None, news: NewsOpt = False, store: StoreOpt = None, fmt: FormatOpt = Format.TABLE
) -> None:
    """Who held each office (secretary general…) on a date, with every holder's dates and source.

    Past the organization's verified-through date the holder known on that date is shown and the office is
    reported as unknown after it. With --news, accepted appointments from the event store are added or cited.
    """
    from casus.contract import offices_to_dict
    from casus.kb.dates import parse_date
    from casus.kb.offices import offices_on

    kb = with_news(default_provider().curated(), news, store)
    report = offices_on(kb.organization(org), parse_date(on, field="--on"))
    data = offices_to_dict(kb, report)
    if report.unknown_after:
        note(
            f"facts about {report.organization.name} are verified through {report.unknown_after}; "
            f"offices on {report.on} are unknown after that date (the holders shown are those known then)"
        )
    current = {o["role"]: o for o in data["offices"]}
    rows = [
        {
            **h,
            "on_date": "holder" if (o := current.get(h["role"])) and o["holder"] == h else "",
            "source": h["source_short"] if fmt is Format.TABLE else h["source"],
        }
        for h in data["holders"]
    ]
    caption = f"unknown after {report.unknown_after}" if report.unknown_after else f"{len(rows)} holders"
    emit(
        rows,
        ["role", "person", "start", "end", "on_date", "source"],
        fmt,
        json_data=data,
        title=f"{report.organization.name}: offices on {report.on}",
        caption=caption,
    )


def bodies(org: OrgArg, fmt: FormatOpt = Format.TABLE) -> None:
    """An organization's bodies: kind, composition and role, decision rule, and whether one member can block."""
    from casus.contract import body_to_dict

    kb = default_provider().curated()
    organization = kb.organization(org)
    data = [body_to_dict(kb, b) for b in organization.bodies]
    rows = [{**b, "source": b["source_short"]} if fmt is Format.TABLE else b for b in data]
    emit(
        rows,
        ["name", "kind", "decision_rule", "one_member_can_block", "established", "description"],
        fmt,
        json_data=data,
        title=f"{organization.name}: bodies",
        caption=f"{len(data)} bodies" if data else "no standing bodies (an alliance by treaty)",
    )


def register(app: typer.Typer) -> None:
    """Add ``offices`` and ``bodies`` to the ``casus`` command line."""
    app.command()(offices)
    app.command()(bodies)
