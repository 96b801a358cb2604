"""Load the curated knowledge base from YAML files (the package's own, plus any the user adds).

Files are validated on load: a malformed file raises :class:`~casus.errors.SourceFormatError` naming the
file, the line and the field. Cross-file integrity (unknown sources, overlapping spells) is checked by
:class:`~casus.kb.knowledge.KnowledgeBase`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from casus import yamlio
from casus.curated.states import load_states
from casus.errors import InvalidInputError, SourceFormatError
from casus.kb.events import Event
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership
from casus.kb.organizations import Body, Officeholder, Organization
from casus.kb.places import GeographicScope, Place
from casus.kb.sources import Coverage, Source
from casus.kb.treaties import Condition, Modality, Provision, Treaty
from casus.yamlio import Shape


@dataclasses.dataclass(frozen=True)
class CuratedFile:
    """One curated YAML file: its top-level keys, each validated straight into the :mod:`casus.kb` dataclasses.

    A membership or event without ``organization:`` belongs to the file's organization (or to its only treaty).
    """

    sources: tuple[Source, ...] = ()
    organization: Organization | None = None
    treaties: tuple[Treaty, ...] = ()
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    scopes: tuple[GeographicScope, ...] = ()


#: Where the curated YAML spelling differs from the dataclasses (see :class:`casus.yamlio.Shape`). Every object
#: with a ``sources`` field must cite at least one source, except a body and a condition.
SHAPES: dict[type, Shape] = {
    Organization: Shape(mappings=frozenset({"names", "acronyms"}), internal=frozenset({"origin"})),
    Coverage: Shape(defaults={"start": None, "end": None}, internal=frozenset({"label"})),
    Officeholder: Shape(defaults={"end": None}),
    Body: Shape(cited=False),
    Condition: Shape(cited=False),
    Provision: Shape(defaults={"modality": Modality.OBLIGATION.value}),
    Treaty: Shape(defaults={"organization": None, "in_force": None}, internal=frozenset({"origin"})),
    Event: Shape(defaults={"organization": None}),
}


def parse_curated(text: str, path: str) -> CuratedFile:
    """Parse and validate one curated YAML document.

    Raises:
        SourceFormatError: Bad YAML or a field that does not validate, with file, line and field.
    """
    data = yamlio.load(text, path)
    org, treaties = data.get("organization"), data.get("treaties")
    org_id = org.get("id") if isinstance(org, dict) else None
    only_treaty = treaties[0].get("id") if isinstance(treaties, list) and len(treaties) == 1 else None
    default_scope = org_id or (only_treaty if isinstance(only_treaty, str) else None)
    for key, default in (("memberships", default_scope), ("events", org_id)):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if isinstance(item, dict) and item.get("organization") is None:
                if key == "memberships" and default is None:
                    raise SourceFormatError(
                        path,
                        "membership needs `organization:` (file has no single scope)",
                        line=yamlio.line_of(text, [key, i]),
                        field=f"{key}.{i}",
                    )
                items[i] = {**item, "organization": default}
    doc = yamlio.validate(CuratedFile, data, text, path, shapes=SHAPES)
    if doc.organization is not None:  # the coverage speaks for this organization
        cov = doc.organization.coverage
        org_obj = dataclasses.replace(doc.organization, coverage=Coverage(cov.start, cov.end, doc.organization.id))
        doc = dataclasses.replace(doc, organization=org_obj)
    return doc


def _builtin_files() -> list[tuple[str, str]]:
    root = resources.files("casus.curated") / "data"
    out = []
    for sub in ("orgs", "treaties"):
        folder = root / sub
        if folder.is_dir():
            out += [
                (f"casus/curated/data/{sub}/{f.name}", f.read_text("utf-8"))
                for f in sorted(folder.iterdir(), key=lambda p: p.name)
                if f.name.endswith(".yaml")
            ]
    places = root / "places.yaml"
    if places.is_file():
        out.append(("casus/curated/data/places.yaml", places.read_text("utf-8")))
    return out


def build_kb(documents: Iterable[tuple[str, str]]) -> KnowledgeBase:
    """Build a knowledge base from ``(path, yaml_text)`` pairs.

    Raises:
        SourceFormatError: A malformed file, or a fact that breaks integrity (named with its file).
    """
    orgs: list[Organization] = []
    treaties: list[Treaty] = []
    spells: list[Membership] = []
    events: list[Event] = []
    sources: dict[str, Source] = {}
    places: list[Place] = []
    scopes: list[GeographicScope] = []
    for path, text in documents:
        doc = parse_curated(text, path)
        for s in doc.sources:
            if s.id in sources and sources[s.id] != s:
                raise SourceFormatError(
                    path, f"source {s.id!r} is defined twice with different content", field="sources"
                )
            sources[s.id] = s
        if doc.organization:
            orgs.append(doc.organization)
        treaties += doc.treaties
        spells += doc.memberships
        events += doc.events
        places += doc.places
        scopes += doc.scopes
    try:
        from casus.geo.build import geography

        states = load_states()
        gazetteer, areas, more = geography(states, {p.id: p for p in places}, sources, scopes={s.id for s in scopes})
        sources.update({s.id: s for s in more if s.id not in sources})
        return KnowledgeBase(
            states, orgs, treaties, spells, events, sources.values(), places, scopes, gazetteer=gazetteer, areas=areas
        )
    except InvalidInputError as err:
        raise SourceFormatError("curated knowledge base", str(err)) from None


@functools.cache
def _builtin_kb() -> KnowledgeBase:
    return build_kb(_builtin_files())


def load_kb(*extra: str | Path) -> KnowledgeBase:
    """The built-in curated knowledge base, plus any extra curated YAML files.

    The built-in one is loaded once per process and cached.

    >>> kb = load_kb()
    >>> kb.organization("ОДКБ").id
    'csto'

    Raises:
        SourceFormatError: A malformed file.
    """
    if not extra:
        return _builtin_kb()
    docs = _builtin_files() + [(str(p), Path(p).read_text("utf-8")) for p in extra]
    return build_kb(docs)
