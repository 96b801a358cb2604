from __future__ import annotations

from pathlib import Path

import pytest

from casus.data.cache import ENV_VAR, developer_data_dir, find_dataset_file, user_cache_dir
from casus.errors import DataUnavailableError


def test_explicit_file_and_folder(tmp_path: Path) -> None:
    f = tmp_path / "renamed.csv"
    f.write_text("a\n")
    assert find_dataset_file("atop", "atop5_1m.csv", f) == f
    (tmp_path / "atop").mkdir()
    g = tmp_path / "atop" / "atop5_1m.csv"
    g.write_text("a\n")
    assert find_dataset_file("atop", "atop5_1m.csv", tmp_path) == g


def test_env_var_comes_before_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = tmp_path / "env"
    cache = tmp_path / "cache"
    for base in (env, cache / "casus"):
        (base / "cow_states").mkdir(parents=True)
        (base / "cow_states" / "majors2016.csv").write_text("x\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv(ENV_VAR, str(env))
    assert find_dataset_file("cow_states", "majors2016.csv") == env / "cow_states" / "majors2016.csv"
    monkeypatch.delenv(ENV_VAR)
    assert user_cache_dir() == cache / "casus"
    assert find_dataset_file("cow_states", "majors2016.csv") == cache / "casus" / "cow_states" / "majors2016.csv"


def test_missing_file_says_how_to_fetch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nothing"))
    monkeypatch.setattr("casus.data.cache.developer_data_dir", lambda: None)
    with pytest.raises(
        DataUnavailableError, match=r"version 5\.0\) is not on this machine; get it with `casus data fetch mid`"
    ) as exc:
        find_dataset_file("mid", "MIDA_5.0.csv")
    assert str(tmp_path / "nothing") in str(exc.value)
    assert "`casus data import PATH`" in str(exc.value)


def test_missing_nmc_7_names_version_7_and_data_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nothing"))
    monkeypatch.setattr("casus.data.cache.developer_data_dir", lambda: None)
    with pytest.raises(DataUnavailableError) as exc:
        find_dataset_file("nmc", "NMC-7.0-abridged_peacesciencer.csv")
    text = str(exc.value)
    assert "(NMC), version 7.0 (via peacesciencer)) is not on this machine" in text
    assert "version 6.0" not in text
    assert "NMC 7.0 has no direct download (a derived file); install a copy with `casus data import PATH`" in text
    assert "`casus data fetch nmc --version 7.0 --mirror URL`" in text


def test_developer_dir_is_shared_data_next_to_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casus.data.cache as cache

    # a src-layout checkout at tmp_path/checkout: its developer folder is tmp_path/shared/data, when it exists
    monkeypatch.setattr(cache, "__file__", str(tmp_path / "checkout" / "src" / "casus" / "data" / "cache.py"))
    assert developer_data_dir() is None
    (tmp_path / "shared" / "data").mkdir(parents=True)
    assert developer_data_dir() == (tmp_path / "shared" / "data").resolve()
