"""The crisis model: will an organization answer a member's request for help, and how? Illustrative.

A :class:`~casus.sim.crisis.scenario.Scenario` (who attacks whom, who asks whom for what, on which date)
goes through two steps:

1. **compile** (:func:`~casus.sim.crisis.model.compile_crisis`): the scenario and the knowledge as of its
   date — the knowledge base (membership, treaties, decision bodies) and the country
   :class:`~casus.sim.crisis.evidence.Evidence` — become a frozen
   :class:`~casus.sim.crisis.model.CompiledCrisis`: the procedure (:mod:`~casus.sim.crisis.procedure`: which
   article the casus-foederis engine finds triggered, which body decides under which rule, who votes) and
   every helper's choice model (:mod:`~casus.sim.crisis.reliability`, weighted by
   :class:`~casus.sim.crisis.params.Params`), as plain arrays;
2. **run**: the vectorised Monte Carlo (:func:`~casus.sim.crisis.simulate.run_compiled`, or
   :func:`~casus.sim.crisis.simulate.simulate_crisis` for both steps at once), returning a
   :class:`~casus.sim.crisis.result.CrisisResult`; or the exact distribution of the same model
   (:func:`~casus.sim.crisis.exact.exact_responses`).

Everything else starts from the compiled crisis: the backtest on curated real episodes
(:mod:`~casus.sim.crisis.backtest`), the Sobol analysis of the assumptions
(:mod:`~casus.sim.crisis.sensitivity`), the Mesa agent-based twin (:mod:`~casus.sim.crisis.agents`) and the
parameter sweeps (:mod:`casus.sim.sweep`).

Files and datasets come in through :mod:`casus.sim.crisis.io` (scenario and episode YAML, COW/ATOP
evidence) and results go out through :mod:`casus.sim.crisis.io.charts` (Parquet, PNG, HTML); every other
module here is pure. Built-in scenarios are the YAML files of ``casus/sim/crisis/scenarios/``.
"""
