"""Files inside a folder or a zip archive, as a publisher ships them: shared by ``data import`` and ``data fetch``."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path


def candidates(path: Path, scratch: Path) -> Iterator[tuple[Path, str]]:
    """``(file, description)`` for every file in ``path``; zip members are extracted into ``scratch``.

    Used by ``casus data import`` and by :func:`casus.data.fetch` to unpack a publisher's release.
    """
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                for info in z.infolist():
                    name = Path(info.filename).name
                    if info.is_dir() or not name or name.startswith("."):
                        continue
                    slot = scratch / str(len(list(scratch.iterdir())))
                    slot.mkdir()
                    target = slot / name
                    with z.open(info) as src, target.open("wb") as out:
                        shutil.copyfileobj(src, out)
                    yield target, f"{f}:{info.filename}"
        else:
            yield f, str(f)
