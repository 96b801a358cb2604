"""Download a dataset's files, verify them and record where they came from: the publisher first, mirrors second.

Nothing is downloaded at import time or implicitly by a loader: only :func:`fetch` touches the network,
and the CLI's ``casus data fetch NAME`` is a thin wrapper around it.

Each file is taken from the **publisher's official release** when the dataset registers one
(``release_url``, e.g. ATOP's ``atop_5.1__.csv_.zip`` at atopdata.org): the release is downloaded, unpacked
with the machinery of ``casus data import`` (:func:`casus.data.archives.candidates`), and every file in it is
checked against the registered SHA-256. A file the release does not hold with that checksum — the download
failed, the publisher changed it, it is not in the archive — is taken from the **pinned mirror** (the file's
``url``: a fixed commit of a public repository holding the same bytes, or ``base_url``), and the result says
which source was used and why. When both fail, one :class:`~casus.errors.DataUnavailableError` names both
URLs and ``casus data import`` as the way out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote, unquote, urlsplit

from casus.data.archives import candidates
from casus.data.cache import user_cache_dir
from casus.data.provenance import DatasetFile, Provenance, get_provenance
from casus.errors import DataUnavailableError, MissingExtraError, SourceFormatError

if TYPE_CHECKING:
    from rich.progress import Progress

FetchStatus = Literal["downloaded", "present", "unavailable"]
FetchSource = Literal["official", "mirror"]
_CHUNK = 1 << 16
#: The largest official release archive casus downloads (the ATOP 5.1 csv zip is a few MB).
MAX_RELEASE_BYTES = 500 * 1024 * 1024


@dataclass(frozen=True)
class FetchedFile:
    """What :func:`fetch` did with one file.

    Attributes:
        filename: The file's name.
        status: ``downloaded``, ``present`` (already there and verified) or ``unavailable`` (a derived
            file with no download URL and no ``base_url`` given).
        path: Where the verified file is, or ``None`` when unavailable.
        url: The URL it was (or would have been) downloaded from.
        message: A human-readable note: which source was used and why.
        source: ``official`` (the publisher's release) or ``mirror`` (the pinned mirror or ``base_url``);
            ``None`` when nothing was downloaded.
        official_url: The publisher's release URL, when the dataset registers one.
        mirror_url: The mirror URL of this file (pinned, or under ``base_url``), when there is one.
    """

    filename: str
    status: FetchStatus
    path: Path | None
    url: str | None
    message: str = ""
    source: FetchSource | None = None
    official_url: str | None = None
    mirror_url: str | None = None


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


def mirror_urls(prov: Provenance, base_url: str | None = None) -> dict[str, str | None]:
    """Each file's mirror URL: ``{base_url}/{filename}`` when a base URL is given, else the pinned ``url``."""
    if base_url:
        return {f.filename: f"{base_url.rstrip('/')}/{quote(f.filename)}" for f in prov.files}
    return {f.filename: f.url for f in prov.files}


def fetch(
    name: str,
    dest: str | os.PathLike[str] | None = None,
    base_url: str | None = None,
    progress: bool = True,
    *,
    version: str | None = None,
    force: bool = False,
    timeout: float = 60.0,
    official: bool = True,
) -> list[FetchedFile]:
    """Download a dataset's files — the publisher's release first, the pinned mirror second — and verify them.

    Every file is checked against the size and SHA-256 in its :class:`~casus.data.provenance.Provenance`
    record, written to a temporary file in the destination folder and moved into place with
    :func:`os.replace`; a ``<file>.provenance.json`` beside it records the dataset, version, the source
    used (``official`` or ``mirror``), both URLs, the checksum and the time. A file that is already present
    and verifies is not downloaded again unless ``force`` is true.

    Args:
        name: Dataset name (``atop``, ``cow_states``, ``nmc``, ``mid``).
        dest: Folder to write into; default: the user cache's dataset folder (e.g.
            ``~/.cache/casus/atop``), where the loaders look.
        base_url: A mirror holding the files under their casus file names (``{base_url}/{filename}``);
            it replaces the pinned mirror URLs as the second source.
        progress: Show a rich progress bar on stderr.
        version: Dataset version (default: the default version, e.g. NMC 6.0).
        force: Download even when a verified copy is present.
        timeout: Network timeout in seconds.
        official: Try the publisher's release first (``False``: the mirror only).

    Returns:
        One :class:`FetchedFile` per file of the dataset.

    Raises:
        DataUnavailableError: A download failed from every source (the message names each URL and
            ``casus data import``), or no file of the dataset can be downloaded.
        SourceFormatError: With no official release to fall back from, a mirror file has the wrong size or
            SHA-256 (nothing is left on disk).
        MissingExtraError: httpx is not installed.
    """
    prov = get_provenance(name, version)
    if prov.packaged:
        raise DataUnavailableError(f"{prov.title} ships inside the casus package; there is nothing to fetch")
    folder = Path(dest) if dest is not None else user_cache_dir() / prov.folder
    mirrors = mirror_urls(prov, base_url)
    release = prov.release_url if official else None
    if release is None and all(url is None for url in mirrors.values()):
        version_opt = "" if prov.default else f" --version {prov.version}"
        raise DataUnavailableError(
            f"{prov.title} has no downloadable official copy (its files are derived conversions): install a copy "
            f"with `casus data import PATH`, or download it from a mirror that holds it with "
            f"`casus data fetch {prov.name}{version_opt} --mirror URL` (base_url= in Python)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    done = {} if force else _present(prov, folder, mirrors, release)
    todo = [f for f in prov.files if f.filename not in done]
    bar = _make_progress(progress)
    try:
        if bar is not None:
            bar.start()
        why: dict[str, str] = {}
        if todo and release is not None:
            got, why = _from_release(prov, release, todo, folder, mirrors, timeout=timeout, bar=bar)
            done.update(got)
        for f in todo:
            if f.filename not in done:
                done[f.filename] = _from_mirror(
                    prov, f, mirrors[f.filename], folder, release, why.get(f.filename), timeout=timeout, bar=bar
                )
    finally:
        if bar is not None:
            bar.stop()
    return [done[f.filename] for f in prov.files]


def _present(
    prov: Provenance, folder: Path, mirrors: dict[str, str | None], release: str | None
) -> dict[str, FetchedFile]:
    """The files already in ``folder`` with their registered size and SHA-256 (not downloaded again)."""
    done: dict[str, FetchedFile] = {}
    for f in prov.files:
        target = folder / f.filename
        if target.is_file() and target.stat().st_size == f.size and sha256_of(target) == f.sha256:
            done[f.filename] = FetchedFile(
                f.filename, "present", target, mirrors[f.filename], "already present, checksum verified",
                official_url=release, mirror_url=mirrors[f.filename],
            )  # fmt: skip
    return done


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


def _download(url: str, dest: Path, *, limit: int, timeout: float, bar: Progress | None, label: str) -> str:
    """Stream ``url`` into ``dest`` (at most ``limit`` bytes) and return its SHA-256.

    Raises:
        DataUnavailableError: An HTTP error status or a network error.
        SourceFormatError: The download is larger than ``limit``.
        MissingExtraError: httpx is not installed.
    """
    try:
        import httpx
    except ImportError as exc:  # pragma: no cover - httpx is a dependency of the data extra
        raise MissingExtraError("data", "httpx") from exc
    digest = hashlib.sha256()
    size = 0
    try:
        with dest.open("wb") as out, httpx.stream("GET", url, follow_redirects=True, timeout=timeout) as resp:
            if resp.status_code != 200:
                raise DataUnavailableError(f"HTTP {resp.status_code} {resp.reason_phrase} from {url}")
            task = bar.add_task(label, total=limit if limit < MAX_RELEASE_BYTES else None) if bar else None
            for chunk in resp.iter_bytes(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise SourceFormatError(
                        url, f"download is larger than the expected {limit} bytes; refusing it", field="size"
                    )
                digest.update(chunk)
                out.write(chunk)
                if bar is not None and task is not None:
                    bar.update(task, advance=len(chunk))
    except httpx.HTTPError as exc:
        raise DataUnavailableError(f"{exc} ({url})") from exc
    except httpx.InvalidURL as exc:
        raise DataUnavailableError(f"{url} is not a valid URL: {exc}") from exc
    return digest.hexdigest()


def _install(src: Path, target: Path) -> None:
    """Move (or copy) a verified file into place atomically, with an ordinary file's mode."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(src, tmp)
        _ordinary_mode(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _from_release(
    prov: Provenance,
    release: str,
    todo: list[DatasetFile],
    folder: Path,
    mirrors: dict[str, str | None],
    *,
    timeout: float,
    bar: Progress | None,
) -> tuple[dict[str, FetchedFile], dict[str, str]]:
    """Install the files of ``todo`` that the official release holds with their registered SHA-256.

    Returns:
        The files installed, and for each other file of ``todo`` why the release did not give it.
    """
    got: dict[str, FetchedFile] = {}
    with tempfile.TemporaryDirectory(prefix=".casus-release-", dir=folder) as tmp:
        archive = Path(tmp) / (unquote(PurePosixPath(urlsplit(release).path).name) or "release")
        try:
            _download(release, archive, limit=MAX_RELEASE_BYTES, timeout=timeout, bar=bar, label=archive.name)
        except (DataUnavailableError, SourceFormatError) as exc:
            return {}, {f.filename: f"could not be downloaded ({exc})" for f in todo}
        scratch = Path(tmp) / "unpacked"
        scratch.mkdir()
        by_hash = {f.sha256: f for f in todo}
        wrong: dict[str, str] = {}
        for file, where in candidates(archive, scratch):
            digest = sha256_of(file)
            f = by_hash.get(digest)
            if f is None:
                if any(t.filename == file.name for t in todo):
                    wrong[file.name] = digest
                continue
            if f.filename in got:
                continue
            target = folder / f.filename
            _install(file, target)
            member = where.split(":", 1)[1] if ":" in where else archive.name
            note = f"from the official release {release} ({member}), checksum verified"
            _write_sidecar(prov, f, target, source="official", url=release, mirror=mirrors[f.filename], note=note)
            got[f.filename] = FetchedFile(
                f.filename, "downloaded", target, release, note, "official", release, mirrors[f.filename]
            )
    why = {
        f.filename: (
            f"holds {f.filename} with another SHA-256 ({wrong[f.filename][:12]}…, registered {f.sha256[:12]}…): refused"
            if f.filename in wrong
            else f"holds no file with the registered SHA-256 of {f.filename}"
        )
        for f in todo
        if f.filename not in got
    }
    return got, why


def _from_mirror(
    prov: Provenance,
    f: DatasetFile,
    url: str | None,
    folder: Path,
    release: str | None,
    why: str | None,
    *,
    timeout: float,
    bar: Progress | None,
) -> FetchedFile:
    """Download one file from its mirror; ``why`` says why the official release did not give it."""
    official = f"the official release {release} {why}" if release is not None and why is not None else None
    if url is None:
        reason = f"; {official}" if official else ""
        return FetchedFile(
            f.filename,
            "unavailable",
            None,
            None,
            f"no direct download ({f.note}){reason}; copy it into {folder} by hand or install it with "
            "`casus data import PATH`",
            official_url=release,
        )
    try:
        size = _fetch_one(prov, f, url, folder, timeout=timeout, bar=bar)
    except (DataUnavailableError, SourceFormatError) as exc:
        if official is None:
            raise
        raise DataUnavailableError(
            f"could not get {f.filename} of {prov.name} {prov.version} from either source: {official}, and the "
            f"mirror {url} failed ({exc}); download the release by hand from {prov.url} and install it with "
            "`casus data import PATH`"
        ) from exc
    note = f"from the mirror {url}" + (f" because {official}" if official else " (no official download registered)")
    _write_sidecar(prov, f, folder / f.filename, source="mirror", url=url, mirror=url, note=note, release=release)
    return FetchedFile(
        f.filename, "downloaded", folder / f.filename, url, f"{note}; {size} bytes, checksum verified", "mirror",
        release, url,
    )  # fmt: skip


def _fetch_one(
    prov: Provenance, f: DatasetFile, url: str, folder: Path, *, timeout: float, bar: Progress | None
) -> int:
    """Download one file from ``url``, check its size and SHA-256, move it into place; return its size."""
    target = folder / f.filename
    fd, tmp_name = tempfile.mkstemp(prefix=f".{f.filename}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            got = _download(url, tmp, limit=f.size, timeout=timeout, bar=bar, label=f.filename)
        except DataUnavailableError as exc:
            raise DataUnavailableError(
                f"could not download {f.filename} of {prov.name} {prov.version} from {url}: {exc}; check the URL "
                "or your network, pass base_url= another mirror, or install a copy downloaded by hand with "
                "`casus data import PATH`"
            ) from exc
        size = tmp.stat().st_size
        if size != f.size:
            raise SourceFormatError(url, f"downloaded {size} bytes, expected {f.size}", field="size")
        if got != f.sha256:
            raise SourceFormatError(
                url, f"sha256 mismatch: expected {f.sha256}, got {got}; the file was not kept", field="sha256"
            )
        _ordinary_mode(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return size


def _write_sidecar(
    prov: Provenance,
    f: DatasetFile,
    target: Path,
    *,
    source: FetchSource,
    url: str,
    mirror: str | None,
    note: str,
    release: str | None = None,
) -> None:
    record = {
        "dataset": prov.name,
        "version": prov.version,
        "title": prov.title,
        "filename": f.filename,
        "source": source,
        "url": url,
        "official_url": release if release is not None else prov.release_url,
        "home_page": prov.url,
        "mirror_url": mirror,
        "note": note,
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
