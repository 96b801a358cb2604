"""Which knowledge base answers a question: the curated one, plus ATOP 5.1 when it is needed.

One rule, shared by the Python API, the CLI and the HTTP API so that their answers and JSON agree: the
curated knowledge always; ATOP 5.1 alliances for an ``atop-…`` organization, or for an obligations question
when the ATOP files are on this machine (or when asked explicitly). Past ATOP's coverage (after 2018) the ATOP
alliances with no recorded end still answer — as "unknown after 2018-12-31 (coverage)", never as silence —
unless a curated treaty carries them forward (it claims the alliance by ``atop_id``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from casus.data.provenance import get_provenance
from casus.errors import CasusError, DataUnavailableError, MissingExtraError
from casus.extras import missing_extra
from casus.kb.answers import CoverageStatus, DatasetCoverage, StateHistory, join_notes
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

    Iterating gives the results (one per treaty), so code written for a list of results keeps working.

    Attributes:
        kb: The knowledge base chosen for the date (curated, plus ATOP 5.1 when it speaks for the date).
        crisis: The event as casus understood it (names resolved, place found).
        results: One result per treaty, as :func:`casus.obligations.evaluate_casus_foederis` orders them.
        coverage: The datasets consulted or missing, with the dates each speaks for (ATOP 5.1).
        note: One line when no treaty answers, a dataset is missing, or the date is past a dataset's coverage.
    """

    kb: KnowledgeBase
    crisis: Crisis
    results: list[TreatyResult]
    coverage: tuple[DatasetCoverage, ...] = ()
    note: str | None = None

    def __iter__(self) -> Iterator[TreatyResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: int) -> TreatyResult:
        return self.results[index]


#: Coverage statuses worth a line on the answer itself (``left_out`` was the caller's choice; ``absent`` a test kb).
_SAID = ("missing", "not_loaded", "beyond", "before")


def atop_coverage(
    provider: KnowledgeProvider, kb: KnowledgeBase, on: dt.date | None, atop: bool | None, *, unknown: int = 0
) -> DatasetCoverage:
    """ATOP 5.1's part in an answer from ``kb`` about ``on`` (``None``: about every date, as a history is).

    Args:
        provider: The provider that chose ``kb`` (it knows why ATOP could not be loaded).
        kb: The knowledge base that answered.
        on: The date asked about.
        atop: The caller's choice (``False``: left out).
        unknown: How many ATOP alliances in the answer are unknown after ATOP's last day.

    References:
        Leeds 2022, ATOP codebook 5.1: coverage 1815-2018, observed until 2018-12-31.
    """
    p = _ATOP
    name = f"ATOP {p.version} alliances ({p.coverage_start}-{p.coverage_end})"

    def cov(status: CoverageStatus, note: str | None = None) -> DatasetCoverage:
        return DatasetCoverage("atop", p.version, p.coverage_start, p.coverage_end, status, note)

    if atop is False:
        return cov("left_out", f"{name} were left out (curated pacts only)")
    if not any(t.startswith("atop-") for t in kb.treaties):
        why = provider.atop_unavailable
        if isinstance(why, MissingExtraError):
            return cov("not_loaded", f"{name} are not loaded because {why} (only curated pacts are listed)")
        if why is None:
            return cov("absent", f"the knowledge base that answered holds no {name}")
        return cov(
            "missing",
            f"{name} are missing on this machine; install them with `casus data fetch atop` or "
            "`casus data import PATH` (only curated pacts are listed)",
        )
    if on is not None and on > ATOP_END:
        end = ATOP_END.isoformat()
        if not unknown:
            return cov(
                "beyond", f"ATOP {p.version} speaks only to {end}, and none of its alliances open then is listed"
            )
        listed = f"{unknown} ATOP alliance{' listed here is' if unknown == 1 else 's listed here are'}"
        return cov("beyond", f"ATOP {p.version} speaks only to {end}: {listed} unknown after it")
    if on is not None and on.year < p.coverage_start:
        return cov("before", f"ATOP {p.version} begins in {p.coverage_start}: only curated pacts speak for {on}")
    return cov("used")


