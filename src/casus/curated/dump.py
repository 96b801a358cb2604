"""Write knowledge-base facts back to the curated YAML format (round-trips with :mod:`casus.curated.loader`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

import yaml

from casus.curated.loader import SHAPES
from casus.kb.knowledge import KnowledgeBase
from casus.yamlio import Shape

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _plain(value: Any) -> Any:
    """YAML-ready data for a value, following the curated file's :data:`~casus.curated.loader.SHAPES`."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        shape = SHAPES.get(type(value), Shape())
        return {
            f.name: dict(getattr(value, f.name)) if f.name in shape.mappings else _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in shape.internal
        }
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def organization_document(kb: KnowledgeBase, org_id: str) -> dict[str, Any]:
    """Everything about one organization as a curated-file mapping: organization, treaties, spells, events, sources."""
    org = kb.organizations[org_id]
    o = _plain(org)
    treaties = [_plain(t) for t in kb.treaties_of(org_id)]
    spells = [_plain(m) for m in kb.spells(org_id)]
    events = [_plain(e) for e in kb.events if e.organization == org_id]
    sources = [_plain(s) for s in kb.sources_of(org)]
    return {"sources": sources, "organization": o, "treaties": treaties, "memberships": spells, "events": events}


def dump_organization(kb: KnowledgeBase, org_id: str) -> str:
    """YAML text of :func:`organization_document`."""
    return yaml.dump(organization_document(kb, org_id), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
