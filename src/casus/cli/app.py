"""The ``casus`` command line: thin commands over the Python API.

Every command takes ``--format table|json|csv``; errors a user can make (unknown name, bad date) exit with
code 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.cli.options import AtopOpt, Format, FormatOpt, NewsOpt, OnOpt, StoreOpt, emit, note, with_news
from casus.errors import CasusError, InvalidInputError
from casus.knowledge import default_provider

if TYPE_CHECKING:
    pass

app = typer.Typer(
    name="casus",
    help="casus: collective-security organizations through time — members, treaties, casus foederis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from casus import __version__

        sys.stdout.write(f"casus-foederis {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """casus: collective-security organizations through time — members, treaties, casus foederis."""


def _short_sources(rows: list[dict[str, Any]], fmt: Format) -> list[dict[str, Any]]:
    """In tables, show the short form of each source (publisher, date); JSON and CSV keep the citation."""
    return [{**r, "source": r["source_short"]} for r in rows] if fmt is Format.TABLE else rows


@app.command()
def orgs(fmt: FormatOpt = Format.TABLE) -> None:
    """List the curated organizations and treaty-only alliances, each with its verified-through date."""
    from casus.contract import organizations_to_list

    data = organizations_to_list(default_provider().curated())
    rows = [{**d, "acronyms": "/".join([*d["acronyms"].values(), *d["aliases"][:1]])} for d in data]
    emit(
        rows,
        ["id", "acronyms", "name", "founded", "verified_through"],
        fmt,
        json_data=data,
        title="Organizations",
        caption=f"{len(rows)} curated; facts after each verified-through date are unknown",
    )


@app.command()
def members(
    org: Annotated[str, typer.Argument(help="Organization: id, name or acronym (CSTO, OTSC, ОДКБ, NATO…).")],
    on: OnOpt = None,
    news: NewsOpt = False,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Members of an organization on a date, with their statuses."""
    from casus.contract import roster_to_dict
    from casus.kb.dates import parse_date

    date = parse_date(on, field="--on")
    kb = with_news(default_provider().for_org(org), news, store)
    roster = kb.members_on(org, date)
    data = roster_to_dict(kb, roster)
    if roster.beyond_coverage:
        note(
            f"facts about {roster.organization.name} are verified through {data['known_through']}: the statuses "
            f"shown are those of that date; on {roster.on} they are unknown after {data['unknown_after']}"
        )
    emit(
        _short_sources(data["members"], fmt),
        ["state", "name", "status", "since", "qualifier", "source"],
        fmt,
        json_data=data,
        title=f"{roster.organization.name} on {roster.on}",
        caption=data["note"]
        or f"{len(roster.members)} states"
        + (f"; statuses as of {roster.known_on}, unknown after {roster.unknown_after}" if roster.unknown_after else ""),
    )


