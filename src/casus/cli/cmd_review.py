"""``casus events review`` (walk the pending events) and ``casus events edit`` (correct one).

Thin wrappers over :mod:`casus.store.review`: each pending event is shown with its evidence, date,
phase, speakers, the article's sourcing signals and what accepting it would change in the knowledge base;
the reviewer answers ``a`` (accept), ``r`` (reject), ``e`` (edit, then asked again), ``s`` (skip) or ``q``
(quit). Every answer is recorded with the reviewer's name and the time.
"""

from __future__ import annotations

import shlex
import sys
from typing import Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, ReviewerOpt, StoreOpt, emit, open_store


def _show(stored: Any, st: Any, kb: Any) -> None:
    from casus.store.review import would_change

    ev = stored.event
    d = ev.to_dict()
    date = d["date"]
    out = sys.stdout.write
    out(f"\n{stored.id}  {ev.title}\n")
    said = f", {date['text']}" if date["text"] else ""
    out(f"  date: {date['start'] or '…'}..{date['end'] or '…'} ({date['precision']}{said})\n")
    out(f"  type: {d['type']}  phase: {d['phase'] or '-'}  modality: {d['modality']}  confidence: {d['confidence']}\n")
    if ev.speakers:
        out(f"  speakers: {', '.join(ev.speakers)}\n")
    docs = st.documents_of(e.document for e in ev.evidence)
    for e in ev.evidence:
        doc = docs[e.document].document
        out(f"  evidence [{doc.title or doc.origin}, {doc.published or 'undated'}]: {e.quote}\n")
    for d_id, sd in docs.items():
        for s in sd.signals:
            out(f"  signal ({d_id[:10]}): {s.kind}: {s.detail}\n")
    for line in would_change(stored, st, kb):
        out(f"  would change: {line}\n")


def _parse_edit(answer: str) -> dict[str, str]:
    """``date=2024-02-22 actors=ARM,AZE phase=considering`` → the options of :func:`edit_values`."""
    from casus.errors import InvalidInputError
    from casus.store.review import EDITABLE

    out = {}
    for part in shlex.split(answer):
        key, sep, value = part.partition("=")
        if not sep or key not in EDITABLE:
            raise InvalidInputError(f"cannot read {part!r}; write field=value with fields {', '.join(EDITABLE)}")
        out[key] = value
    return out


def events_review(
    org: Annotated[str | None, typer.Option("--org", help="Only events of this organization.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Review at most this many events.")] = 50,
    reviewer: ReviewerOpt = None,
    store: StoreOpt = None,
) -> None:
    """Walk the pending events: evidence, date, signals and the fact each would change; accept, reject, edit."""
    from casus.curated import load_kb
    from casus.errors import CasusError
    from casus.store.review import edit_values

    kb = load_kb()
    org_id = kb.organization(org).id if org else None
    done = {"accepted": 0, "rejected": 0, "edited": 0, "skipped": 0}
    with open_store(store) as st:
        pending = st.events(status="pending", organization=org_id)[:limit]
        sys.stdout.write(f"{len(pending)} pending event(s)\n")
        for stored in pending:
            while True:
                _show(stored, st, kb)
                answer = typer.prompt("[a]ccept, [r]eject, [e]dit, [s]kip, [q]uit", default="s").strip().lower()
                if answer in ("a", "accept"):
                    note = typer.prompt("note", default="")
                    st.accept(stored.id, note, reviewer)
                    done["accepted"] += 1
                elif answer in ("r", "reject"):
                    note = typer.prompt("note", default="")
                    st.reject(stored.id, note, reviewer)
                    done["rejected"] += 1
                elif answer in ("e", "edit"):
                    fields = typer.prompt("fields (e.g. date=2024-02-22 actors=ARM phase=considering)")
                    try:
                        changes = edit_values(kb, **_parse_edit(fields))
                    except CasusError as err:
                        sys.stderr.write(f"casus: {err}\n")
                        continue
                    stored = st.edit(stored.id, changes, "edited in review", reviewer)
                    done["edited"] += 1
                    continue  # show the corrected event and ask again
                elif answer in ("q", "quit"):
                    sys.stdout.write(", ".join(f"{v} {k}" for k, v in done.items()) + "\n")
                    return
                else:
                    done["skipped"] += 1
                break
    sys.stdout.write(", ".join(f"{v} {k}" for k, v in done.items()) + "\n")


def events_edit(
    event_id: Annotated[str, typer.Argument(help="Event id (6 characters or more).")],
    type: Annotated[str | None, typer.Option("--type", help="Event type.")] = None,
    org: Annotated[str | None, typer.Option("--org", help="Organization: id, name or acronym.")] = None,
    actors: Annotated[str | None, typer.Option("--actors", help="States, comma-separated (names or codes).")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD, YYYY-MM, YYYY, START..END or undated.")
    ] = None,
    modality: Annotated[
        str | None, typer.Option("--modality", help="asserted, negated, hypothetical, reported.")
    ] = None,
    phase: Annotated[
        str | None, typer.Option("--phase", help="considering, threatening, signature, ratification, return or none.")
    ] = None,
    note: Annotated[str, typer.Option(help="Why (kept with the review).")] = "",
    reviewer: ReviewerOpt = None,
    store: StoreOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Correct an event before accepting it; the change, who made it and when are recorded."""
    from casus.curated import load_kb
    from casus.store.review import edit_values

    changes = edit_values(
        load_kb(), type=type, organization=org, actors=actors, date=date, modality=modality, phase=phase
    )
    with open_store(store) as st:
        stored = st.edit(event_id, changes, note, reviewer)
        data = {**stored.to_dict(), "review_log": st.review_log(stored.id)}
    emit(
        [{"id": data["id"][:10], "title": data["title"], "status": data["status"], "reviewed_by": data["reviewed_by"]}],
        ["id", "title", "status", "reviewed_by"],
        fmt,
        json_data=data,
        title="Edited",
    )


def register(app: typer.Typer) -> None:
    """Add ``review`` and ``edit`` to the ``events`` group."""
    app.command("review")(events_review)
    app.command("edit")(events_edit)
