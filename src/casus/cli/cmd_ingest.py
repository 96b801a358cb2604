"""News commands: ``casus ingest`` and ``casus events list|show|accept|reject``.

Thin wrappers over :mod:`casus.ingest` and :mod:`casus.store`; the language pipelines load only when a new
document has to be read.
"""

from __future__ import annotations

import functools
import sys
from typing import Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, ReviewerOpt, StoreOpt, emit, open_store, say

events_app = typer.Typer(help="Review the events read from the news: list, show, accept, reject.", no_args_is_help=True)

_EVENT_COLUMNS = ["id", "type", "date", "organization", "actors", "target", "modality", "confidence", "status", "title"]


def _row(d: dict[str, Any]) -> dict[str, Any]:
    date = d["date"]
    shown = date["start"] if date["start"] == date["end"] else f"{date['start'] or '…'}..{date['end'] or '…'}"
    return {**d, "id": d["id"][:10], "date": shown, "actors": d["people"] or d["actors"]}


def ingest_cmd(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files (text or HTML), URL-list files, URLs, or - for standard input."),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            help="An RSS/Atom feed (URL or file) to read; only items not read before are ingested. Repeatable.",
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language: en, fr or ru (default: detected).")] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (default: from the document).")
    ] = None,
    store: StoreOpt = None,
    time_budget: Annotated[
        float,
        typer.Option(
            "--time-budget",
            min=1.0,
            max=3600.0,
            help="CPU seconds each document's analysis may take before it is refused.",
        ),
    ] = 30.0,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private-addresses",
            help="Also fetch URLs on private, loopback and link-local addresses (your own network).",
        ),
    ] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Read articles or feeds, extract alliance events with dates, quotes and sourcing signals, and store them."""
    from casus.errors import InvalidInputError
    from casus.ingest import LANGS, ingest
    from casus.ingest.documents import read_bounded
    from casus.ingest.feeds import feed_sources, ingest_feed
    from casus.ingest.fetch import fetch_url
    from casus.kb.dates import parse_date

    paths = paths or []
    if not paths and not feed:
        raise InvalidInputError("nothing to read; give article paths or URLs, or --feed URL-or-file")
    if lang is not None and lang not in LANGS:
        raise InvalidInputError(f"--lang {lang!r} is not supported; use one of {', '.join(LANGS)}")
    day = parse_date(published, field="--published") if published else None
    stdin = read_bounded(sys.stdin.buffer, origin="-") if "-" in paths else None
    runs = []
    with open_store(store) as st:
        fetch = functools.partial(fetch_url, allow_private=allow_private)
        results = (
            ingest(paths, st, lang=lang, published=day, stdin=stdin, budget=time_budget, fetch=fetch) if paths else []
        )
        for source in feed_sources(feed or []):
            run = ingest_feed(source, st, lang=lang, budget=time_budget, fetch=fetch, allow_private=allow_private)
            runs.append(run)
            results += list(run.results)
    for run in runs:
        sys.stderr.write(f"casus: feed {run.feed}: {run.items} items, {run.new} new\n")
    _print_results([_result_dict(r) for r in results], fmt)


def _result_dict(r: Any) -> dict[str, Any]:
    """The JSON of one ingested source: its document, whether it was new, its signals and events (or its error)."""
    if r.document is None:
        return {"origin": r.origin, "error": r.error, "document": None, "new": False, "signals": [], "events": []}
    return {
        "origin": r.origin,
        "error": "",
        "document": {
            "id": r.document.id,
            "title": r.document.title,
            "lang": r.document.lang,
            "published": r.document.published.isoformat() if r.document.published else None,
            "published_from": r.document.published_from,
            "byline": r.document.byline,
            "url": r.document.url,
        },
        "new": r.new,
        "signals": [s.to_dict() for s in r.signals],
        "events": [e.to_dict() for e in r.events],
    }


def _print_results(data: list[dict[str, Any]], fmt: Format) -> None:
    """Print the events read (and, in tables, the sourcing signals); report refused sources last."""
    failed = [d for d in data if d["error"]]
    if fmt is Format.JSON:
        emit([], [], fmt, json_data=data)
        _report_failures(failed)
        return
    data = [d for d in data if not d["error"]]
    rows = [{**_row(e), "document": d["document"]["id"][:10]} for d in data for e in d["events"]]
    emit(
        rows,
        ["document", *_EVENT_COLUMNS[:-2], "title"],
        fmt,
        title="Events read",
        caption=", ".join(f"{d['document']['id'][:10]}: {'new' if d['new'] else 'already stored'}" for d in data),
    )
    if fmt is Format.TABLE:
        signals = [{"document": d["document"]["id"][:10], **s} for d in data for s in d["signals"]]
        emit(signals, ["document", "kind", "detail", "quote"], fmt, title="Sourcing signals")
    _report_failures(failed)


def _report_failures(failed: list[dict[str, Any]]) -> None:
    """One line on stderr per refused source, and exit status 1 when any source was refused."""
    for d in failed:
        sys.stderr.write(f"casus: refused: {d['error']}\n")
    if failed:
        raise typer.Exit(1)


@events_app.command("list")
def events_list(
    status: Annotated[str | None, typer.Option(help="pending, accepted or rejected.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type (suspension, statement…).")] = None,
    org: Annotated[str | None, typer.Option("--org", help="Organization: id, name or acronym.")] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List stored events, by date."""
    org_id = None
    if org is not None:
        from casus.curated import load_kb

        org_id = load_kb().organization(org).id
    with open_store(store) as st:
        data = [s.to_dict() for s in st.events(status=status, type=type, organization=org_id)]
    emit([_row(d) for d in data], _EVENT_COLUMNS, fmt, json_data=data, title="Events", caption=f"{len(data)} events")


