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
