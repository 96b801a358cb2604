"""`casus ingest` and `casus events list|show|accept|reject`, through the CLI entry point."""

import json
import subprocess
import sys

import pytest

from casus.cli.app import main


@pytest.fixture
def store_url(tmp_path):
    return f"sqlite:///{tmp_path / 'events.sqlite'}"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_ingest_example_twice_changes_nothing(capsys, example_path, store_url):
    from casus.store import EventStore

    code, out, _ = run(capsys, "ingest", str(example_path), "--format", "json", "--store", store_url)
    assert code == 0
    (first,) = json.loads(out)
    assert first["new"] is True and first["document"]["published"] == "2024-06-25"
    types = [e["type"] for e in first["events"]]
    assert {"founding", "deployment", "refusal", "suspension", "consideration_of_withdrawal", "statement"} <= set(types)
    assert {s["kind"] for s in first["signals"]} >= {"duplicated_title", "unattributed_quote", "rewrite_leftover"}
    counts = EventStore(store_url).counts()
    code, out, _ = run(capsys, "ingest", str(example_path), "--format", "json", "--store", store_url)
    (second,) = json.loads(out)
    assert code == 0 and second["new"] is False
    assert EventStore(store_url).counts() == counts
    assert sorted(e["id"] for e in second["events"]) == sorted(e["id"] for e in first["events"])


def test_review_commands(capsys, example_path, store_url):
    run(capsys, "ingest", str(example_path), "--format", "json", "--store", store_url)
    code, out, _ = run(capsys, "events", "list", "--type", "suspension", "--format", "json", "--store", store_url)
    (susp,) = json.loads(out)
    assert susp["actors"] == ["ARM"] and susp["status"] == "pending"
    code, out, _ = run(capsys, "events", "show", susp["id"][:8], "--format", "json", "--store", store_url)
    assert json.loads(out)["evidence"][0]["start"] > 0
    code, out, _ = run(capsys, "events", "accept", susp["id"][:8], "--format", "json", "--store", store_url)
    shown = json.loads(out)
    assert code == 0 and shown["status"] == "accepted" and shown["conflicts"] == []  # curated: suspended too
    code, out, _ = run(capsys, "events", "list", "--status", "accepted", "--format", "csv", "--store", store_url)
    assert out.splitlines()[0].startswith("id,type,date") and len(out.splitlines()) == 2
    (deployment,) = json.loads(
        run(capsys, "events", "list", "--type", "deployment", "--format", "json", "--store", store_url)[1]
    )
    code, out, _ = run(
        capsys, "events", "reject", deployment["id"], "--note", "dup", "--format", "json", "--store", store_url
    )
    assert json.loads(out)["review_note"] == "dup"


def test_user_errors_exit_2_with_one_line(capsys, example_path, store_url):
    code, _, err = run(capsys, "ingest", str(example_path), "--lang", "de", "--store", store_url)
    assert code == 2 and err.count("\n") == 1 and "--lang" in err
    code, _, err = run(capsys, "events", "show", "zzzzzzzz", "--store", store_url)
    assert code == 2 and "'zzzzzzzz' is not an event id" in err
    code, _, err = run(capsys, "events", "show", "abcdef12", "--store", store_url)
    assert code == 2 and "unknown event" in err
    code, _, err = run(capsys, "events", "accept", "%%%%%%", "--store", store_url)  # issue 15: LIKE wildcards
    assert code == 2 and err.count("\n") == 1 and "'%%%%%%' is not an event id" in err
    code, _, err = run(capsys, "ingest", "/nonexistent/article.txt", "--store", store_url)
    assert code == 2 and "no such file" in err


def test_stdin(capsys, monkeypatch, store_url):
    import io

    text = b"Armenia froze its participation in the CSTO on Thursday."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, _ = run(capsys, "ingest", "-", "--published", "2024-02-23", "--format", "json", "--store", store_url)
    (doc,) = json.loads(out)
    assert code == 0 and doc["events"][0]["date"]["start"] == "2024-02-22"


