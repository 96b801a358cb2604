"""Install dataset files a user downloaded by hand: ``casus data import PATH`` and ``casus data status``.

:func:`import_data` takes a file, a folder (searched recursively) or a zip archive as the publisher ships
it, recognises each registered dataset file in it (by SHA-256 first, then by its published name), and copies
it into the dataset's folder of the user cache, where the loaders look. A file whose name is registered but
whose checksum is not (another release, a corrected copy) is installed with a warning, and its checksum is
recorded in that folder's ``SHA256SUMS`` so later loads verify it against what was imported.

:func:`data_status` says, for every registered file, whether and where it is present, whether it verifies,
and which commands need it. Nothing here reads the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from casus.data.archives import candidates
from casus.data.cache import package_dir, search_dirs, user_cache_dir
from casus.data.provenance import DatasetFile, Provenance, dataset_names, datasets, get_provenance
from casus.data.verify import MANIFEST, DatasetChecksumError, verify_dataset_file
from casus.errors import DataUnavailableError

ImportStatus = Literal["verified", "unregistered"]

#: The commands that read each dataset (shown by ``casus data status`` for a missing dataset).
NEEDED_BY: dict[str, tuple[str, ...]] = {
    "atop": (
        "obligations (alliances before/beyond the curated ones)",
        "data reconcile",
        "frame --with atop",
        "dynamics",
        "align",
        "backtest",
    ),
    "cow_states": ("frame", "dynamics", "align", "history (COW system membership)"),
    "nmc": ("frame --with nmc", "simulate (capabilities)", "align"),
    "mid": ("frame --with mids", "backtest"),
    "naturalearth": ("serve (map layer)", "obligations --place (territory checks)"),
    "casus_system": ("defends, sweep pairs and frame --with-obligations after 2016 (packaged with casus)",),
}


@dataclass(frozen=True)
class ImportedFile:
    """One file installed by :func:`import_data`.

    Attributes:
        dataset: The dataset name (``atop``…).
        filename: The published file name it was installed under.
        source: Where it came from (a path, or ``archive.zip:member``).
        path: Where it is now.
        status: ``verified`` (registered checksum) or ``unregistered`` (checksum recorded, with a warning).
        sha256: Its SHA-256.
    """

    dataset: str
    filename: str
    source: str
    path: Path
    status: ImportStatus
    sha256: str


@dataclass(frozen=True)
class FileStatus:
    """One registered file as :func:`data_status` finds it (``path`` is ``None`` when absent).

    ``official_url`` is the publisher's release (tried first by ``casus data fetch``), ``mirror_url`` the pinned
    mirror of this file (tried second); ``fetched_from`` is ``official`` or ``mirror`` when ``casus data fetch``
    installed the file (read from its provenance sidecar), else ``None``.
    """

    dataset: str
    version: str
    filename: str
    path: Path | None
    verified: bool
    message: str
    needed_by: tuple[str, ...]
    official_url: str | None = None
    mirror_url: str | None = None
    fetched_from: str | None = None


def _registered() -> list[tuple[Provenance, DatasetFile]]:
    return [(p, f) for n in dataset_names() for p in [get_provenance(n)] for f in p.files]


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def import_data(path: str | os.PathLike[str], *, dest: str | os.PathLike[str] | None = None) -> list[ImportedFile]:
    """Install the registered dataset files found in ``path`` into the cache (or ``dest``).

    Args:
        path: A file, a folder or a zip archive as downloaded from the publisher.
        dest: The data folder to install into (default: the user cache, where the loaders look).

    Returns:
        One :class:`ImportedFile` per file installed, in the order found.

    Raises:
        DataUnavailableError: ``path`` does not exist, or holds no file of a registered dataset.
    """
    src = Path(path)
    if not src.exists():
        raise DataUnavailableError(f"{src} does not exist; give a file, a folder or the publisher's zip")
    root = Path(dest) if dest is not None else user_cache_dir()
    by_hash = {f.sha256: (p, f) for p, f in _registered()}
    by_name = {f.filename: (p, f) for p, f in _registered()}
    done: list[ImportedFile] = []
    with tempfile.TemporaryDirectory(prefix="casus-import-") as tmp:
        for file, desc in candidates(src, Path(tmp)):
            name = file.name
            digest = _digest(file)
            hit = by_hash.get(digest)
            status: ImportStatus = "verified"
            if hit is None:
                if name not in by_name:
                    continue
                hit, status = by_name[name], "unregistered"
            prov, reg = hit
            folder = root / prov.folder
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / reg.filename
            part = folder / f".{reg.filename}.part"
            shutil.copyfile(file, part)
            os.replace(part, target)
            _record(folder, reg.filename, digest if status == "unregistered" else None)
            done.append(ImportedFile(prov.name, reg.filename, desc, target, status, digest))
    if not done:
        known = ", ".join(sorted(by_name))
        raise DataUnavailableError(f"{src} holds no file of a registered dataset (looked for {known})")
    return done


def _record(folder: Path, filename: str, digest: str | None) -> None:
    """Set (``digest``) or drop (``None``) ``filename``'s line in ``folder/SHA256SUMS``."""
    manifest = folder / MANIFEST
    lines = manifest.read_text("utf-8").splitlines() if manifest.is_file() else []
    kept = [ln for ln in lines if ln.split(maxsplit=1)[-1].strip().lstrip("*") != filename]
    if digest is not None:
        kept.append(f"{digest}  {filename}")
    if kept:
        manifest.write_text("".join(f"{ln}\n" for ln in kept), "utf-8")
    elif manifest.is_file():
        manifest.unlink()


