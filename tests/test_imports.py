"""No import cycles among casus modules: each module's imports, lazy ones included, form a directed acyclic graph.

An import inside a function counts (it runs as soon as the function does); one under ``if TYPE_CHECKING:``
does not. ``importlib.import_module("casus.…")`` with a literal name counts too.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_names() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / "casus").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _module_names()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(name: str, path: Path) -> set[str]:
    """The casus modules ``name`` imports."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pkg import mod` imports the module; `from pkg import name` the package
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    out = {m for m in found if m in MODULES}
    return out - {name}


def import_graph() -> dict[str, set[str]]:
    """Each casus module and the casus modules it imports."""
    return {name: _imported(name, path) for name, path in MODULES.items()}


def test_the_graph_sees_lazy_imports():
    graph = import_graph()
    assert "casus.cli.options" in graph["casus.cli.cmd_sim"]  # a top-level import
    assert "casus.contract" in graph["casus.cli.app"]  # imported inside a command function
    assert "casus.kb.knowledge" not in graph["casus.cli.app"]  # only under TYPE_CHECKING


def test_no_import_cycles():
    graph = import_graph()
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        raise AssertionError("import cycle: " + " -> ".join(err.args[1])) from None
    assert len(order) == len(MODULES)
