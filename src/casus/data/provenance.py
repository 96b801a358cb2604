"""Provenance records for the datasets casus reads: version, URL, licence, citation, coverage, checksums.

Every dataset casus can load has one frozen :class:`Provenance` record per version. The records are data, in
``casus/data/datasets.yaml`` (read once, validated through :mod:`casus.yamlio`, no pandas), so :func:`cite`
and :func:`versions` are cheap enough for ``casus cite``. To register a dataset or a new release, add a record
there: no Python changes.

Checksums and sizes are those of the verified copies described in ``shared/data/*/PROVENANCE.md`` (and
listed in ``shared/data/SHA256SUMS``). Download URLs point at the pinned commits those copies were taken
from; files marked ``derived`` were converted from another format and cannot be downloaded byte for byte.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources

from casus import yamlio
from casus.errors import InvalidInputError, SourceFormatError, UnknownEntityError


@dataclass(frozen=True)
class DatasetFile:
    """One file of a dataset, with what a verified copy must look like.

    Attributes:
        filename: The file's name on disk (inside the dataset's folder).
        sha256: Expected SHA-256 of the file, lower-case hex.
        size: Expected size in bytes.
        url: Where to download exactly these bytes, or ``None`` when the file is derived.
        derived: Whether the file was converted from another format (not an official byte copy).
        note: What a reader should know about the file.
    """

    filename: str
    sha256: str
    size: int
    url: str | None
    derived: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
            raise InvalidInputError(f"{self.filename}: sha256 must be 64 lower-case hex digits")
        if self.size <= 0:
            raise InvalidInputError(f"{self.filename}: size must be positive")
        web = self.url is not None and self.url.startswith(("http://", "https://"))
        if self.url is not None and (not web or any(c.isspace() for c in self.url)):
            raise InvalidInputError(
                f"{self.filename}: url must be a download URL (http or https, no spaces) or null; "
                "describe other origins in the note"
            )


@dataclass(frozen=True)
class Provenance:
    """Where a dataset comes from, what it covers and how to cite it.

    Attributes:
        name: casus's short name (``atop``, ``cow_states``, ``nmc``, ``mid``).
        version: The dataset's version (``5.1``, ``2016``, ``6.0``…).
        title: Full title.
        folder: Sub-folder of the data directory that holds the files (``atop``, ``cow_nmc``…).
        url: Official home page of the release.
        release_url: Official download of the release, when known.
        licence: Licence or terms of use, as far as they could be established.
        citation: Plain-text citation the authors ask for (several joined by blank lines).
        bibtex: The same as BibTeX entries.
        coverage_start: First year the data speak for.
        coverage_end: Last year the data speak for.
        observed_until: Date the data are right-censored at, when the authors say so.
        files: The files, with checksums.
        defects: Known defects and quirks, and how casus handles each one.
        packaged: Whether the files ship inside the casus package (``folder`` is then relative to the
            package, e.g. ``curated/data``) rather than in a data folder the user fills.
    """

    name: str
    version: str
    title: str
    folder: str
    url: str
    release_url: str | None
    licence: str
    citation: str
    bibtex: str
    coverage_start: int
    coverage_end: int
    files: tuple[DatasetFile, ...]
    defects: tuple[str, ...] = ()
    observed_until: dt.date | None = None
    default: bool = field(default=True)
    packaged: bool = False

    def __post_init__(self) -> None:
        if self.coverage_end < self.coverage_start:
            raise InvalidInputError(f"{self.name} {self.version}: coverage ends before it starts")
        if not self.files:
            raise InvalidInputError(f"{self.name} {self.version}: a dataset needs at least one file")

    def file(self, filename: str) -> DatasetFile:
        """The record of one of the dataset's files.

        Raises:
            UnknownEntityError: The dataset has no such file.
        """
        for f in self.files:
            if f.filename == filename:
                return f
        raise UnknownEntityError(
            "file", filename, tuple(f.filename for f in self.files), hint=f"in dataset {self.name!r}"
        )

    def covers(self, year: int) -> bool:
        """Whether the dataset speaks for ``year`` (both coverage ends inclusive)."""
        return self.coverage_start <= year <= self.coverage_end

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready summary (the shape :func:`versions` returns)."""
        return {
            "name": self.name,
            "version": self.version,
            "title": self.title,
            "url": self.url,
            "release_url": self.release_url,
            "licence": self.licence,
            "coverage": [self.coverage_start, self.coverage_end],
            "observed_until": self.observed_until.isoformat() if self.observed_until else None,
            "files": [
                {"filename": f.filename, "sha256": f.sha256, "size": f.size, "url": f.url, "derived": f.derived}
                for f in self.files
            ],
            "defects": list(self.defects),
            "packaged": self.packaged,
        }


