"""Docs are tested: every CLI command appears in the docs, and the generated reference is current."""

from pathlib import Path

from casus.cli.reference import command_paths, render_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = Path(__file__).resolve().parents[1] / "README.md"


def test_cli_reference_is_current():
    current = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    assert current == render_reference() + "\n", "run: python scripts/gen_cli_docs.py"


def test_every_command_is_documented_in_prose():
    prose = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md") if p.name != "cli-reference.md")
    prose += README.read_text(encoding="utf-8")
    missing = [c for c in command_paths() if f"`{c}" not in prose]
    assert missing == []


def test_readme_gives_exactly_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
