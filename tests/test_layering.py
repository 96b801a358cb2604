"""The pure core (kb, obligations, sim) never does I/O: only its ``io`` modules and folders touch files or datasets.

The rule is about folders, not a list: in ``kb``, ``obligations`` and ``sim``, a module named ``io.py`` or
anything inside an ``io/`` folder is an adapter (it may read scenario files, load datasets, write charts);
every other module is pure — it imports no adapter (no ``…io`` module, no loader package, no file or network
library), calls no ``open``/``print``/``input`` and no file-reading or file-writing method.
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "casus"
PURE = ["kb", "obligations", "sim"]
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
    "importlib.resources",
    "yaml",
)
FORBIDDEN_CALLS = {"open", "print", "input"}
#: Methods that read or write files (pandas, pathlib, matplotlib, numpy).
FORBIDDEN_METHODS = {
    "read_csv",
    "read_parquet",
    "read_excel",
    "read_stata",
    "read_text",
    "read_bytes",
    "to_csv",
    "to_parquet",
    "write_text",
    "write_bytes",
    "savefig",
    "loadtxt",
    "savetxt",
}


def is_adapter(path: Path) -> bool:
    """An ``io.py`` module, or any module inside an ``io/`` folder."""
    parts = path.relative_to(SRC).with_suffix("").parts
    return "io" in parts


def is_adapter_module(name: str) -> bool:
    return name.startswith("casus.") and "io" in name.split(".")


def pure_modules() -> list[Path]:
    return sorted(p for pkg in PURE for p in (SRC / pkg).rglob("*.py") if not is_adapter(p))


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def test_the_rule_sees_the_adapters():
    adapters = sorted(str(p.relative_to(SRC)) for pkg in PURE for p in (SRC / pkg).rglob("*.py") if is_adapter(p))
    # every model of sim has its io part, and the shared datasets have theirs
    for folder in ("sim/crisis/io/", "sim/dynamics/io/", "sim/sweep/io/"):
        assert any(a.startswith(folder) for a in adapters), folder
    assert "sim/io.py" in adapters
    assert "sim/crisis/model.py" not in adapters and len(pure_modules()) > 30


def test_pure_core_imports_no_adapters():
    offenders = []
    for path in pure_modules():
        for name in _imports(ast.parse(path.read_text())):
            if name.startswith(FORBIDDEN_PREFIXES) or is_adapter_module(name):
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    # doctests may import adapters; code may not
    assert offenders == []


def test_pure_core_does_not_print_or_open_files():
    offenders = []
    for path in pure_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno} calls {node.func.id}()")
            elif isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_METHODS:
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno} calls .{node.func.attr}()")
    assert offenders == []


def test_importing_casus_is_light():
    import subprocess
    import sys

    code = "import sys, casus; print([m for m in ('pandas', 'numpy', 'typer', 'yaml', 'pydantic') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
