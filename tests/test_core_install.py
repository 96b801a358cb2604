"""A core install (``make demo``: no extras) runs every README command, or says in one line which extra it needs.

The test builds a virtual environment with ``pip install -e .`` and nothing else (no system site-packages, so
no extra leaks in), kept in ``.venv-core/`` and rebuilt when pyproject.toml changes; pip's own cache makes the
first build a couple of minutes and later runs reuse the environment.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / ".venv-core"
README_COMMAND = re.compile(r"^\.venv/bin/casus (.+?)(?:\s+#.*)?$")
ONE_LINE_EXTRA = re.compile(r"^casus: error: this feature needs the optional module '[\w.]+'; install it with "
                            r"`pip install 'casus-foederis\[[a-z,]+\]'`$")  # fmt: skip

pytestmark = pytest.mark.slow  # builds a virtual environment (minutes the first time)


def short_tour() -> list[str]:
    """``demo`` and the README's short tour ("After `make demo`…"): they need no extra and must answer."""
    text = (REPO / "README.md").read_text("utf-8")
    tour = text[text.index("## A short tour") : text.index("With the test set-up")]
    return ["demo"] + [m.group(1).strip() for line in tour.splitlines() if (m := README_COMMAND.match(line.strip()))]


def readme_commands() -> list[str]:
    """The ``.venv/bin/casus …`` lines of README.md, plus ``demo`` (what ``make demo`` runs)."""
    lines = (REPO / "README.md").read_text("utf-8").splitlines()
    return ["demo"] + [m.group(1).strip() for line in lines if (m := README_COMMAND.match(line.strip()))]


@pytest.fixture(scope="module")
def core_casus() -> Path:
    """``casus`` in a venv holding casus-foederis and its core dependencies only (built once per pyproject)."""
    stamp = CORE / ".pyproject-sha256"
    want = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()
    with (REPO / ".venv-core.lock").open("w") as lock:  # one builder at a time (pytest -n 2 workers)
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.is_file() and stamp.read_text() == want):
            shutil.rmtree(CORE, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(CORE)], check=True, timeout=300)
            pip = [str(CORE / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            subprocess.run([*pip, "-e", str(REPO)], check=True, capture_output=True, timeout=1200)
            stamp.write_text(want)
    return CORE / "bin" / "casus"


def test_the_core_venv_has_no_extra(core_casus: Path) -> None:
    probe = "import importlib.util as u; print([m for m in ('pandas', 'httpx', 'fastapi', 'spacy') if u.find_spec(m)])"
    out = subprocess.run([str(core_casus.parent / "python"), "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]"
    assert "members csto --on 2024-06-25" in readme_commands() and "serve" in readme_commands()
    assert len(short_tour()) >= 8 and "members csto --on 2024-06-25" in short_tour() and "serve" not in short_tour()


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_works_or_names_its_extra_in_one_line(
    core_casus: Path, command: str, casus_data: Path, tmp_path: Path
) -> None:
    # relative paths in the README are from the repository root (globs as the shell expands them); outputs go
    # to a scratch folder
    args: list[str] = []
    for a in shlex.split(command):
        args += sorted(str(p) for p in REPO.glob(a)) if a.startswith("tests/") else [a]
    env = {**os.environ, "CASUS_DATA_DIR": str(casus_data), "COLUMNS": "120"}
    proc = subprocess.run([str(core_casus), *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    if command in short_tour():  # `make demo` installs the core only
        assert proc.returncode == 0, proc.stderr
    if proc.returncode == 0:
        assert proc.stdout.strip(), "a README command that succeeds prints its answer"
    else:
        assert proc.returncode == 2, proc.stderr
        assert ONE_LINE_EXTRA.match(proc.stderr.rstrip("\n")), proc.stderr
        assert proc.stderr.count("\n") == 1 and proc.stdout == ""
