"""``casus serve``: the CLI stays light, says when the extra is missing, and really serves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from casus.errors import MissingExtraError


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_does_not_import_fastapi():
    code = "import sys, casus.cli.app; print([m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_serve_help_shows_defaults():
    out = subprocess.run(
        [sys.executable, "-m", "casus", "serve", "--help"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "--host" in out and "127.0.0.1" in out and "--port" in out and "8000" in out


def test_missing_fastapi_is_a_clear_error(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    from casus.web import create_app

    with pytest.raises(MissingExtraError, match=r"casus-foederis\[web\]"):
        create_app()
    from casus.cli.app import main

    assert main(["serve", "--port", "1"]) == 2
    assert "casus: error: this feature needs the optional module 'fastapi'" in capsys.readouterr().err


@pytest.mark.slow
def test_serve_runs_as_a_real_process(tmp_path):
    import httpx

    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:  # the child keeps its own copy of the file descriptor
        proc = subprocess.Popen(
            [sys.executable, "-m", "casus", "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        health = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"{base}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health is not None, f"no answer within 60 s (exit code {proc.poll()}): {log.read_text()[-2000:]}"
        assert health.status_code == 200 and health.json()["status"] == "ok"
        members = httpx.get(f"{base}/api/v1/orgs/csto/members", params={"on": "2024-06-25"}, timeout=30).json()
        assert len(members["members"]) == 6
        assert "casus" in httpx.get(f"{base}/", timeout=10).text
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casus", "serve", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_bad_port_is_one_line_and_exit_2():
    out = _serve("--port", "99999")
    assert out.returncode == 2
    assert out.stderr == "casus: error: --port 99999 is not a TCP port; give a number from 1 to 65535\n"
    assert out.stdout == ""


@pytest.mark.slow
def test_a_busy_port_is_one_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        out = _serve("--port", str(port))
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        f"casus: error: port {port} on 127.0.0.1 is busy (another server uses it); choose another with --port"
    ]


def test_a_remote_bind_needs_allow_remote():
    out = _serve("--host", "0.0.0.0", "--port", "0")
    assert out.returncode == 2
    assert out.stderr.startswith("casus: error: --host 0.0.0.0 would expose casus to the network")
    assert "--allow-remote" in out.stderr and len(out.stderr.splitlines()) == 1


def test_allow_remote_warns_and_still_checks_host_headers(monkeypatch):
    import uvicorn

    from casus.web.server import serve

    seen: dict[str, object] = {}

    def fake_run(self, sockets=None):  # type: ignore[no-untyped-def]
        seen["listening"] = sockets[0].getsockname()
        seen["app"] = self.config.app

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    lines: list[str] = []
    serve("0.0.0.0", 0, allow_remote=True, allowed_hosts=["casus.example.org"], say=lines.append)
    assert lines[0].startswith("casus: warning: listening on 0.0.0.0:") and "no authentication" in lines[0]
    assert "casus.example.org" in lines[0]
    assert lines[1].startswith("casus: dashboard on http://127.0.0.1:")
    from fastapi.testclient import TestClient

    app = seen["app"]
    assert TestClient(app, base_url="http://casus.example.org").get("/api/v1/health").status_code == 200
    assert TestClient(app, base_url="http://rebound.example").get("/api/v1/health").status_code == 400


@pytest.mark.slow
def test_the_address_is_printed_once_the_server_listens(tmp_path):
    import httpx

    proc = subprocess.Popen(
        [sys.executable, "-m", "casus", "serve", "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.startswith("casus: dashboard on http://127.0.0.1:"), line
        url = line.split()[3]
        # no retry loop: the socket was listening before the line was written
        assert httpx.get(f"{url}api/v1/health", timeout=30).json()["status"] == "ok"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
