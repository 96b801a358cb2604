"""Who defends whom over years on a local Dask cluster: interrupted, restarted, equal to an in-process run."""

from __future__ import annotations

import numpy as np
import pandas as pd
import psutil
import pytest

from casus.data.cow import load_states
from casus.data.pairs_io import InProcess, partition, sweep_years

pytest.importorskip("distributed")

YEARS = range(1949, 1957)


class Stop(Exception):
    """Raised by the test to cut a run short after some partitions."""


@pytest.fixture(scope="module")
def states(casus_data):
    return load_states(casus_data / "cow_states" / "states2016.csv")


@pytest.fixture(scope="module")
def reference(kb, states, tmp_path_factory):
    out = tmp_path_factory.mktemp("in-process")
    log = sweep_years(kb, YEARS, out, states=states, runner=InProcess())
    assert list(log.status) == ["written"] * len(YEARS)
    return out


def assert_same_partitions(out, reference):
    for year in YEARS:
        got, want = pd.read_parquet(partition(out, year)), pd.read_parquet(partition(reference, year))
        assert len(want) > 0
        assert_same_table(got, want)


def assert_same_table(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Equal columns, dtypes and values (categoricals by codes and categories: pandas' own check boxes each cell)."""
    assert list(got.columns) == list(want.columns) and list(got.dtypes) == list(want.dtypes)
    for c in want.columns:
        if isinstance(want[c].dtype, pd.CategoricalDtype):
            assert list(got[c].cat.categories) == list(want[c].cat.categories), c
            assert np.array_equal(got[c].cat.codes.to_numpy(), want[c].cat.codes.to_numpy()), c
        else:
            assert np.array_equal(got[c].to_numpy(), want[c].to_numpy()), c


def workers_alive(before: set[int]) -> list[str]:
    """Worker processes started since ``before`` still running after a grace period (not the resource tracker)."""
    new = [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in before and "resource_tracker" not in " ".join(p.cmdline())
    ]
    return [" ".join(p.cmdline()) for p in psutil.wait_procs(new, timeout=15)[1]]


@pytest.mark.slow
def test_an_interrupted_run_restarts_and_equals_one_in_process(kb, states, reference, tmp_path):
    from casus.data.pairs_dask import DaskYears

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    out = tmp_path / "dask"
    written: list[int] = []

    def stop_after_three(year: int) -> None:
        written.append(year)
        if len(written) == 3:
            raise Stop

    with DaskYears(workers=2) as runner:
        assert runner.workers == 2
        with pytest.raises(Stop):
            sweep_years(kb, YEARS, out, states=states, runner=runner, on_written=stop_after_three)
        done = sorted(y for y in YEARS if partition(out, y).is_file())
        assert sorted(written) == done and len(done) == 3
        assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
        log = sweep_years(kb, YEARS, out, states=states, runner=runner)
    status = dict(zip(log.year, log.status, strict=True))
    assert [y for y in YEARS if status[y] == "done before"] == done
    assert [y for y in YEARS if status[y] == "written"] == [y for y in YEARS if y not in done]
    assert_same_partitions(out, reference)
    assert workers_alive(before) == []  # the local cluster is gone


@pytest.mark.slow
def test_one_worker_gives_the_same_partitions(kb, states, reference, tmp_path):
    from casus.data.pairs_dask import DaskYears

    with DaskYears(workers=1) as runner:
        sweep_years(kb, YEARS, tmp_path, states=states, runner=runner)
    assert_same_partitions(tmp_path, reference)
