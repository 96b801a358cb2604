"""Adapter at the edge: run a sweep's batches on a Dask cluster (the ``[dist]`` extra).

:class:`DaskExecutor` is a :class:`~casus.sim.sweep.run.SweepExecutor` for
:func:`~casus.sim.sweep.run.simulate_sweep`. It either connects to a running scheduler (``tcp://host:port``;
start one with ``dask scheduler`` and workers with ``dask worker tcp://host:port``, each with casus and
the same versions of numpy installed) or starts a :class:`distributed.LocalCluster` on 127.0.0.1 and
closes it afterwards::

    with DaskExecutor("tcp://10.0.0.5:8786") as ex:
        df = simulate_sweep(kb, scenario, design, evidence, rng=7, executor=ex)

The sweep's task (knowledge base, procedure, member features) is scattered to every worker once; each
Dask task is a batch of points. Because each point carries its own seed, the DataFrame is the same, bit
for bit, as with the serial executor.

This module talks to the network (loopback only for the local cluster), so it is an adapter, not part of
the pure core; :mod:`distributed` is imported only when a cluster is started or joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from casus.errors import CasusError, InvalidInputError, MissingExtraError
from casus.sim.sweep.run import Batch, FloatArray, SweepTask, evaluate_batch

_ADDRESS = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):\d{1,5}$")


class SchedulerError(CasusError):
    """A Dask scheduler that cannot be reached, or a cluster that cannot be started."""

    kind = "scheduler"


def check_address(address: str) -> str:
    """A scheduler address as ``tcp://host:port`` (or ``tls://``), stripped.

    >>> check_address(" tcp://127.0.0.1:8786 ")
    'tcp://127.0.0.1:8786'

    Raises:
        InvalidInputError: Anything else, with the expected form.
    """
    text = address.strip()
    if not _ADDRESS.match(text):
        raise InvalidInputError(
            f"scheduler address {address!r} is not of the form tcp://host:port (e.g. tcp://10.0.0.5:8786, "
            "as printed by `dask scheduler`)"
        )
    return text


class DaskExecutor:
    """Batches of a sweep on a Dask cluster: a running one, or a local one started and closed here.

    Args:
        scheduler: ``tcp://host:port`` of a running scheduler; ``None`` starts a LocalCluster on 127.0.0.1.
        workers: Worker processes of the local cluster (one thread each); default 2. Ignored with
            ``scheduler`` or ``client``.
        client: An existing :class:`distributed.Client` to use as it is (not closed here).
        processes: Local cluster workers as processes (default) or threads of this process.
        timeout: Seconds to wait for the scheduler.

    Raises:
        InvalidInputError: A malformed address or fewer than one worker.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int | None = None,
        client: Any = None,
        processes: bool = True,
        timeout: float = 10.0,
    ) -> None:
        self.scheduler = check_address(scheduler) if scheduler is not None else None
        self.n_workers = 2 if workers is None else int(workers)
        if self.n_workers < 1:
            raise InvalidInputError(f"a local Dask cluster needs at least 1 worker, got {workers}")
        self.processes = processes
        self.timeout = timeout
        self._client: Any = client
        self._own_client = False
        self._cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def client(self) -> Any:
        """The :class:`distributed.Client` (started on first use)."""
        if self._client is None:
            self.start()
        return self._client

    def start(self) -> None:
        """Connect to the scheduler, or start the local cluster (nothing when already started).

        Raises:
            MissingExtraError: dask[distributed] is not installed.
            SchedulerError: The scheduler cannot be reached, or the local cluster cannot start.
        """
        if self._client is not None:
            return
        try:
            import distributed
        except ImportError:
            raise MissingExtraError("dist", "dask") from None
        client_cls: Any = distributed.Client
        cluster_cls: Any = distributed.LocalCluster
        if self.scheduler is not None:
            try:
                self._client = client_cls(self.scheduler, timeout=f"{self.timeout}s")
            except (OSError, TimeoutError) as err:
                raise SchedulerError(
                    f"cannot reach the Dask scheduler at {self.scheduler} within {self.timeout:g} s ({err}); "
                    f"start one with `dask scheduler` and workers with `dask worker {self.scheduler}`, or leave "
                    "out the address to run a local cluster"
                ) from None
        else:
            import logging

            try:
                self._cluster = cluster_cls(
                    n_workers=self.n_workers,
                    threads_per_worker=1,
                    processes=self.processes,
                    host="127.0.0.1",
                    protocol="tcp://",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = client_cls(self._cluster, timeout=f"{self.timeout}s")
            except (OSError, TimeoutError, RuntimeError) as err:
                self.close()
                raise SchedulerError(f"cannot start a local Dask cluster on 127.0.0.1: {err}") from None
        self._own_client = True

    def close(self) -> None:
        """Close the client and the local cluster when they were started here."""
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None
            self._own_client = False
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def workers(self) -> int:
        """Threads across the cluster's workers (how many batches run at once)."""
        return max(1, int(sum(self.client.nthreads().values())))

    def map(self, task: SweepTask, batches: Sequence[Batch]) -> list[FloatArray]:
        """Scatter the task to every worker once, run one Dask task per batch, gather in order."""
        client = self.client
        shared = client.scatter(task, broadcast=True, hash=False)
        try:
            futures = client.map(
                evaluate_batch, [shared] * len(batches), [v for v, _ in batches], [s for _, s in batches], pure=False
            )
            results: list[FloatArray] = client.gather(futures)
        finally:
            client.cancel([shared])
        return results


__all__ = ["DaskExecutor", "SchedulerError", "check_address"]
