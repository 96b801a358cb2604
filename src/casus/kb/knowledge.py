"""The knowledge base: organizations, treaties, memberships, events, places and sources, queried by date.

:class:`KnowledgeBase` is a pure, immutable container. Adapters build it (:func:`casus.curated.load_kb`
from the package's curated data, :mod:`casus.data.atop_kb` from ATOP) and may merge several with
:meth:`KnowledgeBase.merge`, curated facts taking precedence.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from casus.errors import CoverageError, InvalidInputError, UnknownEntityError
from casus.kb.events import Event, EventType
from casus.kb.memberships import Membership, Status
from casus.kb.organizations import Organization
from casus.kb.places import GeographicScope, Place, PlaceLookup, TreatyArea
from casus.kb.sources import Coverage, Source
from casus.kb.states import State, StateRegistry, normalize
from casus.kb.treaties import Treaty


def alliance_of(treaty: Treaty) -> Organization:
    """A treaty-only alliance (Rio, ANZUS, a bilateral pact) as a non-institutional organization.

    Its members are the treaty's parties, its names the treaty's title and aliases, its coverage runs from
    signature to the date the treaty's facts were verified through.
    """
    return Organization(
        id=treaty.id,
        name=treaty.title,
        acronyms=tuple(("", a) for a in treaty.aliases),
        founded=treaty.signed,
        dissolved=treaty.terminated,
        institutional=False,
        coverage=Coverage(treaty.signed, treaty.verified_through, treaty.id),
        sources=treaty.sources,
        note="An alliance by treaty, with no standing organization.",
        origin=treaty.origin,
        no_mutual_defence=treaty.no_mutual_defence,
    )


@dataclass(frozen=True)
class Roster:
    """An organization's members on a date.

    Attributes:
        organization: The organization.
        on: The date asked about.
        members: Spells active on that date, excluding ``withdrawn`` ones, ordered by state name.
        beyond_coverage: True when ``on`` is after the date casus's knowledge is verified to; the roster
            then shows the statuses known on that date (``known_on``) and says they are unknown after it.
        known_on: The date the statuses are those of: ``on``, or the verified-through date when ``on`` is
            later.
    """

    organization: Organization
    on: dt.date
    members: tuple[Membership, ...]
    beyond_coverage: bool = False
    known_on: dt.date | None = None

    @property
    def unknown_after(self) -> dt.date | None:
        """The verified-through date when ``on`` is past it (statuses on ``on`` are then unknown)."""
        return self.organization.coverage.end if self.beyond_coverage else None

    def states(self, *statuses: Status) -> tuple[str, ...]:
        """State ids, optionally only those with one of ``statuses``."""
        return tuple(m.state for m in self.members if not statuses or m.status in statuses)

    def status_of(self, state_id: str) -> Status | None:
        """A state's status on the date, or ``None`` when it has none."""
        return next((m.status for m in self.members if m.state == state_id), None)


