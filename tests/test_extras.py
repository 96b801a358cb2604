"""Which extra provides a module, read from the installed package metadata (pyproject.toml's extras)."""

from __future__ import annotations

import pytest

from casus.errors import MissingExtraError
from casus.extras import extras_for, missing_extra, require


def test_extras_come_from_the_package_metadata() -> None:
    assert extras_for("pandas") == ("data", "sim")  # in both, in pyproject.toml's order
    assert extras_for("fastapi") == ("web",)
    assert extras_for("sklearn") == ("sim", "ingest")  # imported under another name than scikit-learn
    assert extras_for("psycopg") == ("ingest",)  # psycopg[binary]
    assert extras_for("dask.distributed") == ("dist",)
    assert extras_for("numpy") == extras_for("casus") == ()  # core dependency, and casus itself


def test_a_missing_extra_module_is_one_line_naming_the_extras() -> None:
    err = missing_extra(ModuleNotFoundError("No module named 'pandas'", name="pandas"))
    assert isinstance(err, MissingExtraError)
    assert str(err) == (
        "this feature needs the optional module 'pandas'; install it with `pip install 'casus-foederis[data,sim]'`"
    )


def test_a_module_of_no_extra_is_not_disguised() -> None:
    assert missing_extra(ModuleNotFoundError("No module named 'casus.nope'", name="casus.nope")) is None


def test_require_checks_before_any_work() -> None:
    require("pandas", "numpy")  # installed: nothing happens
    with pytest.raises(MissingExtraError, match=r"'no_such_module_xyz'.*casus-foederis\[all\]"):
        require("numpy", "no_such_module_xyz")
