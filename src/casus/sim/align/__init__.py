"""The alignment model: landscape theory of aggregation (Axelrod & Bennett 1993).

* :mod:`~casus.sim.align.landscape` — the pure model: energies, exact enumeration and annealing;
* :mod:`~casus.sim.align.inputs` — sizes and propensities of states in one year, from the panel datasets
  (loaded by :mod:`casus.sim.io`).

Documented in ``docs/dynamics.md``.
"""