class KnowledgeBase:
    """Everything casus knows, queryable by date.

    Args:
        states: The state registry.
        organizations: Organizations (and treaty-only alliances).
        treaties: Treaties with their provisions.
        memberships: Membership spells.
        events: Timeline events.
        sources: Sources cited by the facts.
        places: Named places (subdivisions, territories).
        scopes: Geographic scopes of treaties.

    Raises:
        InvalidInputError: Overlapping spells for one state in one organization, or a fact citing an
            unknown source, organization or state.
    """

    def __init__(
        self,
        states: StateRegistry,
        organizations: Iterable[Organization] = (),
        treaties: Iterable[Treaty] = (),
        memberships: Iterable[Membership] = (),
        events: Iterable[Event] = (),
        sources: Iterable[Source] = (),
        places: Iterable[Place] = (),
        scopes: Iterable[GeographicScope] = (),
        *,
        validate: bool = True,
        gazetteer: PlaceLookup | None = None,
        areas: Mapping[str, TreatyArea] | None = None,
    ) -> None:
        self.states = states
        #: Where places not curated here are looked up (ISO 3166-2, cities, seas): see :mod:`casus.geo`.
        self.gazetteer = gazetteer
        #: Treaty areas drawn as geometry, by scope id (NATO Art. 6, Rio Art. 4…): see :mod:`casus.geo.areas`.
        self.areas: dict[str, TreatyArea] = dict(areas or {})
        self.organizations: dict[str, Organization] = {o.id: o for o in organizations}
        self.treaties: dict[str, Treaty] = {t.id: t for t in treaties}
        for treaty in self.treaties.values():
            if treaty.organization is None and treaty.id not in self.organizations:
                self.organizations[treaty.id] = alliance_of(treaty)
        self.memberships: tuple[Membership, ...] = tuple(memberships)
        self.events: tuple[Event, ...] = tuple(sorted(events, key=lambda e: (e.date, e.title)))
        self.sources: dict[str, Source] = {s.id: s for s in sources}
        self.places: dict[str, Place] = {p.id: p for p in places}
        self.scopes: dict[str, GeographicScope] = {s.id: s for s in scopes}
        self._by_scope: dict[str, list[Membership]] = defaultdict(list)
        self._by_state: dict[str, list[Membership]] = defaultdict(list)
        for m in self.memberships:
            self._by_scope[m.organization].append(m)
            self._by_state[m.state].append(m)
        self._org_index: dict[str, str] = {}
        for org in self.organizations.values():
            for alias in org.aliases():
                self._org_index.setdefault(normalize(alias), org.id)
        self._place_index: dict[str, str] = {}
        for place in self.places.values():
            for alias in (place.id, place.name, place.subdivision or "", *place.aliases):
                if alias:
                    self._place_index.setdefault(normalize(alias), place.id)
        if validate:
            self.validate()

    # ------------------------------------------------------------------ integrity
    def validate(self) -> None:
        """Check referential integrity and that one state's spells in one organization never overlap.

        Raises:
            InvalidInputError: The first problem found, saying which fact and how to fix it.
        """
        for scope, spells in self._by_scope.items():
            if scope not in self.organizations and scope not in self.treaties:
                raise InvalidInputError(f"membership spells refer to unknown organization or treaty {scope!r}")
            by_state: dict[str, list[Membership]] = defaultdict(list)
            for m in spells:
                if m.state not in self.states:
                    raise InvalidInputError(f"{scope}: membership of unknown state id {m.state!r}")
                by_state[m.state].append(m)
            for state, ms in by_state.items():
                ordered = sorted(ms, key=lambda m: m.start)
                for a, b in itertools.pairwise(ordered):
                    if a.overlaps(b):
                        raise InvalidInputError(
                            f"{scope}: spells of {state} overlap ({a.status} from {a.start} to {a.end} and "
                            f"{b.status} from {b.start}); end the first on or before {b.start}"
                        )
        cited: list[tuple[str, Iterable[str]]] = [
            (f"membership {m.state}/{m.organization}", m.sources) for m in self.memberships
        ]
        cited += [(f"treaty {t.id}", t.sources) for t in self.treaties.values()]
        cited += [(f"provision {p.id}", p.sources) for t in self.treaties.values() for p in t.provisions]
        cited += [(f"event {e.date} {e.title}", e.sources) for e in self.events]
        cited += [(f"organization {o.id}", o.sources) for o in self.organizations.values()]
        cited += [
            (f"office-holder {h.person} in {o.id}", h.sources)
            for o in self.organizations.values()
            if o.origin == "curated"
            for h in o.officeholders
        ]
        cited += [
            (f"{o.id} standing at {x.forum}", x.sources) for o in self.organizations.values() for x in o.standings
        ]
        statements = [(o.id, o.no_mutual_defence) for o in self.organizations.values()]
        statements += [(t.id, t.no_mutual_defence) for t in self.treaties.values()]
        cited += [(f"no_mutual_defence of {oid}", nmd.sources) for oid, nmd in statements if nmd is not None]
        cited += [
            (f"suspension by {x.by} towards {x.towards} in {t.id}", x.sources)
            for t in self.treaties.values()
            for x in t.suspensions
        ]
        for o in self.organizations.values():
            for act in o.actions:
                basis = [("invoked basis", act.invoked_basis), *(("reading", r) for r in act.alternative_readings)]
                cited += [(f"{o.id} action {act.id}", act.sources)]
                cited += [(f"{o.id} action {act.id}: {what} {r.text[:40]!r}", r.sources) for what, r in basis]
            cited += [(f"{o.id} doctrine of {d.start} on {d.kind.value}", d.sources) for d in o.doctrines]
        for what, ids in cited:
            ids = tuple(ids)
            if not ids:
                raise InvalidInputError(f"{what} has no source; every fact needs one")
            for sid in ids:
                if sid not in self.sources:
                    raise InvalidInputError(f"{what} cites unknown source {sid!r}; add it to sources")
        for treaty in self.treaties.values():
            if treaty.organization and treaty.organization not in self.organizations:
                raise InvalidInputError(f"treaty {treaty.id} names unknown organization {treaty.organization!r}")
            for p in treaty.provisions:
                if p.beneficiaries and p.beneficiaries not in self.scopes:
                    raise InvalidInputError(f"provision {p.id}: beneficiaries name unknown scope {p.beneficiaries!r}")
            for x in treaty.suspensions:
                for sid in (x.by, x.towards):
                    if sid not in self.states:
                        raise InvalidInputError(f"treaty {treaty.id}: suspension names unknown state id {sid!r}")

    def merge(self, other: KnowledgeBase) -> KnowledgeBase:
        """A new knowledge base with ``other``'s facts added; on id clashes ``self`` wins.

        Membership spells are taken from ``other`` only for organizations/treaties ``self`` lacks.
        """
        own_scopes = set(self._by_scope)
        return KnowledgeBase(
            self.states,
            [*self.organizations.values(), *(o for k, o in other.organizations.items() if k not in self.organizations)],
            [*self.treaties.values(), *(t for k, t in other.treaties.items() if k not in self.treaties)],
            [*self.memberships, *(m for m in other.memberships if m.organization not in own_scopes)],
            [*self.events, *other.events],
            [*self.sources.values(), *(s for k, s in other.sources.items() if k not in self.sources)],
            [*self.places.values(), *(p for k, p in other.places.items() if k not in self.places)],
            [*self.scopes.values(), *(s for k, s in other.scopes.items() if k not in self.scopes)],
            validate=False,
            gazetteer=self.gazetteer or other.gazetteer,
            areas={**other.areas, **self.areas},
        )

    # ------------------------------------------------------------------ lookups
    def state(self, name: str) -> State:
        """Resolve a state from any name or code (see :meth:`StateRegistry.resolve`)."""
        return self.states.resolve(name)

    def organization(self, name: str) -> Organization:
        """Resolve an organization from its id, name or acronym in en, fr or ru.

        Raises:
            UnknownEntityError: With the closest known names.
        """
        if name in self.organizations:
            return self.organizations[name]
        key = normalize(name)
        org_id = self._org_index.get(key)
        if org_id is None and key.startswith("atop"):
            digits = "".join(ch for ch in key if ch.isdigit())
            org_id = f"atop-{digits}" if f"atop-{digits}" in self.organizations else None
        if org_id is None:
            from rapidfuzz import fuzz, process

            curated = [a for a, oid in self._org_index.items() if not oid.startswith("atop-")]
            hits = process.extract(key, curated, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
            raise UnknownEntityError(
                "organization",
                name,
                tuple(dict.fromkeys(self.organizations[self._org_index[h[0]]].id for h in hits)),
                hint="`casus orgs` lists them",
            )
        return self.organizations[org_id]

    def treaty(self, treaty_id: str) -> Treaty:
        """The treaty with that id.

        Raises:
            UnknownEntityError: No such treaty.
        """
        try:
            return self.treaties[treaty_id]
        except KeyError:
            raise UnknownEntityError("treaty", treaty_id, hint="see `casus timeline ORG` for treaties") from None

    def place(self, name: str, *, target: str | None = None, on: dt.date | None = None) -> Place:
        """Resolve a place: a named territory, an ISO 3166-2 code, or a state (its whole territory).

        Raises:
            UnknownEntityError: Nothing matches.
        """
        key = normalize(name)
        if key in self._place_index:
            return self.places[self._place_index[key]]
        if name.upper() in self.places:
            return self.places[name.upper()]
        try:
            state = self.states.resolve(name)
        except UnknownEntityError as err:
            found = self.gazetteer.lookup(name) if self.gazetteer else None
            if found is not None and self.gazetteer is not None:
                return self.gazetteer.dated(found, on) if on is not None else found
            from rapidfuzz import fuzz, process

            names = list(self._place_index)
            hits = process.extract(key, names, scorer=fuzz.WRatio, limit=3, score_cutoff=88)
            places = [self.places[self._place_index[h[0]]].name for h in hits]
            if self.gazetteer and not places:
                more = process.extract(key, self.gazetteer.names(), scorer=fuzz.ratio, limit=3, score_cutoff=75)
                places = [p.name for h in more if (p := self.gazetteer.lookup(h[0]))]
            raise UnknownEntityError(
                "place",
                name,
                tuple(dict.fromkeys((*places, *err.suggestions)))[:3],
                hint="give a country, an ISO 3166-2 code (ES-CE) or a named territory",
            ) from None
        return self.country_place(state.id, on)

    def place_at(self, lat: float, lon: float, on: dt.date) -> Place:
        """The place at a point on a date (its holder then, or the sea), from the gazetteer's map.

        Raises:
            DataUnavailableError: No map on this machine.
        """
        if self.gazetteer is None:
            from casus.errors import DataUnavailableError

            raise DataUnavailableError(
                "no gazetteer: a point needs the [geo] extra and the Natural Earth layers "
                "(`casus data status` lists them; install them with `casus data import PATH`)"
            )
        return self.gazetteer.at(lat, lon, on)

    def country_place(self, state_id: str, on: dt.date | None = None) -> Place:
        """A state's whole territory as a place (named as the state was named on ``on``)."""
        state = self.states.get(state_id)
        name = self.states.name_on(state.id, on)
        return Place(id=state.id, name=name, country=state.id, regions=(state.region,) if state.region else ())

    # ------------------------------------------------------------------ queries
    def spells(self, scope: str) -> tuple[Membership, ...]:
        """All spells recorded under an organization or treaty id, by state then start."""
        return tuple(sorted(self._by_scope.get(scope, ()), key=lambda m: (m.state, m.start)))

    def members_on(self, org: str | Organization, on: dt.date) -> Roster:
        """Members of an organization on a date, with statuses (withdrawn states are left out).

        Raises:
            UnknownEntityError: Unknown organization.
            CoverageError: ``on`` is before casus's knowledge of the organization starts, or (for a dataset
                like ATOP that stops in 2018) after it ends.
        """
        organization = org if isinstance(org, Organization) else self.organization(org)
        cov = organization.coverage
        if cov.start and on < cov.start and organization.founded and on >= organization.founded:
            raise CoverageError(f"casus's knowledge of {organization.name} starts on {cov.start}; {on} is unknown")
        beyond = bool(cov.end and on > cov.end)
        if beyond and organization.origin != "curated":
            raise CoverageError(
                f"{organization.name}: the source ({organization.origin}) covers {cov.describe()}; membership on "
                f"{on} is unknown, not empty"
            )
        # Past the verified-through date the statuses shown are those of that date, never silently extended.
        known = cov.end if beyond and cov.end else on
        active = [
            m for m in self._by_scope.get(organization.id, ()) if m.active_on(known) and m.status != Status.WITHDRAWN
        ]
        active.sort(key=lambda m: self.states.name_on(m.state, known))
        return Roster(organization, on, tuple(active), beyond_coverage=beyond, known_on=known)

    def status_on(self, state_id: str, scope: str, on: dt.date) -> Membership | None:
        """The spell of ``state_id`` under ``scope`` active on ``on``."""
        return next((m for m in self._by_scope.get(scope, ()) if m.state == state_id and m.active_on(on)), None)

    def history(self, state: str | State) -> tuple[Membership, ...]:
        """Every spell of a state across organizations and treaties, in date order."""
        st = state if isinstance(state, State) else self.state(state)
        return tuple(sorted(self._by_state.get(st.id, ()), key=lambda m: (m.start, m.organization)))

    def treaties_in_force(self, on: dt.date) -> tuple[Treaty, ...]:
        """Treaties in force on ``on``, ordered by signature."""
        return tuple(sorted((t for t in self.treaties.values() if t.in_force_on(on)), key=lambda t: (t.signed, t.id)))

    def treaties_of(self, org_id: str) -> tuple[Treaty, ...]:
        """Treaties whose parties are the organization's members."""
        return tuple(sorted((t for t in self.treaties.values() if t.party_scope == org_id), key=lambda t: t.signed))

    def timeline(self, org: str | Organization) -> tuple[Event, ...]:
        """An organization's timeline: curated events plus membership changes and its treaties, by date."""
        organization = org if isinstance(org, Organization) else self.organization(org)
        events = [e for e in self.events if e.organization == organization.id]
        seen = {(e.date, e.type, e.actors) for e in events}
        verbs = {
            Status.MEMBER: EventType.ACCESSION,
            Status.SUSPENDED: EventType.SUSPENSION,
            Status.WITHDRAWN: EventType.WITHDRAWAL,
            Status.APPLICANT: EventType.APPLICATION,
        }
        spells = sorted(self._by_scope.get(organization.id, ()), key=lambda m: (m.state, m.start))
        previous: dict[str, Membership] = {}
        for m in spells:
            prev = previous.get(m.state)
            previous[m.state] = m
            if prev is not None and prev.status == m.status:
                continue
            kind = verbs.get(m.status, EventType.STATUS_CHANGE)
            if prev is not None and prev.status == Status.SUSPENDED and m.status == Status.MEMBER:
                kind = EventType.REINSTATEMENT
            name = self.states.name_on(m.state, m.start)
            title = f"{name}: {m.status.value}" + (f" ({m.qualifier})" if m.qualifier else "")
            if prev is None and m.status is Status.MEMBER and m.start == organization.founded:
                kind, title = EventType.FOUNDING, f"{name}: founding member"
            if (m.start, kind, (m.state,)) not in seen:
                events.append(Event(m.start, kind, organization.id, title, (m.state,), sources=m.sources))
        # A curated treaty event on the day (``ANZUS Treaty signed in San Francisco``) already tells it.
        curated_treaty_days = {e.date for e in events if e.type is EventType.TREATY}
        for t in self.treaties_of(organization.id):
            if t.signed not in curated_treaty_days:
                events.append(
                    Event(t.signed, EventType.TREATY, organization.id, f"{t.title} signed", sources=t.sources)
                )
            if t.in_force and t.in_force not in curated_treaty_days:
                events.append(
                    Event(t.in_force, EventType.TREATY, organization.id, f"{t.title} in force", sources=t.sources)
                )
        return tuple(sorted(events, key=lambda e: (e.date, e.type.value, e.title)))

    def sources_of(self, org: str | Organization) -> tuple[Source, ...]:
        """Every source an organization's facts cite — its bibliography, by id.

        That is: the organization itself, its bodies, office-holders, standings, collective actions and
        doctrines, its treaties, provisions, conditions (and their branches), suspensions and no-mutual-defence
        statements, its members' spells and its events.
        """
        organization = org if isinstance(org, Organization) else self.organization(org)
        cited: set[str] = set(organization.sources)
        for body in organization.bodies:
            cited.update(body.sources)
        for holder in organization.officeholders:
            cited.update(holder.sources)
        for standing in organization.standings:
            cited.update(standing.sources)
        for act in organization.actions:
            cited.update(act.sources)
            for r in (act.invoked_basis, *act.alternative_readings):
                cited.update(r.sources)
        for doctrine in organization.doctrines:
            cited.update(doctrine.sources)
        if organization.no_mutual_defence is not None:
            cited.update(organization.no_mutual_defence.sources)
        for m in self.spells(organization.id):
            cited.update(m.sources)
        for e in self.events:
            if e.organization == organization.id:
                cited.update(e.sources)
        for treaty in self.treaties_of(organization.id):
            cited.update(treaty.sources)
            for x in treaty.suspensions:
                cited.update(x.sources)
            if treaty.no_mutual_defence is not None:
                cited.update(treaty.no_mutual_defence.sources)
            for p in treaty.provisions:
                cited.update(p.sources)
                for c in p.conditions:
                    cited.update(c.sources)
                    for b in c.branches:
                        cited.update(b.sources)
        return tuple(self.sources[s] for s in sorted(cited) if s in self.sources)

    def source(self, source_id: str) -> Source:
        """The source with that id.

        Raises:
            UnknownEntityError: No such source.
        """
        try:
            return self.sources[source_id]
        except KeyError:
            raise UnknownEntityError("source", source_id) from None
