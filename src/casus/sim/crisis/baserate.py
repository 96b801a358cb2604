"""The reference class of a scenario: how often real requests of the same kind were honoured.

Shown next to every probability of ``casus simulate`` and the dashboard so that a reader sees what the model
adds to the plain base rate. The rate is the share of the *training* episodes (the backtest's episodes less the
frozen hold-out, requests actually made) with the same request kind that were honoured, and the share of
each organizational response among them.

>>> import datetime as dt
>>> from casus.sim.crisis.backtest import Episode, EpisodeSource
>>> from casus.sim.crisis.scenario import RequestKind, Response
>>> src = (EpisodeSource("x", "y"),)
>>> eps = [Episode("a", dt.date(2000, 1, 1), "nato", "Turkey", "Turkey", "Iraq", "threat", None, False, None,
...                RequestKind.FORCES, None, Response.COLLECTIVE_DEPLOYMENT, "s", src),
...        Episode("b", dt.date(2001, 1, 1), "csto", "Armenia", "Armenia", "Azerbaijan", "threat", None, False,
...                None, RequestKind.FORCES, None, Response.NOTHING, "s", src)]
>>> base_rate(eps, RequestKind.FORCES).honoured
0.5
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casus.sim.crisis.backtest import Episode
from casus.sim.crisis.scenario import RESPONSES, RequestKind, Response


@dataclass(frozen=True)
class BaseRate:
    """How often requests of one kind were honoured in the training episodes.

    Attributes:
        request: The request kind.
        honoured: Share honoured.
        responses: Share of each organizational response.
        n: Episodes counted.
        source: What the episodes are.
    """

    request: RequestKind
    honoured: float
    responses: tuple[tuple[Response, float], ...]
    n: int
    source: str = "training episodes of casus backtest (curated, less the frozen hold-out; requests made)"

    def share(self, response: Response) -> float:
        """Share of one response."""
        return dict(self.responses)[response]

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``base_rate`` in ``casus simulate --format json``)."""
        return {
            "request": self.request.value,
            "honoured": self.honoured,
            "responses": {r.value: p for r, p in self.responses},
            "n": self.n,
            "source": self.source,
        }


def base_rate(episodes: Iterable[Episode], request: RequestKind) -> BaseRate | None:
    """The base rate of ``request`` over the given episodes (requests made only), or ``None`` if there is none."""
    same = [e for e in episodes if e.request is request and e.request_made]
    if not same:
        return None
    n = len(same)
    shares = tuple((r, sum(e.outcome is r for e in same) / n) for r in RESPONSES)
    return BaseRate(request, sum(e.honoured for e in same) / n, shares, n)
