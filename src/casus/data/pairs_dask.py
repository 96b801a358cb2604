"""Who defends whom over many years on a Dask cluster (the ``[dist]`` extra): one task per year.

:class:`DaskYears` is a :class:`~casus.data.pairs_io.YearRunner` for :func:`~casus.data.pairs_io.sweep_years`.
It starts a :class:`distributed.LocalCluster` on 127.0.0.1 (two workers by default) or joins a running
scheduler (``tcp://host:port``), through :class:`casus.sim.sweep.io.dask.DaskExecutor`::

    with DaskYears("tcp://10.0.0.5:8786") as runner:
        sweep_years(kb, range(1816, 2019), "pairs/", runner=runner)

The knowledge base and the COW state spells are sent to every worker once; each task computes one year's
table (:func:`~casus.data.pairs_io.year_part`) and hands it back, and this process writes the partition as
soon as it arrives — the workers need no shared disk. Each worker keeps its engine answers between the years
it computes, so more workers cost some repeated engine calls but never change a table.
"""

from __future__ import annotations

import uuid
from types import TracebackType
from typing import Any

import pandas as pd

from casus.data.pairs_io import Parts, year_part
from casus.errors import MissingExtraError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.sweep.io.dask import DaskExecutor


class DaskYears:
    """The years on a Dask cluster: a running one (``scheduler``), or a local one started and closed here.

    Args:
        scheduler: ``tcp://host:port`` of a running scheduler; ``None`` starts a LocalCluster on 127.0.0.1.
        workers: Worker processes of the local cluster (one thread each); default 2. Not with ``scheduler``.
        client: An existing :class:`distributed.Client` to use as it is (not closed here).

    Raises:
        InvalidInputError: A malformed address or fewer than one worker.
    """

    def __init__(self, scheduler: str | None = None, *, workers: int | None = None, client: Any = None) -> None:
        self.executor = DaskExecutor(scheduler, workers=workers, client=client)

    def __enter__(self) -> DaskYears:
        self.executor.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.executor.close()

    @property
    def workers(self) -> int:
        """Threads across the cluster's workers (how many years run at once)."""
        return self.executor.workers

    def frames(self, kb: KnowledgeBase, states: pd.DataFrame, years: list[int]) -> Parts:
        """``(year, (rows, Parquet bytes))`` as the workers finish; closing the iterator cancels the years not done.

        Raises:
            MissingExtraError: dask[distributed] is not installed.
        """
        try:
            import distributed
        except ImportError:
            raise MissingExtraError("dist", "dask") from None
        as_completed: Any = distributed.as_completed
        client = self.executor.client
        shared = client.scatter([kb, states], broadcast=True, hash=False)
        run = uuid.uuid4().hex[:12]
        # runs of consecutive years on one worker, so that its cache carries unchanged treaties from year to year
        addresses = sorted(client.scheduler_info().get("workers", {}))
        block = max(1, -(-len(years) // (4 * len(addresses)))) if addresses else len(years)
        futures = {
            client.submit(
                year_part,
                shared[0],
                shared[1],
                y,
                key=f"casus-pairs-{run}-{y}",
                pure=False,
                priority=-i,
                workers=[addresses[(i // block) % len(addresses)]] if addresses else None,
                allow_other_workers=True,
            ): y
            for i, y in enumerate(years)
        }
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            client.cancel([*futures, *shared])


__all__ = ["DaskYears"]
