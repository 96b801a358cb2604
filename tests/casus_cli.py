"""``casus ARGS`` run in the test process, returning what ``subprocess.run`` would.

A subprocess costs a fresh interpreter, the imports and the knowledge base (about 1.5 s of CPU each); in the
test process they are loaded once per worker. The entry point itself (``python -m casus``) keeps its own tests
(tests/cli/test_app.py::test_demo_runs_and_answers_the_article, tests/web/test_cmd_web.py, tests/test_core_install.py).
Importable as ``casus_cli`` because tests/conftest.py puts this folder on ``sys.path`` (pytest's default
``prepend`` import mode).
"""

from __future__ import annotations

import io
import subprocess
from contextlib import redirect_stderr, redirect_stdout


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI's ``main`` on ``args`` with stdout and stderr captured; never raises for an exit code."""
    from casus.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(["casus", *args], code, out.getvalue(), err.getvalue())
