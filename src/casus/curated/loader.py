"""Load the curated knowledge base from YAML files (the package's own, plus any the user adds).

Files are validated on load: a malformed file raises :class:`~casus.errors.SourceFormatError` naming the
file, the line and the field. Cross-file integrity (unknown sources, overlapping spells) is checked by
:class:`~casus.kb.knowledge.KnowledgeBase`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from casus.curated.schema import CuratedFile
from casus.curated.states import load_states
from casus.errors import InvalidInputError, SourceFormatError
from casus.kb.events import Event
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership
from casus.kb.organizations import Organization
from casus.kb.places import GeographicScope, Place
from casus.kb.sources import Source
from casus.kb.treaties import Treaty
from casus.yamlio import Loader, line_of


def parse_curated(text: str, path: str) -> CuratedFile:
    """Parse and validate one curated YAML document.

    Raises:
        SourceFormatError: Bad YAML or a field that does not validate, with file, line and field.
    """
    try:
        data: Any = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourceFormatError(
            path, f"not valid YAML: {getattr(err, 'problem', err)}", line=mark.line + 1 if mark else None
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceFormatError(path, "the top level must be a mapping (sources:, organization:, treaties:…)", line=1)
    try:
        return CuratedFile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = first["loc"]
        field = ".".join(str(p) for p in loc)
        raise SourceFormatError(path, first["msg"], line=line_of(text, loc), field=field) from None


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
        org_id = doc.organization.id if doc.organization else None
        default_scope = org_id or (doc.treaties[0].id if len(doc.treaties) == 1 else None)
        for s in doc.sources:
            if s.id in sources and sources[s.id] != s.build():
                raise SourceFormatError(
                    path, f"source {s.id!r} is defined twice with different content", field="sources"
                )
            sources[s.id] = s.build()
        if doc.organization:
            orgs.append(doc.organization.build())
        treaties += [t.build() for t in doc.treaties]
        for i, m in enumerate(doc.memberships):
            if not (m.organization or default_scope):
                raise SourceFormatError(
                    path, "membership needs `organization:` (file has no single scope)", field=f"memberships.{i}"
                )
            spells.append(m.build(default_scope))
        events += [e.build(org_id) for e in doc.events]
        places += [p.build() for p in doc.places]
        scopes += [s.build() for s in doc.scopes]
    try:
        return KnowledgeBase(load_states(), orgs, treaties, spells, events, sources.values(), places, scopes)
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
