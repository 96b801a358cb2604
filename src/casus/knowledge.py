"""Which knowledge base answers a question: the curated one, plus ATOP 5.1 when it is needed.

One rule, shared by the Python API, the CLI and the HTTP API so that their answers and JSON agree: the
curated knowledge always; ATOP 5.1 alliances for an ``atop-…`` organization, or for an obligations question
when the ATOP files are on this machine (or when asked explicitly). Past ATOP's coverage (after 2018) the ATOP
alliances with no recorded end still answer — as "unknown after 2018-12-31 (coverage)", never as silence —
unless a curated treaty carries them forward (it claims the alliance by ``atop_id``).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from dataclasses import dataclass

from casus.data.provenance import get_provenance
from casus.errors import CasusError, DataUnavailableError, MissingExtraError
from casus.extras import missing_extra
from casus.kb.knowledge import KnowledgeBase
from casus.obligations.crisis import Crisis
from casus.obligations.results import TreatyResult

_ATOP = get_provenance("atop", "5.1")
#: The last day ATOP 5.1 speaks for (its provenance record's censoring date, not a constant here).
ATOP_END: dt.date = _ATOP.observed_until or dt.date(_ATOP.coverage_end, 12, 31)


class KnowledgeProvider:
    """Hands out knowledge bases to the endpoints, loading each one once.

    Args:
        kb: A fixed knowledge base answering every request (tests, embedding); ``None`` loads the curated
            knowledge base and, when needed, ATOP 5.1 on first use.
    """

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self._fixed = kb
        self._atop: KnowledgeBase | None = None
        self._lock = threading.Lock()
        #: Why the last :meth:`for_date` answered without ATOP although it would speak for the date, if it did.
        self.atop_unavailable: CasusError | None = None

    def curated(self) -> KnowledgeBase:
        """The curated knowledge base (or the fixed one)."""
        if self._fixed is not None:
            return self._fixed
        from casus.curated import load_kb

        return load_kb()

    def with_atop(self) -> KnowledgeBase:
        """The curated knowledge base extended with ATOP 5.1 alliances.

        Raises:
            DataUnavailableError: The ATOP files are not on this machine.
            MissingExtraError: pandas (the ``[data]`` extra) is not installed.
        """
        if self._fixed is not None:
            return self._fixed
        with self._lock:
            if self._atop is None:
                try:
                    from casus.data.atop_kb import with_atop
                except ImportError as err:  # pandas (the [data] extra) is not installed
                    missing = missing_extra(err)
                    if missing is None:
                        raise
                    raise missing from None
                self._atop = with_atop(self.curated())
            return self._atop

    def widest(self) -> KnowledgeBase:
        """The largest knowledge base loaded so far: with ATOP 5.1 once it has been loaded, else the curated one.

        It knows every state, source and fact of any knowledge base this provider has handed out, so results
        from any of them serialise through it unchanged.
        """
        if self._fixed is not None:
            return self._fixed
        return self._atop if self._atop is not None else self.curated()

    def for_org(self, org: str) -> KnowledgeBase:
        """The knowledge base for an organization named by the user: with ATOP for ``atop-…`` ids."""
        return self.with_atop() if org.strip().lower().startswith("atop") else self.curated()

    def for_date(self, on: dt.date, atop: bool | None = None) -> KnowledgeBase:
        """The knowledge base for a question about ``on``.

        Args:
            on: The date asked about.
            atop: ``True`` requires ATOP, ``False`` excludes it, ``None`` adds it when the files are on this
                machine (past its coverage its open-ended alliances answer "unknown after 2018-12-31").

        Raises:
            DataUnavailableError: ``atop=True`` and the ATOP files are missing.
            MissingExtraError: ``atop=True`` and pandas (the ``[data]`` extra) is not installed.
        """
        if atop is False:
            return self.curated()
        try:
            return self.with_atop()
        except (DataUnavailableError, MissingExtraError) as err:
            if atop:
                raise
            self.atop_unavailable = err
            return self.curated()


@functools.cache
def default_provider() -> KnowledgeProvider:
    """The process-wide provider behind the Python API, the CLI and the HTTP API (each knowledge base loads once)."""
    return KnowledgeProvider()


@dataclass(frozen=True)
class ObligationsAnswer:
    """A user's obligations question answered: the knowledge base that answered it, the event, the results.

    Attributes:
        kb: The knowledge base chosen for the date (curated, plus ATOP 5.1 when it speaks for the date).
        crisis: The event as casus understood it (names resolved, place found).
        results: One result per treaty, as :func:`casus.obligations.evaluate_casus_foederis` orders them.
    """

    kb: KnowledgeBase
    crisis: Crisis
    results: list[TreatyResult]


def answer_obligations(
    provider: KnowledgeProvider,
    *,
    attacker: str,
    target: str,
    on: str | dt.date | None = None,
    place: str | None = None,
    disputed: bool = False,
    kind: str = "armed-attack",
    requested: bool | None = None,
    unprovoked: bool | None = None,
    conflict: str | None = None,
    forces: str | None = None,
    atop: bool | None = None,
    include_unrelated: bool = False,
    date_field: str = "on",
) -> ObligationsAnswer:
    """The one path from a question as a user writes it to the results: ``casus.evaluate``, CLI, HTTP.

    Picks the knowledge base for the date (:meth:`KnowledgeProvider.for_date`), builds the event
    (:func:`casus.obligations.make_crisis`; ``unprovoked`` is the user's word for ``provoked=False``) and
    evaluates every treaty involved. ``date_field`` names the date in error messages (``--on`` on the CLI).

    Raises:
        UnknownEntityError: An unknown state or place.
        InvalidInputError: A bad date, kind or combination of facts.
        DataUnavailableError: ``atop=True`` and the ATOP files are missing.
    """
    from casus.kb.dates import parse_date
    from casus.obligations import evaluate_casus_foederis, make_crisis

    when = parse_date(on, field=date_field)
    kb = provider.for_date(when, atop)
    crisis = make_crisis(
        kb,
        attacker=attacker,
        target=target,
        on=when,
        place=place,
        disputed=disputed,
        kind=kind,
        requested=requested,
        provoked=None if unprovoked is None else not unprovoked,
        forces=forces,
        conflict=conflict,
    )
    return ObligationsAnswer(kb, crisis, evaluate_casus_foederis(kb, crisis, include_unrelated=include_unrelated))
