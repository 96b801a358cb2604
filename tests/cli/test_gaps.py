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
        == "Collective Security Treaty Organization did not exist on 1950-01-01: the alliance began on 1992-05-15"
    )
    _, table, _ = run(capsys, "members", "csto", "--on", "1950-01-01")
    assert "the alliance began on 1992-05-15" in " ".join(table.split())


def test_csto_while_it_exists_has_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "members", "csto", "--on", "2024-06-25", "-f", "json")
    assert json.loads(out)["note"] is None


MISSING_ATOP = (
    "ATOP 5.1 alliances (1815-2018) are missing on this machine; install them with `casus data fetch atop` or "
    "`casus data import PATH` (only curated pacts are listed)"
)


def test_switzerland_is_known_only_to_atop_and_the_answer_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # No curated organization or treaty; ATOP 5.1 codes Switzerland in the Helsinki Final Act (ATOP 3740) —
    # and, in the full files, a 1956 non-aggression pact with the Philippines (ATOP 3320).
    code, out, _ = run(capsys, "history", "Switzerland", "-f", "json")
    data = json.loads(out)
    assert code == 0 and (data["state"], data["name"]) == ("CHE", "Switzerland")
    orgs = [s["organization"] for s in data["spells"]]
    assert "atop-3740" in orgs and all(o.startswith("atop-") for o in orgs)
    [atop] = data["coverage"]
    assert (atop["dataset"], atop["version"], atop["dates"], atop["status"]) == ("atop", "5.1", "1815-2018", "used")
    still_open = sum(1 for s in data["spells"] if s["end"] is None)
    assert data["note"] == (
        f"Switzerland: no spell in any curated organization or treaty; the {len(orgs)} listed come from ATOP 5.1 "
        f"(1815-2018); ATOP 5.1 speaks only to 2018-12-31: {still_open} ATOP spell"
        + (" listed with no end is" if still_open == 1 else "s listed with no end are")
        + " unknown after it"
    )
    _, table, _ = run(capsys, "history", "Switzerland")
    assert "Switzerland: no spell in any curated organization or treaty; the" in " ".join(table.split())


def test_switzerland_without_atop_names_what_was_not_searched(
    no_datasets: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "history", "Switzerland", "-f", "json")
    data = json.loads(out)
    assert data["spells"] == [] and data["coverage"][0]["status"] == "missing"
    assert data["note"] == f"Switzerland: no spell in any curated organization or treaty; {MISSING_ATOP}"
    _, table, _ = run(capsys, "history", "Switzerland")
    assert f"Switzerland: no spell in any curated organization or treaty; {MISSING_ATOP}" in " ".join(table.split())
    _, out, _ = run(capsys, "history", "Switzerland", "--curated-only", "-f", "json")
    assert json.loads(out)["note"] == (
        "Switzerland: no spell in any curated organization or treaty; "
        "ATOP 5.1 alliances (1815-2018) were left out (curated pacts only)"
    )


def test_poland_1970_without_atop_names_the_missing_dataset(
    no_datasets: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *POLAND_1970, "-f", "json")
    data = json.loads(out)
    assert code == 0 and {r["treaty"] for r in data["results"]} & {"warsaw-1955"}, "the curated Warsaw Pact answers"
    assert data["coverage"] == [
        {"dataset": "atop", "version": "5.1", "dates": "1815-2018", "start": 1815, "end": 2018, "status": "missing",
         "note": MISSING_ATOP}
    ]  # fmt: skip
    assert data["note"] == MISSING_ATOP
    _, table, _ = run(capsys, *POLAND_1970)
    assert table.rstrip().endswith(f"Note: {MISSING_ATOP}")


def test_poland_1970_with_atop_has_no_gap(
    casus_data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASUS_DATA_DIR", str(casus_data))
    _, out, _ = run(capsys, *POLAND_1970, "-f", "json")
    data = json.loads(out)
    assert any(r["atop_id"] == 3175 for r in data["results"])
    assert data["note"] is None and data["coverage"][0]["status"] == "used"
    _, table, _ = run(capsys, *POLAND_1970)
    assert "Note:" not in table


def test_after_2018_each_atop_alliance_is_unknown_and_the_answer_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    question = ["obligations", "--attacker", "Germany", "--target", "Switzerland", "--on", "2024-06-01"]
    _, out, _ = run(capsys, *question, "-f", "json")
    data = json.loads(out)
    atop = [r for r in data["results"] if r["treaty"].startswith("atop-")]
    assert any(r["atop_id"] == 3740 for r in atop)  # the Helsinki Final Act, open on 2018-12-31
    assert all(r["unknown_after"] == "2018-12-31" for r in atop)
    n = len(atop)
    line = (
        f"ATOP 5.1 speaks only to 2018-12-31: {n} ATOP alliance{' listed here is' if n == 1 else 's listed here are'}"
    )
    assert data["coverage"][0]["status"] == "beyond" and data["coverage"][0]["dates"] == "1815-2018"
    assert data["note"] == data["coverage"][0]["note"] == f"{line} unknown after it"
    _, table, _ = run(capsys, *question)
    assert table.rstrip().endswith(f"Note: {line} unknown after it")


def test_no_treaty_at_all_is_said_not_left_empty(capsys: pytest.CaptureFixture[str]) -> None:
    question = ["obligations", "--attacker", "non-state", "--target", "Switzerland", "--on", "2024-06-01"]
    _, out, _ = run(capsys, *question, "--curated-only", "-f", "json")
    data = json.loads(out)
    assert data["results"] == [] and data["attacker"] is None and data["target"] == "CHE"
    assert data["note"] == (
        "no treaty in force on 2024-06-01 binds Switzerland; "
        "ATOP 5.1 alliances (1815-2018) were left out (curated pacts only)"
    )


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


def test_counts_take_the_right_number() -> None:
    from casus.cli.cmd_sim import _n

    assert [_n(1.0, "day"), _n(0.6, "troop"), _n(9.0, "day"), _n(1679.4, "troop")] == [
        "1 day",
        "1 troop",
        "9 days",
        "1,679 troops",
    ]


@pytest.fixture
def fresh_curated() -> Iterator[None]:
    """A curated knowledge base built for this test alone: its map layers are looked up afresh, and forgotten after."""
    from casus.curated import loader

    loader._builtin_kb.cache_clear()
    yield
    loader._builtin_kb.cache_clear()


def test_a_point_without_the_map_names_the_layer_its_version_and_data_import(
    no_datasets: None, fresh_curated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    question = ["obligations", "--attacker", "Russia", "--target", "Latvia", "--on", "2024-06-01", "--curated-only"]
    code, out, err = run(capsys, *question, "--place", "56.9,24.1")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith(
        "casus: error: a point needs the Natural Earth Admin 0 - Countries, 1:50m (GeoJSON), version 4.0.0 "
        "(ne_50m_admin_0_countries.geojson); naturalearth_countries 4.0.0 has no direct download (a derived file); "
        "install a copy with `casus data import PATH`"
    )
    assert err.endswith("; or give --place NAME\n")
