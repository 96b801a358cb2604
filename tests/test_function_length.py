"""No function in src/ is longer than 80 lines unless a comment right above it says why.

The reason is a comment directly above the function (above its decorators): ``# long-function: <why>``,
at least a few words. Length counts every line from the first decorator (or ``def``) to the end of the body,
docstring included.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "casus"
LIMIT = 80
MARKER = "# long-function:"


def long_functions(source: str) -> list[tuple[str, int, int, str]]:
    """``(name, first line, length, reason)`` of each function over :data:`LIMIT` lines in ``source``."""
    lines = source.splitlines()
    out = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = min([d.lineno for d in node.decorator_list] + [node.lineno])
        length = (node.end_lineno or node.lineno) - first + 1
        if length <= LIMIT:
            continue
        above = lines[first - 2].strip() if first >= 2 else ""
        reason = above.removeprefix(MARKER).strip() if above.startswith(MARKER) else ""
        out.append((node.name, first, length, reason))
    return out


def test_the_rule_sees_length_and_reason():
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    assert [(n, ln) for n, _, ln, _ in long_functions(f"def f():\n{body}\n")] == [("f", 86)]
    marked = f"# long-function: one table of 85 literal rows, clearer whole\n@staticmethod\ndef f():\n{body}\n"
    assert long_functions(marked)[0][3] == "one table of 85 literal rows, clearer whole"
    assert long_functions("def g():\n    return 1\n") == []


def test_no_long_function_without_a_reason():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for name, line, length, reason in long_functions(path.read_text("utf-8")):
            if len(reason.split()) < 3:
                offenders.append(f"{path.relative_to(SRC.parent)}:{line} {name}() is {length} lines")
    assert offenders == [], "split them, or say why above each: `# long-function: <reason>`"
