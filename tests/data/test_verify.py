"""Loaders verify dataset files: a truncated or altered copy is an error naming the file and the repair."""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
from pathlib import Path

import pytest

from casus.data import verify
from casus.data.cow import load_majors
from casus.data.verify import DatasetChecksumError


@pytest.fixture
def copy_dir(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding a copy of COW's majors2016.csv, searched first."""
    (tmp_path / "cow_states").mkdir()
    shutil.copy(data_dir / "cow_states" / "majors2016.csv", tmp_path / "cow_states" / "majors2016.csv")
    monkeypatch.setenv("CASUS_DATA_DIR", str(tmp_path))
    verify._MEMO.clear()
    return tmp_path


def test_the_registered_copy_loads(copy_dir: Path) -> None:
    majors = load_majors()
    assert "USA" in set(majors["stateabb"]) and len(majors) == 14  # COW's 14 major-power spells to 2016


def test_a_truncated_copy_is_refused_with_the_repair_command(copy_dir: Path) -> None:
    f = copy_dir / "cow_states" / "majors2016.csv"
    f.write_bytes(f.read_bytes()[:-40])
    with pytest.raises(DatasetChecksumError) as err:
        load_majors()
    assert str(err.value).startswith(f"{f}: is ")
    assert "registered in the cow_states" in str(err.value)
    assert f"`casus data fetch cow_states --force --dest {copy_dir}`" in str(err.value)


def test_an_altered_copy_of_the_same_size_is_refused(copy_dir: Path) -> None:
    f = copy_dir / "cow_states" / "majors2016.csv"
    f.write_bytes(f.read_bytes().replace(b"2016", b"2017", 1))
    with pytest.raises(DatasetChecksumError, match=r"SHA-256 .* does not match"):
        load_majors()


def test_a_verified_file_is_hashed_again_only_when_it_changes(copy_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fetch = importlib.import_module("casus.data.fetch")
    calls: list[Path] = []
    real = fetch.sha256_of
    monkeypatch.setattr(fetch, "sha256_of", lambda p: calls.append(p) or real(p))
    load_majors()
    verify._MEMO.clear()  # a new process: the on-disk record is used
    load_majors()
    assert len(calls) == 1
    f = copy_dir / "cow_states" / "majors2016.csv"
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))
    load_majors()
    assert len(calls) == 2


def test_a_fixture_folder_carries_its_own_checksums(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cow_states"
    folder.mkdir()
    lines = (data_dir / "cow_states" / "majors2016.csv").read_bytes().splitlines(keepends=True)[:4]
    subset = b"".join(lines)
    (folder / "majors2016.csv").write_bytes(subset)
    (folder / "SHA256SUMS").write_text(f"{hashlib.sha256(subset).hexdigest()}  majors2016.csv\n")
    monkeypatch.setenv("CASUS_DATA_DIR", str(tmp_path))
    assert len(load_majors()) == 3
    (folder / "majors2016.csv").write_bytes(subset + b"extra,row\n")
    with pytest.raises(DatasetChecksumError, match=r"registered in .*SHA256SUMS"):
        load_majors()


def test_a_file_named_explicitly_is_the_users_own(data_dir: Path, tmp_path: Path) -> None:
    own = tmp_path / "majors2016.csv"
    own.write_bytes(b"".join((data_dir / "cow_states" / "majors2016.csv").read_bytes().splitlines(True)[:3]))
    assert len(load_majors(own)) == 2


def test_a_truncated_gz_or_a_header_only_file_is_a_one_line_error(data_dir: Path, tmp_path: Path) -> None:
    from casus.data.atop import load_atop_ddyr
    from casus.errors import SourceFormatError

    gz = tmp_path / "dd.csv.gz"
    whole = (data_dir / "atop" / "atop5_1ddyr_obligations.csv.gz").read_bytes()
    gz.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceFormatError, match=r"dd\.csv\.gz(:1)?: (the file is truncated|cannot read)") as err:
        load_atop_ddyr(gz)
    assert "\n" not in str(err.value)
    header = tmp_path / "majors2016.csv"
    header.write_bytes((data_dir / "cow_states" / "majors2016.csv").read_bytes().splitlines(True)[0])
    with pytest.raises(SourceFormatError, match=r"majors2016\.csv:2: the file has a header but no rows"):
        load_majors(header)