@dataclass(frozen=True)
class _Registry:
    """The document ``datasets.yaml``: one record per dataset version."""

    datasets: tuple[Provenance, ...]


_REGISTRY = "datasets.yaml"


@functools.cache
def datasets() -> tuple[Provenance, ...]:
    """Every dataset version casus knows: the records of ``datasets.yaml`` (read and validated once).

    Raises:
        SourceFormatError: The file is broken, with its line and field.
    """
    text = resources.files("casus.data").joinpath(_REGISTRY).read_text(encoding="utf-8")
    records = yamlio.parse(_Registry, text, f"casus/data/{_REGISTRY}").datasets
    seen: set[tuple[str, str]] = set()
    for p in records:
        if (p.name, p.version) in seen:
            raise SourceFormatError(f"casus/data/{_REGISTRY}", f"dataset {p.name} {p.version} is listed twice")
        seen.add((p.name, p.version))
    for name in dict.fromkeys(p.name for p in records):
        if sum(p.default for p in records if p.name == name) != 1:
            raise SourceFormatError(f"casus/data/{_REGISTRY}", f"dataset {name} needs exactly one default version")
    return records


def get_provenance(name: str, version: str | None = None) -> Provenance:
    """The provenance record of a dataset.

    Args:
        name: Dataset name: ``atop``, ``cow_states``, ``nmc`` or ``mid``.
        version: Dataset version; ``None`` picks the default (NMC: ``6.0``).

    Raises:
        UnknownEntityError: No such dataset or version.

    >>> get_provenance("nmc", "7.0").coverage_end
    2022
    """
    candidates = [p for p in datasets() if p.name == name]
    if not candidates:
        raise UnknownEntityError("dataset", name, dataset_names(), hint="see casus.data.versions()")
    if version is None:
        return next(p for p in candidates if p.default)
    for p in candidates:
        if p.version == version:
            return p
    raise UnknownEntityError("version", version, tuple(p.version for p in candidates), hint=f"of dataset {name!r}")


def provenance_of_file(name: str, filename: str) -> Provenance:
    """The version of dataset ``name`` whose record lists ``filename`` (the default version when none does).

    NMC 6.0 and 7.0 are one dataset with two files; a message about ``NMC-7.0-abridged_peacesciencer.csv``
    must name version 7.0, not the default.

    Raises:
        UnknownEntityError: No such dataset.

    >>> provenance_of_file("nmc", "NMC-7.0-abridged_peacesciencer.csv").version
    '7.0'
    """
    default = get_provenance(name)
    for p in datasets():
        if p.name == name and any(f.filename == filename for f in p.files):
            return p
    return default


def dataset_names() -> tuple[str, ...]:
    """The names of the datasets casus knows, in a stable order."""
    return tuple(dict.fromkeys(p.name for p in datasets()))


def cite(name: str | None = None, style: str = "plain") -> str:
    """The citations a dataset's authors ask for.

    Args:
        name: Dataset name; ``None`` cites every dataset.
        style: ``"plain"`` or ``"bibtex"``.

    Returns:
        The citation text. For a dataset with several versions (NMC), every version's is included,
        once each.

    Raises:
        InvalidInputError: Unknown style.
        UnknownEntityError: Unknown dataset.

    >>> print(cite("mid").splitlines()[0])
    Correlates of War Militarized Interstate Disputes (MID), version 5.0:
    """
    if style not in ("plain", "bibtex"):
        raise InvalidInputError(f"citation style {style!r} is not supported; use 'plain' or 'bibtex'")
    names = dataset_names() if name is None else (get_provenance(name).name,)
    blocks: list[str] = []
    for n in names:
        for p in datasets():
            if p.name != n:
                continue
            text = p.citation if style == "plain" else p.bibtex
            if style == "plain":
                text = f"{p.title}:\n{text}"
            if text not in blocks:
                blocks.append(text)
    return "\n\n".join(blocks)


def versions() -> list[dict[str, object]]:
    """One JSON-ready dict per dataset version (name, version, URLs, licence, coverage, files, defects).

    >>> names = sorted({v["name"] for v in versions()})
    >>> [n for n in names if not n.startswith("naturalearth")], len(names)
    (['atop', 'casus_system', 'cow_states', 'mid', 'nmc'], 10)
    """
    return [p.as_dict() for p in datasets()]
