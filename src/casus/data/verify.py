"""Every dataset file is checked against its registered size and SHA-256 before it is read.

A truncated or altered copy of ATOP or COW gives *different answers*, not an error, so a loader never reads a
registered file it has not verified. Which checksum applies:

* a folder that carries a ``SHA256SUMS`` file (``sha256sum`` format: ``<hex>  <file name>`` per line) is
  verified against it — a test-fixture folder holding small subsets of the datasets registers its own
  checksums this way;
* otherwise a file found by its registered name is verified against the dataset's provenance record
  (:mod:`casus.data.provenance`: size, then SHA-256);
* a file the caller names explicitly (a path to the file itself, not a folder to search), in a folder
  without ``SHA256SUMS``, is the user's own file (an edited copy, a subset) and is read as it is.

Hashing a 100 MB file takes a second, so a verified file is remembered by path, size and modification time
(in memory and in ``verified.json`` in the user cache folder): it is hashed again only when it changes.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from casus.data.provenance import Provenance
from casus.errors import SourceFormatError, UnknownEntityError

MANIFEST = "SHA256SUMS"
_MEMO: dict[str, tuple[int, int, str]] = {}


class DatasetChecksumError(SourceFormatError):
    """A dataset file whose size or SHA-256 is not the registered one; the message names the repair command."""

    kind = "checksum"


def _manifest(folder: Path) -> dict[str, str] | None:
    """``file name → sha256`` from ``folder/SHA256SUMS``, or ``None`` when there is none."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    out: dict[str, str] = {}
    for i, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or len(parts[0]) != 64:
            raise SourceFormatError(str(path), "expected '<sha256>  <file name>'", line=i)
        out[parts[1].strip().lstrip("*")] = parts[0].lower()
    return out


def _cache_file() -> Path:
    from casus.data.cache import user_cache_dir

    return user_cache_dir() / "verified.json"


def _remembered(key: str, size: int, mtime: int) -> str | None:
    if key in _MEMO and _MEMO[key][:2] == (size, mtime):
        return _MEMO[key][2]
    try:
        entry = json.loads(_cache_file().read_text("utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    if isinstance(entry, list) and len(entry) == 3 and entry[:2] == [size, mtime]:
        _MEMO[key] = (size, mtime, str(entry[2]))
        return str(entry[2])
    return None


def _remember(key: str, size: int, mtime: int, digest: str) -> None:
    _MEMO[key] = (size, mtime, digest)
    path = _cache_file()
    with contextlib.suppress(OSError, ValueError):  # a read-only cache only costs a hash next time
        try:
            data = json.loads(path.read_text("utf-8"))
            data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            data = {}
        data[key] = [size, mtime, digest]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        tmp.replace(path)


def digest_of(path: Path) -> str:
    """The SHA-256 of a file, remembered while its size and modification time stay the same."""
    from casus.data.fetch import sha256_of

    st = path.stat()
    key = str(path.resolve())
    known = _remembered(key, st.st_size, st.st_mtime_ns)
    if known is not None:
        return known
    digest = sha256_of(path)
    _remember(key, st.st_size, st.st_mtime_ns, digest)
    return digest


def _repair(prov: Provenance, path: Path) -> str:
    dest = path.parent.parent if path.parent.name == prov.folder else path.parent
    version = "" if prov.default else f" --version {prov.version}"
    return f"`casus data fetch {prov.name}{version} --force --dest {dest}` or `casus data import PATH`"


def verify_dataset_file(prov: Provenance, filename: str, path: Path, *, explicit: bool = False) -> None:
    """Check ``path`` (the dataset's file ``filename``) against its registered size and SHA-256.

    Args:
        prov: The dataset's provenance record.
        filename: The registered file name the loader asked for.
        path: The file found.
        explicit: The caller named this very file: only a ``SHA256SUMS`` next to it is checked.

    Raises:
        DatasetChecksumError: Size or checksum differ from the registered ones (``SHA256SUMS`` or provenance).
        SourceFormatError: A malformed ``SHA256SUMS``.
    """
    manifest = _manifest(path.parent)
    if manifest is not None and path.name in manifest:
        want, size = manifest[path.name], None
        where = f"{path.parent / MANIFEST}"
    else:
        if explicit:
            return
        try:
            record = prov.file(filename)
        except UnknownEntityError:
            return  # not a registered file
        want, size = record.sha256, record.size
        where = f"the {prov.name} {prov.version} provenance record"
    actual = path.stat().st_size
    if size is not None and actual != size:
        raise DatasetChecksumError(
            str(path),
            f"is {actual} bytes, not the {size} registered in {where} (truncated or altered); "
            f"repair it with {_repair(prov, path)}",
        )
    got = digest_of(path)
    if got != want:
        raise DatasetChecksumError(
            str(path),
            f"SHA-256 {got[:12]}… does not match {want[:12]}… registered in {where} (altered or corrupted); "
            f"repair it with {_repair(prov, path)}",
        )
