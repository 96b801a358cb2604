"""fetch() against a local HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import importlib
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from casus.data.fetch import fetch, provenance_sidecar
from casus.data.provenance import DatasetFile, Provenance
from casus.errors import DataUnavailableError, SourceFormatError

fetch_mod = importlib.import_module("casus.data.fetch")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on 127.0.0.1, and its base URL."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _toy(monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], url_base: str | None = None) -> None:
    """Register a toy dataset 'toy' whose files have the given contents."""
    records = tuple(
        DatasetFile(
            name,
            hashlib.sha256(body).hexdigest(),
            len(body),
            f"{url_base}/{name}" if url_base else None,
        )
        for name, body in files.items()
    )
    prov = Provenance(
        name="toy",
        version="1",
        title="Toy dataset",
        folder="toy",
        url="http://127.0.0.1/",
        release_url=None,
        licence="test",
        citation="Toy. 2024.",
        bibtex="@misc{toy}",
        coverage_start=2000,
        coverage_end=2001,
        files=records,
    )
    monkeypatch.setattr(fetch_mod, "get_provenance", lambda name, version=None: prov)


def test_success_writes_file_and_sidecar(
    served: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    body = b"ccode,year\n2,1816\n200,1816\n"
    (root / "toy.csv").write_bytes(body)
    _toy(monkeypatch, {"toy.csv": body}, url_base=base)
    dest = tmp_path / "dest"
    [res] = fetch("toy", dest=dest, progress=False)
    assert res.status == "downloaded"
    assert res.path == dest / "toy.csv"
    assert (dest / "toy.csv").read_bytes() == body
    meta = json.loads(provenance_sidecar(dest / "toy.csv").read_text())
    assert meta["sha256"] == hashlib.sha256(body).hexdigest()
    assert meta["url"] == f"{base}/toy.csv"
    assert meta["dataset"] == "toy"
    umask = os.umask(0)
    os.umask(umask)
    assert (dest / "toy.csv").stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600
    # A second call finds the verified copy and does not download again.
    (root / "toy.csv").unlink()
    [again] = fetch("toy", dest=dest, progress=True)
    assert again.status == "present"


def test_sha256_mismatch_leaves_nothing(
    served: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    good = b"ccode,year\n2,1816\n"
    (root / "toy.csv").write_bytes(good.replace(b"2,", b"3,"))  # same size, other bytes
    _toy(monkeypatch, {"toy.csv": good})
    dest = tmp_path / "dest"
    with pytest.raises(SourceFormatError, match="sha256 mismatch") as exc:
        fetch("toy", dest=dest, base_url=base, progress=False)
    assert exc.value.field == "sha256"
    assert list(dest.iterdir()) == []


def test_size_mismatch_leaves_nothing(
    served: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    good = b"ccode,year\n2,1816\n"
    (root / "toy.csv").write_bytes(good + b"200,1816\n")
    _toy(monkeypatch, {"toy.csv": good})
    dest = tmp_path / "dest"
    with pytest.raises(SourceFormatError, match="larger than the expected"):
        fetch("toy", dest=dest, base_url=base, progress=False)
    assert list(dest.iterdir()) == []


def test_404_is_a_clear_error(served: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, base = served
    _toy(monkeypatch, {"missing.csv": b"x\n"})
    dest = tmp_path / "dest"
    with pytest.raises(DataUnavailableError, match=r"HTTP 404") as exc:
        fetch("toy", dest=dest, base_url=base, progress=False)
    assert "missing.csv" in str(exc.value)
    assert list(dest.iterdir()) == []


def test_connection_refused_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # find a free port, then close it so nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _toy(monkeypatch, {"toy.csv": b"x\n"})
    with pytest.raises(DataUnavailableError, match=r"could not download toy\.csv"):
        fetch("toy", dest=tmp_path, base_url=f"http://127.0.0.1:{port}", progress=False, timeout=5)


@pytest.mark.full_data
def test_real_cow_files_from_a_local_mirror(served: tuple[Path, str], tmp_path: Path, data_dir: Path) -> None:
    root, base = served
    for name in ("states2016.csv", "system2016.csv", "majors2016.csv"):
        shutil.copy(data_dir / "cow_states" / name, root / name)
    results = fetch("cow_states", dest=tmp_path / "cow", base_url=base, progress=False)
    assert [r.status for r in results] == ["downloaded"] * 3
    from casus.data.cow import load_system

    assert len(load_system(tmp_path / "cow")) == 15_951


def test_derived_files_without_a_mirror(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailableError, match="no downloadable official copy"):
        fetch("nmc", dest=tmp_path, version="7.0", progress=False)


def test_default_destination_is_the_user_cache(
    served: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    body = b"a\n"
    (root / "toy.csv").write_bytes(body)
    _toy(monkeypatch, {"toy.csv": body}, url_base=base)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    [res] = fetch("toy", progress=False)
    assert res.path == tmp_path / "xdg" / "casus" / "toy" / "toy.csv"


def test_import_is_light_and_offline() -> None:
    import subprocess
    import sys

    code = (
        "import sys, casus.data as d; "
        "assert callable(d.fetch); "
        "assert not {'pandas', 'httpx', 'numpy'} & set(sys.modules), sorted(sys.modules)"
    )
    src = Path(fetch_mod.__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(src)})
