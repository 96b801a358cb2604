"""``casus data import`` and ``casus data status``: installing hand-downloaded files into an empty cache."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from casus.cli.app import main
from casus.data import atop_kb, cache
from casus.data.importer import data_status, import_data
from casus.errors import DataUnavailableError
from casus.knowledge import default_provider

POLAND_1970 = ["obligations", "--attacker", "West Germany", "--target", "Poland", "--on", "1970-06-01", "-f", "json"]


def _forget() -> None:
    """Drop the knowledge bases and ATOP tables this process loaded (with or without ATOP, from any folder)."""
    default_provider.cache_clear()
    atop_kb._cached.cache_clear()


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No dataset anywhere: an empty user cache, no CASUS_DATA_DIR, no ../shared/data."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CASUS_DATA_DIR", raising=False)
    monkeypatch.setattr(cache, "developer_data_dir", lambda: None)
    _forget()  # knowledge bases loaded by earlier tests may hold ATOP
    yield tmp_path / "xdg" / "casus"
    _forget()  # and later tests must not see the fixture subsets


def _atop_ids(capsys: pytest.CaptureFixture[str]) -> set[int]:
    assert main(POLAND_1970) == 0
    return {r["atop_id"] for r in json.loads(capsys.readouterr().out)["results"] if r["atop_id"]}


def test_status_names_the_missing_files_and_the_commands_needing_them(empty_cache: Path) -> None:
    rows = {(s.dataset, s.filename): s for s in data_status()}
    members = rows[("atop", "atop5_1m.csv")]
    assert members.path is None and not members.verified
    assert any("obligations" in c for c in members.needed_by)


def test_import_fixture_folder_then_poland_1970_lists_atop_alliances(
    empty_cache: Path, fixture_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without ATOP only curated pacts answer; the Poland-Romania treaty of 1949 (ATOP 3175) is absent.
    assert 3175 not in _atop_ids(capsys)
    done = import_data(fixture_data / "atop")
    # The subsets are not the registered release: installed with their checksum recorded.
    assert {f.filename for f in done} >= {"atop5_1m.csv", "atop5_1a.csv"}
    assert all(f.status == "unregistered" for f in done)
    assert "atop5_1m.csv" in (empty_cache / "atop" / "SHA256SUMS").read_text()
    assert 3175 in _atop_ids(capsys)
    status = {(s.dataset, s.filename): s for s in data_status()}
    assert status[("atop", "atop5_1m.csv")].verified


def test_import_publisher_zip_and_cli_warning_then_poland_1970_lists_atop_alliances(
    empty_cache: Path, fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 3175 not in _atop_ids(capsys)  # nothing in the empty cache: curated pacts only
    _forget()
    archive = tmp_path / "atop_5.1__.csv_.zip"  # the publisher's file name, its folder inside
    with zipfile.ZipFile(archive, "w") as z:
        for f in (fixture_data / "atop").glob("*.csv"):
            z.write(f, f"ATOP 5.1 (.csv)/{f.name}")
        z.writestr("ATOP 5.1 (.csv)/readme.txt", "not a data file")
    assert main(["data", "import", str(archive)]) == 0
    out, err = capsys.readouterr()
    assert "atop5_1m.csv\tunregistered" in out
    assert "not the registered atop release" in err
    assert (empty_cache / "atop" / "atop5_1sy.csv").is_file()
    assert not (empty_cache / "atop" / "readme.txt").exists()
    _forget()
    # From the zip: Poland's bilateral pacts with Romania (1949), the Soviet Union (1965) and Czechoslovakia (1967).
    assert {3175, 3520, 3540} <= _atop_ids(capsys)


def test_import_of_nothing_useful_is_one_line_exit_2(
    empty_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(DataUnavailableError):
        import_data(tmp_path / "notes.txt")
    assert main(["data", "import", str(tmp_path / "missing")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_import_registered_atop_release_verifies(
    registered_data: Path, empty_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the full ATOP 5.1 release in CI; on a plain clone the fixture subsets, registered as the release
    src = tmp_path / "download"
    shutil.copytree(registered_data / "atop", src, ignore=shutil.ignore_patterns("SHA256SUMS"))
    done = import_data(src)
    assert {f.status for f in done} == {"verified"}
    assert not (empty_cache / "atop" / "SHA256SUMS").exists()
    assert 3175 in _atop_ids(capsys)
