"""Download a dataset's files, verify them and record where they came from.

Nothing is downloaded at import time or implicitly by a loader: only :func:`fetch` touches the network,
and the CLI's ``casus data fetch NAME`` is a thin wrapper around it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from casus.data.cache import user_cache_dir
from casus.data.provenance import DatasetFile, Provenance, get_provenance
from casus.errors import DataUnavailableError, MissingExtraError, SourceFormatError

if TYPE_CHECKING:
    from rich.progress import Progress

FetchStatus = Literal["downloaded", "present", "unavailable"]
_CHUNK = 1 << 16


@dataclass(frozen=True)
class FetchedFile:
    """What :func:`fetch` did with one file.

    Attributes:
        filename: The file's name.
        status: ``downloaded``, ``present`` (already there and verified) or ``unavailable`` (a derived
            file with no download URL and no ``base_url`` given).
        path: Where the verified file is, or ``None`` when unavailable.
        url: The URL it was (or would have been) downloaded from.
        message: A human-readable note.
    """

    filename: str
    status: FetchStatus
    path: Path | None
    url: str | None
    message: str = ""


def _ordinary_mode(path: Path) -> None:
    """Give a ``mkstemp`` file (created 0600) an ordinary file's mode before it is moved into place."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, lower-case hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def provenance_sidecar(path: Path) -> Path:
    """The provenance JSON written beside a fetched file (``<file>.provenance.json``)."""
    return path.with_name(path.name + ".provenance.json")


def fetch(
    name: str,
    dest: str | os.PathLike[str] | None = None,
    base_url: str | None = None,
    progress: bool = True,
    *,
    version: str | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[FetchedFile]:
    """Download a dataset's files, verify size and SHA-256, and write them atomically.

    Each file is streamed to a temporary file in the destination folder, checked against the size and
    SHA-256 in its :class:`~casus.data.provenance.Provenance` record, then moved into place with
    :func:`os.replace`; a ``<file>.provenance.json`` beside it records the dataset, version, URL, checksum
    and time of download. A file that is already present and verifies is not downloaded again unless
    ``force`` is true.

    Args:
        name: Dataset name (``atop``, ``cow_states``, ``nmc``, ``mid``).
        dest: Folder to write into; default: the user cache's dataset folder (e.g.
            ``~/.cache/casus/atop``), where the loaders look.
        base_url: A mirror holding the files under their casus file names (``{base_url}/{filename}``).
            Without it the pinned source URLs of the provenance record are used.
        progress: Show a rich progress bar on stderr.
        version: Dataset version (default: the default version, e.g. NMC 6.0).
        force: Download even when a verified copy is present.
        timeout: Network timeout in seconds.

    Returns:
        One :class:`FetchedFile` per file of the dataset.

    Raises:
        DataUnavailableError: A download failed (HTTP error, network error), or no file of the dataset
            can be downloaded.
        SourceFormatError: A downloaded file has the wrong size or SHA-256 (nothing is left on disk).
        MissingExtraError: httpx is not installed.
    """
    prov = get_provenance(name, version)
    if prov.packaged:
        raise DataUnavailableError(f"{prov.title} ships inside the casus package; there is nothing to fetch")
    folder = Path(dest) if dest is not None else user_cache_dir() / prov.folder
    folder.mkdir(parents=True, exist_ok=True)
    plan: list[tuple[DatasetFile, str | None]] = []
    for f in prov.files:
        url = f"{base_url.rstrip('/')}/{quote(f.filename)}" if base_url else f.url
        plan.append((f, url))
    if all(url is None for _, url in plan):
        raise DataUnavailableError(
            f"{prov.title} has no downloadable official copy (its files are derived conversions); "
            f"copy them into {folder} by hand or pass base_url= a mirror that holds them"
        )
    results: list[FetchedFile] = []
    bar = _make_progress(progress)
    try:
        if bar is not None:
            bar.start()
        for f, url in plan:
            results.append(_fetch_one(prov, f, url, folder, force=force, timeout=timeout, bar=bar))
    finally:
        if bar is not None:
            bar.stop()
    return results


def _make_progress(enabled: bool) -> Progress | None:
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _fetch_one(
    prov: Provenance,
    f: DatasetFile,
    url: str | None,
    folder: Path,
    *,
    force: bool,
    timeout: float,
    bar: Progress | None,
) -> FetchedFile:
    target = folder / f.filename
    if not force and target.is_file() and target.stat().st_size == f.size and sha256_of(target) == f.sha256:
        return FetchedFile(f.filename, "present", target, url, "already present, checksum verified")
    if url is None:
        return FetchedFile(
            f.filename,
            "unavailable",
            None,
            None,
            f"derived file with no official download ({f.note}); copy it into {folder} by hand",
        )
    try:
        import httpx
    except ImportError as exc:  # pragma: no cover - httpx is a dependency of the data extra
        raise MissingExtraError("data", "httpx") from exc

    fd, tmp_name = tempfile.mkstemp(prefix=f".{f.filename}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        size = 0
        with os.fdopen(fd, "wb") as out, httpx.stream("GET", url, follow_redirects=True, timeout=timeout) as resp:
            if resp.status_code != 200:
                raise DataUnavailableError(
                    f"could not download {f.filename} of {prov.name} {prov.version} from {url}: "
                    f"HTTP {resp.status_code} {resp.reason_phrase}; check the URL or your network, "
                    "or pass base_url= a mirror"
                )
            task = bar.add_task(f.filename, total=f.size) if bar is not None else None
            for chunk in resp.iter_bytes(_CHUNK):
                size += len(chunk)
                if size > f.size:
                    raise SourceFormatError(
                        url, f"download is larger than the expected {f.size} bytes; refusing it", field="size"
                    )
                digest.update(chunk)
                out.write(chunk)
                if bar is not None and task is not None:
                    bar.update(task, advance=len(chunk))
        if size != f.size:
            raise SourceFormatError(url, f"downloaded {size} bytes, expected {f.size}", field="size")
        got = digest.hexdigest()
        if got != f.sha256:
            raise SourceFormatError(
                url, f"sha256 mismatch: expected {f.sha256}, got {got}; the file was not kept", field="sha256"
            )
        _ordinary_mode(tmp)
        os.replace(tmp, target)
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise DataUnavailableError(
            f"could not download {f.filename} of {prov.name} {prov.version} from {url}: {exc}"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(prov, f, url, target)
    return FetchedFile(f.filename, "downloaded", target, url, f"{size} bytes, checksum verified")


def _write_sidecar(prov: Provenance, f: DatasetFile, url: str, target: Path) -> None:
    record = {
        "dataset": prov.name,
        "version": prov.version,
        "title": prov.title,
        "filename": f.filename,
        "url": url,
        "official_url": prov.url,
        "sha256": f.sha256,
        "size": f.size,
        "derived": f.derived,
        "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "citation": prov.citation,
    }
    sidecar = provenance_sidecar(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{sidecar.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2, sort_keys=True)
            out.write("\n")
        _ordinary_mode(Path(tmp_name))
        os.replace(tmp_name, sidecar)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
