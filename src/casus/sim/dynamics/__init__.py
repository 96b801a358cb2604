"""The membership-dynamics model: fitted hazards of accession, exit and termination, simulated forward.

* :mod:`~casus.sim.dynamics.risksets` — the unit-years at risk of each event (from ATOP, COW, NMC, MID);
* :mod:`~casus.sim.dynamics.hazard` — discrete-time logit hazard models, fitted and scored out of sample;
* :mod:`~casus.sim.dynamics.hypotheses` — the two hypothesis tests (threat brings members; cohesion);
* :mod:`~casus.sim.dynamics.snapshot` — an organization's roster and covariates on a start date;
* :mod:`~casus.sim.dynamics.simulate` — the membership simulated under a threat path (illustrative).

The datasets are read by :mod:`casus.sim.io`; the fitted models are cached and the charts drawn in
:mod:`casus.sim.dynamics.io`. Documented in ``docs/dynamics.md``.
"""
