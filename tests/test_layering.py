"""The pure core (kb, obligations, sim core) never does I/O: it imports no adapter and no I/O module."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "casus"
PURE = ["kb", "obligations", "sim"]
#: The sim package's adapters: the only sim modules that read or write files or load datasets.
ADAPTERS = {
    "sim/files.py",
    "sim/datasets.py",
    "sim/charts.py",
    "sim/dynamics_charts.py",
    "sim/dynamics_io.py",
    "sim/mesa_model.py",
    "sim/sweep_dask.py",
}
FORBIDDEN_PREFIXES = (
    "casus.curated",
    "casus.cli",
    "casus.store",
    "casus.ingest",
    "casus.web",
    "casus.data",
    "urllib",
    "httpx",
    "requests",
    "socket",
    "sqlite3",
    "pathlib",
    "shutil",
    "subprocess",
    *(f"casus.{a[:-3].replace('/', '.')}" for a in ADAPTERS),
)
FORBIDDEN_CALLS = {"open", "print", "input"}


def modules(pkg):
    return sorted(p for p in (SRC / pkg).rglob("*.py") if str(p.relative_to(SRC)) not in ADAPTERS)


def test_pure_core_imports_no_adapters():
    offenders = []
    for pkg in PURE:
        for path in modules(pkg):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name.startswith(FORBIDDEN_PREFIXES):
                        offenders.append(f"{path.relative_to(SRC)} imports {name}")
    # doctests may import adapters; code may not
    assert offenders == []


def test_pure_core_does_not_print_or_open_files():
    offenders = []
    for pkg in PURE:
        for path in modules(pkg):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno} calls {node.func.id}()")
    assert offenders == []


def test_importing_casus_is_light():
    import subprocess
    import sys

    code = "import sys, casus; print([m for m in ('pandas', 'numpy', 'typer', 'yaml', 'pydantic') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
