"""Every user mistake is exit status 2 and one line on stderr: issue 15's reproducers, then a fuzzer.

The fuzzer draws hostile values for the options and arguments the CLI itself defines (walked from the click
command tree, so a new option is fuzzed without touching this file) and asserts that no invocation prints a
traceback and that every refusal is one line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.cli.app import app, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(code: int, err: str) -> bool:
    return code == 2 and err.count("\n") == 1 and err.startswith("casus: error: ") and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ("members",),  # a missing argument: click printed a four-line usage box
        ("nosuch",),
        ("members", "NATO", "--format", "xml"),
        ("simulate", "armenia-2022-09", "--runs", "1000000000000"),  # huge --runs
        ("simulate", "armenia-2022-09", "--runs", "abc"),
        ("evaluate", "--requested", "--not-requested"),  # conflicting flags: the last one won
        ("orgs", "--atop", "--curated-only"),
        ("events", "list", "--store", "postgresql://u@h:99999/db"),  # malformed store URLs
        ("events", "list", "--store", "postgresql://u@[::1/db"),
        ("events", "list", "--store", "mysql://x"),
    ],
)
def test_reproducers_of_issue_15_are_one_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, _, err = run(capsys, *args)
    assert one_line(code, err), err


def test_accepting_like_wildcards_accepts_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "events", "accept", "%%%%%%", "--store", str(tmp_path / "ev.sqlite"))
    assert one_line(code, err) and "'%%%%%%' is not an event id" in err


@pytest.mark.parametrize(
    "raw",
    [
        "name: x\n".encode("utf-16"),  # UTF-16 scenario file
        b"name: \xff\xfe\xfa broken\n",  # not UTF-8
        codecs.BOM_UTF8 + b"organization: [unclosed\n",
    ],
)
def test_undecodable_or_broken_scenario_files_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, raw: bytes
) -> None:
    f = tmp_path / "scenario.yaml"
    f.write_bytes(raw)
    code, _, err = run(capsys, "simulate", str(f), "--runs", "10")
    assert one_line(code, err), err


def test_overlong_and_unreadable_file_names_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "simulate", str(tmp_path / ("x" * 5000 + ".yaml")), "--runs", "10")
    assert one_line(code, err), err
    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    code, _, err = run(capsys, "simulate", str(folder), "--runs", "10")
    assert one_line(code, err), err


def test_data_fetch_onto_a_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "data", "fetch", "cow_states", "--dest", str(blocker), "--mirror", "http://127.0.0.1:9")
    assert one_line(code, err), err


def test_a_requester_outside_the_organization_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(
        "name: germany-asks-csto\ntitle: Germany asks the CSTO\ndate: 2022-09-13\norganization: CSTO\n"
        "event: {attacker: Azerbaijan, target: Armenia, place: Armenia, kind: armed-attack}\n"
        "request: {by: Germany, article: '4', asks: forces}\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "simulate", str(f), "--runs", "10")
    assert one_line(code, err) and "Germany is not a member of" in err, err


# ------------------------------------------------------------------ the fuzzer
def _commands() -> list[tuple[tuple[str, ...], object]]:
    """Every leaf command with its path, from the CLI's own definitions (long-running ones left out)."""
    import typer

    skip = {("serve",), ("demo",), ("data", "fetch"), ("ingest",), ("sweep", "scenario"), ("sweep", "pairs")}
    out: list[tuple[tuple[str, ...], object]] = []

    def walk(path: tuple[str, ...], cmd: object) -> None:
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk((*path, name), sub)
        elif path not in skip:
            out.append((path, cmd))

    walk((), typer.main.get_command(app))
    return out


COMMANDS = _commands()
HOSTILE = st.sampled_from(
    [
        "",
        "-1",
        "0",
        "99999999999999999999",
        "1e309",
        "nan",
        "%%%%%%",
        "______",
        "../../../etc/passwd",
        "/dev/null",
        "/nonexistent/file.yaml",
        "x" * 5000,
        "NATO",
        "CSTO",
        "Armenia",
        "2022-02-30",
        "9999-12-31",
        "-0001-01-01",
        "\u202e\u0000",
        "sqlite:////proc/x",
        "postgresql://u@[::1/db",
        "--help-me",
    ]
)


@st.composite
def invocations(draw: st.DrawFn) -> list[str]:
    path, cmd = draw(st.sampled_from(COMMANDS))
    argv = list(path)
    for p in getattr(cmd, "params", []):
        opts = getattr(p, "opts", [])
        if getattr(p, "param_type_name", "") == "argument":
            if p.required or draw(st.booleans()):
                argv.append(draw(HOSTILE))
        elif opts and opts[0] != "--help" and draw(st.integers(0, 3)) == 0:
            if getattr(p, "is_flag", False):
                argv.append(draw(st.sampled_from([*opts, *getattr(p, "secondary_opts", [])])))
            else:
                argv += [opts[0], draw(HOSTILE)]
    return argv


CASES: list[list[str]] = []


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(invocations())
def _fuzz(argv: list[str]) -> None:
    import contextlib
    import io
    import tempfile

    err = io.StringIO()
    # Each case runs in a fresh folder: hostile values given as file or store names ("CSTO", "-1") create files.
    with (
        tempfile.TemporaryDirectory() as scratch,
        contextlib.chdir(scratch),
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        code = main([*argv, "--runs", "10"] if "simulate" in argv[:1] else argv)
    text = err.getvalue()
    CASES.append(argv)
    assert "Traceback" not in text, (argv, text)
    assert code in (0, 1, 2), (argv, code, text)
    if code == 2:
        assert text.count("\n") == 1 and text.startswith("casus: error: "), (argv, text)


@pytest.mark.slow  # about 16 s on a quiet machine: hundreds of CLI invocations
def test_fuzzed_invocations_never_print_a_traceback() -> None:
    CASES.clear()
    _fuzz()
    print(f"fuzzer: {len(CASES)} invocations over {len(COMMANDS)} commands")  # shown with -s / -rA
    assert len(CASES) >= 100, len(CASES)
    assert len({a[0] for a in CASES}) >= 5  # several commands, not one
