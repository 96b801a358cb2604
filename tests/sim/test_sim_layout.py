"""The shape of sim/: model folders with small modules and short functions (see STYLE.md, "Shape of the house")."""

from __future__ import annotations

import ast
from pathlib import Path

SIM = Path(__file__).resolve().parents[2] / "src" / "casus" / "sim"
MAX_LINES = 400
MAX_FUNCTION_LINES = 80
#: A long function may stay long when a comment on its ``def`` line says why, starting with this tag.
REASON = "# long:"


def _modules() -> list[Path]:
    return sorted(SIM.rglob("*.py"))


def test_sim_is_model_folders_and_a_few_shared_modules():
    folders = sorted(p.name for p in SIM.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert folders == ["align", "crisis", "dynamics", "sweep"]
    shared = sorted(p.name for p in SIM.glob("*.py"))
    assert shared == ["__init__.py", "io.py", "panel.py", "rng.py"]


def test_no_module_over_400_lines():
    long = {str(p.relative_to(SIM)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_no_function_over_80_lines_without_a_reason():
    offenders = []
    for path in _modules():
        lines = path.read_text().splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and REASON not in lines[node.lineno - 1]:
                    offenders.append(f"{path.relative_to(SIM)}:{node.lineno} {node.name} ({length} lines)")
    assert offenders == []