@app.command()
def history(
    state: Annotated[str, typer.Argument(help="State: name (en/fr/ru), ISO2/ISO3 or COW code.")],
    atop: Annotated[
        bool | None,
        typer.Option(
            "--atop/--curated-only",
            help="Include the state's ATOP 5.1 alliances (default: when the ATOP files are on this machine).",
        ),
    ] = None,
    news: NewsOpt = False,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """A state's spells across organizations and treaties (curated, plus its ATOP 5.1 alliances when present)."""
    from casus.contract import history_to_dict
    from casus.knowledge import history_from, history_kb

    provider = default_provider()
    kb = with_news(history_kb(provider, atop), news, store)
    answer = history_from(provider, kb, state, atop)
    data = history_to_dict(kb, answer)
    if answer.note and fmt is Format.CSV:
        note(answer.note)
    emit(
        _short_sources(data["spells"], fmt),
        ["organization", "status", "start", "end", "qualifier", "source"],
        fmt,
        json_data=data,
        title=f"{answer.state.name}: history",
        caption=answer.note,
    )


@app.command()
def timeline(
    org: Annotated[str, typer.Argument(help="Organization: id, name or acronym.")],
    news: NewsOpt = False,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """An organization's timeline: treaties, accessions, suspensions, requests, deployments."""
    from casus.contract import event_to_dict

    kb = with_news(default_provider().for_org(org), news, store)
    organization = kb.organization(org)
    data = [event_to_dict(kb, e) for e in kb.timeline(organization)]
    emit(
        _short_sources(data, fmt),
        ["date", "type", "title", "source"],
        fmt,
        title=f"{organization.name}: timeline",
    )


def _forces(target_forces: bool, vessel: bool, aircraft: bool) -> str | None:
    """What of the target was hit (``--target-forces``, ``--vessel``, ``--aircraft``): at most one."""
    chosen = [name for name, flag in (("forces", target_forces), ("vessel", vessel), ("aircraft", aircraft)) if flag]
    if len(chosen) > 1:
        raise InvalidInputError("give one of --target-forces, --vessel, --aircraft, not several")
    return chosen[0] if chosen else None


@app.command()
def obligations(
    attacker: Annotated[str, typer.Option(help="Attacking state, or non-state / non-state:NAME.")],
    target: Annotated[str, typer.Option(help="State attacked, threatened or in unrest.")],
    on: OnOpt = None,
    place: Annotated[str | None, typer.Option(help="Country, ISO 3166-2 code, city, territory, sea, LAT,LON.")] = None,
    disputed: Annotated[bool, typer.Option("--disputed", help="Flag the place as disputed.")] = False,
    kind: Annotated[
        str,
        typer.Option(help="armed-attack, threat, unrest or cyber (read by each organization's declared doctrine)."),
    ] = "armed-attack",
    requested: Annotated[
        bool | None, typer.Option("--requested/--not-requested", help="Whether the target asked for help.")
    ] = None,
    unprovoked: Annotated[
        bool | None,
        typer.Option("--unprovoked/--provoked", help="Whether the attack was unprovoked (ATOP non-provocation)."),
    ] = None,
    conflict: Annotated[
        str | None, typer.Option(help="The conflict the event belongs to (ATOP specific-conflict pledges).")
    ] = None,
    target_forces: Annotated[
        bool, typer.Option("--target-forces", help="The target's armed forces were attacked at --place.")
    ] = False,
    vessel: Annotated[bool, typer.Option("--vessel", help="A vessel of the target was attacked at --place.")] = False,
    aircraft: Annotated[
        bool, typer.Option("--aircraft", help="An aircraft of the target was attacked at --place.")
    ] = False,
    all_treaties: Annotated[bool, typer.Option("--all", help="Also list treaties the event does not involve.")] = False,
    atop: AtopOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Which treaties an event triggers, who is obligated to what, what is permitted, and why.

    --place takes a country, an ISO 3166-2 code or subdivision (TR-27, Gaziantep), a city, a named
    territory or a sea (with --vessel, --aircraft or --target-forces), in English, French or Russian, or a
    point LAT,LON (35.5,18.0), tested against treaty areas drawn as geometry (NATO Art. 6, Rio Art. 4).
    """
    from casus.contract import obligations_to_dict
    from casus.knowledge import answer_obligations

    answer = answer_obligations(
        default_provider(),
        attacker=attacker,
        target=target,
        on=on,
        place=place,
        disputed=disputed,
        kind=kind,
        requested=requested,
        unprovoked=unprovoked,
        conflict=conflict,
        forces=_forces(target_forces, vessel, aircraft),
        atop=atop,
        include_unrelated=all_treaties,
        date_field="--on",
    )
    kb, crisis = answer.kb, answer.crisis
    whole = obligations_to_dict(kb, answer)
    data = whole["results"]
    if fmt is Format.TABLE:
        from casus.cli.render import print_results

        print_results(kb, crisis, data)
        if answer.note is not None:
            sys.stdout.write(f"\nNote: {answer.note}\n")
        return
    if answer.note is not None and fmt is Format.CSV:
        note(answer.note)
    rows = [
        {
            **d,
            "provision": d["provision"]["article"] if d["provision"] else None,
            "permitted": [p["action"] for p in d["permitted"]],
        }
        for d in data
    ]
    emit(rows, ["treaty", "organization", "verdict", "provision", "obligated", "permitted"], fmt, json_data=whole)


@app.command()
def sources(
    org: Annotated[str, typer.Argument(help="Organization or treaty-only alliance: id, name or acronym.")],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """The bibliography of an organization's curated facts: every source they cite, with its citation."""
    from casus.contract import source_to_dict

    kb = default_provider().curated()
    organization = kb.organization(org)
    data = [source_to_dict(s) for s in kb.sources_of(organization)]
    emit(
        data,
        ["id", "kind", "published", "citation"],
        fmt,
        title=f"{organization.name}: sources",
        caption=f"{len(data)} sources",
    )


@app.command()
def demo() -> None:
    """Walk through the questions of the June 2024 CSTO article with the built-in knowledge."""
    from casus.cli.demo import run_demo

    run_demo(default_provider().curated())


def _register_extensions() -> None:
    """Add the commands of the other areas (data, ingest, sim, web); each module defines ``register(app)``."""
    from importlib import import_module

    for name in ("cmd_data", "cmd_defends", "cmd_ingest", "cmd_org", "cmd_sim", "cmd_sweep", "cmd_web"):
        try:
            module = import_module(f"casus.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"casus.cli.{name}":
                continue
            raise
        module.register(app)


_register_extensions()


def _click() -> Any:
    """The click that typer runs on (recent typer ships its own copy as ``typer._click``)."""
    try:
        import typer._click as vendored  # type: ignore[import-not-found,unused-ignore]

        return vendored
    except ImportError:  # pragma: no cover - typer releases that use the click package
        import click

        return click


def _flag_pairs() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every on/off flag pair of every command (``--requested/--not-requested``, ``--atop/--curated-only``)."""
    pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def walk(cmd: Any) -> None:
        for p in cmd.params:
            if getattr(p, "is_flag", False) and getattr(p, "secondary_opts", None):
                pairs.append((tuple(p.opts), tuple(p.secondary_opts)))
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return pairs


def _conflicting_flags(argv: list[str]) -> str | None:
    """The first on/off pair given both ways (click would let the last one win silently), or ``None``."""
    given = set(argv[: argv.index("--")] if "--" in argv else argv)
    for on, off in _flag_pairs():
        if given & set(on) and given & set(off):
            return f"{'/'.join(on)} and {'/'.join(off)} contradict each other; give one of them"
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI; every user mistake is exit code 2 and one line on stderr.

    Click's usage errors (a missing argument, a bad option value), casus's typed errors, contradicting flags
    and the operating system's refusals (a file that cannot be read, a name too long) are all one line
    ``casus: error: …``, never a traceback.
    """
    errors = _click().exceptions
    usage_error, click_error = errors.UsageError, errors.ClickException
    abort = getattr(errors, "Abort", typer.Abort)

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        conflict = _conflicting_flags(args)
        if conflict:
            raise usage_error(conflict)
        result = app(args=args, standalone_mode=False)
    except usage_error as err:
        where = f" (see `{err.ctx.command_path} --help`)" if err.ctx is not None else " (see `casus --help`)"
        message = " ".join(err.format_message().split()).replace("Value error, ", "")
        sys.stderr.write(f"casus: error: {message}{where}\n")
        return 2
    except click_error as err:
        sys.stderr.write(f"casus: error: {' '.join(err.format_message().split())}\n")
        return 2
    except (abort, EOFError):
        sys.stderr.write("casus: aborted\n")
        return 1
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except CasusError as err:
        sys.stderr.write(f"casus: error: {' '.join(str(err).split())}\n")
        return 2
    except ImportError as err:  # an optional module imported by a command: one line naming the extra
        from casus.extras import missing_extra

        missing = missing_extra(err)
        if missing is None:
            raise
        sys.stderr.write(f"casus: error: {missing}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("casus: interrupted\n")
        return 130
    except (OSError, UnicodeError) as err:  # a file that cannot be read or written, a name too long, bad bytes
        name = getattr(err, "filename", None)
        what = getattr(err, "strerror", None) or " ".join(str(err).split())
        sys.stderr.write(f"casus: error: {name + ': ' if name else ''}{what}\n")
        return 2
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
