"""The sweep's adapters: executors that reach outside the process (:mod:`~casus.sim.sweep.io.dask`)."""