@events_app.command("show")
def events_show(
    event_id: Annotated[str, typer.Argument(help="Event id (6 characters or more).")],
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """One event with all its evidence (quotes, documents, offsets)."""
    with open_store(store) as st:
        data = st.event(event_id).to_dict()
    if fmt is Format.JSON:
        emit([], [], fmt, json_data=data)
        return
    emit(
        [{**e, "document": e["document"][:10]} for e in data["evidence"]],
        ["document", "start", "end", "confidence", "quote"],
        fmt,
        title=f"{data['id']} {data['title']} ({data['status']})",
        caption=f"claim: {data['claim']}",
    )


def _review(
    event_id: str, accept: bool, note: str, store: str | None, fmt: Format, reviewer: str | None = None
) -> None:
    from casus.curated import load_kb
    from casus.store import overlay_kb

    with open_store(store) as st:
        stored = st.accept(event_id, note, reviewer) if accept else st.reject(event_id, note, reviewer)
        overlay = overlay_kb(load_kb(), st)
    conflicts = [
        {
            "event": c.event,
            "state": c.state,
            "organization": c.organization,
            "claimed": c.claimed.value,
            "curated": [s.value for s in c.curated],
            "message": c.message,
        }
        for c in overlay.conflicts
        if c.event == stored.id
    ]
    facts = [
        {
            "state": m.state,
            "organization": m.organization,
            "status": m.status.value,
            "start": m.start.isoformat(),
            "end": m.end.isoformat() if m.end else None,
            "sources": list(m.sources),
        }
        for m in overlay.memberships
        if any(stored.id in m.note for _ in [0])
    ]
    data = {**stored.to_dict(), "facts": facts, "conflicts": conflicts}
    if fmt is Format.JSON:
        emit([], [], fmt, json_data=data)
        return
    emit([_row(data)], _EVENT_COLUMNS, fmt, title="Reviewed")
    for c in conflicts:
        say(f"conflict for review: {c['message']}")
    for f in facts:
        sys.stdout.write(f"fact: {f['state']} {f['status']} in {f['organization']} from {f['start']}\n")


@events_app.command("accept")
def events_accept(
    event_id: Annotated[str, typer.Argument(help="Event id (6 characters or more).")],
    note: Annotated[str, typer.Option(help="Why (kept with the review).")] = "",
    reviewer: ReviewerOpt = None,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Accept an event; a membership event becomes a fact, or a conflict with curated facts to review."""
    _review(event_id, True, note, store, fmt, reviewer)


@events_app.command("reject")
def events_reject(
    event_id: Annotated[str, typer.Argument(help="Event id (6 characters or more).")],
    note: Annotated[str, typer.Option(help="Why (kept with the review).")] = "",
    reviewer: ReviewerOpt = None,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Reject an event (it stays in the store, marked rejected)."""
    _review(event_id, False, note, store, fmt, reviewer)


def register(app: typer.Typer) -> None:
    """Add ``ingest`` and the ``events`` group to the casus CLI."""
    from casus.cli import cmd_review

    app.command("ingest")(ingest_cmd)
    cmd_review.register(events_app)
    app.add_typer(events_app, name="events")
