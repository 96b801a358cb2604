"""Wire the geography adapters for the curated knowledge base: the world map, treaty areas, dated holdings.

:func:`geography` is what :func:`casus.curated.loader.build_kb` calls: it returns the gazetteer, the treaty
areas by scope id and the sources the area and sovereignty files cite. Without shapely (the ``[geo]`` extra)
there are no areas and the scopes' named regions decide alone; without the Natural Earth files there are no
points to test.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from casus.errors import SourceFormatError
from casus.geo.gazetteer import Gazetteer
from casus.geo.world import DataFile, World, marine_regions
from casus.kb.knowledge import KnowledgeBase
from casus.kb.places import Place, TreatyArea
from casus.kb.sources import Source
from casus.kb.states import StateRegistry

if TYPE_CHECKING:
    from casus.geo.areas import AreaFile


def data_file(name: str, filename: str) -> Path | None:
    """A dataset file on this machine, or ``None`` (never an error: geography degrades to names)."""
    from casus.data.cache import find_dataset_file
    from casus.errors import DataUnavailableError

    try:
        return find_dataset_file(name, filename)
    except DataUnavailableError:
        return None


def geography(
    states: StateRegistry,
    curated: dict[str, Place],
    known_sources: Iterable[str],
    files: DataFile = data_file,
    scopes: set[str] | None = None,
) -> tuple[Gazetteer, dict[str, TreatyArea], tuple[Source, ...]]:
    """The gazetteer (with its world map), the treaty areas and the sources their files add.

    Args:
        states: The state registry.
        curated: Curated places by id.
        known_sources: Source ids the curated files define.
        files: Finds a dataset file (default: the usual data folders, see :mod:`casus.data.cache`).
        scopes: The geographic scopes the knowledge base defines: only the areas drawing one of them are built
            (``None``: all).

    Raises:
        SourceFormatError: An area or sovereignty file cites a source no curated file defines.
    """
    from casus.geo.areas import build_areas, load_area_files, load_sovereignty

    sovereignty = load_sovereignty()
    world = World(states, sovereignty.sovereignty, files, marine_regions())
    gazetteer = Gazetteer(states, curated, files, world=world)
    known = set(known_sources) | {s.id for s in sovereignty.sources}
    areas = [f for f in load_area_files() if scopes is None or (set(f.scopes) | {v.scope for v in f.versions}) & scopes]
    cited = [(f"areas/{f.id}", s) for f in areas for s in _cited(f)]
    cited += [(f"sovereignty/{f.id}", s) for f in sovereignty.sovereignty for s in f.sources]
    for where, source in cited:
        if source not in known:
            raise SourceFormatError(f"casus/curated/data/{where}", f"cites unknown source {source!r}")
    try:
        import shapely  # noqa: F401
    except ImportError:
        return gazetteer, {}, sovereignty.sources
    built = build_areas(areas, world)
    return gazetteer, {k: v for k, v in built.items() if scopes is None or k in scopes}, sovereignty.sources


def _cited(f: AreaFile) -> Iterable[str]:
    yield from f.sources
    for r in f.readings:
        yield from r.sources
    for c in f.contested:
        yield from c.sources


def with_data(kb: KnowledgeBase, folder: Path) -> KnowledgeBase:
    """The same knowledge base with its gazetteer and treaty areas reading the datasets under ``folder``.

    ``folder`` is laid out like ``../shared/data`` (``naturalearth/ne_50m_admin_0_countries.geojson``…); a file
    that is not there is absent (geography degrades to names).
    """

    def files(name: str, filename: str) -> Path | None:
        from casus.data.provenance import get_provenance

        path = folder / get_provenance(name).folder / filename
        return path if path.is_file() else None

    gazetteer, areas, _ = geography(kb.states, dict(kb.places), kb.sources, files, set(kb.scopes))
    return KnowledgeBase(
        kb.states,
        kb.organizations.values(),
        kb.treaties.values(),
        kb.memberships,
        kb.events,
        kb.sources.values(),
        kb.places.values(),
        kb.scopes.values(),
        validate=False,
        gazetteer=gazetteer,
        areas=areas,
    )