def _no_treaty(kb: KnowledgeBase, crisis: Crisis) -> str:
    target = kb.states.name_on(crisis.target, crisis.on)
    attacker = kb.states.name_on(crisis.attacker.state, crisis.on) if crisis.attacker.state else None
    who = f"{target} or {attacker}" if attacker else target
    return f"no treaty in force on {crisis.on.isoformat()} binds {who}"


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
    results = evaluate_casus_foederis(kb, crisis, include_unrelated=include_unrelated)
    unknown = sum(1 for r in results if r.treaty.origin == "atop" and r.unknown_after is not None)
    cov = atop_coverage(provider, kb, when, atop, unknown=unknown)
    said = cov.status in _SAID or (not results and cov.status == "left_out")
    note = join_notes(None if results else _no_treaty(kb, crisis), cov.note if said else None)
    return ObligationsAnswer(kb, crisis, results, (cov,), note)


def history_kb(provider: KnowledgeProvider, atop: bool | None = None) -> KnowledgeBase:
    """The knowledge base a history is read from: curated, plus ATOP 5.1 unless left out or missing.

    Raises:
        DataUnavailableError: ``atop=True`` and the ATOP files are missing.
        MissingExtraError: ``atop=True`` and pandas (the ``[data]`` extra) is not installed.
    """
    if atop is False:
        return provider.curated()
    try:
        return provider.with_atop()
    except (DataUnavailableError, MissingExtraError) as err:
        if atop:
            raise
        provider.atop_unavailable = err
        return provider.curated()


def history_from(provider: KnowledgeProvider, kb: KnowledgeBase, state: str, atop: bool | None) -> StateHistory:
    """A state's spells read from ``kb`` (chosen by :func:`history_kb`), with coverage and, when empty, why."""
    st = kb.state(state)
    spells = kb.history(st)
    cov = atop_coverage(provider, kb, None, atop)
    said = cov.note if cov.status in _SAID else None
    still_open = sum(1 for m in spells if m.end is None and m.organization.startswith("atop-"))
    if still_open:
        listed = f"{still_open} ATOP spell{' listed with no end is' if still_open == 1 else 's listed with no end are'}"
        said = f"ATOP {cov.version} speaks only to {ATOP_END.isoformat()}: {listed} unknown after it"
        cov = dataclasses.replace(cov, note=said)
    if any(not m.organization.startswith("atop-") for m in spells):
        return StateHistory(st, spells, (cov,), said)
    if spells:
        only = f"{st.name}: no spell in any curated organization or treaty; the {len(spells)} listed come from ATOP"
        return StateHistory(st, spells, (cov,), join_notes(f"{only} {cov.version} ({cov.dates})", said))
    where = "in any curated organization or treaty"
    if cov.status == "used":
        where += f", nor in any ATOP {cov.version} alliance ({cov.dates})"
    return StateHistory(st, spells, (cov,), join_notes(f"{st.name}: no spell {where}", said or cov.note))


def answer_history(provider: KnowledgeProvider, state: str, atop: bool | None = None) -> StateHistory:
    """A state's spells: the curated ones, plus its ATOP 5.1 alliances when the files are on this machine.

    The same rule as :func:`answer_obligations`: ``atop=True`` requires ATOP, ``False`` leaves it out, ``None``
    adds it when it can be loaded. An empty history says why (no curated organization or treaty, nor any
    ATOP alliance — or ATOP missing), and so does one that could not consult ATOP.

    Raises:
        UnknownEntityError: An unknown state.
        DataUnavailableError: ``atop=True`` and the ATOP files are missing.
    """
    return history_from(provider, history_kb(provider, atop), state, atop)
