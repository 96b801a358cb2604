"""Parameter sweeps of the crisis model: a design run point by point, wherever the points run.

:mod:`~casus.sim.sweep.design` says which parameters vary and where; :mod:`~casus.sim.sweep.run` runs the
model at every point, serially or on local processes, and :mod:`casus.sim.sweep.io.dask` on a Dask cluster.
Documented in ``docs/sweeps.md``.
"""
