r"""Where dataset files live on this machine.

A dataset file is looked for, in order:

1. an explicit ``path`` (the file itself, or a folder holding it or its dataset folder);
2. the folder named by the ``CASUS_DATA_DIR`` environment variable;
3. the user cache, ``$XDG_CACHE_HOME/casus`` (default ``~/.cache/casus``; ``%LOCALAPPDATA%\\casus`` on
   Windows, ``~/Library/Caches/casus`` on macOS), where :func:`casus.data.fetch` writes;
4. for developers, ``shared/data`` next to the repository checkout.

Inside each folder a file is found either in the dataset's sub-folder (``atop/atop5_1m.csv``) or at the top.
Nothing here reads the network.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from casus.data.provenance import Provenance, provenance_of_file
from casus.errors import DataUnavailableError

ENV_VAR = "CASUS_DATA_DIR"


def user_cache_dir() -> Path:
    """The per-user cache folder casus downloads datasets into (it may not exist yet)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "casus" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "casus"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "casus"


def developer_data_dir() -> Path | None:
    """``shared/data`` next to the repository this source tree lives in, when it exists."""
    here = Path(__file__).resolve()
    # src/casus/data/cache.py -> parents[3] is the repository root in a src-layout checkout.
    if len(here.parents) < 4:
        return None
    candidate = here.parents[3].parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def package_dir() -> Path:
    """The installed casus package: the root of the ``folder`` of a packaged dataset (``curated/data``)."""
    return Path(__file__).resolve().parents[1]


def search_dirs(path: str | os.PathLike[str] | None = None) -> list[Path]:
    """The folders searched for dataset files, in order (see the module docstring)."""
    dirs: list[Path] = []
    if path is not None:
        p = Path(path)
        dirs.append(p.parent if p.is_file() else p)
    env = os.environ.get(ENV_VAR)
    if env:
        dirs.append(Path(env))
    dirs.append(user_cache_dir())
    dev = developer_data_dir()
    if dev is not None:
        dirs.append(dev)
    return dirs


def find_dataset_file(name: str, filename: str, path: str | os.PathLike[str] | None = None) -> Path:
    """Locate one file of a dataset.

    Args:
        name: Dataset name (``atop``, ``cow_states``, ``nmc``, ``mid``).
        filename: The file's name, e.g. ``atop5_1m.csv``.
        path: An explicit file or folder to look in first. An existing file is returned as it is, even
            under another name.

    Returns:
        The path of an existing file.

    Raises:
        DataUnavailableError: The file is in none of the searched folders; the message says which
            folders were searched and how to get the data.
        UnknownEntityError: Unknown dataset name.
    """
    if path is not None and Path(path).is_file():
        return Path(path)
    prov = provenance_of_file(name, filename)
    tried: list[str] = []
    for d in [package_dir()] if prov.packaged else search_dirs(path):
        for candidate in (d / prov.folder / filename, d / filename):
            if candidate.is_file():
                return candidate
            tried.append(str(candidate))
    raise DataUnavailableError(
        f"{filename} ({prov.title}) is not on this machine; {how_to_get(prov, filename)}, "
        f"or set {ENV_VAR} to a folder that holds it (searched: {', '.join(tried)})"
    )


def how_to_get(prov: Provenance, filename: str | None = None) -> str:
    """One clause naming the commands that install a dataset's file, with the version when not the default.

    >>> from casus.data.provenance import get_provenance
    >>> how_to_get(get_provenance("atop"))
    'get it with `casus data fetch atop`, or install a copy downloaded by hand with `casus data import PATH`'
    >>> how_to_get(get_provenance("nmc", "7.0"))  # doctest: +ELLIPSIS
    'NMC 7.0 has no direct download (a derived file); install a copy with `casus data import PATH` (or ...'
    """
    version = "" if prov.default else f" --version {prov.version}"
    files = [f for f in prov.files if filename is None or f.filename == filename] or list(prov.files)
    if prov.release_url is not None or any(f.url for f in files):
        return (
            f"get it with `casus data fetch {prov.name}{version}`, "
            "or install a copy downloaded by hand with `casus data import PATH`"
        )
    label = f"{prov.name.upper() if len(prov.name) <= 4 else prov.name} {prov.version}"
    return (
        f"{label} has no direct download (a derived file); install a copy with `casus data import PATH` "
        f"(or `casus data fetch {prov.name}{version} --mirror URL` from a mirror that holds it)"
    )
