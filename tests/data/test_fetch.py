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
import zipfile
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


def test_real_cow_files_from_a_local_mirror(served: tuple[Path, str], tmp_path: Path, registered_data: Path) -> None:
    # the full COW files in CI (15,951 state-years); on a plain clone the fixture subsets, registered as them
    root, base = served
    for name in ("states2016.csv", "system2016.csv", "majors2016.csv"):
        shutil.copy(registered_data / "cow_states" / name, root / name)
    results = fetch("cow_states", dest=tmp_path / "cow", base_url=base, progress=False)
    assert [r.status for r in results] == ["downloaded"] * 3
    from casus.data.cow import load_system

    assert len(load_system(tmp_path / "cow")) == len(load_system(registered_data / "cow_states")) > 5_000


def test_derived_files_without_a_mirror(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailableError, match="no downloadable official copy") as exc:
        fetch("nmc", dest=tmp_path / "nmc", version="7.0", progress=False)
    assert "version 7.0 (via peacesciencer)" in str(exc.value)
    assert "`casus data import PATH`" in str(exc.value)
    assert "`casus data fetch nmc --version 7.0 --mirror URL`" in str(exc.value)
    assert not (tmp_path / "nmc").exists()  # nothing created


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


# --- The publisher's release first, the pinned mirror second -------------------------------------------------
# A temporary registry of the ATOP fixture files (real bytes, real checksums): the "official release" is a zip
# laid out as atopdata.org ships it, the "pinned mirror" a folder of the same files, both on 127.0.0.1.

ATOP_CSVS = ("atop5_1m.csv", "atop5_1a.csv", "atop5_1sy.csv", "atopinst5_1.csv")
RELEASE = "atop_5.1__.csv_.zip"


def _atop_registry(monkeypatch: pytest.MonkeyPatch, fixture_data: Path, base: str) -> Provenance:
    files = tuple(
        DatasetFile(
            name,
            hashlib.sha256((fixture_data / "atop" / name).read_bytes()).hexdigest(),
            (fixture_data / "atop" / name).stat().st_size,
            f"{base}/mirror/{name}",
        )
        for name in ATOP_CSVS
    )
    prov = Provenance(
        name="atop",
        version="5.1",
        title="ATOP fixture release",
        folder="atop",
        url=f"{base}/",
        release_url=f"{base}/uploads/{RELEASE}",
        licence="test",
        citation="Leeds 2022.",
        bibtex="@misc{atop}",
        coverage_start=1815,
        coverage_end=2018,
        files=files,
    )
    monkeypatch.setattr(fetch_mod, "get_provenance", lambda name, version=None: prov)
    return prov


def _publish(root: Path, fixture_data: Path, *, release: dict[str, bytes] | None, mirror: bool) -> None:
    """Put the official zip (with these members) and/or the mirror folder on the server."""
    if release is not None:
        (root / "uploads").mkdir()
        with zipfile.ZipFile(root / "uploads" / RELEASE, "w") as z:
            for name, body in release.items():
                z.writestr(f"ATOP 5.1 (.csv)/{name}", body)
            z.writestr("ATOP 5.1 (.csv)/ATOP 5.1 Codebook.txt", "not a data file")
    if mirror:
        (root / "mirror").mkdir()
        for name in ATOP_CSVS:
            shutil.copy(fixture_data / "atop" / name, root / "mirror" / name)


def _bodies(fixture_data: Path) -> dict[str, bytes]:
    return {name: (fixture_data / "atop" / name).read_bytes() for name in ATOP_CSVS}