def test_cli_module_imports_no_heavy_library():
    code = (
        "import sys, casus.cli.app; heavy = [m for m in ('spacy', 'sqlalchemy', 'natasha', 'dateparser', "
        "'trafilatura', 'lingua') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_ingest_feed_twice_then_review_accept_shows_in_members(capsys, tmp_path, store_url, monkeypatch):
    article = tmp_path / "armenia.txt"
    article.write_text(
        "Armenia freezes its CSTO participation\n\nArmenia froze its participation in the Collective Security "
        "Treaty Organization, Prime Minister Nikol Pashinyan said on Thursday.\n",
        encoding="utf-8",
    )
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>a</guid>'
        "<title>Armenia</title><link>armenia.txt</link><pubDate>Fri, 23 Feb 2024 09:00:00 GMT</pubDate>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    feed = str(tmp_path / "feed.xml")
    code, out, err = run(capsys, "ingest", "--feed", feed, "--format", "json", "--store", store_url)
    assert code == 0 and "1 items, 1 new" in err
    (doc,) = json.loads(out)
    suspension = next(e for e in doc["events"] if e["type"] == "suspension" and e["modality"] == "reported")
    assert suspension["date"]["start"] == "2024-02-22" and suspension["speakers"] == ["Nikol Pashinyan"]
    assert suspension["actors"] == ["ARM"]  # the speaker is not an actor; Armenia is
    code, out, err = run(capsys, "ingest", "--feed", feed, "--format", "json", "--store", store_url)
    assert code == 0 and json.loads(out) == [] and "1 items, 0 new" in err
    # review: skip the statement, accept the suspension, as reviewer "news-desk"
    from casus.store import EventStore

    pending = [s.id for s in EventStore(store_url).events(status="pending")]
    answers = "".join("a\nper France 24\n" if i == suspension["id"] else "s\n" for i in pending)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(answers))
    code, out, _ = run(capsys, "events", "review", "--reviewer", "news-desk", "--store", store_url)
    assert code == 0 and "corroborates curated: ARM suspended in csto since 2024-02-22" in out
    assert "1 accepted" in out
    stored = EventStore(store_url).event(suspension["id"])
    assert (stored.status, stored.reviewed_by, stored.review_note) == ("accepted", "news-desk", "per France 24")
    log = EventStore(store_url).review_log(suspension["id"])
    assert [(r["action"], r["reviewer"]) for r in log] == [("accepted", "news-desk")] and log[0]["at"]
    code, out, _ = run(capsys, "members", "CSTO", "--on", "2024-06-01", "--news", "--store", store_url, "-f", "json")
    arm = next(m for m in json.loads(out)["members"] if m["state"] == "ARM")
    assert arm["status"] == "suspended" and f"news-{doc['document']['id'][:12]}" in arm["source_ids"]


def test_events_edit_records_the_change(capsys, tmp_path, store_url):
    from casus.store import EventStore

    article = tmp_path / "a.txt"
    article.write_text("Armenia quits\n\nArmenia left the CSTO last week.\n", encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(article), "--published", "2024-06-14", "-f", "json", "--store", store_url)
    (withdrawal,) = [e for e in json.loads(out)[0]["events"] if e["type"] == "withdrawal"]
    code, out, _ = run(
        capsys, "events", "edit", withdrawal["id"][:8], "--type", "suspension", "--date", "2024-02",
        "--note", "it was a freeze", "--reviewer", "ed", "--store", store_url, "-f", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["type"], data["date"]["start"], data["date"]["end"]) == ("suspension", "2024-02-01", "2024-02-29")
    assert data["status"] == "pending" and data["reviewed_by"] == "ed"
    assert data["review_log"][0]["changes"]["type"] == "suspension"
    code, _, err = run(capsys, "events", "edit", withdrawal["id"][:8], "--date", "soon", "--store", store_url)
    assert code == 2 and "not a date" in err and "Traceback" not in err
    assert EventStore(store_url).event(withdrawal["id"]).event.type.value == "suspension"


def test_reviewed_appointment_reaches_casus_offices_with_its_article(capsys, tmp_path, store_url, monkeypatch):
    from casus.store import EventStore

    article = tmp_path / "rutte.txt"
    article.write_text(
        "Rutte to lead NATO\n\nMark Rutte was appointed Secretary General of NATO from 1 October 2024, the North "
        "Atlantic Council decided.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "ingest", str(article), "--published", "2024-06-26", "-f", "json", "--store", store_url)
    (doc,) = json.loads(out)
    (appointment,) = [e for e in doc["events"] if e["type"] == "appointment"]
    assert appointment["people"] == ["Mark Rutte"] and appointment["date"]["start"] == "2024-10-01"
    pending = [s.id for s in EventStore(store_url).events(status="pending")]
    answers = "".join("a\n\n" if i == appointment["id"] else "s\n" for i in pending)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(answers))
    code, out, _ = run(capsys, "events", "review", "--store", store_url)
    assert code == 0 and "corroborates curated: Mark Rutte secretary general of nato from 2024-10-01" in out
    code, out, err = run(capsys, "offices", "NATO", "--on", "2025-01-01", "--news", "--store", store_url, "-f", "json")
    rutte = next(h for h in json.loads(out)["holders"] if h["person"] == "Mark Rutte")
    assert code == 0 and f"news-{doc['document']['id'][:12]}" in rutte["source_ids"]
    assert "office-holder(s) added or corroborated" in err