def _fetched_from(path: Path) -> str | None:
    """``official`` or ``mirror``, as the provenance sidecar ``casus data fetch`` wrote beside ``path`` says."""
    sidecar = path.with_name(path.name + ".provenance.json")
    try:
        source = json.loads(sidecar.read_text("utf-8")).get("source")
    except (OSError, ValueError, AttributeError):
        return None
    return source if source in ("official", "mirror") else None


def data_status() -> list[FileStatus]:
    """Every registered dataset file: where it is, whether it verifies, which commands need it, where to get it."""
    out: list[FileStatus] = []
    for prov, f in _registered():
        dirs = [package_dir()] if prov.packaged else search_dirs()
        found = next((c for d in dirs for c in (d / prov.folder / f.filename, d / f.filename) if c.is_file()), None)
        urls = {"official_url": prov.release_url, "mirror_url": f.url}
        needed = NEEDED_BY.get(prov.name, ())
        if found is None:
            out.append(FileStatus(prov.name, prov.version, f.filename, None, False, "missing", needed, **urls))
            continue
        fetched = _fetched_from(found)
        try:
            verify_dataset_file(prov, f.filename, found)
        except DatasetChecksumError as exc:
            out.append(FileStatus(prov.name, prov.version, f.filename, found, False, str(exc), needed, **urls))
            continue
        out.append(
            FileStatus(
                prov.name, prov.version, f.filename, found, True, "verified", needed, **urls, fetched_from=fetched
            )
        )
    return out


def sources_lines() -> list[str]:
    """One line per dataset version: the publisher's download (tried first) and the pinned mirror (second)."""
    lines: list[str] = []
    for name in dataset_names():
        for prov in (p for p in datasets() if p.name == name and not p.packaged):
            urls = [f.url for f in prov.files if f.url]
            folders = sorted({u.rsplit("/", 1)[0] + "/" for u in urls})
            mirror = urls[0] if len(urls) == 1 else ", ".join(folders)
            first = (
                f"official {prov.release_url}"
                if prov.release_url
                else f"no official direct download (publisher's page {prov.url})"
            )
            second = (
                f"then the pinned mirror {mirror}" if mirror else "no mirror (derived files: `casus data import PATH`)"
            )
            lines.append(f"{prov.name} {prov.version}: {first}; {second}")
    return lines