def test_the_official_release_is_used_when_it_verifies(
    served: tuple[Path, str], fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    prov = _atop_registry(monkeypatch, fixture_data, base)
    _publish(root, fixture_data, release=_bodies(fixture_data), mirror=False)  # the mirror is down
    results = fetch("atop", dest=tmp_path / "atop", progress=False)
    assert [(r.filename, r.status, r.source) for r in results] == [(n, "downloaded", "official") for n in ATOP_CSVS]
    members = results[0]
    assert members.url == prov.release_url and members.mirror_url == f"{base}/mirror/atop5_1m.csv"
    assert (
        members.message
        == f"from the official release {prov.release_url} (ATOP 5.1 (.csv)/atop5_1m.csv), checksum verified"
    )
    assert (tmp_path / "atop" / "atop5_1m.csv").read_bytes() == (fixture_data / "atop" / "atop5_1m.csv").read_bytes()
    meta = json.loads(provenance_sidecar(tmp_path / "atop" / "atop5_1m.csv").read_text())
    assert (meta["source"], meta["url"], meta["official_url"], meta["mirror_url"]) == (
        "official",
        prov.release_url,
        prov.release_url,
        f"{base}/mirror/atop5_1m.csv",
    )
    assert sorted(p.name for p in (tmp_path / "atop").iterdir()) == sorted(
        [*ATOP_CSVS, *(f"{n}.provenance.json" for n in ATOP_CSVS)]
    )  # no codebook, no leftover archive


def test_official_404_falls_back_to_the_mirror_with_a_note(
    served: tuple[Path, str], fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    prov = _atop_registry(monkeypatch, fixture_data, base)
    _publish(root, fixture_data, release=None, mirror=True)
    results = fetch("atop", dest=tmp_path / "atop", progress=False)
    assert {(r.status, r.source) for r in results} == {("downloaded", "mirror")}
    note = results[1].message
    assert note.startswith(
        f"from the mirror {base}/mirror/atop5_1a.csv because the official release {prov.release_url}"
    )
    assert "could not be downloaded (HTTP 404 File not found" in note
    meta = json.loads(provenance_sidecar(tmp_path / "atop" / "atop5_1a.csv").read_text())
    assert (meta["source"], meta["official_url"]) == ("mirror", prov.release_url)
    assert "HTTP 404" in meta["note"]


def test_an_official_file_with_another_checksum_is_refused_and_taken_from_the_mirror(
    served: tuple[Path, str], fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    _atop_registry(monkeypatch, fixture_data, base)
    bodies = _bodies(fixture_data)
    bodies["atop5_1m.csv"] = bodies["atop5_1m.csv"].replace(b"\n", b"\r\n")  # the publisher re-saved it
    _publish(root, fixture_data, release=bodies, mirror=True)
    by_name = {r.filename: r for r in fetch("atop", dest=tmp_path / "atop", progress=False)}
    assert by_name["atop5_1m.csv"].source == "mirror"
    assert "holds atop5_1m.csv with another SHA-256" in by_name["atop5_1m.csv"].message
    assert "refused" in by_name["atop5_1m.csv"].message
    assert {by_name[n].source for n in ATOP_CSVS[1:]} == {"official"}
    good = (fixture_data / "atop" / "atop5_1m.csv").read_bytes()
    assert (tmp_path / "atop" / "atop5_1m.csv").read_bytes() == good


def test_both_sources_failing_is_one_error_naming_both_urls_and_data_import(
    served: tuple[Path, str], fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, base = served
    prov = _atop_registry(monkeypatch, fixture_data, base)
    bodies = _bodies(fixture_data)
    bodies["atop5_1m.csv"] = b"atopid\n1\n"
    _publish(root, fixture_data, release=bodies, mirror=False)
    dest = tmp_path / "atop"
    with pytest.raises(DataUnavailableError) as exc:
        fetch("atop", dest=dest, progress=False)
    text = str(exc.value)
    assert text.startswith("could not get atop5_1m.csv of atop 5.1 from either source: the official release ")
    assert prov.release_url is not None and prov.release_url in text
    assert f"{base}/mirror/atop5_1m.csv failed (could not download" in text and "HTTP 404" in text
    assert text.endswith("install it with `casus data import PATH`")
    assert not any(p.name.endswith(".part") or p.name.startswith(".casus-release") for p in dest.iterdir())


def test_cli_fetch_says_where_each_file_came_from_and_status_shows_both_urls(
    served: tuple[Path, str], fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from casus.cli.app import main

    root, base = served
    prov = _atop_registry(monkeypatch, fixture_data, base)
    _publish(root, fixture_data, release=None, mirror=True)
    dest = tmp_path / "atop"
    assert main(["data", "fetch", "atop", "--dest", str(dest)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"{dest / 'atop5_1m.csv'}\tmirror"
    assert err.count("casus: note: atop5_1m.csv: from the mirror") == 1
    assert f"because the official release {prov.release_url} could not be downloaded (HTTP 404" in err
    # --no-official goes straight to the mirror (no note about the publisher).
    assert main(["data", "fetch", "atop", "--dest", str(dest), "--force", "--no-official"]) == 0
    out, err = capsys.readouterr()
    assert "official release" not in err
    assert "casus: note: atop5_1m.csv: from the mirror" in err


def test_status_shows_the_official_and_the_mirror_url(capsys: pytest.CaptureFixture[str]) -> None:
    from casus.cli.app import main

    assert main(["data", "status", "-f", "json"]) == 0
    rows = {(r["dataset"], r["file"]): r for r in json.loads(capsys.readouterr().out)}
    members = rows[("atop", "atop5_1m.csv")]
    assert members["official_url"] == "https://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip"
    assert members["mirror_url"].startswith("https://raw.githubusercontent.com/jandresgannon/DoDL/67007e14")
    assert main(["data", "status"]) == 0
    table = capsys.readouterr().out
    assert "atop 5.1: official https://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip" in table
    assert "then the pinned mirror https://raw.githubusercontent.com/jandresgannon/DoDL/" in table
