"""No silent gaps: an empty answer says why, a missing dataset is named; ``--version``; plain English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from casus import __version__
from casus.cli.app import main
from casus.data import atop_kb, cache
from casus.knowledge import default_provider

POLAND_1970 = ["obligations", "--attacker", "West Germany", "--target", "Poland", "--on", "1970-06-01"]


def _forget() -> None:
    """Drop the knowledge bases and ATOP tables this process loaded (with or without ATOP, from any folder)."""
    default_provider.cache_clear()
    atop_kb._cached.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_provider() -> Iterator[None]:
    """Each test loads its own knowledge bases; none leaks to later tests (ATOP present or not)."""
    _forget()
    yield
    _forget()


@pytest.fixture
def no_datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CASUS_DATA_DIR", raising=False)
    monkeypatch.setattr(cache, "developer_data_dir", lambda: None)
    yield


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"casus-foederis {__version__}\n", "")


def test_csto_before_it_existed_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "members", "csto", "--on", "1950-01-01", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["members"] == []
    assert (
        data["note"]
        == "Collective Security Treaty Organization did not exist on 1950-01-01: it was founded on 1992-05-15"
    )
    _, table, _ = run(capsys, "members", "csto", "--on", "1950-01-01")
    assert "founded on 1992-05-15" in " ".join(table.split())


def test_csto_while_it_exists_has_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "members", "csto", "--on", "2024-06-25", "-f", "json")
    assert json.loads(out)["note"] is None


def test_switzerland_has_no_alliance_and_the_table_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history", "Switzerland")
    assert code == 0
    assert "Switzerland: no membership in any curated organization or treaty" in " ".join(out.split())


def test_poland_1970_without_atop_names_the_missing_dataset(
    no_datasets: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *POLAND_1970, "-f", "json")
    data = json.loads(out)
    assert code == 0 and data, "the curated Warsaw Pact still answers"
    assert {r["treaty"] for r in data} & {"warsaw-1955"}
    assert all(
        r["data_missing"] == [{"dataset": "atop", "dates": "1815-2018", "note": data[0]["data_missing"][0]["note"]}]
        for r in data
    )
    assert "ATOP 5.1 alliances (1815-2018) are missing" in data[0]["data_missing"][0]["note"]
    _, table, _ = run(capsys, *POLAND_1970)
    assert "Note: ATOP 5.1 alliances (1815-2018) are missing on this machine" in table


def test_poland_1970_with_atop_has_no_gap(
    casus_data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASUS_DATA_DIR", str(casus_data))
    _, out, _ = run(capsys, *POLAND_1970, "-f", "json")
    data = json.loads(out)
    assert any(r["atop_id"] == 3175 for r in data)
    assert all("data_missing" not in r for r in data)


def test_territory_in_plain_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "obligations", "--attacker", "non-state:al-Qaeda", "--target", "USA", "--on", "2001-09-11")
    text = " ".join(out.split())
    assert "United States's" not in text
    assert "United States is United States" not in text
    assert "the event is on United States' own territory" in text


def test_frame_refuses_an_out_folder_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "folder" / "x.parquet"
    code, out, err = run(capsys, "frame", "state-years", "--from", "2014", "--to", "2014", "--out", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"casus: error: --out {target}: the folder {target.parent} does not exist; "
        f"create it first (mkdir -p {target.parent}) or choose another path\n"
    )
    assert not (tmp_path / "missing").exists()  # nothing created


def test_an_unknown_format_is_one_plain_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "members", "csto", "-f", "xml")
    assert (code, out) == (2, "")
    assert err.startswith(
        "casus: error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv'. (see `"
    )
    assert err.endswith(" members --help`)\n") and err.count("\n") == 1  # the program name is argv[0]
